#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/codec/mime_header_text.h"
#include "app/mime/mime_parser.h"

namespace korgoo::app {
namespace {

struct Part {
  MimePartInfo info;
  std::string data;
  std::uint64_t size = 0;
  bool complete = false;
};

class Collector final : public MimeEvents {
 public:
  void on_mime_headers(std::string_view text) override { headers.emplace_back(text); }
  void on_message_headers(const MimeMessageHeaders& h) override { message = h; }
  void on_part_begin(const MimePartInfo& info) override { parts.push_back({info, {}, 0, false}); }
  void on_part_data(std::string_view d) override { parts.back().data.append(d); }
  void on_part_end(const MimePartInfo&, std::uint64_t size, bool complete) override {
    parts.back().size = size;
    parts.back().complete = complete;
  }
  std::vector<std::string> headers;
  MimeMessageHeaders message;
  std::vector<Part> parts;
};

const std::string kNested =
    "From: =?utf-8?Q?J=C3=BCrgen?= <j@example.org>\r\n"
    "To: a@x.kg, \"B, b\" <b@y.kz>\r\n"
    "Subject: =?utf-8?B?0J/QsNGB0L/QvtGA0YI=?= =?utf-8?B?INCQ0J0=?= data\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed;\r\n"
    "\tboundary=\"outer\"\r\n"
    "\r\n"
    "preamble text\r\n"
    "--outer\r\n"
    "Content-Type: multipart/alternative; boundary=inner\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "PIN 2220119=\r\n"
    "8500123 =3D ok\r\n"
    "--inner\r\n"
    "Content-Type: text/html\r\n"
    "\r\n"
    "<p>hi</p>\r\n"
    "--inner--\r\n"
    "--outer\r\n"
    "Content-Type: application/pdf; name=\"=?UTF-8?B?0L/QsNGB0L/QvtGA0YIucGRm?=\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Disposition: attachment\r\n"
    "\r\n"
    "SUlOIDIyMjAxMTk4\r\n"
    "NTAwMTIz\r\n"
    "--outer\r\n"
    "Content-Type: text/csv\r\n"
    "Content-Disposition: attachment;\r\n"
    " filename*0*=utf-8''%D1%81%D0%BF%D0%B8;\r\n"
    " filename*1=\"sok.csv\"\r\n"
    "\r\n"
    "name;iin\r\n"
    "--outer--\r\n"
    "epilogue\r\n";

Collector parse(std::string_view msg, std::size_t chunk, std::uint32_t depth = 8) {
  Collector c;
  MimeParser p(c, depth, 64 * 1024);
  while (!msg.empty()) {
    const std::size_t n = std::min(chunk, msg.size());
    p.feed(as_bytes(msg.substr(0, n)));
    msg.remove_prefix(n);
  }
  p.finish();
  return c;
}

std::string describe(const Collector& c) {
  std::string s;
  for (const auto& h : c.headers) s += "H:" + h;
  for (const auto& p : c.parts) {
    s += "P:" + p.info.content_type + "|" + p.info.filename + "|" + std::to_string(p.info.depth) +
         "|" + p.data + "|" + std::to_string(p.size) + (p.complete ? "C" : "T") + "\n";
  }
  return s;
}

TEST(MimeParser, NestedMultipartWithEncodings) {
  const Collector c = parse(kNested, kNested.size());
  ASSERT_EQ(c.parts.size(), 4u);
  EXPECT_EQ(c.parts[0].info.content_type, "text/plain");
  EXPECT_EQ(c.parts[0].data, "PIN 22201198500123 = ok");
  EXPECT_EQ(c.parts[0].info.depth, 2u);
  EXPECT_EQ(c.parts[1].data, "<p>hi</p>");
  EXPECT_EQ(c.parts[2].info.filename,
            "\xD0\xBF\xD0\xB0\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80\xD1\x82.pdf");
  EXPECT_EQ(c.parts[2].data, "IIN 22201198500123");
  EXPECT_EQ(c.parts[2].size, 18u);
  EXPECT_EQ(c.parts[3].info.filename, "\xD1\x81\xD0\xBF\xD0\xB8sok.csv");
  EXPECT_EQ(c.parts[3].data, "name;iin");
  for (const auto& p : c.parts) EXPECT_TRUE(p.complete);

  ASSERT_TRUE(c.message.from);
  EXPECT_EQ(*c.message.from, "J\xC3\xBCrgen <j@example.org>");
  EXPECT_EQ(c.message.to, (std::vector<std::string>{"a@x.kg", "\"B, b\" <b@y.kz>"}));
  ASSERT_TRUE(c.message.subject);
  // Adjacent encoded-words join without the space between them.
  EXPECT_EQ(*c.message.subject,
            "\xD0\x9F\xD0\xB0\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80\xD1\x82 \xD0\x90\xD0\x9D data");
  ASSERT_FALSE(c.headers.empty());
  EXPECT_NE(c.headers[0].find("Subject: \xD0\x9F"), std::string::npos);
  EXPECT_NE(c.headers[0].find("boundary=\"outer\""), std::string::npos);  // unfolded
}

TEST(MimeParser, SameResultAtEveryChunkSize) {
  const std::string expected = describe(parse(kNested, kNested.size()));
  for (std::size_t chunk = 1; chunk <= 64; ++chunk) {
    EXPECT_EQ(describe(parse(kNested, chunk)), expected) << chunk;
  }
}

TEST(MimeParser, SinglePartAttachmentAndTruncatedMessage) {
  const std::string msg =
      "Subject: x\r\nContent-Type: application/octet-stream\r\n"
      "Content-Disposition: attachment; filename=\"malware.exe\"\r\n\r\nPAYLOAD\r\n";
  Collector c = parse(msg, 5);
  ASSERT_EQ(c.parts.size(), 1u);
  EXPECT_EQ(c.parts[0].info.filename, "malware.exe");
  EXPECT_EQ(c.parts[0].data, "PAYLOAD");

  Collector cut;
  MimeParser p(cut, 8, 64 * 1024);
  p.feed(
      as_bytes(std::string_view("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                                "Content-Disposition: attachment; filename=a.txt\r\n\r\nabc")));
  p.finish(false);
  ASSERT_EQ(cut.parts.size(), 1u);
  EXPECT_EQ(cut.parts[0].data, "abc");
  EXPECT_FALSE(cut.parts[0].complete);
}

TEST(MimeParser, LongNamesAreCutAt255Bytes) {
  const std::string name(300, 'n');
  Collector c = parse("Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\nx\r\n", 7);
  ASSERT_EQ(c.parts.size(), 1u);
  EXPECT_EQ(c.parts[0].info.filename, std::string(255, 'n'));
}

TEST(MimeParser, EncapsulatedMessageAndDepthLimit) {
  const std::string msg =
      "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n"
      "Content-Type: message/rfc822\r\n\r\n"
      "Subject: inner\r\nContent-Type: text/plain\r\n\r\ninner body\r\n--a--\r\n";
  Collector c = parse(msg, 3);
  ASSERT_EQ(c.parts.size(), 1u);
  EXPECT_EQ(c.parts[0].data, "inner body");
  EXPECT_EQ(c.parts[0].info.depth, 2u);

  // With depth 1 the inner multipart is not opened: its body is one part, still scanned.
  const std::string nested =
      "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n"
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nsecret\r\n--b--\r\n--a--\r\n";
  Collector limited = parse(nested, nested.size(), 1);
  ASSERT_EQ(limited.parts.size(), 1u);
  EXPECT_NE(limited.parts[0].data.find("secret"), std::string::npos);
}

TEST(MimeParser, BoundaryOfOuterLevelClosesInnerParts) {
  const std::string msg =
      "Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n"
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nfirst\r\n"
      "--a\r\n\r\nsecond\r\n--a--\r\n";
  Collector c = parse(msg, msg.size());
  ASSERT_EQ(c.parts.size(), 2u);
  EXPECT_EQ(c.parts[0].data, "first");
  EXPECT_EQ(c.parts[1].data, "second");
}

TEST(MimeHeaderText, EncodedWordsAndParams) {
  EXPECT_EQ(decode_encoded_words("=?ISO-8859-1?Q?caf=E9_au_lait?="), "caf\xC3\xA9 au lait");
  EXPECT_EQ(decode_encoded_words("a =?utf-8?B?Yg==?= c"), "a b c");
  EXPECT_EQ(decode_encoded_words("=?bad"), "=?bad");
  EXPECT_EQ(decode_encoded_words("=?utf-8?X?abc?="), "=?utf-8?X?abc?=");
  const auto params = header_params("attachment; filename*=iso-8859-1'en'r%E9sum%E9.doc; size=3");
  EXPECT_EQ(find_param(params, "filename"), std::optional<std::string>("r\xC3\xA9sum\xC3\xA9.doc"));
  EXPECT_EQ(find_param(params, "size"), std::optional<std::string>("3"));
  EXPECT_EQ(header_main_value(" Multipart/Mixed ; boundary=x"), "multipart/mixed");
  EXPECT_EQ(find_param(header_params("x; name=\"a;b\\\"c\""), "name"),
            std::optional<std::string>("a;b\"c"));
}

}  // namespace
}  // namespace korgoo::app
