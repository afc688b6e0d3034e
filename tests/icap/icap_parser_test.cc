#include "icap/icap_parser.h"

#include <gtest/gtest.h>

namespace korgoo::icap {
namespace {

IcapRequest parse_ok(std::string_view head) {
  IcapRequest r;
  const auto err = parse_icap_head(head, r);
  EXPECT_FALSE(err) << (err ? err->reason : "");
  return r;
}

int status_of(std::string_view head) {
  IcapRequest r;
  const auto err = parse_icap_head(head, r);
  return err ? err->status : 0;
}

TEST(IcapParser, ReqmodWithPreviewAndAllow) {
  const auto r = parse_ok(
      "REQMOD icap://127.0.0.1:1344/korgoo?x=1 ICAP/1.0\r\nHost: 127.0.0.1\r\n"
      "Allow: 204, trailers\r\nPreview: 1024\r\nEncapsulated: req-hdr=0, req-body=147");
  EXPECT_EQ(r.method, IcapMethod::kReqmod);
  EXPECT_EQ(r.service, "korgoo");
  EXPECT_TRUE(r.allow_204);
  ASSERT_TRUE(r.preview);
  EXPECT_EQ(*r.preview, 1024u);
  EXPECT_EQ(*r.encapsulated.req_hdr, 0u);
  EXPECT_EQ(r.encapsulated.heads_length(), 147u);
  EXPECT_TRUE(r.encapsulated.has_body());
  EXPECT_FALSE(r.close);
}

TEST(IcapParser, RespmodNullBodyAndClose) {
  const auto r = parse_ok(
      "RESPMOD icap://h/svc ICAP/1.0\r\nHost: h\r\nConnection: close\r\n"
      "Encapsulated: req-hdr=0, res-hdr=80, null-body=200");
  EXPECT_EQ(r.method, IcapMethod::kRespmod);
  EXPECT_FALSE(r.encapsulated.has_body());
  EXPECT_EQ(r.encapsulated.heads_length(), 200u);
  EXPECT_TRUE(r.close);
  EXPECT_FALSE(r.allow_204);
}

TEST(IcapParser, OptionsNeedsNoEncapsulated) {
  const auto r = parse_ok("OPTIONS icap://h/korgoo ICAP/1.0\r\nHost: h");
  EXPECT_EQ(r.method, IcapMethod::kOptions);
  EXPECT_EQ(method_name(r.method), "OPTIONS");
}

TEST(IcapParser, MalformedHeadsGetTheirStatus) {
  EXPECT_EQ(status_of("garbage"), 400);
  EXPECT_EQ(status_of("REQMOD icap://h/k ICAP/2.0\r\nHost: h"), 505);
  EXPECT_EQ(status_of("PUT icap://h/k ICAP/1.0\r\nHost: h"), 405);
  EXPECT_EQ(status_of("REQMOD http://h/k ICAP/1.0\r\nHost: h"), 400);
  EXPECT_EQ(status_of("REQMOD icap://h/k ICAP/1.0\r\nEncapsulated: req-hdr=0, null-body=9"), 400);
  EXPECT_EQ(status_of("REQMOD icap://h/k ICAP/1.0\r\nHost: h"), 400);
  EXPECT_EQ(status_of("REQMOD icap://h/k ICAP/1.0\r\nHost: h\r\nEncapsulated: res-hdr=0, "
                      "res-body=5"),
            400);
  EXPECT_EQ(status_of("RESPMOD icap://h/k ICAP/1.0\r\nHost: h\r\nEncapsulated: req-hdr=0, "
                      "req-body=5"),
            400);
  EXPECT_EQ(status_of("REQMOD icap://h/k ICAP/1.0\r\nHost: h\r\nPreview: x\r\n"
                      "Encapsulated: req-hdr=0, null-body=9"),
            400);
}

TEST(IcapParser, EncapsulatedRules) {
  Encapsulated e;
  std::string why;
  EXPECT_TRUE(parse_encapsulated("req-hdr=0, res-hdr=10, res-body=20", e, why));
  EXPECT_EQ(*e.res_body, 20u);
  EXPECT_FALSE(parse_encapsulated("req-hdr=0", e, why));                          // no body entry
  EXPECT_FALSE(parse_encapsulated("req-hdr=5, res-hdr=2, null-body=9", e, why));  // backwards
  EXPECT_FALSE(parse_encapsulated("req-hdr=0, req-hdr=0, null-body=9", e, why));  // repeated
  EXPECT_FALSE(parse_encapsulated("req-body=3, req-hdr=9", e, why));              // after the body
  EXPECT_FALSE(parse_encapsulated("foo=1, null-body=2", e, why));
  EXPECT_FALSE(parse_encapsulated("req-hdr=x, null-body=2", e, why));
  EXPECT_FALSE(why.empty());
}

}  // namespace
}  // namespace korgoo::icap
