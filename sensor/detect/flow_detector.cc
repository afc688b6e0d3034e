#include "detect/flow_detector.h"

#include <algorithm>
#include <string>

#include "detect/masking.h"
#include "detect/text_fold.h"
#include "detect/view_stream.h"

namespace korgoo::detect {
namespace {

// Bytes handed to Hyperscan at once. Matches are buffered per call before validation, and a
// long digit run reports a match of several patterns at almost every byte: bounding the call
// bounds that buffer (a 16 KiB run of digits buffers ~100k matches, ~1.6 MB).
constexpr std::size_t kMaxFeed = 16 * 1024;

// Identifies a type in the recently-counted spans; not keyed, not reported.
std::uint64_t type_tag(std::string_view type) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : type) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

class SignatureMatch final : public MatchContext {
 public:
  SignatureMatch(const BoundSignature& bound, std::size_t index, std::string& fold, CivilDate today)
      : bound_(bound), index_(index), fold_(fold), today_(today) {}

  const Signature& signature() const override { return *bound_.signature; }
  std::size_t pattern_index() const override { return index_; }

  // Context words are searched case-folded in the window before and after the value, each side
  // separately so that no word is made up across the value.
  bool context_near(const MatchWindow& w, std::size_t begin, std::size_t end) const override {
    const auto& words = bound_.signature->context.words;
    if (words.empty() || !bound_.uses_context) return false;
    const std::size_t win = bound_.context_window;
    const std::size_t lo = begin > win ? begin - win : 0;
    const std::size_t hi = std::min(w.size(), end + win);
    fold_.clear();
    fold_utf8_append(w.slice(lo, begin), fold_);
    fold_.push_back('\n');
    fold_utf8_append(w.slice(std::min(end, hi), hi), fold_);
    return std::any_of(words.begin(), words.end(), [&](const std::string& word) {
      return fold_.find(word) != std::string::npos;
    });
  }

  std::size_t context_window() const override {
    return bound_.uses_context ? bound_.context_window : 0;
  }

  CivilDate today() const override { return today_; }

 private:
  const BoundSignature& bound_;
  std::size_t index_;
  std::string& fold_;
  CivilDate today_;
};

}  // namespace

FlowDetector::FlowDetector(const DetectEngine& engine)
    : engine_(&engine),
      tallies_{Tally(engine.config().max_samples), Tally(engine.config().max_samples)} {}

std::array<Tally, 2> FlowDetector::take_tallies() {
  new_values_ = {};
  const Tally empty(engine_->config().max_samples);
  return std::exchange(tallies_, {empty, empty});
}

FlowDetector::~FlowDetector() = default;
FlowDetector::FlowDetector(FlowDetector&&) noexcept = default;
FlowDetector& FlowDetector::operator=(FlowDetector&&) noexcept = default;

ViewStream* FlowDetector::find(Direction dir, ContentView view) {
  for (const auto& v : views_) {
    if (v->direction() == dir && v->view().id == view.id) return v.get();
  }
  return nullptr;
}

ViewStream& FlowDetector::open(Direction dir, ContentView view, Scratch& scratch) {
  if (ViewStream* vs = find(dir, view)) return *vs;
  hs_stream_t* stream = nullptr;
  if (hs_open_stream(engine_->database().get(), 0, &stream) != HS_SUCCESS) {
    ++scratch.stats().hs_errors;
    stream = nullptr;
  }
  ++scratch.stats().streams;
  views_.push_back(std::make_unique<ViewStream>(dir, view, stream, engine_->tail_capacity(),
                                                group_occurrences(dir, view.group)));
  return *views_.back();
}

std::shared_ptr<ValueCounts> FlowDetector::group_occurrences(Direction dir, std::uint32_t group) {
  if (group == 0) return nullptr;
  for (const Group& g : groups_) {
    if (g.dir == dir && g.id == group) return g.occurrences;
  }
  // A new group in `dir`: an earlier one with no open view is done (a carrier's files come one
  // after the other in a direction), so its counts are freed.
  std::erase_if(groups_,
                [dir](const Group& g) { return g.dir == dir && g.occurrences.use_count() == 1; });
  groups_.push_back(Group{dir, group, std::make_shared<ValueCounts>()});
  return groups_.back().occurrences;
}

void FlowDetector::scan(Direction dir, ContentView view, ByteView bytes, Scratch& scratch) {
  ViewStream& vs = open(dir, view, scratch);
  scratch.stats().bytes += bytes.size();
  for (std::size_t pos = 0; pos < bytes.size(); pos += kMaxFeed) {
    const ByteView chunk = bytes.subspan(pos, std::min(kMaxFeed, bytes.size() - pos));
    const std::size_t first = vs.pending().size();
    if (!vs.feed(chunk, scratch.hs(), vs.pending())) ++scratch.stats().hs_errors;
    resolve(vs, first, chunk, scratch);
    decide(vs, chunk, false, scratch);
    vs.retain(chunk);
  }
}

void FlowDetector::end(Direction dir, ContentView view, Scratch& scratch) {
  ViewStream* vs = find(dir, view);
  if (vs == nullptr) return;
  const std::size_t first = vs->pending().size();
  if (!vs->close(scratch.hs(), vs->pending())) ++scratch.stats().hs_errors;
  resolve(*vs, first, {}, scratch);
  // No closing byte follows the last value of the view: the rewritten patterns are asked
  // directly whether they match up to the end.
  const PatternDatabase& db = engine_->database();
  if (db.end_db() != nullptr && vs->offset() > 0)
    confirm(*vs, db.end_db(), db.end_width(), vs->offset(), {}, scratch);
  decide(*vs, {}, true, scratch);
  std::erase_if(views_, [vs](const std::unique_ptr<ViewStream>& v) { return v.get() == vs; });
}

void FlowDetector::end_all(Scratch& scratch) {
  while (!views_.empty()) end(views_.front()->direction(), views_.front()->view(), scratch);
}

namespace {

struct Confirming {
  std::vector<RawMatch>* sink;
  std::uint64_t end;
  unsigned long long length;
};

int confirmed(unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) {
  auto* c = static_cast<Confirming*>(ctx);
  if (to == c->length) c->sink->push_back({c->end, id});
  return 0;
}

}  // namespace

void FlowDetector::resolve(ViewStream& vs, std::size_t first, ByteView chunk, Scratch& scratch) {
  auto& pending = vs.pending();
  auto& ends = scratch.candidate_ends();
  ends.clear();
  std::size_t kept = first;
  for (std::size_t i = first; i < pending.size(); ++i) {
    RawMatch m = pending[i];
    if (m.pattern >= PatternDatabase::kShapeHit) {
      // The closing byte is not part of the value.
      ends.push_back({m.end - 1, m.pattern - PatternDatabase::kShapeHit});
      continue;
    }
    pending[kept++] = m;
  }
  pending.resize(kept);
  const PatternDatabase& db = engine_->database();
  for (const RawMatch& c : ends)
    confirm(vs, db.shape_db(c.pattern), db.shape_width(c.pattern), c.end, chunk, scratch);
}

void FlowDetector::confirm(ViewStream& vs, const hs_database_t* db, std::size_t width,
                           std::uint64_t end, ByteView chunk, Scratch& scratch) {
  std::uint64_t from = end > width ? end - width : 0;
  const std::string_view bytes = vs.bytes(from, end, chunk, scratch.confirm_buffer());
  Confirming c{&vs.pending(), end, bytes.size()};
  if (hs_scan(db, bytes.data(), static_cast<unsigned>(bytes.size()), 0, scratch.hs(), confirmed,
              &c) != HS_SUCCESS) {
    ++scratch.stats().hs_errors;
  }
}

void FlowDetector::decide(ViewStream& vs, ByteView chunk, bool at_end, Scratch& scratch) {
  auto& pending = vs.pending();
  if (pending.empty()) return;
  const auto by_end = [](const RawMatch& a, const RawMatch& b) {
    return a.end < b.end || (a.end == b.end && a.pattern < b.pattern);
  };
  if (!std::is_sorted(pending.begin(), pending.end(), by_end)) {
    std::sort(pending.begin(), pending.end(), by_end);
  }
  const PatternDatabase& db = engine_->database();
  const auto bound_of = [&](const RawMatch& m) -> const BoundSignature& {
    return engine_->bound(db.ref(m.pattern).signature);
  };
  std::size_t keep = 0;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const RawMatch m = pending[i];
    const PatternRef& ref = db.ref(m.pattern);
    const BoundSignature& bound = engine_->bound(ref.signature);
    // Matches are decided in stream order per type even when a later one could be decided
    // early (a known passport series behind a generic one waiting for context): a tally keeps
    // the first samples of its type, which must not depend on where the chunks were cut.
    // pending[0, keep) holds the matches that wait, usually none or a few near the chunk end.
    if (keep != 0 && std::any_of(pending.begin(), pending.begin() + keep, [&](const RawMatch& p) {
          return bound_of(p).type_index == bound.type_index;
        })) {
      pending[keep++] = m;
      continue;
    }
    const bool complete = at_end || m.end + bound.lookahead <= vs.offset();
    std::uint64_t from = m.end > bound.lookbehind ? m.end - bound.lookbehind : 0;
    const std::uint64_t to = std::min(vs.offset(), m.end + bound.lookahead);
    const std::string_view bytes = vs.bytes(from, to, chunk, scratch.window_buffer());
    const MatchWindow w(bytes, static_cast<std::size_t>(m.end - from), from == 0,
                        at_end && to == vs.offset());
    const SignatureMatch ctx(bound, ref.index, scratch.fold_buffer(),
                             scratch.date().value_or(engine_->default_today()));
    // Not all of the window has arrived: decide now if the validator says the bytes that have
    // are enough (a value closed by a hard delimiter), so that inline mode drops the packet
    // that completes the value rather than the next one. Context only raises confidence for
    // such values, so confidence may depend on packet boundaries; verdicts, counts and
    // distinct values do not. Context the signature requires is awaited in full.
    if (!complete && (bound.signature->context.required ||
                      m.end + bound.validator->lookahead_needed(w, ctx) > to)) {
      pending[keep++] = m;
      continue;
    }
    auto& findings = scratch.findings();
    findings.clear();
    bound.validator->check(w, ctx, findings);
    ++scratch.stats().candidates;
    for (const Finding& f : findings) record(vs, bound, from, w, ctx, f, scratch);
  }
  pending.resize(keep);
}

void FlowDetector::record(ViewStream& vs, const BoundSignature& bound, std::uint64_t window_begin,
                          const MatchWindow& w, const MatchContext& ctx, const Finding& f,
                          Scratch& scratch) {
  DetectStats& stats = scratch.stats();
  const Signature& sig = *bound.signature;
  const std::string_view type = f.type.empty() ? std::string_view(sig.type) : f.type;
  if (f.outcome == Outcome::kRejected) {
    DetectStats::bump(stats.rejected, f.reason.empty() ? std::string_view("unknown") : f.reason);
    return;
  }
  if (f.outcome == Outcome::kConfirmed && sig.context.required &&
      !ctx.context_near(w, f.begin, f.end)) {
    DetectStats::bump(stats.rejected, std::string(type) + ".no_context");
    return;
  }
  if (vs.already_counted(window_begin + f.begin, window_begin + f.end, type_tag(type))) return;
  if (f.outcome == Outcome::kSuppressed) {
    ++suppressed_;
    switch (f.suppression) {
      case Suppression::kOrgInn:
        ++stats.suppressed_org_inn;
        break;
      case Suppression::kBin:
        ++stats.suppressed_bin;
        break;
      case Suppression::kRoleMailbox:
        ++stats.suppressed_role_mailbox;
        break;
      case Suppression::kNone:
        break;
    }
    return;
  }
  if (on_located_)
    on_located_(Located{vs.direction(), vs.view(), window_begin + f.begin, window_begin + f.end,
                        sig, type, f.value});
  const std::uint64_t hash = engine_->hasher().value(type, f.value);
  const std::uint64_t n = vs.bump_occurrences(hash);
  Tally& tally = tallies_[index_of(vs.direction())];
  const std::uint64_t distinct_before = tally.distinct(type);
  if (tally.observe(type, hash, n, [&] {
        return mask_value(f.value, sig.masking.keep_first, sig.masking.keep_last);
      })) {
    ++generation_;
  }
  if (tally.distinct(type) > distinct_before)
    new_values_[index_of(vs.direction())].push_back(NewValue{type, hash});
  DetectStats::bump(stats.confirmed, type);
  if (!f.subtype.empty()) DetectStats::bump(stats.confirmed, f.subtype);
  if (f.high_confidence) DetectStats::bump(stats.high_confidence, type);
}

}  // namespace korgoo::detect
