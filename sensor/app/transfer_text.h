// Small text helpers shared by the mail, FTP, DNS and TLS decoders: ASCII case folding and
// trimming (protocol keywords are ASCII), and making arbitrary bytes safe for EVE JSON.
#pragma once

#include <string>
#include <string_view>

namespace korgoo::app {

inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
std::string ascii_lowercase(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
std::string_view trim(std::string_view s);  // spaces, tabs, CR, LF

// EVE is JSON, and JSON strings must be valid UTF-8 (the JSON library throws otherwise).
// Names from the wire are arbitrary bytes: valid UTF-8 sequences are kept, every other byte is
// read as Latin-1 (the usual charset of legacy mail), so the result is always valid UTF-8
// and no byte is silently dropped.
std::string to_valid_utf8(std::string_view bytes);

// Cuts `s` to at most `max_bytes` without splitting a UTF-8 sequence (Suricata cuts long
// attachment names to 255 bytes).
std::string truncate_utf8(std::string s, std::size_t max_bytes);

}  // namespace korgoo::app
