// What the ICAP service counts, for EVE stats records: requests by method and outcome, and
// every way a request can fail (malformed, over a cap, over its time budget). Each event loop
// has its own; a counter is a relaxed atomic so that stats and the control socket can add
// the loops' counters up from another thread without stopping them.
#pragma once

#include <atomic>
#include <cstdint>

#include <vector>

#include "common/json.h"

namespace korgoo::icap {

// One counter: written by its loop only, read from anywhere.
class IcapCounter {
 public:
  IcapCounter() = default;
  IcapCounter(const IcapCounter&) = delete;
  IcapCounter& operator=(const IcapCounter&) = delete;
  operator std::uint64_t() const { return v_.load(std::memory_order_relaxed); }
  IcapCounter& operator++() { return *this += 1; }
  IcapCounter& operator+=(std::uint64_t n) {
    v_.store(v_.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);  // one writer
    return *this;
  }
  IcapCounter& operator=(std::uint64_t n) {
    v_.store(n, std::memory_order_relaxed);
    return *this;
  }

 private:
  std::atomic<std::uint64_t> v_{0};
};

struct IcapCounters {
  IcapCounter connections;          // accepted
  IcapCounter connections_refused;  // over max_connections
  IcapCounter connections_active;
  IcapCounter options;
  IcapCounter reqmod;
  IcapCounter respmod;
  IcapCounter no_content;  // 204 answers: nothing to change
  IcapCounter echoed;      // 200 with the message unchanged (the proxy did not allow 204)
  IcapCounter blocked;     // 200 with the block page
  IcapCounter previews;
  IcapCounter preview_ieof;  // the preview held the whole body
  IcapCounter continues;     // 100 Continue sent
  IcapCounter malformed;     // 4xx/5xx answered to a malformed request
  IcapCounter unknown_service;
  IcapCounter header_too_large;
  IcapCounter body_truncated;  // bodies longer than max_buffered_body
  IcapCounter over_budget;     // time_budget_ms ran out before the answer
  IcapCounter idle_closed;     // idle_timeout_ms with no byte from the proxy
  IcapCounter body_bytes;

  void to_json(Json& out) const;
  // The loops' counters added up (stats.korgoo.icap).
  static Json sum_json(const std::vector<const IcapCounters*>& loops);
};

}  // namespace korgoo::icap
