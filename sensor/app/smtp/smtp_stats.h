// The smtp decoder's counters, one instance per worker inside app::AppStats. Their keys in
// the stats record keep the flat "smtp_..." names the stage has always reported.
#pragma once

#include <cstdint>

#include "common/json.h"

namespace korgoo::app {

struct SmtpStats {
  std::uint64_t transactions = 0;
  std::uint64_t parse_errors = 0;
  std::uint64_t mime_parts = 0;

  void to_json(Json& out) const {
    out["smtp_transactions"] = transactions;
    out["smtp_parse_errors"] = parse_errors;
    out["mime_parts"] = mime_parts;
  }
};

}  // namespace korgoo::app
