#include "app/smtp/smtp_transaction.h"

#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

Json smtp_object(const std::optional<std::string>& helo, const SmtpTransaction& tx) {
  Json smtp = Json::object();
  if (helo) smtp["helo"] = to_valid_utf8(*helo);
  if (tx.mail_from) smtp["mail_from"] = to_valid_utf8(*tx.mail_from);
  if (!tx.rcpt_to.empty()) {
    Json rcpt = Json::array();
    for (const auto& r : tx.rcpt_to) rcpt.push_back(to_valid_utf8(r));
    smtp["rcpt_to"] = std::move(rcpt);
  }
  return smtp;
}

Json string_array(const std::vector<std::string>& values) {
  Json a = Json::array();
  for (const auto& v : values) a.push_back(to_valid_utf8(v));
  return a;
}

Json email_object(const SmtpTransaction& tx) {
  Json email = Json::object();
  const MimeMessageHeaders& h = tx.headers;
  if (h.from) email["from"] = to_valid_utf8(*h.from);
  if (!h.to.empty()) email["to"] = string_array(h.to);
  if (!h.cc.empty()) email["cc"] = string_array(h.cc);
  if (h.subject) email["subject"] = to_valid_utf8(*h.subject);
  if (!tx.attachments.empty()) {
    Json names = Json::array();
    for (const auto& a : tx.attachments) names.push_back(a.name);
    email["attachment"] = std::move(names);
  }
  email["status"] = "PARSE_DONE";
  return email;
}

}  // namespace

std::vector<AppRecord> smtp_transaction_records(const std::optional<std::string>& helo,
                                                const SmtpTransaction& tx) {
  std::vector<AppRecord> out;
  const Json smtp = smtp_object(helo, tx);
  const Json email = tx.has_message ? email_object(tx) : Json();

  AppRecord rec;
  rec.event_type = "smtp";
  rec.dir = Direction::kToServer;
  rec.body["smtp"] = smtp;
  if (tx.has_message) rec.body["email"] = email;
  rec.tx_id = tx.id;
  out.push_back(std::move(rec));

  for (const auto& a : tx.attachments) {
    AppRecord file;
    file.event_type = "fileinfo";
    file.dir = Direction::kToServer;  // mail travels from the client
    file.body["smtp"] = smtp;
    file.body["email"] = email;
    file.tx_id = tx.id;
    file.body["fileinfo"] = {{"filename", a.name},
                             {"gaps", false},
                             {"size", a.size},
                             {"state", a.complete ? "CLOSED" : "TRUNCATED"}};
    a.report.add_to(file.body["fileinfo"]);
    file.file = a.handle;
    out.push_back(std::move(file));
  }
  return out;
}

}  // namespace korgoo::app
