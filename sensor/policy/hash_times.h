// The time each value hash was last seen, for one host and type of the per-host aggregation
// window: an open-addressing table (linear probing, backward-shift deletion), 16 bytes a
// slot. A node-based map spent three times that per hash, plus an allocation each, on the
// state that grows with the distinct values a host sends.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace korgoo::policy {

class HashTimes {
 public:
  std::optional<std::int64_t> get(std::uint64_t hash) const;
  void set(std::uint64_t hash, std::int64_t usec);
  void erase(std::uint64_t hash);
  std::size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

  // Every (hash, time), in no particular order.
  template <class F>
  void for_each(F&& f) const {
    if (has_zero_) f(std::uint64_t{0}, zero_usec_);
    for (const Slot& s : slots_)
      if (s.hash != kEmpty) f(s.hash, s.usec);
  }

 private:
  struct Slot {
    std::uint64_t hash;
    std::int64_t usec;
  };
  // 0 marks an empty slot; the hash 0 itself is kept aside.
  static constexpr std::uint64_t kEmpty = 0;
  std::size_t home(std::uint64_t hash) const { return hash & (slots_.size() - 1); }
  std::size_t find(std::uint64_t hash) const;  // its slot, or the empty one ending its run
  void grow();

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  bool has_zero_ = false;
  std::int64_t zero_usec_ = 0;
};

}  // namespace korgoo::policy
