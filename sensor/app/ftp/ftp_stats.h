// The ftp decoder's counters, one instance per worker inside app::AppStats. Their keys in
// the stats record keep the flat "ftp_..." names the stage has always reported.
#pragma once

#include <cstdint>

#include "common/json.h"

namespace korgoo::app {

struct FtpStats {
  std::uint64_t commands = 0;
  std::uint64_t data_flows = 0;

  void to_json(Json& out) const {
    out["ftp_commands"] = commands;
    out["ftp_data_flows"] = data_flows;
  }
};

}  // namespace korgoo::app
