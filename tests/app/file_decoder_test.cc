// FileDecoder (korgoo scan): each layer the network path decodes is undone for files at rest,
// the layers that ran are named, and what cannot be decoded is reported. Text is synthetic.
#include "app/file_decoder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "zlib_util.h"

namespace korgoo::app {
namespace {

using testing::compress;

struct Decoded {
  std::vector<std::string> parts;  // text between boundaries
  std::vector<std::string> decoders;
  std::vector<std::string> problems;
  std::string all() const {
    std::string out;
    for (const auto& p : parts) out += p;
    return out;
  }
};

class Recorder final : public FileDecoder::Sink {
 public:
  void text(std::string_view t) override { current_.append(t); }
  void boundary() override {
    if (!current_.empty()) parts_.push_back(std::move(current_));
    current_.clear();
  }
  std::vector<std::string> take() {
    boundary();
    return std::move(parts_);
  }

 private:
  std::string current_;
  std::vector<std::string> parts_;
};

// Fed in chunks of `chunk` bytes, so that every layer's state crosses calls.
Decoded decode(const std::string& name, const std::string& bytes, std::size_t chunk = 7) {
  Recorder rec;
  FileDecoder d(name, rec);
  for (std::size_t i = 0; i < bytes.size(); i += chunk)
    d.feed(as_bytes(std::string_view(bytes).substr(i, chunk)));
  d.finish();
  return {rec.take(), d.decoders(), d.problems()};
}

using Names = std::vector<std::string>;

TEST(FileDecoder, PlainTextPassesAsSent) {
  const std::string text = "id,name\n1,Test, x^ not compressed\n";
  const Decoded d = decode("a.csv", text);
  EXPECT_EQ(d.all(), text);
  EXPECT_EQ(d.decoders, Names{});
  EXPECT_TRUE(d.problems.empty());
}

TEST(FileDecoder, FormAndQueryPercentEncoding) {
  const Decoded form = decode("f.txt", "name=Test+User&v=%D0%B0%D0%B1&x=1\n");
  EXPECT_EQ(form.all(), "name=Test User&v=аб&x=1\n");
  EXPECT_EQ(form.decoders, Names{"percent"});
  // URLs in a log: escapes decoded, '+' kept (it is a space only in form bodies).
  const Decoded log = decode("access.log", "GET /s?q=%D0%B0+b HTTP/1.1\n");
  EXPECT_EQ(log.all(), "GET /s?q=а+b HTTP/1.1\n");
  EXPECT_EQ(log.decoders, Names{"percent"});
  // A percent sign in prose is not a query.
  EXPECT_EQ(decode("t.txt", "rose 50%AB today\n").decoders, Names{});
}

TEST(FileDecoder, JsonStringEscapes) {
  const Decoded d = decode("d.json", "{\"n\":\"\\u0430\\u0431\",\"m\":\"a\\nb\"}");
  EXPECT_EQ(d.all(), "{\"n\":\"аб\",\"m\":\"a\nb\"}");
  EXPECT_EQ(d.decoders, Names{"json_escapes"});
}

TEST(FileDecoder, GzipAndDeflateAreInflated) {
  const std::string text = "{\"v\":\"\\u0430\"}";
  const Decoded gz = decode("x.json.gz", compress(text, 31));
  EXPECT_EQ(gz.all(), "{\"v\":\"а\"}");
  EXPECT_EQ(gz.decoders, (Names{"gzip", "json_escapes"}));
  const Decoded z = decode("x.z", compress("plain text\n", 15));
  EXPECT_EQ(z.all(), "plain text\n");
  EXPECT_EQ(z.decoders, Names{"deflate"});
}

TEST(FileDecoder, TruncatedGzipIsReported) {
  const std::string gz = compress(std::string(5000, 'a') + "end", 31);
  const Decoded d = decode("cut.gz", gz.substr(0, gz.size() / 2));
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_NE(d.problems[0].find("truncated"), std::string::npos) << d.problems[0];
}

TEST(FileDecoder, Utf16WithByteOrderMark) {
  // "ПИН a" and a character outside the BMP (a surrogate pair), little and big endian.
  const std::u16string text = u"\uFEFFПИН a\U0001F600";
  std::string le, be;
  for (char16_t u : text) {
    le.push_back(static_cast<char>(u & 0xFF));
    le.push_back(static_cast<char>(u >> 8));
    be.push_back(static_cast<char>(u >> 8));
    be.push_back(static_cast<char>(u & 0xFF));
  }
  const Decoded l = decode("u.txt", le, 3);
  EXPECT_EQ(l.all(), "ПИН a\xF0\x9F\x98\x80");
  EXPECT_EQ(l.decoders, Names{"utf16le"});
  const Decoded b = decode("u.txt", be, 5);
  EXPECT_EQ(b.all(), "ПИН a\xF0\x9F\x98\x80");
  EXPECT_EQ(b.decoders, Names{"utf16be"});
}

TEST(FileDecoder, MailMessageBase64AndQuotedPrintableParts) {
  const std::string eml =
      "From: a@example.kg\r\nTo: b@example.kg\r\nSubject: =?UTF-8?B?0YLQtdGB0YI=?=\r\n"
      "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n"
      "--XX\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
      "0J/QmNCdIDE=\r\n"  // "ПИН 1"
      "--XX\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
      "a=3Db\r\n--XX--\r\n";
  for (const std::string name : {"m.eml", "message.txt"}) {
    SCOPED_TRACE(name);
    const Decoded d = decode(name, eml);
    EXPECT_EQ(d.decoders, (Names{"mime", "base64", "quoted_printable"}));
    const std::string all = d.all();
    EXPECT_NE(all.find("тест"), std::string::npos);   // the encoded-word subject
    EXPECT_NE(all.find("ПИН 1"), std::string::npos);  // the base64 part
    EXPECT_NE(all.find("a=b"), std::string::npos);    // the quoted-printable part
    EXPECT_EQ(all.find("0J/QmNCd"), std::string::npos);
    EXPECT_GE(d.parts.size(), 3u);  // headers and parts are separate: no value joins them
  }
}

// Arbitrary bytes behind each layer's signature (gzip magic, a BOM, mail headers, JSON, a
// form) never throw or hang.
TEST(FileDecoder, ArbitraryBytesBehindEveryLayerAreSafe) {
  std::uint64_t state = 14;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<char>(state >> 56);
  };
  const std::vector<std::string> heads = {
      "\x1f\x8b\x08", "\x78\x9c", "\xff\xfe", "\xfe\xff", "From: a\r\nTo: b\r\n\r\n",
      "{\"a\":\"\\u", "a=1&b=%",  ""};
  for (std::size_t h = 0; h < heads.size(); ++h) {
    for (int round = 0; round < 20; ++round) {
      std::string bytes = heads[h];
      for (int i = 0; i < 600; ++i) bytes.push_back(next());
      SCOPED_TRACE("head #" + std::to_string(h) + " round " + std::to_string(round));
      EXPECT_NO_THROW(decode("x.bin", bytes, 1 + static_cast<std::size_t>(round)));
    }
  }
}

}  // namespace
}  // namespace korgoo::app
