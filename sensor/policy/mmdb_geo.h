// MaxMind GeoIP2 / GeoLite2 Country or City databases (.mmdb) through libmaxminddb, for sites
// that hold a licence. The file is memory-mapped; lookups are read-only and thread-safe.
#pragma once

#include <memory>
#include <string>

#include "policy/geo_database.h"

struct MMDB_s;

namespace korgoo::policy {

class MmdbGeo : public GeoDatabase {
 public:
  // Throws GeoError "PATH: cannot open MaxMind database: REASON" when the file is missing or is
  // not a valid .mmdb.
  explicit MmdbGeo(const std::string& path);
  ~MmdbGeo() override;
  MmdbGeo(const MmdbGeo&) = delete;
  MmdbGeo& operator=(const MmdbGeo&) = delete;

  // `country.iso_code`, falling back to `registered_country.iso_code` (anycast and satellite
  // ranges often have only the latter).
  std::string_view country(const IpAddress& address) const override;
  std::string describe() const override;

 private:
  std::unique_ptr<MMDB_s> db_;
  std::string path_;
};

}  // namespace korgoo::policy
