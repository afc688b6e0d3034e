#include "app/decoders.h"
#include "app/transfer_probe_text.h"

namespace korgoo::app {

ProbeResult probe_ftp(Direction dir, ByteView data) {
  const std::string_view text = as_chars(data);
  if (dir == Direction::kToClient) return probe_greeting(text, "FTP", "SMTP");
  // The commands a client opens an FTP session with.
  return probe_keywords(text, {"USER", "AUTH", "FEAT", "SYST", "OPTS", "PASS"});
}

}  // namespace korgoo::app
