#include "config/yaml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

#include "config/yaml_key_problems.h"

namespace korgoo::config {

namespace {
std::string where(const std::string& file, const YAML::Mark& m) {
  if (m.line < 0) return file;
  return fmt::format("{}:{}:{}", file, m.line + 1, m.column + 1);
}
}  // namespace

YamlReader::YamlReader(YAML::Node node, std::string file, std::string path)
    : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)) {
  if (node_ && !node_.IsNull() && !node_.IsMap())
    throw ConfigError(where(file_, node_.Mark()) + ": " +
                      (path_.empty() ? std::string("top level") : "key '" + path_ + "'") +
                      ": expected a mapping");
}

YAML::Node YamlReader::load_file(const std::filesystem::path& file) {
  try {
    YAML::Node root = YAML::LoadFile(file.string());
    if (const auto dup = find_key_problem(root))
      throw ConfigError(describe_key_problem(file.string(), *dup));
    return root;
  } catch (const YAML::BadFile&) {
    throw ConfigError(file.string() + ": cannot read file");
  } catch (const YAML::ParserException& e) {
    throw ConfigError(where(file.string(), e.mark) + ": YAML syntax error: " + e.msg);
  }
}

std::string YamlReader::qualified(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

void YamlReader::fail(const YAML::Node& at, const std::string& key, const std::string& what) const {
  const YAML::Mark m = at ? at.Mark() : node_.Mark();
  throw ConfigError(where(file_, m) + ": key '" + qualified(key) + "': " + what);
}

void YamlReader::allow_only(std::initializer_list<std::string_view> allowed) const {
  if (!node_ || !node_.IsMap()) return;
  for (const auto& kv : node_) {
    const std::string key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    throw ConfigError(where(file_, kv.first.Mark()) + ": unknown key '" + qualified(key) +
                      "' (expected one of: " + list + ")");
  }
}

bool YamlReader::has(const std::string& key) const {
  return node_ && node_.IsMap() && node_[key] && !node_[key].IsNull();
}

std::optional<YAML::Node> YamlReader::value(const std::string& key) const {
  // A key given with no value ("bpf:") reads as absent, i.e. takes its default.
  if (!node_ || !node_.IsMap()) return std::nullopt;
  const YAML::Node& map = node_;
  YAML::Node v = map[key];
  if (!v.IsDefined() || v.IsNull()) return std::nullopt;
  return v;
}

std::string YamlReader::string(const std::string& key, const std::string& fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  if (!v.IsScalar()) fail(v, key, "expected a string");
  return v.Scalar();
}

bool YamlReader::boolean(const std::string& key, bool fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  bool out = false;
  if (!v.IsScalar() || !YAML::convert<bool>::decode(v, out))
    fail(v, key, "expected true or false, got '" + (v.IsScalar() ? v.Scalar() : "?") + "'");
  return out;
}

std::int64_t YamlReader::integer(const std::string& key, std::int64_t fallback, std::int64_t min,
                                 std::int64_t max) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  std::int64_t out = 0;
  if (!v.IsScalar() || !YAML::convert<std::int64_t>::decode(v, out))
    fail(v, key, "expected a whole number, got '" + (v.IsScalar() ? v.Scalar() : "?") + "'");
  if (out < min || out > max) fail(v, key, fmt::format("{} is outside {}..{}", out, min, max));
  return out;
}

bool parse_byte_size(std::string_view text, std::uint64_t& out) {
  std::size_t i = 0;
  std::uint64_t n = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    if (n > std::numeric_limits<std::uint64_t>::max() / 10) return false;
    n = n * 10 + static_cast<std::uint64_t>(text[i++] - '0');
  }
  if (i == 0) return false;
  std::string unit;
  for (; i < text.size(); ++i)
    if (!std::isspace(static_cast<unsigned char>(text[i])))
      unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  std::uint64_t mult = 1;
  if (unit.empty() || unit == "b") {
    mult = 1;
  } else if (unit == "kb" || unit == "k" || unit == "kib") {
    mult = 1ull << 10;
  } else if (unit == "mb" || unit == "m" || unit == "mib") {
    mult = 1ull << 20;
  } else if (unit == "gb" || unit == "g" || unit == "gib") {
    mult = 1ull << 30;
  } else {
    return false;
  }
  if (n > std::numeric_limits<std::uint64_t>::max() / mult) return false;
  out = n * mult;
  return true;
}

std::uint64_t YamlReader::bytes(const std::string& key, std::uint64_t fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  std::uint64_t out = 0;
  if (!v.IsScalar() || !parse_byte_size(v.Scalar(), out))
    fail(v, key, "expected a size such as 65536, 64kb or 16mb");
  return out;
}

std::uint64_t YamlReader::nonzero_bytes(const std::string& key, std::uint64_t fallback,
                                        const std::string& what_zero_does) const {
  const std::uint64_t out = bytes(key, fallback);
  if (out == 0) fail(*value(key), key, "0 " + what_zero_does + "; give a size such as 16mb");
  return out;
}

std::vector<std::string> YamlReader::strings(const std::string& key,
                                             const std::vector<std::string>& fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  if (v.IsScalar()) return {v.Scalar()};
  if (!v.IsSequence()) fail(v, key, "expected a list of strings");
  std::vector<std::string> out;
  for (const auto& item : v) {
    if (!item.IsScalar()) fail(item, key, "expected a list of strings");
    out.push_back(item.Scalar());
  }
  return out;
}

std::vector<std::uint16_t> YamlReader::ports(const std::string& key,
                                             const std::vector<std::uint16_t>& fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  std::vector<YAML::Node> items;
  if (v.IsScalar()) {
    items.push_back(v);
  } else if (v.IsSequence()) {
    for (const auto& item : v) items.push_back(item);
  } else {
    fail(v, key, "expected a list of ports");
  }
  std::vector<std::uint16_t> out;
  for (const auto& item : items) {
    const std::string text = item.IsScalar() ? item.Scalar() : "";
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (ec != std::errc() || end != text.data() + text.size() || port == 0 || port > 65535)
      fail(item, key, "'" + text + "' is not a port (1-65535)");
    out.push_back(static_cast<std::uint16_t>(port));
  }
  return out;
}

CidrSet YamlReader::cidrs(const std::string& key, const CidrSet& fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  if (!v.IsSequence()) fail(v, key, "expected a list of CIDR prefixes");
  CidrSet out;
  for (const auto& item : v) {
    const std::string problem = Cidr::problem(item.IsScalar() ? item.Scalar() : "?");
    if (!problem.empty()) fail(item, key, problem);
    out.add(*Cidr::parse(item.Scalar()));
  }
  return out;
}

std::string YamlReader::choice(const std::string& key, const std::string& fallback,
                               std::initializer_list<std::string_view> choices) const {
  std::string s = string(key, fallback);
  if (std::find(choices.begin(), choices.end(), s) != choices.end()) return s;
  std::string list;
  for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
  fail(value(key).value_or(YAML::Node()), key, "'" + s + "' is not one of: " + list);
}

YamlReader YamlReader::section(const std::string& key) const {
  return YamlReader(value(key).value_or(YAML::Node()), file_, qualified(key));
}

}  // namespace korgoo::config
