// Reading the policy's own value kinds from YAML with per-item error positions: country codes
// (validated against ISO 3166-1), host-name patterns, data-type patterns, and the policy's
// lenient lists (where one value may stand for a list of one, and each item names its line).
#pragma once

#include <string>
#include <vector>

#include "common/cidr_set.h"
#include "policy/host_pattern.h"
#include "yaml/reader.h"

namespace korgoo::policy {

// A list (or a single scalar) of ISO 3166-1 alpha-2 codes; upper-cases them.
std::vector<std::string> read_countries(const yaml::Reader& r, const std::string& key);
std::string read_country(const yaml::Reader& r, const std::string& key,
                         const std::string& fallback);
std::vector<HostPattern> read_host_patterns(const yaml::Reader& r, const std::string& key);
// Type names such as "kg_pin" or prefixes such as "special.*". When `known` is not empty every
// pattern must match one of its names (catches "kg_pinn").
// Strings: a list, or one string (Reader::scalars' rules).
std::vector<std::string> read_strings(const yaml::Reader& r, const std::string& key);
// CIDR prefixes: a list, or one prefix; `fallback` when absent.
CidrSet read_cidrs(const yaml::Reader& r, const std::string& key, const CidrSet& fallback);
std::vector<std::string> read_type_patterns(const yaml::Reader& r, const std::string& key,
                                            const std::vector<std::string>& known);

}  // namespace korgoo::policy
