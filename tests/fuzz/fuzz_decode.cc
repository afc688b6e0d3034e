// libFuzzer harness: one frame through a fresh decoder (link layer, IP, transport). The
// first input byte picks the link type, the rest is the frame. Fragments across packets are
// fuzz_defrag.cc's job.
#include <cstddef>
#include <cstdint>

#include "fuzz/decode_entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using korgoo::source::LinkType;
  static constexpr LinkType kLinks[] = {
      LinkType::kEthernet,  LinkType::kLinuxSll, LinkType::kLinuxSll2, LinkType::kNull,
      LinkType::kCiscoHdlc, LinkType::kRaw,      LinkType::kIpv4,      LinkType::kIpv6};
  if (size == 0) return 0;
  const LinkType link = kLinks[data[0] % (sizeof kLinks / sizeof kLinks[0])];
  korgoo::decode::fuzz_decode(korgoo::ByteView(data + 1, size - 1), link);
  return 0;
}
