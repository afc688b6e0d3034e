#include "app/codec/chunked_decoder.h"
#include "common/hex_digit.h"

#include <algorithm>

namespace korgoo::app {
namespace {

// A size line is a few hex digits; extensions may add a little. Much more is not chunking.
constexpr std::size_t kMaxSizeLine = 1024;
constexpr std::size_t kMaxTrailerLine = 8192;
constexpr int kMaxSizeDigits = 15;  // keeps the size below 2^60: no overflow

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

void ChunkedDecoder::end_size_line() {
  std::size_t i = 0;
  while (i < line_.size() && is_space(line_[i])) ++i;
  if (i == line_.size()) {  // a blank line between chunks: tolerated, as browsers do
    line_.clear();
    return;
  }
  std::uint64_t size = 0;
  int digits = 0;
  for (; i < line_.size() && hex_digit_value(line_[i]) >= 0; ++i, ++digits) {
    if (digits == kMaxSizeDigits) {
      state_ = State::kInvalid;
      return;
    }
    size = size * 16 + static_cast<std::uint64_t>(hex_digit_value(line_[i]));
  }
  if (digits == 0) {
    state_ = State::kInvalid;
    return;
  }
  line_.clear();
  size_digits_seen_ = false;
  if (size == 0) {
    state_ = State::kTrailer;
  } else {
    remaining_ = size;
    state_ = State::kData;
  }
}

ChunkedDecoder::Step ChunkedDecoder::step(ByteView in) {
  Step s;
  while (s.consumed < in.size()) {
    const char c = static_cast<char>(in[s.consumed]);
    switch (state_) {
      case State::kSizeLine:
        ++s.consumed;
        if (c == '\n') {
          end_size_line();
          if (state_ == State::kData) return s;  // data starts in the next step
          if (state_ == State::kInvalid) {
            line_.push_back('\n');
            return s;
          }
        } else {
          size_digits_seen_ = size_digits_seen_ || hex_digit_value(c) >= 0;
          line_.push_back(c);
          // Before the first digit only white space may come: anything else shows at once
          // that this is not a size line (no need to wait for a line end that a body sent
          // without framing may never have). After the digits browsers ignore whatever
          // follows up to the line end, so this does too.
          if (line_.size() > kMaxSizeLine ||
              (!size_digits_seen_ && hex_digit_value(c) < 0 && !is_space(c))) {
            state_ = State::kInvalid;
            return s;
          }
        }
        break;
      case State::kData: {
        if (s.consumed > 0) return s;  // one run of data per step, starting at its front
        const std::size_t n =
            static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, in.size()));
        s.data = in.first(n);
        s.consumed = n;
        remaining_ -= n;
        if (remaining_ == 0) {
          state_ = State::kDataEnd;
          data_end_cr_ = false;
        }
        return s;
      }
      case State::kDataEnd:
        if (c == '\r' && !data_end_cr_) {
          data_end_cr_ = true;
          ++s.consumed;
        } else if (c == '\n') {
          ++s.consumed;
          state_ = State::kSizeLine;
        } else {
          state_ = State::kSizeLine;  // CRLF missing: read this byte as the next size line
        }
        break;
      case State::kTrailer:
        ++s.consumed;
        if (c == '\n') {
          const bool empty = line_.empty() || line_ == "\r";
          line_.clear();
          if (empty) {
            state_ = State::kDone;
            return s;
          }
        } else if (line_.size() < kMaxTrailerLine) {
          line_.push_back(c);
        }
        break;
      case State::kDone:
      case State::kInvalid:
        return s;
    }
  }
  return s;
}

bool ChunkedDecoder::skip(std::uint64_t length) {
  if (state_ != State::kData || length > remaining_) return false;
  remaining_ -= length;
  if (remaining_ == 0) {
    state_ = State::kDataEnd;
    data_end_cr_ = false;
  }
  return true;
}

}  // namespace korgoo::app
