// Parsers of the encapsulation headers the decoder follows. Each checks its bounds and returns
// the next layer (EncapStep), a named error, or a counted reason for not going further.
#pragma once

#include "common/bytes.h"
#include "decode/encap_step.h"

namespace korgoo::decode {

namespace ethertype {
inline constexpr std::uint16_t kIpv4 = 0x0800;
inline constexpr std::uint16_t kIpv6 = 0x86dd;
inline constexpr std::uint16_t kTeb = 0x6558;  // transparent Ethernet bridging
inline constexpr std::uint16_t kErspan2 = 0x88be;
inline constexpr std::uint16_t kErspan3 = 0x22eb;
inline constexpr std::uint16_t kPpp = 0x880b;
inline constexpr std::uint16_t kMplsUnicast = 0x8847;
inline constexpr std::uint16_t kMplsMulticast = 0x8848;
inline constexpr std::uint16_t kPppoeDiscovery = 0x8863;
inline constexpr std::uint16_t kPppoeSession = 0x8864;
inline constexpr std::uint16_t kNsh = 0x894f;

}  // namespace ethertype

// GRE (RFC 2784/2890) version 0 with checksum, key and sequence number, and version 1
// (RFC 2637, PPTP) carrying PPP. ERSPAN type I (protocol 0x88BE without a sequence number)
// is returned as an Ethernet frame.
EncapStep parse_gre(ByteView gre);
// ERSPAN type II (8-byte header) and type III (12 bytes, plus 8 with the O flag).
EncapStep parse_erspan2(ByteView b);
EncapStep parse_erspan3(ByteView b);

// VXLAN (RFC 7348): I flag required; VXLAN-GPE (next protocol); Geneve (RFC 8926) with options.
EncapStep parse_vxlan(ByteView b);
EncapStep parse_vxlan_gpe(ByteView b);
EncapStep parse_geneve(ByteView b);

// An MPLS label stack (RFC 3032), up to kMaxMplsLabels; the payload type is taken from an
// explicit-null label, else guessed from its first nibble (4, 6, or 0 for a pseudowire control
// word followed by Ethernet, RFC 4448).
inline constexpr int kMaxMplsLabels = 16;
EncapStep parse_mpls(ByteView b);

// PPPoE session stage (RFC 2516) and the PPP frame inside it or inside GRE v1: address and
// control bytes optional, protocol field possibly compressed to one byte (RFC 1661).
EncapStep parse_pppoe_session(ByteView b);
EncapStep parse_ppp(ByteView b);

// Network Service Header (RFC 8300), MD types 1 and 2.
EncapStep parse_nsh(ByteView b);
// The layer named by an NSH / VXLAN-GPE next protocol number (1 IPv4, 2 IPv6, 3 Ethernet,
// 4 NSH, 5 MPLS); another number is counted as `if_unknown`.
EncapStep next_protocol_step(std::uint8_t next_protocol, ByteView rest, Undecoded if_unknown);

}  // namespace korgoo::decode
