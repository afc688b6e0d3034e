// systemd's Type=notify protocol (libsystemd's sd_notify): readiness, reload and stop
// notices, and the watchdog keep-alive. Outside systemd (no NOTIFY_SOCKET) every call is a
// no-op, so the same binary runs from a shell.
#pragma once

#include <chrono>
#include <string>

namespace korgoo::ops {

class SystemdNotify {
 public:
  SystemdNotify();
  void ready(const std::string& status) const;
  void reloading() const;
  void stopping() const;
  void watchdog() const;
  // Half of WatchdogSec= (how often to ping), or zero when no watchdog is asked for.
  std::chrono::microseconds watchdog_interval() const { return watchdog_interval_; }

 private:
  std::chrono::microseconds watchdog_interval_{0};
};

}  // namespace korgoo::ops
