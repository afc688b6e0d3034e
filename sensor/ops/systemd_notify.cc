#include "ops/systemd_notify.h"

#include <systemd/sd-daemon.h>

namespace korgoo::ops {

SystemdNotify::SystemdNotify() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0) watchdog_interval_ = std::chrono::microseconds(usec / 2);
}

void SystemdNotify::ready(const std::string& status) const {
  sd_notifyf(0, "READY=1\nSTATUS=%s", status.c_str());
}

void SystemdNotify::reloading() const {
  sd_notify(0, "RELOADING=1");
}

void SystemdNotify::stopping() const {
  sd_notify(0, "STOPPING=1");
}

void SystemdNotify::watchdog() const {
  sd_notify(0, "WATCHDOG=1");
}

}  // namespace korgoo::ops
