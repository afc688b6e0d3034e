// What one direction of one flow (or, merged, one host) carried, per data type: how many
// values, how many distinct ones (by keyed hash) and a few masked samples. Never a value.
// Its record form (EVE `pii`) is output::pii_object.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "detect/value_counts.h"

namespace korgoo::detect {

class Tally {
 public:
  explicit Tally(std::size_t max_samples = 3) : max_samples_(max_samples) {}

  std::uint64_t count(std::string_view type) const;
  std::uint64_t distinct(std::string_view type) const;
  bool empty() const { return types_.empty(); }
  std::vector<std::string> types() const;  // sorted
  const std::vector<std::string>& samples(std::string_view type) const;

  // Adds another tally (another flow, for per-host aggregation): occurrences add up, distinct
  // values are the union, samples fill up to max_samples.
  void merge(const Tally& other);

  // Keeps only what a record shows (counts, distinct counts, samples) and frees the value
  // hashes: for a tally that will not change again (a closed flow waiting out its timeout).
  // A compacted tally merged into another adds its distinct count instead of a union.
  void compact();

  // Records that value `hash` of `type` has been seen `occurrences` times in one content view
  // (or one group of views, whose counts the detector adds). The tally keeps, per value, the
  // maximum over views (see flow_detector.h); returns true if
  // the tally changed. `masked` is called only when a sample slot is free for a new value.
  bool observe(std::string_view type, std::uint64_t hash, std::uint64_t occurrences,
               const std::function<std::string()>& masked);

  friend bool operator==(const Tally&, const Tally&) = default;

 private:
  struct PerType {
    std::uint64_t count = 0;
    ValueCounts occurrences;               // value hash -> count (max over views)
    std::uint64_t compacted_distinct = 0;  // distinct values whose hashes compact() freed
    std::vector<std::string> samples;
    friend bool operator==(const PerType&, const PerType&) = default;
  };

  std::size_t max_samples_;
  std::map<std::string, PerType, std::less<>> types_;
};

}  // namespace korgoo::detect
