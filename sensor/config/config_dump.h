// --dump-config: the effective configuration, one `key: value` line per setting, each with
// where it came from (the file and line, the command line, the environment, or the built-in
// default), so that an admin can see what a running sensor actually uses.
#pragma once

#include <ostream>

#include "config/korgoo_config.h"

namespace korgoo::config {

void dump_config(const Config& c, std::ostream& out);

}  // namespace korgoo::config
