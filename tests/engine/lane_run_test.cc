// LaneRun with sources that hand out hand-built packets: every worker's records reach the
// one EVE file, the final stats are one record adding up the workers' shares (capture
// counters included, since each worker read its own source), and the service's tasks run
// with every worker parked.
#include "engine/lane_run.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "engine/worker_fixtures.h"
#include "output/eve_writer.h"

namespace korgoo::engine {
namespace {

using namespace fixtures;

// Hands out its packets, then reports an idle link `idle_polls` times, then ends.
class ScriptedSource final : public source::PacketSource {
 public:
  ScriptedSource(std::vector<source::Packet> packets, int idle_polls)
      : packets_(std::move(packets)), idle_left_(idle_polls) {}

  source::ReadStatus next(source::Packet& out) override {
    if (at_ < packets_.size()) {
      out = packets_[at_++];
      ++stats_.packets;
      stats_.bytes += out.data.size();
      return source::ReadStatus::kPacket;
    }
    if (idle_left_-- > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return source::ReadStatus::kIdle;
    }
    return source::ReadStatus::kEnd;
  }
  const source::SourceStats& stats() const override {
    ++stats_reads;
    return stats_;
  }
  std::string describe() const override { return "scripted"; }

  mutable std::atomic<int> stats_reads{0};

 private:
  std::vector<source::Packet> packets_;
  std::size_t at_ = 0;
  int idle_left_;
  source::SourceStats stats_;
};

struct EveDir {
  std::filesystem::path dir;
  std::vector<Json> records;

  EveDir() {
    dir =
        std::filesystem::temp_directory_path() / ("korgoo-lane-run-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
  }
  ~EveDir() { std::filesystem::remove_all(dir); }
  std::filesystem::path eve() const { return dir / "eve.json"; }
  void read() {
    std::ifstream in(eve());
    for (std::string line; std::getline(in, line);) records.push_back(Json::parse(line));
  }
  std::vector<const Json*> of_type(std::string_view type) const {
    std::vector<const Json*> out;
    for (const auto& r : records)
      if (r.value("event_type", "") == type) out.push_back(&r);
    return out;
  }
};

TEST(LaneRun, EveryWorkersRecordsAndOneMergedFinalStatsRecord) {
  auto rt = runtime(0);
  Frames a = closed_session("10.0.0.5"), b = closed_session("10.0.0.6");
  std::vector<std::unique_ptr<source::PacketSource>> members;
  members.push_back(std::make_unique<ScriptedSource>(a.done(), 0));
  members.push_back(std::make_unique<ScriptedSource>(b.done(), 0));
  source::SourceGroup group(std::move(members));
  EveDir run;
  {
    output::EveWriter eve(run.eve());
    LaneRun lanes(*rt, eve, group, false);
    std::atomic<bool> stop{false};
    lanes.run(stop, nullptr);
    EXPECT_EQ(lanes.totals().expected_flows, 0u);
    const auto loads = lanes.loads();
    ASSERT_EQ(loads.size(), 2u);
    EXPECT_EQ(loads[0].packets, a.packets.size());
    EXPECT_EQ(loads[1].packets, b.packets.size());
  }
  run.read();
  const auto flows = run.of_type("flow");
  ASSERT_EQ(flows.size(), 2u);
  EXPECT_NE((*flows[0])["src_ip"], (*flows[1])["src_ip"]);
  const auto stats = run.of_type("stats");
  ASSERT_EQ(stats.size(), 1u);
  const Json& k = (*stats[0])["stats"]["korgoo"];
  EXPECT_EQ(k["capture"]["packets"], a.packets.size() + b.packets.size());
  ASSERT_EQ(k["workers"].size(), 2u);
  EXPECT_EQ(k["workers"][0]["flows"], 1u);
  EXPECT_EQ(k["workers"][1]["flows"], 1u);
  EXPECT_TRUE(k["workers"][0].contains("busy_seconds"));
  EXPECT_FALSE(k.contains("busy_seconds"));  // per worker only
}

TEST(LaneRun, ServiceTasksRunWithEveryWorkerParked) {
  auto rt = runtime(0);
  Frames a = closed_session("10.0.0.5"), b = closed_session("10.0.0.6");
  std::vector<std::unique_ptr<source::PacketSource>> members;
  // Idle for a while after the packets, so that the task is taken while the run lasts.
  members.push_back(std::make_unique<ScriptedSource>(a.done(), 40));
  members.push_back(std::make_unique<ScriptedSource>(b.done(), 40));
  source::SourceGroup group(std::move(members));
  EveDir run;
  output::EveWriter eve(run.eve());
  LaneRun lanes(*rt, eve, group, false);
  WorkerMailbox mailbox;
  std::atomic<bool> stop{false};
  std::atomic<bool> ran{false};
  std::uint64_t packets_seen = 0;
  Json counters;
  mailbox.post([&](WorkerContext& ctx) {
    packets_seen = ctx.source.stats().packets;
    counters = ctx.worker.stats_json(ctx.source.stats());
    ctx.worker.write_event("reload", Json{{"ok", true}});
    ran = true;
  });
  lanes.run(stop, &mailbox);
  EXPECT_TRUE(ran);
  EXPECT_LE(packets_seen, a.packets.size() + b.packets.size());
  EXPECT_EQ(counters["workers"].size(), 2u);
  eve.flush();
  run.read();
  EXPECT_EQ(run.of_type("reload").size(), 1u);
}

TEST(LaneRun, AStopEndsEveryWorkerAndStillWritesTheFinalStats) {
  auto rt = runtime(0);
  std::vector<std::unique_ptr<source::PacketSource>> members;
  // Sources that would idle for minutes: only the stop ends them.
  members.push_back(std::make_unique<ScriptedSource>(std::vector<source::Packet>{}, 1'000'000));
  members.push_back(std::make_unique<ScriptedSource>(std::vector<source::Packet>{}, 1'000'000));
  source::SourceGroup group(std::move(members));
  EveDir run;
  {
    output::EveWriter eve(run.eve());
    LaneRun lanes(*rt, eve, group, false);
    std::atomic<bool> stop{false};
    std::thread stopper([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      stop = true;
    });
    lanes.run(stop, nullptr);
    stopper.join();
  }
  run.read();
  EXPECT_EQ(run.of_type("stats").size(), 1u);
}

}  // namespace
}  // namespace korgoo::engine
