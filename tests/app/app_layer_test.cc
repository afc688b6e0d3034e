// The dispatcher: protocol found by content in either direction, bytes replayed in order.
#include <gtest/gtest.h>

#include "app/app_layer.h"
#include "app/decoders.h"
#include "recording_sink.h"

namespace korgoo::app {
namespace {

using testing::TestContext;

const std::string kGet = "GET /index.html HTTP/1.1\r\nHost: www.example.kz\r\n\r\n";
const std::string k200 = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody";

TEST(AppLayer, HttpOnNonStandardPortFoundByContentByteByByte) {
  TestContext t;
  t.ctx.server_port = 9999;
  AppLayer app(t.ctx, true);
  for (char c : kGet) app.on_data(Direction::kToServer, as_bytes(std::string_view(&c, 1)));
  EXPECT_EQ(app.app_proto(), "http");
  EXPECT_EQ(t.meta.app_proto, "http");
  app.on_data(Direction::kToClient, as_bytes(k200));
  app.on_end(Direction::kToServer);
  app.on_end(Direction::kToClient);
  ASSERT_EQ(t.sink.records_of("http").size(), 1u);
  EXPECT_EQ(t.sink.records_of("http")[0]->body["http"]["url"], "/index.html");
  EXPECT_EQ(t.meta.server_names, std::vector<std::string>{"www.example.kz"});
}

TEST(AppLayer, ServerSpeakingFirstIsEnough) {
  TestContext t;
  t.ctx.server_port = 12345;
  AppLayer app(t.ctx, true);
  app.on_data(Direction::kToClient, as_bytes(k200));
  EXPECT_EQ(app.app_proto(), "http");
}

TEST(AppLayer, BufferedBytesReplayedInArrivalOrder) {
  TestContext t;
  AppLayer app(t.ctx, true);
  app.on_data(Direction::kToServer, as_bytes("GET /a"));  // not decided yet
  EXPECT_FALSE(app.decided());
  app.on_data(Direction::kToServer, as_bytes(" HTTP/1.1\r\nHost: h\r\n\r\n"));
  EXPECT_TRUE(app.decided());
  app.on_data(Direction::kToClient, as_bytes(k200));
  app.on_end(Direction::kToServer);
  app.on_end(Direction::kToClient);
  ASSERT_EQ(t.sink.records_of("http").size(), 1u);
  EXPECT_EQ(t.sink.records_of("http")[0]->body["http"]["status"], 200);
}

TEST(AppLayer, HttpPortWithOtherContentIsNotHttp) {
  TestContext t;
  t.ctx.server_port = 80;
  AppLayer app(t.ctx, true);
  app.on_data(Direction::kToServer, as_bytes("\x01\x02\x03 binary junk\r\n"));
  app.on_data(Direction::kToClient, as_bytes("\xff\xfe more junk"));
  EXPECT_TRUE(app.decided());
  EXPECT_EQ(app.app_proto(), "");
  EXPECT_EQ(t.meta.app_proto, "");
  EXPECT_TRUE(t.sink.records.empty());
}

TEST(AppLayer, ProbeWindowIsBounded) {
  TestContext t;
  AppLayer app(t.ctx, true);
  const std::string long_target = "GET /" + std::string(2 * AppLayer::kProbeWindow, 'a');
  app.on_data(Direction::kToServer, as_bytes(long_target));
  app.on_data(Direction::kToClient, as_bytes("not http"));
  EXPECT_TRUE(app.decided());
  EXPECT_EQ(app.app_proto(), "");
}

TEST(AppLayer, GapBeforeDecisionIsReplayed) {
  TestContext t;
  AppLayer app(t.ctx, true);
  app.on_data(Direction::kToClient, as_bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab"));
  EXPECT_EQ(app.app_proto(), "http");
  app.on_gap(Direction::kToClient, 8);
  app.on_end(Direction::kToServer);
  app.on_end(Direction::kToClient);
  auto files = t.sink.records_of("fileinfo");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->body["fileinfo"]["gaps"], true);
  EXPECT_EQ(t.stats.gaps_in_app, 1u);
}

TEST(AppLayer, EndBeforeDecisionGivesUp) {
  // A method cut short, and a line no protocol takes even once the end has ended it.
  for (const char* opening : {"GET", "FOO /bar"}) {
    TestContext t;
    AppLayer app(t.ctx, true);
    app.on_data(Direction::kToServer, as_bytes(opening));
    app.on_end(Direction::kToServer);
    app.on_end(Direction::kToClient);
    EXPECT_TRUE(app.decided()) << opening;
    EXPECT_EQ(app.app_proto(), "") << opening;
  }
}

// bug-3844, bug-4702-01: "GET /" and then the close is an HTTP/0.9 request (libhtp reads it
// so); the server's bare body does not decide anything before that.
TEST(AppLayer, EndOfStreamEndsAnHttp09RequestLine) {
  TestContext t;
  AppLayer app(t.ctx, true);
  app.on_data(Direction::kToServer, as_bytes("GET /"));
  app.on_data(Direction::kToClient, as_bytes("<html>hi</html>"));
  EXPECT_FALSE(app.decided());
  app.on_end(Direction::kToServer);
  app.on_end(Direction::kToClient);
  EXPECT_EQ(app.app_proto(), "http");
  ASSERT_EQ(t.sink.records_of("http").size(), 1u);
  EXPECT_EQ(t.sink.records_of("http")[0]->body["http"]["url"], "/");
}

TEST(AppLayer, SetDecoderSkipsProbing) {
  TestContext t;
  AppLayer app(t.ctx, true);
  app.set_decoder(make_http_decoder(t.ctx));
  EXPECT_EQ(app.app_proto(), "http");
  app.on_data(Direction::kToServer, as_bytes(kGet));
  app.on_end(Direction::kToServer);
  app.on_end(Direction::kToClient);
  EXPECT_EQ(t.sink.records_of("http").size(), 1u);
}

// A protocol list of one fake protocol, to see the dispatcher's choices on their own.
ProbeResult probe_fake(Direction dir, ByteView data) {
  if (dir != Direction::kToClient) return ProbeResult::kNo;
  const std::string_view s = as_chars(data);
  if (s.size() < 4)
    return std::string_view("FAKE").starts_with(s) ? ProbeResult::kMaybe : ProbeResult::kNo;
  return s.starts_with("FAKE") ? ProbeResult::kYes : ProbeResult::kNo;
}

class FakeDecoder final : public ProtocolDecoder {
 public:
  explicit FakeDecoder(AppContext& ctx) : ctx_(ctx) {}
  std::string_view app_proto() const override { return "fake"; }
  void on_data(Direction dir, ByteView data) override {
    log_ += (dir == Direction::kToServer ? ">" : "<") + std::string(as_chars(data));
  }
  void on_gap(Direction, std::uint64_t n) override { log_ += "~" + std::to_string(n); }
  void on_end(Direction) override {
    AppRecord r;
    r.event_type = "fake";
    r.body["log"] = log_;
    ctx_.sink.record(r);
  }

 private:
  AppContext& ctx_;
  std::string log_;
};

std::unique_ptr<ProtocolDecoder> make_fake(AppContext& ctx) {
  return std::make_unique<FakeDecoder>(ctx);
}

TEST(AppLayer, ReplaysBothDirectionsInOrderWithGaps) {
  static constexpr ProtocolSpec kFake[] = {{"fake", probe_fake, make_fake, {7, 0, 0, 0}, false}};
  TestContext t;
  AppLayer app(t.ctx, true, kFake);
  app.on_data(Direction::kToServer, as_bytes("hi"));
  app.on_gap(Direction::kToServer, 3);
  app.on_data(Direction::kToServer, as_bytes("x"));  // after a gap: kept as a gap
  app.on_data(Direction::kToClient, as_bytes("FA"));
  app.on_data(Direction::kToClient, as_bytes("KE!"));
  EXPECT_EQ(app.app_proto(), "fake");
  app.on_end(Direction::kToServer);
  ASSERT_EQ(t.sink.records.size(), 1u);
  EXPECT_EQ(t.sink.records[0].body["log"], ">hi~4<FAKE!");
}

TEST(AppLayer, PortRequiredProtocolsNeedTheirPort) {
  static constexpr ProtocolSpec kFake[] = {{"fake", probe_fake, make_fake, {7, 0, 0, 0}, true}};
  TestContext t;
  t.ctx.server_port = 8;
  AppLayer app(t.ctx, true, kFake);
  app.on_data(Direction::kToClient, as_bytes("FAKE"));
  EXPECT_EQ(app.app_proto(), "");
  TestContext t2;
  t2.ctx.server_port = 7;
  AppLayer app2(t2.ctx, true, kFake);
  app2.on_data(Direction::kToClient, as_bytes("FAKE"));
  EXPECT_EQ(app2.app_proto(), "fake");
}

TEST(AppLayer, UdpDecidesOnFirstDatagram) {
  static constexpr ProtocolSpec kFake[] = {{"fake", probe_fake, make_fake, {7, 0, 0, 0}, true}};
  TestContext t;
  t.ctx.server_port = 7;
  AppLayer app(t.ctx, false, kFake);
  app.on_data(Direction::kToClient, as_bytes("FAKE one"));
  app.on_data(Direction::kToServer, as_bytes("two"));
  EXPECT_EQ(app.app_proto(), "fake");
  app.on_end(Direction::kToServer);
  EXPECT_EQ(t.sink.records[0].body["log"], "<FAKE one>two");
}

}  // namespace
}  // namespace korgoo::app
