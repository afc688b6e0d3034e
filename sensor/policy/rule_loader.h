// Loads rules/*.yaml into Rules. Every mistake (unknown key, bad country, sid used twice, ...)
// is a yaml::InputError (config::ConfigError) "file:line:col: ..." so that --test-config points
// at it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "policy/rule.h"

namespace korgoo::policy {

struct RuleLoadOptions {
  // Data type names the detect stage can produce; when given, a rule naming a type that is not
  // among them is an error. Empty: any well-formed name is accepted.
  std::vector<std::string> known_types;
};

class RuleLoader {
 public:
  explicit RuleLoader(RuleLoadOptions options = {}) : options_(std::move(options)) {}

  // A parsed document: a mapping with one key, `rules:`, holding a list of rules. Disabled rules
  // (`enabled: false`) are checked but not returned.
  std::vector<Rule> load(const YAML::Node& document, const std::string& file) const;
  std::vector<Rule> load_file(const std::string& path) const;
  // Files, or folders whose *.yaml / *.yml files are read in name order. Sids must be unique
  // across all of them.
  std::vector<Rule> load_paths(const std::vector<std::filesystem::path>& paths) const;

 private:
  RuleLoadOptions options_;
};

}  // namespace korgoo::policy
