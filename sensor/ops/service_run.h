// Everything a run does around the packet loop to behave as a service, in order: control
// socket, metrics address and PID file (while still root), privilege drop, the service thread
// (signals, control, watchdog, progress) and /metrics, READY=1 to systemd. Destroyed after
// the loop: STOPPING=1, the threads join, the socket and PID file go.
#pragma once

#include <functional>
#include <memory>

#include "engine/runtime.h"
#include "engine/worker_mailbox.h"
#include "ops/control_socket.h"
#include "ops/metrics_server.h"
#include "ops/replay_progress.h"
#include "ops/service_commands.h"
#include "ops/service_loop.h"
#include "ops/systemd_notify.h"
#include "output/record_output.h"
#include "source/packet_source.h"

namespace korgoo::ops {

struct ServiceRunParams {
  engine::Runtime& runtime;
  engine::WorkerMailbox& mailbox;
  output::RecordOutput& eve;
  ReopenableFileSink* log_sink;
  const source::PacketSource& source;
  ReloadSource reload;
  std::function<void(int)> stop;
  bool live = false;      // live or inline: trim capabilities even without a user to become
  bool progress = false;  // a replay on a terminal
};

class ServiceRun {
 public:
  explicit ServiceRun(ServiceRunParams p);
  ~ServiceRun();
  ServiceRun(const ServiceRun&) = delete;
  ServiceRun& operator=(const ServiceRun&) = delete;

 private:
  SystemdNotify notify_;
  std::unique_ptr<ServiceCommands> commands_;
  std::unique_ptr<ControlSocket> control_;
  std::unique_ptr<MetricsServer> metrics_;
  std::unique_ptr<ReplayProgress> progress_;
  std::unique_ptr<ServiceLoop> loop_;
  std::string pid_file_;
};

}  // namespace korgoo::ops
