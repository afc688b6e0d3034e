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
// closed_by_non_alnum, candidate_shape) allow it, without changing a single finding:
//  - shared shape: the patterns of the signatures whose validators promise one candidate
//    shape (Validator::candidate_shape, e.g. ten digits or more grouped by spaces, dashes or
//    parentheses, for PINs, IINs, cards and phones) are replaced in the stream by ONE
//    candidate pattern, that shape followed by a byte that is not a letter or digit; at each
//    candidate end the bytes before it are scanned in block mode with those patterns (the
//    shape's database) and a pattern that matches right up to the candidate end is reported
//    as if the stream had (a value of a run of digits is then reported once, not at every
//    digit, and the validator is asked once);
//  - at the end of a view, where no closing byte comes, the last bytes are scanned once in
//    block mode with every shaped pattern (the "end" database).
// A match the rewriting drops is one its validator would have rejected (followed by a letter
// or digit), so only the rejection counters of the stats see a difference. Patterns that are
// unbounded or use anchors or word boundaries (a block scan of a window would read them
// differently) keep their own stream pattern.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <memory>
#include <string>
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
  // Streaming ids at or above kShapeHit are candidates, not pattern ids (refs).
  static constexpr std::uint32_t kShapeHit = 1u << 31;  // + n: candidate of shape n

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

  // The block databases of the candidate shapes and of the view's end (null when nothing was
  // rewritten), and the bytes before a candidate end each must see (the longest match of its
  // patterns).
  std::size_t shape_count() const { return shapes_.size(); }
  const hs_database_t* shape_db(std::size_t n) const { return shapes_[n].db.get(); }
  std::size_t shape_width(std::size_t n) const { return shapes_[n].width; }
  const hs_database_t* end_db() const { return end_db_.get(); }
  std::size_t end_width() const { return end_width_; }
  // Patterns scanned as written, and replaced by a candidate shape.
  std::size_t plain_count() const { return plain_; }
  std::size_t shaped_count() const { return shaped_; }

 private:
  struct Free {
    void operator()(hs_database_t* db) const { hs_free_database(db); }
  };
  std::unique_ptr<hs_database_t, Free> db_;
  struct Shape {
    std::string expression;
    std::unique_ptr<hs_database_t, Free> db;
    std::size_t width = 0;
  };
  std::vector<Shape> shapes_;
  std::unique_ptr<hs_database_t, Free> end_db_;
  std::size_t end_width_ = 0;
  std::size_t plain_ = 0;
  std::size_t shaped_ = 0;
  std::vector<PatternRef> refs_;
};

}  // namespace korgoo::detect
