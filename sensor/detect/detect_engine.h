// The compiled signatures: one Hyperscan streaming database, the validators they name, and
// the hash key. Immutable after create(); workers share it and each make their own Scratch.
#pragma once

#include <memory>
#include <vector>

#include "detect/detect_config.h"
#include "detect/keyed_hash.h"
#include "detect/pattern_database.h"
#include "detect/scratch.h"
#include "detect/signature.h"
#include "detect/validator.h"

namespace korgoo::detect {

// A signature bound to its validator, with the byte budget its matches need around them.
struct BoundSignature {
  const Signature* signature = nullptr;
  const Validator* validator = nullptr;
  bool uses_context = false;       // the window includes the context bytes on both sides
  std::size_t context_window = 0;  // bytes each side
  std::size_t lookbehind = 0;      // bytes before the match end the validator may read
  // Bytes after the match end the window holds: the validator's lookahead() plus the context
  // window. With all of them a match can always be decided; Validator::lookahead_needed()
  // says when fewer suffice.
  std::size_t lookahead = 0;
  // Signatures of one type share it (the first such signature's index): findings of a type
  // must be recorded in stream order, since its tally keeps the first samples.
  std::uint32_t type_index = 0;
};

class DetectEngine {
 public:
  // Loads, validates and compiles; throws SignatureError ("file:line: ...").
  static std::unique_ptr<DetectEngine> create(const DetectConfig& config);
  ~DetectEngine();
  DetectEngine(const DetectEngine&) = delete;
  DetectEngine& operator=(const DetectEngine&) = delete;

  const std::vector<Signature>& signatures() const { return signatures_; }
  const DetectConfig& config() const { return config_; }
  std::unique_ptr<Scratch> make_scratch() const;
  // Grows a scratch made by another engine (before a reload) so that it serves this one too;
  // it keeps serving the old engine, whose flows are still open.
  void fit_scratch(Scratch& scratch) const;

  // For FlowDetector.
  const PatternDatabase& database() const { return database_; }
  const BoundSignature& bound(std::uint32_t signature_index) const {
    return bound_[signature_index];
  }
  const KeyedHash& hasher() const { return hasher_; }
  // The date values are judged against when the scan has no packet time.
  CivilDate default_today() const { return options_.today; }
  // Bytes each view keeps from earlier scan() calls: enough for every pending match's window.
  std::size_t tail_capacity() const { return tail_capacity_; }

 private:
  DetectEngine(DetectConfig config, std::vector<Signature> signatures, PatternDatabase database,
               KeyedHash hasher);

  DetectConfig config_;
  std::vector<Signature> signatures_;
  ValidatorOptions options_;
  ValidatorRegistry validators_;
  PatternDatabase database_;
  KeyedHash hasher_;
  std::vector<BoundSignature> bound_;
  std::size_t tail_capacity_ = 0;
};

}  // namespace korgoo::detect
