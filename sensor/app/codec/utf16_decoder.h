// UTF-16 text (Windows exports: "Unicode" CSV and TXT files start with a byte-order mark) to
// UTF-8, so that the signatures, which are UTF-8 byte patterns, see the characters. Streaming:
// a code unit or surrogate pair split across calls is completed by the next call. A lone
// surrogate becomes U+FFFD, as in the JSON unescaper.
#pragma once

#include <cstdint>
#include <string>

#include "common/bytes.h"

namespace korgoo::app {

class Utf16Decoder {
 public:
  enum class Order : std::uint8_t { kLittleEndian, kBigEndian };
  explicit Utf16Decoder(Order order) : order_(order) {}

  // The byte-order mark of `head` (FF FE or FE FF), if any.
  static bool has_bom(ByteView head, Order& order);

  // Appends the UTF-8 form of `in` to `out` (a leading byte-order mark is dropped).
  void decode(ByteView in, std::string& out);
  // The input ended: an odd byte or a pending high surrogate becomes U+FFFD.
  void finish(std::string& out);

 private:
  void on_unit(std::uint32_t unit, std::string& out);

  Order order_;
  bool first_unit_ = true;
  bool have_byte_ = false;
  std::uint8_t byte_ = 0;
  std::uint32_t high_ = 0;  // pending high surrogate, 0 if none
};

}  // namespace korgoo::app
