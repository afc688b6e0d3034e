#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/decoders.h"
#include "recording_sink.h"
#include "zip_writer.h"

namespace korgoo::app {
namespace {

using testing::Harness;
using View = testing::RecordingSink::View;

struct Step {
  Direction dir;
  std::string bytes;
};
constexpr Direction C = Direction::kToServer;
constexpr Direction S = Direction::kToClient;

const std::string kMessage =
    "From: Alice <alice@corp.kg>\r\n"
    "To: bob@partner.kz, carol@gmail.com\r\n"
    "Subject: =?utf-8?Q?Report_=E2=84=96?=5\r\n"
    "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
    "\r\n"
    "--b1\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "..leading dot was doubled\r\n"
    "second line\r\n"
    "--b1\r\n"
    "Content-Type: multipart/alternative; boundary=b2\r\n"
    "\r\n"
    "--b2\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "card 4111 1111=\r\n"
    " 1111 1111\r\n"
    "--b2--\r\n"
    "--b1\r\n"
    "Content-Type: application/pdf; name=\"=?utf-8?B?0L/QsNGB0L/QvtGA0YIucGRm?=\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "SUlOIDIyMjAxMTk4\r\n"
    "NTAwMTIz\r\n"
    "--b1\r\n"
    "Content-Disposition: attachment; filename*=utf-8''list%20of%20ids.csv\r\n"
    "\r\n"
    "a;b\r\n"
    "--b1--\r\n"
    ".\r\n";

std::vector<Step> session() {
  return {
      {S, "220 mx.example.kg ESMTP\r\n"},
      {C, "EHLO client.example\r\n"},
      {S, "250-mx.example.kg\r\n250-PIPELINING\r\n250 8BITMIME\r\n"},
      // Pipelined: the whole envelope before any reply.
      {C,
       "MAIL FROM:<alice@corp.kg> SIZE=1000\r\nRCPT TO:<bob@Partner.KZ>\r\n"
       "RCPT TO:<carol@gmail.com>\r\nDATA\r\n"},
      {S, "250 ok\r\n250 ok\r\n250 ok\r\n354 go ahead\r\n"},
      {C, kMessage},
      {S, "250 queued\r\n"},
      {C, "MAIL FROM:<alice@corp.kg>\r\nRCPT TO:<dave@corp.kg>\r\nDATA\r\n"},
      {S, "250 ok\r\n250 ok\r\n354 go\r\n"},
      {C, "Subject: second\r\n\r\nbody two\r\n.\r\n"},
      {S, "250 queued\r\n"},
      {C, "STARTTLS\r\n"},
      {S, "220 ready\r\n"},
      {C, std::string("\x16\x03\x01\x00\x05hello", 10)},
      {S, std::string("\x16\x03\x03\x00\x02hi", 7)},
  };
}

// Runs `steps`, splitting the stream position `split` (counted over all steps) into two calls,
// or every step into `chunk`-byte calls.
std::string run(const std::vector<Step>& steps, std::size_t split, std::size_t chunk,
                Harness* out = nullptr) {
  Harness local;
  Harness& h = out ? *out : local;
  auto d = make_smtp_decoder(h.ctx);
  std::size_t pos = 0;
  for (const auto& step : steps) {
    std::string_view b = step.bytes;
    if (split > pos && split < pos + b.size()) {
      d->on_data(step.dir, as_bytes(b.substr(0, split - pos)));
      d->on_data(step.dir, as_bytes(b.substr(split - pos)));
    } else {
      while (!b.empty()) {
        const std::size_t n = std::min(chunk, b.size());
        d->on_data(step.dir, as_bytes(b.substr(0, n)));
        b.remove_prefix(n);
      }
    }
    pos += step.bytes.size();
  }
  d->on_end(C);
  d->on_end(S);
  return h.sink.summary();
}

TEST(SmtpDecoder, PipelinedSessionWithMimeAndStartTls) {
  Harness h;
  run(session(), 0, 1 << 20, &h);
  const auto smtp = h.sink.records_of("smtp");
  ASSERT_EQ(smtp.size(), 3u);  // two mails, and the STARTTLS transaction
  const Json& first = smtp[0]->body;
  EXPECT_EQ(first["smtp"]["helo"], "client.example");
  EXPECT_EQ(first["smtp"]["mail_from"], "<alice@corp.kg>");
  EXPECT_EQ(first["smtp"]["rcpt_to"], Json::array({"<bob@Partner.KZ>", "<carol@gmail.com>"}));
  EXPECT_EQ(first["email"]["from"], "Alice <alice@corp.kg>");
  EXPECT_EQ(first["email"]["to"], Json::array({"bob@partner.kz", "carol@gmail.com"}));
  EXPECT_EQ(first["email"]["subject"],
            "Report \xE2\x84\x96"
            "5");
  EXPECT_EQ(first["email"]["attachment"],
            Json::array({"\xD0\xBF\xD0\xB0\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80\xD1\x82.pdf",
                         "list of ids.csv"}));
  EXPECT_EQ(first["email"]["status"], "PARSE_DONE");
  EXPECT_EQ(smtp[1]->body["smtp"]["rcpt_to"], Json::array({"<dave@corp.kg>"}));
  EXPECT_EQ(smtp[1]->body["email"]["subject"], "second");
  EXPECT_FALSE(smtp[2]->body["smtp"].contains("mail_from"));
  EXPECT_FALSE(smtp[2]->body.contains("email"));

  const auto files = h.sink.records_of("fileinfo");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0]->body["fileinfo"]["filename"], first["email"]["attachment"][0]);
  EXPECT_EQ(files[0]->body["fileinfo"]["size"], 18);
  EXPECT_EQ(files[0]->body["fileinfo"]["state"], "CLOSED");
  EXPECT_EQ(files[0]->body["smtp"]["mail_from"], "<alice@corp.kg>");
  EXPECT_EQ(files[1]->body["fileinfo"]["size"], 3);
  EXPECT_EQ(files[1]->dir, Direction::kToServer);

  const auto bodies = h.sink.contents(ContentKind::kMailBody);
  ASSERT_EQ(bodies.size(), 5u);
  EXPECT_EQ(bodies[0], ".leading dot was doubled\r\nsecond line");  // dot-unstuffed
  EXPECT_EQ(bodies[1], "card 4111 1111 1111 1111");
  EXPECT_EQ(bodies[2], "IIN 22201198500123");
  EXPECT_EQ(bodies[3], "a;b");
  EXPECT_EQ(bodies[4], "body two");  // the last CRLF belongs to the final dot
  for (const View* v : h.sink.decoded()) {
    EXPECT_TRUE(v->ended);
    EXPECT_EQ(v->dir, Direction::kToServer);
    EXPECT_GE(v->view.id, 1u);
    EXPECT_EQ(v->calls_after_end, 0);
  }
  // Commands and replies are scanned as sent; the message only through its views.
  const auto raw = h.sink.contents(ContentKind::kRaw, Direction::kToServer);
  ASSERT_EQ(raw.size(), 1u);
  EXPECT_NE(raw[0].find("MAIL FROM"), std::string::npos);
  EXPECT_EQ(raw[0].find("4111 1111"), std::string::npos);
  const auto headers = h.sink.contents(ContentKind::kMailHeaders);
  ASSERT_FALSE(headers.empty());
  EXPECT_NE(headers[0].find("Subject: Report \xE2\x84\x96"
                            "5"),
            std::string::npos);

  EXPECT_EQ(h.meta.recipient_domains,
            (std::vector<std::string>{"partner.kz", "gmail.com", "corp.kg"}));
  EXPECT_TRUE(h.meta.opaque);
  // After STARTTLS the bytes go to a TLS decoder; these are not a valid ClientHello.
  EXPECT_EQ(h.stats.tls.parse_errors, 1u);
  EXPECT_TRUE(h.sink.records_of("tls").empty());
  EXPECT_EQ(h.stats.smtp.transactions, 3u);
}

TEST(SmtpDecoder, SameOutputSplitAtEveryOffset) {
  const auto steps = session();
  const std::string expected = run(steps, 0, 1 << 20);
  std::size_t total = 0;
  for (const auto& s : steps) total += s.bytes.size();
  for (std::size_t i = 1; i < total; ++i)
    ASSERT_EQ(run(steps, i, 1 << 20), expected) << "split at " << i;
}

TEST(SmtpDecoder, SameOutputByteByByte) {
  const auto steps = session();
  EXPECT_EQ(run(steps, 0, 1), run(steps, 0, 1 << 20));
  EXPECT_EQ(run(steps, 0, 7), run(steps, 0, 1 << 20));
}

TEST(SmtpDecoder, RsetAndEhloEndTransactionsLikeSuricata) {
  Harness h;
  run({{S, "220 x\r\n"},
       {C, "helo client.example.com\r\n"},
       {S, "250 x\r\n"},
       {C, "mail from:<alice@example.com>\r\n"},
       {S, "250 ok\r\n"},
       {C, "ehlo client.example.com\r\n"},
       {S, "250-x\r\n250 PIPELINING\r\n"},  // accepted EHLO resets the envelope
       {C, "mail from:<bob@example.com>\r\nrcpt to:<alice@example.com>\r\n"},
       {S, "250 ok\r\n250 ok\r\n"},
       {C, "RSET\r\n"},
       {S, "250 ok\r\n"},
       {C, "QUIT\r\n"},
       {S, "221 bye\r\n"}},
      0, 1 << 20, &h);
  const auto smtp = h.sink.records_of("smtp");
  ASSERT_EQ(smtp.size(), 2u);
  EXPECT_EQ(smtp[0]->body["smtp"]["mail_from"], "<alice@example.com>");
  EXPECT_FALSE(smtp[0]->body["smtp"].contains("rcpt_to"));
  EXPECT_EQ(smtp[1]->body["smtp"]["mail_from"], "<bob@example.com>");
  EXPECT_EQ(smtp[1]->body["smtp"]["helo"], "client.example.com");
}

TEST(SmtpDecoder, RejectedEhloKeepsTheEnvelope) {
  Harness h;
  run({{C, "helo c\r\nmail from:<a@x>\r\n"},
       {S, "250 x\r\n250 ok\r\n"},
       {C, "ehlo\r\n"},
       {S, "501 Syntax\r\n"},
       {C, "rcpt to:<b@y>\r\ndata\r\n"},
       {S, "250 ok\r\n354 go\r\n"},
       {C, "Subject: s\r\n\r\nhi\r\n.\r\nQUIT\r\n"},
       {S, "250 ok\r\n221 bye\r\n"}},
      0, 1 << 20, &h);
  const auto smtp = h.sink.records_of("smtp");
  ASSERT_EQ(smtp.size(), 1u);
  EXPECT_EQ(smtp[0]->body["smtp"]["rcpt_to"], Json::array({"<b@y>"}));
}

TEST(SmtpDecoder, BdatChunksAndPipelinedNextMail) {
  const std::string chunk1 = "From: alice@example.com\r\nTo: bob@example.com\r\nSubject: pipelined";
  const std::string chunk2 = "BDAT\r\n\r\nFirst message IBAN KZ86125KZT5004100100\r\n";
  Harness h;
  run({{C, "ehlo c\r\n"},
       {S, "250-x\r\n250 CHUNKING\r\n"},
       {C, "mail from:<alice@example.com>\r\nrcpt to:<bob@example.com>\r\n"},
       {S, "250 ok\r\n250 ok\r\n"},
       {C, "BDAT " + std::to_string(chunk1.size()) + "\r\n" + chunk1 + "BDAT " +
               std::to_string(chunk2.size()) + " LAST\r\n" + chunk2 +
               "mail from:<bob@example.com>\r\nrcpt to:<alice@example.com>\r\n"},
       {S, "250 ok\r\n250 ok\r\n250 ok\r\n250 ok\r\n"},
       {C, "data\r\n"},
       {S, "354 go\r\n"},
       {C, "Subject: two\r\n\r\nsecond\r\n.\r\nQUIT\r\n"}},
      0, 3, &h);
  const auto smtp = h.sink.records_of("smtp");
  ASSERT_EQ(smtp.size(), 2u);
  EXPECT_EQ(smtp[0]->body["email"]["subject"], "pipelinedBDAT");
  EXPECT_EQ(smtp[1]->body["smtp"]["mail_from"], "<bob@example.com>");
  const auto bodies = h.sink.contents(ContentKind::kMailBody);
  ASSERT_EQ(bodies.size(), 2u);
  EXPECT_EQ(bodies[0], "First message IBAN KZ86125KZT5004100100");
}

TEST(SmtpDecoder, RejectedDataIsNotAMessage) {
  Harness h;
  run({{C, "EHLO c\r\nMAIL FROM:<a@x>\r\nRCPT TO:<b@y>\r\nDATA\r\n"},
       {S, "250 x\r\n250 ok\r\n250 ok\r\n554 no valid recipients\r\n"},
       {C, "RSET\r\n"},
       {S, "250 ok\r\n"},
       {C, "QUIT\r\n"}},
      0, 1 << 20, &h);
  const auto smtp = h.sink.records_of("smtp");
  ASSERT_EQ(smtp.size(), 1u);
  EXPECT_FALSE(smtp[0]->body.contains("email"));
  EXPECT_TRUE(h.sink.contents(ContentKind::kMailBody).empty());
}

// Issue 16: a DATA refused before MAIL FROM. Suricata keeps the envelope that follows in the
// refused DATA's transaction and gives the message a transaction of its own.
TEST(SmtpDecoder, DataRejectedBeforeMailFromIsItsOwnTransaction) {
  Harness h;
  run({{S, "220 x\r\n"},
       {C, "EHLO c\r\n"},
       {S, "250 x\r\n"},
       {C, "DATA\r\n"},
       {S, "503 5.5.1 Error: need MAIL command\r\n"},
       {C, "MAIL FROM:<a@x>\r\nRCPT TO:<b@y>\r\nDATA\r\n"},
       {S, "250 ok\r\n250 ok\r\n354 go\r\n"},
       {C, "Subject: late\r\n\r\nhi\r\n.\r\nQUIT\r\n"},
       {S, "250 ok\r\n221 bye\r\n"}},
      0, 1 << 20, &h);
  const auto smtp = h.sink.records_of("smtp");
  ASSERT_EQ(smtp.size(), 2u);
  EXPECT_EQ(smtp[0]->body["smtp"]["mail_from"], "<a@x>");
  EXPECT_FALSE(smtp[0]->body.contains("email"));
  EXPECT_FALSE(smtp[1]->body["smtp"].contains("mail_from"));
  EXPECT_EQ(smtp[1]->body["email"]["subject"], "late");
  EXPECT_EQ(h.stats.smtp.transactions, 2u);
}

TEST(SmtpDecoder, StartTlsLikeSuricataRsetStartTls) {
  Harness h;
  run({{C, "EHLO\r\n"},
       {S, "250\r\n"},
       {C, "rset\r\nstaRttLs\r\n"},
       {S, "250\r\n"},
       {S, "220\r\n"},
       {C, std::string("\x16\x03\x01\x00\x01\x01", 6)}},
      0, 1 << 20, &h);
  EXPECT_EQ(h.sink.records_of("smtp").size(), 1u);
  EXPECT_TRUE(h.meta.opaque);
  EXPECT_TRUE(h.sink.decoded().empty());
  // Nothing after STARTTLS reaches any view, raw included: it is ciphertext.
  for (const auto& raw : h.sink.contents(ContentKind::kRaw, Direction::kToServer))
    EXPECT_EQ(raw.find('\x16'), std::string::npos);
}

TEST(SmtpDecoder, StartTlsHandshakeStillNamesTheServer) {
  // A minimal ClientHello with server_name "mx.partner.kz".
  const std::string sni = "mx.partner.kz";
  std::string entry = std::string(1, '\0') + char(0) + char(sni.size()) + sni;
  std::string sni_ext = std::string("\0\0", 2) + char(0) + char(entry.size() + 2) + char(0) +
                        char(entry.size()) + entry;
  std::string body = std::string("\x03\x03", 2) + std::string(32, 'r') + std::string(1, '\0') +
                     std::string("\x00\x02\x13\x01\x01\x00", 6) + char(0) + char(sni_ext.size()) +
                     sni_ext;
  std::string hs = std::string(1, '\x01') + char(0) + char(0) + char(body.size()) + body;
  std::string rec = std::string("\x16\x03\x01", 3) + char(0) + char(hs.size()) + hs;
  Harness h;
  run({{C, "EHLO c\r\nSTARTTLS\r\n"},
       {S, "250 ok\r\n220 go\r\n"},
       {C, rec},
       {C, std::string("\x17\x03\x03\x00\x03"
                       "abc",
                       8)}},
      0, 1 << 20, &h);
  EXPECT_EQ(h.meta.server_names, std::vector<std::string>{sni});
  ASSERT_EQ(h.sink.records_of("tls").size(), 1u);
  EXPECT_EQ(h.sink.records_of("tls")[0]->body["tls"]["sni"], sni);
  EXPECT_EQ(h.stats.opaque_bytes, 8u);
}

TEST(SmtpDecoder, FlowEndingMidMessageStillLogsTruncatedAttachment) {
  Harness h;
  run({{C, "EHLO c\r\nMAIL FROM:<a@x>\r\nRCPT TO:<b@y>\r\nDATA\r\n"},
       {S, "250 x\r\n250 ok\r\n250 ok\r\n354 go\r\n"},
       {C,
        "Content-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\n"
        "Content-Disposition: attachment; filename=cut.txt\r\n\r\npartial da"}},
      0, 1 << 20, &h);
  const auto files = h.sink.records_of("fileinfo");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->body["fileinfo"]["state"], "TRUNCATED");
  EXPECT_EQ(files[0]->body["fileinfo"]["size"], 10);
  EXPECT_EQ(h.sink.contents(ContentKind::kMailBody), std::vector<std::string>{"partial da"});
}

TEST(SmtpDecoder, MailFromWithoutBracketsIsKeptAsSent) {
  Harness h;
  run({{C, "HELO smtp.intra\r\nMAIL FROM:blah@smtp.lab.com\r\nRCPT TO: test@wut.com\r\nQUIT\r\n"}},
      0, 1 << 20, &h);
  const auto smtp = h.sink.records_of("smtp");
  ASSERT_EQ(smtp.size(), 1u);
  EXPECT_EQ(smtp[0]->body["smtp"]["mail_from"], "blah@smtp.lab.com");
  EXPECT_EQ(smtp[0]->body["smtp"]["rcpt_to"][0], "test@wut.com");
  EXPECT_EQ(h.meta.recipient_domains, std::vector<std::string>{"wut.com"});
}

TEST(SmtpProbe, RecognisesBothSides) {
  EXPECT_EQ(probe_smtp(C, as_bytes(std::string_view("EHLO x\r\n"))), ProbeResult::kYes);
  EXPECT_EQ(probe_smtp(C, as_bytes(std::string_view("eh"))), ProbeResult::kMaybe);
  EXPECT_EQ(probe_smtp(C, as_bytes(std::string_view("GET / HTTP/1.1\r\n"))), ProbeResult::kNo);
  EXPECT_EQ(probe_smtp(S, as_bytes(std::string_view("220 mx ESMTP Postfix\r\n"))),
            ProbeResult::kYes);
  EXPECT_EQ(probe_smtp(S, as_bytes(std::string_view("220 ProFTPD FTP server\r\n"))),
            ProbeResult::kNo);
  EXPECT_EQ(probe_smtp(S, as_bytes(std::string_view("220 welcome\r\n"))), ProbeResult::kMaybe);
}

}  // namespace
}  // namespace korgoo::app

namespace korgoo::app {
namespace {

TEST(SmtpDecoder, PartSizeCapStopsContentButNotTheRecord) {
  Harness h;
  h.limits.max_decompressed_bytes = 5;
  run({{C, "EHLO c\r\nMAIL FROM:<a@x>\r\nRCPT TO:<b@y>\r\nDATA\r\n"},
       {S, "250 x\r\n250 ok\r\n250 ok\r\n354 go\r\n"},
       {C, "Content-Disposition: attachment; filename=big.bin\r\n\r\n0123456789\r\n.\r\n"}},
      0, 1 << 20, &h);
  EXPECT_EQ(h.sink.contents(ContentKind::kMailBody), std::vector<std::string>{"01234"});
  EXPECT_EQ(h.stats.decompress_limit_hits, 1u);
  const auto files = h.sink.records_of("fileinfo");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->body["fileinfo"]["size"], 10);  // the file's size, not what was scanned
}

TEST(SmtpDecoder, GapInsideBdatChunkKeepsFraming) {
  Harness h;
  auto d = make_smtp_decoder(h.ctx);
  d->on_data(
      C, as_bytes(std::string_view("EHLO c\r\nMAIL FROM:<a@x>\r\nRCPT TO:<b@y>\r\nBDAT 55 "
                                   "LAST\r\nContent-Disposition: attachment; filename=a\r\n\r\n")));
  d->on_gap(C, 8);  // the rest of the chunk
  d->on_data(C, as_bytes(std::string_view("MAIL FROM:<next@x>\r\nQUIT\r\n")));
  d->on_end(C);
  const auto smtp = h.sink.records_of("smtp");
  ASSERT_EQ(smtp.size(), 2u);
  EXPECT_EQ(smtp[1]->body["smtp"]["mail_from"], "<next@x>");
  const auto files = h.sink.records_of("fileinfo");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->body["fileinfo"]["state"], "TRUNCATED");
}

// Base64 in 76-character lines, as mail clients send attachments.
std::string base64_lines(const std::string& in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out, line;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, in.size() - i);
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 3; ++k)
      v = v << 8 | (k < n ? static_cast<unsigned char>(in[i + k]) : 0u);
    for (std::size_t k = 0; k < 4; ++k)
      line.push_back(k <= n ? kAlphabet[(v >> (18 - 6 * k)) & 63] : '=');
    if (line.size() >= 76) out.append(line).append("\r\n"), line.clear();
  }
  return out.append(line).append("\r\n");
}

// A .zip attached to a mail is scanned as its members' text, one view each (issue 13); the
// attachment's fileinfo keeps its size as sent.
TEST(SmtpDecoder, ZipAttachmentIsScannedAsItsMembersText) {
  const std::string pin = std::string("2") + "15031985" + "00012";  // synthetic
  const std::string csv = "id,pin\n1," + pin + "\n";
  const std::string zip = testing::make_zip({{"a.csv", csv}, {"b.txt", "second member\n"}});
  const std::string message =
      "Content-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\n"
      "see attached\r\n--z\r\nContent-Type: application/zip\r\nContent-Transfer-Encoding: "
      "base64\r\nContent-Disposition: attachment; filename=export.zip\r\n\r\n" +
      base64_lines(zip) + "--z--\r\n.\r\n";
  for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 20}) {
    SCOPED_TRACE(chunk);
    Harness h;
    run({{C, "EHLO c\r\nMAIL FROM:<a@x>\r\nRCPT TO:<b@y>\r\nDATA\r\n"},
         {S, "250 x\r\n250 ok\r\n250 ok\r\n354 go\r\n"},
         {C, message},
         {S, "250 queued\r\n"}},
        0, chunk, &h);
    const auto bodies = h.sink.contents(ContentKind::kMailBody);
    EXPECT_TRUE(bodies == (std::vector<std::string>{"see attached", csv, "second member\n"}))
        << "the text part, then each member a view";
    // The members are disjoint pieces of one attachment: one group, so that their counts add.
    const auto groups = h.sink.groups(ContentKind::kMailBody);
    ASSERT_EQ(groups.size(), 3u);
    EXPECT_EQ(groups[0], 0u) << "the text part stands alone";
    EXPECT_NE(groups[1], 0u);
    EXPECT_EQ(groups[2], groups[1]);
    const auto files = h.sink.records_of("fileinfo");
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0]->body["fileinfo"]["size"], zip.size());
  }
}

}  // namespace
}  // namespace korgoo::app
