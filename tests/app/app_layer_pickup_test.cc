// Sessions whose opening the sensor did not see (issue 16): an FTP or SMTP client picked up
// after its greeting is still recognised on its protocol's port, and only there; PostgreSQL's
// SSLRequest hands the flow to the TLS decoder.
#include <gtest/gtest.h>

#include <string>

#include "app/app_layer.h"
#include "app/decoders.h"
#include "recording_sink.h"

namespace korgoo::app {
namespace {

using testing::TestContext;
constexpr Direction C = Direction::kToServer;
constexpr Direction S = Direction::kToClient;

std::string proto_of_client_opening(std::uint16_t port, std::string_view opening) {
  TestContext t;
  t.ctx.client_port = 40000;
  t.ctx.server_port = port;
  AppLayer app(t.ctx, true);
  app.on_data(C, as_bytes(opening));
  app.on_end(C);
  app.on_end(S);
  return t.meta.app_proto;
}

struct Opening {
  std::uint16_t port;
  std::string_view client_says;
  std::string_view app_proto;
};

TEST(AppLayerPickup, ClientCommandsOnTheProtocolsPort) {
  const Opening cases[] = {
      // ftp-quit: the capture holds the handshake, the client's QUIT and the server's RST.
      {21, "QUIT\r\n", "ftp"},
      {21, "RETR report.pdf\r\n", "ftp"},
      {2121, "QUIT\r\n", ""},
      // An IRC client on the FTP port is still not FTP.
      {21, "PASS secret\r\nNICK guest\r\nUSER guest 0 * :G\r\n", ""},
      {21, "NICK guest\r\n", ""},
      // An SMTP client that only says QUIT.
      {25, "QUIT\r\n", "smtp"},
      {587, "MAIL FROM:<a@example.kz>\r\n", "smtp"},
      {2500, "QUIT\r\n", ""},
      // AUTH opens both FTP and SMTP sessions: the port decides.
      {25, "AUTH LOGIN\r\n", "smtp"},
      {21, "AUTH TLS\r\n", "ftp"},
  };
  for (const Opening& o : cases) {
    EXPECT_EQ(proto_of_client_opening(o.port, o.client_says), o.app_proto)
        << o.port << " " << o.client_says;
  }
}

TEST(AppLayerPickup, WeakProbesComeAfterTheGreeting) {
  // A greeting names the protocol even on the other's port.
  TestContext t;
  t.ctx.server_port = 25;
  AppLayer app(t.ctx, true);
  app.on_data(S, as_bytes("220 files.example.kz FTP server ready\r\n"));
  EXPECT_EQ(t.meta.app_proto, "ftp");
}

const std::string kSslRequest("\x00\x00\x00\x08\x04\xd2\x16\x2f", 8);

// A ClientHello with no extensions: enough for the TLS decoder to count it.
std::string client_hello() {
  std::string body = std::string("\x03\x03", 2) + std::string(32, 'r') + std::string(1, '\0') +
                     std::string("\x00\x02\x13\x01\x01\x00", 6);
  const std::string hs = std::string(1, '\x01') + std::string(1, '\0') +
                         static_cast<char>(body.size() >> 8) + static_cast<char>(body.size()) +
                         body;
  return std::string("\x16\x03\x01", 3) + static_cast<char>(hs.size() >> 8) +
         static_cast<char>(hs.size()) + hs;
}

// pgsql-upgrade-tls: SSLRequest, `S`, then a TLS handshake on the same connection.
TEST(AppLayerPickup, PgsqlSslRequestAcceptedBecomesTls) {
  for (const std::uint16_t port : {5432, 15432}) {
    TestContext t;
    t.ctx.server_port = port;
    AppLayer app(t.ctx, true);
    app.on_data(C, as_bytes(kSslRequest.substr(0, 3)));
    EXPECT_FALSE(app.decided());
    app.on_data(C, as_bytes(kSslRequest.substr(3)));
    EXPECT_EQ(t.meta.app_proto, "pgsql");
    app.on_data(S, as_bytes("S"));
    EXPECT_EQ(t.meta.app_proto, "tls") << port;
    app.on_data(C, as_bytes(client_hello()));
    app.on_end(C);
    app.on_end(S);
    EXPECT_EQ(t.stats.tls.client_hellos, 1u);
    EXPECT_EQ(t.sink.records_of("tls").size(), 1u);
  }
}

TEST(AppLayerPickup, PgsqlSslRequestRefusedStaysInTheClear) {
  TestContext t;
  t.ctx.server_port = 5432;
  AppLayer app(t.ctx, true);
  app.on_data(C, as_bytes(kSslRequest));
  app.on_data(S, as_bytes("N"));
  app.on_data(C, as_bytes(std::string("\x00\x00\x00\x10\x00\x03\x00\x00user\0db\0\0", 16)));
  app.on_end(C);
  app.on_end(S);
  EXPECT_EQ(t.meta.app_proto, "pgsql");
  EXPECT_EQ(t.stats.tls.client_hellos, 0u);
}

TEST(AppLayerPickup, PgsqlProbeNeedsTheWholeRequestCode) {
  EXPECT_EQ(probe_pgsql_ssl_request(C, as_bytes(kSslRequest.substr(0, 5))), ProbeResult::kMaybe);
  EXPECT_EQ(probe_pgsql_ssl_request(C, as_bytes(kSslRequest)), ProbeResult::kYes);
  EXPECT_EQ(probe_pgsql_ssl_request(S, as_bytes(kSslRequest)), ProbeResult::kNo);
  std::string gss = kSslRequest;
  gss[7] = '\x30';  // GSSENCRequest: not TLS
  EXPECT_EQ(probe_pgsql_ssl_request(C, as_bytes(gss)), ProbeResult::kNo);
}

}  // namespace
}  // namespace korgoo::app
