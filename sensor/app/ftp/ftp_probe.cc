#include "app/decoders.h"
#include "app/transfer_probe_text.h"

namespace korgoo::app {

namespace {

// RFC 959 puts PASS right after USER, so a client stream that opens with PASS is either an FTP
// login picked up after its USER line, or another protocol with a PASS command: an IRC client
// opens with PASS, NICK, USER in one go. The line after PASS tells them apart.
ProbeResult probe_after_pass(std::string_view text) {
  const std::size_t eol = text.find('\n');
  if (eol == std::string_view::npos) return ProbeResult::kMaybe;
  const std::string_view next = text.substr(eol + 1);
  if (next.empty()) return ProbeResult::kMaybe;
  // What an FTP client sends once logged in (or ACCT to finish the login).
  return probe_keywords(
      next, {"ACCT", "SYST", "FEAT", "PWD", "CWD", "TYPE", "PASV", "EPSV", "PORT", "EPRT", "LIST",
             "NLST", "RETR", "STOR", "SIZE", "MDTM", "OPTS", "QUIT"});
}

}  // namespace

ProbeResult probe_ftp(Direction dir, ByteView data) {
  const std::string_view text = as_chars(data);
  if (dir == Direction::kToClient) return probe_greeting(text, "FTP", "SMTP");
  if (probe_keywords(text, {"PASS"}) == ProbeResult::kYes) return probe_after_pass(text);
  // The commands a client opens an FTP session with.
  return probe_keywords(text, {"USER", "AUTH", "FEAT", "SYST", "OPTS", "PASS"});
}

// Tried on the FTP port only: a session picked up after its greeting and login (ftp-quit:
// nothing but the client's QUIT) opens with any command. IRC's PASS still needs FTP after it.
ProbeResult probe_ftp_command(Direction dir, ByteView data) {
  const std::string_view text = as_chars(data);
  if (dir == Direction::kToClient) return ProbeResult::kNo;
  if (probe_keywords(text, {"PASS"}) == ProbeResult::kYes) return probe_after_pass(text);
  // RFC 959's commands and the extensions clients send (RFC 2389, 2428, 3659).
  return probe_keywords(
      text, {"USER", "PASS", "ACCT", "CWD",  "CDUP", "SMNT", "REIN", "QUIT", "PORT", "PASV", "TYPE",
             "STRU", "MODE", "RETR", "STOR", "STOU", "APPE", "ALLO", "REST", "RNFR", "RNTO", "ABOR",
             "DELE", "RMD",  "MKD",  "PWD",  "LIST", "NLST", "SITE", "SYST", "STAT", "HELP", "NOOP",
             "FEAT", "OPTS", "AUTH", "EPRT", "EPSV", "SIZE", "MDTM", "MLSD", "MLST"});
}

}  // namespace korgoo::app
