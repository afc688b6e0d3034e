// Where countries come from: the geo database files and the operator's own corrections.
#pragma once

#include <string>
#include <vector>

#include "common/ip_address.h"

namespace korgoo::policy {

struct GeoOverride {
  Cidr prefix;
  std::string country;  // ISO 3166-1 alpha-2, validated by the loader
};

struct GeoConfig {
  // Debian's tor-geoipdb files; "" disables that family.
  std::string tor_geoip = "/usr/share/tor/geoip";
  std::string tor_geoip6 = "/usr/share/tor/geoip6";
  // Optional MaxMind .mmdb; when set it is asked first and the tor files answer what it does not.
  std::string mmdb;
  // Applied before any database; the longest matching prefix wins.
  std::vector<GeoOverride> overrides;
};

}  // namespace korgoo::policy
