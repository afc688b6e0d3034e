#include "ops/service_run.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "ops/privileges.h"
#include "ops/prometheus_text.h"

namespace korgoo::ops {

ServiceRun::ServiceRun(ServiceRunParams p) {
  const auto& svc = p.runtime.config.service;
  commands_ = std::make_unique<ServiceCommands>(p.runtime, p.mailbox, p.eve, p.log_sink,
                                                std::move(p.reload), notify_, p.stop);
  std::optional<Ids> owner;
  if (!svc.user.empty()) owner = lookup_ids(svc.user, svc.group);
  if (!svc.control_socket.empty())
    control_ = std::make_unique<ControlSocket>(svc.control_socket, owner);
  if (!svc.metrics_listen.empty())
    metrics_ = std::make_unique<MetricsServer>(svc.metrics_listen, [this] {
      auto stats = commands_->stats();
      return stats ? std::optional(prometheus_text(*stats, KORGOO_VERSION)) : std::nullopt;
    });
  if (!svc.pid_file.empty()) {
    std::ofstream(svc.pid_file) << getpid() << "\n";
    pid_file_ = svc.pid_file;
  }
  if (!svc.user.empty() || p.live) {
    PrivilegeRequest req{svc.user, svc.group, p.source.is_inline()};
    spdlog::info("privileges: {}", drop_privileges(req));
  }
  if (p.progress) progress_ = std::make_unique<ReplayProgress>(p.mailbox);
  loop_ = std::make_unique<ServiceLoop>(*commands_, control_.get(), notify_, p.mailbox,
                                        progress_.get());
  if (metrics_) {
    metrics_->start();
    spdlog::info("metrics: http://{}/metrics", svc.metrics_listen);
  }
  notify_.ready("running");
  spdlog::default_logger()->flush();  // tests and admins wait for the privileges line
}

ServiceRun::~ServiceRun() {
  notify_.stopping();
  metrics_.reset();
  loop_.reset();
  control_.reset();
  if (!pid_file_.empty()) {
    std::error_code ec;
    std::filesystem::remove(pid_file_, ec);
  }
}

}  // namespace korgoo::ops
