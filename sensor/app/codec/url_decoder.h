// Percent-decoding (RFC 3986 §2.1) of request targets and of
// application/x-www-form-urlencoded bodies, so that an identifier sent as `%34%31...` or
// `first+last` is scanned as the person typed it. Streaming: an escape split across calls
// (a body chunk ending in "%4") is completed by the next call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/bytes.h"

namespace korgoo::app {

class UrlDecoder {
 public:
  // `plus_is_space`: form bodies encode a space as '+'; request targets do not.
  explicit UrlDecoder(bool plus_is_space) : plus_is_space_(plus_is_space) {}

  // Appends the decoded form of `in` to `out`. Invalid escapes ("%zz") are kept as sent.
  void decode(ByteView in, std::string& out);
  // The input ended: a dangling incomplete escape is emitted as sent.
  void finish(std::string& out);

 private:
  void flush_pending(std::string& out);

  bool plus_is_space_;
  char pending_[2] = {};  // '%' and at most one hex digit of an escape not yet complete
  std::uint8_t pending_len_ = 0;
};

// One-shot form, for values that are complete (a request target).
std::string percent_decode(std::string_view in, bool plus_is_space = false);

}  // namespace korgoo::app
