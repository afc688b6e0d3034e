// A value split across scan() calls at any offset is found exactly once: every case of every
// table is re-scanned cut into two chunks at every offset, into three chunks at every pair of
// offsets (short cases) and one byte at a time, and must give the same tally as one chunk.
#include <gtest/gtest.h>

#include "detect/cases.h"
#include "detect/detect_fixture.h"
#include "detect/special_cases.h"
#include "output/pii_record.h"

namespace korgoo::detect::testing {
namespace {

std::vector<std::string> all_cases() {
  std::vector<std::string> all;
  for (auto* table :
       {kg_pin_positives, kg_pin_negatives, org_inn_cases, kz_iin_positives, kz_iin_negatives,
        kz_bin_cases, payment_card_positives, payment_card_negatives, kg_passport_positives,
        kg_passport_negatives, mrz_positives, mrz_negatives, phone_positives, phone_negatives,
        email_positives, email_negatives, role_mailbox_cases, iban_positives, iban_negatives}) {
    for (auto& t : table()) all.push_back(std::move(t));
  }
  for (auto& c : special_positives()) all.push_back(c.text);
  for (auto& c : special_negatives()) all.push_back(c.text);
  return all;
}

struct Outcome {
  Json tally;
  std::uint64_t suppressed;
  friend bool operator==(const Outcome&, const Outcome&) = default;
  friend void PrintTo(const Outcome& o, std::ostream* os) {
    *os << o.tally.dump() << " suppressed=" << o.suppressed;
  }
};

Outcome outcome(const std::vector<std::string_view>& chunks) {
  const ScanResult r = scan_chunks(chunks);
  return {output::pii_object(r.tally), r.suppressed};
}

// Cases up to this length are cut at every pair of offsets; longer ones at pairs of offsets
// with a stride, which still puts both cuts inside every value at many positions.
constexpr std::size_t kAllPairsUpTo = 64;

TEST(Streaming, EverySplitGivesTheSameTally) {
  const auto cases = all_cases();
  ASSERT_GT(cases.size(), 500u);
  for (std::size_t c = 0; c < cases.size(); ++c) {
    SCOPED_TRACE("case #" + std::to_string(c));
    const std::string_view text = cases[c];
    const Outcome whole = outcome({text});
    for (std::size_t i = 0; i <= text.size(); ++i) {
      ASSERT_EQ(outcome({text.substr(0, i), text.substr(i)}), whole) << "cut at " << i;
    }
    const std::size_t stride = text.size() <= kAllPairsUpTo ? 1 : 7;
    for (std::size_t i = 1; i < text.size(); i += stride) {
      for (std::size_t j = i + 1; j < text.size(); j += stride) {
        ASSERT_EQ(outcome({text.substr(0, i), text.substr(i, j - i), text.substr(j)}), whole)
            << "cuts at " << i << " and " << j;
      }
    }
    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < text.size(); ++i) bytes.push_back(text.substr(i, 1));
    ASSERT_EQ(outcome(bytes), whole) << "one byte at a time";
  }
}

TEST(Streaming, ValueWhoseDelimiterNeverArrivesIsDecidedAtEnd) {
  Rng rng(5);
  const std::string pin = kg_pin(rng);
  FlowDetector fd(engine());
  fd.scan(Direction::kToServer, kRawView, as_bytes(pin), scratch());
  EXPECT_EQ(fd.tally(Direction::kToServer).count("kg_pin"), 0u);  // a digit may still follow
  fd.end(Direction::kToServer, kRawView, scratch());
  EXPECT_EQ(fd.tally(Direction::kToServer).count("kg_pin"), 1u);
}

TEST(Streaming, ValueExtendedByTheNextChunkIsNotFound) {
  Rng rng(6);
  const std::string pin = kg_pin(rng);
  FlowDetector fd(engine());
  fd.scan(Direction::kToServer, kRawView, as_bytes(pin), scratch());
  fd.scan(Direction::kToServer, kRawView, as_bytes("7"), scratch());
  fd.end_all(scratch());
  EXPECT_EQ(fd.tally(Direction::kToServer).count("kg_pin"), 0u);
}

TEST(Streaming, InterleavedViewsKeepTheirOwnStreams) {
  Rng rng(8);
  const std::string a = "ПИН " + kg_pin(rng) + " ";
  const std::string b = "card " + card(rng, "4", 16) + " ";
  FlowDetector fd(engine());
  const ContentView body{1, ContentKind::kHttpBody};
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    if (i < a.size()) fd.scan(Direction::kToServer, kRawView, as_bytes(a).subspan(i, 1), scratch());
    if (i < b.size()) fd.scan(Direction::kToServer, body, as_bytes(b).subspan(i, 1), scratch());
  }
  fd.end_all(scratch());
  EXPECT_EQ(fd.tally(Direction::kToServer).count("kg_pin"), 1u);
  EXPECT_EQ(fd.tally(Direction::kToServer).count("payment_card"), 1u);
}

TEST(Streaming, LargeInputAcrossInternalFeedLimit) {
  Rng rng(9);
  std::string text;
  std::uint64_t expected = 0;
  while (text.size() < 200'000) {
    text += "lorem ipsum dolor sit amet ";
    if (rng.uniform(0, 9) == 0) {
      text += kg_pin(rng) + " ";
      ++expected;
    }
  }
  const ScanResult whole = scan_text(text);
  EXPECT_EQ(whole.tally.count("kg_pin"), expected);
  std::vector<std::string_view> chunks;
  for (std::size_t i = 0; i < text.size(); i += 1447)
    chunks.push_back(std::string_view(text).substr(i, 1447));
  EXPECT_EQ(scan_chunks(chunks).tally, whole.tally);
}

TEST(ScanStream, FileAtRestIsScannedInChunks) {
  Rng rng(10);
  std::string text(70'000, ' ');  // the first value straddles scan_stream's 64 KiB chunks
  const std::string pin = kg_pin(rng);
  text.replace(65'530, pin.size(), pin);
  text += "\nemail: test.person@mail.kg\n";
  std::istringstream in(text);
  DetectStats stats;
  const Tally t = scan_stream(engine(), in, scratch(), &stats);
  EXPECT_EQ(t.count("kg_pin"), 1u);
  EXPECT_EQ(t.count("email"), 1u);
  EXPECT_EQ(stats.bytes, text.size());
  EXPECT_EQ(stats.confirmed["kg_pin"], 1u);
}

}  // namespace
}  // namespace korgoo::detect::testing
