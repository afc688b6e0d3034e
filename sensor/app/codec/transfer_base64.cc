#include "app/codec/transfer_base64.h"

#include <array>

namespace korgoo::app {

namespace {

constexpr std::array<std::int8_t, 256> make_table() {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t) v = -1;
  const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (int i = 0; i < 64; ++i)
    t[static_cast<std::uint8_t>(alphabet[i])] = static_cast<std::int8_t>(i);
  return t;
}
constexpr auto kTable = make_table();

}  // namespace

void Base64Decoder::decode(ByteView in, std::string& out) {
  for (const std::uint8_t c : in) {
    if (c == '=') {
      // Padding closes the quartet: emit the whole bytes it holds and start over.
      if (count_ >= 2) finish(out);
      continue;
    }
    const std::int8_t v = kTable[c];
    if (v < 0) {
      if (c != '\r' && c != '\n' && c != ' ' && c != '\t') ++skipped_;
      continue;
    }
    bits_ = (bits_ << 6) | static_cast<std::uint32_t>(v);
    if (++count_ == 4) {
      out.push_back(static_cast<char>((bits_ >> 16) & 0xFF));
      out.push_back(static_cast<char>((bits_ >> 8) & 0xFF));
      out.push_back(static_cast<char>(bits_ & 0xFF));
      bits_ = 0;
      count_ = 0;
    }
  }
}

void Base64Decoder::finish(std::string& out) {
  if (count_ == 2) {
    out.push_back(static_cast<char>((bits_ >> 4) & 0xFF));
  } else if (count_ == 3) {
    out.push_back(static_cast<char>((bits_ >> 10) & 0xFF));
    out.push_back(static_cast<char>((bits_ >> 2) & 0xFF));
  }
  bits_ = 0;
  count_ = 0;
}

}  // namespace korgoo::app
