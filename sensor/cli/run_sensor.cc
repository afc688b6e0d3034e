#include "cli/run_sensor.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "detect/text_masker.h"
#include "engine/capture_loop.h"
#include "engine/each_file_names.h"
#include "engine/icap_loops.h"
#include "engine/packet_and_icap.h"
#include "engine/parallel_run.h"
#include "engine/worker.h"
#include "engine/worker_mailbox.h"
#include "ops/icap_run.h"
#include "output/eve_writer.h"
#include "source/live_source.h"
#include "source/nfqueue_source.h"
#include "source/pcap_file_source.h"

namespace korgoo::cli {

namespace {

output::EveFileOptions eve_options(const engine::Runtime& rt) {
  output::EveFileOptions opt;
  opt.mode = rt.config.output.file_mode;
  opt.flush_interval = std::chrono::seconds(rt.config.output.flush_interval);
  return opt;
}

// --each-file: every capture of a folder as its own run (fresh worker, flows and EVE file),
// so that a regression suite of hundreds of captures pays the start-up cost once.
int run_each_file(const Options& o, const engine::Runtime& rt) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(*o.read))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  const engine::EachFilePlan plan = engine::plan_each_file(files, o.log_dir);
  if (!plan.errors.empty()) {
    for (const auto& e : plan.errors) std::cerr << "korgoo: " << e << "\n";
    return 2;
  }
  int rc = 0;
  std::atomic<bool> stop{false};
  for (const auto& [file, eve_path] : plan.runs) {
    try {
      source::PcapFileSource source(file);
      output::EveWriter eve(eve_path, eve_options(rt));
      engine::Worker worker(rt, eve);
      engine::run_capture(source, worker, stop, false);
      eve.flush();
      if (source.stats().read_errors || eve.lost()) rc = 1;
    } catch (const std::exception& e) {
      spdlog::error("{}", e.what());
      rc = 1;
    }
  }
  std::cout << "korgoo: replayed " << files.size() << " captures one by one into "
            << o.log_dir.string() << "\n";
  return rc;
}

unsigned worker_count(unsigned configured) {
  if (configured > 0) return configured;
  return std::clamp(std::thread::hardware_concurrency(), 1u, config::kMaxThreads);
}

// How the run's work was spread, so that an imbalance shows (one internal host doing most
// of the traffic keeps one worker busy: its flows must meet in one place).
void print_loads(const std::vector<engine::ParallelRun::Load>& loads) {
  std::cout << "korgoo: " << loads.size() << " workers; packets";
  for (const auto& l : loads) std::cout << " " << l.packets;
  std::cout << "; busy s";
  for (const auto& l : loads)
    std::cout << " " << fmt::format("{:.2f}", std::chrono::duration<double>(l.busy).count());
  std::cout << "\n";
}

}  // namespace

int run_sensor(const Options& o, engine::Runtime& rt, ops::ReopenableFileSink* log_sink,
               const fs::path& data_dir) {
  if (o.each_file) {
    if (!o.read || !fs::is_directory(*o.read)) {
      std::cerr << "korgoo: --each-file needs -r DIR\n";
      return 2;
    }
    return run_each_file(o, rt);
  }
  std::unique_ptr<source::PacketSource> source;
  const bool live = o.iface.has_value() || o.queues.has_value();
  if (o.read) {
    source = std::make_unique<source::PcapFileSource>(*o.read, o.bpf.value_or(""));
  } else if (o.iface) {
    auto cfg = rt.config.capture;
    cfg.interface = *o.iface;
    if (o.bpf) cfg.bpf = *o.bpf;
    source = std::make_unique<source::LiveSource>(cfg);
  } else {
    source::NfqueueConfig cfg;
    cfg.queues = rt.config.inline_mode.queues;
    cfg.fail_open = rt.config.inline_mode.fail_open;
    cfg.queue_maxlen = static_cast<std::uint32_t>(rt.config.inline_mode.queue_maxlen);
    cfg.bypass_mark = rt.config.inline_mode.bypass_mark;
    source = std::make_unique<source::NfqueueSource>(cfg);
  }
  const fs::path eve_path = o.log_dir / rt.config.output.eve_filename;
  output::EveWriter eve(eve_path, eve_options(rt));
  // What the log and the summary echo (a capture file's name) is masked like EVE metadata.
  detect::TextMasker masker(*rt.detect, rt.config.output.metadata);
  const std::string described = masker.mask(source->describe());
  spdlog::info("korgoo {} reading {}, writing {}", KORGOO_VERSION, described, eve_path.string());
  if (rt.config.output.metadata == detect::Redaction::kClear)
    spdlog::warn(
        "outputs.eve.metadata is clear: identifiers in URLs, file names, addresses and "
        "DNS names are written unmasked to {}",
        eve_path.string());
  spdlog::default_logger()->flush();  // tools wait for this line to know the sensor is up
  std::atomic<bool> stop{false};
  // A replay or a live capture spreads its flows over the workers; inline runs one (a verdict
  // cannot wait for a batch).
  const unsigned workers = source->is_inline() ? 1 : worker_count(rt.config.threads);
  if (source->is_inline() && rt.config.threads > 1)
    spdlog::info("threads: {} configured; inline runs one worker", rt.config.threads);
  if (workers > 1) spdlog::info("{} workers", workers);
  std::unique_ptr<engine::Worker> single;
  std::unique_ptr<engine::ParallelRun> parallel;
  if (workers > 1)
    parallel = std::make_unique<engine::ParallelRun>(rt, eve, workers);
  else
    single = std::make_unique<engine::Worker>(rt, eve, source->is_inline());
  engine::PipelineControl& pipeline =
      parallel ? static_cast<engine::PipelineControl&>(*parallel) : *single;
  // icap.enabled with a packet source: the ICAP service runs in this process too, and one
  // per-host aggregation counts what a host sends on the wire and through the proxy.
  std::unique_ptr<policy::SharedAggregation> aggregation;
  std::unique_ptr<engine::IcapLoops> icap;
  std::unique_ptr<engine::PacketAndIcap> both;
  if (rt.config.icap.enabled) {
    aggregation = std::make_unique<policy::SharedAggregation>(rt.policy->new_aggregation_state());
    icap = std::make_unique<engine::IcapLoops>(
        rt, eve, ops::icap_istag_now(), ops::icap_loop_count(rt.config.icap.threads), *aggregation);
    // The packet path's stats records carry the service's counters (atomics: no lock).
    auto extension = [loops = icap.get()](Json& s) { s["icap"] = loops->icap_counters(); };
    if (parallel) {
      parallel->share_aggregation(aggregation.get());
      parallel->set_stats_extension(extension);
    } else {
      single->share_aggregation(aggregation.get());
      single->set_stats_extension(extension);
    }
    both = std::make_unique<engine::PacketAndIcap>(pipeline, *icap);
  }
  engine::WorkerMailbox mailbox;
  int stop_signal = 0;
  {
    ops::ServiceRun service(ops::ServiceRunParams{
        rt, mailbox, eve, log_sink, *source,
        ops::ReloadSource{o.config, data_dir, [&o](config::Config& c) { apply_overrides(o, c); }},
        [&](int sig) {
          stop_signal = sig;
          stop.store(true);
          source->stop();
        },
        live, !live && isatty(STDERR_FILENO) != 0});
    if (icap) {
      icap->start();
      spdlog::info("korgoo {} ICAP service icap://{}:{}/{} alongside capture, {} loops",
                   KORGOO_VERSION, rt.config.icap.address, icap->port(), rt.config.icap.service,
                   icap->size());
      spdlog::default_logger()->flush();
    }
    if (parallel)
      parallel->run(*source, stop, live, &mailbox, both.get());
    else
      engine::run_capture(*source, *single, stop, live, &mailbox, both.get());
    if (icap) icap->stop();
  }
  const auto& s = source->stats();
  eve.flush();
  std::cout << "korgoo: " << s.packets << " packets from " << described << "; "
            << pipeline.totals().alerts << " alerts, " << pipeline.totals().flows_with_pii
            << " flows with personal data" << (stop_signal == SIGINT ? " (interrupted)" : "")
            << "\n";
  if (parallel) print_loads(parallel->loads());
  if (icap) {
    const Json c = icap->icap_counters();
    std::cout << "korgoo: ICAP " << c.value("reqmod", 0) << " REQMOD, " << c.value("respmod", 0)
              << " RESPMOD; " << c.value("blocked", 0) << " blocked, " << icap->totals().alerts
              << " alerts\n";
  }
  if (s.skipped_files)
    std::cout << "korgoo: " << s.skipped_files << " files skipped: not captures\n";
  std::cout << "korgoo: " << eve.records() << " EVE records in " << eve_path.string() << " (";
  bool first = true;
  for (const auto& [type, n] : eve.by_type()) {
    std::cout << (first ? "" : ", ") << type << " " << n;
    first = false;
  }
  std::cout << "); log in " << (o.log_dir / rt.config.output.log_filename).string() << "\n";
  if (eve.lost()) {
    std::cout << "korgoo: " << eve.lost() << " EVE records could not be written ("
              << eve.write_errors() << " failed writes, see the log)\n";
    spdlog::error("{} EVE records could not be written to {}", eve.lost(), eve_path.string());
    return 1;
  }
  if (stop_signal == SIGINT) return 130;
  return s.read_errors ? 1 : 0;
}

}  // namespace korgoo::cli
