#include "icap/icap_connection.h"

#include <gtest/gtest.h>

#include "icap/http_framing.h"

namespace korgoo::icap {
namespace {

// Blocks any message whose body holds "SECRET"; remembers what it was given.
class FakeInspector final : public IcapInspector {
 public:
  IcapVerdict inspect(const IcapExchange& x) override {
    ++calls;
    body = std::string(x.body);
    request_head = std::string(x.request_head);
    response_head = std::string(x.response_head);
    truncated = x.body_truncated;
    if (body.find("SECRET") != std::string::npos)
      return {IcapVerdict::Kind::kBlock,
              "HTTP/1.1 403 Forbidden\r\nContent-Length: 7\r\n\r\nblocked"};
    return {};
  }
  std::string budget_block_page(const IcapRequest&) override {
    return "HTTP/1.1 403 Forbidden\r\nContent-Length: 6\r\n\r\nbudget";
  }
  int calls = 0;
  std::string body, request_head, response_head;
  bool truncated = false;
};

constexpr std::string_view kHttpHead =
    "POST http://upload.example/x HTTP/1.1\r\nHost: upload.example\r\n"
    "Transfer-Encoding: chunked\r\n\r\n";

std::string chunked(std::string_view body, std::string_view last = "0") {
  std::string out;
  if (!body.empty()) {
    char size[20];
    std::snprintf(size, sizeof size, "%zx\r\n", body.size());
    out += size;
    out += body;
    out += "\r\n";
  }
  return out + std::string(last) + "\r\n\r\n";
}

std::string reqmod(std::string_view extra_headers, std::string_view body_part) {
  std::string out = "REQMOD icap://127.0.0.1:1344/korgoo ICAP/1.0\r\nHost: 127.0.0.1\r\n";
  out += extra_headers;
  out += "Encapsulated: req-hdr=0, req-body=" + std::to_string(kHttpHead.size()) + "\r\n\r\n";
  out += kHttpHead;
  out += body_part;
  return out;
}

struct Fixture : ::testing::Test {
  IcapConfig config;
  FakeInspector inspector;
  IcapCounters counters;
  std::string out;
  IcapConnection conn{config, "\"t1\"", inspector, counters};

  bool feed(std::string_view in) { return conn.feed(in, out, IcapConnection::Clock::now()); }
};

using IcapConnectionTest = Fixture;

TEST_F(IcapConnectionTest, OptionsAnnouncesTheService) {
  EXPECT_TRUE(feed("OPTIONS icap://127.0.0.1/korgoo ICAP/1.0\r\nHost: 127.0.0.1\r\n\r\n"));
  EXPECT_EQ(out.rfind("ICAP/1.0 200 OK\r\n", 0), 0u);
  for (const char* h : {"Methods: REQMOD, RESPMOD", "ISTag: \"t1\"", "Preview: 4096", "Allow: 204",
                        "Transfer-Preview: *", "Transfer-Ignore: jpg", "Max-Connections: 512",
                        "Options-TTL: 3600", "Encapsulated: null-body=0"})
    EXPECT_NE(out.find(h), std::string::npos) << h;
  EXPECT_EQ(counters.options, 1u);
}

TEST_F(IcapConnectionTest, BenignUploadGets204AndTheConnectionStaysOpen) {
  EXPECT_TRUE(feed(reqmod("Allow: 204\r\n", chunked("name=widget"))));
  EXPECT_EQ(out, "ICAP/1.0 204 No Content\r\nISTag: \"t1\"\r\nEncapsulated: null-body=0\r\n\r\n");
  EXPECT_EQ(inspector.body, "name=widget");
  EXPECT_EQ(inspector.request_head, kHttpHead);
  out.clear();
  EXPECT_TRUE(feed(reqmod("Allow: 204\r\n", chunked("second"))));  // persistent
  EXPECT_EQ(out.rfind("ICAP/1.0 204", 0), 0u);
  EXPECT_EQ(inspector.calls, 2);
  EXPECT_EQ(counters.no_content, 2u);
}

TEST_F(IcapConnectionTest, BlockedUploadGetsTheReplacementResponse) {
  EXPECT_TRUE(feed(reqmod("Allow: 204\r\n", chunked("x=SECRET"))));
  EXPECT_EQ(out.rfind("ICAP/1.0 200 OK\r\n", 0), 0u);
  const std::string head = "HTTP/1.1 403 Forbidden\r\nContent-Length: 7\r\n\r\n";
  EXPECT_NE(out.find("Encapsulated: res-hdr=0, res-body=" + std::to_string(head.size())),
            std::string::npos);
  EXPECT_NE(out.find(head + "7\r\nblocked\r\n0\r\n\r\n"), std::string::npos);
  EXPECT_EQ(counters.blocked, 1u);
}

TEST_F(IcapConnectionTest, ByteByByteGivesTheSameAnswer) {
  const auto req = reqmod("Allow: 204\r\n", chunked("x=SECRET"));
  for (char c : req) ASSERT_TRUE(feed(std::string_view(&c, 1)));
  EXPECT_EQ(inspector.calls, 1);
  EXPECT_EQ(inspector.body, "x=SECRET");
  EXPECT_EQ(counters.blocked, 1u);
}

TEST_F(IcapConnectionTest, PreviewThenContinueThenRest) {
  EXPECT_TRUE(feed(reqmod("Preview: 4\r\n", chunked("x=SE"))));
  EXPECT_EQ(out, "ICAP/1.0 100 Continue\r\n\r\n");
  EXPECT_EQ(inspector.calls, 0);
  out.clear();
  EXPECT_TRUE(feed(chunked("CRET")));
  EXPECT_EQ(inspector.body, "x=SECRET");
  EXPECT_EQ(out.rfind("ICAP/1.0 200 OK", 0), 0u);
  EXPECT_EQ(counters.continues, 1u);
}

TEST_F(IcapConnectionTest, PreviewWithIeofNeedsNoContinueAndMayGet204) {
  EXPECT_TRUE(feed(reqmod("Preview: 4096\r\n", chunked("small", "0; ieof"))));
  EXPECT_EQ(out.rfind("ICAP/1.0 204", 0), 0u);  // 204 is allowed in answer to a preview
  EXPECT_EQ(inspector.body, "small");
  EXPECT_EQ(counters.preview_ieof, 1u);
  EXPECT_EQ(counters.continues, 0u);
}

TEST_F(IcapConnectionTest, Without204TheMessageIsEchoed) {
  EXPECT_TRUE(feed(reqmod("", chunked("benign"))));
  EXPECT_EQ(out.rfind("ICAP/1.0 200 OK", 0), 0u);
  EXPECT_NE(out.find(std::string(kHttpHead) + "6\r\nbenign\r\n0\r\n\r\n"), std::string::npos);
  EXPECT_EQ(counters.echoed, 1u);
}

TEST_F(IcapConnectionTest, RespmodHandsOverBothHeads) {
  const std::string req_head = "GET http://h/x HTTP/1.1\r\nHost: h\r\n\r\n";
  const std::string res_head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n";
  std::string in = "RESPMOD icap://127.0.0.1/korgoo ICAP/1.0\r\nHost: 127.0.0.1\r\nAllow: 204\r\n";
  in += "Encapsulated: req-hdr=0, res-hdr=" + std::to_string(req_head.size()) +
        ", res-body=" + std::to_string(req_head.size() + res_head.size()) + "\r\n\r\n";
  in += req_head + res_head + chunked("download");
  EXPECT_TRUE(feed(in));
  EXPECT_EQ(inspector.request_head, req_head);
  EXPECT_EQ(inspector.response_head, res_head);
  EXPECT_EQ(inspector.body, "download");
  EXPECT_EQ(counters.respmod, 1u);
}

TEST_F(IcapConnectionTest, NullBodyIsInspectedAtOnce) {
  const std::string head = "GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n";
  EXPECT_TRUE(
      feed("REQMOD icap://x/korgoo ICAP/1.0\r\nHost: x\r\nAllow: 204\r\n"
           "Encapsulated: req-hdr=0, null-body=" +
           std::to_string(head.size()) + "\r\n\r\n" + head));
  EXPECT_EQ(inspector.calls, 1);
  EXPECT_EQ(out.rfind("ICAP/1.0 204", 0), 0u);
}

TEST_F(IcapConnectionTest, MalformedRequestsGetAnErrorAndClose) {
  EXPECT_FALSE(feed("BREW icap://x/korgoo ICAP/1.0\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(out.rfind("ICAP/1.0 405", 0), 0u);
  EXPECT_NE(out.find("Connection: close"), std::string::npos);
  EXPECT_EQ(counters.malformed, 1u);
  EXPECT_FALSE(feed("more"));  // closed stays closed
}

TEST_F(IcapConnectionTest, BadChunkIs400) {
  EXPECT_FALSE(feed(reqmod("Allow: 204\r\n", "zz\r\nabc\r\n0\r\n\r\n")));
  EXPECT_EQ(out.rfind("ICAP/1.0 400", 0), 0u);
  EXPECT_EQ(inspector.calls, 0);
}

TEST_F(IcapConnectionTest, MalformedHttpHeadIs400) {
  const std::string head = "garbage\r\n\r\n";
  EXPECT_FALSE(
      feed("REQMOD icap://x/korgoo ICAP/1.0\r\nHost: x\r\n"
           "Encapsulated: req-hdr=0, null-body=" +
           std::to_string(head.size()) + "\r\n\r\n" + head));
  EXPECT_EQ(out.rfind("ICAP/1.0 400", 0), 0u);
}

TEST_F(IcapConnectionTest, UnknownServiceIs404) {
  EXPECT_FALSE(feed("OPTIONS icap://x/other ICAP/1.0\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(out.rfind("ICAP/1.0 404", 0), 0u);
  EXPECT_EQ(counters.unknown_service, 1u);
}

TEST_F(IcapConnectionTest, HeadOverTheCapIsRefused) {
  config.max_header_bytes = 100;
  EXPECT_FALSE(feed("OPTIONS icap://x/korgoo ICAP/1.0\r\nX-Filler: " + std::string(200, 'a')));
  EXPECT_EQ(out.rfind("ICAP/1.0 400", 0), 0u);
  EXPECT_EQ(counters.header_too_large, 1u);
}

TEST_F(IcapConnectionTest, BodyOverTheCapIsTruncatedNotBuffered) {
  config.max_buffered_body = 8;
  EXPECT_TRUE(feed(reqmod("Allow: 204\r\n", chunked("0123456789abcdef"))));
  EXPECT_EQ(inspector.body, "01234567");
  EXPECT_TRUE(inspector.truncated);
  EXPECT_EQ(counters.body_truncated, 1u);
  EXPECT_EQ(out.rfind("ICAP/1.0 204", 0), 0u);
}

TEST_F(IcapConnectionTest, TruncatedBodyWithout204IsAnError) {
  config.max_buffered_body = 8;
  EXPECT_FALSE(feed(reqmod("", chunked("0123456789abcdef"))));
  EXPECT_EQ(out.rfind("ICAP/1.0 500", 0), 0u);
}

TEST_F(IcapConnectionTest, ConnectionCloseEndsAfterTheAnswer) {
  EXPECT_FALSE(feed(reqmod("Allow: 204\r\nConnection: close\r\n", chunked("ok"))));
  EXPECT_EQ(out.rfind("ICAP/1.0 204", 0), 0u);
}

TEST_F(IcapConnectionTest, OverBudgetFailsOpenWith204) {
  config.time_budget_ms = 0;
  const auto t0 = IcapConnection::Clock::now();
  EXPECT_TRUE(conn.feed(reqmod("Allow: 204\r\n", "5\r\nhel"), out, t0));
  EXPECT_TRUE(conn.check_budget(t0, out));  // not past it yet
  EXPECT_FALSE(conn.check_budget(t0 + std::chrono::milliseconds(5), out));
  EXPECT_EQ(out.rfind("ICAP/1.0 204", 0), 0u);
  EXPECT_EQ(counters.over_budget, 1u);
  EXPECT_EQ(inspector.calls, 0);
}

TEST_F(IcapConnectionTest, OverBudgetFailsClosedWithTheBlockPage) {
  config.time_budget_ms = 0;
  config.fail_open = false;
  const auto t0 = IcapConnection::Clock::now();
  EXPECT_TRUE(conn.feed(reqmod("Allow: 204\r\n", "5\r\nhel"), out, t0));
  EXPECT_FALSE(conn.check_budget(t0 + std::chrono::milliseconds(5), out));
  EXPECT_NE(out.find("budget"), std::string::npos);
  EXPECT_EQ(counters.blocked, 1u);
}

TEST_F(IcapConnectionTest, IdleConnectionIsNeverOverBudget) {
  config.time_budget_ms = 0;
  EXPECT_TRUE(feed(reqmod("Allow: 204\r\n", chunked("ok"))));
  EXPECT_FALSE(conn.mid_request());
  EXPECT_TRUE(conn.check_budget(IcapConnection::Clock::now() + std::chrono::seconds(5), out));
}

TEST(HttpFraming, ChunkedHeadBecomesContentLength) {
  const auto m = wire_message(kHttpHead, "abc");
  EXPECT_EQ(m,
            "POST http://upload.example/x HTTP/1.1\r\nHost: upload.example\r\n"
            "Content-Length: 3\r\n\r\nabc");
}

}  // namespace
}  // namespace korgoo::icap
