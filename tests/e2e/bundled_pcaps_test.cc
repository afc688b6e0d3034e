// Every bundled capture in pcaps/ must have an expected EVE file in pcaps/expected/ and give
// exactly those records (stats records aside: their counters are checked by unit tests and
// would change with every new counter). Set KORGOO_UPDATE_EXPECTED=1 to rewrite the expected
// files after a deliberate change, then review the diff.
#include <gtest/gtest.h>

#include <algorithm>

#include "e2e/run_sensor.h"

namespace korgoo::e2e {
namespace {

std::vector<std::string> without_stats(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines)
    if (l.find("\"event_type\":\"stats\"") == std::string::npos) out.push_back(l);
  return out;
}

std::vector<fs::path> bundled_captures() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(source_dir() / "pcaps"))
    if (e.path().extension() == ".pcap") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Run from pcaps/ with the capture's bare name, so that pcap_filename is the same in every
// checkout.
std::string test_args(const fs::path& pcap) {
  return "-c test-config.yaml -r " + shell_quote(pcap.filename().string());
}

fs::path pcap_dir() {
  return source_dir() / "pcaps";
}

class BundledPcap : public ::testing::TestWithParam<fs::path> {};

TEST_P(BundledPcap, ProducesExpectedEve) {
  const fs::path pcap = GetParam();
  const fs::path expected = source_dir() / "pcaps" / "expected" / (pcap.stem().string() + ".json");
  const auto run =
      run_korgoo(test_args(pcap), scratch_dir("bundled-" + pcap.stem().string()), pcap_dir());
  ASSERT_EQ(run.exit_code, 0) << run.stdout_text;
  const auto got = without_stats(run.eve_lines);
  if (std::getenv("KORGOO_UPDATE_EXPECTED")) {
    std::ofstream out(expected);
    for (const auto& l : got) out << l << "\n";
    GTEST_SKIP() << "rewrote " << expected;
  }
  ASSERT_TRUE(fs::exists(expected))
      << "no expected output " << expected << " (run with KORGOO_UPDATE_EXPECTED=1 and review it)";
  std::vector<std::string> want;
  std::istringstream in(read_text(expected));
  for (std::string l; std::getline(in, l);) want.push_back(l);
  ASSERT_EQ(got.size(), want.size()) << "record count differs for " << pcap.filename();
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i], want[i]) << "record " << i;
}

TEST_P(BundledPcap, ReplayIsByteIdentical) {
  const fs::path pcap = GetParam();
  const auto a =
      run_korgoo(test_args(pcap), scratch_dir("det-a-" + pcap.stem().string()), pcap_dir());
  const auto b =
      run_korgoo(test_args(pcap), scratch_dir("det-b-" + pcap.stem().string()), pcap_dir());
  ASSERT_EQ(a.exit_code, 0) << a.stdout_text;
  EXPECT_FALSE(a.eve_text.empty());
  EXPECT_EQ(a.eve_text, b.eve_text);
}

INSTANTIATE_TEST_SUITE_P(Pcaps, BundledPcap, ::testing::ValuesIn(bundled_captures()),
                         [](const auto& info) {
                           std::string n = info.param.stem().string();
                           std::replace_if(
                               n.begin(), n.end(), [](char c) { return !std::isalnum(c); }, '_');
                           return n;
                         });

}  // namespace
}  // namespace korgoo::e2e
