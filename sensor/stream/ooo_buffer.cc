#include "stream/ooo_buffer.h"

#include <cassert>
#include <iterator>
#include <utility>

namespace korgoo::stream {

const OooBuffer::Range* OooBuffer::front() const {
  return ranges_.empty() ? nullptr : &ranges_.begin()->second;
}

const OooBuffer::Range* OooBuffer::first_ending_after(std::uint64_t offset) const {
  auto it = ranges_.upper_bound(offset);  // first range starting after offset
  if (it != ranges_.begin()) {
    // Ranges do not overlap, so only the one just before can reach past `offset`.
    auto prev = std::prev(it);
    if (prev->second.end() > offset) return &prev->second;
  }
  return it == ranges_.end() ? nullptr : &it->second;
}

void OooBuffer::insert(std::uint64_t start, ByteView data, BudgetCharge charge) {
  assert(!data.empty());
  assert([&] {
    const Range* r = first_ending_after(start);
    return r == nullptr || r->start >= start + data.size();
  }());
  Range r{start, std::vector<std::uint8_t>(data.begin(), data.end()), std::move(charge)};
  bytes_ += data.size();
  ranges_.emplace(start, std::move(r));
}

void OooBuffer::pop_front() {
  if (ranges_.empty()) return;
  bytes_ -= ranges_.begin()->second.bytes.size();
  ranges_.erase(ranges_.begin());
}

void OooBuffer::clear() {
  ranges_.clear();
  bytes_ = 0;
}

}  // namespace korgoo::stream
