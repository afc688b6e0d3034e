#include "common/ip_address.h"

#include <gtest/gtest.h>

#include "common/cidr_set.h"
#include "common/timestamp.h"

namespace korgoo {
namespace {

TEST(IpAddress, ParsesAndFormatsV4) {
  auto a = IpAddress::parse("192.168.1.20");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->is_v4());
  EXPECT_EQ(a->to_string(), "192.168.1.20");
  EXPECT_EQ(a->v4_host_order(), 0xC0A80114u);
  EXPECT_EQ(IpAddress::v4(0xC0A80114u), *a);
}

TEST(IpAddress, FormatsV6InFullByDefaultAndCompressedOnRequest) {
  auto a = IpAddress::parse("2607:f8b0:400a:800::200e");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->to_string(), "2607:f8b0:400a:0800:0000:0000:0000:200e");
  EXPECT_EQ(a->to_string(true), "2607:f8b0:400a:800::200e");
}

TEST(IpAddress, RejectsGarbage) {
  EXPECT_FALSE(IpAddress::parse(""));
  EXPECT_FALSE(IpAddress::parse("300.1.1.1"));
  EXPECT_FALSE(IpAddress::parse("1.2.3"));
  EXPECT_FALSE(IpAddress::parse("fe80:::1"));
}

TEST(Cidr, ContainsRespectsPrefixAndFamily) {
  auto c = Cidr::parse("10.0.0.0/8");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->contains(*IpAddress::parse("10.255.1.1")));
  EXPECT_FALSE(c->contains(*IpAddress::parse("11.0.0.1")));
  EXPECT_FALSE(c->contains(*IpAddress::parse("::a00:1")));  // other family
  auto odd = Cidr::parse("172.16.0.0/12");
  ASSERT_TRUE(odd);
  EXPECT_TRUE(odd->contains(*IpAddress::parse("172.31.255.255")));
  EXPECT_FALSE(odd->contains(*IpAddress::parse("172.32.0.0")));
  auto v6 = Cidr::parse("fc00::/7");
  ASSERT_TRUE(v6);
  EXPECT_TRUE(v6->contains(*IpAddress::parse("fd12::1")));
  EXPECT_FALSE(v6->contains(*IpAddress::parse("fe80::1")));
}

TEST(Cidr, ClearsHostBitsAndRejectsBadLengths) {
  auto c = Cidr::parse("10.1.2.3/8");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->to_string(), "10.0.0.0/8");
  EXPECT_FALSE(Cidr::parse("10.0.0.0/33"));
  EXPECT_FALSE(Cidr::parse("10.0.0.0/"));
  EXPECT_FALSE(Cidr::parse("10.0.0.0/x"));
  auto host = Cidr::parse("2001:db8::1");
  ASSERT_TRUE(host);
  EXPECT_EQ(host->prefix_len(), 128);
  auto zero = Cidr::parse("0.0.0.0/0");
  ASSERT_TRUE(zero);
  EXPECT_TRUE(zero->contains(*IpAddress::parse("8.8.8.8")));
}

TEST(CidrSet, AnyPrefixMatches) {
  CidrSet s;
  s.add(*Cidr::parse("10.0.0.0/8"));
  s.add(*Cidr::parse("192.168.0.0/16"));
  EXPECT_TRUE(s.contains(*IpAddress::parse("192.168.3.4")));
  EXPECT_FALSE(s.contains(*IpAddress::parse("8.8.8.8")));
  EXPECT_FALSE(CidrSet{}.contains(*IpAddress::parse("10.0.0.1")));
}

TEST(Timestamp, FormatsLikeSuricata) {
  EXPECT_EQ(format_iso8601(Timestamp::from_sec_usec(1458728707, 123456)),
            "2016-03-23T10:25:07.123456+0000");
  EXPECT_EQ(format_iso8601(Timestamp{0}), "1970-01-01T00:00:00.000000+0000");
  EXPECT_EQ(format_iso8601(Timestamp{-1}), "1969-12-31T23:59:59.999999+0000");
}

}  // namespace
}  // namespace korgoo
