// stream.urgent (issue 16): which receiver the reassembly follows for urgent data.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "config/config_error.h"
#include "config/korgoo_config.h"

namespace korgoo::config {
namespace {

namespace fs = std::filesystem;

stream::UrgentPolicy urgent_of(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "korgoo-test-urgent";
  fs::create_directories(dir);
  const fs::path file = dir / (name + ".yaml");
  std::ofstream(file) << text;
  return load_config(file, dir).stream.urgent;
}

TEST(StreamUrgentConfig, OobByDefaultInlineOnRequestOthersRefused) {
  EXPECT_EQ(urgent_of("none", "stream:\n  depth: 1mb\n"), stream::UrgentPolicy::kOob);
  EXPECT_EQ(urgent_of("inline", "stream:\n  urgent: inline\n"), stream::UrgentPolicy::kInline);
  EXPECT_EQ(urgent_of("oob", "stream:\n  urgent: oob\n"), stream::UrgentPolicy::kOob);
  EXPECT_THROW(urgent_of("bad", "stream:\n  urgent: drop\n"), ConfigError);
}

}  // namespace
}  // namespace korgoo::config
