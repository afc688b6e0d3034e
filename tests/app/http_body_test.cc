// HTTP bodies turned into content: decompression (and bombs), form, JSON, multipart.
#include <gtest/gtest.h>
#include <zlib.h>

#include "app/decoders.h"
#include "app/file/file_sha256.h"
#include "http_test_util.h"
#include "pdf_maker.h"
#include "zip_writer.h"
#include "zlib_util.h"

namespace korgoo::app {
namespace {

using testing::client;
using testing::compress;
using testing::expect_segmentation_independent;
using testing::HttpRun;
using testing::run_http;
using testing::server;
using testing::Step;

std::string response(const std::string& headers, const std::string& body) {
  return "HTTP/1.1 200 OK\r\n" + headers + "Content-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

const std::string kGet = "GET /f HTTP/1.1\r\nHost: h\r\n\r\n";
const std::string kText =
    "Dear customer, your PIN 21234567890123 and card 4111 1111 1111 1111 are on file. "
    "Dear customer, your PIN 21234567890123 and card 4111 1111 1111 1111 are on file.";

TEST(HttpBody, GzipDeflateAndRawDeflateAreUndone) {
  for (const auto& [coding, bits] : std::vector<std::pair<std::string, int>>{
           {"gzip", 31}, {"x-gzip", 31}, {"deflate", 15}, {"deflate", -15}, {"gzip", 15}}) {
    SCOPED_TRACE(coding + " " + std::to_string(bits));
    const std::vector<Step> flow = {
        client(kGet),
        server(response("Content-Encoding: " + coding + "\r\n", compress(kText, bits)))};
    auto run = run_http(flow);
    EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToClient),
              std::vector<std::string>{kText});
    auto files = run.sink().records_of("fileinfo");
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0]->body["fileinfo"]["size"], kText.size());
    EXPECT_EQ(run.stats().decompress_errors, 0u);
  }
}

TEST(HttpBody, CompressedChunkedBodyAnySegmentation) {
  const std::string z = compress(kText, 31);
  std::string chunked;
  for (std::size_t i = 0; i < z.size(); i += 7) {
    const std::string piece = z.substr(i, 7);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    chunked += std::string(size) + "\r\n" + piece + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::vector<Step> flow = {client(kGet),
                                  server("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                                         "Content-Encoding: gzip\r\n\r\n" +
                                         chunked)};
  auto run = run_http(flow);
  EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToClient),
            std::vector<std::string>{kText});
  expect_segmentation_independent(flow);
}

TEST(HttpBody, StackedCodingsAreUndoneInReverse) {
  // "gzip, deflate": gzip applied first, deflate second.
  const std::string body = compress(compress(kText, 31), 15);
  auto run =
      run_http({client(kGet), server(response("Content-Encoding: gzip, deflate\r\n", body))});
  EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToClient),
            std::vector<std::string>{kText});
}

TEST(HttpBody, MislabelledUncompressedBodyPassesThrough) {
  auto run = run_http({client(kGet), server(response("Content-Encoding: gzip\r\n", kText))});
  EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToClient),
            std::vector<std::string>{kText});
}

TEST(HttpBody, UnsupportedCodingIsPassedOnAsIs) {
  auto run = run_http({client(kGet), server(response("Content-Encoding: br\r\n", "\x0b\x02raw"))});
  EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToClient),
            std::vector<std::string>{"\x0b\x02raw"});
}

TEST(HttpBody, CorruptAfterOutputIsCountedAndStops) {
  // A wrong checksum in the gzip trailer: all data came out, then the stream fails.
  std::string z = compress(std::string(100000, 'a') + kText, 31);
  z[z.size() - 8] = static_cast<char>(z[z.size() - 8] ^ 0x5a);
  auto run = run_http({client(kGet), server(response("Content-Encoding: gzip\r\n", z))});
  EXPECT_EQ(run.stats().decompress_errors, 1u);
  EXPECT_EQ(run.sink().records_of("http").size(), 1u);
}

TEST(HttpBody, GzipBombStopsAtLimitAndIsCounted) {
  const std::string bomb = compress(std::string(100u << 20, '\0'), 31);  // ~100 KB
  HttpRun run;
  run.t->sink.keep_bytes = false;
  auto d = make_http_decoder(run.t->ctx);
  d->on_data(Direction::kToServer, as_bytes(kGet));
  d->on_data(Direction::kToClient, as_bytes(response("Content-Encoding: gzip\r\n", bomb)));
  d->on_end(Direction::kToServer);
  d->on_end(Direction::kToClient);
  ASSERT_EQ(run.sink().decoded().size(), 2u);  // the URI and the body
  const std::uint64_t out = run.sink().decoded()[1]->size;
  EXPECT_LE(out, run.t->limits.max_decompressed_bytes);
  EXPECT_LE(out, bomb.size() * run.t->limits.max_decompression_ratio + (16u << 10));
  EXPECT_EQ(run.stats().decompress_limit_hits, 1u);
  auto files = run.sink().records_of("fileinfo");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->body["fileinfo"]["state"], "TRUNCATED");
}

TEST(HttpBody, SizeCapAppliesToOrdinaryCompressedBodies) {
  AppLimits limits;
  limits.max_decompressed_bytes = 1000;
  auto run = run_http({client(kGet), server(response("Content-Encoding: deflate\r\n",
                                                     compress(std::string(5000, 'x'), 15)))},
                      -1, false, &limits);
  EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToClient),
            std::vector<std::string>{std::string(1000, 'x')});
  EXPECT_EQ(run.stats().decompress_limit_hits, 1u);
}

TEST(HttpBody, FormBodyIsDecodedAnySegmentation) {
  const std::string form = "name=Aigul+Bekova&iin=%39%30%30%31%30%31&note=50%25+off%";
  const std::vector<Step> flow = {
      client("POST /submit?x=1 HTTP/1.1\r\nHost: h\r\n"
             "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n"
             "Content-Length: " +
             std::to_string(form.size()) + "\r\n\r\n" + form),
      server("HTTP/1.1 204 No Content\r\n\r\n")};
  auto run = run_http(flow);
  EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToServer),
            std::vector<std::string>{"name=Aigul Bekova&iin=900101&note=50% off%"});
  auto files = run.sink().records_of("fileinfo");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->dir, Direction::kToServer);
  EXPECT_EQ(files[0]->body["fileinfo"]["filename"], "/submit");
  EXPECT_EQ(files[0]->body["http"]["http_method"], "POST");
  expect_segmentation_independent(flow);
}

TEST(HttpBody, JsonEscapesAreDecodedAnySegmentation) {
  const std::string json =
      R"({"name":"\u0410\u0439\u0433\u04af\u043b","card":"4111\u00201111","e":"a\/b\"c\\d\n",)"
      R"("emoji":"\ud83d\ude00","lone":"\ud800x","bad":"\q"})";
  const std::vector<Step> flow = {
      client("PUT /api/users/1 HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\n"
             "Content-Length: " +
             std::to_string(json.size()) + "\r\n\r\n" + json),
      server("HTTP/1.1 200 OK\r\nContent-Type: application/problem+json\r\nContent-Length: 14\r\n"
             "\r\n{\"m\":\"\\u0041\"}")};
  auto run = run_http(flow);
  EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToServer),
            std::vector<std::string>{
                "{\"name\":\"Айгүл\",\"card\":\"4111 1111\",\"e\":\"a/b\"c\\d\n\","
                "\"emoji\":\"\xF0\x9F\x98\x80\",\"lone\":\"\xEF\xBF\xBDx\",\"bad\":\"\\q\"}"});
  EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToClient),
            std::vector<std::string>{"{\"m\":\"A\"}"});
  expect_segmentation_independent(flow);
}

TEST(HttpBody, MultipartPartsAreViewsAndFilesAnySegmentation) {
  const std::string body =
      "preamble\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"comment\"\r\n\r\n"
      "plain field\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"f1\"; filename=\"passport.txt\"\r\n"
      "Content-Type: text/plain\r\n\r\n"
      "AN1234567\r\n--XyZnot a boundary\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"f2\"; filename=\"scan two.csv\"\r\n\r\n"
      "iin;900101300123\r\n"
      "--XyZ--\r\nepilogue";
  const std::vector<Step> flow = {client("POST /upload HTTP/1.1\r\nHost: files.example\r\n"
                                         "Content-Type: multipart/form-data; boundary=\"XyZ\"\r\n"
                                         "Content-Length: " +
                                         std::to_string(body.size()) + "\r\n\r\n" + body),
                                  server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")};
  auto run = run_http(flow);
  EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToServer),
            (std::vector<std::string>{"plain field", "AN1234567\r\n--XyZnot a boundary",
                                      "iin;900101300123"}));
  auto files = run.sink().records_of("fileinfo");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0]->dir, Direction::kToServer);
  EXPECT_EQ(files[0]->body["fileinfo"]["filename"], "passport.txt");
  EXPECT_EQ(files[0]->body["fileinfo"]["size"], 30);
  EXPECT_EQ(files[1]->body["fileinfo"]["filename"], "scan two.csv");
  EXPECT_EQ(files[1]->body["fileinfo"]["state"], "CLOSED");
  EXPECT_EQ(files[2]->dir, Direction::kToClient);
  EXPECT_TRUE(run.sink().all_ended());
  expect_segmentation_independent(flow);
}

TEST(HttpBody, MultipartCutOffIsTruncated) {
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\nhalf of it";
  auto run =
      run_http({client("POST /u HTTP/1.1\r\nHost: h\r\n"
                       "Content-Type: multipart/form-data; boundary=b\r\n"
                       "Content-Length: 1000\r\n\r\n" +
                       body)});
  auto files = run.sink().records_of("fileinfo");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->body["fileinfo"]["filename"], "a.bin");
  EXPECT_EQ(files[0]->body["fileinfo"]["state"], "TRUNCATED");
  EXPECT_EQ(run.sink().contents(ContentKind::kHttpBody, Direction::kToServer),
            std::vector<std::string>{"half of it"});
}

// An .xlsx uploaded as a multipart file part and a .zip of a CSV sent as a response are
// scanned as their text, one view per part read (issue 13); a text file part is as sent.
TEST(HttpBody, ArchiveAndOfficeFilesAreScannedAsTheirText) {
  const std::string pin = std::string("2") + "15031985" + "00012";  // synthetic
  const std::string xlsx = testing::make_xlsx(
      {"pin"}, "<row><c t=\"s\"><v>0</v></c></row><row><c><v>" + pin + "</v></c></row>");
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.xlsx\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n" +
      xlsx +
      "\r\n--b\r\nContent-Disposition: form-data; name=\"t\"; "
      "filename=\"t.txt\"\r\n\r\nplain text\r\n--b--\r\n";
  const std::string csv = "id,pin\n1," + pin + "\n";
  const std::string zip = testing::make_zip({{"a.csv", csv}});
  const std::vector<Step> flow = {
      client("POST /u HTTP/1.1\r\nHost: h\r\nContent-Type: multipart/form-data; boundary=b\r\n"
             "Content-Length: " +
             std::to_string(body.size()) + "\r\n\r\n" + body),
      server(response("Content-Type: application/zip\r\n", zip))};
  auto run = run_http(flow);
  const auto up = run.sink().contents(ContentKind::kHttpBody, Direction::kToServer);
  EXPECT_TRUE(up == (std::vector<std::string>{"pin\n" + pin + "\n", "plain text"}))
      << "the sheet's text and the text part, each a view";
  const auto down = run.sink().contents(ContentKind::kHttpBody, Direction::kToClient);
  EXPECT_TRUE(down == std::vector<std::string>{csv}) << "the zip member's text";
  auto files = run.sink().records_of("fileinfo");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0]->body["fileinfo"]["size"], xlsx.size());  // as sent, not as decoded
  // fileinfo.sha256 is of the file as sent (app.file_sha256 is on by default).
  FileSha256 zip_hash;
  zip_hash.update(as_bytes(zip));
  EXPECT_EQ(files[2]->body["fileinfo"]["sha256"], zip_hash.finish());
  expect_segmentation_independent(flow);
}

// A PDF download is scanned as its pages' text, one view a page (issue 13).
TEST(HttpBody, PdfFileIsScannedAsItsPagesText) {
  const std::string pin = std::string("2") + "15031985" + "00012";  // synthetic
  const std::string pdf = testing::make_pdf("id,pin\n1," + pin + "\n\fpage two\n");
  ASSERT_FALSE(pdf.empty()) << "tests/app/make_pdf.py (python3-reportlab) failed";
  auto run = run_http({client("GET /r.pdf HTTP/1.1\r\nHost: h\r\n\r\n"),
                       server(response("Content-Type: application/pdf\r\n", pdf))});
  const auto down = run.sink().contents(ContentKind::kHttpBody, Direction::kToClient);
  ASSERT_EQ(down.size(), 2u);
  EXPECT_NE(down[0].find("1," + pin), std::string::npos) << "the first page's text";
  EXPECT_NE(down[1].find("page two"), std::string::npos);
  const auto groups = run.sink().groups(ContentKind::kHttpBody);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_NE(groups[0], 0u) << "the pages are one group: their counts add";
  EXPECT_EQ(groups[1], groups[0]);
  auto files = run.sink().records_of("fileinfo");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->body["fileinfo"]["size"], pdf.size());  // as sent, not as decoded
}

TEST(HttpBody, ArchiveBombInAnUploadStopsAtTheBodyCap) {
  const std::string zip = testing::make_zip({{"z.txt", std::string(4u << 20, '0')}});
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"z.zip\"\r\n\r\n" + zip +
      "\r\n--b--\r\n";
  AppLimits limits;
  limits.max_decompressed_bytes = 1u << 20;
  auto run = run_http({client("POST /u HTTP/1.1\r\nHost: h\r\nContent-Type: multipart/form-data; "
                              "boundary=b\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body)},
                      -1, false, &limits);
  std::size_t seen = 0;
  for (const auto& v : run.sink().contents(ContentKind::kHttpBody, Direction::kToServer))
    seen += v.size();
  EXPECT_LE(seen, (1u << 20) + 64 * 1024);
  EXPECT_GT(seen, 0u);
  EXPECT_GE(run.stats().decompress_limit_hits, 1u);
}

}  // namespace
}  // namespace korgoo::app
