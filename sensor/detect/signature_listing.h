// `korgoo --list-signatures`: one line per signature.
#pragma once

#include <ostream>

#include "detect/detect_engine.h"

namespace korgoo::detect {

void print_signatures(const DetectEngine& engine, std::ostream& out);

}  // namespace korgoo::detect
