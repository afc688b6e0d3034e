// Counters of the detect stage, per worker (kept in its Scratch) and summed by the engine for
// the EVE `stats` record.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "common/json.h"

namespace korgoo::detect {

struct DetectStats {
  using Counters = std::map<std::string, std::uint64_t, std::less<>>;

  std::uint64_t bytes = 0;       // bytes scanned, all views
  std::uint64_t streams = 0;     // views opened
  std::uint64_t candidates = 0;  // validator decisions (Hyperscan matches examined)
  Counters confirmed;            // type -> values confirmed
  Counters high_confidence;      // type -> of those, with a passing check digit / context
  Counters rejected;             // "<type>.<reason>" -> candidates rejected
  std::uint64_t suppressed_org_inn = 0;
  std::uint64_t suppressed_bin = 0;
  std::uint64_t suppressed_role_mailbox = 0;
  std::uint64_t hs_errors = 0;  // Hyperscan calls that failed (the view is then skipped)

  void merge(const DetectStats& other);
  void to_json(Json& out) const;

  static void bump(Counters& c, std::string_view key, std::uint64_t n = 1);
};

}  // namespace korgoo::detect
