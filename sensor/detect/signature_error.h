#pragma once

#include <stdexcept>
#include <string>

namespace korgoo::detect {

// A signature file could not be loaded or compiled. what() is "file:line: message" so that
// `korgoo --test-config` can print it as is.
class SignatureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace korgoo::detect
