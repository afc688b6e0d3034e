// Strict reading of one YAML mapping for the policy's files: unknown keys and bad values become
// config::ConfigError "file:line:col: key 'path.key': what". It mirrors config::YamlReader
// rather than linking korgoo_config, because the config stage includes every stage's settings
// (this one too) and a stage that linked it back would make a cycle.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "common/cidr_set.h"
#include "config/config_error.h"

namespace korgoo::policy {

class YamlMap {
 public:
  // `node` must be a mapping, or null/absent (read as empty).
  YamlMap(YAML::Node node, std::string file, std::string path = "");

  // Parses a whole file; syntax errors become ConfigErrors with line and column.
  static YAML::Node load_file(const std::string& file);

  void allow_only(std::initializer_list<std::string_view> allowed) const;
  bool has(const std::string& key) const;
  YAML::Node value(const std::string& key) const;  // a null Node when !has(key)

  std::string string(const std::string& key, const std::string& fallback) const;
  bool boolean(const std::string& key, bool fallback) const;
  std::int64_t integer(const std::string& key, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) const;
  std::vector<std::string> strings(const std::string& key) const;
  CidrSet cidrs(const std::string& key, const CidrSet& fallback) const;
  std::string choice(const std::string& key, const std::string& fallback,
                     std::initializer_list<std::string_view> choices) const;
  // A list of scalars (a lone scalar counts as a list of one) with each item's node.
  std::vector<std::pair<std::string, YAML::Node>> scalars(const std::string& key) const;

  YamlMap section(const std::string& key) const;
  // Item `index` of the list under `key`, as a mapping named "key[index]".
  YamlMap item(const YAML::Node& list, const std::string& key, std::size_t index) const;

  const YAML::Node& node() const { return node_; }
  const std::string& file() const { return file_; }
  std::string qualified(const std::string& key) const;

  [[noreturn]] void fail(const YAML::Node& at, const std::string& key,
                         const std::string& what) const;

 private:
  YAML::Node node_;
  std::string file_;
  std::string path_;
};

}  // namespace korgoo::policy
