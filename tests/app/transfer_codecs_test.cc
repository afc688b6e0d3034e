#include <gtest/gtest.h>

#include <string>

#include "app/codec/transfer_base64.h"
#include "app/codec/transfer_quoted_printable.h"
#include "app/transfer_line_assembler.h"
#include "app/transfer_text.h"

namespace korgoo::app {
namespace {

std::string b64(std::string_view in, std::size_t split) {
  Base64Decoder d;
  std::string out;
  d.decode(as_bytes(in.substr(0, split)), out);
  d.decode(as_bytes(in.substr(split)), out);
  d.finish(out);
  return out;
}

std::string qp(std::string_view in, std::size_t split) {
  QuotedPrintableDecoder d;
  std::string out;
  d.decode(as_bytes(in.substr(0, split)), out);
  d.decode(as_bytes(in.substr(split)), out);
  d.finish(out);
  return out;
}

TEST(TransferBase64, DecodesAtEverySplit) {
  const std::string encoded = "SUlOOiAyMjIwMTE5ODUw\r\nMDEyMywgY2FyZCA0MTExIDExMTEgMTExMSAxMTEx";
  const std::string expected = "IIN: 22201198500123, card 4111 1111 1111 1111";
  for (std::size_t i = 0; i <= encoded.size(); ++i) EXPECT_EQ(b64(encoded, i), expected) << i;
}

TEST(TransferBase64, ByteByByteAndPaddingVariants) {
  for (const auto& [in, out] :
       std::vector<std::pair<std::string, std::string>>{{"QQ==", "A"},
                                                        {"QUI=", "AB"},
                                                        {"QUJD", "ABC"},
                                                        {"QQ", "A"},
                                                        {"QUI", "AB"},
                                                        {"QQ==QUJD", "AABC"},
                                                        {"Q U\tJ\nD", "ABC"},
                                                        {"", ""}}) {
    Base64Decoder d;
    std::string got;
    for (const char c : in) d.decode(as_bytes(std::string_view(&c, 1)), got);
    d.finish(got);
    EXPECT_EQ(got, out) << in;
  }
}

TEST(TransferBase64, SkipsGarbageAndCountsIt) {
  Base64Decoder d;
  std::string out;
  d.decode(as_bytes(std::string_view("QU!JD")), out);
  EXPECT_EQ(out, "ABC");
  EXPECT_EQ(d.skipped_bytes(), 1u);
}

TEST(TransferQuotedPrintable, DecodesAtEverySplit) {
  const std::string encoded = "caf=C3=A9 IBAN DE89=\r\n 3704 0044=\n0532 0130 00 =3D end=";
  const std::string expected = "caf\xC3\xA9 IBAN DE89 3704 00440532 0130 00 = end";
  for (std::size_t i = 0; i <= encoded.size(); ++i) EXPECT_EQ(qp(encoded, i), expected) << i;
}

TEST(TransferQuotedPrintable, LenientWithBrokenEscapes) {
  EXPECT_EQ(qp("a=ZZb", 2), "a=ZZb");
  EXPECT_EQ(qp("a=4", 3), "a=4");
  EXPECT_EQ(qp("x==41", 2), "x=A");
  EXPECT_EQ(qp("soft= \r\nnext", 5), "softnext");
}

std::vector<std::string> lines_of(std::string_view in, std::size_t cap, std::size_t chunk) {
  LineAssembler la(cap);
  std::vector<std::string> out;
  ByteView bytes = as_bytes(in);
  while (!bytes.empty()) {
    ByteView piece = bytes.first(std::min(chunk, bytes.size()));
    bytes = bytes.subspan(piece.size());
    while (!piece.empty()) {
      piece = piece.subspan(la.feed(piece));
      if (la.ready()) {
        std::string line;
        line.push_back(la.starts_line() ? 'S' : '-');
        line.push_back(la.ends_line() ? 'E' : '-');
        line.append(la.text());
        out.push_back(std::move(line));
        la.next();
      }
    }
  }
  if (la.flush()) {
    std::string line(1, 'F');
    line.append(la.text());
    out.push_back(std::move(line));
  }
  return out;
}

TEST(TransferLineAssembler, SameLinesWhateverTheChunking) {
  const std::string in = "EHLO x\r\nlonglonglonglong\r\n\nbare\nabcdefg\r\r\ntail";
  const auto expected = lines_of(in, 8, in.size());
  for (std::size_t chunk = 1; chunk < in.size(); ++chunk)
    EXPECT_EQ(lines_of(in, 8, chunk), expected) << chunk;
  EXPECT_EQ(expected.front(), "SEEHLO x");
  EXPECT_EQ(expected.back(), "Ftail");
}

TEST(TransferLineAssembler, CrAtTheCapIsNotContent) {
  const auto lines = lines_of("1234567\r\nx\n", 8, 1);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "S-1234567");
  EXPECT_EQ(lines[1], "-E");
}

TEST(TransferText, Utf8RepairAndTruncation) {
  EXPECT_EQ(to_valid_utf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(to_valid_utf8("caf\xE9"), "caf\xC3\xA9");  // Latin-1 byte
  EXPECT_EQ(truncate_utf8("ab\xC3\xA9", 3), "ab");
  EXPECT_EQ(truncate_utf8(std::string(300, 'x'), 255).size(), 255u);
}

}  // namespace
}  // namespace korgoo::app
