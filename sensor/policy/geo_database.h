// One source of address -> country answers (a range file, a MaxMind database). GeoResolver
// layers private ranges and operator overrides on top and may chain several databases.
#pragma once

#include <string>
#include <string_view>

#include "common/ip_address.h"
#include "yaml/input_error.h"

namespace korgoo::policy {

// A geo database could not be opened or parsed: the one input error type, naming the file and,
// for a range file's bad line, the line (no column: a range file is read line by line).
using GeoError = yaml::InputError;

class GeoDatabase {
 public:
  virtual ~GeoDatabase() = default;
  // ISO 3166-1 alpha-2 code (upper case), or "" when the database has no answer. The view stays
  // valid for the lifetime of the database. Must be safe to call from several threads at once.
  virtual std::string_view country(const IpAddress& address) const = 0;
  // For logs and --test-config: what was loaded ("tor geoip: 385602 v4, 276626 v6 ranges").
  virtual std::string describe() const = 0;
};

}  // namespace korgoo::policy
