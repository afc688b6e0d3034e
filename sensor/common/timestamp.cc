#include "common/timestamp.h"

#include <chrono>
#include <ctime>

#include <fmt/format.h>

namespace korgoo {

std::string format_iso8601(Timestamp ts) {
  std::int64_t sec = ts.usec / kUsecPerSec;
  std::int64_t frac = ts.usec % kUsecPerSec;
  if (frac < 0) {  // times before 1970 still print a positive fraction
    frac += kUsecPerSec;
    --sec;
  }
  std::time_t t = static_cast<std::time_t>(sec);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}+0000", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
}

Timestamp wall_clock_now() {
  const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return Timestamp{now.count()};
}

}  // namespace korgoo
