// Detection state of one flow: the Hyperscan streams of its open content views and the tally
// of each direction. Owned by the worker that owns the flow; not thread-safe.
//
// Counting across views (DESIGN.md: raw bytes are scanned too, so an HTTP form is seen once
// raw and once decoded): for each (type, value) the direction's count is the MAXIMUM over
// views of the value's occurrences in that view, not the sum. A form field seen raw and
// decoded counts once; a value only visible after gunzip counts in its decoded view; a value
// sent twice in one body counts twice. Views of one group (ContentView::group: the members of
// one archive, the pages of one PDF) are disjoint bytes and count as one view: a value in two
// members counts twice. Values in different views that are really different sends (two
// uploads of one file in one flow) count as the larger of the two, an undercount we accept over
// double counting every plain-text protocol.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "common/bytes.h"
#include "common/content.h"
#include "common/direction.h"
#include "detect/detect_engine.h"
#include "detect/scratch.h"
#include "detect/tally.h"

namespace korgoo::detect {

class ViewStream;

class FlowDetector {
 public:
  explicit FlowDetector(const DetectEngine& engine);
  ~FlowDetector();
  FlowDetector(FlowDetector&&) noexcept;
  FlowDetector& operator=(FlowDetector&&) noexcept;

  // The next bytes of `view` in direction `dir`; the first call opens the view.
  void scan(Direction dir, ContentView view, ByteView bytes, Scratch& scratch);
  // The view is complete: values waiting for a trailing delimiter are decided now.
  void end(Direction dir, ContentView view, Scratch& scratch);
  // Flow end: ends every open view.
  void end_all(Scratch& scratch);

  const Tally& tally(Direction dir) const { return tallies_[index_of(dir)]; }
  // Both directions' tallies, leaving them empty (a closed flow keeps only their sum).
  std::array<Tally, 2> take_tallies();
  // Increases whenever a tally changes, so that the engine re-runs policy only then.
  std::uint64_t generation() const { return generation_; }
  // Organisation INNs, BINs and role mailboxes seen (not personal data, for stats).
  std::uint64_t suppressed() const { return suppressed_; }

  // A value counted for the first time in this flow and direction: its type and keyed hash.
  // Per-host aggregation across flows needs them to count distinct values exactly.
  struct NewValue {
    std::string_view type;  // a signature's type or a validator's literal: outlives the flow
    std::uint64_t hash;
  };
  // The values first seen since the last call, in the order seen; the list is emptied.
  std::vector<NewValue> take_new_values(Direction dir) {
    return std::exchange(new_values_[index_of(dir)], {});
  }

  // Where a confirmed personal identifier sits in its view (offsets from the view's first
  // byte) and its normalised value. Masking metadata needs the place, not just the count.
  struct Located {
    Direction dir;
    ContentView view;
    std::uint64_t begin;
    std::uint64_t end;
    const Signature& signature;
    std::string_view type;
    const std::string& value;
  };
  // Called for every confirmed identifier, before it is counted; unset by default.
  void on_located(std::function<void(const Located&)> observer) {
    on_located_ = std::move(observer);
  }

 private:
  ViewStream* find(Direction dir, ContentView view);
  ViewStream& open(Direction dir, ContentView view, Scratch& scratch);
  // The occurrence counts a new view of `group` shares (null for group 0: a lone view).
  std::shared_ptr<ValueCounts> group_occurrences(Direction dir, std::uint32_t group);
  // Turns the rewritten reports of the last feed (pending()[first...]) into the matches of
  // the patterns as written (pattern_database.h).
  void resolve(ViewStream& vs, std::size_t first, ByteView chunk, Scratch& scratch);
  // Appends the patterns of block database `db` that match bytes ending exactly at `end`.
  void confirm(ViewStream& vs, const hs_database_t* db, std::size_t width, std::uint64_t end,
               ByteView chunk, Scratch& scratch);
  // Validates the pending matches of `vs` whose bytes have all arrived (all, if at_end).
  void decide(ViewStream& vs, ByteView chunk, bool at_end, Scratch& scratch);
  void record(ViewStream& vs, const BoundSignature& bound, std::uint64_t window_begin,
              const MatchWindow& w, const MatchContext& ctx, const Finding& f, Scratch& scratch);

  const DetectEngine* engine_;
  std::vector<std::unique_ptr<ViewStream>> views_;
  // The occurrences of the groups whose views are open, and of each direction's latest group
  // (its next member view opens after the previous one ended).
  struct Group {
    Direction dir;
    std::uint32_t id;
    std::shared_ptr<ValueCounts> occurrences;
  };
  std::vector<Group> groups_;
  std::array<Tally, 2> tallies_;
  std::array<std::vector<NewValue>, 2> new_values_;
  std::uint64_t generation_ = 0;
  std::uint64_t suppressed_ = 0;
  std::function<void(const Located&)> on_located_;
};

}  // namespace korgoo::detect
