// app.memcap beyond HTTP (issue 12 item 3): SMTP command and reply lines, MIME header blocks,
// FTP lines, DNS-over-TCP messages and TLS hellos are charged to the worker's cap. Each test
// spends the whole cap first (another flow's buffers, in effect), then feeds a flow a buffer
// that must grow: the charge is refused and counted, the direction stops being decoded, and
// every byte it sent still reaches the raw view.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/app_layer.h"
#include "app/decoders.h"
#include "recording_sink.h"

namespace korgoo::app {
namespace {

using testing::TestContext;

constexpr Direction C = Direction::kToServer;
constexpr Direction S = Direction::kToClient;

// A worker whose app.memcap is already spent by other flows.
struct SpentMemory {
  SpentMemory() { EXPECT_TRUE(others.cover(memory.capacity())); }
  AppMemory memory{4 * AppMemoryShare::kStep};
  AppMemoryShare others{&memory};
};

std::string joined(const TestContext& t, ContentKind kind, Direction dir) {
  std::string out;
  for (const auto& piece : t.sink.contents(kind, dir)) out += piece;
  return out;
}

TEST(AppMemcapDecoders, SmtpCommandLineRefusedGoesRaw) {
  SpentMemory spent;
  TestContext t;
  t.ctx.memory = &spent.memory;
  auto smtp = make_smtp_decoder(t.ctx);
  const std::string open_line = "EHLO " + std::string(1000, 'a');  // never terminated
  smtp->on_data(C, as_bytes(open_line));
  EXPECT_EQ(spent.memory.hits(), 1u);
  // Framing stopped: what follows is not parsed as commands, but is scanned.
  const std::string more = "\r\nMAIL FROM:<x@example.kg>\r\nRCPT TO:<y@example.kz>\r\n";
  smtp->on_data(C, as_bytes(more));
  smtp->on_end(C);
  EXPECT_EQ(joined(t, ContentKind::kRaw, C), open_line + more);
  EXPECT_EQ(spent.memory.hits(), 1u);                       // counted once, not per segment
  EXPECT_EQ(spent.memory.used(), spent.memory.capacity());  // nothing held beyond the cap
}

TEST(AppMemcapDecoders, SmtpReplyLineRefusedGoesRaw) {
  SpentMemory spent;
  TestContext t;
  t.ctx.memory = &spent.memory;
  auto smtp = make_smtp_decoder(t.ctx);
  const std::string reply = "220 " + std::string(2000, 'b');
  smtp->on_data(S, as_bytes(reply));
  smtp->on_data(S, as_bytes(std::string("\r\n250 ok\r\n")));
  EXPECT_EQ(spent.memory.hits(), 1u);
  EXPECT_EQ(joined(t, ContentKind::kRaw, S), reply + "\r\n250 ok\r\n");
}

TEST(AppMemcapDecoders, SmtpMessageLineRefusedReachesRawOnce) {
  TestContext t;
  AppMemory memory(4 * AppMemoryShare::kStep);
  t.ctx.memory = &memory;
  auto smtp = make_smtp_decoder(t.ctx);
  smtp->on_data(C, as_bytes(std::string("EHLO c\r\nMAIL FROM:<a@b.kg>\r\nRCPT TO:<c@d.kz>\r\n"
                                        "DATA\r\n")));
  EXPECT_EQ(memory.hits(), 0u);
  AppMemoryShare others(&memory);  // the cap is spent while the message is under way
  ASSERT_TRUE(others.cover(memory.capacity() - memory.used()));
  const std::string body_line = "Subject: " + std::string(3000, 'c');  // one long, open line
  smtp->on_data(C, as_bytes(body_line));
  smtp->on_data(C, as_bytes(std::string("\r\n.\r\n")));
  smtp->on_end(C);
  EXPECT_GE(memory.hits(), 1u);
  const std::string raw = joined(t, ContentKind::kRaw, C);
  EXPECT_NE(raw.find(body_line), std::string::npos);
  EXPECT_EQ(raw.find(body_line), raw.rfind(body_line));  // each byte scanned once
}

TEST(AppMemcapDecoders, MimeHeaderBlockRefusedIsScannedUndecoded) {
  SpentMemory spent;
  TestContext t;
  t.ctx.memory = &spent.memory;
  auto smtp = make_smtp_decoder(t.ctx);
  const std::string headers = "From: a@b.kg\r\nSubject: report 4111 1111 1111 1111\r\n";
  smtp->on_data(C, as_bytes("EHLO c\r\nMAIL FROM:<a@b.kg>\r\nRCPT TO:<c@d.kz>\r\nDATA\r\n" +
                            headers + "\r\nbody\r\n.\r\n"));
  smtp->on_end(C);
  EXPECT_GE(spent.memory.hits(), 1u);
  // Short header lines cost the header buffer a charge from its first byte: refused, so the
  // block is handed out as undecoded text instead of a header view.
  EXPECT_TRUE(t.sink.contents(ContentKind::kMailHeaders, C).empty());
  EXPECT_NE(joined(t, ContentKind::kRaw, C).find(headers), std::string::npos);
  EXPECT_NE(joined(t, ContentKind::kRaw, C).find("body"), std::string::npos);
  // SMTP framing itself went on: the message ended at its dot and was logged.
  EXPECT_EQ(t.sink.records_of("smtp").size(), 1u);
}

TEST(AppMemcapDecoders, MimeHeadersParsedWhenTheCapHasRoom) {
  AppMemory memory(4 * AppMemoryShare::kStep);
  TestContext t;
  t.ctx.memory = &memory;
  auto smtp = make_smtp_decoder(t.ctx);
  smtp->on_data(C, as_bytes(std::string("EHLO c\r\nMAIL FROM:<a@b.kg>\r\nRCPT TO:<c@d.kz>\r\n"
                                        "DATA\r\nSubject: hi\r\n\r\nbody\r\n.\r\n")));
  smtp->on_end(C);
  EXPECT_EQ(memory.hits(), 0u);
  EXPECT_EQ(t.sink.contents(ContentKind::kMailHeaders, C).size(), 1u);
  EXPECT_EQ(memory.used(), 0u);  // everything given back once the message ended
}

TEST(AppMemcapDecoders, SmtpRecipientsBeyondTheCapAreNotKept) {
  SpentMemory spent;
  TestContext t;
  t.ctx.memory = &spent.memory;
  auto smtp = make_smtp_decoder(t.ctx);
  std::string envelope = "EHLO c\r\nMAIL FROM:<a@b.kg>\r\n";
  for (int i = 0; i < 20; ++i) {
    envelope += "RCPT TO:<" + std::to_string(i) + std::string(100, 'r') + "@d.kz>\r\n";
  }
  smtp->on_data(C, as_bytes(envelope + "QUIT\r\n"));
  smtp->on_end(C);
  EXPECT_GE(spent.memory.hits(), 1u);
  ASSERT_EQ(t.sink.records_of("smtp").size(), 1u);
  const auto& rcpt = t.sink.records_of("smtp")[0]->body["smtp"]["rcpt_to"];
  EXPECT_GE(rcpt.size(), 1u);  // the first ones fit in what a flow keeps uncharged
  EXPECT_LT(rcpt.size(), 20u);
  EXPECT_EQ(joined(t, ContentKind::kRaw, C), envelope + "QUIT\r\n");  // all still scanned
}

// FTP, DNS and TLS leave the raw view to the app layer, which gives it every byte.
struct LayerFlow {
  explicit LayerFlow(std::unique_ptr<ProtocolDecoder> (*make)(AppContext&), AppMemory& memory) {
    t.ctx.memory = &memory;
    app.set_decoder(make(t.ctx));
  }
  TestContext t;
  AppLayer app{t.ctx, true};
};

TEST(AppMemcapDecoders, FtpLineRefusedStopsParsingTheDirection) {
  SpentMemory spent;
  LayerFlow f(make_ftp_decoder, spent.memory);
  const std::string open_line = "STOR " + std::string(1000, 'f');
  const std::string port = "\r\nPORT 10,0,0,1,4,1\r\n";
  f.app.on_data(C, as_bytes(open_line));
  f.app.on_data(C, as_bytes(port));
  EXPECT_EQ(spent.memory.hits(), 1u);
  EXPECT_EQ(f.t.expectations.size(), 0u);  // the PORT line was not read
  EXPECT_EQ(joined(f.t, ContentKind::kRaw, C), open_line + port);
}

std::unique_ptr<ProtocolDecoder> make_dns_over_tcp(AppContext& ctx) {
  return make_dns_decoder(ctx, true);
}

TEST(AppMemcapDecoders, DnsOverTcpMessageRefusedStillScannedRaw) {
  SpentMemory spent;
  LayerFlow f(make_dns_over_tcp, spent.memory);
  std::string first = {'\x01', '\x2c'};  // a 300-byte message, sent in two segments
  first += std::string(290, 'd');
  const std::string rest(10, 'e');
  f.app.on_data(C, as_bytes(first));
  f.app.on_data(C, as_bytes(rest));
  EXPECT_EQ(spent.memory.hits(), 1u);
  EXPECT_EQ(f.t.stats.dns.parse_errors, 0u);
  EXPECT_EQ(joined(f.t, ContentKind::kRaw, C), first + rest);
}

TEST(AppMemcapDecoders, TlsHelloRefusedIsNeitherAnErrorNorOpaque) {
  SpentMemory spent;
  LayerFlow f(make_tls_decoder, spent.memory);
  // A handshake record of 1000 bytes carrying the start of a ClientHello, cut short.
  std::string hello = {'\x16', '\x03', '\x01', '\x03', '\xe8', '\x01', '\x00', '\x03', '\xe4'};
  hello += std::string(500, 'h');
  f.app.on_data(C, as_bytes(hello));
  f.app.on_data(C, as_bytes(std::string(100, 'i')));
  EXPECT_EQ(spent.memory.hits(), 1u);
  EXPECT_EQ(f.t.stats.tls.parse_errors, 0u);
  EXPECT_FALSE(f.t.meta.opaque);  // still scanned: a refused buffer must not blind the flow
  EXPECT_EQ(joined(f.t, ContentKind::kRaw, C), hello + std::string(100, 'i'));
}

}  // namespace
}  // namespace korgoo::app

namespace korgoo::app {
namespace {

TEST(AppMemcapDecoders, ProbeWindowRefusedGivesUpToRaw) {
  SpentMemory spent;
  TestContext t;
  t.ctx.memory = &spent.memory;
  t.ctx.server_port = 8080;
  AppLayer app(t.ctx, true);
  const std::string opening = "HELLO " + std::string(1000, 'p');  // could still be anything
  app.on_data(C, as_bytes(opening));
  EXPECT_EQ(spent.memory.hits(), 1u);
  EXPECT_TRUE(app.decided());  // gave up: the flow is scanned as raw bytes
  EXPECT_EQ(app.app_proto(), "");
  app.on_data(C, as_bytes(std::string("more")));
  EXPECT_EQ(joined(t, ContentKind::kRaw, C), opening + "more");
}

TEST(AppMemcapDecoders, ProbeWindowKeptWhileTheCapHasRoom) {
  AppMemory memory(4 * AppMemoryShare::kStep);
  TestContext t;
  t.ctx.memory = &memory;
  t.ctx.server_port = 8080;
  AppLayer app(t.ctx, true);
  app.on_data(C, as_bytes("HELLO " + std::string(1000, 'p')));
  EXPECT_EQ(memory.hits(), 0u);
  EXPECT_GT(memory.used(), 0u);
  app.on_end(C);
  app.on_end(S);
  EXPECT_EQ(memory.used(), 0u);  // given back when probing ended
}

}  // namespace
}  // namespace korgoo::app
