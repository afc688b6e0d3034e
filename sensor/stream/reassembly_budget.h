// Memory for buffered stream bytes, shared by all flows of one worker. A worker owns one
// budget; reassemblers take charges from it and the charges give the bytes back when they are
// destroyed (delivered data, ended or destroyed flow), so the accounting cannot leak.
// Not thread-safe by design: a budget and its flows belong to one worker thread.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

namespace korgoo::stream {

class ReassemblyBudget;

// Ownership of `bytes()` bytes of a budget; returns them on destruction. Move-only.
class BudgetCharge {
 public:
  BudgetCharge() = default;
  BudgetCharge(BudgetCharge&& o) noexcept
      : budget_(std::exchange(o.budget_, nullptr)), bytes_(std::exchange(o.bytes_, 0)) {}
  BudgetCharge& operator=(BudgetCharge&& o) noexcept {
    if (this != &o) {
      reset();
      budget_ = std::exchange(o.budget_, nullptr);
      bytes_ = std::exchange(o.bytes_, 0);
    }
    return *this;
  }
  BudgetCharge(const BudgetCharge&) = delete;
  BudgetCharge& operator=(const BudgetCharge&) = delete;
  ~BudgetCharge() { reset(); }

  std::uint64_t bytes() const { return bytes_; }
  void reset();

 private:
  friend class ReassemblyBudget;
  BudgetCharge(ReassemblyBudget* budget, std::uint64_t bytes) : budget_(budget), bytes_(bytes) {}

  ReassemblyBudget* budget_ = nullptr;
  std::uint64_t bytes_ = 0;
};

class ReassemblyBudget {
 public:
  // Default: StreamConfig::worker_buffer_cap's default.
  explicit ReassemblyBudget(std::uint64_t capacity = std::uint64_t{64} << 20)
      : capacity_(capacity) {}
  // Charges point at the budget, so it must not move; it must outlive every reassembler.
  ReassemblyBudget(const ReassemblyBudget&) = delete;
  ReassemblyBudget& operator=(const ReassemblyBudget&) = delete;

  // nullopt when `bytes` would exceed the capacity.
  std::optional<BudgetCharge> try_charge(std::uint64_t bytes) {
    if (bytes > capacity_ - used_) return std::nullopt;
    used_ += bytes;
    peak_ = std::max(peak_, used_);
    return BudgetCharge(this, bytes);
  }

  std::uint64_t capacity() const { return capacity_; }
  std::uint64_t used() const { return used_; }
  std::uint64_t peak() const { return peak_; }

 private:
  friend class BudgetCharge;
  void release(std::uint64_t bytes) { used_ -= bytes; }

  std::uint64_t capacity_;
  std::uint64_t used_ = 0;
  std::uint64_t peak_ = 0;
};

inline void BudgetCharge::reset() {
  if (budget_ != nullptr) budget_->release(bytes_);
  budget_ = nullptr;
  bytes_ = 0;
}

}  // namespace korgoo::stream
