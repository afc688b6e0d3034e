// Per-packet cost of the whole pipeline (decode → flow → stream → app → detect → policy →
// EVE), which is the latency inline mode adds to each queued packet before its verdict, and
// the packets per second one worker (one NFQUEUE queue) sustains. The kernel's own queue
// round trip is not included: see docs/performance.md for how that was measured.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include "config/korgoo_config.h"
#include "engine/runtime.h"
#include "engine/worker.h"
#include "output/eve_writer.h"
#include "source/pcap_file_source.h"

namespace {

namespace fs = std::filesystem;
using namespace korgoo;

struct OwnedPacket {
  std::vector<std::uint8_t> bytes;
  source::Packet pkt;
};

// Every bundled capture, concatenated, with packet times shifted so they never go backwards.
std::vector<OwnedPacket> load_packets() {
  std::vector<OwnedPacket> out;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(KORGOO_SOURCE_DIR) / "pcaps"))
    if (e.path().extension() == ".pcap") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::int64_t shift = 0;
  std::int64_t last = 0;
  for (const auto& f : files) {
    source::PcapFileSource src(f);
    source::Packet p;
    std::int64_t first = -1;
    while (src.next(p) == source::ReadStatus::kPacket) {
      if (first < 0) first = p.ts.usec;
      OwnedPacket o;
      o.bytes.assign(p.data.begin(), p.data.end());
      o.pkt = p;
      o.pkt.ts.usec = last + shift + (p.ts.usec - first) + 1;
      out.push_back(std::move(o));
    }
    shift = out.empty() ? 0 : out.back().pkt.ts.usec - last + 1'000'000;
  }
  for (auto& o : out) o.pkt.data = ByteView(o.bytes.data(), o.bytes.size());
  return out;
}

void BM_PipelinePerPacket(benchmark::State& state) {
  auto cfg = config::default_config(KORGOO_SOURCE_DIR);
  cfg.detect.hash_key = "000102030405060708090a0b0c0d0e0f";
  cfg.output.stats_interval = 0;
  const auto rt = engine::Runtime::build(std::move(cfg));
  const auto packets = load_packets();
  std::FILE* devnull = std::fopen("/dev/null", "w");
  std::vector<double> latencies;
  latencies.reserve(packets.size() * 64);
  std::uint64_t processed = 0;
  for (auto _ : state) {
    output::EveWriter eve(devnull);
    engine::Worker worker(*rt, eve, /*inline_mode=*/true);
    for (const auto& o : packets) {
      const auto t0 = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(worker.process(o.pkt));
      const auto t1 = std::chrono::steady_clock::now();
      latencies.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
    }
    processed += packets.size();
    worker.finish(source::SourceStats{});
  }
  std::fclose(devnull);
  std::sort(latencies.begin(), latencies.end());
  const auto pct = [&](double q) {
    return latencies[std::min(latencies.size() - 1,
                              static_cast<std::size_t>(q * latencies.size()))];
  };
  state.counters["p50_ns"] = pct(0.50);
  state.counters["p99_ns"] = pct(0.99);
  state.counters["max_ns"] = latencies.back();
  state.counters["packets/s"] =
      benchmark::Counter(static_cast<double>(processed), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PipelinePerPacket)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
