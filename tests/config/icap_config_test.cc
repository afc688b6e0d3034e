// The icap: section's keys that the service machinery depends on: icap.threads (auto or a
// count) and block page templates named relative to the configuration file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "config/config_error.h"
#include "config/korgoo_config.h"

namespace korgoo::config {
namespace {

namespace fs = std::filesystem;

Config load_text(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "korgoo-test-icap-config" / "etc";
  fs::create_directories(dir);
  const fs::path file = dir / (name + ".yaml");
  std::ofstream(file) << text;
  return load_config(file, dir);
}

TEST(IcapConfig, ThreadsDefaultToOnePerCore) {
  EXPECT_EQ(load_text("none", "icap: {enabled: true}\n").icap.threads, 0u);
  EXPECT_EQ(load_text("auto", "icap: {threads: auto}\n").icap.threads, 0u);
  EXPECT_EQ(load_text("three", "icap: {threads: 3}\n").icap.threads, 3u);
}

TEST(IcapConfig, ZeroThreadsIsRefused) {
  EXPECT_THROW(load_text("zero", "icap: {threads: 0}\n"), ConfigError);
}

TEST(IcapConfig, BlockPageTemplatesAreRelativeToTheConfigFile) {
  const auto c = load_text("pages",
                           "icap:\n  block_page:\n    html_file: pages/block.html\n"
                           "    json_file: /srv/block.json\n");
  const fs::path dir = fs::temp_directory_path() / "korgoo-test-icap-config" / "etc";
  EXPECT_EQ(c.icap.block_page.html_file, (dir / "pages/block.html").string());
  EXPECT_EQ(c.icap.block_page.json_file, "/srv/block.json");  // absolute: as given
}

}  // namespace
}  // namespace korgoo::config
