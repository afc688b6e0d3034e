// Answers "which country is this address in" for the policy: operator overrides first (longest
// prefix wins), then special-purpose ranges ("private"), then each database in turn.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/cidr_set.h"
#include "policy/geo_config.h"
#include "policy/geo_database.h"

namespace korgoo::policy {

enum class GeoClass : std::uint8_t {
  kCountry,  // `country` holds an ISO code
  kPrivate,  // special-purpose range: never a foreign country
  kUnknown,  // no database knows it; the policy's `unknown_country` setting decides
};

struct GeoLookup {
  GeoClass kind = GeoClass::kUnknown;
  std::string_view country;  // valid while the resolver lives; "" unless kCountry
};

class GeoResolver {
 public:
  // `databases` are asked in order; the first non-empty answer wins.
  GeoResolver(std::vector<std::unique_ptr<GeoDatabase>> databases,
              std::vector<GeoOverride> overrides);

  // Opens what `config` names. Throws GeoError when a named file cannot be loaded.
  static std::unique_ptr<GeoResolver> from_config(const GeoConfig& config);

  GeoLookup lookup(const IpAddress& address) const;
  // One line per source, for logs and --test-config.
  std::string describe() const;

 private:
  std::vector<std::unique_ptr<GeoDatabase>> databases_;
  std::vector<GeoOverride> overrides_;  // sorted longest prefix first
  CidrSet special_;
};

}  // namespace korgoo::policy
