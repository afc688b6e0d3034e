// The data-connection addresses FTP announces: PORT and the 227 reply to PASV
// ("h1,h2,h3,h4,p1,p2"), EPRT ("|1|ip|port|", RFC 2428) and the 229 reply to EPSV
// ("(|||port|)"). Parsers are strict about numbers (no overflow, ports 1..65535).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/ip_address.h"

namespace korgoo::app {

struct FtpEndpoint {
  std::optional<IpAddress> ip;  // absent for EPSV, which announces only a port
  std::uint16_t port = 0;
};

// PORT argument: exactly six comma-separated numbers.
std::optional<FtpEndpoint> parse_ftp_port_argument(std::string_view arg);
// 227 reply text: the first run of six comma-separated numbers, with or without parentheses.
std::optional<FtpEndpoint> parse_ftp_pasv_reply(std::string_view text);
// EPRT argument: <d>proto<d>address<d>port<d> with any delimiter character.
std::optional<FtpEndpoint> parse_ftp_eprt_argument(std::string_view arg);
// 229 reply text: "(<d><d><d>port<d>)".
std::optional<FtpEndpoint> parse_ftp_epsv_reply(std::string_view text);

}  // namespace korgoo::app
