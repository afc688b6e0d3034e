// The worker driven by hand-built packets, its records caught by a RecordSink: a flow's
// record is written once whichever way it ends, and a worker that only observes packets
// runs its timers at the same packets as the one that processes them (what a parallel
// replay's merge relies on).
#include "engine/worker.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/korgoo_config.h"
#include "decode/packet_builder.h"
#include "engine/runtime.h"
#include "output/record_sink.h"

namespace korgoo::engine {
namespace {

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

std::unique_ptr<Runtime> runtime(std::int64_t stats_interval) {
  auto c = config::default_config(KORGOO_SOURCE_DIR);
  c.output.flow_records = config::FlowRecords::kAll;
  c.output.stats_interval = stats_interval;
  return Runtime::build(std::move(c));
}

// One packet of 10.0.0.5:40000 <-> 192.0.2.7:80 at `second` seconds.
struct Frames {
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
    ip.src = to_server ? "10.0.0.5" : "192.0.2.7";
    ip.dst = to_server ? "192.0.2.7" : "10.0.0.5";
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

Frames closed_session() {
  namespace f = decode::tcp_flags;
  Frames fr;
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

TEST(Worker, AFlowRecordIsWrittenOnceWhetherTheFlowTimesOutOrTheInputEnds) {
  const auto rt = runtime(0);
  for (const bool time_out : {true, false}) {
    RecordingSink sink;
    Worker w(*rt, sink, WorkerShare{});
    Frames fr = closed_session();
    for (const auto& p : fr.done()) w.process(p);
    if (time_out) {
      // Well past tcp_closed: the sweep ends the flow; the end of input must not end it again.
      w.advance(Timestamp{fr.packets.back().ts.usec + 3600 * kUsecPerSec});
    }
    w.finish({});
    const auto flows = sink.of_type("flow");
    ASSERT_EQ(flows.size(), 1u) << (time_out ? "timed out" : "input ended");
    EXPECT_EQ(flows[0]->record["flow"]["reason"], time_out ? "closed" : "shutdown");
    EXPECT_EQ(flows[0]->record["flow"]["pkts_toserver"], 4);
    EXPECT_EQ(flows[0]->record["flow"]["pkts_toclient"], 3);
    EXPECT_EQ(flows[0]->order.phase, RecordOrder::Phase::kTimer);
    EXPECT_EQ(sink.of_type("http").size(), 1u);
  }
}

TEST(Worker, AnObservingWorkerRunsItsTimersAtTheSamePackets) {
  const auto rt = runtime(1);  // a stats record every second of packet time
  RecordingSink owner_sink, observer_sink;
  Worker owner(*rt, owner_sink, WorkerShare{0, 2});
  Worker observer(*rt, observer_sink, WorkerShare{1, 2});
  Frames fr = closed_session();
  for (const auto& p : fr.done()) {
    owner.process(p);
    observer.observe(p);
  }
  owner.finish({});
  observer.finish({});
  const auto a = owner_sink.of_type("stats");
  const auto b = observer_sink.of_type("stats");
  ASSERT_GE(a.size(), 2u);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_FALSE(a[i]->order < b[i]->order || b[i]->order < a[i]->order) << i;
    EXPECT_EQ(a[i]->record["timestamp"], b[i]->record["timestamp"]) << i;
  }
  EXPECT_TRUE(observer_sink.of_type("flow").empty());
  EXPECT_EQ(owner_sink.of_type("flow").size(), 1u);
  // Records made on a packet carry its number; the flow record at the end of input sorts last.
  EXPECT_EQ(owner_sink.of_type("http").at(0)->order.phase, RecordOrder::Phase::kPacket);
  EXPECT_EQ(owner_sink.of_type("flow").at(0)->order.packet, RecordOrder::kEndOfInput);
}

TEST(Worker, ASharedWorkerGetsItsShareOfEveryCap) {
  const auto rt = runtime(0);
  RecordingSink sink;
  Worker w(*rt, sink, WorkerShare{0, 4});
  const Json s = w.stats_json({});
  EXPECT_EQ(s["memory"]["flows"]["cap"], rt->config.flow.max_flows / 4);
  EXPECT_EQ(s["memory"]["stream"]["cap"], rt->config.stream.worker_buffer_cap / 4);
  EXPECT_EQ(s["memory"]["app"]["cap"], rt->config.app.memcap / 4);
  EXPECT_EQ(s["memory"]["defrag"]["cap"], rt->config.decode.frag_memcap / 4);
}

}  // namespace
}  // namespace korgoo::engine
