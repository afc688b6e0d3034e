#include "app/codec/json_unescaper.h"
#include "common/hex_digit.h"

#include "common/utf8.h"

namespace korgoo::app {
namespace {

constexpr std::uint32_t kReplacement = 0xFFFD;

bool is_high_surrogate(std::uint32_t u) {
  return u >= 0xD800 && u <= 0xDBFF;
}
bool is_low_surrogate(std::uint32_t u) {
  return u >= 0xDC00 && u <= 0xDFFF;
}

}  // namespace

void JsonUnescaper::decode(ByteView in, std::string& out) {
  for (std::uint8_t c : in) on_byte(c, out);
}

// A code unit from "\uXXXX": pairs a high surrogate with the low one that must follow.
void JsonUnescaper::on_code_unit(std::uint32_t unit, std::string& out) {
  if (is_high_surrogate(unit)) {
    high_ = unit;
    state_ = State::kAfterHigh;
    return;
  }
  append_utf8(out, is_low_surrogate(unit) ? kReplacement : unit);
  state_ = State::kText;
}

// An escape that turned out incomplete: what was held is emitted as well as can be.
void JsonUnescaper::drop_partial(std::string& out) {
  switch (state_) {
    case State::kText:
      break;
    case State::kEscape:
      out.push_back('\\');
      break;
    case State::kUnicode:
    case State::kLowUnicode: {
      if (state_ == State::kLowUnicode) append_utf8(out, kReplacement);
      out += "\\u";
      for (int i = digits_ - 1; i >= 0; --i) {
        out.push_back("0123456789abcdef"[(value_ >> (4 * i)) & 0xF]);
      }
      break;
    }
    case State::kAfterHigh:
      append_utf8(out, kReplacement);
      break;
    case State::kAfterHighSlash:
      append_utf8(out, kReplacement);
      out.push_back('\\');
      break;
  }
  state_ = State::kText;
  value_ = 0;
  digits_ = 0;
}

void JsonUnescaper::on_byte(std::uint8_t c, std::string& out) {
  switch (state_) {
    case State::kText:
      if (c == '\\') {
        state_ = State::kEscape;
      } else {
        out.push_back(static_cast<char>(c));
      }
      return;
    case State::kEscape:
      state_ = State::kText;
      switch (c) {
        case 'b':
          out.push_back('\b');
          return;
        case 'f':
          out.push_back('\f');
          return;
        case 'n':
          out.push_back('\n');
          return;
        case 'r':
          out.push_back('\r');
          return;
        case 't':
          out.push_back('\t');
          return;
        case 'u':
          state_ = State::kUnicode;
          value_ = 0;
          digits_ = 0;
          return;
        case '"':
        case '\\':
        case '/':
          out.push_back(static_cast<char>(c));
          return;
        default:  // not a JSON escape: keep as sent
          out.push_back('\\');
          out.push_back(static_cast<char>(c));
          return;
      }
    case State::kUnicode:
    case State::kLowUnicode: {
      const int h = hex_digit_value(c);
      if (h < 0) {
        drop_partial(out);
        on_byte(c, out);
        return;
      }
      value_ = value_ * 16 + static_cast<std::uint32_t>(h);
      if (++digits_ < 4) return;
      const std::uint32_t unit = value_;
      value_ = 0;
      digits_ = 0;
      if (state_ == State::kUnicode) {
        on_code_unit(unit, out);
      } else if (is_low_surrogate(unit)) {
        append_utf8(out, 0x10000 + ((high_ - 0xD800) << 10) + (unit - 0xDC00));
        state_ = State::kText;
      } else {
        append_utf8(out, kReplacement);  // the high half had no partner
        on_code_unit(unit, out);
      }
      return;
    }
    case State::kAfterHigh:
      if (c == '\\') {
        state_ = State::kAfterHighSlash;
        return;
      }
      drop_partial(out);
      on_byte(c, out);
      return;
    case State::kAfterHighSlash:
      if (c == 'u') {
        state_ = State::kLowUnicode;
        value_ = 0;
        digits_ = 0;
        return;
      }
      // Another escape follows the lone high surrogate.
      append_utf8(out, kReplacement);
      state_ = State::kEscape;
      on_byte(c, out);
      return;
  }
}

void JsonUnescaper::finish(std::string& out) {
  drop_partial(out);
}

}  // namespace korgoo::app
