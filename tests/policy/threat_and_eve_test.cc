#include <gtest/gtest.h>

#include "policy/host_pattern.h"
#include "policy/threat_scorer.h"
#include "policy_test_util.h"

namespace korgoo::policy {
namespace {

using testing::abroad;

TEST(ThreatScorer, AgencyColours) {
  const ThreatScorer s{ThreatConfig{}};
  EXPECT_EQ(s.level_of(0), "blue");
  EXPECT_EQ(s.level_of(1), "blue");
  EXPECT_EQ(s.level_of(2), "green");
  EXPECT_EQ(s.level_of(3), "yellow");
  EXPECT_EQ(s.level_of(6), "yellow");
  EXPECT_EQ(s.level_of(7), "red");
}

TEST(ThreatScorer, DefaultSchemeExamples) {
  const ThreatScorer s{ThreatConfig{}};
  // One PIN to an adequate country: blue.
  EXPECT_EQ(s.score({{"kg_pin", 1, 1}}, abroad(true)).points, 1);
  // One PIN to a country that is not adequate: yellow.
  auto t = s.score({{"kg_pin", 1, 1}}, abroad(false));
  EXPECT_EQ(t.points, 3);
  EXPECT_EQ(t.level, "yellow");
  // ... with a legal basis: not counted as non-adequate.
  EXPECT_EQ(s.score({{"kg_pin", 1, 1}}, abroad(false, "contract")).points, 1);
  // A card number and an MRZ: 2 + 2.
  EXPECT_EQ(s.score({{"payment_card", 1, 1}, {"mrz", 1, 1}}, abroad(true)).points, 4);
  // 1,000 PINs abroad without adequacy: 1 + 4 + 2 = 7, red.
  t = s.score({{"kg_pin", 1000, 1000}}, abroad(false));
  EXPECT_EQ(t.points, 7);
  EXPECT_EQ(t.level, "red");
  // Health data with a PIN to an adequate country: 1 + 1 + 3 = 5.
  EXPECT_EQ(s.score({{"kg_pin", 1, 1}, {"special.health", 1, 1}}, abroad(true)).points, 5);
  // Zero counts are not present; volume can come from an aggregate.
  EXPECT_EQ(s.score({{"kg_pin", 0, 0}}, abroad(true)).points, 0);
  EXPECT_EQ(s.score({{"kg_pin", 1, 1}}, abroad(true), 5000).points, 5);
}

TEST(HostPattern, ExactAndSuffix) {
  auto exact = *HostPattern::parse("Mail.Example.KG");
  EXPECT_TRUE(exact.matches("mail.example.kg"));
  EXPECT_TRUE(exact.matches("mail.example.kg."));
  EXPECT_TRUE(exact.matches("mail.example.kg:443"));
  EXPECT_FALSE(exact.matches("x.mail.example.kg"));
  auto wild = *HostPattern::parse("*.example.kg");
  EXPECT_TRUE(wild.matches("a.example.kg"));
  EXPECT_TRUE(wild.matches("a.b.example.kg"));
  EXPECT_FALSE(wild.matches("example.kg"));
  EXPECT_FALSE(wild.matches("badexample.kg"));
  EXPECT_FALSE(HostPattern::parse("").has_value());
  EXPECT_FALSE(HostPattern::parse("*").has_value());
  EXPECT_FALSE(HostPattern::parse("a*.kg").has_value());
  EXPECT_FALSE(HostPattern::parse("a b.kg").has_value());
  EXPECT_EQ(canonical_host("[2001:db8::1]:8080"), "2001:db8::1");
  EXPECT_EQ(canonical_host("2001:db8::1"), "2001:db8::1");
}

}  // namespace
}  // namespace korgoo::policy
