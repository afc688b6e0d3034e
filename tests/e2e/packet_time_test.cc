// A replay judges dates in values against the capture's packet time, not the day it is run:
// the same PIN is valid in a capture taken after its birth date and not in one taken before,
// whatever the host's clock says. The PINs are synthetic (serial 00077).
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <string>

#include "decode/packet_builder.h"
#include "e2e/run_sensor.h"

namespace korgoo::e2e {
namespace {

namespace tp = decode::test_packets;

void put_le32(std::ofstream& out, std::uint32_t v) {
  const char b[4] = {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16),
                     static_cast<char>(v >> 24)};
  out.write(b, 4);
}

// A classic pcap (Ethernet) holding one UDP datagram with `payload`, stamped `unix_seconds`.
fs::path write_capture(const std::string& name, std::int64_t unix_seconds,
                       const std::string& payload) {
  const tp::Bytes frame =
      tp::ether(tp::kEtherIpv4, tp::ipv4({.proto = 17}, tp::udp(40000, 5000, tp::text(payload))));
  const fs::path dir = scratch_dir("packet-time-in");
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream out(path, std::ios::binary);
  for (std::uint32_t v : {0xa1b2c3d4u, 0x00040002u, 0u, 0u, 65535u, 1u}) put_le32(out, v);
  put_le32(out, static_cast<std::uint32_t>(unix_seconds));
  put_le32(out, 0);
  put_le32(out, static_cast<std::uint32_t>(frame.size()));
  put_le32(out, static_cast<std::uint32_t>(frame.size()));
  out.write(reinterpret_cast<const char*>(frame.data()),
            static_cast<std::streamsize>(frame.size()));
  return path;
}

// kg_pin findings in the replay's flow records (a line per flow; "kg_pin" only in `pii`).
std::size_t flows_with_pin(const SensorRun& run) {
  std::size_t n = 0;
  for (const auto& line : run.eve_lines)
    if (line.find("\"event_type\":\"flow\"") != std::string::npos &&
        line.find("\"kg_pin\"") != std::string::npos)
      ++n;
  return n;
}

// The PIN was seen and rejected for its date (the stats record's detect counters).
bool pin_rejected_for_date(const SensorRun& run) {
  return run.eve_text.find("\"kg_pin.bad_date\":1") != std::string::npos;
}

constexpr std::int64_t k2024Jan1 = 1704067200;
constexpr std::int64_t k2031Jan1 = 1924992000;

// Replays one datagram "pin <pin>" stamped `unix_seconds`.
SensorRun replay_pin(const std::string& name, std::int64_t unix_seconds, const std::string& pin) {
  const auto pcap = write_capture(name + ".pcap", unix_seconds, "pin " + pin + " \n");
  return run_korgoo("-r " + shell_quote(pcap.string()), scratch_dir("packet-time-" + name));
}

TEST(PacketTime, BirthDateAfterThePacketIsNoPin) {
  // Born 1 June 2024: long past by the host's clock, but after this capture was taken.
  const auto run = replay_pin("before", k2024Jan1, "20106202400077");
  ASSERT_EQ(run.exit_code, 0) << run.stdout_text;
  EXPECT_EQ(flows_with_pin(run), 0u);
  EXPECT_TRUE(pin_rejected_for_date(run));
}

TEST(PacketTime, BirthDateBeforeThePacketIsAPinWhateverTheHostDate) {
  // Born 1 June 2030 in a capture stamped 2031: valid by packet time even while the host's
  // clock says it is still in the future.
  const auto run = replay_pin("after", k2031Jan1, "20106203000077");
  ASSERT_EQ(run.exit_code, 0) << run.stdout_text;
  EXPECT_EQ(flows_with_pin(run), 1u);
  EXPECT_FALSE(pin_rejected_for_date(run));
}

}  // namespace
}  // namespace korgoo::e2e
