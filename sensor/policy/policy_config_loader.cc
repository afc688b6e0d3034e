#include "policy/policy_config_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include <fmt/format.h>

#include "policy/yaml_values.h"
#include "yaml/reader.h"

namespace korgoo::policy {

namespace {

constexpr std::int64_t kMaxPoints = 1000;

// Relative paths in the config are relative to the config file's folder, not the cwd.
std::string resolve(const std::string& path, const std::filesystem::path& base) {
  if (path.empty() || base.empty() || std::filesystem::path(path).is_absolute()) return path;
  return (base / path).string();
}

GeoConfig read_geo(const yaml::Reader& r, const std::filesystem::path& base) {
  r.allow_only({"tor_geoip", "tor_geoip6", "mmdb", "overrides"});
  GeoConfig g;
  g.tor_geoip = resolve(r.string("tor_geoip", g.tor_geoip), base);
  g.tor_geoip6 = resolve(r.string("tor_geoip6", g.tor_geoip6), base);
  g.mmdb = resolve(r.string("mmdb", ""), base);
  if (!r.has("overrides")) return g;
  const YAML::Node list = r.node()["overrides"];
  if (!list.IsSequence())
    r.fail(list, "overrides", "expected a list of {prefix: CIDR, country: CC}");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const yaml::Reader o = r.item(list, "overrides", i);
    o.allow_only({"prefix", "country"});
    const std::string text = o.string("prefix", "");
    const std::string problem = Cidr::problem(text);
    if (!problem.empty()) o.fail(list[i], "prefix", problem);
    const auto prefix = Cidr::parse(text);
    if (!o.has("country")) o.fail(list[i], "country", "an override needs a country");
    g.overrides.push_back({*prefix, read_country(o, "country", "")});
  }
  return g;
}

LegalBasis read_basis(const yaml::Reader& r, const YAML::Node& at) {
  r.allow_only({"id", "basis", "reference", "match"});
  LegalBasis b;
  b.id = r.string("id", "");
  if (b.id.empty()) r.fail(at, "id", "every legal basis needs an id");
  const std::string kind = r.string("basis", "");
  auto parsed = parse_basis_kind(kind);
  if (!parsed)
    r.fail(r.has("basis") ? r.node()["basis"] : at, "basis",
           "'" + kind + "' is not one of: consent, treaty, vital_interest, contract");
  b.basis = *parsed;
  b.reference = r.string("reference", "");
  const yaml::Reader m = r.section("match");
  m.allow_only({"cidrs", "hosts", "countries"});
  b.cidrs = read_cidrs(m, "cidrs", {});
  b.hosts = read_host_patterns(m, "hosts");
  b.countries = read_countries(m, "countries");
  if (b.cidrs.empty() && b.hosts.empty() && b.countries.empty())
    r.fail(at, "match", "a legal basis must match cidrs, hosts or countries");
  return b;
}

ThreatConfig read_threat(const yaml::Reader& r) {
  r.allow_only(
      {"default_type_points", "type_points", "volume", "special", "not_adequate", "levels"});
  ThreatConfig t;
  t.default_type_points = static_cast<int>(r.integer("default_type_points", 1, 0, kMaxPoints));
  if (r.has("type_points")) {
    const YAML::Node m = r.node()["type_points"];
    if (!m.IsMap()) r.fail(m, "type_points", "expected a mapping of type pattern to points");
    const yaml::Reader tp(m, r.file(), r.qualified("type_points"));
    t.type_points.clear();
    for (const auto& kv : m) {
      const std::string pattern = kv.first.Scalar();
      t.type_points.emplace_back(pattern, static_cast<int>(tp.integer(pattern, 0, 0, kMaxPoints)));
    }
  }
  if (r.has("volume")) {
    const YAML::Node list = r.node()["volume"];
    if (!list.IsSequence())
      r.fail(list, "volume", "expected a list of {min_distinct: N, points: P}");
    t.volume.clear();
    for (std::size_t i = 0; i < list.size(); ++i) {
      const yaml::Reader v = r.item(list, "volume", i);
      v.allow_only({"min_distinct", "points"});
      t.volume.push_back(
          {static_cast<std::uint64_t>(v.integer("min_distinct", 0, 0, 1'000'000'000)),
           static_cast<int>(v.integer("points", 0, 0, kMaxPoints))});
    }
  }
  t.special = static_cast<int>(r.integer("special", t.special, 0, kMaxPoints));
  t.not_adequate = static_cast<int>(r.integer("not_adequate", t.not_adequate, 0, kMaxPoints));
  const yaml::Reader lv = r.section("levels");
  lv.allow_only({"blue", "green", "yellow"});
  t.blue_max = static_cast<int>(lv.integer("blue", t.blue_max, 0, kMaxPoints));
  t.green_max = static_cast<int>(lv.integer("green", t.green_max, 0, kMaxPoints));
  t.yellow_max = static_cast<int>(lv.integer("yellow", t.yellow_max, 0, kMaxPoints));
  if (!(t.blue_max <= t.green_max && t.green_max <= t.yellow_max))
    lv.fail(lv.node(), "yellow", "levels must rise: blue <= green <= yellow");
  return t;
}

AggregationConfig read_aggregation(const yaml::Reader& r) {
  r.allow_only({"max_hosts", "bucket_seconds"});
  AggregationConfig a;
  a.max_hosts = static_cast<std::size_t>(
      r.integer("max_hosts", static_cast<std::int64_t>(a.max_hosts), 1, 10'000'000));
  a.bucket_seconds = r.integer("bucket_seconds", a.bucket_seconds, 1, 86400);
  return a;
}

}  // namespace

PolicyConfig load_policy_section(const YAML::Node& section, const std::string& file,
                                 const std::filesystem::path& base) {
  const yaml::Reader r(section, file, "policy");
  r.allow_only({"home_country", "adequate_countries", "unknown_country", "geo", "legal_bases",
                "threat", "aggregation"});
  PolicyConfig c;
  c.home_country = read_country(r, "home_country", c.home_country);
  if (r.has("adequate_countries")) {
    c.adequate_countries = read_countries(r, "adequate_countries");
    std::sort(c.adequate_countries.begin(), c.adequate_countries.end());
  }
  c.unknown_is_adequate =
      r.choice("unknown_country", "not_adequate", {"not_adequate", "adequate"}) == "adequate";
  c.geo = read_geo(r.section("geo"), base);
  if (r.has("legal_bases")) {
    const YAML::Node list = r.node()["legal_bases"];
    if (!list.IsSequence()) r.fail(list, "legal_bases", "expected a list");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const yaml::Reader b = r.item(list, "legal_bases", i);
      c.legal_bases.push_back(read_basis(b, list[i]));
      if (!ids.insert(c.legal_bases.back().id).second)
        b.fail(list[i], "id", "'" + c.legal_bases.back().id + "' is used twice");
    }
  }
  c.threat = read_threat(r.section("threat"));
  c.aggregation = read_aggregation(r.section("aggregation"));
  return c;
}

}  // namespace korgoo::policy
