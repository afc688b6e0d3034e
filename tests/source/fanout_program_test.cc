// The fanout program run by a small interpreter of the classic BPF instructions it uses,
// with the kernel's meaning of its two special loads (the packet's protocol, and offsets
// from the network header): the internal host picks the socket, both directions pick the
// same one, and the program stays correct however many prefixes home_networks holds. The
// live_fanout test runs it in a real kernel.
#include "source/fanout_program.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <vector>

namespace korgoo::source {
namespace {

struct Frame {
  std::uint16_t protocol;         // skb->protocol (host order)
  std::vector<std::uint8_t> net;  // from the network header on
};

// Runs `prog` on `f`; returns its result (the kernel then takes it modulo the sockets).
std::uint32_t run(const std::vector<sock_filter>& prog, const Frame& f) {
  std::uint32_t a = 0, x = 0;
  std::array<std::uint32_t, BPF_MEMWORDS> m{};
  for (std::size_t pc = 0; pc < prog.size(); ++pc) {
    const sock_filter& i = prog[pc];
    switch (i.code) {
      case BPF_LD | BPF_W | BPF_ABS:
        if (i.k == static_cast<std::uint32_t>(SKF_AD_OFF + SKF_AD_PROTOCOL)) {
          a = f.protocol;
        } else {
          const std::uint32_t off = i.k - static_cast<std::uint32_t>(SKF_NET_OFF);
          if (off + 4 > f.net.size()) return 0;  // the kernel ends the program with 0
          a = std::uint32_t{f.net[off]} << 24 | std::uint32_t{f.net[off + 1]} << 16 |
              std::uint32_t{f.net[off + 2]} << 8 | f.net[off + 3];
        }
        break;
      case BPF_LD | BPF_MEM:
        a = m.at(i.k);
        break;
      case BPF_LDX | BPF_MEM:
        x = m.at(i.k);
        break;
      case BPF_ST:
        m.at(i.k) = a;
        break;
      case BPF_ALU | BPF_AND | BPF_K:
        a &= i.k;
        break;
      case BPF_ALU | BPF_XOR | BPF_X:
        a ^= x;
        break;
      case BPF_ALU | BPF_RSH | BPF_K:
        a >>= i.k;
        break;
      case BPF_ALU | BPF_MUL | BPF_K:
        a *= i.k;
        break;
      case BPF_MISC | BPF_TAX:
        x = a;
        break;
      case BPF_JMP | BPF_JA:
        pc += i.k;
        break;
      case BPF_JMP | BPF_JEQ | BPF_K:
        pc += a == i.k ? i.jt : i.jf;
        break;
      case BPF_JMP | BPF_JEQ | BPF_X:
        pc += a == x ? i.jt : i.jf;
        break;
      case BPF_JMP | BPF_JGT | BPF_X:
        pc += a > x ? i.jt : i.jf;
        break;
      case BPF_RET | BPF_A:
        return a;
      case BPF_RET | BPF_K:
        return i.k;
      default:
        ADD_FAILURE() << "instruction the interpreter does not know: " << i.code;
        return 0;
    }
  }
  ADD_FAILURE() << "ran off the end of the program";
  return 0;
}

std::uint32_t mix(std::uint32_t v) {
  v ^= v >> 16;
  v *= 0x45d9f3bU;
  return v ^ (v >> 16);
}

Frame v4(const char* src, const char* dst) {
  Frame f{0x0800, std::vector<std::uint8_t>(40)};
  f.net[0] = 0x45;
  const auto s = IpAddress::parse(src)->bytes(), d = IpAddress::parse(dst)->bytes();
  std::copy(s.begin(), s.begin() + 4, f.net.begin() + 12);
  std::copy(d.begin(), d.begin() + 4, f.net.begin() + 16);
  return f;
}

Frame v6(const char* src, const char* dst) {
  Frame f{0x86dd, std::vector<std::uint8_t>(60)};
  f.net[0] = 0x60;
  const auto s = IpAddress::parse(src)->bytes(), d = IpAddress::parse(dst)->bytes();
  std::copy(s.begin(), s.end(), f.net.begin() + 8);
  std::copy(d.begin(), d.end(), f.net.begin() + 24);
  return f;
}

std::uint32_t v4_word(const char* a) {
  return IpAddress::parse(a)->v4_host_order();
}

std::uint32_t v6_fold(const char* a) {
  const auto b = IpAddress::parse(a)->bytes();
  std::uint32_t out = 0;
  for (int w = 0; w < 4; ++w)
    out ^= std::uint32_t{b[4 * w]} << 24 | std::uint32_t{b[4 * w + 1]} << 16 |
           std::uint32_t{b[4 * w + 2]} << 8 | b[4 * w + 3];
  return out;
}

CidrSet home() {
  CidrSet h;
  h.add(*Cidr::parse("10.0.0.0/8"));
  h.add(*Cidr::parse("192.168.0.0/16"));
  h.add(*Cidr::parse("fd00:1::/32"));
  return h;
}

TEST(FanoutProgram, TheInternalHostPicksWhicheverWayThePacketGoes) {
  const auto prog = fanout_program(home());
  const std::uint32_t want = mix(v4_word("10.1.2.3"));
  EXPECT_EQ(run(prog, v4("10.1.2.3", "203.0.113.9")), want);
  EXPECT_EQ(run(prog, v4("203.0.113.9", "10.1.2.3")), want);
  // The same host to another server: the same socket (per-host aggregation, FTP data).
  EXPECT_EQ(run(prog, v4("198.51.100.1", "10.1.2.3")), want);
  EXPECT_EQ(run(prog, v4("192.168.7.7", "8.8.8.8")), mix(v4_word("192.168.7.7")));
}

TEST(FanoutProgram, TransitAndInternalPairsPickTheLowerAddress) {
  const auto prog = fanout_program(home());
  EXPECT_EQ(run(prog, v4("203.0.113.9", "198.51.100.1")), mix(v4_word("198.51.100.1")));
  EXPECT_EQ(run(prog, v4("198.51.100.1", "203.0.113.9")), mix(v4_word("198.51.100.1")));
  EXPECT_EQ(run(prog, v4("10.9.0.1", "10.2.0.1")), mix(v4_word("10.2.0.1")));
  EXPECT_EQ(run(prog, v4("10.2.0.1", "10.9.0.1")), mix(v4_word("10.2.0.1")));
}

TEST(FanoutProgram, Ipv6AddressesAreComparedAndFoldedWhole) {
  const auto prog = fanout_program(home());
  const char* inside = "fd00:1::42";
  const char* outside = "2001:db8::1";
  EXPECT_EQ(run(prog, v6(inside, outside)), mix(v6_fold(inside)));
  EXPECT_EQ(run(prog, v6(outside, inside)), mix(v6_fold(inside)));
  // Outside the /32: transit, the lower address picks.
  const char* near = "fd00:8001::42";
  EXPECT_EQ(run(prog, v6(near, outside)), mix(v6_fold(outside)));
  // Equal first words: the next word decides.
  EXPECT_EQ(run(prog, v6("2001:db8::9", "2001:db8::1")), mix(v6_fold("2001:db8::1")));
  EXPECT_EQ(run(prog, v6("2001:db8::1", "2001:db8::9")), mix(v6_fold("2001:db8::1")));
}

TEST(FanoutProgram, NonIpGoesToTheFirstSocket) {
  const auto prog = fanout_program(home());
  EXPECT_EQ(run(prog, Frame{0x0806, std::vector<std::uint8_t>(28)}), 0u);
}

TEST(FanoutProgram, ManyPrefixesStillReachEveryLabel) {
  // Far more code than the 8-bit offsets of conditional jumps can span.
  CidrSet many;
  for (int i = 0; i < 150; ++i) many.add(*Cidr::parse("10." + std::to_string(i) + ".0.0/16"));
  const auto prog = fanout_program(many);
  EXPECT_GT(prog.size(), 256u);
  // The last prefix, far from the first jumps: the internal side still picks.
  EXPECT_EQ(run(prog, v4("10.149.1.1", "203.0.113.9")), mix(v4_word("10.149.1.1")));
  EXPECT_EQ(run(prog, v4("203.0.113.9", "10.149.1.1")), mix(v4_word("10.149.1.1")));
  // Just past it: transit; 10.150.1.1 is the lower address.
  EXPECT_EQ(run(prog, v4("203.0.113.9", "10.150.1.1")), mix(v4_word("10.150.1.1")));
}

TEST(FanoutProgram, AHomeListTooLongForTheKernelIsRefused) {
  CidrSet huge;
  for (int i = 0; i < 2000; ++i)
    huge.add(
        *Cidr::parse("10." + std::to_string(i / 250) + "." + std::to_string(i % 250) + ".0/24"));
  EXPECT_THROW(fanout_program(huge), std::runtime_error);
}

}  // namespace
}  // namespace korgoo::source
