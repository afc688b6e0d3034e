// Out-of-order bytes of one direction, copied out of their packets because they cannot be
// delivered yet. Ranges are keyed by stream offset and never overlap: the reassembler only
// inserts holes (first data wins), so each byte offset has at most one kept value.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "common/bytes.h"
#include "stream/reassembly_budget.h"

namespace korgoo::stream {

class OooBuffer {
 public:
  struct Range {
    std::uint64_t start = 0;
    std::vector<std::uint8_t> bytes;
    BudgetCharge charge;  // returns the bytes to the worker budget when the range goes
    std::uint64_t end() const { return start + bytes.size(); }
  };

  bool empty() const { return ranges_.empty(); }
  std::uint64_t bytes() const { return bytes_; }
  std::size_t ranges() const { return ranges_.size(); }

  // The lowest range, or null.
  const Range* front() const;
  // The lowest range that ends after `offset` (it may start before, at or after it), or null.
  const Range* first_ending_after(std::uint64_t offset) const;

  // Copies `data` in at `start`. The caller guarantees it overlaps no range and has charged
  // the budget for data.size() bytes.
  void insert(std::uint64_t start, ByteView data, BudgetCharge charge);
  void pop_front();
  void clear();

 private:
  std::map<std::uint64_t, Range> ranges_;
  std::uint64_t bytes_ = 0;
};

}  // namespace korgoo::stream
