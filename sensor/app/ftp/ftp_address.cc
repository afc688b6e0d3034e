#include "app/ftp/ftp_address.h"

#include <array>
#include <cstdint>
#include <string>

#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

// A decimal number at s[i..] of at most `max`; advances i.
std::optional<std::uint32_t> read_number(std::string_view s, std::size_t& i, std::uint32_t max) {
  std::uint32_t v = 0;
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    v = v * 10 + static_cast<std::uint32_t>(s[i] - '0');
    if (v > max) return std::nullopt;
    ++i;
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  return v;
}

// Six numbers h1,h2,h3,h4,p1,p2 starting at s[i]; spaces around commas tolerated.
std::optional<FtpEndpoint> read_six(std::string_view s, std::size_t i, std::size_t* end = nullptr) {
  std::array<std::uint8_t, 6> n{};
  for (int k = 0; k < 6; ++k) {
    while (i < s.size() && s[i] == ' ') ++i;
    const auto v = read_number(s, i, 255);
    if (!v) return std::nullopt;
    n[k] = static_cast<std::uint8_t>(*v);
    while (i < s.size() && s[i] == ' ') ++i;
    if (k < 5) {
      if (i >= s.size() || s[i] != ',') return std::nullopt;
      ++i;
    }
  }
  const auto port = static_cast<std::uint16_t>(n[4] * 256 + n[5]);
  if (port == 0) return std::nullopt;
  if (end) *end = i;
  return FtpEndpoint{IpAddress::v4(n.data()), port};
}

}  // namespace

std::optional<FtpEndpoint> parse_ftp_port_argument(std::string_view arg) {
  arg = trim(arg);
  std::size_t end = 0;
  auto ep = read_six(arg, 0, &end);
  if (!ep || end != arg.size()) return std::nullopt;
  return ep;
}

std::optional<FtpEndpoint> parse_ftp_pasv_reply(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') continue;
    if (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9') continue;
    if (auto ep = read_six(text, i)) return ep;
  }
  return std::nullopt;
}

std::optional<FtpEndpoint> parse_ftp_eprt_argument(std::string_view arg) {
  arg = trim(arg);
  if (arg.size() < 7) return std::nullopt;
  const char d = arg[0];
  if (d < 33 || d > 126) return std::nullopt;
  const std::size_t p1 = arg.find(d, 1);
  if (p1 == std::string_view::npos) return std::nullopt;
  const std::size_t p2 = arg.find(d, p1 + 1);
  if (p2 == std::string_view::npos) return std::nullopt;
  const std::size_t p3 = arg.find(d, p2 + 1);
  if (p3 == std::string_view::npos) return std::nullopt;
  const std::string_view proto = arg.substr(1, p1 - 1);
  const std::string_view addr = arg.substr(p1 + 1, p2 - p1 - 1);
  const std::string_view port_text = arg.substr(p2 + 1, p3 - p2 - 1);
  if (proto != "1" && proto != "2") return std::nullopt;
  auto ip = IpAddress::parse(addr);
  if (!ip || (proto == "1") != ip->is_v4()) return std::nullopt;
  std::size_t i = 0;
  const auto port = read_number(port_text, i, 65535);
  if (!port || i != port_text.size() || *port == 0) return std::nullopt;
  return FtpEndpoint{*ip, static_cast<std::uint16_t>(*port)};
}

std::optional<FtpEndpoint> parse_ftp_epsv_reply(std::string_view text) {
  const std::size_t open = text.find('(');
  if (open == std::string_view::npos || open + 5 > text.size()) return std::nullopt;
  const char d = text[open + 1];
  if (text[open + 2] != d || text[open + 3] != d) return std::nullopt;
  std::size_t i = open + 4;
  const auto port = read_number(text, i, 65535);
  if (!port || *port == 0 || i >= text.size() || text[i] != d) return std::nullopt;
  return FtpEndpoint{std::nullopt, static_cast<std::uint16_t>(*port)};
}

}  // namespace korgoo::app
