#include "policy/range_geo_database.h"

#include <algorithm>

#include <fmt/format.h>

namespace korgoo::policy {

V6Key V6Key::of(const IpAddress& a) {
  const auto& b = a.bytes();
  V6Key k;
  for (int i = 0; i < 8; ++i) k.hi = (k.hi << 8) | b[i];
  for (int i = 8; i < 16; ++i) k.lo = (k.lo << 8) | b[i];
  return k;
}

std::uint16_t RangeGeoDatabase::intern(std::string_view country) {
  for (std::size_t i = 0; i < countries_.size(); ++i)
    if (countries_[i] == country) return static_cast<std::uint16_t>(i);
  countries_.emplace_back(country);
  return static_cast<std::uint16_t>(countries_.size() - 1);
}

void RangeGeoDatabase::add_v4(std::uint32_t low, std::uint32_t high, std::string_view country) {
  v4_.push_back({low, high, intern(country)});
}

void RangeGeoDatabase::add_v6(V6Key low, V6Key high, std::string_view country) {
  v6_.push_back({low, high, intern(country)});
}

namespace {
std::string key_text(std::uint32_t k) {
  return IpAddress::v4(k).to_string();
}
std::string key_text(const V6Key& k) {
  return fmt::format("{:016x}{:016x}", k.hi, k.lo);
}
bool adjacent(std::uint32_t high, std::uint32_t next_low) {
  return high != UINT32_MAX && high + 1 == next_low;
}
bool adjacent(const V6Key& high, const V6Key& next_low) {
  if (high.lo != UINT64_MAX) return high.hi == next_low.hi && high.lo + 1 == next_low.lo;
  return high.hi != UINT64_MAX && high.hi + 1 == next_low.hi && next_low.lo == 0;
}
}  // namespace

template <typename Key>
std::string RangeGeoDatabase::sort_and_merge(std::vector<Range<Key>>& ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const auto& a, const auto& b) { return a.low < b.low; });
  std::vector<Range<Key>> merged;
  merged.reserve(ranges.size());
  for (const auto& r : ranges) {
    if (r.high < r.low) return "range " + key_text(r.low) + "-" + key_text(r.high) + " is reversed";
    if (!merged.empty()) {
      auto& last = merged.back();
      if (!(last.high < r.low))
        return "range starting " + key_text(r.low) + " overlaps the one starting " +
               key_text(last.low);
      if (last.country == r.country && adjacent(last.high, r.low)) {
        last.high = r.high;
        continue;
      }
    }
    merged.push_back(r);
  }
  merged.shrink_to_fit();
  ranges = std::move(merged);
  return "";
}

std::string RangeGeoDatabase::finish() {
  if (auto e = sort_and_merge(v4_); !e.empty()) return e;
  return sort_and_merge(v6_);
}

template <typename Key>
std::string_view RangeGeoDatabase::find(const std::vector<Range<Key>>& ranges,
                                        const Key& key) const {
  // The last range starting at or before `key`; it holds `key` if it ends at or after it.
  auto it = std::upper_bound(ranges.begin(), ranges.end(), key,
                             [](const Key& k, const auto& r) { return k < r.low; });
  if (it == ranges.begin()) return {};
  --it;
  if (it->high < key) return {};
  return countries_[it->country];
}

std::string_view RangeGeoDatabase::country(const IpAddress& address) const {
  if (address.is_v4()) return find(v4_, address.v4_host_order());
  if (address.is_v6()) return find(v6_, V6Key::of(address));
  return {};
}

std::string RangeGeoDatabase::describe() const {
  return fmt::format("{}: {} IPv4 and {} IPv6 ranges, {} countries", label_, v4_.size(), v6_.size(),
                     countries_.size());
}

}  // namespace korgoo::policy
