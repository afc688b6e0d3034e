// The labelled corpus (corpus.h) through the detect engine: recall and precision per type,
// printed as a table (docs/detection.md carries it), failing below recall 99.5 % or precision
// 99.9 % for any type. Misses and false finds are listed by shape and case index, with masked
// samples only.
#include <gtest/gtest.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include "detect/corpus.h"
#include "detect/detect_fixture.h"

namespace korgoo::detect::testing {
namespace {

constexpr std::uint64_t kSeed = 20260714;
constexpr double kMinRecall = 0.995;
constexpr double kMinPrecision = 0.999;
constexpr std::size_t kMinCases = 20000;  // issue 14: at least 20,000
constexpr std::size_t kMaxListed = 40;    // misses or false finds listed per type

struct Counts {
  std::uint64_t expected = 0;  // values the corpus holds
  std::uint64_t found = 0;     // values the engine reported
  std::uint64_t true_pos = 0;
  double recall() const { return expected == 0 ? 1.0 : double(true_pos) / double(expected); }
  double precision() const { return found == 0 ? 1.0 : double(true_pos) / double(found); }
};

const std::vector<std::string>& measured_types() {
  static const std::vector<std::string> kTypes = {"kg_pin",
                                                  "kz_iin",
                                                  "kg_passport",
                                                  "mrz",
                                                  "payment_card",
                                                  "phone",
                                                  "email",
                                                  "iban",
                                                  "special.health",
                                                  "special.biometric",
                                                  "special.genetic",
                                                  "special.religion",
                                                  "special.ethnicity",
                                                  "special.political"};
  return kTypes;
}

std::string percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v * 100.0);
  return buf;
}

TEST(Corpus, RecallAndPrecisionPerType) {
  const std::vector<LabelledCase> corpus = labelled_corpus(kSeed);
  ASSERT_GE(corpus.size(), kMinCases);
  std::map<std::string, Counts> by_type;
  std::map<std::string, std::vector<std::string>> problems;  // type -> "shape #i: ..."
  std::set<std::string> shapes;
  std::uint64_t near_misses = 0;      // cases that hold no value of any type
  std::uint64_t near_miss_finds = 0;  // values reported in them
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const LabelledCase& c = corpus[i];
    shapes.insert(c.shape);
    const Tally t = scan_text(c.text).tally;
    near_misses += c.expect.empty();
    for (const std::string& type : measured_types()) {
      const auto it = c.expect.find(type);
      const std::uint64_t want = it == c.expect.end() ? 0 : static_cast<std::uint64_t>(it->second);
      const std::uint64_t got = t.count(type);
      Counts& n = by_type[type];
      n.expected += want;
      n.found += got;
      n.true_pos += std::min(want, got);
      if (c.expect.empty()) near_miss_finds += got;
      if (want != got && problems[type].size() < kMaxListed) {
        std::string samples;
        for (const auto& s : t.samples(type)) samples += " " + s;
        problems[type].push_back(c.shape + " #" + std::to_string(i) + ": expected " +
                                 std::to_string(want) + ", found " + std::to_string(got) +
                                 (samples.empty() ? "" : " (masked:" + samples + ")"));
      }
    }
  }
  std::cout << "corpus: seed " << kSeed << ", " << corpus.size() << " cases, " << shapes.size()
            << " shapes\n\n| type | values | found | recall % | precision % |\n"
            << "|---|---:|---:|---:|---:|\n";
  for (const std::string& type : measured_types()) {
    const Counts& n = by_type[type];
    std::cout << "| " << type << " | " << n.expected << " | " << n.found << " | "
              << percent(n.recall()) << " | " << percent(n.precision()) << " |\n";
  }
  std::cout << "\nnear-misses: " << near_misses << " cases, " << near_miss_finds
            << " values reported in them\n"
            << std::endl;
  for (const std::string& type : measured_types()) {
    const Counts& n = by_type[type];
    SCOPED_TRACE(type);
    EXPECT_GT(n.expected, 0u) << "the corpus holds no " << type;
    EXPECT_GE(n.recall(), kMinRecall) << type << " recall " << percent(n.recall());
    EXPECT_GE(n.precision(), kMinPrecision) << type << " precision " << percent(n.precision());
    // Listed even when the type passes: the few misses left are what to look at next.
    for (const auto& p : problems[type]) std::cout << "  " << type << ": " << p << "\n";
  }
}

// The corpus is the same on every run (one seed), so its numbers can be compared.
TEST(Corpus, IsDeterministic) {
  const auto a = labelled_corpus(kSeed);
  const auto b = labelled_corpus(kSeed);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) ASSERT_EQ(a[i].text, b[i].text) << "case #" << i;
}

}  // namespace
}  // namespace korgoo::detect::testing
