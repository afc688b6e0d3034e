#include "decode/decoder.h"

#include "decode/ipv4_header.h"
#include "decode/ipv6_header.h"
#include "decode/link_layer.h"
#include "decode/transport.h"

namespace korgoo::decode {

namespace {

constexpr std::uint8_t kProtoTcp = 6;
constexpr std::uint8_t kProtoUdp = 17;

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

Decoder::Decoder(const DecodeConfig& cfg) : defrag_(cfg) {}

DecodeResult Decoder::decode(const source::Packet& pkt, DecodedPacket& out) {
  out = DecodedPacket{};
  out.ts = pkt.ts;
  out.number = pkt.number;
  last_error_ = DecodeError::kNone;
  ++stats_.packets;
  stats_.bytes += pkt.data.size();
  defrag_.expire(pkt.ts, stats_.frag);

  const LinkResult link = decode_link(pkt.link, pkt.data, out.vlan);
  switch (link.next) {
    case NetworkLayer::kIpv4:
      return decode_ipv4(link.l3, out);
    case NetworkLayer::kIpv6:
      return decode_ipv6(link.l3, out);
    case NetworkLayer::kNotIp:
      ++stats_.non_ip;
      return DecodeResult::kNotIp;
    case NetworkLayer::kIgnored:
      ++stats_.non_ip;
      return DecodeResult::kIgnored;
    case NetworkLayer::kError:
      break;
  }
  return fail(link.error);
}

void Decoder::expire_fragments(Timestamp now) {
  defrag_.expire(now, stats_.frag);
}

DecodeResult Decoder::decode_ipv4(ByteView l3, DecodedPacket& out) {
  Ipv4Header h;
  if (const DecodeError e = parse_ipv4(l3, h); e != DecodeError::kNone) return fail(e);
  if (!out.reassembled) ++stats_.ipv4;
  out.src = h.src;
  out.dst = h.dst;
  out.ip_proto = h.proto;
  if (h.is_fragment()) {
    // A reassembled header has MF and offset cleared, so this never recurses.
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
  if (!out.reassembled) ++stats_.ipv6;
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
  } else if (proto == kProtoUdp) {
    if (const DecodeError e = decode_udp(payload, out); e != DecodeError::kNone) return fail(e);
    ++stats_.udp;
  } else {
    out.l4 = L4Proto::kOther;
    out.payload = payload;
    ++stats_.other_ip;
  }
  return DecodeResult::kOk;
}

DecodeResult Decoder::fail(DecodeError e) {
  last_error_ = e;
  ++stats_.errors[static_cast<std::size_t>(e)];
  return DecodeResult::kError;
}

void fuzz_decode(ByteView data, source::LinkType link) {
  DecodeConfig cfg;
  cfg.frag_hash_seed = 1;  // reproducible runs; no need for random_device per input
  Decoder decoder(cfg);
  source::Packet pkt;
  pkt.data = data;
  pkt.wire_len = static_cast<std::uint32_t>(data.size());
  pkt.link = link;
  DecodedPacket out;
  decoder.decode(pkt, out);
}

}  // namespace korgoo::decode
