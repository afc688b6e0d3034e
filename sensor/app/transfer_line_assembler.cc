#include "app/transfer_line_assembler.h"

#include <algorithm>
#include <cstring>

namespace korgoo::app {

std::size_t LineAssembler::feed(ByteView in) {
  if (ready_) return 0;
  const char* data = reinterpret_cast<const char*>(in.data());
  const std::size_t room = cap_ - line_.size();
  const std::size_t scan = std::min(in.size(), room + 1);  // +1: the LF may follow a full line
  const void* lf = scan > 0 ? std::memchr(data, '\n', scan) : nullptr;
  if (lf != nullptr) {
    const auto n = static_cast<std::size_t>(static_cast<const char*>(lf) - data);
    line_.append(data, n);
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    ready_ = true;
    starts_line_ = next_starts_line_;
    ends_line_ = true;
    next_starts_line_ = true;
    return n + 1;
  }
  const std::size_t take = std::min(in.size(), room);
  line_.append(data, take);
  if (!memory_.cover_buffer(line_)) {
    refused_ = true;
    starts_line_ = next_starts_line_;
    ends_line_ = false;
    next_starts_line_ = false;
    ready_ = true;
    return take;
  }
  if (line_.size() >= cap_) {
    // Hand out a piece; keep a trailing CR back so a CRLF split at the cap is still seen as
    // a terminator rather than content.
    std::size_t keep = (line_.back() == '\r') ? 1 : 0;
    starts_line_ = next_starts_line_;
    ends_line_ = false;
    next_starts_line_ = false;
    ready_ = true;
    if (keep) {
      line_.pop_back();
      pending_cr_ = true;
    }
  }
  return take;
}

void LineAssembler::next() {
  memory_.release_buffer(line_);
  ready_ = false;
  if (pending_cr_) {
    line_.push_back('\r');
    pending_cr_ = false;
  }
}

bool LineAssembler::flush() {
  if (ready_ || line_.empty()) return false;
  starts_line_ = next_starts_line_;
  ends_line_ = false;
  next_starts_line_ = true;
  ready_ = true;
  return true;
}

void LineAssembler::reset() {
  memory_.release_buffer(line_);
  ready_ = false;
  refused_ = false;
  starts_line_ = true;
  ends_line_ = false;
  next_starts_line_ = true;
  pending_cr_ = false;
}

}  // namespace korgoo::app
