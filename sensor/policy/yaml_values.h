// Reading the policy's own value kinds from YAML with per-item error positions: country codes
// (validated against ISO 3166-1), host-name patterns and data-type patterns.
#pragma once

#include <string>
#include <vector>

#include "policy/host_pattern.h"
#include "policy/yaml_map.h"

namespace korgoo::policy {

// A list (or a single scalar) of ISO 3166-1 alpha-2 codes; upper-cases them.
std::vector<std::string> read_countries(const YamlMap& r, const std::string& key);
std::string read_country(const YamlMap& r, const std::string& key, const std::string& fallback);
std::vector<HostPattern> read_host_patterns(const YamlMap& r, const std::string& key);
// Type names such as "kg_pin" or prefixes such as "special.*". When `known` is not empty every
// pattern must match one of its names (catches "kg_pinn").
std::vector<std::string> read_type_patterns(const YamlMap& r, const std::string& key,
                                            const std::vector<std::string>& known);

}  // namespace korgoo::policy
