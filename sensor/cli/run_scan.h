// korgoo scan: files at rest, decoded and scanned, one JSON line each.
#pragma once

#include <string>
#include <vector>

#include "engine/runtime.h"

namespace korgoo::cli {

int run_scan(const engine::Runtime& rt, const std::vector<std::string>& files);

}  // namespace korgoo::cli
