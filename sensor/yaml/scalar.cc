#include "yaml/scalar.h"

#include <cctype>
#include <charconv>
#include <string_view>

namespace korgoo::yaml {

std::optional<std::int64_t> whole_number(const YAML::Node& node) {
  std::int64_t out = 0;
  if (!node.IsScalar() || !YAML::convert<std::int64_t>::decode(node, out)) return std::nullopt;
  return out;
}

std::optional<bool> yaml_boolean(const YAML::Node& node) {
  bool out = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, out)) return std::nullopt;
  return out;
}

std::optional<std::int64_t> decimal(const YAML::Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  std::string_view s = node.Scalar();
  // What std::stoll took before: leading white space (only a quoted scalar has any), a sign.
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  if (s.starts_with('+')) {
    s.remove_prefix(1);
    if (s.empty() || !std::isdigit(static_cast<unsigned char>(s.front()))) return std::nullopt;
  }
  std::int64_t out = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out, 10);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return out;
}

std::optional<bool> true_or_false(const YAML::Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  if (node.Scalar() == "true") return true;
  if (node.Scalar() == "false") return false;
  return std::nullopt;
}

int line_of(const YAML::Node& node) {
  return node.Mark().is_null() ? 0 : node.Mark().line + 1;
}

}  // namespace korgoo::yaml
