// All signatures' patterns compiled into ONE Hyperscan streaming database, so that a view is
// scanned once whatever the number of signatures.
//
// Why no start-of-match (HS_MODE_SOM_HORIZON_*): SOM makes Hyperscan keep extra state per
// stream and rules out or slows down some patterns, and we would still need the bytes around
// the match to check delimiters and context. Values here are short and bounded, so each view
// keeps a small tail of its last bytes (ViewStream) and the validator parses backwards from
// the reported end. The pattern is a prefilter; the validator decides where the value starts.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "detect/signature.h"

namespace korgoo::detect {

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
  // Throws SignatureError "file:line: signature N (type): pattern '...': Hyperscan: ...".
  static PatternDatabase compile(const std::vector<Signature>& signatures);

  const hs_database_t* get() const { return db_.get(); }
  const PatternRef& ref(unsigned id) const { return refs_[id]; }
  std::size_t pattern_count() const { return refs_.size(); }
  std::size_t stream_state_size() const;

 private:
  struct Free {
    void operator()(hs_database_t* db) const { hs_free_database(db); }
  };
  std::unique_ptr<hs_database_t, Free> db_;
  std::vector<PatternRef> refs_;
};

}  // namespace korgoo::detect
