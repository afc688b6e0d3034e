#include "flow/flow_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace korgoo::flow {
namespace {

namespace tf = decode::tcp_flags;

decode::DecodedPacket tcp(const char* src, std::uint16_t sport, const char* dst,
                          std::uint16_t dport, std::uint8_t flags, std::int64_t sec) {
  decode::DecodedPacket p;
  p.src = *IpAddress::parse(src);
  p.dst = *IpAddress::parse(dst);
  p.src_port = sport;
  p.dst_port = dport;
  p.ip_proto = 6;
  p.l4 = decode::L4Proto::kTcp;
  p.flags = flags;
  p.ts = Timestamp::from_sec_usec(sec, 0);
  p.ip_len = 40;
  return p;
}

decode::DecodedPacket udp(const char* src, std::uint16_t sport, const char* dst,
                          std::uint16_t dport, std::int64_t sec) {
  auto p = tcp(src, sport, dst, dport, 0, sec);
  p.ip_proto = 17;
  p.l4 = decode::L4Proto::kUdp;
  return p;
}

struct Ended {
  std::uint64_t id;
  EndReason reason;
  FlowState state;
  std::string src;
};

class FlowTableTest : public ::testing::Test {
 protected:
  FlowTableTest() {
    config_.home_networks.add(*Cidr::parse("10.0.0.0/8"));
    config_.max_flows = 4;
  }
  FlowTable make() {
    return FlowTable(config_, [this](Flow& f) {
      ended_.push_back({f.id(), f.end_reason(), f.state(), f.src().addr.to_string()});
    });
  }
  FlowConfig config_;
  std::vector<Ended> ended_;
};

TEST_F(FlowTableTest, BothDirectionsFindOneFlowAndSynSenderIsSrc) {
  auto t = make();
  auto a = t.track(tcp("10.0.0.1", 40000, "8.8.8.8", 80, tf::kSyn, 1));
  auto b = t.track(tcp("8.8.8.8", 80, "10.0.0.1", 40000, tf::kSyn | tf::kAck, 1));
  EXPECT_TRUE(a.created);
  EXPECT_FALSE(b.created);
  EXPECT_EQ(a.flow, b.flow);
  EXPECT_EQ(a.dir, Direction::kToServer);
  EXPECT_EQ(b.dir, Direction::kToClient);
  EXPECT_EQ(a.flow->src().addr.to_string(), "10.0.0.1");
  EXPECT_TRUE(a.flow->src_is_home());
  EXPECT_FALSE(a.flow->dst_is_home());
  EXPECT_EQ(a.flow->state(), FlowState::kEstablished);
  EXPECT_EQ(a.flow->counters(Direction::kToServer).pkts, 1u);
  EXPECT_EQ(a.flow->counters(Direction::kToClient).pkts, 1u);
  EXPECT_EQ(t.size(), 1u);
}

TEST_F(FlowTableTest, SynAckFirstMakesItsReceiverTheOpener) {
  auto t = make();
  auto a = t.track(tcp("8.8.8.8", 443, "10.0.0.1", 40000, tf::kSyn | tf::kAck, 1));
  EXPECT_EQ(a.flow->src().addr.to_string(), "10.0.0.1");
  EXPECT_EQ(a.dir, Direction::kToClient);
  EXPECT_FALSE(a.flow->midstream());
}

TEST_F(FlowTableTest, MidstreamGuessUsesPorts) {
  auto t = make();
  auto a = t.track(tcp("8.8.8.8", 80, "10.0.0.1", 40000, tf::kAck, 1));
  EXPECT_TRUE(a.flow->midstream());
  EXPECT_EQ(a.flow->src().addr.to_string(), "10.0.0.1");
  auto b = t.track(tcp("10.0.0.2", 5555, "10.0.0.3", 6666, tf::kAck, 1));
  EXPECT_EQ(b.flow->src().addr.to_string(), "10.0.0.2");
  EXPECT_EQ(t.stats().midstream, 2u);
}

TEST_F(FlowTableTest, UdpAnswerSeenFirstMakesItsReceiverTheOpener) {
  auto t = make();
  auto answer = t.track(udp("10.16.1.1", 53, "10.16.1.11", 41805, 1));
  EXPECT_EQ(answer.flow->src().addr.to_string(), "10.16.1.11");
  EXPECT_EQ(answer.dir, Direction::kToClient);
  auto query = t.track(udp("192.168.0.5", 41000, "8.8.8.8", 53, 1));
  EXPECT_EQ(query.flow->src().addr.to_string(), "192.168.0.5");
  auto peers = t.track(udp("10.0.0.1", 123, "10.0.0.2", 123, 1));
  EXPECT_EQ(peers.flow->src().addr.to_string(), "10.0.0.1");
}

TEST_F(FlowTableTest, FinBothWaysClosesAndClosedTimeoutEndsWithReasonClosed) {
  auto t = make();
  t.track(tcp("10.0.0.1", 1, "8.8.8.8", 80, tf::kSyn, 1));
  t.track(tcp("8.8.8.8", 80, "10.0.0.1", 1, tf::kSyn | tf::kAck, 1));
  t.track(tcp("10.0.0.1", 1, "8.8.8.8", 80, tf::kFin | tf::kAck, 2));
  auto last = t.track(tcp("8.8.8.8", 80, "10.0.0.1", 1, tf::kFin | tf::kAck, 2));
  EXPECT_EQ(last.flow->state(), FlowState::kClosed);
  t.expire(Timestamp::from_sec_usec(2 + config_.tcp_closed_timeout, 0));
  EXPECT_TRUE(ended_.empty()) << "not idle for longer than the timeout yet";
  t.expire(Timestamp::from_sec_usec(3 + config_.tcp_closed_timeout, 0));
  ASSERT_EQ(ended_.size(), 1u);
  EXPECT_EQ(ended_[0].reason, EndReason::kClosed);
  EXPECT_EQ(t.size(), 0u);
}

TEST_F(FlowTableTest, RstCloses) {
  auto t = make();
  t.track(tcp("10.0.0.1", 1, "8.8.8.8", 80, tf::kSyn, 1));
  auto r = t.track(tcp("8.8.8.8", 80, "10.0.0.1", 1, tf::kRst, 1));
  EXPECT_EQ(r.flow->state(), FlowState::kClosed);
}

TEST_F(FlowTableTest, ASynOnAClosedConnectionEndsItAndOpensANewFlow) {
  auto t = make();
  // Closed by FINs both ways, then by a RST: each time the client's next SYN from the same
  // port is a new connection.
  t.track(tcp("10.0.0.1", 1, "8.8.8.8", 80, tf::kSyn, 1));
  t.track(tcp("8.8.8.8", 80, "10.0.0.1", 1, tf::kSyn | tf::kAck, 1));
  t.track(tcp("10.0.0.1", 1, "8.8.8.8", 80, tf::kFin | tf::kAck, 2));
  const auto first = t.track(tcp("8.8.8.8", 80, "10.0.0.1", 1, tf::kFin | tf::kAck, 2));
  const std::uint64_t first_id = first.flow->id();
  auto second = t.track(tcp("10.0.0.1", 1, "8.8.8.8", 80, tf::kSyn, 3));
  EXPECT_TRUE(second.created);
  EXPECT_NE(second.flow->id(), first_id);
  EXPECT_EQ(second.flow->state(), FlowState::kNew);
  ASSERT_EQ(ended_.size(), 1u);
  EXPECT_EQ(ended_[0].id, first_id);
  EXPECT_EQ(ended_[0].reason, EndReason::kClosed);
  t.track(tcp("8.8.8.8", 80, "10.0.0.1", 1, tf::kRst | tf::kAck, 3));
  auto third = t.track(tcp("10.0.0.1", 1, "8.8.8.8", 80, tf::kSyn, 4));
  EXPECT_TRUE(third.created);
  EXPECT_EQ(ended_.size(), 2u);
  EXPECT_EQ(t.stats().tcp_reused, 2u);
  // A SYN-ACK or a retransmitted segment on a closed connection does not start a new flow.
  auto late = t.track(tcp("8.8.8.8", 80, "10.0.0.1", 1, tf::kSyn | tf::kAck, 4));
  EXPECT_FALSE(late.created);
  EXPECT_EQ(t.size(), 1u);
}

TEST_F(FlowTableTest, TimeoutsApplyPerClass) {
  auto t = make();
  t.track(udp("10.0.0.1", 5000, "8.8.8.8", 53, 100));
  t.track(tcp("10.0.0.1", 1, "8.8.8.8", 80, tf::kSyn, 100));  // tcp_new: 30 s
  t.expire(Timestamp::from_sec_usec(100 + config_.tcp_new_timeout + 1, 0));
  ASSERT_EQ(ended_.size(), 1u);
  EXPECT_EQ(ended_[0].reason, EndReason::kTimeout);
  EXPECT_EQ(t.size(), 1u);
  t.expire(Timestamp::from_sec_usec(100 + config_.udp_timeout + 1, 0));
  EXPECT_EQ(ended_.size(), 2u);
}

TEST_F(FlowTableTest, CapEvictsLeastRecentlyActiveAndReportsIt) {
  auto t = make();
  for (int i = 0; i < 4; ++i) t.track(udp("10.0.0.1", 1000 + i, "8.8.8.8", 53, 10 + i));
  t.track(udp("10.0.0.1", 1000, "8.8.8.8", 53, 20));  // refresh the oldest
  t.track(udp("10.0.0.1", 2000, "8.8.8.8", 53, 21));  // over the cap
  ASSERT_EQ(ended_.size(), 1u);
  EXPECT_EQ(ended_[0].reason, EndReason::kEvicted);
  EXPECT_EQ(t.size(), 4u);
  EXPECT_EQ(t.stats().evicted, 1u);
  // The refreshed flow survived; the next oldest (port 1001) was the victim.
  auto again = t.track(udp("10.0.0.1", 1000, "8.8.8.8", 53, 22));
  EXPECT_FALSE(again.created);
}

TEST_F(FlowTableTest, EndAllReportsEveryFlowOldestFirst) {
  auto t = make();
  t.track(udp("10.0.0.1", 3, "8.8.8.8", 53, 30));
  t.track(udp("10.0.0.1", 1, "8.8.8.8", 53, 10));
  t.track(udp("10.0.0.1", 2, "8.8.8.8", 53, 20));
  t.end_all();
  ASSERT_EQ(ended_.size(), 3u);
  EXPECT_EQ(ended_[0].reason, EndReason::kShutdown);
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.stats().ended_shutdown, 3u);
}

TEST_F(FlowTableTest, FlowIdIsStableAcrossRunsAndFitsIn51Bits) {
  std::uint64_t first = 0;
  for (int run = 0; run < 2; ++run) {
    auto t = make();
    auto a = t.track(tcp("10.0.0.1", 1, "8.8.8.8", 80, tf::kSyn, 1));
    if (run == 0) first = a.flow->id();
    EXPECT_EQ(a.flow->id(), first);
    EXPECT_LT(a.flow->id(), 1ULL << 51);
  }
}

TEST_F(FlowTableTest, VlansSeparateFlows) {
  auto t = make();
  auto p = udp("10.0.0.1", 1, "8.8.8.8", 53, 1);
  p.vlan[0] = 10;
  t.track(p);
  p.vlan[0] = 20;
  t.track(p);
  EXPECT_EQ(t.size(), 2u);
}

// A SPAN port where the client's direction is tagged and the server's is not.
TEST_F(FlowTableTest, VlanOutOfKeyJoinsTaggedAndUntaggedDirections) {
  config_.vlan_in_key = false;
  auto t = make();
  auto out = udp("10.0.0.1", 1000, "8.8.8.8", 53, 1);
  out.vlan[0] = 10;
  const auto first = t.track(out);
  auto back = udp("8.8.8.8", 53, "10.0.0.1", 1000, 2);
  const auto second = t.track(back);
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(first.flow, second.flow);
  EXPECT_NE(first.dir, second.dir);
}

TEST_F(FlowTableTest, VlanInKeyByDefaultSplitsTaggedAndUntagged) {
  auto t = make();
  auto out = udp("10.0.0.1", 1000, "8.8.8.8", 53, 1);
  out.vlan[0] = 10;
  t.track(out);
  t.track(udp("8.8.8.8", 53, "10.0.0.1", 1000, 2));
  EXPECT_EQ(t.size(), 2u);
}

TEST(FlowKeyHash, IsSymmetric) {
  bool lo = false;
  const Endpoint a{*IpAddress::parse("10.0.0.1"), 1234};
  const Endpoint b{*IpAddress::parse("2001:db8::1"), 80};
  EXPECT_EQ(FlowKeyHash{}(FlowKey::make(a, b, 6, 0, lo)),
            FlowKeyHash{}(FlowKey::make(b, a, 6, 0, lo)));
}

}  // namespace
}  // namespace korgoo::flow
