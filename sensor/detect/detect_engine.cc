#include "detect/detect_engine.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "detect/signature_error.h"
#include "detect/signature_set.h"

namespace korgoo::detect {
namespace {

ValidatorOptions validator_options(const DetectConfig& c) {
  ValidatorOptions o;
  // A configured year stands for its last day; otherwise the wall clock (files at rest).
  o.today = c.current_year ? CivilDate{*c.current_year, 12, 31} : wall_clock_date();
  return o;
}

}  // namespace

std::unique_ptr<DetectEngine> DetectEngine::create(const DetectConfig& config) {
  std::vector<Signature> sigs = SignatureSet::load(config.signature_paths).signatures();
  // The validators' promises decide how the patterns may be compiled; they are properties of
  // the validator kind, so a registry of our own answers for the engine's.
  const ValidatorRegistry registry(validator_options(config));
  std::vector<const Validator*> validators;
  for (const Signature& sig : sigs) validators.push_back(registry.find(sig.validator));
  PatternDatabase db = PatternDatabase::compile(sigs, validators, config.rewrite_patterns);
  KeyedHash::Key key{};
  if (config.hash_key) {
    const auto parsed = KeyedHash::parse_key(*config.hash_key);
    if (!parsed) throw std::invalid_argument("detect: hash_key must be 32 hex digits");
    key = *parsed;
  } else {
    key = KeyedHash::random_key();
  }
  return std::unique_ptr<DetectEngine>(
      new DetectEngine(config, std::move(sigs), std::move(db), KeyedHash(key)));
}

DetectEngine::DetectEngine(DetectConfig config, std::vector<Signature> signatures,
                           PatternDatabase database, KeyedHash hasher)
    : config_(std::move(config)),
      signatures_(std::move(signatures)),
      options_(validator_options(config_)),
      validators_(options_),
      database_(std::move(database)),
      hasher_(hasher) {
  bound_.reserve(signatures_.size());
  for (const Signature& sig : signatures_) {
    BoundSignature b;
    b.signature = &sig;
    b.validator = validators_.find(sig.validator);
    if (b.validator == nullptr) {  // the loader checked the name; a mismatch is a bug
      throw SignatureError(sig.where.file.string(), sig.where.line, std::nullopt,
                           "validator '" + sig.validator + "' is not built in");
    }
    b.uses_context = sig.context.required || b.validator->uses_context();
    b.context_window = sig.context.window != 0 ? sig.context.window : config_.context_window;
    const std::size_t ctx = b.uses_context ? b.context_window : 0;
    b.lookbehind = b.validator->lookbehind() + ctx;
    b.lookahead = b.validator->lookahead() + ctx;
    tail_capacity_ = std::max(tail_capacity_, b.lookbehind + b.lookahead);
    b.type_index = static_cast<std::uint32_t>(bound_.size());
    for (const BoundSignature& other : bound_) {
      if (other.signature->type == sig.type) {
        b.type_index = other.type_index;
        break;
      }
    }
    bound_.push_back(b);
  }
  // A candidate end is confirmed against the bytes before it (pattern_database.h).
  tail_capacity_ = std::max(tail_capacity_, database_.end_width() + 1);
}

DetectEngine::~DetectEngine() = default;

namespace {

// One scratch serves the stream database and the block databases of the candidates.
void grow_scratch(const PatternDatabase& db, hs_scratch_t*& s) {
  std::vector<const hs_database_t*> all{db.get(), db.end_db()};
  for (std::size_t n = 0; n < db.shape_count(); ++n) all.push_back(db.shape_db(n));
  for (const hs_database_t* d : all) {
    if (d != nullptr && hs_alloc_scratch(d, &s) != HS_SUCCESS)
      throw std::runtime_error("detect: hs_alloc_scratch failed");
  }
}

}  // namespace

std::unique_ptr<Scratch> DetectEngine::make_scratch() const {
  hs_scratch_t* s = nullptr;
  grow_scratch(database_, s);
  return std::make_unique<Scratch>(s);
}

void DetectEngine::fit_scratch(Scratch& scratch) const {
  hs_scratch_t* s = scratch.hs();
  grow_scratch(database_, s);
  scratch.replace(s);
}

}  // namespace korgoo::detect
