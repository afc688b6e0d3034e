#include "app/decoders.h"
#include "app/transfer_probe_text.h"

namespace korgoo::app {

ProbeResult probe_smtp(Direction dir, ByteView data) {
  const std::string_view text = as_chars(data);
  if (dir == Direction::kToClient) return probe_greeting(text, "SMTP", "FTP");
  return probe_keywords(text, {"EHLO", "HELO"});
}

}  // namespace korgoo::app
