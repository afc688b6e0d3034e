// The last N delivered bytes of one direction, kept only so that a retransmission of data
// already handed on can be compared with what was delivered: different bytes for the same
// offsets are an evasion signal (the host may accept the second version, we scanned the
// first). Off unless StreamConfig::overlap_check_window is set, because it costs a copy of
// every in-order byte and a window of memory per direction.
#pragma once

#include <cstdint>
#include <vector>

#include "common/bytes.h"
#include "stream/reassembly_budget.h"

namespace korgoo::stream {

class DeliveredHistory {
 public:
  // Remembers `data`, delivered at stream `offset`. The window (`window` bytes) is allocated
  // and charged to `budget` on first use; when the budget refuses, this direction goes
  // without history. A non-contiguous offset (after a gap) forgets what came before.
  void record(ReassemblyBudget& budget, std::uint64_t window, ByteView data, std::uint64_t offset);

  // True when some byte of `data` (at stream `offset`) is still remembered and differs.
  bool differs(ByteView data, std::uint64_t offset) const;

 private:
  std::vector<std::uint8_t> ring_;  // byte at offset o lives at ring_[o % ring_.size()]
  BudgetCharge charge_;
  std::uint64_t valid_from_ = 0;  // remembered offsets are [valid_from_, end_)
  std::uint64_t end_ = 0;
  bool refused_ = false;
};

}  // namespace korgoo::stream
