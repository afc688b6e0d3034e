#include "app/smtp/smtp_command.h"

#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

// Suricata's SMTPParseCommandWithParam: skip the keyword and one separator, then spaces,
// then take up to the next space.
std::string param_after(std::string_view line, std::size_t prefix_len) {
  std::size_t i = prefix_len + 1;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size()) return {};
  std::size_t end = i;
  while (end < line.size() && line[end] != ' ') ++end;
  return std::string(line.substr(i, end - i));
}

}  // namespace

SmtpCommand parse_smtp_command(std::string_view line) {
  SmtpCommand cmd;
  if (istarts_with(line, "helo") || istarts_with(line, "ehlo")) {
    cmd.verb = SmtpVerb::kHelo;
    cmd.param = param_after(line, 4);
  } else if (istarts_with(line, "mail from")) {
    cmd.verb = SmtpVerb::kMail;
    cmd.param = param_after(line, 9);
  } else if (istarts_with(line, "rcpt to")) {
    cmd.verb = SmtpVerb::kRcpt;
    cmd.param = param_after(line, 7);
  } else if (istarts_with(line, "starttls")) {
    cmd.verb = SmtpVerb::kStartTls;
  } else if (istarts_with(line, "data")) {
    cmd.verb = SmtpVerb::kData;
  } else if (istarts_with(line, "bdat")) {
    cmd.verb = SmtpVerb::kBdat;
    std::size_t i = 4;
    const std::size_t spaces_from = i;
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t digits = 0;
    std::uint64_t size = 0;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') {
      if (size > (std::uint64_t{1} << 40)) break;  // absurd sizes are not trusted
      size = size * 10 + static_cast<std::uint64_t>(line[i] - '0');
      ++i;
      ++digits;
    }
    cmd.bdat_size = size;
    const std::string_view rest = trim(line.substr(i));
    cmd.bdat_last = iequals(rest, "last");
    // "BDAT 5 X" is a syntax error the server rejects: no chunk follows it (RFC 3030).
    cmd.valid = digits > 0 && i > spaces_from && (rest.empty() || cmd.bdat_last);
  } else if (istarts_with(line, "rset")) {
    cmd.verb = SmtpVerb::kRset;
  } else if (istarts_with(line, "quit")) {
    cmd.verb = SmtpVerb::kQuit;
  }
  return cmd;
}

SmtpReply parse_smtp_reply(std::string_view line) {
  SmtpReply reply;
  if (line.size() < 3) return reply;
  for (int i = 0; i < 3; ++i) {
    if (line[i] < '0' || line[i] > '9') return reply;
  }
  reply.code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
  reply.more = line.size() > 3 && line[3] == '-';
  reply.text = line.size() > 4 ? line.substr(4) : std::string_view();
  return reply;
}

std::optional<std::string> smtp_address_domain(std::string_view address) {
  const std::size_t lt = address.find('<');
  if (lt != std::string_view::npos) address = address.substr(lt + 1);
  address = address.substr(0, address.find('>'));
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view domain = trim(address.substr(at + 1));
  if (domain.empty()) return std::nullopt;
  return ascii_lowercase(domain);
}

}  // namespace korgoo::app
