#include "output/eve_writer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/eve_header.h"

namespace korgoo::output {
namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(EveHeader, FieldsComeInSuricataOrder) {
  EveHeader h;
  h.ts = Timestamp::from_sec_usec(1458728707, 5);
  h.event_type = "flow";
  h.flow_id = 42;
  h.src_ip = *IpAddress::parse("10.0.0.1");
  h.src_port = 1234;
  h.dest_ip = *IpAddress::parse("8.8.8.8");
  h.dest_port = 80;
  h.ip_proto = 6;
  h.app_proto = "http";
  EXPECT_EQ(make_record(h, false).dump(),
            R"({"timestamp":"2016-03-23T10:25:07.000005+0000","flow_id":42,"event_type":"flow",)"
            R"("src_ip":"10.0.0.1","src_port":1234,"dest_ip":"8.8.8.8","dest_port":80,)"
            R"("proto":"TCP","app_proto":"http"})");
}

TEST(EveHeader, NoPortsForOtherProtocolsAndNoAddressesForStats) {
  EveHeader h;
  h.event_type = "flow";
  h.flow_id = 1;
  h.src_ip = *IpAddress::parse("10.0.0.1");
  h.dest_ip = *IpAddress::parse("10.0.0.2");
  h.ip_proto = 1;
  auto r = make_record(h, false);
  EXPECT_FALSE(r.contains("src_port"));
  EXPECT_EQ(r["proto"], "ICMP");
  EveHeader s;
  s.event_type = "stats";
  auto st = make_record(s, false);
  EXPECT_FALSE(st.contains("src_ip"));
  EXPECT_FALSE(st.contains("flow_id"));
}

TEST(EveWriter, WritesOneEscapedLinePerRecordAndCountsTypes) {
  const auto path = std::filesystem::temp_directory_path() / "korgoo_eve_writer_test.json";
  {
    EveWriter w(path);
    Json a = {{"event_type", "http"}, {"x", std::string("quote\" nl\n ctl\x01")}};
    Json b = {{"event_type", "http"}, {"bad_utf8", std::string("\xff\xfe ok")}};
    w.write(a);
    w.write(b);
    EXPECT_EQ(w.records(), 2u);
    EXPECT_EQ(w.by_type().at("http"), 2u);
  }
  const std::string text = read_all(path);
  EXPECT_EQ(text,
            "{\"event_type\":\"http\",\"x\":\"quote\\\" nl\\n ctl\\u0001\"}\n"
            "{\"event_type\":\"http\",\"bad_utf8\":\"\xEF\xBF\xBD\xEF\xBF\xBD ok\"}\n");
  std::filesystem::remove(path);
}

TEST(EveWriter, AppendsCreatesWithItsModeAndWritesAtOnceWithZeroInterval) {
  const auto path = std::filesystem::temp_directory_path() / "korgoo_eve_append_test.json";
  std::filesystem::remove(path);
  EveFileOptions opt;
  opt.mode = 0640;
  opt.flush_interval = std::chrono::milliseconds(0);
  {
    EveWriter w(path, opt);
    w.write(Json{{"event_type", "a"}});
    EXPECT_EQ(read_all(path), "{\"event_type\":\"a\"}\n");  // on disk before close
  }
  {
    EveWriter w(path, opt);  // a restart
    w.write(Json{{"event_type", "b"}});
  }
  EXPECT_EQ(read_all(path), "{\"event_type\":\"a\"}\n{\"event_type\":\"b\"}\n");
  const auto perms = std::filesystem::status(path).permissions();
  EXPECT_EQ(static_cast<unsigned>(perms) & 0777u, 0640u);
  std::filesystem::remove(path);
}

TEST(EveWriter, BuffersUntilFlushWithAnInterval) {
  const auto path = std::filesystem::temp_directory_path() / "korgoo_eve_buffer_test.json";
  std::filesystem::remove(path);
  EveFileOptions opt;
  opt.flush_interval = std::chrono::hours(1);
  EveWriter w(path, opt);
  w.write(Json{{"event_type", "a"}});
  EXPECT_EQ(read_all(path), "");
  w.flush_if_due();
  EXPECT_EQ(read_all(path), "");
  EXPECT_TRUE(w.flush());
  EXPECT_EQ(read_all(path), "{\"event_type\":\"a\"}\n");
  std::filesystem::remove(path);
}

TEST(EveWriter, AFullDeviceCountsLostRecordsAndKeepsGoing) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  EveFileOptions opt;
  opt.flush_interval = std::chrono::milliseconds(0);
  EveWriter w("/dev/full", opt);
  w.write(Json{{"event_type", "a"}});
  w.write(Json{{"event_type", "b"}});
  EXPECT_EQ(w.lost(), 2u);
  EXPECT_EQ(w.write_errors(), 2u);
  EXPECT_EQ(w.records(), 0u);
}

TEST(EveWriter, UnwritablePathNamesIt) {
  try {
    EveWriter w("/nonexistent-dir/eve.json");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/eve.json"), std::string::npos);
  }
}

}  // namespace
}  // namespace korgoo::output
