// A configuration problem: the one input error type (yaml/input_error.h), under the name the
// configuration's callers have always caught.
#pragma once

#include "yaml/input_error.h"

namespace korgoo::config {

using ConfigError = yaml::InputError;

}  // namespace korgoo::config
