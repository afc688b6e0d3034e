// A value is decided in the scan() call whose bytes make it certain, not one call later: in
// inline mode the packet that completes a value is dropped only if the value is confirmed
// while that packet is held. A value closed by a hard delimiter ("\n", ",", '"') is certain at
// once; one followed by a space or dash may be a group of a longer number and waits for the
// next byte. Failure messages show counts, never values.
#include <gtest/gtest.h>

#include "detect/detect_fixture.h"

namespace korgoo::detect::testing {
namespace {

struct Probe {
  std::uint64_t count_after_scan = 0;
  bool generation_changed = false;
  std::uint64_t count_after_end = 0;
};

// Scans `text` in one call, records the tally before anything else happens, then ends.
Probe scan_once(std::string_view type, std::string_view text) {
  FlowDetector fd(engine());
  const std::uint64_t before = fd.generation();
  fd.scan(Direction::kToServer, kRawView, as_bytes(text), scratch());
  Probe p;
  p.count_after_scan = fd.tally(Direction::kToServer).count(type);
  p.generation_changed = fd.generation() != before;
  fd.end_all(scratch());
  p.count_after_end = fd.tally(Direction::kToServer).count(type);
  return p;
}

TEST(EarlyDecision, CsvLineEndingInAPinIsCountedInTheSameScan) {
  Rng rng(21);
  for (int i = 0; i < 20; ++i) {
    SCOPED_TRACE("value #" + std::to_string(i));
    const Probe p = scan_once("kg_pin", "0,client," + kg_pin(rng) + "\n");
    EXPECT_EQ(p.count_after_scan, 1u);
    EXPECT_TRUE(p.generation_changed);
    EXPECT_EQ(p.count_after_end, 1u);
  }
}

TEST(EarlyDecision, HardDelimitersCloseAValue) {
  Rng rng(22);
  const std::string pin = kg_pin(rng);
  const std::vector<std::string> closers = {"\r", "\t", "\"", "'", ",", ";", ":",
                                            "<",  ">",  "&",  ")", "]", "}", "|"};
  for (std::size_t i = 0; i < closers.size(); ++i) {
    SCOPED_TRACE("closer #" + std::to_string(i));
    EXPECT_EQ(scan_once("kg_pin", "pin=" + pin + closers[i]).count_after_scan, 1u);
  }
  EXPECT_EQ(scan_once("kz_iin", "iin " + kz_iin(rng) + ";").count_after_scan, 1u);
  EXPECT_EQ(scan_once("email", "to: test.person@mail.kg>").count_after_scan, 1u);
  EXPECT_EQ(scan_once("phone", "tel +996" + kg_mobile_national(rng) + "\n").count_after_scan, 1u);
  EXPECT_EQ(
      scan_once("kg_passport", "ID" + pad(rng.uniform(1, 9'999'999), 7) + "\n").count_after_scan,
      1u);
}

TEST(EarlyDecision, CardFollowedByASpaceWaitsForTheNextByte) {
  Rng rng(23);
  const std::string number = card(rng, "4", 16);
  const std::vector<std::string> texts = {number + " ", group(number, {4, 4, 4, 4}, ' ') + " ",
                                          group(number, {4, 4, 4, 4}, '-') + "-", number + "."};
  for (std::size_t i = 0; i < texts.size(); ++i) {
    SCOPED_TRACE("text #" + std::to_string(i));
    FlowDetector fd(engine());
    const std::uint64_t before = fd.generation();
    fd.scan(Direction::kToServer, kRawView, as_bytes(texts[i]), scratch());
    // The next bytes may continue the number ("4111 1111 1111 1111 1234"): undecided.
    EXPECT_EQ(fd.tally(Direction::kToServer).count("payment_card"), 0u);
    EXPECT_EQ(fd.generation(), before);
    fd.scan(Direction::kToServer, kRawView, as_bytes("x"), scratch());
    EXPECT_EQ(fd.tally(Direction::kToServer).count("payment_card"), 1u);
  }
  // Closed by a hard delimiter, the same card is decided at once.
  EXPECT_EQ(scan_once("payment_card", "card:" + number + ",").count_after_scan, 1u);
}

TEST(EarlyDecision, GenericPassportSeriesWaitsForItsContextWindow) {
  Rng rng(24);
  const std::string value = "XY" + pad(rng.uniform(1, 9'999'999), 7);
  // The context word that confirms a generic series may follow the value.
  FlowDetector fd(engine());
  fd.scan(Direction::kToServer, kRawView, as_bytes(value + "\n"), scratch());
  EXPECT_EQ(fd.tally(Direction::kToServer).count("kg_passport"), 0u);
  fd.scan(Direction::kToServer, kRawView, as_bytes("passport\n"), scratch());
  fd.end_all(scratch());
  EXPECT_EQ(fd.tally(Direction::kToServer).count("kg_passport"), 1u);
}

// A known series decided early must not overtake a generic series still waiting for context:
// the tally keeps the first samples of a type, which must not depend on the cuts.
TEST(EarlyDecision, SamplesDoNotDependOnWhereChunksEnd) {
  Rng rng(25);
  const std::string text = "passport AB" + pad(rng.uniform(1, 9'999'999), 7) + ", ID" +
                           pad(rng.uniform(1, 9'999'999), 7) + "\n0,client," + kg_pin(rng) + "\n" +
                           std::string(80, ' ');
  const ScanResult whole = scan_text(text);
  ASSERT_EQ(whole.tally.count("kg_passport"), 2u);
  for (std::size_t i = 0; i <= text.size(); ++i) {
    ASSERT_EQ(
        scan_chunks({std::string_view(text).substr(0, i), std::string_view(text).substr(i)}).tally,
        whole.tally)
        << "cut at " << i;
  }
}

}  // namespace
}  // namespace korgoo::detect::testing
