// DNS has no magic bytes: a message is recognised by a header whose counts its questions
// actually fill. Both framings are tried (a UDP datagram, or a TCP stream's two-byte length
// and message), so the same probe serves either transport.
//
// A damaged message with a DNS-shaped header (a defined opcode) answers kMaybe rather than
// kNo: the dispatcher only tries DNS on its ports, and a junk first datagram must not hide
// the real queries that follow (Suricata's dns-udp-junkrequest-first). The decoder counts
// the junk as a parse error.
#include "app/decoders.h"
#include "app/dns/dns_message.h"

namespace korgoo::app {

namespace {

constexpr std::size_t kHeaderSize = 12;
constexpr std::uint8_t kMaxOpcode = 6;  // 0..6 are assigned (RFC 6895)

std::uint8_t opcode_of(ByteView msg) {
  return static_cast<std::uint8_t>((msg[2] >> 3) & 0x0F);
}

// Header fields a real message keeps within bounds: at most a few questions, and for a
// request no answers.
bool plausible_header(ByteView msg) {
  const std::uint16_t flags = load_be16(msg.data() + 2);
  const std::uint16_t qdcount = load_be16(msg.data() + 4);
  const bool response = (flags & 0x8000) != 0;
  if (qdcount == 0 && !response) return false;
  if (qdcount > 16) return false;
  if (!response && load_be16(msg.data() + 6) != 0) return false;
  return true;
}

ProbeResult probe_message(ByteView msg) {
  if (msg.size() < kHeaderSize) return ProbeResult::kMaybe;
  if (plausible_header(msg) && parse_dns_message(msg)) return ProbeResult::kYes;
  return opcode_of(msg) <= kMaxOpcode ? ProbeResult::kMaybe : ProbeResult::kNo;
}

ProbeResult probe_framed(ByteView data) {
  if (data.size() < 2) return ProbeResult::kMaybe;
  const std::size_t length = load_be16(data.data());
  if (length < kHeaderSize) return ProbeResult::kNo;
  const ByteView body = data.subspan(2);
  if (body.size() < kHeaderSize) return ProbeResult::kMaybe;
  if (!plausible_header(body)) return ProbeResult::kNo;
  if (body.size() < length) return ProbeResult::kMaybe;  // header fine, rest still coming
  return probe_message(body.first(length));
}

}  // namespace

ProbeResult probe_dns_framed(ByteView data) {
  return probe_framed(data);
}

ProbeResult probe_dns(Direction, ByteView data) {
  const ProbeResult datagram = probe_message(data);
  if (datagram == ProbeResult::kYes) return ProbeResult::kYes;
  const ProbeResult framed = probe_framed(data);
  if (framed == ProbeResult::kYes) return ProbeResult::kYes;
  if (datagram == ProbeResult::kMaybe || framed == ProbeResult::kMaybe) return ProbeResult::kMaybe;
  return ProbeResult::kNo;
}

}  // namespace korgoo::app
