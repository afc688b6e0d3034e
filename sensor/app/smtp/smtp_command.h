// SMTP command and reply lines, read the way Suricata reads them so that the logged values
// agree: a command is recognised by its case-insensitive prefix, and a parameter runs from
// after the keyword (spaces skipped) to the next space (`MAIL FROM:<a@b> SIZE=10` -> `<a@b>`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace korgoo::app {

enum class SmtpVerb : std::uint8_t {
  kHelo,  // HELO or EHLO
  kMail,
  kRcpt,
  kData,
  kBdat,
  kRset,
  kStartTls,
  kQuit,
  kOther,
};

struct SmtpCommand {
  SmtpVerb verb = SmtpVerb::kOther;
  std::string param;            // HELO name, MAIL FROM / RCPT TO address, as sent
  std::uint64_t bdat_size = 0;  // BDAT chunk size
  bool bdat_last = false;       // BDAT ... LAST
  bool valid = true;            // false: a BDAT without a usable size
};

SmtpCommand parse_smtp_command(std::string_view line);

struct SmtpReply {
  int code = 0;           // 0 when the line has no three-digit code
  bool more = false;      // "250-..." : more lines of this reply follow
  std::string_view text;  // after the code and separator
};

SmtpReply parse_smtp_reply(std::string_view line);

// The lowercase domain of a RCPT TO address ("<Bob@Example.COM>" -> "example.com").
std::optional<std::string> smtp_address_domain(std::string_view address);

}  // namespace korgoo::app
