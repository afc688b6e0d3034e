// Typed values of single YAML nodes, for the readers that walk a document themselves (the
// signature loader) as well as for Reader. Two grammars each for numbers and booleans, because
// the files have always been read so: the configuration and the policy's files take YAML 1.1's
// words (yes/no/on/off, 0x10), signatures take only decimal numbers and true/false. Widening
// either would change which files load, so both are kept, named, here and nowhere else.
#pragma once

#include <cstdint>
#include <optional>

#include <yaml-cpp/yaml.h>

namespace korgoo::yaml {

// yaml-cpp's reading of a scalar as a whole number (config, policy).
std::optional<std::int64_t> whole_number(const YAML::Node& node);
// yaml-cpp's reading of a scalar as a boolean: true/false, yes/no, on/off, y/n (config, policy).
std::optional<bool> yaml_boolean(const YAML::Node& node);
// A scalar that is a base-10 integer and nothing else, an optional sign first (signatures).
std::optional<std::int64_t> decimal(const YAML::Node& node);
// A scalar that is exactly "true" or "false" (signatures).
std::optional<bool> true_or_false(const YAML::Node& node);

// The node's 1-based line, or 0 when it has none (a node built in code).
int line_of(const YAML::Node& node);

}  // namespace korgoo::yaml
