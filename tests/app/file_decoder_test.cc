// FileDecoder (korgoo scan): each layer the network path decodes is undone for files at rest,
// the layers that ran are named, and what cannot be decoded is reported. Text is synthetic.
#include "app/file/file_decoder.h"
#include "app/file/file_report.h"
#include "app/file/file_sha256.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "code_page.h"
#include "pdf_maker.h"
#include "zip_writer.h"
#include "zlib_util.h"

namespace korgoo::app {
namespace {

using testing::compress;

struct Decoded {
  std::vector<std::string> parts;  // text between boundaries
  std::vector<std::string> decoders;
  std::vector<std::string> problems;
  FileDecoder::Counters counters;
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
Decoded decode(const std::string& name, const std::string& bytes, std::size_t chunk = 7,
               const AppLimits& limits = AppLimits{}) {
  Recorder rec;
  FileDecoder d(name, rec, limits);
  for (std::size_t i = 0; i < bytes.size(); i += chunk)
    d.feed(as_bytes(std::string_view(bytes).substr(i, chunk)));
  d.finish();
  return {rec.take(), d.decoders(), d.problems(), d.counters()};
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

// `text` as UTF-16 bytes, little or big endian.
std::string utf16(const std::u16string& text, bool little) {
  std::string out;
  for (char16_t u : text) {
    const auto lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    out.push_back(little ? lo : hi);
    out.push_back(little ? hi : lo);
  }
  return out;
}

TEST(FileDecoder, Utf16WithByteOrderMark) {
  // "ПИН a" and a character outside the BMP (a surrogate pair), little and big endian.
  const std::u16string text = u"\uFEFFПИН a\U0001F600";
  const std::string le = utf16(text, true), be = utf16(text, false);
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
  const std::vector<std::string> heads = {"\x1f\x8b\x08",
                                          "\x78\x9c",
                                          "\xff\xfe",
                                          "\xfe\xff",
                                          "From: a\r\nTo: b\r\n\r\n",
                                          "{\"a\":\"\\u",
                                          "a=1&b=%",
                                          "%PDF-1.4\n",
                                          "\xcf\xc8\xcd \xea\xe0\xf0\xf2\xe0 ",
                                          ""};
  for (std::size_t h = 0; h < heads.size(); ++h) {
    for (int round = 0; round < 20; ++round) {
      std::string bytes = heads[h];
      for (int i = 0; i < 600; ++i) bytes.push_back(next());
      SCOPED_TRACE("head #" + std::to_string(h) + " round " + std::to_string(round));
      EXPECT_NO_THROW(decode("x.bin", bytes, 1 + static_cast<std::size_t>(round)));
    }
  }
}

// Archives and office documents (issue 13). Values are synthetic (a valid PIN of a person born
// 15.03.1985 and a Luhn-valid test card); assertions say whether a value was found, never print
// it.
const std::string kPin = std::string("2") + "15031985" + "00012";
const std::string kCard = std::string("4000") + "0012" + "3456" + "7899";

bool has(const Decoded& d, std::string_view needle) {
  return d.all().find(needle) != std::string::npos;
}
bool has_part(const Decoded& d, std::string_view needle) {
  return std::any_of(d.parts.begin(), d.parts.end(), [&](const std::string& p) {
    return p.find(needle) != std::string_view::npos;
  });
}
bool problem(const Decoded& d, std::string_view needle) {
  return std::any_of(d.problems.begin(), d.problems.end(),
                     [&](const std::string& p) { return p.find(needle) != std::string::npos; });
}

using testing::make_xlsx;
using testing::make_zip;

TEST(FileDecoderArchives, TestCardIsLuhnValid) {
  int sum = 0;
  for (std::size_t i = 0; i < kCard.size(); ++i) {
    int d = kCard[kCard.size() - 1 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  EXPECT_EQ(sum % 10, 0);
}

TEST(FileDecoderArchives, XlsxNumericPinCellAndSharedStringCard) {
  // The PIN is a number cell as Excel writes big numbers (exponent form); the card a shared
  // string; the header an inline string. Shared strings come after the sheet in the zip.
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>pin</t></is></c>"
      "<c r=\"B1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>2.1503198500012E13</v></c>"
      "<c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"b\"><v>1</v></c>"
      "<c r=\"D2\"><f>A2+1</f><v>7</v></c></row>";
  const Decoded d = decode("export.xlsx", make_xlsx({"card", kCard}, rows), 100);
  EXPECT_EQ(d.decoders, (Names{"zip", "xlsx"}));
  EXPECT_TRUE(d.problems.empty());
  EXPECT_TRUE(has(d, "pin\tcard\n"));
  EXPECT_TRUE(has(d, kPin + "\t" + kCard + "\t\t7\n")) << "cells joined or lost";
  EXPECT_FALSE(has(d, "numFmts")) << "styles are not text";
  EXPECT_EQ(d.counters.archives, 1u);
}

TEST(FileDecoderArchives, DocxParagraphRunsHeaderAndFooter) {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  // A PIN split over three runs (spell-check does this) is one value; two paragraphs are two
  // lines; a text box's fallback copy is not read twice.
  const std::string doc = "<w:document " + w +
                          " xmlns:mc=\"m\"><w:body><w:p><w:r><w:t xml:space=\"preserve\">ПИН "
                          "</w:t></w:r><w:r><w:t>" +
                          kPin.substr(0, 6) + "</w:t></w:r><w:r><w:t>" + kPin.substr(6) +
                          "</w:t></w:r></w:p><w:p><w:r><w:t>second</w:t></w:r></w:p>"
                          "<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>boxed</w:t></w:r>"
                          "</w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>boxed</w:t></w:r></w:p>"
                          "</mc:Fallback></mc:AlternateContent></w:body></w:document>";
  const std::string header =
      "<w:hdr " + w + "><w:p><w:r><w:t>card " + kCard + "</w:t></w:r></w:p></w:hdr>";
  const std::string footer =
      "<w:ftr " + w + "><w:p><w:r><w:t>footer text</w:t></w:r></w:p></w:ftr>";
  const Decoded d = decode("letter.docx", make_zip({{"[Content_Types].xml", "<Types/>"},
                                                    {"word/document.xml", doc},
                                                    {"word/header1.xml", header},
                                                    {"word/footer2.xml", footer},
                                                    {"word/styles.xml", "<w:styles/>"}}));
  EXPECT_EQ(d.decoders, (Names{"zip", "docx"}));
  EXPECT_TRUE(has(d, "ПИН " + kPin + "\nsecond\n"));
  EXPECT_TRUE(has_part(d, "card " + kCard));
  EXPECT_TRUE(has_part(d, "footer text"));
  const std::string all = d.all();
  EXPECT_EQ(all.find("boxed"), all.rfind("boxed")) << "alternate content read twice";
  EXPECT_EQ(d.parts.size(), 3u);
}

TEST(FileDecoderArchives, PptxSlidesAndOdsTypedCells) {
  const Decoded p =
      decode("deck.pptx", make_zip({{"[Content_Types].xml", "<Types/>"},
                                    {"ppt/presentation.xml", "<p:presentation/>"},
                                    {"ppt/slides/slide1.xml", "<p:sld><a:p><a:r><a:t>pin " + kPin +
                                                                  "</a:t></a:r></a:p></p:sld>"}}));
  EXPECT_EQ(p.decoders, (Names{"zip", "pptx"}));
  EXPECT_TRUE(has(p, "pin " + kPin + "\n"));
  // ODF: the typed value of a float cell, not its display text (which may be rounded).
  const std::string content =
      "<office:document-content><office:body><office:spreadsheet><table:table>"
      "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"" +
      kPin + "\"><text:p>2,15E+13</text:p></table:table-cell><table:table-cell><text:p>" + kCard +
      "</text:p></table:table-cell></table:table-row></table:table>"
      "</office:spreadsheet></office:body></office:document-content>";
  const Decoded o = decode(
      "list.ods", make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
                            {"content.xml", content},
                            {"meta.xml", "<office:meta/>"}}));
  EXPECT_EQ(o.decoders, (Names{"zip", "ods"}));
  EXPECT_TRUE(has(o, kPin + "\t"));
  EXPECT_TRUE(has(o, kCard + "\n"));
  EXPECT_FALSE(has(o, "2,15E+13"));
}

TEST(FileDecoderArchives, ZipOfCsvStoredAndDeflatedEachAPart) {
  const Decoded d = decode("export.zip", make_zip({{"a.csv", "id,pin\n1," + kPin + "\n", true},
                                                   {"b.txt", "card " + kCard + "\n"},
                                                   {"dir/c.json", "{\"p\":\"\\u0032\"}"}}));
  EXPECT_EQ(d.decoders, (Names{"zip", "json_escapes"}));
  ASSERT_EQ(d.parts.size(), 3u);
  EXPECT_EQ(d.parts[0], "id,pin\n1," + kPin + "\n");
  EXPECT_EQ(d.parts[1], "card " + kCard + "\n");
  EXPECT_EQ(d.parts[2], "{\"p\":\"2\"}");
  EXPECT_EQ(d.counters.entries, 3u);
}

TEST(FileDecoderArchives, NestedZipGzipAndXlsxUpToTheDepthLimit) {
  const std::string csv = "id,pin\n1," + kPin + "\n";
  const std::string inner = make_zip({{"inner.csv.gz", testing::compress(csv, 31)}});
  const std::string xlsx = make_xlsx({}, "<row><c><v>" + kPin + "</v></c></row>");
  const std::string outer = make_zip({{"inner.zip", inner}, {"book.xlsx", xlsx}});
  const Decoded d = decode("outer.zip", outer);
  EXPECT_EQ(d.decoders, (Names{"zip", "gzip", "xlsx"}));
  EXPECT_TRUE(d.problems.empty());
  EXPECT_TRUE(has_part(d, csv));
  EXPECT_TRUE(has_part(d, kPin + "\n"));
  EXPECT_EQ(d.counters.archives, 3u);
  // One archive deep only: the inner zip is scanned as its bytes (the stored gzip is not
  // inflated), said once per archive that was not opened.
  AppLimits one;
  one.max_archive_depth = 1;
  const Decoded shallow = decode("outer.zip", outer, 4096, one);
  EXPECT_EQ(shallow.counters.depth_limit_hits, 2u);
  EXPECT_TRUE(problem(shallow, "max_archive_depth"));
  EXPECT_EQ(shallow.counters.archives, 1u);
}

TEST(FileDecoderArchives, BombStopsAtTheOutputCapAndTheRatio) {
  const std::string zeros(8u << 20, '0');
  const std::string bomb = make_zip(
      {{"a.csv", "id,pin\n1," + kPin + "\n"}, {"zeros.txt", zeros}, {"after.csv", "never read\n"}});
  ASSERT_LT(bomb.size(), 64u * 1024);
  AppLimits cap;
  cap.max_file_output_bytes = 1u << 20;
  const Decoded d = decode("bomb.zip", bomb, 4096, cap);
  EXPECT_EQ(d.counters.output_limit_hits, 1u);
  EXPECT_TRUE(problem(d, "max_file_output_bytes"));
  EXPECT_TRUE(has_part(d, kPin)) << "the member before the bomb is scanned";
  EXPECT_FALSE(has(d, "never read"));
  EXPECT_LE(d.all().size(), (1u << 20) + 64 * 1024);
  // With the default output cap, the expansion ratio stops it (8 MB from a few KB).
  AppLimits ratio;
  ratio.max_decompression_ratio = 100;
  const Decoded r = decode("bomb.zip", bomb, 4096, ratio);
  EXPECT_EQ(r.counters.ratio_limit_hits, 1u);
  EXPECT_EQ(r.counters.output_limit_hits, 0u);
  EXPECT_TRUE(problem(r, "max_decompression_ratio"));
  EXPECT_LT(r.all().size(), zeros.size());
  // A gzip bomb inside the zip counts against the same file cap.
  const Decoded g = decode("gz.zip", make_zip({{"z.gz", testing::compress(zeros, 31)}}), 4096, cap);
  EXPECT_EQ(g.counters.output_limit_hits, 1u);
  EXPECT_LE(g.all().size(), (1u << 20) + 64 * 1024);
}

TEST(FileDecoderArchives, EntryLimit) {
  std::vector<testing::Member> many;
  for (char i = '0'; i < '6'; ++i) many.push_back({std::string("m.txt").insert(1, 1, i), "text\n"});
  AppLimits limits;
  limits.max_archive_entries = 4;
  const Decoded d = decode("many.zip", make_zip(many), 4096, limits);
  EXPECT_EQ(d.counters.entry_limit_hits, 1u);
  EXPECT_EQ(d.counters.entries, 4u);
  EXPECT_TRUE(problem(d, "max_archive_entries"));
}

TEST(FileDecoderArchives, EncryptedMemberIsFlaggedNotDecoded) {
  const std::string closed = make_zip({{"closed.csv", "card " + kCard + "\n"}}, true);
  const Decoded d = decode(
      "secret.zip", make_zip({{"open.csv", "id,pin\n1," + kPin + "\n"}, {"closed.zip", closed}}));
  EXPECT_EQ(d.counters.encrypted_entries, 1u);
  EXPECT_TRUE(problem(d, "encrypted"));
  EXPECT_TRUE(has_part(d, kPin)) << "the open member is still scanned";
  EXPECT_FALSE(has(d, kCard));
}

TEST(FileDecoderArchives, TarAndBzip2XzZstdStreams) {
  const std::string csv = "id,pin\n1," + kPin + "\n";
  const Decoded tar = decode("a.tar", testing::make_tar({{"a.csv", csv}, {"b.txt", kCard}}, ""));
  EXPECT_EQ(tar.decoders, (Names{"tar"}));
  EXPECT_TRUE(has_part(tar, csv));
  EXPECT_TRUE(has_part(tar, kCard));
  const Decoded txz = decode("a.tar.xz", testing::make_tar({{"a.csv", csv}}, "xz"));
  EXPECT_EQ(txz.decoders, (Names{"xz"}));
  EXPECT_TRUE(has_part(txz, csv));
  const Decoded tgz =
      decode("a.tgz", testing::compress(testing::make_tar({{"a.csv", csv}}, ""), 31));
  EXPECT_EQ(tgz.decoders, (Names{"gzip", "tar"}));
  EXPECT_TRUE(has_part(tgz, csv));
  for (const char* filter : {"bzip2", "xz", "zstd"}) {
    SCOPED_TRACE(filter);
    const Decoded d = decode("a.csv.x", testing::make_tar({{"a.csv", csv}}, filter, false));
    EXPECT_EQ(d.decoders, (Names{filter}));
    EXPECT_TRUE(has_part(d, csv));
    EXPECT_TRUE(d.problems.empty());
  }
}

// Damaged archives and documents: every byte of a real xlsx flipped in turn (a stride of
// positions, several values), and random bytes behind each archive magic. Nothing throws or
// crashes, and the output stays within the file cap.
TEST(FileDecoderArchives, CorruptedArchivesAreSafe) {
  const std::string xlsx =
      make_xlsx({"pin", kCard}, "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>");
  AppLimits limits;
  limits.max_file_output_bytes = 1u << 20;
  for (std::size_t at = 0; at < xlsx.size(); at += 3) {
    for (const unsigned char flip : {0x01, 0x80, 0xFF}) {
      std::string bytes = xlsx;
      bytes[at] = static_cast<char>(static_cast<unsigned char>(bytes[at]) ^ flip);
      Decoded d;
      ASSERT_NO_THROW(d = decode("x.xlsx", bytes, 4096, limits)) << "byte " << at;
      EXPECT_LE(d.all().size(), (1u << 20) + 64 * 1024);
    }
  }
  std::uint64_t state = 13;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<char>(state >> 56);
  };
  for (const std::string& head :
       {std::string("PK\x03\x04", 4), std::string("PK\x05\x06", 4), std::string("BZh9"),
        std::string("\xFD"
                    "7zXZ\0",
                    6),
        std::string("\x28\xB5\x2F\xFD")}) {
    for (int round = 0; round < 20; ++round) {
      std::string bytes = head;
      for (int i = 0; i < 2000; ++i) bytes.push_back(next());
      EXPECT_NO_THROW(decode("x.bin", bytes, 1 + static_cast<std::size_t>(round) * 97, limits));
    }
  }
}

TEST(FileDecoderArchives, DamagedAndTruncatedZips) {
  const std::string zip =
      make_zip({{"a.csv", "id,pin\n1," + kPin + "\n"}, {"b.csv", std::string(20000, 'x') + "\n"}});
  // Cut inside the second member: the central directory is gone; local headers give the first.
  const Decoded cut = decode("cut.zip", zip.substr(0, zip.size() / 2), 4096);
  EXPECT_TRUE(has_part(cut, kPin));
  EXPECT_FALSE(cut.problems.empty());
  // Bytes that start like a zip and are not one: said, nothing thrown.
  const Decoded junk = decode("junk.zip", std::string("PK\x03\x04", 4) + std::string(300, '\x7f'));
  EXPECT_FALSE(junk.problems.empty());
  // An archive larger than max_archive_bytes is read up to there.
  AppLimits small;
  small.max_archive_bytes = zip.size() / 2;
  const Decoded big = decode("big.zip", zip, 4096, small);
  EXPECT_EQ(big.counters.size_limit_hits, 1u);
  EXPECT_TRUE(has_part(big, kPin));
}

// --- PDF, libmagic, legacy code pages, the time limit (issue 13) --------------------------------

namespace documents {

Decoded decode_with(FileDecoder::Layers layers, const std::string& bytes, FileMagic* magic,
                    std::string* type = nullptr, const AppLimits& limits = AppLimits{}) {
  Recorder rec;
  FileDecoder d("f", rec, limits, layers);
  d.set_magic(magic);
  for (std::size_t i = 0; i < bytes.size(); i += 1000)
    d.feed(as_bytes(std::string_view(bytes).substr(i, 1000)));
  d.finish();
  if (type) *type = d.magic();
  return {rec.take(), d.decoders(), d.problems(), d.counters()};
}

bool has_part_with(const Decoded& d, const std::string& needle) {
  return std::any_of(d.parts.begin(), d.parts.end(),
                     [&](const std::string& p) { return p.find(needle) != std::string::npos; });
}

}  // namespace documents

TEST(FileDecoderDocuments, PdfPagesAreTextEachAPart) {
  // Synthetic values (a test PIN shape and the Visa test card).
  const std::string pdf =
      testing::make_pdf("pin,card\n21503198500012,4111111111111111\n\fsecond page 1234\n");
  ASSERT_TRUE(pdf.starts_with("%PDF-")) << "tests/app/make_pdf.py (python3-reportlab) failed";
  for (const auto layers : {FileDecoder::Layers::kAll, FileDecoder::Layers::kArchivesOnly}) {
    FileMagic magic;
    std::string type;
    const Decoded d = documents::decode_with(layers, pdf, &magic, &type);
    EXPECT_EQ(d.decoders, Names{"pdf"});
    ASSERT_EQ(d.parts.size(), 2u) << d.all();
    EXPECT_NE(d.parts[0].find("21503198500012,4111111111111111"), std::string::npos) << d.parts[0];
    EXPECT_NE(d.parts[1].find("second page 1234"), std::string::npos) << d.parts[1];
    EXPECT_EQ(d.counters.pdfs, 1u);
    EXPECT_TRUE(d.problems.empty());
    EXPECT_EQ(type, "application/pdf");
  }
  // Inside a zip, a PDF member is read too.
  const Decoded z = decode("a.zip", testing::make_zip({{"report.pdf", pdf}}), 7);
  EXPECT_EQ(z.decoders, (Names{"zip", "pdf"}));
  EXPECT_TRUE(documents::has_part_with(z, "21503198500012"));
}

TEST(FileDecoderDocuments, EncryptedPdfIsFlaggedNotDecoded) {
  const std::string pdf = testing::make_pdf("pin\n21503198500012\n", "pw");
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  const Decoded d = decode("secret.pdf", pdf, 4096);
  EXPECT_EQ(d.counters.encrypted_entries, 1u);
  EXPECT_EQ(d.counters.pdfs, 0u);
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_NE(d.problems[0].find("(encrypted)"), std::string::npos) << d.problems[0];
  EXPECT_FALSE(documents::has_part_with(d, "21503198500012"));
}

TEST(FileDecoderDocuments, PdfLargerThanItsCapAndDamagedPdf) {
  const std::string pdf = testing::make_pdf("pin\n21503198500012\n");
  ASSERT_FALSE(pdf.empty());
  AppLimits small;
  small.max_pdf_bytes = pdf.size() / 2;
  const Decoded cut = decode("big.pdf", pdf, 100, small);
  EXPECT_EQ(cut.counters.size_limit_hits, 1u);
  ASSERT_FALSE(cut.problems.empty());
  EXPECT_NE(cut.problems[0].find("max_pdf_bytes"), std::string::npos) << cut.problems[0];
  const Decoded junk = decode("junk.pdf", "%PDF-1.4\n" + std::string(300, 'x'), 7);
  EXPECT_EQ(junk.counters.damaged, 1u);
  EXPECT_EQ(junk.problems.size(), 1u);
  EXPECT_EQ(junk.all(), "%PDF-1.4\n" + std::string(300, 'x'));  // scanned as its bytes
}

TEST(FileDecoderDocuments, TimeLimitStopsBetweenMembersAndPages) {
  AppLimits now;
  now.max_file_millis = 0;  // spent at the first check: after the first member or page
  const Decoded z =
      decode("a.zip", testing::make_zip({{"a.csv", "first"}, {"b.csv", "second"}}), 7, now);
  EXPECT_EQ(z.parts, Names{"first"});
  EXPECT_EQ(z.counters.time_limit_hits, 1u);
  ASSERT_EQ(z.problems.size(), 1u);
  EXPECT_NE(z.problems[0].find("max_file_seconds"), std::string::npos) << z.problems[0];
  const Decoded p = decode("a.pdf", testing::make_pdf("page one\fpage two\fpage three\n"), 7, now);
  ASSERT_EQ(p.parts.size(), 1u);
  EXPECT_NE(p.parts[0].find("page one"), std::string::npos);
  EXPECT_EQ(p.counters.time_limit_hits, 1u);
  // With the default limit all is read.
  EXPECT_EQ(decode("a.pdf", testing::make_pdf("page one\fpage two\fpage three\n")).parts.size(),
            3u);
}

TEST(FileDecoderDocuments, Cp1251AndKoi8rBecomeUtf8) {
  const std::string text =
      "ФИО;паспорт;карта\nИванов Иван Иванович;XY1234567;4111111111111\n"
      "Петрова Анна Сергеевна;XY7654321;4222222222222\nномер карты и паспорт клиента\n";
  const Decoded cp = decode("c.csv", testing::in_code_page(text, "CP1251"), 7);
  EXPECT_EQ(cp.all(), text);
  EXPECT_EQ(cp.decoders, Names{"cp1251"});
  const Decoded koi = decode("k.csv", testing::in_code_page(text, "KOI8-R"), 7);
  EXPECT_EQ(koi.all(), text);
  EXPECT_EQ(koi.decoders, Names{"koi8r"});
  // UTF-8 stays as it is; so does Latin-1-looking binary and mostly-ASCII text.
  EXPECT_EQ(decode("u.csv", text).decoders, Names{});
  EXPECT_EQ(
      decode("b.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(64, '\xE0'))
          .decoders,
      Names{});
  EXPECT_EQ(decode("a.txt", "name;Jones, Smith and Brown and co\n\xE9t\xE9 caf\xE9\n").decoders,
            Names{});
}

TEST(FileDecoderDocuments, Utf16WithoutByteOrderMark) {
  const std::u16string text = u"ПИН;карта\n21503198500012;4111111111111111\n";
  const std::string le = utf16(text, true), be = utf16(text, false);
  const std::string utf8 = "ПИН;карта\n21503198500012;4111111111111111\n";
  const Decoded l = decode("u.csv", le, 3);
  EXPECT_EQ(l.all(), utf8);
  EXPECT_EQ(l.decoders, Names{"utf16le"});
  const Decoded b = decode("u.csv", be, 5);
  EXPECT_EQ(b.all(), utf8);
  EXPECT_EQ(b.decoders, Names{"utf16be"});
}

TEST(FileDecoderDocuments, MagicNamesWhatIsNotDecoded) {
  FileMagic magic;
  ASSERT_TRUE(magic.loaded()) << "libmagic's database (libmagic-mgc) did not load";
  std::string type;
  // A PNG signature and its IHDR chunk's start (the array's own size: no trailing NUL).
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0";
  documents::decode_with(FileDecoder::Layers::kAll, std::string(kPng, sizeof kPng - 1), &magic,
                         &type);
  EXPECT_EQ(type, "image/png");
  documents::decode_with(FileDecoder::Layers::kAll, testing::make_zip({{"a.csv", "x"}}), &magic,
                         &type);
  EXPECT_EQ(type, "application/zip");
  // Without a handle nothing is named.
  EXPECT_EQ(documents::decode_with(FileDecoder::Layers::kAll, "plain\n", nullptr, &type).decoders,
            Names{});
  EXPECT_EQ(type, "");
}

// A damaged or hostile PDF (bytes of a real one changed at random places, or cut) never
// throws and never stops the file: its text or its bytes are scanned, or a problem is said.
TEST(FileDecoderDocuments, MutatedAndCutPdfsAreSafe) {
  const std::string pdf = testing::make_pdf("pin,card\nrow one\n\frow two\n");
  ASSERT_FALSE(pdf.empty());
  std::uint64_t state = 13;
  for (int round = 0; round < 30; ++round) {
    std::string bytes = pdf;
    for (int i = 0; i < 1 + round; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      bytes[5 + (state >> 33) % (bytes.size() - 5)] = static_cast<char>(state >> 56);
    }
    if (round % 3 == 0) bytes.resize(bytes.size() * static_cast<std::size_t>(round + 1) / 31);
    SCOPED_TRACE("round " + std::to_string(round));
    EXPECT_NO_THROW(decode("m.pdf", bytes, 512));
  }
}

// fileinfo.sha256 (issue 13): of the bytes fed, as they travelled (a gzip file's compressed
// bytes, not its text), whatever the chunking; "" when off.
TEST(FileDecoderDocuments, Sha256IsOfTheBytesAsSentAndOptional) {
  const auto hash = [](const std::string& bytes, std::size_t chunk, bool on) {
    Recorder rec;
    FileDecoder d("f", rec);
    d.set_sha256(on);
    for (std::size_t i = 0; i < bytes.size(); i += chunk)
      d.feed(as_bytes(std::string_view(bytes).substr(i, chunk)));
    d.finish();
    return d.sha256();
  };
  // FIPS 180-2's test vector for "abc".
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  EXPECT_EQ(hash("abc", 1, true), abc);
  EXPECT_EQ(hash("abc", 3, true), abc);
  EXPECT_EQ(hash("abc", 1, false), "");
  const std::string gz = testing::compress("id,pin\n1,x\n", 31);
  FileSha256 whole;
  whole.update(as_bytes(gz));
  const std::string want = whole.finish();
  EXPECT_EQ(want.size(), 64u);
  EXPECT_EQ(hash(gz, 5, true), want);
  EXPECT_EQ(hash(gz, gz.size(), true), want);
}

// fileinfo.magic says what Suricata's does: libmagic's description, not the MIME type.
TEST(FileDecoderDocuments, MagicDescriptionForEve) {
  FileMagic magic;
  ASSERT_TRUE(magic.loaded()) << "libmagic's database (libmagic-mgc) did not load";
  Recorder rec;
  FileDecoder d("a.zip", rec, AppLimits{}, FileDecoder::Layers::kArchivesOnly);
  d.set_magic(&magic, FileDecoder::MagicForm::kDescription);
  d.feed(as_bytes(testing::make_zip({{"a.csv", "x"}})));
  d.finish();
  EXPECT_TRUE(d.magic().starts_with("Zip archive data")) << d.magic();
  // The MIME form is still what the same handle gives next.
  EXPECT_EQ(magic.type(as_bytes(std::string_view("%PDF-1.4\n"))), "application/pdf");
}

// The record fields: magic and sha256 next to korgoo; a file the carrier lost part of has no
// hash (it would not be the file's), while a decoding limit keeps it (every byte was hashed).
TEST(FileReport, AddsMagicAndSha256ToFileinfo) {
  FileReport r;
  r.magic = "ASCII text";
  r.sha256 = std::string(64, 'a');
  Json info = Json::object();
  r.add_to(info);
  EXPECT_EQ(info["magic"], "ASCII text");
  EXPECT_EQ(info["sha256"], std::string(64, 'a'));
  EXPECT_EQ(info["korgoo"]["decoded"], "full");
  r.cut("gap");
  Json cut = Json::object();
  r.add_to(cut);
  EXPECT_FALSE(cut.contains("sha256"));
  EXPECT_EQ(cut["magic"], "ASCII text");
  Json none = Json::object();
  FileReport{}.add_to(none);
  EXPECT_FALSE(none.contains("magic"));
  EXPECT_FALSE(none.contains("sha256"));

  AppLimits tight;
  tight.max_archive_entries = 1;
  Recorder rec;
  FileDecoder d("a.zip", rec, tight);
  d.set_sha256(true);
  d.feed(as_bytes(testing::make_zip({{"a.csv", "x"}, {"b.csv", "y"}})));
  d.finish();
  const FileReport limited = report_of(d);
  EXPECT_EQ(limited.decoded, "partial");
  EXPECT_EQ(limited.sha256.size(), 64u);
}

}  // namespace
}  // namespace korgoo::app
