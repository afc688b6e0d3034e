#include "fuzz/decode_entry_points.h"

#include "decode/decoder.h"

namespace korgoo::decode {

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
