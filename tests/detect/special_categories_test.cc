#include <gtest/gtest.h>

#include "detect/detect_fixture.h"
#include "detect/special_cases.h"

namespace korgoo::detect::testing {
namespace {

TEST(SpecialCategories, TablesAreLargeEnough) {
  EXPECT_GE(special_positives().size(), 30u);
  EXPECT_GE(special_negatives().size(), 30u);
}

TEST(SpecialCategories, KeywordsAreFoundCaseInsensitivelyInEveryLanguage) {
  const auto cases = special_positives();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("special positive case #" + std::to_string(i) + " " + cases[i].type);
    EXPECT_EQ(scan_text(cases[i].text).tally.count(cases[i].type), 1u);
  }
}

TEST(SpecialCategories, KeywordsInsideOtherWordsAreNotFound) {
  const auto cases = special_negatives();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("special negative case #" + std::to_string(i) + " " + cases[i].type);
    EXPECT_EQ(scan_text(cases[i].text).tally.count(cases[i].type), 0u);
  }
}

TEST(SpecialCategories, EveryShippedKeywordMatchesItselfAndNotWhenGlued) {
  for (const Signature& sig : engine().signatures()) {
    if (sig.validator != "keyword") continue;
    for (std::size_t k = 0; k < sig.keywords.size(); ++k) {
      SCOPED_TRACE(sig.type + " keyword #" + std::to_string(k));
      const std::string& word = sig.keywords[k].text;
      EXPECT_GE(scan_text(" " + word + " ").tally.count(sig.type), 1u);
      EXPECT_EQ(scan_text("q" + word).tally.count(sig.type), 0u);
      EXPECT_EQ(scan_text("ж" + word).tally.count(sig.type), 0u);
      if (!sig.keywords[k].stem) {
        EXPECT_EQ(scan_text(word + "ы").tally.count(sig.type), 0u);
      }
    }
  }
}

TEST(SpecialCategories, DistinctCountsDifferentKeywords) {
  const ScanResult r = scan_text("диагноз, ВИЧ, диагноз, туберкулез");
  EXPECT_EQ(r.tally.count("special.health"), 4u);
  EXPECT_EQ(r.tally.distinct("special.health"), 3u);
}

}  // namespace
}  // namespace korgoo::detect::testing
