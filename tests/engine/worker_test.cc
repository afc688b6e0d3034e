// The worker driven by hand-built packets, its records caught by a RecordSink: a flow's
// record is written once whichever way it ends, and a worker that only observes packets
// runs its timers at the same packets as the one that processes them (what a parallel
// replay's merge relies on).
#include "engine/worker.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/worker_fixtures.h"

namespace korgoo::engine {
namespace {

using namespace fixtures;

using output::RecordOrder;

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
