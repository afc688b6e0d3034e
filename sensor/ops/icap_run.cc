#include "ops/icap_run.h"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <thread>

#include <spdlog/spdlog.h>

#include "engine/icap_loops.h"
#include "engine/open_output.h"
#include "engine/worker_mailbox.h"
#include "ops/service_run.h"

namespace korgoo::ops {

namespace {

// The service machinery expects a packet source (its counters, inline or not): ICAP has none.
class NoPackets final : public source::PacketSource {
 public:
  source::ReadStatus next(source::Packet&) override { return source::ReadStatus::kEnd; }
  const source::SourceStats& stats() const override { return stats_; }
  std::string describe() const override { return "icap"; }

 private:
  source::SourceStats stats_;
};

constexpr int kCoordinatorPollMs = 100;  // how soon a control command or stats record is due

}  // namespace

std::string icap_istag_now() {
  char buf[48];
  std::snprintf(buf, sizeof buf, "\"korgoo-%llx\"",
                static_cast<unsigned long long>(wall_clock_now().usec));
  return buf;
}

unsigned icap_loop_count(unsigned configured) {
  if (configured > 0) return configured;
  return std::clamp(std::thread::hardware_concurrency(), 1u, config::kMaxThreads);
}

int run_icap(engine::Runtime& rt, const std::filesystem::path& log_dir,
             ReopenableFileSink* log_sink, ReloadSource reload) {
  const auto& cfg = rt.config.icap;
  const auto eve_path = log_dir / rt.config.output.eve_filename;
  const auto output = engine::open_output(engine::kEveOutput, rt.config.output, log_dir);
  output::RecordOutput& eve = *output;
  policy::SharedAggregation aggregation(rt.policy->new_aggregation_state());
  const unsigned n = icap_loop_count(cfg.threads);
  // Bound and built while still privileged (a port below 1024, block page templates).
  engine::IcapLoops loops(rt, eve, icap_istag_now(), n, aggregation);

  const int stop_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (stop_fd < 0) throw std::runtime_error(std::string("icap: eventfd: ") + std::strerror(errno));
  std::atomic<int> stop_signal{0};
  NoPackets source;
  engine::WorkerMailbox mailbox;
  {
    ServiceRun service(ServiceRunParams{rt, mailbox, eve, log_sink, source, std::move(reload),
                                        [&](int sig) {
                                          stop_signal.store(sig);
                                          const std::uint64_t one = 1;
                                          (void)!::write(stop_fd, &one, sizeof one);
                                        },
                                        false, false});
    loops.start();
    spdlog::info("korgoo {} ICAP service icap://{}:{}/{}, {} loop{}, writing {}", KORGOO_VERSION,
                 cfg.address, loops.port(), cfg.service, n, n == 1 ? "" : "s", eve_path.string());
    spdlog::default_logger()->flush();  // tools wait for this line to know the service is up
    // This thread runs what the service thread posts (control commands, reload) with every
    // loop parked, and writes the stats records.
    engine::WorkerContext ctx{loops, source};
    const auto interval = std::chrono::seconds(rt.config.output.stats_interval);
    auto next_stats = std::chrono::steady_clock::now() + interval;
    for (;;) {
      pollfd p{stop_fd, POLLIN, 0};
      ::poll(&p, 1, kCoordinatorPollMs);
      if ((p.revents & POLLIN) || loops.failed()) break;
      if (mailbox.pending()) loops.hold([&] { mailbox.run_pending(ctx); });
      if (interval.count() > 0 && std::chrono::steady_clock::now() >= next_stats) {
        loops.write_stats();
        next_stats += interval;
      }
    }
    mailbox.close();
    try {
      loops.stop();
    } catch (const std::exception& e) {
      spdlog::error("icap: an event loop failed: {}", e.what());
      ::close(stop_fd);
      throw;
    }
  }
  ::close(stop_fd);
  loops.write_stats();  // the final record
  const Json c = loops.icap_counters();
  const auto get = [&c](const char* k) { return c.value(k, std::uint64_t{0}); };
  spdlog::info("ICAP service stopped{}", stop_signal.load() == SIGINT ? " (interrupted)" : "");
  std::cout << "korgoo: ICAP " << get("reqmod") << " REQMOD, " << get("respmod") << " RESPMOD, "
            << get("options") << " OPTIONS; " << get("blocked") << " blocked, "
            << loops.totals().alerts << " alerts, " << get("malformed") << " malformed; "
            << eve.counts().records << " EVE records in " << eve_path.string() << "\n";
  std::cout << "korgoo: " << n << " ICAP loop" << (n == 1 ? "" : "s") << "; requests";
  for (auto r : loops.requests_per_loop()) std::cout << " " << r;
  std::cout << "\n";
  return eve.counts().lost ? 1 : 0;
}

}  // namespace korgoo::ops
