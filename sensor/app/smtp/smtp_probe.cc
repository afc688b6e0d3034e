#include "app/decoders.h"
#include "app/transfer_probe_text.h"

namespace korgoo::app {

ProbeResult probe_smtp(Direction dir, ByteView data) {
  const std::string_view text = as_chars(data);
  if (dir == Direction::kToClient) return probe_greeting(text, "SMTP", "FTP");
  return probe_keywords(text, {"EHLO", "HELO"});
}

// Tried on the SMTP ports only: a session picked up after its greeting and EHLO opens with
// any command (a client that only says QUIT is still an SMTP client).
ProbeResult probe_smtp_command(Direction dir, ByteView data) {
  if (dir == Direction::kToClient) return ProbeResult::kNo;
  return probe_keywords(as_chars(data),
                        {"EHLO", "HELO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP", "QUIT",
                         "VRFY", "EXPN", "HELP", "STARTTLS", "AUTH"});
}

}  // namespace korgoo::app
