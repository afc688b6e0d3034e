// The dns decoder's counters, one instance per worker inside app::AppStats. Their keys in
// the stats record keep the flat "dns_..." names the stage has always reported.
#pragma once

#include <cstdint>

#include "common/json.h"

namespace korgoo::app {

struct DnsStats {
  std::uint64_t queries = 0;
  std::uint64_t parse_errors = 0;

  void to_json(Json& out) const {
    out["dns_queries"] = queries;
    out["dns_parse_errors"] = parse_errors;
  }
};

}  // namespace korgoo::app
