#include "policy/yaml_values.h"

#include <algorithm>

#include "policy/country_codes.h"
#include "policy/type_counts.h"

namespace korgoo::policy {

std::vector<std::string> read_countries(const yaml::Reader& r, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& [text, node] : r.scalars(key)) {
    std::string cc = normalize_country(text);
    if (!is_accepted_country(cc))
      r.fail(node, key, "'" + text + "' is not an ISO 3166-1 alpha-2 country code");
    out.push_back(std::move(cc));
  }
  return out;
}

std::string read_country(const yaml::Reader& r, const std::string& key,
                         const std::string& fallback) {
  if (!r.has(key)) return fallback;
  const YAML::Node v = r.node()[key];
  std::string cc = normalize_country(r.string(key, fallback));
  if (!is_accepted_country(cc))
    r.fail(v, key, "'" + v.Scalar() + "' is not an ISO 3166-1 alpha-2 country code");
  return cc;
}

std::vector<HostPattern> read_host_patterns(const yaml::Reader& r, const std::string& key) {
  std::vector<HostPattern> out;
  for (const auto& [text, node] : r.scalars(key)) {
    auto p = HostPattern::parse(text);
    if (!p)
      r.fail(node, key,
             "'" + text + "' is not a host name or '*.suffix' pattern (a '*' may only lead)");
    out.push_back(std::move(*p));
  }
  return out;
}

std::vector<std::string> read_strings(const yaml::Reader& r, const std::string& key) {
  std::vector<std::string> out;
  for (auto& [text, node] : r.scalars(key)) out.push_back(std::move(text));
  return out;
}

CidrSet read_cidrs(const yaml::Reader& r, const std::string& key, const CidrSet& fallback) {
  if (!r.has(key)) return fallback;
  CidrSet out;
  for (const auto& [text, node] : r.scalars(key)) {
    const std::string problem = Cidr::problem(text);
    if (!problem.empty()) r.fail(node, key, problem);
    out.add(*Cidr::parse(text));
  }
  return out;
}

std::vector<std::string> read_type_patterns(const yaml::Reader& r, const std::string& key,
                                            const std::vector<std::string>& known) {
  std::vector<std::string> out;
  for (const auto& [text, node] : r.scalars(key)) {
    std::string_view body(text);
    if (body.ends_with('*')) body.remove_suffix(1);
    const bool well_formed = !text.empty() && std::all_of(body.begin(), body.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    });
    if (!well_formed)
      r.fail(node, key, "'" + text + "' is not a data type name (lower case, digits, '_', '.')");
    // A named copy: clang before 16 cannot capture a structured binding in a lambda.
    const std::string& name = text;
    if (!known.empty() && std::none_of(known.begin(), known.end(),
                                       [&](const std::string& k) { return type_matches(name, k); }))
      r.fail(node, key, "'" + text + "' matches no known data type");
    out.push_back(text);
  }
  return out;
}

}  // namespace korgoo::policy
