// What the ICAP service counts, for EVE stats records: requests by method and outcome, and
// every way a request can fail (malformed, over a cap, over its time budget).
#pragma once

#include <cstdint>

#include "common/json.h"

namespace korgoo::icap {

struct IcapCounters {
  std::uint64_t connections = 0;          // accepted
  std::uint64_t connections_refused = 0;  // over max_connections
  std::uint64_t connections_active = 0;
  std::uint64_t options = 0;
  std::uint64_t reqmod = 0;
  std::uint64_t respmod = 0;
  std::uint64_t no_content = 0;  // 204 answers: nothing to change
  std::uint64_t echoed = 0;      // 200 with the message unchanged (the proxy did not allow 204)
  std::uint64_t blocked = 0;     // 200 with the block page
  std::uint64_t previews = 0;
  std::uint64_t preview_ieof = 0;  // the preview held the whole body
  std::uint64_t continues = 0;     // 100 Continue sent
  std::uint64_t malformed = 0;     // 4xx/5xx answered to a malformed request
  std::uint64_t unknown_service = 0;
  std::uint64_t header_too_large = 0;
  std::uint64_t body_truncated = 0;  // bodies longer than max_buffered_body
  std::uint64_t over_budget = 0;     // time_budget_ms ran out before the answer
  std::uint64_t idle_closed = 0;     // idle_timeout_ms with no byte from the proxy
  std::uint64_t body_bytes = 0;

  void to_json(Json& out) const;
};

}  // namespace korgoo::icap
