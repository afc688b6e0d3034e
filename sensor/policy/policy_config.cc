#include "policy/policy_config.h"

#include <algorithm>

#include "policy/adequate_countries.h"

namespace korgoo::policy {

CidrSet default_home_networks() {
  CidrSet set;
  for (const char* text : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"})
    set.add(*Cidr::parse(text));
  return set;
}

PolicyConfig::PolicyConfig() : adequate_countries(default_adequate_countries()) {
  std::sort(adequate_countries.begin(), adequate_countries.end());
}

bool PolicyConfig::is_adequate(std::string_view country) const {
  return std::binary_search(adequate_countries.begin(), adequate_countries.end(), country);
}

}  // namespace korgoo::policy
