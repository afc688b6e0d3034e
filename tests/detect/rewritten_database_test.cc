// The database built for speed (pattern_database.h: a shared digit-run candidate confirmed in
// block mode, closing-byte rewrites) must find exactly what the patterns as written find:
// same tallies (counts, distinct, masked samples), same suppressions, same value spans, in
// any chunking. Compared on the labelled corpus and on digit-heavy random text built to sit
// on the rewriting's edges (values touching letters, digits, separators, chunk and view ends).
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "detect/corpus.h"
#include "detect/detect_fixture.h"

namespace korgoo::detect::testing {
namespace {

const DetectEngine& reference_engine() {
  static const std::unique_ptr<DetectEngine> e = [] {
    DetectConfig c = test_config();
    c.rewrite_patterns = false;
    return DetectEngine::create(c);
  }();
  return *e;
}

struct Outcome {
  Tally tally;
  std::uint64_t suppressed = 0;
  std::vector<std::tuple<std::uint64_t, std::uint64_t, std::string, std::string>> located;
  bool operator==(const Outcome&) const = default;
};

Outcome run(const DetectEngine& engine, std::string_view text, std::size_t chunk) {
  const std::unique_ptr<Scratch> scratch = engine.make_scratch();
  scratch->set_time(1735603200);  // 2024-12-31
  FlowDetector fd(engine);
  Outcome out;
  fd.on_located([&](const FlowDetector::Located& l) {
    out.located.emplace_back(l.begin, l.end, std::string(l.type), l.value);
  });
  for (std::size_t pos = 0; pos < text.size(); pos += chunk) {
    fd.scan(Direction::kToServer, kRawView, as_bytes(text.substr(pos, chunk)), *scratch);
  }
  fd.end_all(*scratch);
  out.tally = fd.tally(Direction::kToServer);
  out.suppressed = fd.suppressed();
  return out;
}

void expect_same(std::string_view text, const std::string& what) {
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{5}, std::size_t{13}, text.size()}) {
    if (chunk == 0) continue;
    SCOPED_TRACE(what + ", chunk " + std::to_string(chunk));
    const Outcome fast = run(engine(), text, chunk);
    const Outcome reference = run(reference_engine(), text, chunk);
    EXPECT_EQ(fast.tally, reference.tally);
    EXPECT_EQ(fast.suppressed, reference.suppressed);
    EXPECT_EQ(fast.located.size(), reference.located.size());
    EXPECT_TRUE(fast.located == reference.located);  // values are not printed
  }
}

TEST(RewrittenDatabase, SomethingWasRewritten) {
  const PatternDatabase& db = engine().database();
  EXPECT_GT(db.shaped_count(), 0u);
  EXPECT_GT(db.plain_count(), 0u);  // e-mail, MRZ, keywords
  EXPECT_EQ(db.shape_count(), 3u);  // grouped digits, passport digits, IBAN
  EXPECT_EQ(reference_engine().database().shaped_count(), 0u);
  EXPECT_EQ(reference_engine().database().shape_count(), 0u);
}

TEST(RewrittenDatabase, SameFindingsOnTheLabelledCorpus) {
  const auto cases = labelled_corpus(20241);
  ASSERT_GT(cases.size(), 1000u);
  std::string joined;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    // Each case alone (view edges right at the value) and all of them as one stream.
    if (i % 7 == 0) expect_same(cases[i].text, "case #" + std::to_string(i));
    joined += cases[i].text;
    joined += i % 3 == 0 ? "\n" : " ";
  }
  expect_same(joined, "the whole corpus");
}

TEST(RewrittenDatabase, SameFindingsOnDigitHeavyNoise) {
  Rng r(77);
  static constexpr std::string_view kBytes =
      "0123456789012345678901234567890123456789 -()+.,AZaz\n";
  for (int round = 0; round < 200; ++round) {
    std::string text;
    while (text.size() < 600) {
      switch (r.uniform(0, 7)) {
        case 0:
          text += kg_pin(r);
          break;
        case 1:
          text += card(r, "4", 16);
          break;
        case 2:
          text += group(card(r, "5", 16), {4, 4, 4, 4}, r.uniform(0, 1) ? ' ' : '-');
          break;
        case 3:
          text += "+996 " + kg_mobile_national(r);
          break;
        case 4:
          text += kz_iin(r);
          break;
        default:
          for (int k = r.uniform(1, 12); k > 0; --k)
            text.push_back(kBytes[static_cast<std::size_t>(
                r.uniform(0, static_cast<int>(kBytes.size()) - 1))]);
      }
    }
    expect_same(text, "noise round " + std::to_string(round));
  }
}

}  // namespace
}  // namespace korgoo::detect::testing
