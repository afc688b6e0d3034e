// The http decoder's counters, one instance per worker inside app::AppStats. Their keys in
// the stats record keep the flat "http_..." names the stage has always reported.
#pragma once

#include <cstdint>

#include "common/json.h"

namespace korgoo::app {

struct HttpStats {
  std::uint64_t transactions = 0;
  std::uint64_t parse_errors = 0;

  void to_json(Json& out) const {
    out["http_transactions"] = transactions;
    out["http_parse_errors"] = parse_errors;
  }
};

}  // namespace korgoo::app
