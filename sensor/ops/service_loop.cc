#include "ops/service_loop.h"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace korgoo::ops {

namespace {

sigset_t service_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGUSR2}) sigaddset(&set, s);
  return set;
}

constexpr int kPollMs = 250;  // the resolution of the periodic duties

}  // namespace

void block_service_signals() {
  const sigset_t set = service_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  // A control client, a metrics scraper or an EVE pipe reader that goes away must cost one
  // write error, not the sensor: SIGPIPE's default action would end it silently.
  ::signal(SIGPIPE, SIG_IGN);
}

ServiceLoop::ServiceLoop(ServiceCommands& commands, ControlSocket* control,
                         const SystemdNotify& notify, engine::WorkerMailbox& mailbox,
                         ReplayProgress* progress)
    : commands_(commands),
      control_(control),
      notify_(notify),
      mailbox_(mailbox),
      progress_(progress) {
  const sigset_t set = service_signals();
  signal_fd_ = signalfd(-1, &set, SFD_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_CLOEXEC);
  if (signal_fd_ < 0 || wake_fd_ < 0)
    throw std::runtime_error(std::string("service loop: ") + std::strerror(errno));
  thread_ = std::thread([this] { run(); });
}

ServiceLoop::~ServiceLoop() {
  const std::uint64_t one = 1;
  (void)!::write(wake_fd_, &one, sizeof one);
  thread_.join();
  ::close(signal_fd_);
  ::close(wake_fd_);
}

void ServiceLoop::on_signal(int sig) {
  try {
    dispatch(sig);
  } catch (const std::exception& e) {  // the sensor keeps running on what it has
    spdlog::error("signal {}: {}", sig, e.what());
  }
}

void ServiceLoop::dispatch(int sig) {
  switch (sig) {
    case SIGHUP:
      spdlog::info("SIGHUP: reloading signatures, rules and policy");
      commands_.reload();
      break;
    case SIGUSR2:
      commands_.reopen();
      break;
    default:
      spdlog::info("signal {}: stopping", sig);
      notify_.stopping();
      commands_.shutdown(sig);
  }
}

void ServiceLoop::watchdog_tick() {
  // Ping only if the packet thread ran the previous probe: a stuck worker gets restarted.
  if (!worker_alive_->exchange(false)) return;
  notify_.watchdog();
  mailbox_.post([alive = worker_alive_](engine::WorkerContext&) { alive->store(true); });
}

void ServiceLoop::run() {
  using clock = std::chrono::steady_clock;
  const auto watchdog_every = notify_.watchdog_interval();
  auto next_watchdog = clock::now();
  for (;;) {
    pollfd fds[3] = {{wake_fd_, POLLIN, 0}, {signal_fd_, POLLIN, 0}, {-1, POLLIN, 0}};
    if (control_) fds[2].fd = control_->fd();
    const int n = ::poll(fds, 3, kPollMs);
    if (n < 0 && errno != EINTR) {
      spdlog::error("service loop: poll: {}", std::strerror(errno));
      return;
    }
    if (fds[0].revents & POLLIN) return;
    if (fds[1].revents & POLLIN) {
      signalfd_siginfo info{};
      if (::read(signal_fd_, &info, sizeof info) == sizeof info)
        on_signal(static_cast<int>(info.ssi_signo));
    }
    if (control_ && (fds[2].revents & POLLIN))
      control_->serve_one([this](const std::string& cmd) {
        try {
          return commands_.handle(cmd);
        } catch (const std::exception& e) {
          return Json{{"result", "failed"}, {"error", e.what()}}.dump();
        }
      });
    const auto now = clock::now();
    if (watchdog_every.count() > 0 && now >= next_watchdog) {
      watchdog_tick();
      next_watchdog = now + watchdog_every;
    }
    if (progress_) progress_->tick(now);
  }
}

}  // namespace korgoo::ops
