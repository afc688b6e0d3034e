#include "stream/stream_stats.h"

#include <gtest/gtest.h>

namespace korgoo::stream {
namespace {

TEST(StreamStats, JsonHasFixedKeyOrder) {
  StreamStats s;
  s.segments = 3;
  s.gaps = 1;
  Json j = Json::object();
  s.to_json(j);
  EXPECT_EQ(j.dump(),
            R"({"segments":3,"bytes_delivered":0,"overlaps":0,"retransmissions":0,)"
            R"("overlap_conflicts":0,"ooo_segments":0,"ooo_buffered_peak":0,"gaps":1,)"
            R"("gap_bytes":0,"ooo_cap_gaps":0,"depth_reached":0,"midstream_pickups":0,)"
            R"("syn_data":0,"syn_restarts":0,"resets":0,"resets_ignored":0,"urgent_removed":0})");
}

TEST(StreamStats, AddSumsWorkers) {
  StreamStats a, b;
  a.segments = 2;
  a.overlap_conflicts = 1;
  b.segments = 5;
  b.resets_ignored = 4;
  a.add(b);
  EXPECT_EQ(a.segments, 7u);
  EXPECT_EQ(a.overlap_conflicts, 1u);
  EXPECT_EQ(a.resets_ignored, 4u);
}

}  // namespace
}  // namespace korgoo::stream
