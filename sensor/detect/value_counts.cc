#include "detect/value_counts.h"

namespace korgoo::detect {

std::size_t ValueCounts::find(std::uint64_t key) const {
  const std::size_t mask = entries_.size() - 1;
  // The keys are already uniformly distributed (SipHash), so the low bits index directly.
  std::size_t i = static_cast<std::size_t>(key) & mask;
  while (entries_[i].key != kEmpty && entries_[i].key != key) i = (i + 1) & mask;
  return i;
}

std::uint64_t ValueCounts::get(std::uint64_t hash) const {
  if (hash == kEmpty) return has_zero_ ? zero_count_ : 0;
  if (entries_.empty()) return 0;
  const Entry& e = entries_[find(hash)];
  return e.key == kEmpty ? 0 : e.count;
}

std::uint64_t& ValueCounts::slot(std::uint64_t hash) {
  if (hash == kEmpty) {
    has_zero_ = true;
    return zero_count_;
  }
  if ((size_ + 1) * 4 > entries_.size() * 3) grow();  // load factor <= 3/4
  Entry& e = entries_[find(hash)];
  if (e.key == kEmpty) {
    e = {hash, 0};
    ++size_;
  }
  return e.count;
}

void ValueCounts::grow() {
  std::vector<Entry> old = std::move(entries_);
  entries_.assign(old.empty() ? 16 : old.size() * 2, Entry{kEmpty, 0});
  for (const Entry& e : old) {
    if (e.key != kEmpty) entries_[find(e.key)] = e;
  }
}

bool operator==(const ValueCounts& a, const ValueCounts& b) {
  if (a.size() != b.size()) return false;
  bool same = true;
  a.for_each([&](std::uint64_t key, std::uint64_t count) { same = same && b.get(key) == count; });
  return same;
}

}  // namespace korgoo::detect
