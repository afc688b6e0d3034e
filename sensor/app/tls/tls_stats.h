// The tls decoder's counters, one instance per worker inside app::AppStats. Their keys in
// the stats record keep the flat "tls_..." names the stage has always reported.
#pragma once

#include <cstdint>

#include "common/json.h"

namespace korgoo::app {

struct TlsStats {
  std::uint64_t client_hellos = 0;
  std::uint64_t parse_errors = 0;

  void to_json(Json& out) const {
    out["tls_client_hellos"] = client_hellos;
    out["tls_parse_errors"] = parse_errors;
  }
};

}  // namespace korgoo::app
