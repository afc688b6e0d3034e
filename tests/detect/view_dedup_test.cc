// The max-over-views rule (flow_detector.h): a value seen raw and decoded counts once; views
// of one group (members of one archive) are disjoint bytes and add up.
#include <gtest/gtest.h>

#include "detect/detect_fixture.h"

namespace korgoo::detect::testing {
namespace {

constexpr ContentView kBody{1, ContentKind::kHttpBody};
constexpr ContentView kUri{2, ContentKind::kHttpUri};

class ViewDedup : public ::testing::Test {
 protected:
  void scan(Direction dir, ContentView view, std::string_view text) {
    fd_.scan(dir, view, as_bytes(text), scratch());
  }
  const Tally& to_server() { return fd_.tally(Direction::kToServer); }

  Rng rng_{77};
  FlowDetector fd_{engine()};
};

TEST_F(ViewDedup, PlainFormSeenRawAndDecodedCountsOnce) {
  const std::string pin = kg_pin(rng_);
  scan(Direction::kToServer, kRawView, "POST /f HTTP/1.1\r\n\r\npin=" + pin + "&x=1");
  scan(Direction::kToServer, kBody, "pin=" + pin + "&x=1");
  fd_.end_all(scratch());
  EXPECT_EQ(to_server().count("kg_pin"), 1u);
  EXPECT_EQ(to_server().distinct("kg_pin"), 1u);
}

TEST_F(ViewDedup, ValueOnlyVisibleDecodedCounts) {
  const std::string pin = kg_pin(rng_);
  scan(Direction::kToServer, kRawView, "\x1f\x8b\x08 compressed bytes");
  scan(Direction::kToServer, kBody, "{\"pin\":\"" + pin + "\"}");
  fd_.end_all(scratch());
  EXPECT_EQ(to_server().count("kg_pin"), 1u);
}

TEST_F(ViewDedup, RepeatsWithinOneViewCountTheMaximum) {
  const std::string pin = kg_pin(rng_);
  scan(Direction::kToServer, kRawView, "a=" + pin + "&b=" + pin + " ");
  scan(Direction::kToServer, kBody, "a=" + pin + "&b=" + pin + "&c=" + pin + " ");
  scan(Direction::kToServer, kUri, "/x?a=" + pin + " ");
  fd_.end_all(scratch());
  EXPECT_EQ(to_server().count("kg_pin"), 3u);
  EXPECT_EQ(to_server().distinct("kg_pin"), 1u);
}

TEST_F(ViewDedup, DifferentValuesInDifferentViewsAddUp) {
  scan(Direction::kToServer, kRawView, "pin " + kg_pin(rng_) + " ");
  scan(Direction::kToServer, kBody, "pin " + kg_pin(rng_) + " ");
  fd_.end_all(scratch());
  EXPECT_EQ(to_server().count("kg_pin"), 2u);
  EXPECT_EQ(to_server().distinct("kg_pin"), 2u);
}

TEST_F(ViewDedup, DirectionsHaveSeparateTallies) {
  const std::string pin = kg_pin(rng_);
  scan(Direction::kToServer, kRawView, pin + " ");
  scan(Direction::kToClient, kRawView, pin + " " + pin + " ");
  fd_.end_all(scratch());
  EXPECT_EQ(fd_.tally(Direction::kToServer).count("kg_pin"), 1u);
  EXPECT_EQ(fd_.tally(Direction::kToClient).count("kg_pin"), 2u);
}

TEST_F(ViewDedup, GenerationMovesOnlyWhenATallyChanges) {
  // Values are followed by a few bytes so that they are decided within the same scan() call
  // (validators look up to a couple of bytes past a value before deciding).
  const std::string pin = kg_pin(rng_) + " ;\n";
  EXPECT_EQ(fd_.generation(), 0u);
  scan(Direction::kToServer, kRawView, pin);
  const auto g1 = fd_.generation();
  EXPECT_GT(g1, 0u);
  scan(Direction::kToServer, kBody, pin);  // same value, other view: no change
  EXPECT_EQ(fd_.generation(), g1);
  scan(Direction::kToServer, kBody, "lorem ipsum ");
  EXPECT_EQ(fd_.generation(), g1);
  scan(Direction::kToServer, kBody, pin);  // second occurrence in the body view
  EXPECT_GT(fd_.generation(), g1);
}

TEST_F(ViewDedup, ReopenedViewIdStartsAFreshStream) {
  const std::string pin = kg_pin(rng_);
  scan(Direction::kToServer, kBody, pin.substr(0, 5));
  fd_.end(Direction::kToServer, kBody, scratch());
  scan(Direction::kToServer, kBody, pin.substr(5) + " ");  // not joined to the closed view
  fd_.end_all(scratch());
  EXPECT_EQ(to_server().count("kg_pin"), 0u);
}

// Two members of one archive (one group) each carry the value once: it was sent twice.
TEST_F(ViewDedup, ValueInTwoMembersOfOneGroupCountsTwice) {
  const std::string pin = kg_pin(rng_);
  const ContentView first{3, ContentKind::kHttpBody, 3};
  const ContentView second{4, ContentKind::kHttpBody, 3};
  scan(Direction::kToServer, first, "pin " + pin + " ");
  fd_.end(Direction::kToServer, first, scratch());
  scan(Direction::kToServer, second, "pin " + pin + " ");
  fd_.end_all(scratch());
  EXPECT_EQ(to_server().count("kg_pin"), 2u);
  EXPECT_EQ(to_server().distinct("kg_pin"), 1u);
}

// A stored (uncompressed) archive shows its members raw too: the raw view's two occurrences
// and the group's two are the same two, not four.
TEST_F(ViewDedup, GroupAndRawViewOfTheSameBytesCountOnce) {
  const std::string pin = kg_pin(rng_);
  scan(Direction::kToServer, kRawView, "a.txt pin " + pin + " b.txt pin " + pin + " ");
  scan(Direction::kToServer, ContentView{3, ContentKind::kHttpBody, 3}, "pin " + pin + " ");
  fd_.end(Direction::kToServer, ContentView{3, ContentKind::kHttpBody, 3}, scratch());
  scan(Direction::kToServer, ContentView{4, ContentKind::kHttpBody, 3}, "pin " + pin + " ");
  fd_.end_all(scratch());
  EXPECT_EQ(to_server().count("kg_pin"), 2u);
}

// Views of different groups (two uploads) keep the maximum, as lone views do.
TEST_F(ViewDedup, DifferentGroupsKeepTheMaximum) {
  const std::string pin = kg_pin(rng_);
  const ContentView a{3, ContentKind::kHttpBody, 3};
  const ContentView b{4, ContentKind::kHttpBody, 4};
  scan(Direction::kToServer, a, "pin " + pin + " ");
  fd_.end(Direction::kToServer, a, scratch());
  scan(Direction::kToServer, b, "pin " + pin + " ");
  fd_.end_all(scratch());
  EXPECT_EQ(to_server().count("kg_pin"), 1u);
}

}  // namespace
}  // namespace korgoo::detect::testing
