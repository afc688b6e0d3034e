#include "decode/transport.h"

#include <algorithm>

namespace korgoo::decode {

namespace {

constexpr std::size_t kTcpMinHeader = 20;
constexpr std::size_t kUdpHeader = 8;
constexpr std::uint8_t kOptEnd = 0, kOptNop = 1, kOptMss = 2, kOptWscale = 3, kOptTimestamp = 8,
                       kOptMd5 = 19, kOptAuth = 29;
constexpr std::uint8_t kMaxWscale = 14;  // RFC 7323 2.3: larger shifts are treated as 14

// Returns false when an option runs past the header.
bool parse_tcp_options(ByteView opts, DecodedPacket& out) {
  std::size_t i = 0;
  while (i < opts.size()) {
    const std::uint8_t kind = opts[i];
    if (kind == kOptEnd) return true;
    if (kind == kOptNop) {
      ++i;
      continue;
    }
    if (i + 1 >= opts.size()) return false;
    const std::uint8_t len = opts[i + 1];
    if (len < 2 || len > opts.size() - i) return false;
    if (kind == kOptMss && len == 4) {
      out.mss = load_be16(opts.data() + i + 2);
    } else if (kind == kOptWscale && len == 3) {
      out.wscale = std::min(opts[i + 2], kMaxWscale);
      out.has_wscale = true;
    } else if (kind == kOptMd5 || kind == kOptAuth) {
      out.signed_segment = true;
    } else if (kind == kOptTimestamp && len == 10) {
      out.has_ts = true;
      out.tsval = load_be32(opts.data() + i + 2);
      out.tsecr = load_be32(opts.data() + i + 6);
    }
    i += len;
  }
  return true;
}

}  // namespace

DecodeError decode_tcp(ByteView segment, DecodedPacket& out, bool& bad_options) {
  bad_options = false;
  if (segment.size() < kTcpMinHeader) return DecodeError::kTcpTruncated;
  const std::uint8_t* p = segment.data();
  const std::size_t doff = static_cast<std::size_t>(p[12] >> 4) * 4;
  // The IP layer has already checked that the whole segment was captured, so a header longer
  // than the segment is a lie in the header, not a short capture.
  if (doff < kTcpMinHeader || doff > segment.size()) return DecodeError::kTcpBadOffset;
  out.l4 = L4Proto::kTcp;
  out.src_port = load_be16(p);
  out.dst_port = load_be16(p + 2);
  out.seq = load_be32(p + 4);
  out.ack = load_be32(p + 8);
  out.flags = p[13];
  out.window = load_be16(p + 14);
  out.urgent_pointer = load_be16(p + 18);
  bad_options = !parse_tcp_options(segment.subspan(kTcpMinHeader, doff - kTcpMinHeader), out);
  out.payload = segment.subspan(doff);
  return DecodeError::kNone;
}

DecodeError decode_udp(ByteView datagram, DecodedPacket& out) {
  if (datagram.size() < kUdpHeader) return DecodeError::kUdpTruncated;
  const std::uint8_t* p = datagram.data();
  const std::size_t len = load_be16(p + 4);
  if (len < kUdpHeader || len > datagram.size()) return DecodeError::kUdpBadLength;
  out.l4 = L4Proto::kUdp;
  out.src_port = load_be16(p);
  out.dst_port = load_be16(p + 2);
  out.payload = datagram.subspan(kUdpHeader, len - kUdpHeader);
  return DecodeError::kNone;
}

}  // namespace korgoo::decode
