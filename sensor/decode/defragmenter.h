// IPv4 and IPv6 fragment reassembly, shared by both families (the key carries the family).
//
// Overlaps are resolved FIRST-DATA-WINS: bytes already held are never replaced; a later
// fragment only fills the gaps around them. Where a later fragment's bytes differ from the
// held ones the fragment is counted in DefragStats::overlap_conflicts, since differing
// overlaps are how IDS evasion works (the end host may pick the other bytes; the count is the
// signal that someone tried). Stream reassembly resolves overlaps the same way.
//
// Bounds: a datagram expires frag_timeout after its first fragment (packet time); all held
// datagrams together stay under frag_memcap, evicting the oldest first; a datagram may take
// frag_max_fragments fragments; nothing may reassemble beyond the 65535-byte IP limit.
#pragma once

#include <cstdint>
#include <list>
#include <unordered_map>
#include <vector>

#include "common/bytes.h"
#include "common/timestamp.h"
#include "decode/decode_config.h"
#include "decode/decode_error.h"
#include "decode/decode_stats.h"
#include "decode/frag_key.h"

namespace korgoo::decode {

struct Fragment {
  FragKey key;
  // Bytes before the fragmentable part: the IPv4 header, or the IPv6 base header with its
  // unfragmentable extensions. Only the first fragment's (offset 0) is used.
  ByteView header;
  std::size_t next_header_pos = 0;  // IPv6: byte of `header` that named the Fragment header
  std::uint32_t offset = 0;         // of `data` within the fragmentable part, in bytes
  bool more = false;                // more fragments follow (MF / M flag)
  ByteView data;
};

struct DefragResult {
  enum class Status : std::uint8_t {
    kHeld,      // stored; the datagram is not complete yet
    kComplete,  // the datagram was written out and forgotten
    kDropped,   // the datagram alone does not fit the memcap: dropped, counted as evicted
    kError,     // the fragment is malformed (`error`); see add() for what is dropped
  };
  Status status = Status::kHeld;
  DecodeError error = DecodeError::kNone;
  std::size_t header_len = 0;       // kComplete: bytes of first-fragment header in the output
  std::size_t next_header_pos = 0;  // kComplete: the first fragment's next_header_pos
};

class Defragmenter {
 public:
  explicit Defragmenter(const DecodeConfig& cfg);

  // Adds one fragment at packet time `now`. On kComplete, `datagram` holds the first
  // fragment's header followed by the whole fragmentable part (headers not yet fixed up).
  // Errors: a non-final fragment not a multiple of 8 bytes or one reaching past 65535 bytes is
  // refused alone (kFragBadLength, kFragTooLarge); a datagram whose final length contradicts
  // itself, or with too many fragments, is dropped whole (kFragInconsistentEnd, kFragTooMany),
  // as Linux does, because no receiver will ever complete it.
  DefragResult add(const Fragment& f, Timestamp now, std::vector<std::uint8_t>& datagram,
                   DefragStats& stats);

  // Drops datagrams whose first fragment is frag_timeout or more older than `now`.
  void expire(Timestamp now, DefragStats& stats);

  std::size_t pending() const { return index_.size(); }
  std::size_t memory_in_use() const { return memory_; }

 private:
  // A run of held bytes: [offset, offset + length) of the datagram, stored at store[at].
  struct Span {
    std::uint32_t offset;
    std::uint32_t length;
    std::uint32_t at;
  };
  struct Datagram {
    FragKey key;
    Timestamp first_seen;
    std::vector<std::uint8_t> header;  // from the offset-0 fragment; empty until it arrives
    std::size_t next_header_pos = 0;
    std::vector<std::uint8_t> store;  // held bytes in arrival order
    std::vector<Span> spans;          // sorted by offset, disjoint
    std::uint32_t covered = 0;        // bytes held
    std::uint32_t max_end = 0;        // highest end seen
    std::uint32_t end = 0;            // total fragmentable length, once the last one is seen
    bool have_last = false;
    std::uint32_t fragments = 0;
    std::size_t accounted = 0;  // footprint last added to memory_

    std::size_t footprint() const;
    bool complete() const { return !header.empty() && have_last && covered == end; }
  };
  using List = std::list<Datagram>;

  List::iterator find_or_create(const FragKey& key, Timestamp now);
  // Copies the parts of [offset, offset + data.size()) not yet held; true when a part already
  // held differs from `data`.
  bool insert(Datagram& d, std::uint32_t offset, ByteView data);
  void account(Datagram& d);
  void drop(List::iterator it);
  // Evicts the oldest datagrams other than `keep` until under the memcap.
  void evict_for(List::iterator keep, DefragStats& stats);

  DecodeConfig cfg_;
  List by_age_;  // creation order, oldest first: both timeout and eviction take from the front
  std::unordered_map<FragKey, List::iterator, FragKeyHash> index_;
  std::size_t memory_ = 0;
  std::vector<Span> scratch_;  // new spans of the fragment being inserted
};

}  // namespace korgoo::decode
