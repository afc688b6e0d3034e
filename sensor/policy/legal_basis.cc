#include "policy/legal_basis.h"

#include <algorithm>

namespace korgoo::policy {

std::string_view to_string(BasisKind kind) {
  switch (kind) {
    case BasisKind::kConsent:
      return "consent";
    case BasisKind::kTreaty:
      return "treaty";
    case BasisKind::kVitalInterest:
      return "vital_interest";
    case BasisKind::kContract:
      return "contract";
  }
  return "?";
}

std::optional<BasisKind> parse_basis_kind(std::string_view text) {
  for (auto k :
       {BasisKind::kConsent, BasisKind::kTreaty, BasisKind::kVitalInterest, BasisKind::kContract})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

namespace {
bool covers(const LegalBasis& b, const IpAddress& party, std::string_view country,
            std::span<const std::string> hosts) {
  if (!b.cidrs.empty() && !b.cidrs.contains(party)) return false;
  if (!b.countries.empty() &&
      std::find(b.countries.begin(), b.countries.end(), country) == b.countries.end())
    return false;
  if (!b.hosts.empty()) {
    const bool any = std::any_of(b.hosts.begin(), b.hosts.end(), [&](const HostPattern& p) {
      return std::any_of(hosts.begin(), hosts.end(),
                         [&](const std::string& h) { return p.matches(h); });
    });
    if (!any) return false;
  }
  // An entry with no match keys at all covers nothing (the loader rejects it too).
  return !b.cidrs.empty() || !b.countries.empty() || !b.hosts.empty();
}
}  // namespace

const LegalBasis* find_legal_basis(const std::vector<LegalBasis>& bases, const IpAddress& party,
                                   std::string_view country, std::span<const std::string> hosts) {
  for (const auto& b : bases)
    if (covers(b, party, country, hosts)) return &b;
  return nullptr;
}

}  // namespace korgoo::policy
