// LaneSink: each worker's k-th stats share joins the others' into one record; a round a
// worker never completes is written without it once newer rounds pile up, and nothing is
// left unwritten at the end.
#include "engine/lane_sink.h"
#include "output/eve_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace korgoo::engine {
namespace {

using output::RecordOrder;

Json share(std::uint64_t packets) {
  return Json{{"capture", {{"packets", packets}, {"kernel_drops", std::uint64_t{1}}}},
              {"decoder", {{"packets", packets}}},
              {"flow", {{"created", std::uint64_t{2}}}}};
}

std::vector<Json> stats_records(const std::filesystem::path& p) {
  std::vector<Json> out;
  std::ifstream in(p);
  for (std::string line; std::getline(in, line);) {
    Json r = Json::parse(line);
    if (r.value("event_type", "") == "stats") out.push_back(std::move(r));
  }
  return out;
}

struct TempEve {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("korgoo-lane-sink-" + std::to_string(::getpid()) + ".json");
  ~TempEve() { std::filesystem::remove(path); }
};

const RecordOrder kPeriodic{};
const RecordOrder kFinal{RecordOrder::kEndOfInput, RecordOrder::Phase::kStats, 0, 0};

TEST(LaneSink, TheKthShareOfEveryWorkerMakesOneRecord) {
  TempEve t;
  {
    output::EveWriter eve(t.path);
    LaneSink sink(eve, 2);
    sink.lane(0).write_stats(Json{{"event_type", "stats"}}, share(10), 1, kPeriodic);
    EXPECT_TRUE(stats_records(t.path).empty());  // waits for worker 1
    sink.lane(1).write_stats(Json{{"event_type", "stats"}}, share(5), 1, kPeriodic);
    sink.lane(1).write_stats(Json{{"event_type", "stats"}}, share(7), 2, kFinal);
    sink.lane(0).write_stats(Json{{"event_type", "stats"}}, share(20), 2, kFinal);
    sink.close();
  }
  const auto recs = stats_records(t.path);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0]["stats"]["korgoo"]["capture"]["packets"], 15u);
  EXPECT_EQ(recs[0]["stats"]["korgoo"]["capture"]["kernel_drops"], 2u);
  EXPECT_EQ(recs[0]["stats"]["korgoo"]["workers"][1]["packets"], 5u);
  EXPECT_EQ(recs[1]["stats"]["korgoo"]["capture"]["packets"], 27u);
}

TEST(LaneSink, ARoundALateWorkerNeverFillsIsWrittenWithoutIt) {
  TempEve t;
  {
    output::EveWriter eve(t.path);
    LaneSink sink(eve, 2);
    for (int i = 0; i < 6; ++i)
      sink.lane(0).write_stats(Json{{"event_type", "stats"}}, share(1), i, kPeriodic);
    // Three rounds stay open for worker 1; the older ones were written with worker 0 alone.
    EXPECT_EQ(stats_records(t.path).size(), 3u);
    sink.close();  // the rest, at the end
  }
  const auto recs = stats_records(t.path);
  ASSERT_EQ(recs.size(), 6u);
  EXPECT_EQ(recs[0]["stats"]["korgoo"]["workers"].size(), 1u);
}

}  // namespace
}  // namespace korgoo::engine
