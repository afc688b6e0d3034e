// What the worker and lane tests share: a RecordSink that keeps what it is given, a
// runtime on the embedded defaults, and hand-built TCP sessions.
#pragma once

#include <string>
#include <vector>

#include "config/korgoo_config.h"
#include "decode/packet_builder.h"
#include "engine/runtime.h"
#include "output/record_sink.h"

namespace korgoo::engine::fixtures {

namespace tp = decode::test_packets;
using output::RecordOrder;

struct Caught {
  std::string event_type;
  RecordOrder order;
  Json record;
};

class RecordingSink final : public output::RecordSink {
 public:
  void write(const Json& record, const RecordOrder& order) override {
    caught.push_back({record.value("event_type", ""), order, record});
  }
  void write_stats(Json record, Json, std::int64_t, const RecordOrder& order) override {
    caught.push_back({"stats", order, std::move(record)});
  }
  void flush() override {}
  void flush_if_due() override {}
  output::SinkCounts counts() const override { return {caught.size(), 0, 0}; }

  std::vector<const Caught*> of_type(std::string_view type) const {
    std::vector<const Caught*> out;
    for (const auto& c : caught)
      if (c.event_type == type) out.push_back(&c);
    return out;
  }
  std::vector<Caught> caught;
};

inline std::unique_ptr<Runtime> runtime(std::int64_t stats_interval) {
  auto c = config::default_config(KORGOO_SOURCE_DIR);
  c.output.flow_records = config::FlowRecords::kAll;
  c.output.stats_interval = stats_interval;
  return Runtime::build(std::move(c));
}

// One packet of CLIENT:40000 <-> 192.0.2.7:80 at `second` seconds.
struct Frames {
  std::string client = "10.0.0.5";
  std::vector<tp::Bytes> bytes;
  std::vector<source::Packet> packets;

  void add(bool to_server, std::uint8_t flags, std::uint32_t seq, std::uint32_t ack,
           const std::string& payload, std::int64_t second) {
    tp::TcpSpec t;
    t.sport = to_server ? 40000 : 80;
    t.dport = to_server ? 80 : 40000;
    t.seq = seq;
    t.ack = ack;
    t.flags = flags;
    tp::Ipv4Spec ip;
    ip.src = to_server ? client : "192.0.2.7";
    ip.dst = to_server ? "192.0.2.7" : client;
    bytes.push_back(tp::ether(tp::kEtherIpv4, tp::ipv4(ip, tp::tcp(t, tp::text(payload)))));
    source::Packet p;
    p.ts = Timestamp{1'700'000'000 * kUsecPerSec + second * kUsecPerSec};
    p.number = packets.size() + 1;
    packets.push_back(p);
  }
  // Views into `bytes`, taken once every frame is built.
  std::vector<source::Packet>& done() {
    for (std::size_t i = 0; i < packets.size(); ++i)
      packets[i].data = ByteView(bytes[i].data(), bytes[i].size());
    return packets;
  }
};

inline Frames closed_session(const char* client = "10.0.0.5") {
  namespace f = decode::tcp_flags;
  Frames fr;
  fr.client = client;
  const std::string req = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n";
  fr.add(true, f::kSyn, 100, 0, "", 0);
  fr.add(false, f::kSyn | f::kAck, 500, 101, "", 0);
  fr.add(true, f::kAck, 101, 501, "", 0);
  fr.add(true, f::kAck | f::kPsh, 101, 501, req, 1);
  const auto after_req = static_cast<std::uint32_t>(101 + req.size());
  fr.add(false, f::kAck | f::kFin, 501, after_req, "", 2);
  fr.add(true, f::kAck | f::kFin, after_req, 502, "", 2);
  fr.add(false, f::kAck, 502, after_req + 1, "", 2);
  return fr;
}

}  // namespace korgoo::engine::fixtures
