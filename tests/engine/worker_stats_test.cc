// The worker's stats: EVE records lost to a full disk are counted where an operator sees them,
// and stats records carry Suricata's layout with korgoo's counters under "korgoo".
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "config/korgoo_config.h"
#include "engine/runtime.h"
#include "engine/worker.h"
#include "output/eve_writer.h"

namespace korgoo::engine {
namespace {

std::unique_ptr<Runtime> runtime() {
  return Runtime::build(config::default_config(KORGOO_SOURCE_DIR));
}

TEST(WorkerStats, RecordsLostToAFullDiskAreCounted) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const auto rt = runtime();
  output::EveWriter eve("/dev/full", output::EveFileOptions{0640, std::chrono::milliseconds(0)});
  Worker worker(*rt, eve);
  worker.write_event("reload", Json{{"result", "ok"}});
  worker.write_event("reload", Json{{"result", "ok"}});
  const Json s = worker.stats_json({});
  EXPECT_EQ(s["eve"]["lost"], 2);
  EXPECT_GE(s["eve"]["write_errors"], 1);
  EXPECT_EQ(s["eve"]["records"], 0);
}

TEST(WorkerStats, StatsRecordUsesSuricatasNamesAndTheWallClockBeforeAnyPacket) {
  const auto rt = runtime();
  const auto path = std::filesystem::temp_directory_path() /
                    ("korgoo-worker-stats-" + std::to_string(::getpid()) + ".json");
  std::filesystem::remove(path);
  {
    output::EveWriter eve(path);
    Worker worker(*rt, eve);
    worker.finish({});
  }
  std::ifstream in(path);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  const Json rec = Json::parse(line);
  EXPECT_EQ(rec["event_type"], "stats");
  EXPECT_GE(rec["timestamp"].get<std::string>().substr(0, 4), "2024");
  EXPECT_EQ(rec["stats"]["decoder"]["pkts"], 0);
  EXPECT_EQ(rec["stats"]["uptime"], 0);
  EXPECT_TRUE(rec["stats"]["korgoo"].contains("memory"));
  EXPECT_FALSE(rec.contains("pcap_cnt"));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace korgoo::engine
