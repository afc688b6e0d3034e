#include "policy/aggregation_state.h"

#include <algorithm>

#include "policy/type_counts.h"

namespace korgoo::policy {

std::size_t IpAddressHash::operator()(const IpAddress& a) const {
  // FNV-1a over the bytes; addresses are not attacker-chosen keys of a hot table here, and the
  // table is capped anyway.
  std::uint64_t h = 1469598103934665603ull ^ static_cast<std::uint8_t>(a.family());
  for (auto b : a.bytes()) h = (h ^ b) * 1099511628211ull;
  return static_cast<std::size_t>(h);
}

AggregationState::AggregationState(AggregationConfig config, std::int64_t max_window_seconds,
                                   std::size_t max_hashes)
    : config_(config),
      bucket_usec_(std::max<std::int64_t>(1, config.bucket_seconds) * kUsecPerSec),
      max_window_usec_(std::max<std::int64_t>(1, max_window_seconds) * kUsecPerSec),
      max_hashes_(std::max<std::size_t>(1, max_hashes)) {}

void AggregationState::make_room(Timestamp now) {
  if (hosts_.size() < config_.max_hosts) return;
  // Forget hosts idle for longer than any window first; they contribute nothing.
  std::erase_if(hosts_,
                [&](const auto& kv) { return kv.second.last_usec < now.usec - max_window_usec_; });
  if (hosts_.size() < config_.max_hosts) return;
  // Still full: drop the least recently active eighth at once, so that a scan of many new
  // hosts does not pay for a sort on every insert.
  std::vector<std::pair<std::int64_t, IpAddress>> by_age;
  by_age.reserve(hosts_.size());
  for (const auto& [ip, h] : hosts_) by_age.emplace_back(h.last_usec, ip);
  const std::size_t drop = std::max<std::size_t>(1, hosts_.size() / 8);
  std::nth_element(by_age.begin(), by_age.begin() + static_cast<std::ptrdiff_t>(drop - 1),
                   by_age.end());
  for (std::size_t i = 0; i < drop; ++i) hosts_.erase(by_age[i].second);
}

AggregationState::Host& AggregationState::host_at(const IpAddress& host, Timestamp now) {
  auto it = hosts_.find(host);
  if (it == hosts_.end()) {
    make_room(now);
    it = hosts_.emplace(host, Host{}).first;
  }
  it->second.last_usec = std::max(it->second.last_usec, now.usec);
  return it->second;
}

AggregationState::Series& AggregationState::series_of(Host& h, std::string_view type) {
  for (auto& s : h.series)
    if (s.type == type) return s;
  h.series.push_back(Series{std::string(type), {}, {}, false});
  return h.series.back();
}

void AggregationState::expire(Series& s, Timestamp now) const {
  const std::int64_t cutoff = now.usec - max_window_usec_;
  while (!s.buckets.empty() && (s.buckets.front().index + 1) * bucket_usec_ <= cutoff)
    s.buckets.pop_front();
  auto& w = s.hashes;
  // Entries whose time no longer matches last_seen are stale (the hash was seen again later).
  auto pop_front = [&w] {
    auto [ts, hash] = w.order.front();
    w.order.pop_front();
    if (w.last_seen.get(hash) == ts) w.last_seen.erase(hash);
  };
  while (!w.order.empty() && w.order.front().first < cutoff) pop_front();
  while (w.last_seen.size() > max_hashes_ && !w.order.empty()) pop_front();
  if (w.order.size() > 2 * w.last_seen.size() + 64) {
    w.order.clear();
    w.last_seen.for_each(
        [&w](std::uint64_t hash, std::int64_t ts) { w.order.emplace_back(ts, hash); });
    std::sort(w.order.begin(), w.order.end());
  }
}

void AggregationState::add(const IpAddress& host, std::string_view type, std::uint64_t count,
                           std::uint64_t distinct, Timestamp now) {
  if (count == 0 && distinct == 0) return;
  Series& s = series_of(host_at(host, now), type);
  const std::int64_t index = now.usec / bucket_usec_;
  if (s.buckets.empty() || s.buckets.back().index < index) s.buckets.push_back({index, 0, 0});
  // A late packet (time going backwards across flows) lands in the newest bucket.
  s.buckets.back().count += count;
  s.buckets.back().distinct += distinct;
  expire(s, now);
}

void AggregationState::observe(const IpAddress& host, std::string_view type,
                               std::uint64_t value_hash, Timestamp now) {
  Series& s = series_of(host_at(host, now), type);
  s.uses_hashes = true;
  s.hashes.last_seen.set(value_hash, now.usec);
  s.hashes.order.emplace_back(now.usec, value_hash);
  expire(s, now);
}

AggregationState::Totals AggregationState::totals(const IpAddress& host,
                                                  const std::vector<std::string>& type_patterns,
                                                  std::int64_t window_seconds,
                                                  Timestamp now) const {
  Totals t;
  auto it = hosts_.find(host);
  if (it == hosts_.end()) return t;
  const std::int64_t cutoff = now.usec - window_seconds * kUsecPerSec;
  for (const auto& s : it->second.series) {
    if (!type_patterns.empty() &&
        std::none_of(type_patterns.begin(), type_patterns.end(),
                     [&](const std::string& p) { return type_matches(p, s.type); }))
      continue;
    std::uint64_t bucket_distinct = 0;
    for (const auto& b : s.buckets) {
      if ((b.index + 1) * bucket_usec_ <= cutoff) continue;
      t.count += b.count;
      bucket_distinct += b.distinct;
    }
    if (!s.uses_hashes) {
      t.distinct += bucket_distinct;
      continue;
    }
    // The oldest entry of `order` is no later than any live hash: when it is inside the
    // window, so is every live hash (the usual case: the rule's window is the longest one,
    // which expire() keeps). Only a shorter window needs the count.
    const auto& w = s.hashes;
    if (w.order.empty() || w.order.front().first >= cutoff) {
      t.distinct += w.last_seen.size();
      continue;
    }
    w.last_seen.for_each([&](std::uint64_t, std::int64_t ts) {
      if (ts >= cutoff) ++t.distinct;
    });
  }
  return t;
}

bool AggregationState::claim(const IpAddress& host, std::uint32_t sid, std::int64_t window_seconds,
                             Timestamp now) {
  Host& h = host_at(host, now);
  for (auto& [claimed_sid, at] : h.claims) {
    if (claimed_sid != sid) continue;
    if (now.usec - at < window_seconds * kUsecPerSec) return false;
    at = now.usec;
    return true;
  }
  h.claims.emplace_back(sid, now.usec);
  return true;
}

}  // namespace korgoo::policy
