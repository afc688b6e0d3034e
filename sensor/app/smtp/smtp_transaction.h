// One SMTP mail transaction (envelope, message headers, attachments) and the EVE records it
// becomes: an `smtp` record with Suricata's `smtp` and `email` objects, and one `fileinfo`
// record per attachment carrying the same objects.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/app_sink.h"
#include "app/file/file_report.h"
#include "app/mime/mime_parser.h"

namespace korgoo::app {

struct SmtpAttachment {
  std::string name;
  std::uint64_t size = 0;
  bool complete = false;     // the part ended properly (fileinfo state CLOSED, else TRUNCATED)
  std::uint64_t handle = 0;  // AppSink::file_begin's
  FileReport report;         // fileinfo.korgoo
};

struct SmtpTransaction {
  std::uint64_t id = 0;                  // order within the session, from 0 (EVE tx_id)
  std::optional<std::string> mail_from;  // as sent, angle brackets included
  std::vector<std::string> rcpt_to;
  bool has_message = false;  // DATA or BDAT content was seen: the record gets `email`
  // A DATA was sent in it, even one the server refused: as in Suricata, the next DATA then
  // starts a transaction of its own (a DATA refused before MAIL FROM keeps the envelope
  // that follows it, and the message goes to a new transaction).
  bool data_sent = false;
  MimeMessageHeaders headers;
  std::vector<SmtpAttachment> attachments;
  bool done = false;    // completed (end of data, accepted RSET, STARTTLS, ...)
  bool logged = false;  // its records were emitted
};

// The records of `tx`, the smtp record first. `helo` is the session's, as Suricata logs it.
std::vector<AppRecord> smtp_transaction_records(const std::optional<std::string>& helo,
                                                const SmtpTransaction& tx);

}  // namespace korgoo::app
