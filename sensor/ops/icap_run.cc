#include "ops/icap_run.h"

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <spdlog/spdlog.h>

#include "engine/icap_inspection.h"
#include "engine/worker.h"
#include "icap/icap_server.h"
#include "output/eve_writer.h"

namespace korgoo::ops {

namespace {

// The ISTag changes with every start, so a proxy never keeps OPTIONS (and cached
// adaptations) of a service whose signatures or rules may have changed.
std::string istag_now() {
  char buf[48];
  std::snprintf(buf, sizeof buf, "\"korgoo-%llx\"",
                static_cast<unsigned long long>(wall_clock_now().usec));
  return buf;
}

}  // namespace

int run_icap(const engine::Runtime& rt, const std::filesystem::path& log_dir) {
  const auto& cfg = rt.config.icap;
  output::EveFileOptions opt;
  opt.mode = rt.config.output.file_mode;
  opt.flush_interval = std::chrono::seconds(rt.config.output.flush_interval);
  const auto eve_path = log_dir / rt.config.output.eve_filename;
  output::EveWriter eve(eve_path, opt);
  engine::Worker worker(rt, eve, cfg.enforce);
  icap::IcapCounters counters;
  worker.set_stats_extension([&counters](Json& s) { counters.to_json(s["icap"]); });
  engine::IcapInspection inspection(rt, worker, cfg);
  icap::IcapServer server(cfg, istag_now(), inspection, counters);

  sigset_t stop_set;
  sigemptyset(&stop_set);
  sigaddset(&stop_set, SIGINT);
  sigaddset(&stop_set, SIGTERM);
  const int sfd = ::signalfd(-1, &stop_set, SFD_CLOEXEC | SFD_NONBLOCK);
  if (sfd < 0) throw std::runtime_error("icap: signalfd failed");
  spdlog::info("korgoo {} ICAP service icap://{}:{}/{}, writing {}", KORGOO_VERSION, cfg.address,
               server.port(), cfg.service, eve_path.string());
  spdlog::default_logger()->flush();  // tools wait for this line to know the service is up
  server.run(sfd, [&worker] { worker.advance(wall_clock_now()); });
  signalfd_siginfo info{};
  const bool got = ::read(sfd, &info, sizeof info) == static_cast<ssize_t>(sizeof info);
  ::close(sfd);
  worker.finish(source::SourceStats{});
  spdlog::info("ICAP service stopped{}", got && info.ssi_signo == SIGINT ? " (interrupted)" : "");
  std::cout << "korgoo: ICAP " << counters.reqmod << " REQMOD, " << counters.respmod << " RESPMOD, "
            << counters.options << " OPTIONS; " << counters.blocked << " blocked, "
            << worker.totals().alerts << " alerts, " << counters.malformed << " malformed; "
            << eve.records() << " EVE records in " << eve_path.string() << "\n";
  return eve.lost() ? 1 : 0;
}

}  // namespace korgoo::ops
