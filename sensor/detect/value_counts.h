// Occurrences per value hash: an open-addressing table, because a flow that carries thousands
// of identifiers would otherwise spend more time in node allocation than in validation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace korgoo::detect {

class ValueCounts {
 public:
  // The count for `hash` (0 if absent).
  std::uint64_t get(std::uint64_t hash) const;
  // Adds one occurrence; returns the new count.
  std::uint64_t increment(std::uint64_t hash) { return ++slot(hash); }
  // The count for `hash`, inserted as 0 if absent.
  std::uint64_t& slot(std::uint64_t hash);
  std::size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

  template <class F>
  void for_each(F&& f) const {
    if (has_zero_) f(std::uint64_t{0}, zero_count_);
    for (const Entry& e : entries_) {
      if (e.key != kEmpty) f(e.key, e.count);
    }
  }

  friend bool operator==(const ValueCounts& a, const ValueCounts& b);

 private:
  struct Entry {
    std::uint64_t key;
    std::uint64_t count;
  };
  // 0 marks an empty slot; the key 0 itself is kept aside.
  static constexpr std::uint64_t kEmpty = 0;
  std::size_t find(std::uint64_t key) const;
  void grow();

  std::vector<Entry> entries_;
  std::size_t size_ = 0;  // keys in entries_
  bool has_zero_ = false;
  std::uint64_t zero_count_ = 0;
};

}  // namespace korgoo::detect
