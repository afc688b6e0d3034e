// DNS has no magic bytes: a message is recognised by a header whose counts its questions
// actually fill. The dispatcher calls this for UDP datagrams and for the first bytes of a TCP
// stream alike, so both framings are tried.
#include "app/decoders.h"
#include "app/dns_message.h"

namespace korgoo::app {

namespace {

constexpr std::size_t kHeaderSize = 12;

// Header fields a real message keeps within bounds: at most a few questions, a defined
// opcode range, and for a request no answers.
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
  if (msg.size() < kHeaderSize || !plausible_header(msg)) return ProbeResult::kNo;
  const auto m = parse_dns_message(msg);
  if (!m) return ProbeResult::kNo;
  return ProbeResult::kYes;
}

}  // namespace

ProbeResult probe_dns(Direction, ByteView data) {
  if (probe_message(data) == ProbeResult::kYes) return ProbeResult::kYes;
  // TCP: a two-byte length, then the message.
  if (data.size() < 2 + kHeaderSize) {
    if (data.size() >= 2 && load_be16(data.data()) < kHeaderSize) return ProbeResult::kNo;
    return ProbeResult::kMaybe;
  }
  const std::size_t length = load_be16(data.data());
  if (length < kHeaderSize) return ProbeResult::kNo;
  const ByteView body = data.subspan(2);
  if (!plausible_header(body)) return ProbeResult::kNo;
  if (body.size() < length) return ProbeResult::kMaybe;  // header fine, rest still coming
  return probe_message(body.first(length));
}

}  // namespace korgoo::app
