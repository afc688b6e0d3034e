// What the engine tells the policy about a flow, and what the policy works out about its
// destination. Plain data, so tests and the engine build them directly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/direction.h"
#include "common/ip_address.h"
#include "common/timestamp.h"
#include "policy/type_counts.h"

namespace korgoo::policy {

// A value first seen in the flow, by its keyed hash (the sensor never holds the value).
struct ValueHash {
  std::string_view type;  // outlives the flow (a signature's or validator's literal)
  std::uint64_t hash = 0;
};

struct FlowFacts {
  IpAddress src, dst;  // src opened the flow (EVE src_ip)
  std::uint16_t src_port = 0, dst_port = 0;
  std::string proto;                           // "TCP" / "UDP"
  std::string app_proto;                       // "http", "tls", "smtp", "ftp", "dns", "failed", ...
  std::vector<std::string> server_names;       // HTTP Host, TLS SNI
  std::vector<std::string> recipient_domains;  // SMTP RCPT TO domains
  Tally to_server, to_client;                  // personal data per direction, so far
  // Values first seen since the last evaluation, per direction: outbound ones feed the
  // per-host aggregation, so that a value sent again in another flow is not a new one.
  std::vector<ValueHash> new_to_server, new_to_client;
  // A file with a password-protected member was sent this way (rules: file.encrypted).
  bool encrypted_to_server = false, encrypted_to_client = false;
  Timestamp now;  // packet time of this evaluation
  std::uint64_t flow_id = 0;

  const Tally& tally(Direction d) const {
    return d == Direction::kToServer ? to_server : to_client;
  }
  bool encrypted_file(Direction d) const {
    return d == Direction::kToServer ? encrypted_to_server : encrypted_to_client;
  }
  const std::vector<ValueHash>& new_values(Direction d) const {
    return d == Direction::kToServer ? new_to_server : new_to_client;
  }
};

struct GeoFacts {
  std::string dest_country;  // ISO code of the external side; "" when private or unknown
  bool adequate = false;     // adequate country, domestic, or private
  bool domestic = false;     // home_country, a private range, or both sides home
  bool is_private = false;   // special-purpose range (RFC 1918, loopback, ...)
  bool known = false;        // the country is known (or private)
  std::string basis;         // legal basis kind when an allowlist entry covers the party
  std::string basis_id;
  std::string basis_reference;
};

}  // namespace korgoo::policy
