// Settings that would blind the sensor without a word (issue 12 item 5) are refused at load,
// naming file:line:col and saying what the setting would have done.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "config/korgoo_config.h"

namespace korgoo::config {
namespace {

namespace fs = std::filesystem;

// Loads `text` as a korgoo.yaml; returns the error, or "" when it loaded.
std::string load_error(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "korgoo-test-blinding";
  fs::create_directories(dir);
  const fs::path file = dir / (name + ".yaml");
  std::ofstream(file) << text;
  try {
    load_config(file, dir);
  } catch (const ConfigError& e) {
    return std::string(e.what()).substr(dir.string().size() + 1);
  }
  return "";
}

TEST(BlindingConfig, ZeroStreamMemcapIsRefused) {
  const auto msg = load_error("stream0", "stream:\n  memcap: 0\n");
  EXPECT_EQ(msg.rfind("stream0.yaml:2:11: key 'stream.memcap': 0 turns off", 0), 0u) << msg;
}

TEST(BlindingConfig, ZeroPerFlowOutOfOrderCapIsRefused) {
  const auto msg = load_error("ooo0", "stream:\n  max_ooo_per_flow: 0kb\n");
  EXPECT_EQ(msg.rfind("ooo0.yaml:2:21: key 'stream.max_ooo_per_flow': 0 ", 0), 0u) << msg;
}

TEST(BlindingConfig, ZeroDefragMemcapIsRefused) {
  const auto msg = load_error("defrag0", "decode:\n  defrag:\n    memcap: 0\n");
  EXPECT_EQ(msg.rfind("defrag0.yaml:3:13: key 'decode.defrag.memcap': 0 would drop", 0), 0u) << msg;
}

TEST(BlindingConfig, ZeroAppCapsAreRefused) {
  EXPECT_NE(load_error("app0", "app:\n  max_header_bytes: 0\n").find("key 'app.max_header_bytes'"),
            std::string::npos);
  EXPECT_NE(load_error("app1", "app:\n  max_decompressed_bytes: 0\n")
                .find("key 'app.max_decompressed_bytes'"),
            std::string::npos);
}

// The file limits against bombs (issue 13): zero is refused with file:line, values load.
TEST(BlindingConfig, FileLimitsAreCheckedAndLoaded) {
  const auto out = load_error("file0", "app:\n  max_file_output_bytes: 0\n");
  EXPECT_EQ(out.rfind("file0.yaml:2:26: key 'app.max_file_output_bytes': 0 would inspect", 0), 0u)
      << out;
  const auto depth = load_error("depth0", "app:\n  max_archive_depth: 0\n");
  EXPECT_EQ(depth.rfind("depth0.yaml:2:22: key 'app.max_archive_depth'", 0), 0u) << depth;
  EXPECT_NE(load_error("entries0", "app:\n  max_archive_entries: 0\n")
                .find("key 'app.max_archive_entries'"),
            std::string::npos);
  EXPECT_NE(load_error("size0", "app:\n  max_archive_bytes: 0\n").find("app.max_archive_bytes"),
            std::string::npos);
  const fs::path dir = fs::temp_directory_path() / "korgoo-test-blinding";
  fs::create_directories(dir);
  std::ofstream(dir / "files.yaml") << "app:\n  max_file_output_bytes: 2mb\n  max_archive_bytes: "
                                       "1mb\n  max_archive_entries: 7\n  max_archive_depth: 2\n"
                                       "  max_pdf_bytes: 3mb\n  max_file_seconds: 5\n"
                                       "  file_sha256: false\n";
  const Config c = load_config(dir / "files.yaml", dir);
  EXPECT_EQ(c.app.max_file_output_bytes, 2u << 20);
  EXPECT_EQ(c.app.max_archive_bytes, 1u << 20);
  EXPECT_EQ(c.app.max_archive_entries, 7u);
  EXPECT_EQ(c.app.max_archive_depth, 2u);
  EXPECT_EQ(c.app.max_pdf_bytes, 3u << 20);
  EXPECT_EQ(c.app.max_file_millis, 5000u);
  EXPECT_FALSE(c.app.file_sha256);
  EXPECT_TRUE(app::AppLimits{}.file_sha256) << "on by default";
}

TEST(BlindingConfig, NonZeroCapsStillLoad) {
  EXPECT_EQ(load_error("caps", "stream:\n  memcap: 1mb\ndecode:\n  defrag:\n    memcap: 64kb\n"),
            "");
}

TEST(BlindingConfig, EmptyHomeNetworksIsRefused) {
  const auto msg = load_error("home", "home_networks: []\n");
  EXPECT_EQ(msg.rfind("home.yaml:1:16: key 'home_networks': an empty list", 0), 0u) << msg;
}

TEST(BlindingConfig, HostBitsInAPrefixAreRefused) {
  const auto msg = load_error("hostbits", "home_networks:\n  - 192.168.0.0/16\n  - 10.0.0.1/8\n");
  EXPECT_EQ(msg.rfind("hostbits.yaml:3:5: key 'home_networks': '10.0.0.1/8' has host bits set "
                      "(the prefix is 10.0.0.0/8)",
                      0),
            0u)
      << msg;
  EXPECT_NE(load_error("hostbits6", "home_networks: ['fd00::1/8']\n").find("host bits"),
            std::string::npos);
  EXPECT_EQ(load_error("host32", "home_networks: [10.0.0.1, 10.0.0.1/32, 'fd00::/8']\n"), "");
}

TEST(BlindingConfig, DuplicateKeysAreRefusedWithBothLines) {
  const auto msg =
      load_error("dup", "stream:\n  memcap: 64mb\n  depth: 1mb\n  memcap: 1kb\nflow: {}\n");
  EXPECT_EQ(msg.rfind("dup.yaml:4:3: key 'stream.memcap' given twice (first at line 2", 0), 0u)
      << msg;
  const auto top = load_error("duptop", "stream: {}\nflow: {}\nstream: {}\n");
  EXPECT_EQ(top.rfind("duptop.yaml:3:1: key 'stream' given twice (first at line 1", 0), 0u) << top;
}

TEST(BlindingConfig, DuplicateKeysInsidePolicyListsAreFound) {
  const auto msg =
      load_error("duppolicy",
                 "policy:\n  geo:\n    overrides:\n      - {prefix: 10.0.0.0/8, country: DE, "
                 "country: FR}\n");
  EXPECT_NE(msg.find("key 'policy.geo.overrides.country' given twice"), std::string::npos) << msg;
}

// Found by fuzz_config_yaml: a list as a key reached a reader's as<std::string>() and threw
// yaml-cpp's bad conversion, which named no file.
TEST(BlindingConfig, KeysThatAreNotWordsAreRefusedWithTheirLine) {
  const auto msg = load_error("listkey", "inline:\n  fail_open: true\n[]: 1\n");
  EXPECT_EQ(msg.rfind("listkey.yaml:3:1: key '?' is a list or a mapping", 0), 0u) << msg;
  const auto nested = load_error("mapkey", "stream:\n  ? {a: 1}\n  : 2\n");
  EXPECT_NE(nested.find("mapkey.yaml:2:5: key 'stream.?' is a list or a mapping"),
            std::string::npos)
      << nested;
}

}  // namespace
}  // namespace korgoo::config
