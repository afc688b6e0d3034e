// All signatures' patterns compiled into ONE Hyperscan streaming database, so that a view is
// scanned once whatever the number of signatures.
//
// Why no start-of-match (HS_MODE_SOM_HORIZON_*): SOM makes Hyperscan keep extra state per
// stream and rules out or slows down some patterns, and we would still need the bytes around
// the match to check delimiters and context. Values here are short and bounded, so each view
// keeps a small tail of its last bytes (ViewStream) and the validator parses backwards from
// the reported end. The pattern is a prefilter; the validator decides where the value starts.
//
// Built for speed (issue 15): signatures/*.yaml stay the contract (which pattern of which
// signature matched where), but what is scanned is cheaper. One streaming database holding a
// dozen digit-class patterns runs at a fraction of the speed of any one of them (Hyperscan
// cannot accelerate the union), so, where the validator's promises (Validator::
// closed_by_non_alnum, value_digits) allow it, without changing a single finding:
//  - shared shape: the patterns of every signature whose values end in a run of
//    kShapeDigits or more digits are replaced in the stream by ONE candidate pattern, such a
//    run followed by a byte that is not a letter or digit; at each candidate end the bytes
//    before it are scanned in block mode with those patterns (the "shape" database) and a
//    pattern that matches right up to the candidate end is reported as if the stream had;
//  - closing byte: any other pattern of such a validator is scanned as "(?:P)[^0-9A-Za-z]",
//    which reports once per value instead of once per byte of a digit run;
//  - at the end of a view, where no closing byte comes, the last bytes are scanned once in
//    block mode with both groups (the "end" database).
// A match the rewriting drops is one its validator would have rejected (followed by a letter
// or digit), so only the rejection counters of the stats see a difference. Patterns that are
// unbounded or use anchors or word boundaries (a block scan of a window would read them
// differently) keep their own stream pattern.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "detect/signature.h"

namespace korgoo::detect {

class Validator;

// Which signature and which of its patterns (or keywords) a Hyperscan id stands for.
struct PatternRef {
  std::uint32_t signature = 0;  // index into the signature list
  std::uint32_t index = 0;
};

// One Hyperscan report: pattern id and the stream offset just past the match.
struct RawMatch {
  std::uint64_t end = 0;
  std::uint32_t pattern = 0;
};

class PatternDatabase {
 public:
  // Streaming ids at or above this are not pattern ids (refs) but rewritten reports.
  static constexpr std::uint32_t kClosedBit = 1u << 30;   // id | bit: "(?:P)[^0-9A-Za-z]"
  static constexpr std::uint32_t kShapeHit = (1u << 31);  // the shared digit-run candidate
  static constexpr std::size_t kShapeDigits = 10;

  // `validators[i]` is signature i's validator (its promises decide the rewriting); with
  // `rewrite` false every pattern is scanned as written (the reference the tests compare
  // against). Throws SignatureError "file:line: signature N (type): pattern '...':
  // Hyperscan: ...".
  static PatternDatabase compile(const std::vector<Signature>& signatures,
                                 const std::vector<const Validator*>& validators, bool rewrite);

  const hs_database_t* get() const { return db_.get(); }
  const PatternRef& ref(unsigned id) const { return refs_[id]; }
  std::size_t pattern_count() const { return refs_.size(); }
  std::size_t stream_state_size() const;

  // Block databases for the candidates (null when nothing was rewritten) and the bytes
  // before a candidate end they must see (the longest match of their patterns).
  const hs_database_t* shape_db() const { return shape_db_.get(); }
  std::size_t shape_width() const { return shape_width_; }
  const hs_database_t* end_db() const { return end_db_.get(); }
  std::size_t end_width() const { return end_width_; }
  // Patterns scanned as written, closing-byte rewritten, and replaced by the shape.
  std::size_t plain_count() const { return plain_; }
  std::size_t closed_count() const { return closed_; }
  std::size_t shaped_count() const { return shaped_; }

 private:
  struct Free {
    void operator()(hs_database_t* db) const { hs_free_database(db); }
  };
  std::unique_ptr<hs_database_t, Free> db_;
  std::unique_ptr<hs_database_t, Free> shape_db_;
  std::unique_ptr<hs_database_t, Free> end_db_;
  std::size_t shape_width_ = 0;
  std::size_t end_width_ = 0;
  std::size_t plain_ = 0;
  std::size_t closed_ = 0;
  std::size_t shaped_ = 0;
  std::vector<PatternRef> refs_;
};

}  // namespace korgoo::detect
