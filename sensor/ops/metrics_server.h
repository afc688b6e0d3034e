// The Prometheus /metrics endpoint (service.metrics_listen, off by default). The address is
// bound at start, while the sensor may still be root, so that a taken port fails the start
// with its name; requests are served from one thread started after the privilege drop (a
// thread made before it would keep capabilities that capset() removes per thread).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace korgoo::ops {

class MetricsServer {
 public:
  // Renders the page; nullopt when the numbers cannot be had (answered 503).
  using Render = std::function<std::optional<std::string>()>;

  // `listen`: "ADDR:PORT" (validated by the config loader). Throws std::runtime_error naming
  // the address when it cannot be bound.
  MetricsServer(const std::string& listen, Render render);
  ~MetricsServer();
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  void start();
  int port() const { return port_; }

 private:
  std::unique_ptr<httplib::Server> server_;
  Render render_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace korgoo::ops
