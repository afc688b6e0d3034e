// Reads Tor's geoip range files (Debian package tor-geoipdb: /usr/share/tor/geoip and geoip6),
// which are free, updated with the distribution, and need no account to download.
//   IPv4: INTIPLOW,INTIPHIGH,CC   e.g. 16777216,16777471,AU
//   IPv6: IPV6LOW,IPV6HIGH,CC     e.g. 2001:200::,2001:200:134:ffff:ffff:ffff:ffff:ffff,JP
// Lines starting with '#' and blank lines are skipped.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "policy/range_geo_database.h"

namespace korgoo::policy {

class TorGeoipLoader {
 public:
  // Either path may be empty (that family is then unknown). Throws GeoError naming the file and
  // line on an unreadable file, a malformed line or overlapping ranges.
  static std::unique_ptr<RangeGeoDatabase> load(const std::string& v4_path,
                                                const std::string& v6_path);

  // The parsers behind load(), on streams so that tests need no files. `name` is for messages.
  static void read_v4(std::istream& in, const std::string& name, RangeGeoDatabase& db);
  static void read_v6(std::istream& in, const std::string& name, RangeGeoDatabase& db);
};

}  // namespace korgoo::policy
