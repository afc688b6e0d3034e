#include "ops/prometheus_text.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

namespace korgoo::ops {
namespace {

// The sample line of `name` (with labels) in `text`, or "" when absent.
std::string line_of(const std::string& text, const std::string& series) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(series + " ", 0) == 0) return line;
  return "";
}

void expect_value(const std::string& text, const std::string& series, const std::string& value) {
  EXPECT_EQ(line_of(text, series), series + " " + value);
}

Json snapshot() {
  return Json::parse(R"({
    "capture": {"packets": 12, "bytes": 3400, "kernel_drops": 2, "verdicts_accept": 10,
                "verdicts_drop": 1},
    "decoder": {"errors": {"ipv4_truncated": 4}},
    "flow": {"created": 5, "active": 3},
    "detect": {"confirmed": {"email": 7}, "rejected": {"iban.check": 6}},
    "alerts": {"total": 3, "blocked": 1, "packets_dropped": 9,
               "by_sid": {"9100001": {"alerts": 3, "signature": "LOCAL \"quoted\" rule"}}},
    "memory": {"stream": {"used": 100, "cap": 1000}, "flows": {"used": 3, "cap": 65536}},
    "reload": {"count": 2, "failures": 1}
  })");
}

TEST(PrometheusText, CountersCarryTotalAndTheirValue) {
  const auto text = prometheus_text(snapshot(), "9.9");
  expect_value(text, "korgoo_capture_packets_total", "12");
  expect_value(text, "korgoo_capture_kernel_drops_total", "2");
  expect_value(text, "korgoo_flow_created_total", "5");
  EXPECT_NE(text.find("# TYPE korgoo_capture_packets_total counter\n"), std::string::npos);
}

TEST(PrometheusText, LevelsAreGaugesWithoutTotal) {
  const auto text = prometheus_text(snapshot(), "9.9");
  expect_value(text, "korgoo_flow_active", "3");
  EXPECT_NE(text.find("# TYPE korgoo_flow_active gauge\n"), std::string::npos);
  EXPECT_EQ(text.find("korgoo_flow_active_total"), std::string::npos);
}

TEST(PrometheusText, NestedCountsBecomeLabels) {
  const auto text = prometheus_text(snapshot(), "9.9");
  expect_value(text, "korgoo_detect_confirmed_total{type=\"email\"}", "7");
  expect_value(text, "korgoo_detect_rejected_total{reason=\"iban.check\"}", "6");
  expect_value(text, "korgoo_decoder_errors_total{error=\"ipv4_truncated\"}", "4");
}

TEST(PrometheusText, AlertsBySidEscapeTheSignature) {
  const auto text = prometheus_text(snapshot(), "9.9");
  EXPECT_EQ(
      line_of(text, R"(korgoo_alerts_total{sid="9100001",signature="LOCAL \"quoted\" rule"})"),
      R"(korgoo_alerts_total{sid="9100001",signature="LOCAL \"quoted\" rule"} 3)");
  expect_value(text, "korgoo_alerts_blocked_total", "1");
}

TEST(PrometheusText, VerdictsMemoryReloads) {
  const auto text = prometheus_text(snapshot(), "9.9");
  expect_value(text, "korgoo_verdicts_total{verdict=\"drop\"}", "1");
  expect_value(text, "korgoo_verdicts_total{verdict=\"accept\"}", "10");
  EXPECT_EQ(text.find("korgoo_capture_verdicts"), std::string::npos);  // not twice
  expect_value(text, "korgoo_memory_used_bytes{cap=\"stream\"}", "100");
  expect_value(text, "korgoo_memory_cap_entries{cap=\"flows\"}", "65536");
  expect_value(text, "korgoo_reloads_total", "2");
  expect_value(text, "korgoo_reload_failures_total", "1");
  expect_value(text, "korgoo_build_info{version=\"9.9\"}", "1");
}

TEST(PrometheusText, EachFamilyDeclaredOnceAndContiguous) {
  const auto text = prometheus_text(snapshot(), "9.9");
  std::istringstream in(text);
  std::string current;
  std::set<std::string> seen;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# TYPE ", 0) == 0) {
      current = line.substr(7, line.find(' ', 7) - 7);
      EXPECT_TRUE(seen.insert(current).second) << current << " declared twice";
    } else if (line[0] != '#') {
      EXPECT_EQ(line.rfind(current, 0), 0u) << line << " outside its family " << current;
    }
  }
}

}  // namespace
}  // namespace korgoo::ops
