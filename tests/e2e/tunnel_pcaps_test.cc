// Every bundled tunnel capture (pcaps/tunnel-*.pcap) carries the same HTTP upload as
// tunnel-plain(-v6).pcap: korgoo must see the inner flow and report exactly the same records,
// personal-data tallies included, as for the plain capture. Only the packet numbers and the
// file name may differ (fragmented outer packets add frames), and IP tunnels add the flow
// records of their endpoints (192.168.250.1 <-> 198.51.100.77), which carry no payload.
#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>

#include "e2e/run_sensor.h"

namespace korgoo::e2e {
namespace {

fs::path pcap_dir() {
  return source_dir() / "pcaps";
}

bool is_tunnel_endpoint_record(const std::string& l) {
  return l.find("\"src_ip\":\"192.168.250.1\"") != std::string::npos ||
         l.find("\"dest_ip\":\"192.168.250.1\"") != std::string::npos;
}

// Drops `"key":value,` from an EVE line. The values erased here (a packet number, a bundled
// capture's file name) hold neither commas nor escaped quotes, so the next comma ends them.
// (std::regex would do, but GCC 12 warns inside <regex> under -O1 with sanitizers.)
std::string without_field(std::string line, std::string_view key) {
  std::string needle(1, '"');  // built by append: GCC 12 -Wrestrict misfires on operator+
  needle.append(key).append("\":");
  const auto at = line.find(needle);
  if (at == std::string::npos) return line;
  const auto comma = line.find(',', at + needle.size());
  if (comma != std::string::npos) line.erase(at, comma + 1 - at);
  return line;
}

// The EVE records of one capture without stats records, tunnel endpoints' flows, packet
// numbers and file name.
// `test` names the scratch directory, so that tests run in parallel never share one.
std::vector<std::string> comparable_records(const std::string& pcap, const std::string& test) {
  const auto run = run_korgoo("-c test-config.yaml -r " + shell_quote(pcap),
                              scratch_dir("tunnel-" + test + "-" + pcap), pcap_dir());
  EXPECT_EQ(run.exit_code, 0) << run.stdout_text;
  std::vector<std::string> out;
  for (const auto& l : run.eve_lines)
    if (l.find("\"event_type\":\"stats\"") == std::string::npos && !is_tunnel_endpoint_record(l))
      out.push_back(without_field(without_field(l, "pcap_cnt"), "pcap_filename"));
  return out;
}

std::vector<std::string> tunnel_captures() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(pcap_dir())) {
    const std::string n = e.path().filename().string();
    if (n.rfind("tunnel-", 0) == 0 && n.rfind("tunnel-plain", 0) != 0 &&
        e.path().extension() == ".pcap")
      out.push_back(n);
  }
  std::sort(out.begin(), out.end());
  return out;
}

class TunnelPcap : public ::testing::TestWithParam<std::string> {};

TEST_P(TunnelPcap, SameRecordsAsThePlainCapture) {
  const std::string pcap = GetParam();
  const bool v6 = pcap.find("6in4") != std::string::npos;
  const auto plain = comparable_records(v6 ? "tunnel-plain-v6.pcap" : "tunnel-plain.pcap", pcap);
  const auto got = comparable_records(pcap, pcap);
  ASSERT_FALSE(plain.empty());
  // The plain upload yields personal-data records; the tunnel must yield the same ones.
  EXPECT_TRUE(std::any_of(plain.begin(), plain.end(),
                          [](const auto& l) { return l.find("\"kg_pin\"") != std::string::npos; }));
  ASSERT_EQ(got.size(), plain.size()) << pcap;
  for (std::size_t i = 0; i < plain.size(); ++i) EXPECT_EQ(got[i], plain[i]) << "record " << i;
}

INSTANTIATE_TEST_SUITE_P(Tunnels, TunnelPcap, ::testing::ValuesIn(tunnel_captures()),
                         [](const auto& info) {
                           std::string n = fs::path(info.param).stem().string();
                           std::replace_if(
                               n.begin(), n.end(), [](char c) { return !std::isalnum(c); }, '_');
                           return n;
                         });

}  // namespace
}  // namespace korgoo::e2e
