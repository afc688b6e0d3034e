#pragma once

#include <stdexcept>
#include <string>

namespace korgoo::config {

// A configuration problem, already formatted as "file:line:column: message".
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace korgoo::config
