// FlowDispatch keeps together what must meet in one worker of a parallel replay, and still
// spreads a network's hosts over every worker.
#include "engine/flow_dispatch.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace korgoo::engine {
namespace {

CidrSet home() {
  CidrSet s;
  s.add(*Cidr::parse("10.0.0.0/8"));
  s.add(*Cidr::parse("fc00::/7"));
  return s;
}

// An Ethernet frame holding an IPv4 header from `src` to `dst` (ports and payload do not
// matter to the dispatch; `fragment_offset` marks a later fragment, which has no ports).
std::vector<std::uint8_t> ipv4_frame(const char* src, const char* dst, std::uint16_t fragment = 0) {
  std::vector<std::uint8_t> f(14 + 20 + 8, 0);
  f[12] = 0x08;  // ethertype IPv4
  f[14] = 0x45;
  f[14 + 3] = 28;
  f[14 + 6] = static_cast<std::uint8_t>(fragment >> 8);
  f[14 + 7] = static_cast<std::uint8_t>(fragment);
  f[14 + 9] = 6;
  const auto s = IpAddress::parse(src)->bytes();
  const auto d = IpAddress::parse(dst)->bytes();
  std::copy(s.begin(), s.begin() + 4, f.begin() + 14 + 12);
  std::copy(d.begin(), d.begin() + 4, f.begin() + 14 + 16);
  return f;
}

std::vector<std::uint8_t> ipv6_frame(const char* src, const char* dst) {
  std::vector<std::uint8_t> f(14 + 40, 0);
  f[12] = 0x86;
  f[13] = 0xdd;
  f[14] = 0x60;
  f[14 + 6] = 59;  // no next header
  const auto s = IpAddress::parse(src)->bytes();
  const auto d = IpAddress::parse(dst)->bytes();
  std::copy(s.begin(), s.end(), f.begin() + 14 + 8);
  std::copy(d.begin(), d.end(), f.begin() + 14 + 24);
  return f;
}

unsigned worker_of(const FlowDispatch& d, const std::vector<std::uint8_t>& frame) {
  source::Packet p;
  p.link = source::LinkType::kEthernet;
  p.data = ByteView(frame.data(), frame.size());
  return d.worker_for(p);
}

TEST(FlowDispatch, BothDirectionsAndEveryFragmentGoToOneWorker) {
  const CidrSet h = home();
  const FlowDispatch d(h, 4);
  for (int i = 0; i < 32; ++i) {
    const std::string inside = "10.1.2." + std::to_string(i);
    const unsigned w = worker_of(d, ipv4_frame(inside.c_str(), "93.184.216.34"));
    EXPECT_EQ(worker_of(d, ipv4_frame("93.184.216.34", inside.c_str())), w);
    EXPECT_EQ(worker_of(d, ipv4_frame(inside.c_str(), "93.184.216.34", 0x00b9)), w);
  }
  const unsigned t = worker_of(d, ipv4_frame("8.8.8.8", "1.1.1.1"));  // transit
  EXPECT_EQ(worker_of(d, ipv4_frame("1.1.1.1", "8.8.8.8")), t);
  const unsigned v6 = worker_of(d, ipv6_frame("fd00::5", "2001:db8::1"));
  EXPECT_EQ(worker_of(d, ipv6_frame("2001:db8::1", "fd00::5")), v6);
}

TEST(FlowDispatch, AnInternalHostKeepsOneWorkerWhateverItTalksTo) {
  const CidrSet h = home();
  const FlowDispatch d(h, 4);
  const unsigned w = worker_of(d, ipv4_frame("10.9.9.9", "93.184.216.34"));
  for (const char* server : {"81.2.69.142", "193.99.144.80", "77.88.55.80", "8.8.8.8"})
    EXPECT_EQ(worker_of(d, ipv4_frame(server, "10.9.9.9")), w) << server;
}

TEST(FlowDispatch, HostsSpreadOverEveryWorker) {
  const CidrSet h = home();
  const FlowDispatch d(h, 4);
  std::vector<int> per_worker(4, 0);
  for (int i = 0; i < 256; ++i) {
    const std::string inside = "10.0." + std::to_string(i / 16) + "." + std::to_string(i % 16);
    ++per_worker.at(worker_of(d, ipv4_frame(inside.c_str(), "93.184.216.34")));
  }
  for (int n : per_worker) EXPECT_GT(n, 32) << "an unbalanced split";
}

TEST(FlowDispatch, WhatHasNoIpHeaderGoesToTheFirstWorker) {
  const CidrSet h = home();
  const FlowDispatch d(h, 4);
  std::vector<std::uint8_t> arp(60, 0);
  arp[12] = 0x08;
  arp[13] = 0x06;
  EXPECT_EQ(worker_of(d, arp), 0u);
  EXPECT_EQ(worker_of(d, std::vector<std::uint8_t>(10, 0)), 0u);  // cut short
  auto short_ip = ipv4_frame("10.0.0.1", "8.8.8.8");
  short_ip.resize(14 + 12);
  EXPECT_EQ(worker_of(d, short_ip), 0u);
}

TEST(FlowDispatch, OneWorkerTakesEverything) {
  const CidrSet h = home();
  const FlowDispatch d(h, 1);
  EXPECT_EQ(worker_of(d, ipv4_frame("10.0.0.1", "8.8.8.8")), 0u);
}

}  // namespace
}  // namespace korgoo::engine
