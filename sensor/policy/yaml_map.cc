#include "policy/yaml_map.h"

#include "config/yaml_key_problems.h"

#include <algorithm>

#include <fmt/format.h>

namespace korgoo::policy {

using config::ConfigError;

namespace {
std::string where(const std::string& file, const YAML::Mark& m) {
  if (m.line < 0) return file;
  return fmt::format("{}:{}:{}", file, m.line + 1, m.column + 1);
}
std::string scalar_or(const YAML::Node& n) {
  return n.IsScalar() ? n.Scalar() : "?";
}
}  // namespace

YamlMap::YamlMap(YAML::Node node, std::string file, std::string path)
    : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)) {
  if (node_ && !node_.IsNull() && !node_.IsMap())
    throw ConfigError(where(file_, node_.Mark()) + ": " +
                      (path_.empty() ? std::string("top level") : "key '" + path_ + "'") +
                      ": expected a mapping");
}

YAML::Node YamlMap::load_file(const std::string& file) {
  try {
    YAML::Node root = YAML::LoadFile(file);
    if (const auto dup = config::find_key_problem(root))
      throw ConfigError(config::describe_key_problem(file, *dup));
    return root;
  } catch (const YAML::BadFile&) {
    throw ConfigError(file + ": cannot read file");
  } catch (const YAML::ParserException& e) {
    throw ConfigError(where(file, e.mark) + ": YAML syntax error: " + e.msg);
  }
}

std::string YamlMap::qualified(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

void YamlMap::fail(const YAML::Node& at, const std::string& key, const std::string& what) const {
  const YAML::Mark m = at ? at.Mark() : node_.Mark();
  throw ConfigError(where(file_, m) + ": key '" + qualified(key) + "': " + what);
}

void YamlMap::allow_only(std::initializer_list<std::string_view> allowed) const {
  if (!node_ || !node_.IsMap()) return;
  for (const auto& kv : node_) {
    const std::string key = scalar_or(kv.first);
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    throw ConfigError(where(file_, kv.first.Mark()) + ": unknown key '" + qualified(key) +
                      "' (expected one of: " + list + ")");
  }
}

bool YamlMap::has(const std::string& key) const {
  if (!node_ || !node_.IsMap()) return false;
  // node_ is const here, so operator[] looks the key up without inserting it.
  const YAML::Node v = node_[key];
  return v.IsDefined() && !v.IsNull();
}

YAML::Node YamlMap::value(const std::string& key) const {
  // A default-constructed Node is a *defined* null, so callers test has() first.
  if (!has(key)) return YAML::Node();
  return node_[key];
}

std::string YamlMap::string(const std::string& key, const std::string& fallback) const {
  if (!has(key)) return fallback;
  const YAML::Node v = value(key);
  if (!v.IsScalar()) fail(v, key, "expected a string");
  return v.Scalar();
}

bool YamlMap::boolean(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  const YAML::Node v = value(key);
  bool out = false;
  if (!v.IsScalar() || !YAML::convert<bool>::decode(v, out))
    fail(v, key, "expected true or false, got '" + scalar_or(v) + "'");
  return out;
}

std::int64_t YamlMap::integer(const std::string& key, std::int64_t fallback, std::int64_t min,
                              std::int64_t max) const {
  if (!has(key)) return fallback;
  const YAML::Node v = value(key);
  std::int64_t out = 0;
  if (!v.IsScalar() || !YAML::convert<std::int64_t>::decode(v, out))
    fail(v, key, "expected a whole number, got '" + scalar_or(v) + "'");
  if (out < min || out > max) fail(v, key, fmt::format("{} is outside {}..{}", out, min, max));
  return out;
}

std::vector<std::pair<std::string, YAML::Node>> YamlMap::scalars(const std::string& key) const {
  std::vector<std::pair<std::string, YAML::Node>> out;
  if (!has(key)) return out;
  const YAML::Node v = value(key);
  if (v.IsScalar()) {
    out.emplace_back(v.Scalar(), v);
    return out;
  }
  if (!v.IsSequence()) fail(v, key, "expected a list");
  for (const auto& item : v) {
    if (!item.IsScalar()) fail(item, key, "expected a list of plain values");
    out.emplace_back(item.Scalar(), item);
  }
  return out;
}

std::vector<std::string> YamlMap::strings(const std::string& key) const {
  std::vector<std::string> out;
  for (auto& [text, node] : scalars(key)) out.push_back(std::move(text));
  return out;
}

CidrSet YamlMap::cidrs(const std::string& key, const CidrSet& fallback) const {
  if (!has(key)) return fallback;
  CidrSet out;
  for (const auto& [text, node] : scalars(key)) {
    const std::string problem = Cidr::problem(text);
    if (!problem.empty()) fail(node, key, problem);
    out.add(*Cidr::parse(text));
  }
  return out;
}

std::string YamlMap::choice(const std::string& key, const std::string& fallback,
                            std::initializer_list<std::string_view> choices) const {
  std::string s = string(key, fallback);
  if (std::find(choices.begin(), choices.end(), s) != choices.end()) return s;
  std::string list;
  for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
  fail(value(key), key, "'" + s + "' is not one of: " + list);
}

YamlMap YamlMap::section(const std::string& key) const {
  return YamlMap(has(key) ? value(key) : YAML::Node(), file_, qualified(key));
}

YamlMap YamlMap::item(const YAML::Node& list, const std::string& key, std::size_t index) const {
  const YAML::Node n = list[index];
  if (!n.IsMap()) fail(n, key, fmt::format("item {} must be a mapping", index));
  return YamlMap(n, file_, fmt::format("{}[{}]", qualified(key), index));
}

}  // namespace korgoo::policy
