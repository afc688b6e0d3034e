// TLS handshake parsing: the ClientHello (SNI, ALPN, offered versions) and the ServerHello
// (the version chosen), from complete handshake message bodies. Every length is checked
// against what is left; a lie in a length is an error, never a read past the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/bytes.h"

namespace korgoo::app {

inline constexpr std::uint8_t kTlsClientHello = 1;
inline constexpr std::uint8_t kTlsServerHello = 2;

struct TlsClientHello {
  std::uint16_t legacy_version = 0;
  std::optional<std::string> sni;  // first host_name of the server_name extension
  std::vector<std::string> alpn;
  std::vector<std::uint16_t> supported_versions;
};

struct TlsServerHello {
  std::uint16_t legacy_version = 0;
  std::optional<std::uint16_t> selected_version;  // supported_versions extension (TLS 1.3)
  std::optional<std::string> alpn;
  std::uint16_t version() const { return selected_version.value_or(legacy_version); }
};

std::optional<TlsClientHello> parse_tls_client_hello(ByteView body);
std::optional<TlsServerHello> parse_tls_server_hello(ByteView body);

// "TLS 1.2", "TLS 1.3", "SSLv3", "TLS 1.3 draft-28", else "UNDETERMINED" (Suricata's names).
std::string tls_version_name(std::uint16_t version);

}  // namespace korgoo::app
