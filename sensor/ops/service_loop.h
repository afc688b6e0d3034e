// The service thread: waits on signals (signalfd), the control socket and a wake-up, and
// keeps the periodic duties (systemd watchdog, replay progress). SIGINT/SIGTERM stop the
// sensor, SIGHUP reloads, SIGUSR2 reopens output files. The signals must be blocked in every
// thread (block_service_signals, before any thread starts) so that only this one takes them.
#pragma once

#include <atomic>
#include <thread>

#include "engine/worker_mailbox.h"
#include "ops/control_socket.h"
#include "ops/replay_progress.h"
#include "ops/service_commands.h"
#include "ops/systemd_notify.h"

namespace korgoo::ops {

// Also ignores SIGPIPE: a peer that hangs up is a write error for the writer to count.
void block_service_signals();

class ServiceLoop {
 public:
  // `control`, `progress`: may be null.
  ServiceLoop(ServiceCommands& commands, ControlSocket* control, const SystemdNotify& notify,
              engine::WorkerMailbox& mailbox, ReplayProgress* progress);
  ~ServiceLoop();
  ServiceLoop(const ServiceLoop&) = delete;
  ServiceLoop& operator=(const ServiceLoop&) = delete;

 private:
  void run();
  void on_signal(int sig);
  void dispatch(int sig);
  void watchdog_tick();

  ServiceCommands& commands_;
  ControlSocket* control_;
  const SystemdNotify& notify_;
  engine::WorkerMailbox& mailbox_;
  ReplayProgress* progress_;
  int signal_fd_ = -1;
  int wake_fd_ = -1;
  // Set by a task on the packet thread: proof for the watchdog that the loop still turns.
  std::shared_ptr<std::atomic<bool>> worker_alive_ = std::make_shared<std::atomic<bool>>(true);
  std::thread thread_;
};

}  // namespace korgoo::ops
