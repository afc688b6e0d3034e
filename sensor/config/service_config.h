// How the sensor runs as a service: whom it becomes after opening its capture, where its
// control socket and PID file go, and where /metrics listens. All off by default, so a replay
// from the source tree behaves as before; the shipped unit and /etc/korgoo/korgoo.yaml turn
// them on.
#pragma once

#include <string>

#include "yaml/reader.h"

namespace korgoo::config {

struct ServiceConfig {
  std::string user;            // after the capture is open: become this user ("" = stay)
  std::string group;           // and this group ("" = the user's primary group)
  std::string control_socket;  // unix socket for korgoo-ctl ("" = none)
  std::string pid_file;        // "" = none
  std::string metrics_listen;  // "ADDR:PORT" for Prometheus /metrics ("" = off)
};

// The `service:` section; throws ConfigError naming file:line on a bad key or value.
void load_service(const yaml::Reader& r, ServiceConfig& c);

// Splits "127.0.0.1:9477" or "[::1]:9477"; false when malformed.
bool split_listen_address(const std::string& text, std::string& host, int& port);

}  // namespace korgoo::config
