// The decode stage: one captured frame in, a bounds-checked DecodedPacket out. Link layer,
// IPv4/IPv6 (with extension headers and fragment reassembly), encapsulations (GRE, ERSPAN,
// VXLAN, Geneve, MPLS, PPPoE, NSH, IP-in-IP) down to the innermost IP packet, then TCP/UDP.
// The innermost packet is delivered; the outer IP header of an IP tunnel comes with it as
// `carrier`, so that the endpoints' flow can be counted (as Suricata does) without its payload
// being inspected a second time. Malformed input
// is a counted reason (DecodeStats::errors), never an exception or an out-of-bounds read.
//
// One Decoder per worker thread: it owns fragment state and is not thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "common/bytes.h"
#include "decode/decode_config.h"
#include "decode/decode_error.h"
#include "decode/decode_stats.h"
#include "decode/decoded_packet.h"
#include "decode/defragmenter.h"
#include "decode/encap_step.h"
#include "decode/link_layer.h"
#include "source/packet.h"

namespace korgoo::decode {

enum class DecodeResult : std::uint8_t {
  kOk,            // `out` is filled
  kFragmentHeld,  // an IP fragment was stored; nothing to deliver yet
  kError,         // malformed; counted, reason in last_error()
  kNotIp,         // a frame carrying something other than IP (ARP, ...); counted as non_ip
  kIgnored,       // nothing to deliver and not malformed: an 802.3/LLC frame (counted as
                  // non_ip), or a fragment whose datagram the memcap dropped (frag_evicted)
  kUndecoded,     // inside a tunnel, a payload we do not follow; counted in stats.undecoded
};

class Decoder {
 public:
  explicit Decoder(const DecodeConfig& cfg = {});

  // Views in `out` point into `pkt.data` or, when out.reassembled, into a buffer this decoder
  // owns; either way they are valid until the next call.
  DecodeResult decode(const source::Packet& pkt, DecodedPacket& out);

  // Expires incomplete fragment datagrams at packet time `now` (decode() does this itself;
  // this is for an idle worker whose clock moves on without packets).
  void expire_fragments(Timestamp now);

  const DecodeStats& stats() const { return stats_; }
  // The reason of the last decode() that returned kError; kNone otherwise.
  DecodeError last_error() const { return last_error_; }
  std::size_t fragments_pending() const { return defrag_.pending(); }
  std::size_t fragment_memory() const { return defrag_.memory_in_use(); }

 private:
  DecodeResult decode_ethertype(std::uint16_t type, ByteView bytes, Undecoded if_unknown,
                                DecodedPacket& out);
  DecodeResult decode_ethernet(ByteView frame, DecodedPacket& out);
  DecodeResult follow(const EncapStep& step, DecodedPacket& out);
  DecodeResult decode_udp_tunnel(DecodedPacket& out);
  DecodeResult skip(Undecoded why, DecodedPacket& out);
  // Keeps the outermost IP header (and UDP ports) the first time a tunnel inside it is entered.
  static void remember_carrier(DecodedPacket& out);
  DecodeResult decode_link_result(const LinkResult& link, DecodedPacket& out);
  DecodeResult decode_ipv4(ByteView l3, DecodedPacket& out);
  DecodeResult decode_ipv6(ByteView l3, DecodedPacket& out);
  DecodeResult decode_upper(std::uint8_t proto, ByteView payload, DecodedPacket& out);
  DecodeResult reassemble(const Fragment& f, DecodedPacket& out);
  DecodeResult fail(DecodeError e);

  DecodeConfig cfg_;
  DecodeStats stats_;
  Defragmenter defrag_;
  std::vector<std::uint8_t> reassembled_;  // the last completed datagram
  DecodeError last_error_ = DecodeError::kNone;
};

}  // namespace korgoo::decode
