// Undoes JSON string escapes (RFC 8259 §7) so that `"name":"\u0410\u0439\u0436\u0430\u043d"`
// or `"card":"4111\u00201111"` is scanned as the characters it stands for. Surrogate pairs
// become one UTF-8 sequence; a lone surrogate becomes U+FFFD. Streaming: an escape split
// across calls is completed by the next call. Structure (quotes, braces) is kept as sent:
// detection needs the text, not the tree.
#pragma once

#include <cstdint>
#include <string>

#include "common/bytes.h"

namespace korgoo::app {

class JsonUnescaper {
 public:
  // Appends the unescaped form of `in` to `out`.
  void decode(ByteView in, std::string& out);
  // The input ended: an incomplete escape is emitted as sent.
  void finish(std::string& out);

 private:
  enum class State : std::uint8_t {
    kText,
    kEscape,          // after '\'
    kUnicode,         // after "\u", collecting 4 hex digits
    kAfterHigh,       // a high surrogate decoded; expecting '\' of its low half
    kAfterHighSlash,  // expecting 'u' of the low half
    kLowUnicode,      // collecting the low half's 4 hex digits
  };
  void on_byte(std::uint8_t c, std::string& out);
  void on_code_unit(std::uint32_t unit, std::string& out);
  void drop_partial(std::string& out);

  State state_ = State::kText;
  std::uint32_t value_ = 0;  // hex digits collected so far
  std::uint8_t digits_ = 0;  // how many
  std::uint32_t high_ = 0;   // pending high surrogate
};

}  // namespace korgoo::app
