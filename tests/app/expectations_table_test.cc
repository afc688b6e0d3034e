#include <gtest/gtest.h>

#include "app/expectations.h"

namespace korgoo::app {
namespace {

IpAddress ip(const char* text) {
  return *IpAddress::parse(text);
}

Expectation make(const char* client, const char* server, std::uint16_t port, std::uint64_t flow,
                 std::int64_t expires_sec) {
  Expectation e;
  if (client) e.client = ip(client);
  e.server = ip(server);
  e.server_port = port;
  e.app_proto = "ftp-data";
  e.control_flow_id = flow;
  e.expires = Timestamp::from_sec_usec(expires_sec, 0);
  return e;
}

TEST(ExpectationTable, TakeMatchesEndpointsOnce) {
  ExpectationTable t;
  t.add(make("10.0.0.1", "192.0.2.5", 50000, 1, 100));
  EXPECT_FALSE(t.take(ip("10.0.0.2"), ip("192.0.2.5"), 50000, Timestamp::from_sec_usec(50, 0)));
  EXPECT_FALSE(t.take(ip("10.0.0.1"), ip("192.0.2.5"), 50001, Timestamp::from_sec_usec(50, 0)));
  auto e = t.take(ip("10.0.0.1"), ip("192.0.2.5"), 50000, Timestamp::from_sec_usec(50, 0));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->control_flow_id, 1u);
  EXPECT_FALSE(t.take(ip("10.0.0.1"), ip("192.0.2.5"), 50000, Timestamp::from_sec_usec(50, 0)));
}

TEST(ExpectationTable, AnyClientAndExpiry) {
  ExpectationTable t;
  t.add(make(nullptr, "192.0.2.5", 2121, 1, 100));
  EXPECT_TRUE(t.take(ip("198.51.100.9"), ip("192.0.2.5"), 2121, Timestamp::from_sec_usec(10, 0)));
  t.add(make(nullptr, "192.0.2.5", 2121, 1, 100));
  EXPECT_FALSE(t.take(ip("198.51.100.9"), ip("192.0.2.5"), 2121, Timestamp::from_sec_usec(101, 0)));
  EXPECT_EQ(t.size(), 0u);  // expired entries are gone
}

TEST(ExpectationTable, SetCommandFillsPendingAndIsRemembered) {
  ExpectationTable t;
  t.add(make("10.0.0.1", "192.0.2.5", 40000, 7, 100));
  t.add(make("10.0.0.1", "192.0.2.5", 40001, 8, 100));
  t.set_command(7, "STOR", "x.csv");
  auto e = t.take(ip("10.0.0.1"), ip("192.0.2.5"), 40000, Timestamp::from_sec_usec(1, 0));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->command, "STOR");
  EXPECT_EQ(e->file_name, "x.csv");
  auto other = t.take(ip("10.0.0.1"), ip("192.0.2.5"), 40001, Timestamp::from_sec_usec(1, 0));
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->command.empty());
  ASSERT_TRUE(t.latest_command(7));
  EXPECT_EQ(t.latest_command(7)->file_name, "x.csv");
  EXPECT_FALSE(t.latest_command(8));
}

TEST(ExpectationTable, BoundedOldestDropped) {
  ExpectationTable t;
  for (std::uint16_t i = 0; i < ExpectationTable::kMaxEntries + 10; ++i) {
    t.add(make("10.0.0.1", "192.0.2.5", static_cast<std::uint16_t>(1000 + i), 1, 100));
  }
  EXPECT_EQ(t.size(), ExpectationTable::kMaxEntries);
  EXPECT_FALSE(t.take(ip("10.0.0.1"), ip("192.0.2.5"), 1000, Timestamp::from_sec_usec(1, 0)));
  EXPECT_TRUE(t.take(ip("10.0.0.1"), ip("192.0.2.5"), 1010, Timestamp::from_sec_usec(1, 0)));
}

}  // namespace
}  // namespace korgoo::app
