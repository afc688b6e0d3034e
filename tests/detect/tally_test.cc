#include <gtest/gtest.h>

#include "detect/keyed_hash.h"
#include "detect/tally.h"
#include "detect/value_counts.h"
#include "output/pii_record.h"

namespace korgoo::detect {
namespace {

std::string sample(const char* s) {
  return s;
}

TEST(Tally, JsonHasSortedTypesWithCountDistinctSamples) {
  Tally t(3);
  t.observe("kg_pin", 1, 1, [] { return sample("22**********45"); });
  t.observe("kg_pin", 1, 2, [] { return sample("22**********45"); });
  t.observe("email", 9, 1, [] { return sample("us*****kg"); });
  EXPECT_EQ(output::pii_object(t).dump(),
            R"({"email":{"count":1,"distinct":1,"samples":["us*****kg"]},)"
            R"("kg_pin":{"count":2,"distinct":1,"samples":["22**********45"]}})");
  EXPECT_EQ(t.types(), (std::vector<std::string>{"email", "kg_pin"}));
}

TEST(Tally, ACompactedTallyShowsTheSameRecord) {
  Tally a(3), b(3);
  for (std::uint64_t h = 1; h <= 40; ++h)
    a.observe("kg_pin", h, 1, [] { return sample("22***45"); });
  for (std::uint64_t h = 30; h <= 50; ++h)
    b.observe("kg_pin", h, 2, [] { return sample("22***46"); });
  b.observe("email", 7, 1, [] { return sample("us***kg"); });
  a.merge(b);  // the union first: 50 distinct
  const std::string before = output::pii_object(a).dump();
  a.compact();
  EXPECT_EQ(output::pii_object(a).dump(), before);
  EXPECT_EQ(a.distinct("kg_pin"), 50u);
  EXPECT_EQ(a.count("kg_pin"), 82u);
  // Merged later, a compacted tally adds its distinct count (no hashes left to unite).
  Tally c(3);
  c.merge(a);
  EXPECT_EQ(c.distinct("kg_pin"), 50u);
}

TEST(Tally, ObserveKeepsTheMaximumPerValue) {
  Tally t;
  EXPECT_TRUE(t.observe("phone", 5, 2, [] { return sample("+9***11"); }));
  EXPECT_FALSE(t.observe("phone", 5, 1, [] { return sample("+9***11"); }));
  EXPECT_FALSE(t.observe("phone", 5, 2, [] { return sample("+9***11"); }));
  EXPECT_TRUE(t.observe("phone", 5, 3, [] { return sample("+9***11"); }));
  EXPECT_EQ(t.count("phone"), 3u);
  EXPECT_EQ(t.distinct("phone"), 1u);
}

TEST(Tally, SamplesStopAtTheLimit) {
  Tally t(2);
  int masked_calls = 0;
  for (std::uint64_t h = 0; h < 5; ++h) {
    t.observe("email", h, 1, [&] {
      ++masked_calls;
      return std::to_string(h);
    });
  }
  EXPECT_EQ(t.samples("email"), (std::vector<std::string>{"0", "1"}));
  EXPECT_EQ(masked_calls, 2);
  EXPECT_EQ(t.distinct("email"), 5u);
}

TEST(Tally, MergeAddsCountsAndUnitesDistinct) {
  Tally a(3), b(3);
  a.observe("kg_pin", 1, 1, [] { return sample("a"); });
  a.observe("kg_pin", 2, 1, [] { return sample("b"); });
  b.observe("kg_pin", 2, 2, [] { return sample("b"); });
  b.observe("kg_pin", 3, 1, [] { return sample("c"); });
  b.observe("iban", 4, 1, [] { return sample("d"); });
  a.merge(b);
  EXPECT_EQ(a.count("kg_pin"), 5u);
  EXPECT_EQ(a.distinct("kg_pin"), 3u);
  EXPECT_EQ(a.samples("kg_pin"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(a.count("iban"), 1u);
}

TEST(Tally, EmptyAndUnknownTypes) {
  Tally t;
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.count("kg_pin"), 0u);
  EXPECT_EQ(t.distinct("kg_pin"), 0u);
  EXPECT_TRUE(t.samples("kg_pin").empty());
  EXPECT_EQ(output::pii_object(t).dump(), "{}");
}

TEST(KeyedHash, MatchesTheSipHash24ReferenceVector) {
  // SipHash paper, appendix A: key 00..0f, message 00..0e.
  const auto key = KeyedHash::parse_key("000102030405060708090a0b0c0d0e0f");
  ASSERT_TRUE(key.has_value());
  std::string msg;
  for (int i = 0; i < 15; ++i) msg.push_back(static_cast<char>(i));
  EXPECT_EQ(KeyedHash(*key)(msg), 0xa129ca6149be45e5ULL);
}

TEST(KeyedHash, KeyChangesTheHashAndTypeIsPartOfTheValue) {
  const KeyedHash a(*KeyedHash::parse_key("000102030405060708090a0b0c0d0e0f"));
  const KeyedHash b(*KeyedHash::parse_key("0f0e0d0c0b0a09080706050403020100"));
  EXPECT_NE(a.value("kg_pin", "x"), b.value("kg_pin", "x"));
  EXPECT_NE(a.value("kg_pin", "x"), a.value("kz_iin", "x"));
  EXPECT_EQ(a.value("kg_pin", "x"), a.value("kg_pin", "x"));
}

TEST(KeyedHash, RejectsMalformedKeys) {
  EXPECT_FALSE(KeyedHash::parse_key("").has_value());
  EXPECT_FALSE(KeyedHash::parse_key("0001").has_value());
  EXPECT_FALSE(KeyedHash::parse_key("zz0102030405060708090a0b0c0d0e0f").has_value());
  EXPECT_NE(KeyedHash::random_key(), KeyedHash::random_key());
}

}  // namespace
}  // namespace korgoo::detect

namespace korgoo::detect {
namespace {

TEST(ValueCounts, CountsManyKeysThroughGrowth) {
  ValueCounts c;
  for (std::uint64_t k = 0; k < 10'000; ++k) c.increment(k * 0x9E3779B97F4A7C15ULL);
  for (std::uint64_t k = 0; k < 10'000; k += 2) c.increment(k * 0x9E3779B97F4A7C15ULL);
  EXPECT_EQ(c.size(), 10'000u);
  EXPECT_EQ(c.get(0), 2u);  // key 0 is stored, not lost as the empty marker
  EXPECT_EQ(c.get(1 * 0x9E3779B97F4A7C15ULL), 1u);
  EXPECT_EQ(c.get(12345), 0u);
  ValueCounts d;
  for (std::uint64_t k = 10'000; k-- > 0;) {
    d.slot(k * 0x9E3779B97F4A7C15ULL) = k % 2 == 0 ? 2 : 1;
  }
  EXPECT_EQ(c, d);
}

}  // namespace
}  // namespace korgoo::detect
