#include "policy/geo_resolver.h"

#include <algorithm>

#include "policy/mmdb_geo.h"
#include "policy/special_ranges.h"
#include "policy/tor_geoip_loader.h"

namespace korgoo::policy {

namespace {

// ::ffff:a.b.c.d is an IPv4 host reached over an IPv6 socket; look it up as IPv4.
IpAddress unmap_v4(const IpAddress& a) {
  if (!a.is_v6()) return a;
  const auto& b = a.bytes();
  for (int i = 0; i < 10; ++i)
    if (b[i] != 0) return a;
  if (b[10] != 0xff || b[11] != 0xff) return a;
  return IpAddress::v4(b.data() + 12);
}

}  // namespace

GeoResolver::GeoResolver(std::vector<std::unique_ptr<GeoDatabase>> databases,
                         std::vector<GeoOverride> overrides)
    : databases_(std::move(databases)),
      overrides_(std::move(overrides)),
      special_(special_purpose_ranges()) {
  std::stable_sort(overrides_.begin(), overrides_.end(), [](const auto& a, const auto& b) {
    return a.prefix.prefix_len() > b.prefix.prefix_len();
  });
}

std::unique_ptr<GeoResolver> GeoResolver::from_config(const GeoConfig& config) {
  std::vector<std::unique_ptr<GeoDatabase>> dbs;
  if (!config.mmdb.empty()) dbs.push_back(std::make_unique<MmdbGeo>(config.mmdb));
  if (!config.tor_geoip.empty() || !config.tor_geoip6.empty())
    dbs.push_back(TorGeoipLoader::load(config.tor_geoip, config.tor_geoip6));
  return std::make_unique<GeoResolver>(std::move(dbs), config.overrides);
}

GeoLookup GeoResolver::lookup(const IpAddress& address) const {
  const IpAddress a = unmap_v4(address);
  // Overrides first: the operator may know that a private prefix is a tunnel to another
  // country, or that a provider's range is hosted elsewhere than its registration says.
  for (const auto& o : overrides_)
    if (o.prefix.contains(a)) return {GeoClass::kCountry, o.country};
  if (special_.contains(a)) return {GeoClass::kPrivate, {}};
  for (const auto& db : databases_)
    if (auto cc = db->country(a); !cc.empty()) return {GeoClass::kCountry, cc};
  return {};
}

std::string GeoResolver::describe() const {
  std::string out;
  for (const auto& db : databases_) out += db->describe() + "\n";
  out += std::to_string(overrides_.size()) + " geo overrides";
  return out;
}

}  // namespace korgoo::policy
