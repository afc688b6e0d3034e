#pragma once

#include "yaml/input_error.h"

namespace korgoo::detect {

// A signature file could not be loaded or compiled: the one input error type. what() is
// "file:line: message" (a signature is named by its line, without a column) so that
// `korgoo --test-config` can print it as is.
using SignatureError = yaml::InputError;

}  // namespace korgoo::detect
