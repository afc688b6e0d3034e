// Reads the `policy:` section of config/korgoo.yaml. The engine's top-level loader owns the file
// and calls this for the section; every mistake is a yaml::InputError (config::ConfigError)
// "file:line:col: ...".
#pragma once

#include <filesystem>
#include <string>

#include <yaml-cpp/yaml.h>

#include "policy/policy_config.h"

namespace korgoo::policy {

// `section` is the node under `policy:` (null or absent: all defaults). `file` names the config
// file in messages; relative geo database paths are taken from `base` (the config's folder).
// home_networks is not read here: the engine copies the top-level `home_networks` into it.
PolicyConfig load_policy_section(const YAML::Node& section, const std::string& file,
                                 const std::filesystem::path& base = {});

}  // namespace korgoo::policy
