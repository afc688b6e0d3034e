// The `policy:` section of config/korgoo.yaml as typed values (see docs/rules.md for the keys).
// Built once at start by load_policy_section() and then read-only.
#pragma once

#include <string>
#include <vector>

#include "common/cidr_set.h"
#include "policy/aggregation_config.h"
#include "policy/geo_config.h"
#include "policy/legal_basis.h"
#include "policy/threat_config.h"

namespace korgoo::policy {

// RFC 1918 and IPv6 unique-local: where an organisation's own hosts usually are. The one
// definition of the default, for the flow table's sides and the policy's transfers alike.
CidrSet default_home_networks();

struct PolicyConfig {
  // Filled by the engine from the top-level `home_networks` (shared with the flow stage).
  CidrSet home_networks = default_home_networks();
  std::string home_country = "KG";
  // Sorted ISO codes; default_adequate_countries() unless configured.
  std::vector<std::string> adequate_countries;
  // An address no database knows: adequate or not (default: not, the cautious reading).
  bool unknown_is_adequate = false;
  std::vector<LegalBasis> legal_bases;
  GeoConfig geo;
  ThreatConfig threat;
  AggregationConfig aggregation;
  PolicyConfig();
  bool is_adequate(std::string_view country) const;
};

}  // namespace korgoo::policy
