// The stats object in Suricata's names, with korgoo's own counters kept under "korgoo".
#include "output/suricata_stats.h"

#include <gtest/gtest.h>

namespace korgoo::output {
namespace {

Json engine_stats() {
  return Json::parse(R"({
    "capture": {"packets": 10, "kernel_drops": 2, "read_errors": 1},
    "decoder": {"packets": 9, "bytes": 900, "ipv4": 8, "ipv6": 1, "tcp": 7, "udp": 2,
                "errors": {"ipv4_truncated": 3, "tcp_bad_header": 4}},
    "flow": {"created": 5, "tcp": 4, "udp": 1, "active": 2},
    "stream": {"gaps": 6, "overlaps": 7, "resets": 8, "midstream_pickups": 1},
    "app": {"http_transactions": 11, "smtp_transactions": 12, "http_parse_errors": 13},
    "alerts": {"total": 14},
    "memory": {"stream": {"used": 15, "cap": 100}}
  })");
}

TEST(SuricataStats, NamesCountersAsSuricataDoes) {
  const Json s = suricata_stats(engine_stats(), 42);
  EXPECT_EQ(s["uptime"], 42);
  EXPECT_EQ(s["capture"]["kernel_packets"], 10);
  EXPECT_EQ(s["capture"]["kernel_drops"], 2);
  EXPECT_EQ(s["capture"]["errors"], 1);
  EXPECT_EQ(s["decoder"]["pkts"], 9);
  EXPECT_EQ(s["decoder"]["invalid"], 7);  // every rejected packet, whatever the reason
  EXPECT_EQ(s["flow"]["total"], 5);
  EXPECT_EQ(s["flow"]["active"], 2);
  EXPECT_EQ(s["tcp"]["sessions"], 4);
  EXPECT_EQ(s["tcp"]["reassembly_gap"], 6);
  EXPECT_EQ(s["tcp"]["overlap"], 7);
  EXPECT_EQ(s["tcp"]["rst"], 8);
  EXPECT_EQ(s["tcp"]["reassembly_memuse"], 15);
  EXPECT_EQ(s["app_layer"]["tx"]["http"], 11);
  EXPECT_EQ(s["app_layer"]["tx"]["smtp"], 12);
  EXPECT_EQ(s["app_layer"]["error"]["http"]["parser"], 13);
  EXPECT_EQ(s["detect"]["alert"], 14);
}

TEST(SuricataStats, KeepsKorgoosOwnLayoutUnderOneKey) {
  const Json k = engine_stats();
  const Json s = suricata_stats(k, 0);
  EXPECT_EQ(s["korgoo"], k);
  EXPECT_FALSE(s.contains("stream"));  // korgoo's name, not Suricata's
  EXPECT_FALSE(s.contains("app"));
}

TEST(SuricataStats, LeavesOutWhatTheEngineDidNotReport) {
  const Json s = suricata_stats(Json::object(), 0);
  EXPECT_FALSE(s.contains("decoder"));
  EXPECT_FALSE(s.contains("tcp"));
  EXPECT_EQ(s["uptime"], 0);
}

}  // namespace
}  // namespace korgoo::output
