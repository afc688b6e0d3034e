// yaml-cpp keeps every pair of a mapping but answers a lookup with the first, so a key given
// twice ("memcap: 64mb" ... "memcap: 0") silently loses one of the two. Every loader walks the
// loaded document with this before reading it, and refuses the file. Header-only because the
// config, policy and detect stages all load YAML and none may depend on another for this.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

namespace korgoo::config {

struct DuplicateKey {
  std::string path;  // dotted, e.g. "stream.memcap"
  YAML::Mark again;  // the repeat
  YAML::Mark first;  // the first occurrence
};

// The first key repeated within one mapping, anywhere in `node` (depth-first, in file order).
inline std::optional<DuplicateKey> find_duplicate_key(const YAML::Node& node,
                                                      const std::string& prefix = "") {
  if (node.IsSequence()) {
    for (const auto& item : node)
      if (auto d = find_duplicate_key(item, prefix)) return d;
    return std::nullopt;
  }
  if (!node.IsMap()) return std::nullopt;
  std::map<std::string, YAML::Mark> seen;
  for (const auto& kv : node) {
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "?";
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    if (auto [it, fresh] = seen.emplace(key, kv.first.Mark()); !fresh)
      return DuplicateKey{path, kv.first.Mark(), it->second};
    if (auto d = find_duplicate_key(kv.second, path)) return d;
  }
  return std::nullopt;
}

// "file:line:col: key 'a.b' given twice (first at line N)" for a ConfigError-style message.
inline std::string describe_duplicate_key(const std::string& file, const DuplicateKey& d) {
  return file + ":" + std::to_string(d.again.line + 1) + ":" + std::to_string(d.again.column + 1) +
         ": key '" + d.path + "' given twice (first at line " + std::to_string(d.first.line + 1) +
         "; YAML would silently keep only one)";
}

}  // namespace korgoo::config
