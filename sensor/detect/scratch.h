// Per-worker scan state: Hyperscan scratch, reusable buffers and the worker's counters. One per
// worker thread; never shared.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "detect/civil_date.h"
#include "detect/detect_stats.h"
#include "detect/pattern_database.h"
#include "detect/validator.h"

namespace korgoo::detect {

class Scratch {
 public:
  explicit Scratch(hs_scratch_t* hs) : hs_(hs) {}

  hs_scratch_t* hs() { return hs_.get(); }
  // After hs_alloc_scratch grew this scratch for another database (it frees the old one).
  void replace(hs_scratch_t* grown) {
    if (grown == hs_.get()) return;
    (void)hs_.release();
    hs_.reset(grown);
  }
  DetectStats& stats() { return stats_; }

  // The time of the packet being scanned (Unix seconds): dates in values are judged against
  // it, so that a replay does not depend on the day it is run. Unset: the engine's default.
  void set_time(std::int64_t unix_seconds) {
    const std::int64_t day = unix_seconds >= 0 ? unix_seconds / 86400 : -1;
    if (day == day_) return;
    day_ = day;
    if (day >= 0) date_ = civil_date_of(unix_seconds);
  }
  std::optional<CivilDate> date() const {
    return day_ >= 0 ? std::optional<CivilDate>(date_) : std::nullopt;
  }
  const DetectStats& stats() const { return stats_; }

  // Buffers reused across calls so that the hot path does not allocate.
  std::vector<RawMatch>& matches() { return matches_; }
  std::string& window_buffer() { return window_; }
  std::vector<Finding>& findings() { return findings_; }
  std::string& fold_buffer() { return fold_; }
  std::string& confirm_buffer() { return confirm_; }
  // Candidate ends of the last feed, with the shape's number in `pattern`.
  std::vector<RawMatch>& candidate_ends() { return candidate_ends_; }

 private:
  struct Free {
    void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
  };
  std::unique_ptr<hs_scratch_t, Free> hs_;
  DetectStats stats_;
  std::vector<RawMatch> matches_;
  std::string window_;
  std::vector<Finding> findings_;
  std::string fold_;
  std::string confirm_;
  std::vector<RawMatch> candidate_ends_;
  std::int64_t day_ = -1;
  CivilDate date_;
};

}  // namespace korgoo::detect
