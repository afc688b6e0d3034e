// Hand-built encapsulation headers for the tunnel tests, in the style of packet_builder.h:
// each helper writes one header in front of its payload.
#pragma once

#include "decode/packet_builder.h"

namespace korgoo::decode::test_packets {

inline constexpr std::uint16_t kEtherTeb = 0x6558, kEtherErspan2 = 0x88be, kEtherErspan3 = 0x22eb,
                               kEtherPpp = 0x880b, kEtherMpls = 0x8847, kEtherPppoeDisc = 0x8863,
                               kEtherPppoeSess = 0x8864, kEtherNsh = 0x894f;
inline constexpr std::uint8_t kIpip = 4, kIpv6InIp = 41, kGre = 47;

struct GreSpec {
  std::uint16_t proto = kEtherIpv4;
  std::uint8_t version = 0;
  bool checksum = false;
  std::optional<std::uint32_t> key{};
  std::optional<std::uint32_t> seq{};
  std::optional<std::uint32_t> ack{};  // version 1 only
  std::uint16_t extra_flags = 0;       // reserved / routing bits, for malformed cases
};

inline Bytes gre(const GreSpec& s, const Bytes& payload) {
  std::uint16_t flags = s.version | s.extra_flags;
  if (s.checksum) flags |= 0x8000;
  if (s.key) flags |= 0x2000;
  if (s.seq) flags |= 0x1000;
  if (s.ack) flags |= 0x0080;
  Bytes b;
  put16(b, flags);
  put16(b, s.proto);
  if (s.checksum) put32(b, 0);
  if (s.key) put32(b, *s.key);
  if (s.seq) put32(b, *s.seq);
  if (s.ack) put32(b, *s.ack);
  return cat({b, payload});
}

inline Bytes erspan2(const Bytes& frame, std::uint8_t version = 1) {
  Bytes b;
  put16(b, static_cast<std::uint16_t>((version << 12) | 10));  // version, VLAN 10
  put16(b, 0x0001);                                            // session id 1
  put32(b, 0);                                                 // index
  return cat({b, frame});
}

inline Bytes erspan3(const Bytes& frame, bool platform = false, std::uint8_t frame_type = 0,
                     std::uint8_t version = 2) {
  Bytes b;
  put16(b, static_cast<std::uint16_t>((version << 12) | 10));
  put16(b, 0x0001);
  put32(b, 0x01020304);  // timestamp
  put16(b, 0);           // security group tag
  put16(b, static_cast<std::uint16_t>((frame_type << 10) | (platform ? 1 : 0)));
  if (platform) put32(b, 0), put32(b, 0);
  return cat({b, frame});
}

inline Bytes vxlan(const Bytes& frame, std::uint8_t flags = 0x08) {
  Bytes b{flags, 0, 0, 0, 0, 0x12, 0x34, 0};  // VNI 0x1234
  return cat({b, frame});
}

inline Bytes vxlan_gpe(std::uint8_t next_proto, const Bytes& inner) {
  Bytes b{0x0c, 0, 0, next_proto, 0, 0x12, 0x34, 0};  // I and P flags
  return cat({b, inner});
}

inline Bytes geneve(const Bytes& inner, std::uint16_t proto = kEtherTeb,
                    std::uint8_t option_words = 0, std::uint8_t version = 0) {
  Bytes b{static_cast<std::uint8_t>((version << 6) | option_words), 0};
  put16(b, proto);
  put32(b, 0x00123400);  // VNI, reserved
  for (int i = 0; i < option_words * 4; ++i) b.push_back(0);
  return cat({b, inner});
}

// A stack of labels; the last gets the bottom-of-stack bit.
inline Bytes mpls(std::initializer_list<std::uint32_t> labels, const Bytes& payload) {
  Bytes b;
  std::size_t i = 0;
  for (const std::uint32_t label : labels) {
    const bool bottom = ++i == labels.size();
    put32(b, (label << 12) | (bottom ? 0x100u : 0u) | 64u);
  }
  return cat({b, payload});
}

inline Bytes ppp(std::uint16_t proto, const Bytes& payload, bool address_control = true) {
  Bytes b;
  if (address_control) b = {0xff, 0x03};
  put16(b, proto);
  return cat({b, payload});
}

inline Bytes pppoe_session(const Bytes& ppp_frame, std::uint8_t ver_type = 0x11,
                           std::optional<std::uint16_t> length = {}) {
  Bytes b{ver_type, 0x00};
  put16(b, 0x0042);  // session id
  put16(b, length.value_or(static_cast<std::uint16_t>(ppp_frame.size())));
  return cat({b, ppp_frame});
}

// NSH MD type 1 (length 6 words) or 2 (length 2 words, no metadata).
inline Bytes nsh(std::uint8_t next_proto, const Bytes& inner, std::uint8_t md_type = 1,
                 std::uint8_t version = 0) {
  const std::uint8_t words = md_type == 1 ? 6 : 2;
  Bytes b{static_cast<std::uint8_t>((version << 6) | 0x0f), static_cast<std::uint8_t>(0xc0 | words),
          md_type, next_proto};
  put32(b, 0x00000aff);  // service path 10, index 255
  for (int i = 2; i < words; ++i) put32(b, 0);
  return cat({b, inner});
}

}  // namespace korgoo::decode::test_packets
