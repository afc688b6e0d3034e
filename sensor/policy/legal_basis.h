// Legal bases for a transfer to a country that is not adequate (Law "On personal information",
// cross-border transfer): the subject's consent, an international treaty, protection of life
// and health (vital interest), or a data-protection contract. The sensor cannot see a basis on
// the wire, so the operator lists recipients that have one; a matching flow carries the basis
// in its alerts and rules can pass it (`basis: any`) or single it out (`basis: none`).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/cidr_set.h"
#include "policy/host_pattern.h"

namespace korgoo::policy {

enum class BasisKind : std::uint8_t { kConsent, kTreaty, kVitalInterest, kContract };

std::string_view to_string(BasisKind kind);
std::optional<BasisKind> parse_basis_kind(std::string_view text);

struct LegalBasis {
  std::string id;  // operator's name for the entry, written to alerts
  BasisKind basis = BasisKind::kContract;
  std::string reference;  // e.g. "DPA 12/2024 with Example GmbH, signed 2024-03-01"
  // What the entry covers. Each kind that is given must match (a recipient in these networks
  // AND with this host name AND in this country); within a kind any entry may match.
  CidrSet cidrs;
  std::vector<HostPattern> hosts;
  std::vector<std::string> countries;
};

// The first entry (in config order) that covers the external party. `hosts` holds the names the
// external party answers to (HTTP Host, TLS SNI, SMTP recipient domains); pass an empty span
// when the external party is the client, whose name the flow does not show.
const LegalBasis* find_legal_basis(const std::vector<LegalBasis>& bases, const IpAddress& party,
                                   std::string_view country, std::span<const std::string> hosts);

}  // namespace korgoo::policy
