// libFuzzer harness: one decoder fed many frames, so IPv4/IPv6 fragments of several packets
// meet in its defragmenter (overlaps, duplicates, timeouts, the memcap). Input: the first byte
// picks raw IPv4 or IPv6 framing, then frames of [2: length][1: milliseconds since the last
// frame][frame]. Checks that held fragment memory stays under the memcap.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "decode/decoder.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace korgoo;
  decode::DecodeConfig config;
  config.frag_hash_seed = 1;
  config.frag_memcap = 64 * 1024;
  config.frag_max_fragments = 32;
  config.frag_timeout_usec = 2 * kUsecPerSec;
  decode::Decoder decoder(config);
  fuzz::FuzzInput in(data, size);
  source::Packet pkt;
  pkt.link = in.u8() & 1 ? source::LinkType::kIpv6 : source::LinkType::kRaw;
  std::int64_t usec = 1'700'000'000LL * kUsecPerSec;
  decode::DecodedPacket out;
  while (!in.empty()) {
    const std::uint16_t len = in.u16();
    usec += std::int64_t{in.u8()} * 1000 * 20;
    pkt.data = in.bytes(len);
    pkt.wire_len = static_cast<std::uint32_t>(pkt.data.size());
    pkt.ts = Timestamp{usec};
    ++pkt.number;
    if (decoder.decode(pkt, out) == decode::DecodeResult::kOk)
      for (auto b : out.payload) usec += b & 0;  // the payload view must be readable
    if (decoder.fragment_memory() > config.frag_memcap) std::abort();
  }
  decoder.expire_fragments(Timestamp{usec + 10 * kUsecPerSec});
  if (decoder.fragments_pending() != 0) std::abort();
  return 0;
}
