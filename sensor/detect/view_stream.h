// One content view of one direction as Hyperscan sees it: the hs stream, the byte offset so
// far, the last tail_capacity bytes (so that a match reported now can be validated against
// bytes that arrived in earlier scan() calls), and the matches still waiting for the bytes
// after them (a trailing delimiter, context) — those arrive in a later call, or never, in
// which case close() decides.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/bytes.h"
#include "common/content.h"
#include "common/direction.h"
#include "detect/pattern_database.h"
#include "detect/value_counts.h"

namespace korgoo::detect {

class ViewStream {
 public:
  // `group_occurrences`: the counts the view shares with the other views of its group, or null
  // for a view that stands alone (it counts in its own table, allocated only when used).
  ViewStream(Direction dir, ContentView view, hs_stream_t* stream, std::size_t tail_capacity,
             std::shared_ptr<ValueCounts> group_occurrences)
      : dir_(dir),
        view_(view),
        stream_(stream),
        tail_capacity_(tail_capacity),
        group_occurrences_(std::move(group_occurrences)) {}

  Direction direction() const { return dir_; }
  ContentView view() const { return view_; }
  bool ok() const { return stream_ != nullptr; }

  // Scans `bytes`; new matches are appended to `pending()`. False on a Hyperscan error (the
  // stream is then dropped and later bytes are not scanned).
  bool feed(ByteView bytes, hs_scratch_t* scratch, std::vector<RawMatch>& sink);
  // Ends the Hyperscan stream (end-of-data matches go to `sink`).
  bool close(hs_scratch_t* scratch, std::vector<RawMatch>& sink);
  // After the caller has handled the ready matches of `bytes`: keep the tail for later.
  void retain(ByteView bytes);

  std::uint64_t offset() const { return offset_; }  // bytes fed so far
  // The bytes kept from earlier feeds (the last tail_capacity of them).
  std::string_view tail() const { return tail_; }
  std::vector<RawMatch>& pending() { return pending_; }

  // Stream bytes [from, to) where `to` <= offset(), from the tail and `chunk` (the bytes of the
  // current feed, which start at offset() - chunk.size()); `from` is raised to the oldest byte
  // kept. Copies into `buffer` only when the range spans tail and chunk.
  std::string_view bytes(std::uint64_t& from, std::uint64_t to, ByteView chunk,
                         std::string& buffer) const;

  // Occurrences of each value (by keyed hash) in this view (in its group, if it has one), for
  // the max-over-views rule.
  std::uint64_t bump_occurrences(std::uint64_t hash) {
    return (group_occurrences_ ? *group_occurrences_ : occurrences_).increment(hash);
  }

  // Findings already counted, by stream span and type, so that two patterns (or signatures of
  // one type) matching the same value count it once.
  bool already_counted(std::uint64_t begin, std::uint64_t end, std::uint64_t type_tag);

  ~ViewStream();
  ViewStream(const ViewStream&) = delete;
  ViewStream& operator=(const ViewStream&) = delete;

 private:
  struct Span {
    std::uint64_t begin, end, type_tag;
  };
  static constexpr std::size_t kRecentSpans = 32;

  Direction dir_;
  ContentView view_;
  hs_stream_t* stream_;
  std::size_t tail_capacity_;
  std::uint64_t offset_ = 0;
  std::string tail_;
  std::vector<RawMatch> pending_;
  ValueCounts occurrences_;                         // a lone view's
  std::shared_ptr<ValueCounts> group_occurrences_;  // its group's, when it has one
  std::vector<Span> recent_;
  std::size_t recent_next_ = 0;
};

}  // namespace korgoo::detect
