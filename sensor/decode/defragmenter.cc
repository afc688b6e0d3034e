#include "decode/defragmenter.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <exception>
#include <random>

namespace korgoo::decode {

namespace {

constexpr std::uint32_t kMaxIpLength = 65535;
constexpr std::size_t kIpv6BaseHeader = 40;
// Allocator and list/map node overhead charged per datagram on top of its vectors.
constexpr std::size_t kNodeOverhead = 96;

std::uint64_t pick_seed(std::uint64_t configured) {
  if (configured != 0) return configured;
  try {
    std::random_device rd;
    return (std::uint64_t{rd()} << 32) ^ rd();
  } catch (const std::exception&) {
    // No entropy source: the clock is weaker but still unknown to a remote sender.
    return static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  }
}

// The length the 16-bit IP length field must hold: IPv4 counts its header, IPv6's payload
// length does not count the 40-byte base header.
std::size_t counted_length(IpAddress::Family family, std::size_t header, std::uint32_t end) {
  const std::size_t base = family == IpAddress::Family::kV6 ? kIpv6BaseHeader : 0;
  return (header > base ? header - base : 0) + end;
}

DefragResult error(DecodeError e) {
  return DefragResult{DefragResult::Status::kError, e, 0, 0};
}

}  // namespace

std::size_t Defragmenter::Datagram::footprint() const {
  return sizeof(Datagram) + kNodeOverhead + header.capacity() + store.capacity() +
         spans.capacity() * sizeof(Span);
}

Defragmenter::Defragmenter(const DecodeConfig& cfg)
    : cfg_(cfg), index_(0, FragKeyHash(pick_seed(cfg.frag_hash_seed))) {}

DefragResult Defragmenter::add(const Fragment& f, Timestamp now,
                               std::vector<std::uint8_t>& datagram, DefragStats& stats) {
  ++stats.received;
  // Every fragment but the last carries a multiple of 8 bytes, since offsets count 8-byte units.
  if (f.more && f.data.size() % 8 != 0) return error(DecodeError::kFragBadLength);
  const std::uint64_t end64 = std::uint64_t{f.offset} + f.data.size();
  if (end64 > kMaxIpLength || counted_length(f.key.family, f.header.size(),
                                             static_cast<std::uint32_t>(end64)) > kMaxIpLength)
    return error(DecodeError::kFragTooLarge);
  const auto end = static_cast<std::uint32_t>(end64);

  const auto it = find_or_create(f.key, now);
  Datagram& d = *it;
  if (++d.fragments > cfg_.frag_max_fragments) {
    drop(it);
    return error(DecodeError::kFragTooMany);
  }
  // The last fragment fixes the length; data past it, or a second different length, means the
  // datagram can never be completed consistently.
  const bool bad_end =
      f.more ? (d.have_last && end > d.end) : ((d.have_last && end != d.end) || end < d.max_end);
  if (bad_end) {
    drop(it);
    return error(DecodeError::kFragInconsistentEnd);
  }
  if (!f.more) {
    d.have_last = true;
    d.end = end;
  }
  if (f.offset == 0 && d.header.empty()) {
    d.header.assign(f.header.begin(), f.header.end());
    d.next_header_pos = f.next_header_pos;
  }
  if (insert(d, f.offset, f.data)) ++stats.overlap_conflicts;
  d.max_end = std::max(d.max_end, end);

  if (d.complete()) {
    // Checked again with the first fragment's header, which may be longer (IPv4 options).
    if (counted_length(d.key.family, d.header.size(), d.end) > kMaxIpLength) {
      drop(it);
      return error(DecodeError::kFragTooLarge);
    }
    datagram.resize(d.header.size() + d.end);
    std::memcpy(datagram.data(), d.header.data(), d.header.size());
    std::uint8_t* payload = datagram.data() + d.header.size();
    for (const Span& s : d.spans) std::memcpy(payload + s.offset, d.store.data() + s.at, s.length);
    const DefragResult done{DefragResult::Status::kComplete, DecodeError::kNone, d.header.size(),
                            d.next_header_pos};
    drop(it);
    ++stats.reassembled;
    return done;
  }

  account(d);
  evict_for(it, stats);
  if (memory_ > cfg_.frag_memcap) {
    drop(it);
    ++stats.evicted;
    return DefragResult{DefragResult::Status::kDropped, DecodeError::kNone, 0, 0};
  }
  return DefragResult{};
}

void Defragmenter::expire(Timestamp now, DefragStats& stats) {
  while (!by_age_.empty() && now.usec - by_age_.front().first_seen.usec >= cfg_.frag_timeout_usec) {
    drop(by_age_.begin());
    ++stats.timeouts;
  }
}

Defragmenter::List::iterator Defragmenter::find_or_create(const FragKey& key, Timestamp now) {
  if (auto found = index_.find(key); found != index_.end()) return found->second;
  by_age_.push_back(Datagram{});
  auto it = std::prev(by_age_.end());
  it->key = key;
  it->first_seen = now;
  index_.emplace(key, it);
  account(*it);
  return it;
}

bool Defragmenter::insert(Datagram& d, std::uint32_t offset, ByteView data) {
  const auto end = static_cast<std::uint32_t>(offset + data.size());
  bool conflict = false;
  scratch_.clear();
  std::uint32_t pos = offset;
  auto it =
      std::lower_bound(d.spans.begin(), d.spans.end(), offset,
                       [](const Span& s, std::uint32_t o) { return s.offset + s.length <= o; });
  for (; it != d.spans.end() && it->offset < end; ++it) {
    if (pos < it->offset) scratch_.push_back(Span{pos, it->offset - pos, 0});
    const std::uint32_t ov_begin = std::max(pos, it->offset);
    const std::uint32_t ov_end = std::min(end, it->offset + it->length);
    if (ov_begin < ov_end && std::memcmp(d.store.data() + it->at + (ov_begin - it->offset),
                                         data.data() + (ov_begin - offset), ov_end - ov_begin) != 0)
      conflict = true;
    pos = std::max(pos, it->offset + it->length);
  }
  if (pos < end) scratch_.push_back(Span{pos, end - pos, 0});
  if (scratch_.empty()) return conflict;

  for (Span& s : scratch_) {
    s.at = static_cast<std::uint32_t>(d.store.size());
    const std::uint8_t* from = data.data() + (s.offset - offset);
    d.store.insert(d.store.end(), from, from + s.length);
    d.covered += s.length;
  }
  d.spans.insert(d.spans.end(), scratch_.begin(), scratch_.end());
  std::sort(d.spans.begin(), d.spans.end(),
            [](const Span& a, const Span& b) { return a.offset < b.offset; });
  // Coalesce runs that are contiguous both in the datagram and in the store (in-order arrival),
  // so that a well-behaved datagram keeps one span.
  std::size_t out = 0;
  for (std::size_t i = 1; i < d.spans.size(); ++i) {
    Span& last = d.spans[out];
    const Span& next = d.spans[i];
    if (last.offset + last.length == next.offset && last.at + last.length == next.at)
      last.length += next.length;
    else
      d.spans[++out] = next;
  }
  d.spans.resize(out + 1);
  return conflict;
}

void Defragmenter::account(Datagram& d) {
  const std::size_t now = d.footprint();
  memory_ = memory_ - d.accounted + now;
  d.accounted = now;
}

void Defragmenter::drop(List::iterator it) {
  memory_ -= it->accounted;
  index_.erase(it->key);
  by_age_.erase(it);
}

void Defragmenter::evict_for(List::iterator keep, DefragStats& stats) {
  for (auto it = by_age_.begin(); memory_ > cfg_.frag_memcap && it != by_age_.end();) {
    if (it == keep) {
      ++it;
      continue;
    }
    const auto next = std::next(it);
    drop(it);
    ++stats.evicted;
    it = next;
  }
}

}  // namespace korgoo::decode
