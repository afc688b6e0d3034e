// libFuzzer harness: the whole engine (decode with defragmentation, flows, TCP reassembly,
// every app-layer decoder, detection, policy, EVE) fed a stream of framed packets, with the
// shipped signatures and rules. Input: the first byte picks the link type, then packets of
// [2: length][1: milliseconds since the last packet][frame].
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>

#include <spdlog/spdlog.h>

#include "config/korgoo_config.h"
#include "engine/runtime.h"
#include "engine/worker.h"
#include "fuzz/fuzz_input.h"
#include "output/eve_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace korgoo;
  static const auto rt = [] {
    spdlog::set_level(spdlog::level::off);  // per-packet warnings would dominate the run
    auto c = config::default_config(KORGOO_SOURCE_DIR);
    c.decode.frag_hash_seed = 1;  // reproducible
    c.flow.max_flows = 64;        // eviction reachable with small inputs
    return engine::Runtime::build(std::move(c));
  }();
  static std::FILE* devnull = std::fopen("/dev/null", "w");
  static constexpr source::LinkType kLinks[] = {source::LinkType::kEthernet, source::LinkType::kRaw,
                                                source::LinkType::kLinuxSll,
                                                source::LinkType::kIpv6};
  output::EveWriter eve(devnull);
  engine::Worker worker(*rt, eve);
  fuzz::FuzzInput in(data, size);
  source::Packet pkt;
  pkt.link = kLinks[in.u8() % 4];
  pkt.capture_file = "fuzz.pcap";
  std::int64_t usec = 1'700'000'000LL * kUsecPerSec;
  while (!in.empty()) {
    const std::uint16_t len = in.u16();
    usec += std::int64_t{in.u8()} * 1000;
    pkt.data = in.bytes(len);
    pkt.wire_len = static_cast<std::uint32_t>(pkt.data.size());
    pkt.ts = Timestamp{usec};
    ++pkt.number;
    worker.process(pkt);
  }
  worker.finish(source::SourceStats{});
  eve.flush();
  return 0;
}
