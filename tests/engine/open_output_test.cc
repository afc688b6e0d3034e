#include "engine/open_output.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace korgoo::engine {
namespace {

namespace fs = std::filesystem;

TEST(OpenOutput, TheEveKindWritesTheConfiguredFileAndCloseLetsGo) {
  const fs::path dir = fs::temp_directory_path() / "korgoo-open-output-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  config::OutputConfig c;
  c.eve_filename = "records.json";
  c.flush_interval = 0;
  auto out = open_output(kEveOutput, c, dir);
  EXPECT_EQ(out->describe(), (dir / "records.json").string());
  out->write(Json{{"event_type", "stats"}});
  out->close();
  out->write(Json{{"event_type", "stats"}});  // after close: counted, not written
  EXPECT_EQ(out->counts().records, 1u);       // the one written before close
  EXPECT_EQ(out->counts().lost, 1u);
  EXPECT_EQ(out->by_type().at("stats"), 2u);
  std::ifstream in(dir / "records.json");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "{\"event_type\":\"stats\"}\n");
  fs::remove_all(dir);
}

TEST(OpenOutput, AnUnregisteredKindIsRefused) {
  EXPECT_EQ(output_kinds(), (std::vector<std::string>{"eve"}));
  EXPECT_THROW(open_output("syslog", config::OutputConfig{}, fs::temp_directory_path()),
               std::invalid_argument);
}

}  // namespace
}  // namespace korgoo::engine
