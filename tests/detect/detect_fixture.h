// A shared engine over the shipped signatures/ (compiled once per test binary), and helpers
// that scan text and report tallies. Failure messages name cases by index, never by value.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detect.h"
#include "detect/generators.h"
#include "detect/masking.h"
#include "output/pii_record.h"

namespace korgoo::detect {
// gtest prints a tally as its JSON (masked samples only), never as raw bytes or values.
inline void PrintTo(const Tally& t, std::ostream* os) {
  *os << output::pii_object(t).dump();
}
}  // namespace korgoo::detect

namespace korgoo::detect::testing {

inline constexpr std::string_view kTestKey = "000102030405060708090a0b0c0d0e0f";

inline DetectConfig test_config() {
  DetectConfig c;
  c.signature_paths = {std::string(KORGOO_SOURCE_DIR) + "/signatures"};
  c.hash_key = std::string(kTestKey);
  c.current_year = kTestYear;
  return c;
}

inline const DetectEngine& engine() {
  static const std::unique_ptr<DetectEngine> e = DetectEngine::create(test_config());
  return *e;
}

inline Scratch& scratch() {
  static const std::unique_ptr<Scratch> s = engine().make_scratch();
  return *s;
}

struct ScanResult {
  Tally tally;
  std::uint64_t suppressed = 0;
};

inline ScanResult scan_chunks(const std::vector<std::string_view>& chunks) {
  FlowDetector fd(engine());
  for (auto c : chunks) fd.scan(Direction::kToServer, kRawView, as_bytes(c), scratch());
  fd.end_all(scratch());
  return {fd.tally(Direction::kToServer), fd.suppressed()};
}

inline ScanResult scan_text(std::string_view text) {
  return scan_chunks({text});
}

// Each text holds exactly one value of `type`.
inline void expect_each_found_once(std::string_view type, const std::vector<std::string>& texts) {
  for (std::size_t i = 0; i < texts.size(); ++i) {
    SCOPED_TRACE(std::string(type) + " positive case #" + std::to_string(i));
    const ScanResult r = scan_text(texts[i]);
    EXPECT_EQ(r.tally.count(type), 1u);
    EXPECT_EQ(r.tally.distinct(type), 1u);
  }
}

inline void expect_none_found(std::string_view type, const std::vector<std::string>& texts) {
  for (std::size_t i = 0; i < texts.size(); ++i) {
    SCOPED_TRACE(std::string(type) + " negative case #" + std::to_string(i));
    EXPECT_EQ(scan_text(texts[i]).tally.count(type), 0u);
  }
}

}  // namespace korgoo::detect::testing
