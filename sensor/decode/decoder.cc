#include "decode/decoder.h"

#include <algorithm>

#include "decode/ipv4_header.h"
#include "decode/ipv6_header.h"
#include "decode/link_layer.h"
#include "decode/transport.h"
#include "decode/tunnels.h"

namespace korgoo::decode {

namespace {

constexpr std::uint8_t kProtoIpip = 4;
constexpr std::uint8_t kProtoTcp = 6;
constexpr std::uint8_t kProtoUdp = 17;
constexpr std::uint8_t kProtoIpv6 = 41;
constexpr std::uint8_t kProtoGre = 47;

bool has_port(const std::vector<std::uint16_t>& ports, std::uint16_t port) {
  return std::find(ports.begin(), ports.end(), port) != ports.end();
}

FragKey fragment_key(const IpAddress& src, const IpAddress& dst, std::uint32_t id,
                     std::uint8_t proto, const DecodedPacket& out) {
  FragKey k;
  k.src = src.bytes();
  k.dst = dst.bytes();
  k.id = id;
  k.proto = proto;
  k.family = src.family();
  k.vlan = {out.vlan[0], out.vlan[1]};
  return k;
}

}  // namespace

Decoder::Decoder(const DecodeConfig& cfg) : cfg_(cfg), defrag_(cfg) {}

DecodeResult Decoder::decode(const source::Packet& pkt, DecodedPacket& out) {
  out = DecodedPacket{};
  out.ts = pkt.ts;
  out.number = pkt.number;
  last_error_ = DecodeError::kNone;
  ++stats_.packets;
  stats_.bytes += pkt.data.size();
  defrag_.expire(pkt.ts, stats_.frag);

  const DecodeResult r = decode_link_result(decode_link(pkt.link, pkt.data, out.vlan), out);
  if (r == DecodeResult::kOk && out.layers > 0) ++stats_.tunneled;
  return r;
}

DecodeResult Decoder::decode_link_result(const LinkResult& link, DecodedPacket& out) {
  switch (link.next) {
    case NetworkLayer::kIpv4:
      return decode_ipv4(link.l3, out);
    case NetworkLayer::kIpv6:
      return decode_ipv6(link.l3, out);
    case NetworkLayer::kEthertype:
      return decode_ethertype(link.ethertype, link.l3, Undecoded::kUnknownEthertype, out);
    case NetworkLayer::kNotIp:
      return skip(Undecoded::kUnknownEthertype, out);
    case NetworkLayer::kIgnored:
      if (out.layers == 0) {
        ++stats_.undecoded[static_cast<std::size_t>(Undecoded::kLlc)];
        ++stats_.non_ip;
        return DecodeResult::kIgnored;
      }
      return skip(Undecoded::kLlc, out);
    case NetworkLayer::kError:
      break;
  }
  return fail(link.error);
}

DecodeResult Decoder::decode_ethernet(ByteView frame, DecodedPacket& out) {
  // VLAN tags of a frame inside a tunnel belong to the overlay, not to the capture point: the
  // flow key keeps the outer ones.
  std::uint16_t overlay_vlan[2] = {0, 0};
  return decode_link_result(decode_link(source::LinkType::kEthernet, frame, overlay_vlan), out);
}

DecodeResult Decoder::decode_ethertype(std::uint16_t type, ByteView bytes, Undecoded if_unknown,
                                       DecodedPacket& out) {
  switch (type) {
    case ethertype::kIpv4:
      return decode_ipv4(bytes, out);
    case ethertype::kIpv6:
      return decode_ipv6(bytes, out);
    case ethertype::kTeb:
      return decode_ethernet(bytes, out);  // the GRE/Geneve header already counted as a layer
    case ethertype::kErspan2:
      return follow(parse_erspan2(bytes), out);
    case ethertype::kErspan3:
      return follow(parse_erspan3(bytes), out);
    case ethertype::kPpp:
      return follow(parse_ppp(bytes), out);
    case ethertype::kMplsUnicast:
    case ethertype::kMplsMulticast:
      return follow(parse_mpls(bytes), out);
    case ethertype::kPppoeSession:
      return follow(parse_pppoe_session(bytes), out);
    case ethertype::kNsh:
      return follow(parse_nsh(bytes), out);
    case ethertype::kPppoeDiscovery:
      return skip(Undecoded::kPppoeDiscovery, out);
    default:
      return skip(if_unknown, out);
  }
}

DecodeResult Decoder::follow(const EncapStep& step, DecodedPacket& out) {
  if (step.next == Inner::kError) return fail(step.error);
  if (step.next == Inner::kUndecoded) {
    // A tunnel header parsed, but what it carries is not followed: nothing to deliver.
    ++stats_.undecoded[static_cast<std::size_t>(step.undecoded)];
    return DecodeResult::kUndecoded;
  }
  if (out.layers >= cfg_.max_layers) return fail(DecodeError::kEncapTooDeep);
  if (!out.carrier.present && out.ip_len != 0) remember_carrier(out);
  ++out.layers;
  switch (step.next) {
    case Inner::kEthernet:
      return decode_ethernet(step.bytes, out);
    case Inner::kEthertype:
      return decode_ethertype(step.ethertype, step.bytes, step.undecoded, out);
    case Inner::kIpv4:
      return decode_ipv4(step.bytes, out);
    case Inner::kIpv6:
      return decode_ipv6(step.bytes, out);
    case Inner::kPpp:
      return follow(parse_ppp(step.bytes), out);
    case Inner::kMpls:
      return follow(parse_mpls(step.bytes), out);
    case Inner::kNsh:
      return follow(parse_nsh(step.bytes), out);
    case Inner::kUndecoded:
    case Inner::kError:
      break;
  }
  return fail(DecodeError::kEncapTooDeep);  // unreachable: both handled above
}

void Decoder::remember_carrier(DecodedPacket& out) {
  TunnelCarrier& c = out.carrier;
  c.present = true;
  c.src = out.src;
  c.dst = out.dst;
  c.ip_proto = out.ip_proto;
  c.l4 = out.l4;
  c.src_port = out.src_port;
  c.dst_port = out.dst_port;
  c.ip_len = out.ip_len;
}

DecodeResult Decoder::skip(Undecoded why, DecodedPacket& out) {
  ++stats_.undecoded[static_cast<std::size_t>(why)];
  if (out.layers > 0) return DecodeResult::kUndecoded;
  // At the capture's own link layer this is what it always was: a frame that carries no IP.
  ++stats_.non_ip;
  return DecodeResult::kNotIp;
}

void Decoder::expire_fragments(Timestamp now) {
  defrag_.expire(now, stats_.frag);
}

DecodeResult Decoder::decode_ipv4(ByteView l3, DecodedPacket& out) {
  Ipv4Header h;
  if (const DecodeError e = parse_ipv4(l3, h); e != DecodeError::kNone) return fail(e);
  if (!out.reassembled && out.layers == 0) ++stats_.ipv4;
  out.src = h.src;
  out.dst = h.dst;
  out.ip_proto = h.proto;
  if (h.is_fragment()) {
    // A reassembled header has MF and offset cleared, so this never recurses. A fragment
    // inside an already reassembled datagram (fragmented inner IP in a fragmented tunnel)
    // would need a second reassembly buffer per packet: refused and counted.
    if (out.reassembled) return fail(DecodeError::kFragNested);
    const Fragment f{fragment_key(h.src, h.dst, h.id, h.proto, out),
                     h.header,
                     0,
                     h.frag_offset,
                     h.more_fragments,
                     h.payload};
    return reassemble(f, out);
  }
  out.ip_len = static_cast<std::uint32_t>(h.total_length());
  return decode_upper(h.proto, h.payload, out);
}

DecodeResult Decoder::decode_ipv6(ByteView l3, DecodedPacket& out) {
  Ipv6Header h;
  if (const DecodeError e = parse_ipv6(l3, h); e != DecodeError::kNone) return fail(e);
  if (!out.reassembled && out.layers == 0) ++stats_.ipv6;
  out.src = h.src;
  out.dst = h.dst;
  out.ip_proto = h.proto;
  if (h.frag.present) {
    // A second Fragment header inside a reassembled datagram: fragments of fragments are not
    // something any stack produces, and following them would let one packet recurse.
    if (out.reassembled) return fail(DecodeError::kFragNested);
    const Fragment f{fragment_key(h.src, h.dst, h.frag.id, h.frag.next_header, out),
                     h.packet.first(h.frag.unfragmentable),
                     h.frag.next_header_pos,
                     h.frag.offset,
                     h.frag.more,
                     h.payload};
    return reassemble(f, out);
  }
  out.ip_len = static_cast<std::uint32_t>(h.packet.size());
  return decode_upper(h.proto, h.payload, out);
}

DecodeResult Decoder::reassemble(const Fragment& f, DecodedPacket& out) {
  const DefragResult r = defrag_.add(f, out.ts, reassembled_, stats_.frag);
  switch (r.status) {
    case DefragResult::Status::kHeld:
      return DecodeResult::kFragmentHeld;
    case DefragResult::Status::kDropped:
      return DecodeResult::kIgnored;
    case DefragResult::Status::kError:
      return fail(r.error);
    case DefragResult::Status::kComplete:
      break;
  }
  // Decode the whole datagram again from its header, so that the transport header is read
  // from the reassembled bytes and nothing from the last fragment's own header leaks through.
  out.reassembled = true;
  if (f.key.family == IpAddress::Family::kV4) {
    finish_reassembled_ipv4(reassembled_);
    return decode_ipv4(reassembled_, out);
  }
  finish_reassembled_ipv6(reassembled_, r.next_header_pos, f.key.proto);
  return decode_ipv6(reassembled_, out);
}

DecodeResult Decoder::decode_upper(std::uint8_t proto, ByteView payload, DecodedPacket& out) {
  if (proto == kProtoTcp) {
    bool bad_options = false;
    if (const DecodeError e = decode_tcp(payload, out, bad_options); e != DecodeError::kNone)
      return fail(e);
    if (bad_options) ++stats_.tcp_bad_options;
    ++stats_.tcp;
    return DecodeResult::kOk;
  }
  if (proto == kProtoUdp) {
    if (const DecodeError e = decode_udp(payload, out); e != DecodeError::kNone) return fail(e);
    return decode_udp_tunnel(out);
  }
  if (proto == kProtoIpip) return follow(EncapStep::to(Inner::kIpv4, payload), out);
  if (proto == kProtoIpv6) return follow(EncapStep::to(Inner::kIpv6, payload), out);
  if (proto == kProtoGre) return follow(parse_gre(payload), out);
  // ICMP, ESP, SCTP, ...: delivered so that the flow is seen, but nothing inside is decoded.
  out.l4 = L4Proto::kOther;
  out.src_port = out.dst_port = 0;  // not an outer tunnel's UDP ports
  out.payload = payload;
  ++stats_.other_ip;
  ++stats_.undecoded[static_cast<std::size_t>(Undecoded::kUnknownIpProto)];
  return DecodeResult::kOk;
}

DecodeResult Decoder::decode_udp_tunnel(DecodedPacket& out) {
  EncapStep step;
  if (has_port(cfg_.vxlan_ports, out.dst_port)) {
    step = parse_vxlan(out.payload);
  } else if (has_port(cfg_.vxlan_gpe_ports, out.dst_port)) {
    step = parse_vxlan_gpe(out.payload);
  } else if (has_port(cfg_.geneve_ports, out.dst_port)) {
    step = parse_geneve(out.payload);
  } else {
    ++stats_.udp;
    return DecodeResult::kOk;
  }
  if (step.next == Inner::kError) {
    // A port is only a guess at what the datagram holds: an application that happens to use
    // it still gets its datagram, and the mismatch is counted.
    ++stats_.errors[static_cast<std::size_t>(step.error)];
    ++stats_.udp;
    return DecodeResult::kOk;
  }
  return follow(step, out);
}

DecodeResult Decoder::fail(DecodeError e) {
  last_error_ = e;
  ++stats_.errors[static_cast<std::size_t>(e)];
  return DecodeResult::kError;
}

}  // namespace korgoo::decode
