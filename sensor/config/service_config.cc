#include "config/service_config.h"

#include <charconv>

namespace korgoo::config {

bool split_listen_address(const std::string& text, std::string& host, int& port) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = text.substr(0, colon);
  if (host.front() == '[') {
    if (host.back() != ']') return false;
    host = host.substr(1, host.size() - 2);
  }
  const char* first = text.data() + colon + 1;
  const char* last = text.data() + text.size();
  auto [end, ec] = std::from_chars(first, last, port);
  return ec == std::errc() && end == last && port > 0 && port < 65536 && !host.empty();
}

void load_service(const yaml::Reader& r, ServiceConfig& c) {
  r.allow_only({"user", "group", "control_socket", "pid_file", "metrics_listen"});
  c.user = r.string("user", c.user);
  c.group = r.string("group", c.group);
  c.control_socket = r.string("control_socket", c.control_socket);
  c.pid_file = r.string("pid_file", c.pid_file);
  c.metrics_listen = r.string("metrics_listen", c.metrics_listen);
  std::string host;
  int port = 0;
  if (!c.metrics_listen.empty() && !split_listen_address(c.metrics_listen, host, port))
    r.fail(r.node()["metrics_listen"], "metrics_listen",
           "expected ADDRESS:PORT, e.g. 127.0.0.1:9477");
}

}  // namespace korgoo::config
