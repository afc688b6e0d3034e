// The pieces a parallel replay merges with: the order records sort in, the sum of the
// workers' counters, and a batch that owns copies of the packets it was lent.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "engine/counter_sum.h"
#include "engine/packet_batch.h"
#include "output/record_sink.h"

namespace korgoo::engine {
namespace {

using output::RecordOrder;
using Phase = output::RecordOrder::Phase;

TEST(RecordOrder, TimersThenStatsThenThePacketThenTheNextPacket) {
  std::vector<RecordOrder> v = {
      {8, Phase::kPacket, 0, 0},  {8, Phase::kStats, 0, 0},
      {8, Phase::kTimer, 500, 2}, {8, Phase::kTimer, 100, 9},
      {7, Phase::kPacket, 0, 0},  {RecordOrder::kEndOfInput, Phase::kTimer, 1, 1},
      {8, Phase::kTimer, 100, 3}};
  std::sort(v.begin(), v.end());
  const std::vector<std::pair<std::uint64_t, std::uint64_t>> want = {
      {7, 0}, {8, 3}, {8, 9}, {8, 2}, {8, 0}, {8, 0}, {RecordOrder::kEndOfInput, 1}};
  ASSERT_EQ(v.size(), want.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    EXPECT_EQ(v[i].packet, want[i].first) << i;
    EXPECT_EQ(v[i].flow_id, want[i].second) << i;
  }
  EXPECT_EQ(v[4].phase, Phase::kStats);
  EXPECT_EQ(v[5].phase, Phase::kPacket);
}

TEST(CounterSum, NumbersAddObjectsMergeNamesKeepTheFirst) {
  Json total = Json::parse(R"({"decoder":{"packets":3,"errors":{"short":1}},"name":"a",
                              "ratio":0.5,"delta":-2})");
  add_counters(total, Json::parse(R"({"decoder":{"packets":4,"errors":{"short":2,"bad":1}},
                                      "name":"b","ratio":0.25,"delta":5,"new":7})"));
  EXPECT_EQ(total["decoder"]["packets"], 7);
  EXPECT_EQ(total["decoder"]["errors"]["short"], 3);
  EXPECT_EQ(total["decoder"]["errors"]["bad"], 1);
  EXPECT_EQ(total["name"], "a");
  EXPECT_DOUBLE_EQ(total["ratio"].get<double>(), 0.75);
  EXPECT_EQ(total["delta"], 3);
  EXPECT_EQ(total["new"], 7);
}

TEST(PacketBatch, KeepsItsOwnCopiesOfTheLentBytesAndOrigins) {
  PacketBatch batch;
  std::vector<std::uint8_t> lent = {1, 2, 3};
  std::string file = "first.pcap";
  source::Packet p;
  p.number = 1;
  p.data = ByteView(lent.data(), lent.size());
  p.capture_file = file;
  source::SourceStats counters;
  counters.packets = 1;
  batch.add(p, counters, 1);
  lent = {9, 9, 9, 9, 9};  // the source reuses its buffer for the next packet
  file = "second.pcap";
  p.number = 2;
  p.data = ByteView(lent.data(), lent.size());
  p.capture_file = file;
  counters.packets = 2;
  batch.add(p, counters, 0);
  for (int i = 0; i < 5000; ++i) batch.add(p, counters, 0);  // the byte store grows and moves
  batch.seal();
  ASSERT_EQ(batch.size(), 5002u);
  EXPECT_TRUE(batch.full());
  EXPECT_EQ(std::vector<std::uint8_t>(batch.packet(0).data.begin(), batch.packet(0).data.end()),
            (std::vector<std::uint8_t>{1, 2, 3}));
  EXPECT_EQ(batch.packet(0).capture_file, "first.pcap");
  EXPECT_EQ(batch.packet(1).data.size(), 5u);
  EXPECT_EQ(batch.packet(5001).capture_file, "second.pcap");
  EXPECT_EQ(batch.worker(0), 1u);
  EXPECT_EQ(batch.counters(0).packets, 1u);
  EXPECT_EQ(batch.counters(1).packets, 2u);
  batch.clear();
  EXPECT_TRUE(batch.empty());
}

}  // namespace
}  // namespace korgoo::engine
