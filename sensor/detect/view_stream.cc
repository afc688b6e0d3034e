#include "detect/view_stream.h"

#include <algorithm>

namespace korgoo::detect {
namespace {

int collect(unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) {
  static_cast<std::vector<RawMatch>*>(ctx)->push_back({to, id});
  return 0;
}

}  // namespace

ViewStream::~ViewStream() {
  if (stream_ != nullptr) hs_close_stream(stream_, nullptr, nullptr, nullptr);
}

bool ViewStream::feed(ByteView bytes, hs_scratch_t* scratch, std::vector<RawMatch>& sink) {
  offset_ += bytes.size();
  if (stream_ == nullptr) return true;
  const hs_error_t rc =
      hs_scan_stream(stream_, reinterpret_cast<const char*>(bytes.data()),
                     static_cast<unsigned>(bytes.size()), 0, scratch, collect, &sink);
  if (rc != HS_SUCCESS) {
    hs_close_stream(stream_, nullptr, nullptr, nullptr);
    stream_ = nullptr;
    return false;
  }
  return true;
}

bool ViewStream::close(hs_scratch_t* scratch, std::vector<RawMatch>& sink) {
  if (stream_ == nullptr) return true;
  const hs_error_t rc = hs_close_stream(stream_, scratch, collect, &sink);
  stream_ = nullptr;
  return rc == HS_SUCCESS;
}

void ViewStream::retain(ByteView bytes) {
  const std::string_view b = as_chars(bytes);
  if (b.size() >= tail_capacity_) {
    tail_.assign(b.substr(b.size() - tail_capacity_));
    return;
  }
  tail_.append(b);
  if (tail_.size() > tail_capacity_) tail_.erase(0, tail_.size() - tail_capacity_);
}

std::string_view ViewStream::bytes(std::uint64_t& from, std::uint64_t to, ByteView chunk,
                                   std::string& buffer) const {
  const std::uint64_t chunk_begin = offset_ - chunk.size();
  const std::uint64_t tail_begin = chunk_begin - tail_.size();
  from = std::max(from, tail_begin);
  const std::string_view c = as_chars(chunk);
  if (from >= chunk_begin) return c.substr(from - chunk_begin, to - from);
  if (to <= chunk_begin) return std::string_view(tail_).substr(from - tail_begin, to - from);
  buffer.assign(tail_, from - tail_begin);
  buffer.append(c.substr(0, to - chunk_begin));
  return buffer;
}

bool ViewStream::already_counted(std::uint64_t begin, std::uint64_t end, std::uint64_t tag) {
  const auto same = [&](const Span& s) {
    return s.begin == begin && s.end == end && s.type_tag == tag;
  };
  if (std::any_of(recent_.begin(), recent_.end(), same)) return true;
  if (recent_.size() < kRecentSpans) {
    recent_.push_back({begin, end, tag});
  } else {
    recent_[recent_next_] = {begin, end, tag};
    recent_next_ = (recent_next_ + 1) % kRecentSpans;
  }
  return false;
}

}  // namespace korgoo::detect
