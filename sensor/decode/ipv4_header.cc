#include "decode/ipv4_header.h"

namespace korgoo::decode {

namespace {

constexpr std::size_t kMinHeader = 20;
constexpr std::uint16_t kFlagMf = 0x2000;
constexpr std::uint16_t kOffsetMask = 0x1fff;
constexpr std::uint8_t kOptEnd = 0;
constexpr std::uint8_t kOptNop = 1;

// An option list that runs past the header is rejected, as Linux (ip_options_compile) does:
// the end host drops such a packet, so delivering it would show data nobody received.
bool options_valid(ByteView opts) {
  std::size_t i = 0;
  while (i < opts.size()) {
    const std::uint8_t type = opts[i];
    if (type == kOptEnd) return true;
    if (type == kOptNop) {
      ++i;
      continue;
    }
    if (i + 1 >= opts.size()) return false;
    const std::uint8_t len = opts[i + 1];
    if (len < 2 || len > opts.size() - i) return false;
    i += len;
  }
  return true;
}

}  // namespace

DecodeError parse_ipv4(ByteView l3, Ipv4Header& h) {
  if (l3.size() < kMinHeader) return DecodeError::kIpv4Truncated;
  const std::uint8_t* p = l3.data();
  if ((p[0] >> 4) != 4) return DecodeError::kIpv4BadVersion;
  const std::size_t ihl = std::size_t{p[0] & 0x0fu} * 4;
  if (ihl < kMinHeader) return DecodeError::kIpv4BadIhl;
  const std::size_t total = load_be16(p + 2);
  if (total < ihl) return DecodeError::kIpv4BadLength;
  if (total > l3.size()) return DecodeError::kIpv4Truncated;
  if (!options_valid(l3.subspan(kMinHeader, ihl - kMinHeader))) return DecodeError::kIpv4BadOption;

  const std::uint16_t frag = load_be16(p + 6);
  h.id = load_be16(p + 4);
  h.more_fragments = (frag & kFlagMf) != 0;
  h.frag_offset = static_cast<std::uint32_t>(frag & kOffsetMask) * 8;
  h.proto = p[9];
  h.src = IpAddress::v4(p + 12);
  h.dst = IpAddress::v4(p + 16);
  h.header = l3.first(ihl);
  h.payload = l3.subspan(ihl, total - ihl);
  return DecodeError::kNone;
}

void finish_reassembled_ipv4(std::span<std::uint8_t> datagram) {
  // The caller has checked the size fits 16 bits and the header is at least kMinHeader.
  const auto total = static_cast<std::uint16_t>(datagram.size());
  datagram[2] = static_cast<std::uint8_t>(total >> 8);
  datagram[3] = static_cast<std::uint8_t>(total);
  datagram[6] &= static_cast<std::uint8_t>(~((kFlagMf | kOffsetMask) >> 8));  // keep DF and RF
  datagram[7] = 0;
}

}  // namespace korgoo::decode
