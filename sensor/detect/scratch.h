// Per-worker scan state: Hyperscan scratch, reusable buffers and the worker's counters. One per
// worker thread; never shared.
#pragma once

#include <hs/hs.h>

#include <memory>
#include <string>
#include <vector>

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
  const DetectStats& stats() const { return stats_; }

  // Buffers reused across calls so that the hot path does not allocate.
  std::vector<RawMatch>& matches() { return matches_; }
  std::string& window_buffer() { return window_; }
  std::vector<Finding>& findings() { return findings_; }
  std::string& fold_buffer() { return fold_; }

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
};

}  // namespace korgoo::detect
