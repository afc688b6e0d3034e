// TCP (RFC 9293) and UDP (RFC 768) header parsing into a DecodedPacket.
#pragma once

#include "common/bytes.h"
#include "decode/decode_error.h"
#include "decode/decoded_packet.h"

namespace korgoo::decode {

// Fills ports, seq/ack, flags, window, MSS, window scale and timestamps, and the payload. An option
// list that runs off the header stops option parsing (Linux does the same and still accepts the
// segment) and sets `bad_options`; it is not an error.
DecodeError decode_tcp(ByteView segment, DecodedPacket& out, bool& bad_options);

// Fills ports and the payload, cut to the UDP length (bytes after it are IP-level padding).
DecodeError decode_udp(ByteView datagram, DecodedPacket& out);

}  // namespace korgoo::decode
