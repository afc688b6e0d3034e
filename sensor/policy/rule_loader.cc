#include "policy/rule_loader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "policy/yaml_values.h"
#include "yaml/reader.h"

namespace korgoo::policy {

using yaml::InputError;

std::string_view to_string(RuleAction action) {
  switch (action) {
    case RuleAction::kPass:
      return "pass";
    case RuleAction::kDrop:
      return "drop";
    case RuleAction::kAlert:
      return "alert";
  }
  return "?";
}

std::string_view to_string(Transfer transfer) {
  switch (transfer) {
    case Transfer::kOutbound:
      return "outbound";
    case Transfer::kInbound:
      return "inbound";
    case Transfer::kInternal:
      return "internal";
    case Transfer::kExternal:
      return "external";
  }
  return "?";
}

namespace {

std::string origin(const std::string& file, const YAML::Node& node) {
  return fmt::format("{}:{}", file, node.Mark().line + 1);
}

std::vector<PortRange> read_ports(const yaml::Reader& r, const std::string& key) {
  std::vector<PortRange> out;
  for (const auto& [text, node] : r.scalars(key)) {
    // "443" or "8000-8080"
    auto number = [&](std::string_view s) -> int {
      int v = 0;
      if (s.empty() || s.size() > 5) return -1;
      for (char c : s) {
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
      }
      return v <= 65535 ? v : -1;
    };
    const auto dash = text.find('-');
    const int lo = number(std::string_view(text).substr(0, dash));
    const int hi = dash == std::string::npos ? lo : number(std::string_view(text).substr(dash + 1));
    if (lo < 0 || hi < 0 || hi < lo)
      r.fail(node, key, "'" + text + "' is not a port or port range such as 8000-8080");
    out.push_back({static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(hi)});
  }
  return out;
}

std::optional<bool> read_optional_bool(const yaml::Reader& r, const std::string& key) {
  if (!r.has(key)) return std::nullopt;
  return r.boolean(key, false);
}

std::vector<std::string> lower_list(const yaml::Reader& r, const std::string& key) {
  std::vector<std::string> out = read_strings(r, key);
  for (auto& s : out)
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

BasisMatch read_basis(const yaml::Reader& r) {
  BasisMatch m;
  if (!r.has("basis")) return m;
  const std::string text = r.string("basis", "");
  if (text == "none") {
    m.kind = BasisMatch::Kind::kNone;
  } else if (text == "any") {
    m.kind = BasisMatch::Kind::kAny;
  } else if (auto k = parse_basis_kind(text)) {
    m.kind = BasisMatch::Kind::kSpecific;
    m.specific = *k;
  } else {
    r.fail(r.node()["basis"], "basis",
           "'" + text + "' is not one of: none, any, consent, treaty, vital_interest, contract");
  }
  return m;
}

RuleCondition read_condition(const yaml::Reader& r, const RuleLoadOptions& options) {
  r.allow_only({"types_any", "types_all", "min_count", "min_distinct", "special", "direction",
                "countries", "not_countries", "adequate", "domestic", "basis", "app_proto",
                "not_app_proto", "hosts", "not_hosts", "ports", "file.encrypted"});
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  RuleCondition c;
  c.types_any = read_type_patterns(r, "types_any", options.known_types);
  c.types_all = read_type_patterns(r, "types_all", options.known_types);
  c.min_count = static_cast<std::uint64_t>(r.integer("min_count", 1, 1, kMax));
  c.min_distinct = static_cast<std::uint64_t>(r.integer("min_distinct", 0, 0, kMax));
  c.special = read_optional_bool(r, "special");
  const std::string dir = r.choice("direction", "outbound", {"outbound", "inbound", "any"});
  c.direction = dir == "outbound"  ? TransferMatch::kOutbound
                : dir == "inbound" ? TransferMatch::kInbound
                                   : TransferMatch::kAny;
  c.countries = read_countries(r, "countries");
  c.not_countries = read_countries(r, "not_countries");
  c.adequate = read_optional_bool(r, "adequate");
  c.domestic = read_optional_bool(r, "domestic");
  c.basis = read_basis(r);
  c.app_proto = lower_list(r, "app_proto");
  c.not_app_proto = lower_list(r, "not_app_proto");
  c.hosts = read_host_patterns(r, "hosts");
  c.not_hosts = read_host_patterns(r, "not_hosts");
  c.ports = read_ports(r, "ports");
  c.file_encrypted = read_optional_bool(r, "file.encrypted");
  return c;
}

Aggregate read_aggregate(const yaml::Reader& r, const RuleLoadOptions& options) {
  r.allow_only({"by", "window", "min_distinct", "min_count", "types"});
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  r.choice("by", "src_host", {"src_host"});
  Aggregate a;
  a.window_seconds = r.integer("window", 3600, 1, 31 * 86400);
  a.min_distinct = static_cast<std::uint64_t>(r.integer("min_distinct", 0, 0, 10'000'000));
  a.min_count = static_cast<std::uint64_t>(r.integer("min_count", 0, 0, kMax));
  if (a.min_distinct == 0 && a.min_count == 0)
    r.fail(r.node(), "min_distinct", "an aggregate needs min_distinct or min_count above 0");
  a.types = read_type_patterns(r, "types", options.known_types);
  return a;
}

std::vector<std::pair<std::string, std::vector<std::string>>> read_metadata(const yaml::Reader& r) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  if (!r.has("metadata")) return out;
  const YAML::Node m = r.node()["metadata"];
  if (!m.IsMap()) r.fail(m, "metadata", "expected a mapping of names to text or lists of text");
  const yaml::Reader meta(m, r.file(), r.qualified("metadata"));
  for (const auto& kv : m)
    out.emplace_back(kv.first.Scalar(), read_strings(meta, kv.first.Scalar()));
  return out;
}

Rule read_rule(const yaml::Reader& r, const std::string& file, const RuleLoadOptions& options,
               bool& enabled) {
  r.allow_only({"id", "sid", "rev", "name", "signature", "category", "enabled", "condition",
                "aggregate", "action", "severity", "metadata"});
  Rule rule;
  rule.origin = origin(file, r.node());
  const char* id_key = r.has("id") ? "id" : "sid";
  if (!r.has(id_key)) r.fail(r.node(), "id", "every rule needs an id (its sid)");
  rule.sid = static_cast<std::uint32_t>(r.integer(id_key, 0, 1, 0xFFFFFFFFll));
  rule.rev = static_cast<std::uint32_t>(r.integer("rev", 1, 1, 0xFFFFFFFFll));
  rule.signature = r.string("signature", r.string("name", ""));
  if (rule.signature.empty()) r.fail(r.node(), "signature", "every rule needs a signature text");
  rule.category = r.string("category", "Personal data transfer");
  enabled = r.boolean("enabled", true);
  const std::string action = r.choice("action", "alert", {"alert", "drop", "pass"});
  rule.action = action == "pass"   ? RuleAction::kPass
                : action == "drop" ? RuleAction::kDrop
                                   : RuleAction::kAlert;
  rule.severity = static_cast<int>(r.integer("severity", 3, 1, 3));
  if (!r.has("condition")) r.fail(r.node(), "condition", "every rule needs a condition");
  rule.condition = read_condition(r.section("condition"), options);
  if (r.has("aggregate")) rule.aggregate = read_aggregate(r.section("aggregate"), options);
  rule.metadata = read_metadata(r);
  return rule;
}

}  // namespace

std::vector<Rule> RuleLoader::load(const YAML::Node& document, const std::string& file) const {
  std::vector<Rule> rules;
  if (!document || document.IsNull()) return rules;
  const yaml::Reader top(document, file);
  top.allow_only({"rules"});
  if (!top.has("rules")) return rules;
  const YAML::Node list = document["rules"];
  if (!list.IsSequence()) top.fail(list, "rules", "expected a list of rules");
  std::map<std::uint32_t, std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    bool enabled = true;
    Rule rule = read_rule(top.item(list, "rules", i), file, options_, enabled);
    if (auto [it, fresh] = seen.emplace(rule.sid, rule.origin); !fresh)
      throw InputError(
          fmt::format("{}: rule id {} already used at {}", rule.origin, rule.sid, it->second));
    if (enabled) rules.push_back(std::move(rule));
  }
  return rules;
}

std::vector<Rule> RuleLoader::load_file(const std::string& path) const {
  return load(yaml::Reader::load_file(path), path);
}

std::vector<Rule> RuleLoader::load_paths(const std::vector<std::filesystem::path>& paths) const {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        const auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml"))
          found.push_back(e.path().string());
      }
      if (ec)
        throw InputError(p.string(), std::nullopt, std::nullopt,
                         "cannot list rules folder: " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p.string());
    }
  }
  std::vector<Rule> all;
  std::map<std::uint32_t, std::string> seen;
  for (const auto& f : files) {
    for (auto& rule : load_file(f)) {
      if (auto [it, fresh] = seen.emplace(rule.sid, rule.origin); !fresh)
        throw InputError(
            fmt::format("{}: rule id {} already used at {}", rule.origin, rule.sid, it->second));
      all.push_back(std::move(rule));
    }
  }
  return all;
}

}  // namespace korgoo::policy
