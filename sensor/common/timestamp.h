// Packet time. Every time the sensor writes comes from packets, so a replay is deterministic.
#pragma once

#include <cstdint>
#include <string>

namespace korgoo {

struct Timestamp {
  std::int64_t usec = 0;  // microseconds since the Unix epoch (UTC)

  static constexpr Timestamp from_sec_usec(std::int64_t sec, std::int64_t usec) {
    return Timestamp{sec * 1'000'000 + usec};
  }
  constexpr std::int64_t seconds() const { return usec / 1'000'000; }
  friend constexpr auto operator<=>(Timestamp, Timestamp) = default;
};

inline constexpr std::int64_t kUsecPerSec = 1'000'000;

// ISO 8601 in UTC with microseconds and offset, as Suricata writes it:
// 2016-03-23T10:25:07.123456+0000
std::string format_iso8601(Timestamp ts);

// The wall clock, for what is not about a packet: an idle live link, an inline verdict's
// timeout, a record made before any packet was seen.
Timestamp wall_clock_now();

}  // namespace korgoo
