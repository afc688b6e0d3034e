// The building blocks of HTTP decoding, on their own.
#include <gtest/gtest.h>

#include "app/codec/chunked_decoder.h"
#include "app/codec/json_unescaper.h"
#include "app/codec/multipart_parser.h"
#include "app/codec/url_decoder.h"
#include "app/decoders.h"
#include "app/http/http_headers.h"

namespace korgoo::app {
namespace {

std::string url_bytewise(const std::string& in, bool plus) {
  UrlDecoder d(plus);
  std::string out;
  for (char c : in) d.decode(as_bytes(std::string_view(&c, 1)), out);
  d.finish(out);
  return out;
}

TEST(UrlDecoder, DecodesEscapesAcrossCalls) {
  EXPECT_EQ(url_bytewise("a%41%4a%4A+b", false), "aAJJ+b");
  EXPECT_EQ(url_bytewise("a%41+b", true), "aA b");
  EXPECT_EQ(url_bytewise("%%41%zz%4", false), "%A%zz%4");
  EXPECT_EQ(percent_decode("%e2%82%ac"), "\xE2\x82\xAC");
}

std::string json_bytewise(const std::string& in) {
  JsonUnescaper j;
  std::string out;
  for (char c : in) j.decode(as_bytes(std::string_view(&c, 1)), out);
  j.finish(out);
  return out;
}

TEST(JsonUnescaper, DecodesEveryEscape) {
  EXPECT_EQ(json_bytewise(R"(\"\\\/\b\f\n\r\t)"), "\"\\/\b\f\n\r\t");
  EXPECT_EQ(json_bytewise(R"(\u0041\u00e9\u20AC)"), "A\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(json_bytewise(R"(\uD83D\uDE00)"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(json_bytewise(R"(\uDE00)"), "\xEF\xBF\xBD");
  EXPECT_EQ(json_bytewise(R"(\uD83D\n)"), "\xEF\xBF\xBD\n");
  EXPECT_EQ(json_bytewise(R"(\uD83D\u0041)"),
            "\xEF\xBF\xBD"
            "A");
  EXPECT_EQ(json_bytewise(R"(\u12G4)"), "\\u12G4");
  EXPECT_EQ(json_bytewise(R"(\u12)"), "\\u12");
  EXPECT_EQ(json_bytewise("tail\\"), "tail\\");
}

std::string dechunk(const std::string& in, std::size_t piece) {
  ChunkedDecoder c;
  std::string out;
  for (std::size_t i = 0; i < in.size() && !c.done() && !c.invalid(); i += piece) {
    ByteView rest = as_bytes(std::string_view(in).substr(i, piece));
    while (!rest.empty() && !c.done() && !c.invalid()) {
      auto s = c.step(rest);
      out.append(as_chars(s.data));
      rest = rest.subspan(s.consumed);
    }
  }
  return c.done() ? out : "<not done>";
}

TEST(ChunkedDecoder, AnySplitSameData) {
  const std::string in = "3;ext=\"a;b\"\r\nabc\r\n\r\n 2 \r\nde\n1\nf\r\n0\r\nT: v\r\n\r\n";
  for (std::size_t piece = 1; piece <= in.size(); ++piece) {
    EXPECT_EQ(dechunk(in, piece), "abcdef") << piece;
  }
}

TEST(ChunkedDecoder, InvalidSizeLineKeepsItsBytes) {
  ChunkedDecoder c;
  auto s = c.step(as_bytes("zz\r\nrest"));  // known bad at its first byte
  EXPECT_TRUE(c.invalid());
  EXPECT_EQ(s.consumed, 1u);
  EXPECT_EQ(c.invalid_line(), "z");
  // Junk after the digits is ignored, as browsers do (http-evader "f," and "f\v" sizes).
  ChunkedDecoder junk;
  auto j = junk.step(as_bytes("\f2,x\r\nab"));
  EXPECT_FALSE(junk.invalid());
  EXPECT_EQ(j.consumed, 6u);
  EXPECT_EQ(as_chars(junk.step(as_bytes("ab")).data), "ab");
  ChunkedDecoder huge;
  huge.step(as_bytes("ffffffffffffffffff\r\n"));
  EXPECT_TRUE(huge.invalid());
}

TEST(ChunkedDecoder, GapInsideDataIsSkipped) {
  ChunkedDecoder c;
  auto s = c.step(as_bytes("a\r\n"));
  EXPECT_EQ(s.consumed, 3u);
  EXPECT_TRUE(c.skip(4));
  s = c.step(as_bytes("123456\r\n0\r\n\r\n"));
  EXPECT_EQ(as_chars(s.data), "123456");
  EXPECT_FALSE(c.skip(100));
}

TEST(HttpHeaders, FoldingAndLookup) {
  auto h =
      HttpHeaders::parse("Transfer-Encoding:\r\n chunked\r\nX: a\r\n\tb\r\nx: c\r\n\r\nIgnored: y");
  ASSERT_NE(h.find("transfer-encoding"), nullptr);
  EXPECT_EQ(*h.find("transfer-encoding"), "chunked");
  EXPECT_EQ(h.joined("x"), "a b, c");
  EXPECT_EQ(h.find("Ignored"), nullptr);
  EXPECT_TRUE(has_token(", \tchunked,", "chunked"));
  EXPECT_TRUE(has_token("gzip, Chunked", "chunked"));
  EXPECT_FALSE(has_token("xchunked", "chunked"));
}

TEST(HttpHeaders, StartLines) {
  auto r = parse_request_line("GET  /x?y  HTTP/1.0");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->target, "/x?y");
  EXPECT_EQ(r->protocol, "HTTP/1.0");
  EXPECT_FALSE(parse_request_line("G(T / HTTP/1.1"));
  EXPECT_FALSE(parse_request_line("GET / FTP/1.1"));
  auto s = parse_status_line("HTTP/1.1 404 Not Found");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, 404);
  // Browsers accept a response whose code is not three digits: status 0 = unknown.
  ASSERT_TRUE(parse_status_line("HTTP/1.1 2xx OK"));
  EXPECT_EQ(parse_status_line("HTTP/1.1 2xx OK")->status, 0);
  EXPECT_EQ(parse_status_line("HTTP/1.1")->status, 0);
  EXPECT_FALSE(parse_status_line("HTTQ/1.1 200 OK"));
}

TEST(HttpHeaders, ParametersAndHosts) {
  EXPECT_EQ(header_parameter(R"(attachment; filename="a \"b\".txt")", "filename"), "a \"b\".txt");
  EXPECT_EQ(header_parameter("form-data; name=f; filename=x.bin", "filename"), "x.bin");
  EXPECT_EQ(header_parameter("attachment; filename*=UTF-8''%D0%B0.txt", "filename"),
            "\xD0\xB0.txt");
  EXPECT_EQ(header_parameter("form-data; name=\"f\"", "filename"), std::nullopt);
  EXPECT_EQ(header_parameter("multipart/form-data; boundary=----abc", "boundary"), "----abc");
  EXPECT_EQ(normalize_host(" WWW.Example.com.:8080 "), "www.example.com");
  EXPECT_EQ(normalize_host("[::1]:80"), "[::1]");
  EXPECT_EQ(parse_content_length(" 42 "), 42u);
  EXPECT_EQ(parse_content_length("4 2"), std::nullopt);
  EXPECT_EQ(parse_content_length("-1"), std::nullopt);
}

struct PartRecorder : MultipartHandler {
  void part_begin(const MultipartPart& p) override { log += "[" + p.filename + "]"; }
  void part_data(ByteView d) override { log.append(as_chars(d)); }
  void part_end(bool complete) override { log += complete ? "</>" : "<cut>"; }
  void outside_parts(ByteView d) override { outside.append(as_chars(d)); }
  std::string log;
  std::string outside;  // preamble, part headers, epilogue
};

TEST(MultipartParser, DelimiterFoundAcrossAnySplit) {
  const std::string body =
      "--bb\r\nContent-Disposition: form-data; name=a; filename=\"1.txt\"\r\n\r\n"
      "x\r\n-\r\n--b\r\r\n--bb\r\n\r\nsecond\r\n--bb--";
  const std::string want = "[1.txt]x\r\n-\r\n--b\r</>[]second</>";
  for (std::size_t piece = 1; piece <= body.size(); ++piece) {
    PartRecorder rec;
    MultipartParser p("bb", 1024, rec);
    for (std::size_t i = 0; i < body.size(); i += piece) {
      p.feed(as_bytes(std::string_view(body).substr(i, piece)));
    }
    p.finish();
    EXPECT_EQ(rec.log, want) << piece;
  }
}

TEST(MultipartParser, WhatIsNotPartDataIsStillHandedOn) {
  // A body that only claims to be multipart (its boundary never comes) must not vanish, nor
  // the part headers (a file name) and epilogue of a real one.
  PartRecorder none;
  MultipartParser p("never", 1024, none);
  p.feed(as_bytes(std::string_view("pin;email\r\nrow 1\r\n")));
  p.finish();
  EXPECT_NE(none.outside.find("pin;email\r\nrow 1\r\n"), std::string::npos);
  EXPECT_EQ(none.log, "");

  PartRecorder rec;
  MultipartParser q("bb", 1024, rec);
  q.feed(as_bytes(std::string_view(
      "preamble\r\n--bb\r\nContent-Disposition: form-data; name=f; filename=\"x.csv\"\r\n\r\n"
      "PARTBYTES\r\n--bb--\r\nepilogue")));
  q.finish();
  EXPECT_EQ(rec.log, "[x.csv]PARTBYTES</>");
  EXPECT_NE(rec.outside.find("preamble"), std::string::npos);
  EXPECT_NE(rec.outside.find("filename=\"x.csv\""), std::string::npos);
  EXPECT_NE(rec.outside.find("epilogue"), std::string::npos);
  EXPECT_EQ(rec.outside.find("PARTBYTES"), std::string::npos);
}

TEST(ProbeHttp, RequestAndStatusLines) {
  auto probe = [](Direction d, std::string_view s) { return probe_http(d, as_bytes(s)); };
  EXPECT_EQ(probe(Direction::kToServer, "GET / HTTP/1.1\r\n"), ProbeResult::kYes);
  EXPECT_EQ(probe(Direction::kToServer, "PROPFIND /x HTTP/1."), ProbeResult::kYes);
  EXPECT_EQ(probe(Direction::kToServer, "GE"), ProbeResult::kMaybe);
  EXPECT_EQ(probe(Direction::kToServer, "GET /very/long"), ProbeResult::kMaybe);
  EXPECT_EQ(probe(Direction::kToServer, "GET / HT"), ProbeResult::kMaybe);
  EXPECT_EQ(probe(Direction::kToServer, "EHLO mail.example\r\n"), ProbeResult::kNo);
  EXPECT_EQ(probe(Direction::kToServer, "\x16\x03\x01"), ProbeResult::kNo);
  EXPECT_EQ(probe(Direction::kToServer, "GET / RTSP/1.0\r\n"), ProbeResult::kNo);
  EXPECT_EQ(probe(Direction::kToServer, "GET /\r\n"), ProbeResult::kYes);  // HTTP/0.9
  EXPECT_EQ(probe(Direction::kToServer, "FOO /\r\n"), ProbeResult::kNo);
  EXPECT_EQ(probe(Direction::kToServer, "GET x\r\n"), ProbeResult::kNo);
  // bug-5437-02: spaces inside the target, the version last (libhtp reads it so).
  EXPECT_EQ(probe(Direction::kToServer, "GET /a;wget+ http://h/x HTTP/1.1\r\n"), ProbeResult::kYes);
  EXPECT_EQ(probe(Direction::kToServer, "GET /a;wget+ http://h/x"), ProbeResult::kMaybe);
  EXPECT_EQ(probe(Direction::kToServer, "GET /a b RTSP/1.0\r\n"), ProbeResult::kNo);
  EXPECT_EQ(probe(Direction::kToClient, "HTTP/1.0 200"), ProbeResult::kYes);
  EXPECT_EQ(probe(Direction::kToClient, "HTT"), ProbeResult::kMaybe);
  EXPECT_EQ(probe(Direction::kToClient, "220 ftp ready"), ProbeResult::kNo);
}

}  // namespace
}  // namespace korgoo::app
