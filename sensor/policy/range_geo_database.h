// Country ranges held as sorted, non-overlapping intervals and searched by binary search:
// ~390k IPv4 and ~280k IPv6 ranges fit in a few MB and a lookup is ~20 comparisons.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policy/geo_database.h"

namespace korgoo::policy {

// A 128-bit IPv6 address as two 64-bit halves, ordered like the address.
struct V6Key {
  std::uint64_t hi = 0, lo = 0;
  friend constexpr auto operator<=>(const V6Key&, const V6Key&) = default;
  static V6Key of(const IpAddress& a);
};

class RangeGeoDatabase : public GeoDatabase {
 public:
  // Builds up ranges; `country` is a two-letter code. Ranges may come in any order; adjacent
  // ranges of the same country are merged by finish().
  void add_v4(std::uint32_t low, std::uint32_t high, std::string_view country);
  void add_v6(V6Key low, V6Key high, std::string_view country);
  // Sorts and merges. Returns a description of the first overlap found, or "" when none.
  std::string finish();

  std::string_view country(const IpAddress& address) const override;
  std::string describe() const override;
  void set_label(std::string label) { label_ = std::move(label); }

  std::size_t v4_ranges() const { return v4_.size(); }
  std::size_t v6_ranges() const { return v6_.size(); }

 private:
  // Index into countries_; a range table stores 2 bytes per range instead of a string.
  std::uint16_t intern(std::string_view country);
  template <typename Key>
  struct Range {
    Key low, high;
    std::uint16_t country;
  };
  template <typename Key>
  static std::string sort_and_merge(std::vector<Range<Key>>& ranges);
  template <typename Key>
  std::string_view find(const std::vector<Range<Key>>& ranges, const Key& key) const;

  std::vector<Range<std::uint32_t>> v4_;
  std::vector<Range<V6Key>> v6_;
  std::vector<std::string> countries_;
  std::string label_ = "ranges";
};

}  // namespace korgoo::policy
