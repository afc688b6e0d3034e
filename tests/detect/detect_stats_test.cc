#include <gtest/gtest.h>

#include "detect/detect_fixture.h"

namespace korgoo::detect::testing {
namespace {

TEST(DetectStats, CountsDecisionsByTypeAndReason) {
  auto local = engine().make_scratch();
  Rng rng(3);
  const std::string text = "ПИН " + kg_pin(rng) + ", ИНН " + org_inn(rng) + ", bad " +
                           kg_pin_of('1', 30, 2, 1996, 1) + ", info@firm.kg, " + kz_bin(rng) +
                           " end";
  FlowDetector fd(engine());
  fd.scan(Direction::kToServer, kRawView, as_bytes(text), *local);
  fd.end_all(*local);
  const DetectStats& s = local->stats();
  EXPECT_EQ(s.bytes, text.size());
  EXPECT_EQ(s.streams, 1u);
  EXPECT_GE(s.candidates, 5u);
  EXPECT_EQ(s.confirmed.at("kg_pin"), 1u);
  EXPECT_EQ(s.rejected.at("kg_pin.bad_date"), 1u);
  EXPECT_EQ(s.suppressed_org_inn, 1u);
  EXPECT_EQ(s.suppressed_role_mailbox, 1u);
  EXPECT_EQ(s.suppressed_bin, 1u);
  EXPECT_EQ(fd.suppressed(), 3u);
  EXPECT_EQ(s.hs_errors, 0u);

  Json j;
  s.to_json(j);
  for (const char* key :
       {"bytes", "streams", "candidates", "confirmed", "high_confidence", "rejected",
        "suppressed_org_inn", "suppressed_bin", "suppressed_role_mailbox", "hs_errors"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  DetectStats sum;
  sum.merge(s);
  sum.merge(s);
  EXPECT_EQ(sum.confirmed.at("kg_pin"), 2u);
  EXPECT_EQ(sum.bytes, 2 * text.size());
}

}  // namespace
}  // namespace korgoo::detect::testing
