#include "detect/tally.h"

#include <algorithm>

namespace korgoo::detect {

std::uint64_t Tally::count(std::string_view type) const {
  const auto it = types_.find(type);
  return it == types_.end() ? 0 : it->second.count;
}

std::uint64_t Tally::distinct(std::string_view type) const {
  const auto it = types_.find(type);
  return it == types_.end() ? 0 : it->second.occurrences.size() + it->second.compacted_distinct;
}

std::vector<std::string> Tally::types() const {
  std::vector<std::string> out;
  out.reserve(types_.size());
  for (const auto& [name, _] : types_) out.push_back(name);
  return out;
}

const std::vector<std::string>& Tally::samples(std::string_view type) const {
  static const std::vector<std::string> kNone;
  const auto it = types_.find(type);
  return it == types_.end() ? kNone : it->second.samples;
}

bool Tally::observe(std::string_view type, std::uint64_t hash, std::uint64_t occurrences,
                    const std::function<std::string()>& masked) {
  auto it = types_.find(type);
  if (it == types_.end()) it = types_.emplace(std::string(type), PerType{}).first;
  PerType& t = it->second;
  const std::size_t before = t.occurrences.size();
  std::uint64_t& seen = t.occurrences.slot(hash);
  const bool inserted = t.occurrences.size() != before;
  const bool changed = occurrences > seen;
  if (changed) {
    t.count += occurrences - seen;
    seen = occurrences;
  }
  if (inserted && t.samples.size() < max_samples_) {
    std::string s = masked();
    if (std::find(t.samples.begin(), t.samples.end(), s) == t.samples.end()) {
      t.samples.push_back(std::move(s));
    }
  }
  return changed;
}

void Tally::merge(const Tally& other) {
  for (const auto& [name, theirs] : other.types_) {
    PerType& mine = types_[name];
    mine.count += theirs.count;
    mine.compacted_distinct += theirs.compacted_distinct;
    theirs.occurrences.for_each(
        [&](std::uint64_t hash, std::uint64_t n) { mine.occurrences.slot(hash) += n; });
    for (const auto& s : theirs.samples) {
      if (mine.samples.size() >= max_samples_) break;
      if (std::find(mine.samples.begin(), mine.samples.end(), s) == mine.samples.end()) {
        mine.samples.push_back(s);
      }
    }
  }
}

void Tally::compact() {
  for (auto& [name, t] : types_) {
    t.compacted_distinct += t.occurrences.size();
    t.occurrences = ValueCounts{};
  }
}

}  // namespace korgoo::detect
