#include "policy/policy_engine.h"

#include <algorithm>

#include "policy/rule_evaluator.h"

namespace korgoo::policy {

namespace {
const IpAddress& sender(const FlowFacts& f, Direction d) {
  return d == Direction::kToServer ? f.src : f.dst;
}
const IpAddress& receiver(const FlowFacts& f, Direction d) {
  return d == Direction::kToServer ? f.dst : f.src;
}
bool has_data(const Tally& t) {
  return std::any_of(t.begin(), t.end(), [](const TypeCounts& c) { return c.count > 0; });
}
}  // namespace

PolicyEngine::PolicyEngine(PolicyConfig config, std::vector<Rule> rules,
                           std::unique_ptr<GeoResolver> geo)
    : config_(std::move(config)),
      rules_(std::move(rules)),
      geo_(std::move(geo)),
      scorer_(config_.threat) {
  std::sort(config_.adequate_countries.begin(), config_.adequate_countries.end());
  std::stable_sort(rules_.begin(), rules_.end(), [](const Rule& a, const Rule& b) {
    if (a.action != b.action) return a.action < b.action;
    return a.sid < b.sid;
  });
}

std::unique_ptr<PolicyEngine> PolicyEngine::load(
    PolicyConfig config, const std::vector<std::filesystem::path>& rule_paths,
    const RuleLoadOptions& options) {
  std::vector<Rule> rules = RuleLoader(options).load_paths(rule_paths);
  auto geo = GeoResolver::from_config(config.geo);
  return std::make_unique<PolicyEngine>(std::move(config), std::move(rules), std::move(geo));
}

Transfer PolicyEngine::transfer_of(const FlowFacts& f, Direction d) const {
  const bool from_home = is_home(sender(f, d));
  const bool to_home = is_home(receiver(f, d));
  if (from_home && !to_home) return Transfer::kOutbound;
  if (!from_home && to_home) return Transfer::kInbound;
  return from_home ? Transfer::kInternal : Transfer::kExternal;
}

const IpAddress* PolicyEngine::home_host(const FlowFacts& f, Direction d) const {
  if (is_home(sender(f, d))) return &sender(f, d);
  if (is_home(receiver(f, d))) return &receiver(f, d);
  return nullptr;
}

GeoFacts PolicyEngine::geo_for(const FlowFacts& f, Direction d) const {
  GeoFacts g;
  const Transfer t = transfer_of(f, d);
  if (t == Transfer::kInternal) {
    g.dest_country = config_.home_country;
    g.domestic = g.adequate = g.known = true;
    return g;
  }
  const bool external_is_receiver = t != Transfer::kInbound;
  const IpAddress& party = external_is_receiver ? receiver(f, d) : sender(f, d);
  const GeoLookup where = geo_->lookup(party);
  switch (where.kind) {
    case GeoClass::kPrivate:
      g.is_private = g.domestic = g.adequate = g.known = true;
      break;
    case GeoClass::kCountry:
      g.dest_country = std::string(where.country);
      g.known = true;
      g.domestic = g.dest_country == config_.home_country;
      g.adequate = g.domestic || config_.is_adequate(g.dest_country);
      break;
    case GeoClass::kUnknown:
      g.adequate = config_.unknown_is_adequate;
      break;
  }
  // Host names name the server; they describe the external party only when it is the server.
  const bool party_is_server = &party == &f.dst;
  std::vector<std::string> names;
  if (party_is_server) {
    names = f.server_names;
    names.insert(names.end(), f.recipient_domains.begin(), f.recipient_domains.end());
  }
  if (const LegalBasis* b = find_legal_basis(config_.legal_bases, party, g.dest_country, names)) {
    g.basis = std::string(to_string(b->basis));
    g.basis_id = b->id;
    g.basis_reference = b->reference;
  }
  return g;
}

void PolicyEngine::record_outbound(const FlowFacts& f, PolicyFlowState& st,
                                   AggregationState& agg) const {
  for (Direction d : {Direction::kToServer, Direction::kToClient}) {
    if (transfer_of(f, d) != Transfer::kOutbound) continue;
    for (const auto& tc : f.tally(d)) {
      const TypeCounts delta = st.take_delta(d, tc);
      agg.add(sender(f, d), delta.type, delta.count, delta.distinct, f.now);
    }
  }
}

void PolicyEngine::observe_outbound(const FlowFacts& f, AggregationState& agg) const {
  for (Direction d : {Direction::kToServer, Direction::kToClient}) {
    if (f.new_values(d).empty() || transfer_of(f, d) != Transfer::kOutbound) continue;
    for (const ValueHash& v : f.new_values(d)) agg.observe(sender(f, d), v.type, v.hash, f.now);
  }
}

std::vector<Decision> PolicyEngine::evaluate(const FlowFacts& f, PolicyFlowState& st,
                                             AggregationState& agg) const {
  std::vector<Decision> out;
  observe_outbound(f, agg);
  if (st.passed()) return out;
  record_outbound(f, st, agg);

  struct Side {
    Direction dir;
    Transfer transfer;
    GeoFacts geo;
    bool has_data;
  };
  Side sides[2];
  for (Direction d : {Direction::kToServer, Direction::kToClient}) {
    Side& s = sides[index_of(d)];
    s.dir = d;
    s.transfer = transfer_of(f, d);
    // An encrypted file is something to judge too (file.encrypted), data or not.
    s.has_data = has_data(f.tally(d)) || f.encrypted_file(d);
    if (s.has_data) s.geo = geo_for(f, d);  // a lookup only where there is data to judge
  }

  for (const Rule& rule : rules_) {
    if (st.fired(rule.sid)) continue;
    for (const Side& s : sides) {
      if (!s.has_data) continue;
      const DirectionView view{&f, s.dir, s.transfer, &s.geo};
      if (!condition_matches(rule.condition, view)) continue;
      Decision d{&rule, s.dir, s.transfer, s.geo, "", 0, 0, 0};
      std::uint64_t volume = 0;
      if (rule.aggregate) {
        const IpAddress* host = home_host(f, s.dir);
        if (!host) continue;
        const Aggregate& a = *rule.aggregate;
        const auto totals = agg.totals(*host, a.types, a.window_seconds, f.now);
        if (totals.distinct < a.min_distinct || totals.count < a.min_count) continue;
        if (!agg.claim(*host, rule.sid, a.window_seconds, f.now)) continue;
        d.aggregate_count = totals.count;
        d.aggregate_distinct = volume = totals.distinct;
      }
      const ThreatScore score = scorer_.score(f.tally(s.dir), s.geo, volume);
      d.threat_level = std::string(score.level);
      d.points = score.points;
      st.mark_fired(rule.sid);
      if (rule.action == RuleAction::kPass) {
        // As in Suricata, a pass on a flow passes the whole flow: later rules are suppressed.
        st.set_passed();
        out.push_back(std::move(d));
        return out;
      }
      out.push_back(std::move(d));
      break;  // fired once for this flow; the other direction cannot fire it again
    }
  }
  return out;
}

AggregationState PolicyEngine::new_aggregation_state() const {
  std::int64_t window = 1;
  std::uint64_t hashes = 1;
  for (const auto& r : rules_) {
    if (!r.aggregate) continue;
    window = std::max(window, r.aggregate->window_seconds);
    hashes = std::max(hashes, r.aggregate->min_distinct);
  }
  return AggregationState(config_.aggregation, window, static_cast<std::size_t>(hashes));
}

}  // namespace korgoo::policy
