#include "app/codec/transfer_quoted_printable.h"
#include "common/hex_digit.h"

namespace korgoo::app {

void QuotedPrintableDecoder::decode(ByteView in, std::string& out) {
  for (const std::uint8_t byte : in) {
    const char c = static_cast<char>(byte);
    switch (state_) {
      case State::kText:
        if (c == '=') {
          state_ = State::kEquals;
        } else {
          out.push_back(c);
        }
        break;
      case State::kEquals:
        if (c == '\r') {
          state_ = State::kSoftCr;
        } else if (c == '\n') {
          state_ = State::kText;  // soft break with a bare LF
        } else if (hex_digit_value(c) >= 0) {
          first_hex_ = c;
          state_ = State::kHex1;
        } else if (c == ' ' || c == '\t') {
          // Trailing whitespace after a soft-break `=` (added by some gateways): stay, the
          // line break should follow.
        } else {
          out.push_back('=');
          if (c == '=') break;  // a new escape starts here
          out.push_back(c);
          state_ = State::kText;
        }
        break;
      case State::kHex1:
        if (hex_digit_value(c) >= 0) {
          out.push_back(static_cast<char>(hex_digit_value(first_hex_) * 16 + hex_digit_value(c)));
          state_ = State::kText;
        } else {
          out.push_back('=');
          out.push_back(first_hex_);
          if (c == '=') {
            state_ = State::kEquals;
          } else {
            out.push_back(c);
            state_ = State::kText;
          }
        }
        break;
      case State::kSoftCr:
        state_ = State::kText;
        if (c == '\n') break;  // "=\r\n": soft line break, nothing emitted
        if (c == '=') {
          state_ = State::kEquals;
        } else {
          out.push_back(c);
        }
        break;
    }
  }
}

void QuotedPrintableDecoder::finish(std::string& out) {
  if (state_ == State::kHex1) {
    out.push_back('=');
    out.push_back(first_hex_);
  }
  state_ = State::kText;
}

}  // namespace korgoo::app
