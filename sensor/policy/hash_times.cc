#include "policy/hash_times.h"

namespace korgoo::policy {

std::size_t HashTimes::find(std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  // Keyed SipHash values: the low bits are uniform already.
  std::size_t i = home(hash);
  while (slots_[i].hash != kEmpty && slots_[i].hash != hash) i = (i + 1) & mask;
  return i;
}

std::optional<std::int64_t> HashTimes::get(std::uint64_t hash) const {
  if (hash == kEmpty) return has_zero_ ? std::optional(zero_usec_) : std::nullopt;
  if (slots_.empty()) return std::nullopt;
  const Slot& s = slots_[find(hash)];
  if (s.hash == kEmpty) return std::nullopt;
  return s.usec;
}

void HashTimes::set(std::uint64_t hash, std::int64_t usec) {
  if (hash == kEmpty) {
    has_zero_ = true;
    zero_usec_ = usec;
    return;
  }
  if ((size_ + 1) * 4 > slots_.size() * 3) grow();  // load factor <= 3/4
  Slot& s = slots_[find(hash)];
  if (s.hash == kEmpty) ++size_;
  s = {hash, usec};
}

void HashTimes::erase(std::uint64_t hash) {
  if (hash == kEmpty) {
    has_zero_ = false;
    return;
  }
  if (slots_.empty()) return;
  const std::size_t mask = slots_.size() - 1;
  std::size_t hole = find(hash);
  if (slots_[hole].hash == kEmpty) return;
  --size_;
  // Backward shift: later entries of the run move into the hole when their home slot does
  // not lie cyclically after the hole, so every entry stays reachable from its home.
  for (std::size_t j = (hole + 1) & mask; slots_[j].hash != kEmpty; j = (j + 1) & mask) {
    const std::size_t k = home(slots_[j].hash);
    const bool k_in_hole_to_j = hole <= j ? (hole < k && k <= j) : (hole < k || k <= j);
    if (!k_in_hole_to_j) {
      slots_[hole] = slots_[j];
      hole = j;
    }
  }
  slots_[hole] = {kEmpty, 0};
}

void HashTimes::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 8 : old.size() * 2, Slot{kEmpty, 0});
  for (const Slot& s : old)
    if (s.hash != kEmpty) slots_[find(s.hash)] = s;
}

}  // namespace korgoo::policy
