// A calendar date (UTC) that date-bearing identifiers are judged against: the time of the
// traffic (packet time, so a replay gives the same result whenever it is run) or, for files
// at rest, the wall clock.
#pragma once

#include <chrono>
#include <cstdint>

namespace korgoo::detect {

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend constexpr auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

inline CivilDate civil_date_of(std::int64_t unix_seconds) {
  const std::chrono::sys_days d{std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}})};
  const std::chrono::year_month_day ymd{d};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

inline CivilDate wall_clock_date() {
  return civil_date_of(std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count());
}

}  // namespace korgoo::detect
