#include "ops/metrics_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "config/service_config.h"

namespace korgoo::ops {

MetricsServer::MetricsServer(const std::string& listen, Render render)
    : server_(std::make_unique<httplib::Server>()), render_(std::move(render)) {
  std::string host;
  if (!config::split_listen_address(listen, host, port_))
    throw std::runtime_error("metrics: '" + listen + "' is not ADDRESS:PORT");
  // Scrapes are rare and each waits on the packet thread: one serving thread is plenty.
  server_->new_task_queue = [] { return new httplib::ThreadPool(1); };
  // httplib's default adds SO_REUSEPORT, which would let a second sensor share the port and
  // take half the scrapes; SO_REUSEADDR alone lets a restart rebind at once.
  server_->set_socket_options([](int sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->set_read_timeout(5, 0);
  server_->set_write_timeout(5, 0);
  server_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    if (auto text = render_()) {
      res.set_content(*text, "text/plain; version=0.0.4; charset=utf-8");
    } else {
      res.status = 503;
      res.set_content("korgoo: the packet thread did not answer\n", "text/plain");
    }
  });
  if (!server_->bind_to_port(host, port_))
    throw std::runtime_error("metrics: cannot listen on " + listen +
                             " (address in use or not local?)");
}

void MetricsServer::start() {
  thread_ = std::thread([this] {
    if (!server_->listen_after_bind()) spdlog::error("metrics: the endpoint stopped serving");
  });
  // stop() is a no-op until the loop runs: wait for it, so that an early shutdown can join.
  for (int i = 0; i < 200 && !server_->is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

MetricsServer::~MetricsServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace korgoo::ops
