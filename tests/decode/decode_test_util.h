// A decoder plus the result of its last call, so that tests read as "decode this, expect that".
#pragma once

#include "decode/decoder.h"
#include "decode/packet_builder.h"

namespace korgoo::decode::test_packets {

struct Harness {
  explicit Harness(const DecodeConfig& cfg = {}) : decoder(cfg) {}

  DecodeResult feed(const Bytes& frame, source::LinkType link = source::LinkType::kEthernet,
                    std::int64_t ts_usec = 1'000'000) {
    frames.push_back(frame);  // keep the bytes alive while `out` may point into them
    return decoder.decode(packet(frames.back(), link, ts_usec, ++number), out);
  }
  DecodeResult feed_raw(const Bytes& ip_packet, std::int64_t ts_usec = 1'000'000) {
    return feed(ip_packet, source::LinkType::kRaw, ts_usec);
  }
  const DecodeStats& stats() const { return decoder.stats(); }
  DecodeError error() const { return decoder.last_error(); }

  Decoder decoder;
  DecodedPacket out;
  std::vector<Bytes> frames;
  std::uint64_t number = 0;
};

}  // namespace korgoo::decode::test_packets
