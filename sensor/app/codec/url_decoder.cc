#include "app/codec/url_decoder.h"
#include "common/hex_digit.h"

namespace korgoo::app {
void UrlDecoder::flush_pending(std::string& out) {
  out.append(pending_, pending_len_);
  pending_len_ = 0;
}

void UrlDecoder::decode(ByteView in, std::string& out) {
  for (std::uint8_t c : in) {
    if (pending_len_ == 0) {
      if (c == '%') {
        pending_[pending_len_++] = '%';
      } else if (c == '+' && plus_is_space_) {
        out.push_back(' ');
      } else {
        out.push_back(static_cast<char>(c));
      }
      continue;
    }
    if (hex_digit_value(c) < 0) {
      // Not an escape after all: keep what was held as sent and look at `c` afresh (it may
      // start a new escape, as in "%%41").
      flush_pending(out);
      if (c == '%') {
        pending_[pending_len_++] = '%';
      } else if (c == '+' && plus_is_space_) {
        out.push_back(' ');
      } else {
        out.push_back(static_cast<char>(c));
      }
      continue;
    }
    if (pending_len_ == 1) {
      pending_[pending_len_++] = static_cast<char>(c);
      continue;
    }
    const int hi = hex_digit_value(static_cast<std::uint8_t>(pending_[1]));
    out.push_back(static_cast<char>(hi * 16 + hex_digit_value(c)));
    pending_len_ = 0;
  }
}

void UrlDecoder::finish(std::string& out) {
  flush_pending(out);
}

std::string percent_decode(std::string_view in, bool plus_is_space) {
  std::string out;
  out.reserve(in.size());
  UrlDecoder decoder(plus_is_space);
  decoder.decode(as_bytes(in), out);
  decoder.finish(out);
  return out;
}

}  // namespace korgoo::app
