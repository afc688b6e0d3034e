// Issue 13: `file.encrypted` in a rule file fires on the flow that carried the encrypted zip of
// pcaps/pii-documents.pcap (no data is readable in it) and on no other flow of the capture.
#include <gtest/gtest.h>

#include <fstream>

#include "common/json.h"
#include "e2e/run_sensor.h"

namespace korgoo::e2e {
namespace {

TEST(EncryptedFileRule, FiresOnTheFlowThatCarriedTheEncryptedZip) {
  const fs::path dir = scratch_dir("encrypted-rule-in");
  fs::remove_all(dir);
  fs::create_directories(dir / "rules");
  std::ofstream(dir / "rules" / "local.yaml")
      << "rules:\n  - {id: 9100001, signature: encrypted file leaving, action: alert,\n"
         "     condition: {file.encrypted: true}}\n";
  std::ofstream(dir / "korgoo.yaml") << "home_networks: [10.0.0.0/8, 192.168.0.0/16]\n"
                                        "detect:\n  signatures: ["
                                     << (source_dir() / "signatures").string()
                                     << "]\n  hash_key: \"000102030405060708090a0b0c0d0e0f\"\n"
                                        "rules: [rules]\n";
  const auto run =
      run_korgoo("-c " + shell_quote((dir / "korgoo.yaml").string()) + " -r " +
                     shell_quote((source_dir() / "pcaps" / "pii-documents.pcap").string()),
                 scratch_dir("encrypted-rule-out"));
  ASSERT_EQ(run.exit_code, 0) << run.stdout_text;
  std::vector<Json> alerts;
  std::uint64_t encrypted_files = 0;
  for (const auto& line : run.eve_lines) {
    const Json rec = Json::parse(line);
    if (rec["event_type"] == "alert") alerts.push_back(rec);
    if (rec["event_type"] == "stats")
      encrypted_files = rec["stats"]["korgoo"]["app"]["encrypted_files"].get<std::uint64_t>();
  }
  ASSERT_EQ(alerts.size(), 1u) << run.eve_text;
  EXPECT_EQ(alerts[0]["alert"]["signature_id"], 9100001);
  EXPECT_EQ(alerts[0]["src_port"], 51204);  // the upload of secret.zip
  EXPECT_TRUE(alerts[0]["pii"].empty()) << "nothing in the encrypted member was readable";
  EXPECT_EQ(encrypted_files, 1u);
}

}  // namespace
}  // namespace korgoo::e2e
