// A policy rule from rules/*.yaml: when a flow's personal data, direction, destination and
// protocol meet `condition` (and, optionally, a per-host volume across flows meets
// `aggregate`), take `action`. See docs/rules.md for the YAML form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policy/host_pattern.h"
#include "policy/legal_basis.h"

namespace korgoo::policy {

// Declared in evaluation order, as in Suricata: pass, then drop, then alert. A pass that
// matches ends evaluation for the flow and suppresses everything after it.
enum class RuleAction : std::uint8_t { kPass = 0, kDrop = 1, kAlert = 2 };

std::string_view to_string(RuleAction action);

// Which way the personal data moves relative to home_networks.
enum class Transfer : std::uint8_t {
  kOutbound,  // from a home host to an external one: data leaving the organisation
  kInbound,   // from an external host to a home one
  kInternal,  // home to home
  kExternal,  // neither side is home (transit traffic)
};

enum class TransferMatch : std::uint8_t { kOutbound, kInbound, kAny };

std::string_view to_string(Transfer transfer);

// `basis:` in a rule: whether the external party has a legal basis on record.
struct BasisMatch {
  enum class Kind : std::uint8_t { kDontCare, kNone, kAny, kSpecific } kind = Kind::kDontCare;
  BasisKind specific = BasisKind::kContract;
};

struct PortRange {
  std::uint16_t low = 0, high = 0;
};

struct RuleCondition {
  // Data in the tally of one direction of the flow. Types are exact names or "prefix*".
  std::vector<std::string> types_any;  // at least one of these present
  std::vector<std::string> types_all;  // every one of these present
  // Sums over the present types selected by types_any/types_all (all types when both empty).
  std::uint64_t min_count = 1;
  std::uint64_t min_distinct = 0;
  std::optional<bool> special;  // a special category (special.*) present / absent

  TransferMatch direction = TransferMatch::kOutbound;
  std::vector<std::string> countries;      // destination country in this list
  std::vector<std::string> not_countries;  // destination country not in this list
  std::optional<bool> adequate;            // destination adequate (domestic counts as adequate)
  std::optional<bool> domestic;            // destination in home_country or a private range
  BasisMatch basis;
  std::vector<std::string> app_proto;      // flow's app_proto in this list ("http", "smtp", ...)
  std::vector<std::string> not_app_proto;  // ... not in this list
  std::vector<HostPattern> hosts;          // any of the flow's server names / rcpt domains
  std::vector<HostPattern> not_hosts;      // none of them
  std::vector<PortRange> ports;            // flow's destination (server) port
  // `file.encrypted`: the direction carried a file with a password-protected member (or
  // did not). True and no types: the encrypted file is enough, whatever data was seen.
  std::optional<bool> file_encrypted;
};

// Across flows, per internal host that sends the data (`by: src_host`), within a sliding
// window of packet time.
struct Aggregate {
  std::int64_t window_seconds = 3600;
  std::uint64_t min_distinct = 0;
  std::uint64_t min_count = 0;
  std::vector<std::string> types;  // patterns; empty = every type
};

struct Rule {
  std::uint32_t sid = 0;
  std::uint32_t rev = 1;
  std::string signature;
  std::string category;
  RuleCondition condition;
  std::optional<Aggregate> aggregate;
  RuleAction action = RuleAction::kAlert;
  int severity = 3;  // 1 = high, 3 = low, as in Suricata
  // Written to the alert as Suricata writes rule metadata: key -> list of strings.
  std::vector<std::pair<std::string, std::vector<std::string>>> metadata;
  std::string origin;  // "file:line" where the rule was defined
};

}  // namespace korgoo::policy
