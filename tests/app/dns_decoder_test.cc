#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/decoders.h"
#include "app/dns/dns_message.h"
#include "recording_sink.h"

namespace korgoo::app {
namespace {

using testing::Harness;

std::string be16(std::uint16_t v) {
  return std::string{static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)};
}

std::string encode_name(const std::vector<std::string>& labels) {
  std::string out;
  for (const auto& l : labels) out += static_cast<char>(l.size()) + l;
  out.push_back('\0');
  return out;
}

std::string header(std::uint16_t id, std::uint16_t flags, std::uint16_t qd, std::uint16_t an = 0,
                   std::uint16_t ns = 0, std::uint16_t ar = 0) {
  return be16(id) + be16(flags) + be16(qd) + be16(an) + be16(ns) + be16(ar);
}

std::string query(std::uint16_t id, const std::vector<std::string>& labels,
                  std::uint16_t type = 1) {
  return header(id, 0x0100, 1) + encode_name(labels) + be16(type) + be16(1);
}

TEST(DnsDecoder, UdpRequestRecordAndNameView) {
  Harness h;
  auto d = make_dns_decoder(h.ctx, false);
  d->on_data(Direction::kToServer,
             as_bytes(query(0x1234, {"4111111111", "111111", "exfil", "example"})));
  ASSERT_EQ(h.sink.records.size(), 1u);
  const Json& dns = h.sink.records[0].body["dns"];
  EXPECT_EQ(dns["version"], 3);
  EXPECT_EQ(dns["type"], "request");
  EXPECT_EQ(dns["id"], 0x1234);
  EXPECT_EQ(dns["queries"][0]["rrname"], "4111111111.111111.exfil.example");
  EXPECT_EQ(dns["queries"][0]["rrtype"], "A");
  EXPECT_EQ(dns["rrname"], "4111111111.111111.exfil.example");
  EXPECT_EQ(h.sink.records[0].dir, Direction::kToServer);
  const auto names = h.sink.contents(ContentKind::kDnsName);
  ASSERT_EQ(names.size(), 1u);
  // The dotted name, then every run of 2..4 adjacent labels: the split value comes back with
  // clean edges on the first run line.
  EXPECT_EQ(names[0],
            "4111111111.111111.exfil.example\n"
            "4111111111111111\n4111111111111111exfil\n4111111111111111exfilexample\n"
            "111111exfil\n111111exfilexample\n"
            "exfilexample\n");
  EXPECT_TRUE(h.sink.views[0].ended);
  EXPECT_EQ(h.stats.dns.queries, 1u);
}

TEST(DnsDecoder, ResponsesGiveNoRecord) {
  Harness h;
  auto d = make_dns_decoder(h.ctx, false);
  const std::string resp = header(1, 0x8180, 1, 1) + encode_name({"a", "kg"}) + be16(1) + be16(1) +
                           "\xC0\x0C" + be16(1) + be16(1) + std::string("\0\0\0\x3C", 4) + be16(4) +
                           std::string("\x01\x02\x03\x04", 4);
  d->on_data(Direction::kToClient, as_bytes(resp));
  EXPECT_TRUE(h.sink.records.empty());
  EXPECT_EQ(h.stats.dns.parse_errors, 0u);
}

TEST(DnsMessage, CompressionForwardPointersAndLoops) {
  // Two questions, the second a pointer to the first name (offset 12).
  const std::string two = header(9, 0x0100, 2) + encode_name({"codemonkey", "net"}) + be16(1) +
                          be16(1) + "\xC0\x0C" + be16(28) + be16(1);
  auto m = parse_dns_message(as_bytes(two));
  ASSERT_TRUE(m);
  ASSERT_EQ(m->questions.size(), 2u);
  EXPECT_EQ(m->questions[1].name.dotted(), "codemonkey.net");
  EXPECT_EQ(dns_rrtype_name(m->questions[1].type), "AAAA");

  // A forward pointer: the question's name points past itself to a name stored later.
  const std::string fwd = header(9, 0x0100, 1) + std::string("\xC0\x12", 2) + be16(1) + be16(1) +
                          encode_name({"fwd", "kz"});
  m = parse_dns_message(as_bytes(fwd));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->questions[0].name.dotted(), "fwd.kz");

  // A pointer to itself, and a two-pointer cycle: errors, no hang.
  DnsError err = DnsError::kNone;
  const std::string self = header(9, 0x0100, 1) + std::string("\xC0\x0C", 2) + be16(1) + be16(1);
  EXPECT_FALSE(parse_dns_message(as_bytes(self), &err));
  EXPECT_EQ(err, DnsError::kPointerLoop);
  const std::string cycle =
      header(9, 0x0100, 1) + std::string("\x01x\xC0\x0C", 4) + be16(1) + be16(1);
  EXPECT_FALSE(parse_dns_message(as_bytes(cycle), &err));
  EXPECT_NE(err, DnsError::kNone);
  // A pointer past the end.
  const std::string out = header(9, 0x0100, 1) + std::string("\xC3\xFF", 2) + be16(1) + be16(1);
  EXPECT_FALSE(parse_dns_message(as_bytes(out), &err));
  EXPECT_EQ(err, DnsError::kTruncated);
}

TEST(DnsMessage, TruncatedAndMalformedNeverCrash) {
  const std::string good = query(5, {"www", "example", "com"});
  for (std::size_t n = 0; n < good.size(); ++n) {
    DnsError err = DnsError::kNone;
    EXPECT_FALSE(parse_dns_message(as_bytes(good.substr(0, n)), &err)) << n;
    EXPECT_NE(err, DnsError::kNone);
  }
  DnsError err = DnsError::kNone;
  const std::string reserved = header(1, 0x0100, 1) + std::string("\x41x", 2);
  EXPECT_FALSE(parse_dns_message(as_bytes(reserved), &err));
  EXPECT_EQ(err, DnsError::kBadLabel);
  std::vector<std::string> long_labels(10, std::string(60, 'a'));
  EXPECT_FALSE(parse_dns_message(
      as_bytes(header(1, 0x0100, 1) + encode_name(long_labels) + be16(1) + be16(1)), &err));
  EXPECT_EQ(err, DnsError::kNameTooLong);

  // A junk datagram (SNMP, as in Suricata's dns-udp-junkrequest-first) is counted, not logged.
  Harness h;
  auto d = make_dns_decoder(h.ctx, false);
  const std::string junk("\x30\x40\x02\x01\x03\x30\x0f\x02\x03\x00\x91\xc8\x02\x02\x05\xdc", 16);
  d->on_data(Direction::kToServer, as_bytes(junk));
  d->on_data(Direction::kToServer, as_bytes(query(2, {"catenacyber", "Fr"})));
  ASSERT_EQ(h.sink.records.size(), 1u);
  EXPECT_EQ(h.sink.records[0].body["dns"]["queries"][0]["rrname"], "catenacyber.Fr");
  EXPECT_EQ(h.stats.dns.parse_errors, 1u);
}

TEST(DnsDecoder, EscapesOddBytesAndRoot) {
  DnsName n;
  n.labels = {std::string("a\x01", 2), "b"};
  EXPECT_EQ(dns_name_for_eve(n), "a\\x01.b");
  EXPECT_EQ(dns_name_for_eve(DnsName{}), "<root>");
}

TEST(DnsDecoder, TcpMessagesSplitAnywhereIncludingTheLengthPrefix) {
  std::string stream;
  for (std::uint16_t i = 0; i < 5; ++i) {
    const std::string m = query(i, {"host" + std::to_string(i), "corp", "kg"});
    stream += be16(static_cast<std::uint16_t>(m.size())) + m;
  }
  for (std::size_t split = 0; split <= stream.size(); ++split) {
    Harness h;
    auto d = make_dns_decoder(h.ctx, true);
    d->on_data(Direction::kToServer, as_bytes(std::string_view(stream).substr(0, split)));
    d->on_data(Direction::kToServer, as_bytes(std::string_view(stream).substr(split)));
    d->on_end(Direction::kToServer);
    ASSERT_EQ(h.sink.records.size(), 5u) << split;
    EXPECT_EQ(h.sink.records[3].body["dns"]["queries"][0]["rrname"], "host3.corp.kg");
    EXPECT_EQ(h.stats.dns.parse_errors, 0u);
  }
  Harness h;
  auto d = make_dns_decoder(h.ctx, true);
  for (const char c : stream) d->on_data(Direction::kToServer, as_bytes(std::string_view(&c, 1)));
  EXPECT_EQ(h.sink.records.size(), 5u);
  // View ids grow per message within the direction.
  ASSERT_EQ(h.sink.views.size(), 5u);
  EXPECT_EQ(h.sink.views[4].view.id, 5u);
}

TEST(DnsDecoder, TcpStreamCutMidMessageIsCounted) {
  Harness h;
  auto d = make_dns_decoder(h.ctx, true);
  const std::string m = query(1, {"a", "kg"});
  d->on_data(Direction::kToServer,
             as_bytes(be16(static_cast<std::uint16_t>(m.size())) + m.substr(0, 5)));
  d->on_end(Direction::kToServer);
  EXPECT_TRUE(h.sink.records.empty());
  EXPECT_EQ(h.stats.dns.parse_errors, 1u);
}

std::string tcp_requests(int count) {
  std::string stream;
  for (int i = 0; i < count; ++i) {
    const std::string m = query(static_cast<std::uint16_t>(i), {"host" + std::to_string(i), "kg"});
    stream += be16(static_cast<std::uint16_t>(m.size())) + m;
  }
  return stream;
}

// Issue 16: a client segment lost in the middle of the second of five requests. The decoder
// finds the third request's length after the gap and goes on, wherever the bytes after the
// gap are split.
TEST(DnsDecoder, TcpResumesAtTheNextMessageAfterAGap) {
  const std::string stream = tcp_requests(5);
  const std::size_t one = stream.size() / 5;  // every request has the same size here
  const std::size_t lost_from = one + 7, lost_to = one + 20;
  const std::string_view after = std::string_view(stream).substr(lost_to);
  for (std::size_t split = 0; split <= after.size(); ++split) {
    Harness h;
    auto d = make_dns_decoder(h.ctx, true);
    d->on_data(Direction::kToServer, as_bytes(std::string_view(stream).substr(0, lost_from)));
    d->on_gap(Direction::kToServer, lost_to - lost_from);
    d->on_data(Direction::kToServer, as_bytes(after.substr(0, split)));
    d->on_data(Direction::kToServer, as_bytes(after.substr(split)));
    d->on_end(Direction::kToServer);
    ASSERT_EQ(h.sink.records.size(), 4u) << split;
    EXPECT_EQ(h.sink.records[0].body["dns"]["id"], 0);
    EXPECT_EQ(h.sink.records[1].body["dns"]["id"], 2) << split;
    EXPECT_EQ(h.sink.records[3].body["dns"]["queries"][0]["rrname"], "host4.kg");
    EXPECT_EQ(h.stats.dns.parse_errors, 0u);
  }
}

TEST(DnsDecoder, TcpGapAtAMessageBoundaryLosesNothingElse) {
  const std::string stream = tcp_requests(3);
  const std::size_t one = stream.size() / 3;
  Harness h;
  auto d = make_dns_decoder(h.ctx, true);
  d->on_data(Direction::kToServer, as_bytes(std::string_view(stream).substr(0, one)));
  d->on_gap(Direction::kToServer, one);
  for (const char c : stream.substr(2 * one))
    d->on_data(Direction::kToServer, as_bytes(std::string_view(&c, 1)));
  d->on_end(Direction::kToServer);
  ASSERT_EQ(h.sink.records.size(), 2u);
  EXPECT_EQ(h.sink.records[1].body["dns"]["id"], 2);
}

// Junk after a gap, longer than the search window, then a request: found, and the search
// keeps bounded memory meanwhile.
TEST(DnsDecoder, TcpResyncSkipsJunk) {
  Harness h;
  auto d = make_dns_decoder(h.ctx, true);
  d->on_gap(Direction::kToServer, 100);
  const std::string junk(10000, '\xff');
  d->on_data(Direction::kToServer, as_bytes(junk));
  d->on_data(Direction::kToServer, as_bytes(tcp_requests(1)));
  d->on_end(Direction::kToServer);
  ASSERT_EQ(h.sink.records.size(), 1u);
}

TEST(DnsProbe, UdpAndTcpFraming) {
  const std::string q = query(3, {"example", "com"});
  EXPECT_EQ(probe_dns(Direction::kToServer, as_bytes(q)), ProbeResult::kYes);
  const std::string framed = be16(static_cast<std::uint16_t>(q.size())) + q;
  EXPECT_EQ(probe_dns(Direction::kToServer, as_bytes(framed)), ProbeResult::kYes);
  EXPECT_EQ(probe_dns(Direction::kToServer, as_bytes(framed.substr(0, 20))), ProbeResult::kMaybe);
  EXPECT_EQ(probe_dns(Direction::kToServer,
                      as_bytes(std::string_view("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))),
            ProbeResult::kNo);
  // Junk with a DNS-shaped header on a DNS port: not ruled out (the decoder counts it).
  const std::string junk("\x30\x40\x02\x01\x03\x30\x0f\x02\x03\x00\x91\xc8\x02\x02\x05\xdc", 16);
  EXPECT_EQ(probe_dns(Direction::kToServer, as_bytes(junk)), ProbeResult::kMaybe);
}

}  // namespace
}  // namespace korgoo::app
