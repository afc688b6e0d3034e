// libFuzzer harness: the flow table with a small cap, driven by synthetic decoded packets
// between 16 hosts. Input: packets of
//   [1: bit 7 TCP else UDP, low 5 bits TCP flags][1: src host][1: dst host][2: sport][2: dport]
//   [1: seconds since the last packet (0xff: expire now)].
// Checks: never more flows than the cap, and every created flow ends exactly once.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "flow/flow_table.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace korgoo;
  flow::FlowConfig config;
  config.max_flows = 32;
  config.tcp_new_timeout = 5;
  config.tcp_established_timeout = 60;
  config.tcp_closed_timeout = 1;
  config.udp_timeout = 10;
  std::uint64_t ended = 0;
  std::uint64_t created = 0;
  {
    flow::FlowTable table(config, [&](flow::Flow&) { ++ended; });
    fuzz::FuzzInput in(data, size);
    std::int64_t sec = 1'700'000'000;
    while (!in.empty()) {
      decode::DecodedPacket p;
      const std::uint8_t head = in.u8();
      p.l4 = head & 0x80 ? decode::L4Proto::kTcp : decode::L4Proto::kUdp;
      p.ip_proto = static_cast<std::uint8_t>(p.l4);
      p.flags = head & 0x1f;
      p.src = IpAddress::v4(0x0a000000u | (in.u8() & 0x0f));
      p.dst = IpAddress::v4(0xc0a80000u | (in.u8() & 0x0f));
      p.src_port = in.u16();
      p.dst_port = in.u16();
      const std::uint8_t dt = in.u8();
      sec += dt == 0xff ? 0 : dt;
      p.ts = Timestamp::from_sec_usec(sec, 0);
      if (dt == 0xff) {
        table.expire(p.ts);
        continue;
      }
      if (table.track(p).created) ++created;
      if (table.size() > config.max_flows) std::abort();
    }
    table.end_all();
    if (table.size() != 0) std::abort();
  }
  if (ended != created) std::abort();
  return 0;
}
