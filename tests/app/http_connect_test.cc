// A CONNECT tunnel through the dispatcher: after a 2xx the flow's bytes are a new stream.
// HTTP inside is followed by the HTTP decoder; TLS is handed to the TLS decoder, so the flow
// is a `tls` flow with its `tls` record (Suricata's http-connect-tls); anything else is
// scanned as raw bytes of an `http` flow.
#include <gtest/gtest.h>

#include "app/app_layer.h"
#include "app/decoders.h"
#include "recording_sink.h"
#include "tls_test_util.h"

namespace korgoo::app {
namespace {

using testing::client;
using testing::client_hello_body;
using testing::handshake;
using testing::records;
using testing::server;
using testing::server_hello;
using testing::Step;
using testing::TestContext;

const std::string kConnect =
    "CONNECT secure.example:443 HTTP/1.1\r\nHost: secure.example:443\r\n\r\n";
const std::string kEstablished = "HTTP/1.1 200 Connection established\r\n\r\n";

struct Flow {
  std::unique_ptr<TestContext> t = std::make_unique<TestContext>();
  std::unique_ptr<AppLayer> app;
};

// byte_by_byte: every byte its own call.
Flow run(const std::vector<Step>& steps, bool byte_by_byte = false) {
  Flow f;
  f.t->ctx.server_port = 3128;
  f.app = std::make_unique<AppLayer>(f.t->ctx, true);
  for (const Step& s : steps) {
    const ByteView all = as_bytes(s.bytes);
    if (!byte_by_byte) {
      f.app->on_data(s.dir, all);
      continue;
    }
    for (std::size_t i = 0; i < all.size(); ++i) f.app->on_data(s.dir, all.subspan(i, 1));
  }
  f.app->on_end(Direction::kToServer);
  f.app->on_end(Direction::kToClient);
  return f;
}

std::string raw_bytes(const Flow& f, Direction dir) {
  std::string out;
  for (const auto& v : f.t->sink.views) {
    if (v.dir == dir && v.view == kRawView) out += v.bytes;
  }
  return out;
}

TEST(HttpConnect, TlsInsideTheTunnelMakesATlsFlow) {
  const std::string hello = records(handshake(1, client_hello_body("inner.example", {"h2"})), 64);
  const std::string encrypted("\x17\x03\x03\x00\x05secret", 10);
  const std::vector<Step> steps = {client(kConnect), server(kEstablished), client(hello),
                                   server(server_hello(0x0304)), client(encrypted)};
  for (bool byte_by_byte : {false, true}) {
    SCOPED_TRACE(byte_by_byte);
    Flow f = run(steps, byte_by_byte);
    EXPECT_EQ(f.app->app_proto(), "tls");
    EXPECT_EQ(f.t->meta.app_proto, "tls");
    auto http = f.t->sink.records_of("http");
    ASSERT_EQ(http.size(), 1u);
    EXPECT_EQ(http[0]->body["http"]["http_method"], "CONNECT");
    EXPECT_EQ(http[0]->body["http"]["status"], 200);
    auto tls = f.t->sink.records_of("tls");
    ASSERT_EQ(tls.size(), 1u);
    EXPECT_EQ(tls[0]->body["tls"]["sni"], "inner.example");
    EXPECT_EQ(tls[0]->body["tls"]["version"], "TLS 1.3");
    EXPECT_TRUE(f.t->meta.opaque);
    EXPECT_EQ(f.t->meta.server_names,
              (std::vector<std::string>{"secure.example", "inner.example"}));
    // Every byte reaches the raw view once, the tunnel's included.
    EXPECT_EQ(raw_bytes(f, Direction::kToServer), kConnect + hello + encrypted);
    EXPECT_EQ(raw_bytes(f, Direction::kToClient), kEstablished + server_hello(0x0304));
  }
}

// http-connect-tls: an LF after each head, then an empty TLS handshake record.
TEST(HttpConnect, EmptyTlsRecordAfterStrayLineEndsIsTls) {
  const std::string record("\x16\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 14);
  Flow f = run({client(kConnect + "\n"), server(kEstablished + "\n"), client(record)});
  EXPECT_EQ(f.t->meta.app_proto, "tls");
  ASSERT_EQ(f.t->sink.records_of("http").size(), 1u);
  EXPECT_EQ(raw_bytes(f, Direction::kToServer), kConnect + "\n" + record);
  EXPECT_EQ(raw_bytes(f, Direction::kToClient), kEstablished + "\n");
}

TEST(HttpConnect, HttpInsideTheTunnelIsFollowed) {
  Flow f = run({client(kConnect), server(kEstablished),
                client("GET /in HTTP/1.1\r\nHost: inner.example\r\n\r\n"),
                server("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")});
  EXPECT_EQ(f.t->meta.app_proto, "http");
  auto http = f.t->sink.records_of("http");
  ASSERT_EQ(http.size(), 2u);
  EXPECT_EQ(http[1]->body["http"]["url"], "/in");
  EXPECT_EQ(f.t->sink.contents(ContentKind::kHttpBody, Direction::kToClient),
            std::vector<std::string>{"hello"});
}

TEST(HttpConnect, UnknownTunnelStaysHttpAndIsScannedRaw) {
  const std::string junk = "\x01\x02 opaque tunnel bytes\r\n";
  const std::string answer = "\xff\xfe reply";
  Flow f = run({client(kConnect), server(kEstablished), client(junk), server(answer)});
  EXPECT_EQ(f.t->meta.app_proto, "http");
  EXPECT_EQ(f.t->sink.records_of("http").size(), 1u);
  EXPECT_EQ(raw_bytes(f, Direction::kToServer), kConnect + junk);
  EXPECT_EQ(raw_bytes(f, Direction::kToClient), kEstablished + answer);
}

TEST(HttpConnect, ServerSpeakingFirstInTheTunnelKeepsItsOrder) {
  // SMTP through the proxy: the greeting comes before the client's first command.
  Flow f = run({client(kConnect), server(kEstablished), server("220 mail.example ESMTP\r\n"),
                client("EHLO me\r\n"), server("250 mail.example\r\n"), client("QUIT\r\n")});
  EXPECT_EQ(f.t->meta.app_proto, "smtp");
}

TEST(HttpConnect, RefusedConnectStaysHttp) {
  const std::string hello = records(handshake(1, client_hello_body("inner.example", {})), 1024);
  Flow f = run({client(kConnect), server("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"),
                client(hello)});
  EXPECT_EQ(f.t->meta.app_proto, "http");
  EXPECT_TRUE(f.t->sink.records_of("tls").empty());
}

}  // namespace
}  // namespace korgoo::app
