// TLS handshake messages built for the tests: ClientHello and ServerHello bodies, records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace korgoo::app::testing {

inline std::string u16(std::size_t v) {
  return std::string{static_cast<char>((v >> 8) & 0xFF), static_cast<char>(v & 0xFF)};
}
inline std::string u24(std::size_t v) {
  return static_cast<char>((v >> 16) & 0xFF) + u16(v & 0xFFFF);
}
inline std::string ext(std::uint16_t type, const std::string& data) {
  return u16(type) + u16(data.size()) + data;
}

inline std::string client_hello_body(const std::string& sni, const std::vector<std::string>& alpn) {
  std::string body = u16(0x0303) + std::string(32, 'r') + std::string(1, '\0') + u16(4) +
                     std::string("\x13\x01\xC0\x2F", 4) + std::string("\x01\x00", 2);
  std::string exts;
  const std::string entry = std::string(1, '\0') + u16(sni.size()) + sni;
  exts += ext(0, u16(entry.size()) + entry);
  std::string list;
  for (const auto& a : alpn) list += static_cast<char>(a.size()) + a;
  exts += ext(16, u16(list.size()) + list);
  exts += ext(43, std::string("\x04\x03\x04\x03\x03", 5));
  exts += ext(0xFF01, std::string(1, '\0'));  // renegotiation_info, ignored
  return body + u16(exts.size()) + exts;
}

inline std::string handshake(std::uint8_t type, const std::string& body) {
  return static_cast<char>(type) + u24(body.size()) + body;
}

// Splits a handshake message over records of at most `max_record` bytes.
inline std::string records(const std::string& hs, std::size_t max_record) {
  std::string out;
  for (std::size_t i = 0; i < hs.size(); i += max_record) {
    const std::string piece = hs.substr(i, max_record);
    out += std::string("\x16\x03\x01", 3) + u16(piece.size()) + piece;
  }
  return out;
}

inline std::string server_hello(std::uint16_t selected) {
  std::string body = u16(0x0303) + std::string(32, 's') + std::string(1, '\0') +
                     std::string("\x13\x01", 2) + std::string(1, '\0');
  const std::string exts = ext(43, u16(selected));
  return records(handshake(2, body + u16(exts.size()) + exts), 1 << 14);
}

}  // namespace korgoo::app::testing
