// A TLS stream opens with a handshake record (type 22, version 3.x) whose first message is a
// ClientHello (client side) or ServerHello (server side).
#include "app/decoders.h"

namespace korgoo::app {

ProbeResult probe_tls(Direction dir, ByteView data) {
  constexpr std::uint8_t kHandshake = 22;
  const std::uint8_t expected_message = dir == Direction::kToServer ? 1 : 2;
  if (data.empty()) return ProbeResult::kMaybe;
  if (data[0] != kHandshake) return ProbeResult::kNo;
  if (data.size() < 2) return ProbeResult::kMaybe;
  if (data[1] != 3) return ProbeResult::kNo;
  if (data.size() < 3) return ProbeResult::kMaybe;
  if (data[2] > 4) return ProbeResult::kNo;  // 3.0 (SSLv3) to 3.4
  if (data.size() < 5) return ProbeResult::kMaybe;
  const std::uint16_t length = load_be16(data.data() + 3);
  if (length > (1u << 14) + 2048) return ProbeResult::kNo;
  // An empty handshake record: TLS stacks refuse it, but it is TLS framing and no other
  // protocol opens with these five bytes (the client of Suricata's http-connect-tls sends
  // one into its tunnel). The decoder counts it as a parse error.
  if (length == 0) return ProbeResult::kYes;
  if (data.size() < 6) return ProbeResult::kMaybe;
  return data[5] == expected_message ? ProbeResult::kYes : ProbeResult::kNo;
}

}  // namespace korgoo::app
