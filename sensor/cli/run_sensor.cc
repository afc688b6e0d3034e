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
#include "engine/lane_run.h"
#include "engine/open_output.h"
#include "engine/packet_and_icap.h"
#include "engine/parallel_run.h"
#include "engine/worker.h"
#include "engine/worker_mailbox.h"
#include "ops/icap_run.h"
#include "output/record_output.h"
#include "source/fanout_program.h"
#include "source/fanout_source.h"
#include "source/live_source.h"
#include "source/nfqueue_source.h"
#include "source/pcap_file_source.h"
#include "source/source_group.h"

namespace korgoo::cli {

namespace {

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
      config::OutputConfig one = rt.config.output;
      one.eve_filename = eve_path.filename().string();
      const auto eve = engine::open_output(engine::kEveOutput, one, eve_path.parent_path());
      engine::Worker worker(rt, *eve);
      engine::run_capture(source, worker, stop, false);
      eve->flush();
      if (source.stats().read_errors || eve->counts().lost) rc = 1;
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

// Where the packets come from: one source (a replay, a libpcap reader, one worker's queues),
// or a source per worker (an AF_PACKET fanout group, queues shared out), read by LaneRun.
struct Sources {
  std::unique_ptr<source::PacketSource> single;
  std::unique_ptr<source::SourceGroup> per_worker;
  source::PacketSource& view() { return per_worker ? *per_worker : *single; }
};

Sources open_live(const Options& o, const engine::Runtime& rt, unsigned workers) {
  Sources out;
  auto cfg = rt.config.capture;
  cfg.interface = *o.iface;
  if (o.bpf) cfg.bpf = *o.bpf;
  // "any" is a cooked pseudo-device only libpcap reads.
  if (workers <= 1 || cfg.method == source::CaptureMethod::kPcap || cfg.interface == "any") {
    out.single = std::make_unique<source::LiveSource>(cfg);
    return out;
  }
  source::FanoutConfig fc;
  fc.live = cfg;
  // capture.buffer is the whole run's: each socket's ring gets its share.
  fc.ring_bytes = static_cast<std::uint32_t>(
      std::min<std::uint64_t>((std::uint64_t(cfg.buffer_mib) << 20) / workers, 1u << 30));
  // Two sensors on one interface must not join one group: by default it is the process's.
  fc.group =
      static_cast<std::uint16_t>(cfg.fanout_group >= 0 ? cfg.fanout_group : getpid() & 0xffff);
  fc.program = source::fanout_program(rt.config.flow.home_networks);
  std::vector<std::unique_ptr<source::PacketSource>> members;
  for (unsigned i = 0; i < workers; ++i)
    members.push_back(std::make_unique<source::FanoutSource>(fc));
  out.per_worker = std::make_unique<source::SourceGroup>(std::move(members));
  return out;
}

Sources open_inline(const engine::Runtime& rt, unsigned workers) {
  Sources out;
  source::NfqueueConfig cfg;
  cfg.queues = rt.config.inline_mode.queues;
  cfg.fail_open = rt.config.inline_mode.fail_open;
  cfg.queue_maxlen = static_cast<std::uint32_t>(rt.config.inline_mode.queue_maxlen);
  cfg.bypass_mark = rt.config.inline_mode.bypass_mark;
  const auto lanes = static_cast<unsigned>(
      std::min<std::size_t>(workers, std::max<std::size_t>(cfg.queues.size(), 1)));
  if (lanes <= 1) {
    out.single = std::make_unique<source::NfqueueSource>(cfg);
    return out;
  }
  // The kernel spreads connections over the queues (--queue-balance hashes the address pair,
  // so both directions of a flow reach one queue); each worker takes every lanes-th queue.
  std::vector<std::unique_ptr<source::PacketSource>> members;
  for (unsigned i = 0; i < lanes; ++i) {
    source::NfqueueConfig mine = cfg;
    mine.queues.clear();
    for (std::size_t q = i; q < cfg.queues.size(); q += lanes) mine.queues.push_back(cfg.queues[q]);
    members.push_back(std::make_unique<source::NfqueueSource>(mine));
  }
  out.per_worker = std::make_unique<source::SourceGroup>(std::move(members));
  return out;
}

// How the run's work was spread, so that an imbalance shows (one internal host doing most
// of the traffic keeps one worker busy: its flows must meet in one place).
template <class Load>
void print_loads(const std::vector<Load>& loads) {
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
  const bool live = o.iface.has_value() || o.queues.has_value();
  const unsigned configured = worker_count(rt.config.threads);
  Sources sources;
  if (o.read)
    sources.single = std::make_unique<source::PcapFileSource>(*o.read, o.bpf.value_or(""));
  else if (o.iface)
    sources = open_live(o, rt, configured);
  else
    sources = open_inline(rt, configured);
  source::PacketSource* source = &sources.view();
  const fs::path eve_path = o.log_dir / rt.config.output.eve_filename;
  const auto output = engine::open_output(engine::kEveOutput, rt.config.output, o.log_dir);
  output::RecordOutput& eve = *output;
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
  // Several workers: each with its own source (fanout sockets, queues) when there is one per
  // worker; otherwise one reader spreading batches over them (a replay, a libpcap reader).
  // Inline with one queue runs one worker: a verdict cannot wait for a batch.
  std::unique_ptr<engine::Worker> single;
  std::unique_ptr<engine::ParallelRun> parallel;
  std::unique_ptr<engine::LaneRun> lanes;
  if (sources.per_worker) {
    lanes = std::make_unique<engine::LaneRun>(rt, eve, *sources.per_worker, source->is_inline());
    spdlog::info("{} workers, each reading its own {}", sources.per_worker->size(),
                 source->is_inline() ? "queues" : "fanout socket");
  } else if (!source->is_inline() && configured > 1) {
    parallel = std::make_unique<engine::ParallelRun>(rt, eve, configured);
    spdlog::info("{} workers", configured);
  } else {
    if (source->is_inline() && rt.config.threads > 1)
      spdlog::info("threads: {} configured; one queue, so one worker", rt.config.threads);
    single = std::make_unique<engine::Worker>(rt, eve, source->is_inline());
  }
  engine::PipelineControl& pipeline = lanes      ? static_cast<engine::PipelineControl&>(*lanes)
                                      : parallel ? static_cast<engine::PipelineControl&>(*parallel)
                                                 : *single;
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
    const auto feed_both = [&](auto& packets) {
      packets.share_aggregation(aggregation.get());
      packets.set_stats_extension(extension);
    };
    if (lanes)
      feed_both(*lanes);
    else if (parallel)
      feed_both(*parallel);
    else
      feed_both(*single);
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
    if (lanes)
      lanes->run(stop, &mailbox, both.get());
    else if (parallel)
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
  if (lanes) print_loads(lanes->loads());
  if (icap) {
    const Json c = icap->icap_counters();
    std::cout << "korgoo: ICAP " << c.value("reqmod", 0) << " REQMOD, " << c.value("respmod", 0)
              << " RESPMOD; " << c.value("blocked", 0) << " blocked, " << icap->totals().alerts
              << " alerts\n";
  }
  if (s.skipped_files)
    std::cout << "korgoo: " << s.skipped_files << " files skipped: not captures\n";
  const output::SinkCounts written = eve.counts();
  std::cout << "korgoo: " << written.records << " EVE records in " << eve_path.string() << " (";
  bool first = true;
  for (const auto& [type, n] : eve.by_type()) {
    std::cout << (first ? "" : ", ") << type << " " << n;
    first = false;
  }
  std::cout << "); log in " << (o.log_dir / rt.config.output.log_filename).string() << "\n";
  if (written.lost) {
    std::cout << "korgoo: " << written.lost << " EVE records could not be written ("
              << written.write_errors << " failed writes, see the log)\n";
    spdlog::error("{} EVE records could not be written to {}", written.lost, eve_path.string());
    return 1;
  }
  if (stop_signal == SIGINT) return 130;
  return s.read_errors ? 1 : 0;
}

}  // namespace korgoo::cli
