#include "stream/delivered_history.h"

#include <algorithm>
#include <cstring>

namespace korgoo::stream {

void DeliveredHistory::record(ReassemblyBudget& budget, std::uint64_t window, ByteView data,
                              std::uint64_t offset) {
  if (window == 0 || data.empty()) return;
  if (ring_.empty()) {
    if (refused_) return;
    auto charge = budget.try_charge(window);
    if (!charge) {
      refused_ = true;  // do not retry on every segment
      return;
    }
    charge_ = std::move(*charge);
    ring_.resize(window);
    valid_from_ = end_ = offset;
  }
  if (offset != end_) valid_from_ = end_ = offset;

  const std::uint64_t size = ring_.size();
  // Only the last `size` bytes can survive; copy those in at most two pieces.
  const ByteView tail = data.size() > size ? data.last(size) : data;
  std::uint64_t at = offset + (data.size() - tail.size());
  std::size_t done = 0;
  while (done < tail.size()) {
    const std::size_t pos = at % size;
    const std::size_t n = std::min<std::size_t>(tail.size() - done, size - pos);
    std::memcpy(ring_.data() + pos, tail.data() + done, n);
    done += n;
    at += n;
  }
  end_ = offset + data.size();
  if (end_ - valid_from_ > size) valid_from_ = end_ - size;
}

bool DeliveredHistory::differs(ByteView data, std::uint64_t offset) const {
  if (ring_.empty()) return false;
  const std::uint64_t from = std::max(offset, valid_from_);
  const std::uint64_t to = std::min(offset + data.size(), end_);
  for (std::uint64_t o = from; o < to; ++o)
    if (ring_[o % ring_.size()] != data[o - offset]) return true;
  return false;
}

}  // namespace korgoo::stream
