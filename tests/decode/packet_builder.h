// Hand-built frames for the decode tests: each helper writes one header in front of a payload,
// so a test reads as the stack it builds (ether(kIpv4, ipv4({...}, tcp({...})))).
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "common/ip_address.h"
#include "decode/decoded_packet.h"
#include "source/packet.h"

namespace korgoo::decode::test_packets {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::uint16_t kEtherIpv4 = 0x0800;
inline constexpr std::uint16_t kEtherIpv6 = 0x86dd;
inline constexpr std::uint16_t kEtherArp = 0x0806;

inline void put16(Bytes& b, std::uint16_t v) {
  b.push_back(static_cast<std::uint8_t>(v >> 8));
  b.push_back(static_cast<std::uint8_t>(v));
}
inline void put32(Bytes& b, std::uint32_t v) {
  put16(b, static_cast<std::uint16_t>(v >> 16));
  put16(b, static_cast<std::uint16_t>(v));
}
inline Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}
inline Bytes text(std::string_view s) {
  return Bytes(s.begin(), s.end());
}
inline Bytes filled(std::size_t n, std::uint8_t v) {
  return Bytes(n, v);
}

inline IpAddress ip(std::string_view s) {
  return *IpAddress::parse(s);
}
inline Bytes addr_bytes(std::string_view s) {
  const IpAddress a = ip(s);
  const auto& b = a.bytes();
  return Bytes(b.begin(), b.begin() + (a.is_v4() ? 4 : 16));
}

// ---- transport ----

struct TcpSpec {
  std::uint16_t sport = 40000;
  std::uint16_t dport = 80;
  std::uint32_t seq = 1000;
  std::uint32_t ack = 2000;
  std::uint8_t flags = tcp_flags::kAck | tcp_flags::kPsh;
  std::uint16_t window = 512;
  Bytes options{};                            // padded with EOL to a multiple of 4
  std::optional<std::uint8_t> data_offset{};  // in 32-bit words; default from the options
};

inline Bytes tcp(const TcpSpec& s, const Bytes& payload = {}) {
  Bytes opts = s.options;
  while (opts.size() % 4) opts.push_back(0);
  Bytes b;
  put16(b, s.sport);
  put16(b, s.dport);
  put32(b, s.seq);
  put32(b, s.ack);
  const std::uint8_t doff =
      s.data_offset.value_or(static_cast<std::uint8_t>((20 + opts.size()) / 4));
  b.push_back(static_cast<std::uint8_t>(doff << 4));
  b.push_back(s.flags);
  put16(b, s.window);
  put16(b, 0);  // checksum: the decoder does not verify it
  put16(b, 0);  // urgent pointer
  return cat({b, opts, payload});
}

inline Bytes udp(std::uint16_t sport, std::uint16_t dport, const Bytes& payload,
                 std::optional<std::uint16_t> length = std::nullopt) {
  Bytes b;
  put16(b, sport);
  put16(b, dport);
  put16(b, length.value_or(static_cast<std::uint16_t>(8 + payload.size())));
  put16(b, 0);
  return cat({b, payload});
}

// ---- IPv4 ----

struct Ipv4Spec {
  std::string src = "10.0.0.1";
  std::string dst = "192.0.2.7";
  std::uint8_t proto = 6;
  std::uint16_t id = 0x1234;
  std::uint32_t frag_offset = 0;  // bytes, a multiple of 8
  bool mf = false;
  Bytes options{};  // padded with EOL to a multiple of 4
  std::uint8_t version = 4;
  std::optional<std::uint8_t> ihl{};            // in words; default from the options
  std::optional<std::uint16_t> total_length{};  // default: header + payload
};

inline Bytes ipv4(const Ipv4Spec& s, const Bytes& payload) {
  Bytes opts = s.options;
  while (opts.size() % 4) opts.push_back(0);
  const auto hlen = static_cast<std::uint16_t>(20 + opts.size());
  Bytes b;
  b.push_back(static_cast<std::uint8_t>((s.version << 4) | s.ihl.value_or(hlen / 4)));
  b.push_back(0);
  put16(b, s.total_length.value_or(static_cast<std::uint16_t>(hlen + payload.size())));
  put16(b, s.id);
  put16(b, static_cast<std::uint16_t>((s.mf ? 0x2000 : 0) | (s.frag_offset / 8)));
  b.push_back(64);
  b.push_back(s.proto);
  put16(b, 0);
  const Bytes src = addr_bytes(s.src), dst = addr_bytes(s.dst);
  b.insert(b.end(), src.begin(), src.end());
  b.insert(b.end(), dst.begin(), dst.end());
  return cat({b, opts, payload});
}

// ---- IPv6 ----

inline constexpr std::uint8_t kHopByHop = 0, kTcp = 6, kUdp = 17, kRouting = 43, kFragment = 44,
                              kEsp = 50, kAh = 51, kIcmpv6 = 58, kNoNext = 59, kDestOpts = 60;

inline Bytes ipv6(std::string_view src, std::string_view dst, std::uint8_t next_header,
                  const Bytes& payload, std::optional<std::uint16_t> payload_length = {}) {
  Bytes b;
  put32(b, 0x60000000);
  put16(b, payload_length.value_or(static_cast<std::uint16_t>(payload.size())));
  b.push_back(next_header);
  b.push_back(64);
  const Bytes s = addr_bytes(src), d = addr_bytes(dst);
  b.insert(b.end(), s.begin(), s.end());
  b.insert(b.end(), d.begin(), d.end());
  return cat({b, payload});
}
inline Bytes ipv6(const Bytes& payload, std::uint8_t next_header) {
  return ipv6("2001:db8::1", "2001:db8::2", next_header, payload);
}

// Hop-by-hop, routing or destination options: `units` extra 8-octet units, zero (Pad1) body.
inline Bytes ipv6_ext(std::uint8_t next_header, std::uint8_t units = 0) {
  Bytes b(8 * (std::size_t{units} + 1), 0);
  b[0] = next_header;
  b[1] = units;
  return b;
}
inline Bytes ipv6_frag(std::uint8_t next_header, std::uint32_t offset, bool more,
                       std::uint32_t id) {
  Bytes b{next_header, 0};
  put16(b, static_cast<std::uint16_t>(offset | (more ? 1 : 0)));
  put32(b, id);
  return b;
}
// AH with a 12-byte ICV: 24 bytes, length field (24 / 4) - 2 = 4.
inline Bytes ipv6_ah(std::uint8_t next_header) {
  Bytes b(24, 0xab);  // the tail is the ICV
  const std::uint8_t fixed[12] = {next_header, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};  // SPI, seq
  std::copy(std::begin(fixed), std::end(fixed), b.begin());
  return b;
}

// ---- link layers ----

struct VlanTag {
  std::uint16_t tpid;
  std::uint16_t id;
};

inline Bytes ether(std::uint16_t type, const Bytes& payload, std::vector<VlanTag> tags = {}) {
  Bytes b{0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2};
  for (const VlanTag& t : tags) {
    put16(b, t.tpid);
    put16(b, t.id);
  }
  put16(b, type);
  return cat({b, payload});
}
inline Bytes sll(std::uint16_t protocol, const Bytes& payload) {
  Bytes b;
  put16(b, 0);  // packet type: to us
  put16(b, 1);  // ARPHRD_ETHER
  put16(b, 6);
  for (int i = 0; i < 8; ++i) b.push_back(i < 6 ? 0x11 : 0);
  put16(b, protocol);
  return cat({b, payload});
}
inline Bytes sll2(std::uint16_t protocol, const Bytes& payload) {
  Bytes b;
  put16(b, protocol);
  put16(b, 0);
  put32(b, 3);     // ifindex
  put16(b, 1);     // ARPHRD_ETHER
  b.push_back(4);  // outgoing
  b.push_back(6);
  for (int i = 0; i < 8; ++i) b.push_back(i < 6 ? 0x22 : 0);
  return cat({b, payload});
}
inline Bytes null_link(std::uint32_t family, bool little_endian, const Bytes& payload) {
  Bytes b;
  if (little_endian) {
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(family >> (8 * i)));
  } else {
    put32(b, family);
  }
  return cat({b, payload});
}
inline Bytes chdlc(std::uint16_t protocol, const Bytes& payload) {
  Bytes b{0x0f, 0x00};
  put16(b, protocol);
  return cat({b, payload});
}

// The frame must outlive the packet: the packet borrows its bytes.
inline source::Packet packet(const Bytes& frame,
                             source::LinkType link = source::LinkType::kEthernet,
                             std::int64_t ts_usec = 1'000'000, std::uint64_t number = 1) {
  source::Packet p;
  p.ts = Timestamp{ts_usec};
  p.data = ByteView(frame.data(), frame.size());
  p.wire_len = static_cast<std::uint32_t>(frame.size());
  p.link = link;
  p.number = number;
  return p;
}

inline std::string str(ByteView v) {
  return std::string(v.begin(), v.end());
}

}  // namespace korgoo::decode::test_packets
