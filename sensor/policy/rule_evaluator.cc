#include "policy/rule_evaluator.h"

#include <algorithm>

namespace korgoo::policy {

namespace {

bool any_pattern(const std::vector<std::string>& patterns, std::string_view type) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return type_matches(p, type); });
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool any_host(const std::vector<HostPattern>& patterns, const FlowFacts& f) {
  for (const auto& p : patterns) {
    for (const auto& h : f.server_names)
      if (p.matches(h)) return true;
    for (const auto& h : f.recipient_domains)
      if (p.matches(h)) return true;
  }
  return false;
}

bool transfer_matches(TransferMatch want, Transfer t) {
  switch (want) {
    case TransferMatch::kOutbound:
      return t == Transfer::kOutbound;
    case TransferMatch::kInbound:
      return t == Transfer::kInbound;
    case TransferMatch::kAny:
      return true;
  }
  return false;
}

bool basis_matches(const BasisMatch& m, const GeoFacts& g) {
  switch (m.kind) {
    case BasisMatch::Kind::kDontCare:
      return true;
    case BasisMatch::Kind::kNone:
      return g.basis.empty();
    case BasisMatch::Kind::kAny:
      return !g.basis.empty();
    case BasisMatch::Kind::kSpecific:
      return g.basis == to_string(m.specific);
  }
  return false;
}

}  // namespace

bool data_matches(const RuleCondition& c, const Tally& tally) {
  const bool select_all = c.types_any.empty() && c.types_all.empty();
  bool any_found = c.types_any.empty();
  bool special = false;
  std::uint64_t count = 0, distinct = 0;
  for (const auto& t : tally) {
    if (t.count == 0) continue;
    special = special || is_special_category(t.type);
    const bool in_any = any_pattern(c.types_any, t.type);
    any_found = any_found || in_any;
    if (select_all || in_any || any_pattern(c.types_all, t.type)) {
      count += t.count;
      distinct += t.distinct;
    }
  }
  // Every rule is about personal data: with no selected type present nothing matches, so
  // min_count is at least 1 (the loader enforces it).
  if (!any_found || count == 0 || count < c.min_count || distinct < c.min_distinct) return false;
  if (c.special && *c.special != special) return false;
  for (const auto& want : c.types_all) {
    const bool present = std::any_of(tally.begin(), tally.end(), [&](const TypeCounts& t) {
      return t.count > 0 && type_matches(want, t.type);
    });
    if (!present) return false;
  }
  return true;
}

bool condition_matches(const RuleCondition& c, const DirectionView& v) {
  const FlowFacts& f = *v.flow;
  const GeoFacts& g = *v.geo;
  // Cheap flow properties first; the tally walk last.
  if (!transfer_matches(c.direction, v.transfer)) return false;
  if (!c.app_proto.empty() && !contains(c.app_proto, f.app_proto)) return false;
  if (!c.not_app_proto.empty() && contains(c.not_app_proto, f.app_proto)) return false;
  if (!c.ports.empty() && std::none_of(c.ports.begin(), c.ports.end(), [&](const PortRange& p) {
        return f.dst_port >= p.low && f.dst_port <= p.high;
      }))
    return false;
  if (!c.countries.empty() && !contains(c.countries, g.dest_country)) return false;
  if (!c.not_countries.empty() && contains(c.not_countries, g.dest_country)) return false;
  if (c.adequate && *c.adequate != g.adequate) return false;
  if (c.domestic && *c.domestic != g.domestic) return false;
  if (!basis_matches(c.basis, g)) return false;
  if (!c.hosts.empty() && !any_host(c.hosts, f)) return false;
  if (!c.not_hosts.empty() && any_host(c.not_hosts, f)) return false;
  if (c.file_encrypted) {
    if (*c.file_encrypted != f.encrypted_file(v.data_dir)) return false;
    // What an encrypted archive holds cannot be counted: the file itself is the signal.
    if (*c.file_encrypted && c.types_any.empty() && c.types_all.empty()) return true;
  }
  return data_matches(c, f.tally(v.data_dir));
}

}  // namespace korgoo::policy
