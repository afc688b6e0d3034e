#include "yaml/reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "yaml/byte_size.h"
#include "yaml/key_problems.h"
#include "yaml/scalar.h"

namespace korgoo::yaml {

namespace {
std::string scalar_or(const YAML::Node& n) {
  return n.IsScalar() ? n.Scalar() : "?";
}
std::string listed(std::initializer_list<std::string_view> words) {
  std::string list;
  for (auto w : words) list += (list.empty() ? "" : ", ") + std::string(w);
  return list;
}
}  // namespace

Reader::Reader(YAML::Node node, std::string file, std::string path)
    : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)) {
  if (node_ && !node_.IsNull() && !node_.IsMap())
    throw InputError::at(file_, node_.Mark(),
                         (path_.empty() ? std::string("top level") : "key '" + path_ + "'") +
                             ": expected a mapping");
}

YAML::Node Reader::load_file(const std::filesystem::path& file) {
  try {
    YAML::Node root = YAML::LoadFile(file.string());
    if (const auto dup = find_key_problem(root)) throw key_problem_error(file.string(), *dup);
    return root;
  } catch (const YAML::BadFile&) {
    throw InputError(file.string(), std::nullopt, std::nullopt, "cannot read file");
  } catch (const YAML::ParserException& e) {
    throw InputError::at(file.string(), e.mark, "YAML syntax error: " + e.msg);
  }
}

std::string Reader::qualified(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

void Reader::fail(const YAML::Node& at, const std::string& key, const std::string& what) const {
  const YAML::Mark m = at ? at.Mark() : node_.Mark();
  throw InputError::at(file_, m, "key '" + qualified(key) + "': " + what);
}

void Reader::allow_only(std::initializer_list<std::string_view> allowed) const {
  if (!node_ || !node_.IsMap()) return;
  for (const auto& kv : node_) {
    const std::string key = scalar_or(kv.first);
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    throw InputError::at(
        file_, kv.first.Mark(),
        "unknown key '" + qualified(key) + "' (expected one of: " + listed(allowed) + ")");
  }
}

bool Reader::has(const std::string& key) const {
  return node_ && node_.IsMap() && node_[key] && !node_[key].IsNull();
}

std::optional<YAML::Node> Reader::value(const std::string& key) const {
  // A key given with no value ("bpf:") reads as absent, i.e. takes its default.
  if (!node_ || !node_.IsMap()) return std::nullopt;
  const YAML::Node& map = node_;
  YAML::Node v = map[key];
  if (!v.IsDefined() || v.IsNull()) return std::nullopt;
  return v;
}

std::string Reader::string(const std::string& key, const std::string& fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  if (!v.IsScalar()) fail(v, key, "expected a string");
  return v.Scalar();
}

bool Reader::boolean(const std::string& key, bool fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  const auto out = yaml_boolean(v);
  if (!out) fail(v, key, "expected true or false, got '" + scalar_or(v) + "'");
  return *out;
}

std::int64_t Reader::integer(const std::string& key, std::int64_t fallback, std::int64_t min,
                             std::int64_t max) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  const auto out = whole_number(v);
  if (!out) fail(v, key, "expected a whole number, got '" + scalar_or(v) + "'");
  if (*out < min || *out > max) fail(v, key, fmt::format("{} is outside {}..{}", *out, min, max));
  return *out;
}

std::uint64_t Reader::bytes(const std::string& key, std::uint64_t fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  const YAML::Node& v = *found;
  std::uint64_t out = 0;
  if (!v.IsScalar() || !parse_byte_size(v.Scalar(), out))
    fail(v, key, "expected a size such as 65536, 64kb or 16mb");
  return out;
}

std::uint64_t Reader::nonzero_bytes(const std::string& key, std::uint64_t fallback,
                                    const std::string& what_zero_does) const {
  const std::uint64_t out = bytes(key, fallback);
  if (out == 0) fail(*value(key), key, "0 " + what_zero_does + "; give a size such as 16mb");
  return out;
}

std::vector<YAML::Node> Reader::items(const YAML::Node& v, const std::string& key,
                                      const std::string& not_a_list) const {
  if (v.IsScalar()) return {v};
  if (!v.IsSequence()) fail(v, key, not_a_list);
  return {v.begin(), v.end()};
}

std::vector<std::string> Reader::strings(const std::string& key,
                                         const std::vector<std::string>& fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  std::vector<std::string> out;
  for (const auto& item : items(*found, key, "expected a list of strings")) {
    if (!item.IsScalar()) fail(item, key, "expected a list of strings");
    out.push_back(item.Scalar());
  }
  return out;
}

std::vector<std::uint16_t> Reader::ports(const std::string& key,
                                         const std::vector<std::uint16_t>& fallback) const {
  const auto found = value(key);
  if (!found) return fallback;
  std::vector<std::uint16_t> out;
  for (const auto& item : items(*found, key, "expected a list of ports")) {
    const std::string text = item.IsScalar() ? item.Scalar() : "";
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (ec != std::errc() || end != text.data() + text.size() || port == 0 || port > 65535)
      fail(item, key, "'" + text + "' is not a port (1-65535)");
    out.push_back(static_cast<std::uint16_t>(port));
  }
  return out;
}

CidrSet Reader::cidrs(const std::string& key, const CidrSet& fallback) const {
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

std::string Reader::choice(const std::string& key, const std::string& fallback,
                           std::initializer_list<std::string_view> choices) const {
  std::string s = string(key, fallback);
  if (std::find(choices.begin(), choices.end(), s) != choices.end()) return s;
  fail(value(key).value_or(YAML::Node()), key, "'" + s + "' is not one of: " + listed(choices));
}

std::vector<std::pair<std::string, YAML::Node>> Reader::scalars(const std::string& key) const {
  std::vector<std::pair<std::string, YAML::Node>> out;
  const auto found = value(key);
  if (!found) return out;
  for (const auto& item : items(*found, key, "expected a list")) {
    if (!item.IsScalar()) fail(item, key, "expected a list of plain values");
    out.emplace_back(item.Scalar(), item);
  }
  return out;
}

Reader Reader::section(const std::string& key) const {
  return Reader(value(key).value_or(YAML::Node()), file_, qualified(key));
}

Reader Reader::item(const YAML::Node& list, const std::string& key, std::size_t index) const {
  const YAML::Node n = list[index];
  if (!n.IsMap()) fail(n, key, fmt::format("item {} must be a mapping", index));
  return Reader(n, file_, fmt::format("{}[{}]", qualified(key), index));
}

}  // namespace korgoo::yaml
