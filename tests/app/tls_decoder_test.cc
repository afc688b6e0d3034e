#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/decoders.h"
#include "app/tls/tls_handshake.h"
#include "recording_sink.h"
#include "tls_test_util.h"

namespace korgoo::app {
namespace {

using testing::client_hello_body;
using testing::handshake;
using testing::Harness;
using testing::records;
using testing::server_hello;
constexpr Direction C = Direction::kToServer;
constexpr Direction S = Direction::kToClient;

const std::string kHello = handshake(1, client_hello_body("www.google.com", {"h2", "http/1.1"}));

TEST(TlsHandshake, ParsesSniAlpnVersions) {
  auto ch = parse_tls_client_hello(as_bytes(std::string_view(kHello).substr(4)));
  ASSERT_TRUE(ch);
  EXPECT_EQ(ch->sni, std::optional<std::string>("www.google.com"));
  EXPECT_EQ(ch->alpn, (std::vector<std::string>{"h2", "http/1.1"}));
  EXPECT_EQ(ch->supported_versions, (std::vector<std::uint16_t>{0x0304, 0x0303}));
  EXPECT_EQ(tls_version_name(0x0303), "TLS 1.2");
  EXPECT_EQ(tls_version_name(0x7F1C), "TLS 1.3 draft-28");
  EXPECT_EQ(tls_version_name(0x1234), "UNDETERMINED");
}

TEST(TlsDecoder, ClientHelloOverThreeSegmentsAndTwoRecords) {
  const std::string stream = records(kHello, 100);  // the message spans two records
  const std::size_t third = stream.size() / 3;
  Harness h;
  auto d = make_tls_decoder(h.ctx);
  d->on_data(C, as_bytes(std::string_view(stream).substr(0, third)));
  d->on_data(C, as_bytes(std::string_view(stream).substr(third, third)));
  EXPECT_TRUE(h.meta.server_names.empty());
  d->on_data(C, as_bytes(std::string_view(stream).substr(2 * third)));
  EXPECT_EQ(h.meta.server_names, std::vector<std::string>{"www.google.com"});
  EXPECT_TRUE(h.meta.opaque);
  d->on_data(S, as_bytes(server_hello(0x0304)));
  d->on_data(C, as_bytes(std::string("\x17\x03\x03\x00\x05secret", 10)));  // application data
  d->on_end(C);
  d->on_end(S);
  ASSERT_EQ(h.sink.records.size(), 1u);
  const Json& tls = h.sink.records[0].body["tls"];
  EXPECT_EQ(tls["sni"], "www.google.com");
  EXPECT_EQ(tls["version"], "TLS 1.3");
  EXPECT_EQ(tls["client_alpns"], Json::array({"h2", "http/1.1"}));
  // Only the SNI becomes content; the encrypted record is counted, not delivered.
  ASSERT_EQ(h.sink.views.size(), 1u);
  EXPECT_EQ(h.sink.views[0].view.kind, ContentKind::kTlsMeta);
  EXPECT_EQ(h.sink.views[0].bytes, "www.google.com");
  EXPECT_EQ(h.stats.opaque_bytes, 10u);
  EXPECT_EQ(h.stats.tls.client_hellos, 1u);
}

TEST(TlsDecoder, SameResultAtEverySplit) {
  const std::string stream = records(kHello, 50);
  for (std::size_t split = 1; split < stream.size(); ++split) {
    Harness h;
    auto d = make_tls_decoder(h.ctx);
    d->on_data(C, as_bytes(std::string_view(stream).substr(0, split)));
    d->on_data(C, as_bytes(std::string_view(stream).substr(split)));
    d->on_end(C);
    ASSERT_EQ(h.sink.records.size(), 1u) << split;
    EXPECT_EQ(h.sink.records[0].body["tls"]["sni"], "www.google.com");
    EXPECT_EQ(h.sink.records[0].body["tls"]["version"], "UNDETERMINED");  // no ServerHello
  }
}

TEST(TlsDecoder, MalformedLengthsAreErrorsNotCrashes) {
  // An SNI entry claiming more bytes than the extension holds.
  std::string body = client_hello_body("a.kg", {});
  const std::size_t pos = body.find("a.kg");
  ASSERT_NE(pos, std::string::npos);
  body[pos - 1] = 0x7F;
  EXPECT_FALSE(parse_tls_client_hello(as_bytes(body)));

  Harness h;
  auto d = make_tls_decoder(h.ctx);
  d->on_data(C, as_bytes(records(handshake(1, body), 1 << 14)));
  d->on_end(C);
  EXPECT_TRUE(h.sink.records.empty());
  EXPECT_EQ(h.stats.tls.parse_errors, 1u);
  EXPECT_TRUE(h.meta.opaque);

  // Every truncation of a valid body fails cleanly (or parses when only extensions are cut).
  const std::string good = kHello.substr(4);
  for (std::size_t n = 0; n < good.size(); ++n)
    (void)parse_tls_client_hello(as_bytes(good.substr(0, n)));

  // A handshake message longer than the 64 KiB cap, a non-handshake first record, an
  // oversized record.
  for (const std::string& bad :
       {std::string("\x16\x03\x01\x00\x04\x01\x02\x00\x00", 9),
        std::string("\x17\x03\x03\x00\x01x", 6), std::string("\x16\x03\x01\xFF\xFF", 5)}) {
    Harness e;
    auto t = make_tls_decoder(e.ctx);
    t->on_data(C, as_bytes(bad));
    EXPECT_EQ(e.stats.tls.parse_errors, 1u);
    EXPECT_TRUE(e.sink.records.empty());
  }
}

TEST(TlsProbe, ClientAndServerHellos) {
  const std::string stream = records(kHello, 1 << 14);
  EXPECT_EQ(probe_tls(C, as_bytes(stream)), ProbeResult::kYes);
  EXPECT_EQ(probe_tls(C, as_bytes(stream.substr(0, 3))), ProbeResult::kMaybe);
  EXPECT_EQ(probe_tls(S, as_bytes(server_hello(0x0303))), ProbeResult::kYes);
  EXPECT_EQ(probe_tls(C, as_bytes(std::string_view("GET / HTTP/1.1\r\n"))), ProbeResult::kNo);
  // An empty handshake record is TLS framing too; an empty record of another type is not.
  EXPECT_EQ(probe_tls(C, as_bytes(std::string("\x16\x03\x00\x00\x00", 5))), ProbeResult::kYes);
  EXPECT_EQ(probe_tls(C, as_bytes(std::string("\x17\x03\x00\x00\x00", 5))), ProbeResult::kNo);
}

}  // namespace
}  // namespace korgoo::app
