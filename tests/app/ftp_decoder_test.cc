#include <gtest/gtest.h>

#include <string>

#include "app/decoders.h"
#include "app/ftp/ftp_address.h"
#include "recording_sink.h"
#include "zip_writer.h"

namespace korgoo::app {
namespace {

using testing::Harness;
constexpr Direction C = Direction::kToServer;
constexpr Direction S = Direction::kToClient;

IpAddress ip(const char* text) {
  return *IpAddress::parse(text);
}

void setup(Harness& h) {
  h.ctx.flow_id = 42;
  h.ctx.client = ip("192.168.100.16");
  h.ctx.server = ip("192.168.100.230");
  h.ctx.client_port = 40000;
  h.ctx.server_port = 21;
  h.ctx.now = Timestamp::from_sec_usec(1000, 0);
}

void feed(ProtocolDecoder& d, Direction dir, std::string_view text) {
  d.on_data(dir, as_bytes(text));
}

TEST(FtpAddress, ParsesAllFourForms) {
  auto pasv = parse_ftp_pasv_reply("Entering Passive Mode (192,168,100,230,195,80).");
  ASSERT_TRUE(pasv);
  EXPECT_EQ(pasv->ip->to_string(), "192.168.100.230");
  EXPECT_EQ(pasv->port, 195 * 256 + 80);
  EXPECT_TRUE(parse_ftp_pasv_reply("=10,0,0,1,4,1"));  // no parentheses
  EXPECT_FALSE(parse_ftp_pasv_reply("Entering Passive Mode (256,1,1,1,1,1)"));
  EXPECT_FALSE(parse_ftp_pasv_reply("(1,2,3,4,5)"));

  auto port = parse_ftp_port_argument("192,168,100,16,167,171");
  ASSERT_TRUE(port);
  EXPECT_EQ(port->port, 167 * 256 + 171);
  EXPECT_FALSE(parse_ftp_port_argument("192,168,100,16,167"));
  EXPECT_FALSE(parse_ftp_port_argument("192,168,100,16,0,0"));

  auto eprt = parse_ftp_eprt_argument("|2|2001:db8::1|5282|");
  ASSERT_TRUE(eprt);
  EXPECT_TRUE(eprt->ip->is_v6());
  EXPECT_EQ(eprt->port, 5282);
  EXPECT_TRUE(parse_ftp_eprt_argument("!1!10.0.0.1!21000!"));
  EXPECT_FALSE(parse_ftp_eprt_argument("|1|2001:db8::1|5282|"));  // family mismatch
  EXPECT_FALSE(parse_ftp_eprt_argument("|1|10.0.0.1|70000|"));

  auto epsv = parse_ftp_epsv_reply("Entering Extended Passive Mode (|||6446|)");
  ASSERT_TRUE(epsv);
  EXPECT_FALSE(epsv->ip);
  EXPECT_EQ(epsv->port, 6446);
  EXPECT_FALSE(parse_ftp_epsv_reply("Entering Extended Passive Mode (|||x|)"));
}

TEST(FtpDecoder, PassiveModeExpectationWithCommand) {
  Harness h;
  setup(h);
  auto d = make_ftp_decoder(h.ctx);
  feed(*d, S, "220 FTP ready\r\n");
  feed(*d, C, "USER anonymous\r\nPASS x\r\nPASV\r\n");
  feed(*d, S, "331 ok\r\n230 ok\r\n227 Entering Passive Mode (192,168,100,230,195,80).\r\n");
  feed(*d, C, "STOR customer list.csv\r\n");
  EXPECT_EQ(h.expectations.size(), 1u);
  auto e = h.expectations.take(h.ctx.client, h.ctx.server, 195 * 256 + 80, h.ctx.now);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->app_proto, "ftp-data");
  EXPECT_EQ(e->control_flow_id, 42u);
  EXPECT_EQ(e->command, "STOR");
  EXPECT_EQ(e->file_name, "customer list.csv");
  EXPECT_EQ(e->expires.usec, h.ctx.now.usec + 60 * kUsecPerSec);
}

TEST(FtpDecoder, NatAnnouncedAddressGetsItsOwnExpectation) {
  Harness h;
  setup(h);
  auto d = make_ftp_decoder(h.ctx);
  feed(*d, C, "PASV\r\n");
  feed(*d, S, "227 Entering Passive Mode (10,1,1,1,4,0)\r\n");
  EXPECT_EQ(h.expectations.size(), 2u);
  EXPECT_TRUE(h.expectations.take(h.ctx.client, h.ctx.server, 1024, h.ctx.now));
  EXPECT_TRUE(h.expectations.take(h.ctx.client, ip("10.1.1.1"), 1024, h.ctx.now));
}

TEST(FtpDecoder, ActiveModeServerConnectsBack) {
  Harness h;
  setup(h);
  auto d = make_ftp_decoder(h.ctx);
  feed(*d, C, "PORT 192,168,100,16,167,171\r\n");
  feed(*d, S, "200 PORT ok\r\n");
  feed(*d, C, "RETR test.pdf\r\n");
  auto e = h.expectations.take(h.ctx.server, h.ctx.client, 167 * 256 + 171, h.ctx.now);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->command, "RETR");
  EXPECT_EQ(e->file_name, "test.pdf");

  feed(*d, C, "EPRT |1|192.168.100.16|52407|\r\nSTOR up.bin\r\n");
  e = h.expectations.take(h.ctx.server, h.ctx.client, 52407, h.ctx.now);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->command, "STOR");
}

TEST(FtpDecoder, PipelinedCommandBeforeEpsvReplyIsCarried) {
  Harness h;
  setup(h);
  auto d = make_ftp_decoder(h.ctx);
  feed(*d, C, "EPSV\r\nRETR a.txt\r\n");
  feed(*d, S, "229 Entering Extended Passive Mode (|||6446|)\r\n");
  auto e = h.expectations.take(h.ctx.client, h.ctx.server, 6446, h.ctx.now);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->command, "RETR");
  EXPECT_EQ(e->file_name, "a.txt");
}

TEST(FtpDecoder, AuthTlsMakesTheControlChannelOpaque) {
  Harness h;
  setup(h);
  auto d = make_ftp_decoder(h.ctx);
  feed(*d, C, "AUTH TLS\r\n");
  feed(*d, S, "234 go\r\n");
  feed(*d, C, "\x16\x03\x01");
  EXPECT_TRUE(h.meta.opaque);
  EXPECT_EQ(h.stats.opaque_bytes, 3u);
}

TEST(FtpDataDecoder, StorOverPassiveFlowsToServer) {
  Harness h;
  Expectation e;
  e.command = "STOR";
  e.file_name = "x.csv";
  e.control_flow_id = 42;
  auto d = make_ftp_data_decoder(h.ctx, e);
  EXPECT_EQ(d->app_proto(), "ftp-data");
  feed(*d, C, "iin;name\n");
  feed(*d, C, "222011985001;A\n");
  d->on_end(C);
  d->on_end(S);
  ASSERT_EQ(h.sink.records.size(), 1u);
  const AppRecord& r = h.sink.records[0];
  EXPECT_EQ(r.event_type, "fileinfo");
  EXPECT_EQ(r.dir, Direction::kToServer);
  EXPECT_EQ(r.body["ftp_data"]["command"], "STOR");
  EXPECT_EQ(r.body["fileinfo"]["filename"], "x.csv");
  EXPECT_EQ(r.body["fileinfo"]["size"], 24);
  EXPECT_EQ(r.body["fileinfo"]["state"], "CLOSED");
  const auto data = h.sink.contents(ContentKind::kFtpData);
  ASSERT_EQ(data.size(), 1u);
  EXPECT_EQ(data[0], "iin;name\n222011985001;A\n");
  EXPECT_TRUE(h.sink.views[0].ended);
}

TEST(FtpDataDecoder, ActiveStorTravelsAgainstTheDataFlow) {
  // PORT mode: the server opened the data flow, so a STOR's bytes go kToClient, and the
  // record names the control client (the data flow's server side) as src.
  Harness h;
  Expectation e;
  e.command = "STOR";
  e.file_name = "test.pdf";
  auto d = make_ftp_data_decoder(h.ctx, e);
  feed(*d, S, "%PDF-1.4");
  d->on_end(S);
  ASSERT_EQ(h.sink.records.size(), 1u);
  EXPECT_EQ(h.sink.records[0].dir, Direction::kToClient);
}

TEST(FtpDataDecoder, CommandSeenAfterTheDataFlowOpened) {
  Harness h;
  setup(h);
  auto control = make_ftp_decoder(h.ctx);
  feed(*control, C, "PASV\r\n");
  feed(*control, S, "227 Entering Passive Mode (192,168,100,230,4,1)\r\n");
  auto e = h.expectations.take(h.ctx.client, h.ctx.server, 1025, h.ctx.now);
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->command.empty());
  auto d = make_ftp_data_decoder(h.ctx, *e);
  feed(*control, C, "RETR late.txt\r\n");  // after the data connection opened
  feed(*d, S, "content");
  d->on_end(S);
  ASSERT_EQ(h.sink.records_of("fileinfo").size(), 1u);
  EXPECT_EQ(h.sink.records[0].body["fileinfo"]["filename"], "late.txt");
  EXPECT_EQ(h.sink.records[0].dir, Direction::kToClient);
}

// A data flow for `STOR name`, as the control session announced it.
std::unique_ptr<ProtocolDecoder> stor(Harness& h, const char* name) {
  Expectation e;
  e.command = "STOR";
  e.file_name = name;
  return make_ftp_data_decoder(h.ctx, e);
}

// Issue 13: a zip stored over FTP is scanned as its members' text, one view each, however
// the bytes were segmented; the record keeps the size as sent and says how it was decoded.
TEST(FtpDataDecoder, ZipOverStorIsScannedAsItsMembersText) {
  const std::string zip = testing::make_zip({{"a.csv", "pin\n1\n"}, {"b.csv", "card\n2\n"}});
  for (const std::size_t piece : {zip.size(), std::size_t{7}, std::size_t{1}}) {
    Harness h;
    auto d = stor(h, "export.zip");
    for (std::size_t at = 0; at < zip.size(); at += piece)
      feed(*d, C, std::string_view(zip).substr(at, piece));
    d->on_end(C);
    d->on_end(S);
    EXPECT_TRUE(h.sink.contents(ContentKind::kFtpData) ==
                (std::vector<std::string>{"pin\n1\n", "card\n2\n"}))
        << "piece " << piece;
    const auto groups = h.sink.groups(ContentKind::kFtpData);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_NE(groups[0], 0u) << "the members are one group: their counts add";
    EXPECT_EQ(groups[1], groups[0]);
    EXPECT_TRUE(h.sink.all_ended());
    ASSERT_EQ(h.sink.records.size(), 1u);
    const Json& f = h.sink.records[0].body["fileinfo"];
    EXPECT_EQ(f["size"], zip.size());
    EXPECT_EQ(f["state"], "CLOSED");
    EXPECT_EQ(f["gaps"], false);
    EXPECT_EQ(f["korgoo"]["decoders"], Json::array({"zip"}));
    EXPECT_EQ(f["korgoo"]["decoded"], "full");
    EXPECT_EQ(f["korgoo"]["encrypted"], false);
    EXPECT_EQ(h.stats.encrypted_files, 0u);
  }
}

TEST(FtpDataDecoder, EncryptedZipIsReportedNotDecoded) {
  const std::string zip = testing::make_zip({{"a.csv", "pin\n1\n"}}, true);
  Harness h;
  auto d = stor(h, "secret.zip");
  feed(*d, C, zip);
  d->on_end(C);
  d->on_end(S);
  for (const auto& text : h.sink.contents(ContentKind::kFtpData))
    EXPECT_EQ(text.find("pin"), std::string::npos) << "an encrypted member is not readable";
  ASSERT_EQ(h.sink.records.size(), 1u);
  const Json& k = h.sink.records[0].body["fileinfo"]["korgoo"];
  EXPECT_EQ(k["encrypted"], true);
  EXPECT_EQ(k["decoded"], "none");
  EXPECT_EQ(k["reason"], "encrypted");
  EXPECT_EQ(h.stats.encrypted_files, 1u);
  EXPECT_TRUE(h.meta.encrypted_file[index_of(C)]);
  EXPECT_FALSE(h.meta.encrypted_file[index_of(S)]);
}

TEST(FtpDataDecoder, GapMakesTheFilePartial) {
  Harness h;
  auto d = stor(h, "x.csv");
  feed(*d, C, "one\n");
  d->on_gap(C, 100);
  feed(*d, C, "two\n");
  d->on_end(C);
  ASSERT_EQ(h.sink.records.size(), 1u);
  const Json& f = h.sink.records[0].body["fileinfo"];
  EXPECT_EQ(f["state"], "TRUNCATED");
  EXPECT_EQ(f["gaps"], true);
  EXPECT_EQ(f["size"], 108);
  EXPECT_EQ(f["korgoo"]["decoded"], "partial");
  EXPECT_EQ(f["korgoo"]["reason"], "gap");
  EXPECT_TRUE(h.sink.contents(ContentKind::kFtpData) ==
              (std::vector<std::string>{"one\n", "two\n"}))
      << "bytes either side of the hole are not adjacent";
}

TEST(FtpDataDecoder, ListingsGiveContentButNoFileRecord) {
  Harness h;
  Expectation e;
  e.command = "LIST";
  auto d = make_ftp_data_decoder(h.ctx, e);
  feed(*d, S, "-rw-r--r-- 1 ftp ftp 10 Jan 1 a.txt\r\n");
  d->on_end(S);
  d->on_end(C);
  EXPECT_TRUE(h.sink.records.empty());
  EXPECT_EQ(h.sink.contents(ContentKind::kFtpData).size(), 1u);
}

TEST(FtpProbe, RecognisesBothSides) {
  EXPECT_EQ(probe_ftp(C, as_bytes(std::string_view("USER bob\r\n"))), ProbeResult::kYes);
  EXPECT_EQ(probe_ftp(C, as_bytes(std::string_view("US"))), ProbeResult::kMaybe);
  EXPECT_EQ(probe_ftp(S, as_bytes(std::string_view("220 (vsFTPd 3.0.3)\r\n"))), ProbeResult::kYes);
  EXPECT_EQ(probe_ftp(S, as_bytes(std::string_view("220 mx ESMTP\r\n"))), ProbeResult::kNo);
}

// An IRC client opens with PASS, NICK and USER: not FTP, although PASS is an FTP command. An
// FTP login picked up after its USER line goes on with FTP commands.
TEST(FtpProbe, PassFirstIsDecidedByTheNextLine) {
  const auto probe = [](std::string_view s) { return probe_ftp(C, as_bytes(s)); };
  EXPECT_EQ(probe("PASS hunter\r\nNICK guest\r\nUSER guest 0 * :Guest\r\n"), ProbeResult::kNo);
  EXPECT_EQ(probe("PASS hunter\r\n"), ProbeResult::kMaybe);
  EXPECT_EQ(probe("PASS hunter\r\nSY"), ProbeResult::kMaybe);
  EXPECT_EQ(probe("PASS hunter\r\nSYST\r\n"), ProbeResult::kYes);
  EXPECT_EQ(probe("PASS hunter\r\nPASV\r\n"), ProbeResult::kYes);
  EXPECT_EQ(probe("PA"), ProbeResult::kMaybe);
}

}  // namespace
}  // namespace korgoo::app
