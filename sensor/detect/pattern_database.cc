#include "detect/pattern_database.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <string>
#include <string_view>

#include "detect/keyword_pattern.h"
#include "detect/signature_error.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

// The byte after a value of a validator that promises closed_by_non_alnum().
constexpr std::string_view kClosingByte = "[^0-9A-Za-z]";

// Anchors and word boundaries read the bytes around a match, which a block scan of a window
// cut out of the stream would see differently; such patterns are never rewritten. `^` counts
// unless it negates a class; the test errs on the side of "has one".
bool has_assertion(std::string_view re) {
  for (std::size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\' && i + 1 < re.size()) {
      const char n = re[++i];
      if (n == 'b' || n == 'B' || n == 'A' || n == 'z' || n == 'Z' || n == 'G') return true;
      continue;
    }
    if (c == '$') return true;
    if (c == '^' && (i == 0 || re[i - 1] != '[')) return true;
  }
  return false;
}

struct Expression {
  std::string text;
  unsigned flags = 0;
  unsigned id = 0;
};

[[noreturn]] void fail_pattern(const Signature& sig, const SourceLocation& at,
                               std::string_view text, std::string_view message) {
  throw SignatureError(at.file.string(), at.line, std::nullopt,
                       "signature " + std::to_string(sig.id) + " (" + sig.type + "): pattern '" +
                           std::string(text) + "': Hyperscan: " + std::string(message));
}

// The longest match of `regex`, or 0 if unbounded; throws on a pattern Hyperscan rejects.
std::size_t max_width(const Signature& sig, const Pattern& p, unsigned flags) {
  hs_expr_info_t* info = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_expression_info(p.regex.c_str(), flags, &info, &err) != HS_SUCCESS) {
    const std::string message =
        err != nullptr && err->message != nullptr ? err->message : "unknown error";
    hs_free_compile_error(err);
    fail_pattern(sig, p.where, p.regex, message);
  }
  const bool bounded = info->max_width != UINT_MAX && info->matches_at_eod == 0 &&
                       info->matches_only_at_eod == 0 && info->unordered_matches == 0;
  const std::size_t width = bounded ? info->max_width : 0;
  std::free(info);  // allocated with the default allocator (misc allocator unset)
  return width;
}

struct Compiled {
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
};

Compiled compile_all(const std::vector<Expression>& exprs, unsigned mode) {
  std::vector<const char*> texts;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (const Expression& e : exprs) {
    texts.push_back(e.text.c_str());
    flags.push_back(e.flags);
    ids.push_back(e.id);
  }
  Compiled c;
  hs_compile_multi(texts.data(), flags.data(), ids.data(), static_cast<unsigned>(texts.size()),
                   mode, nullptr, &c.db, &c.err);
  return c;
}

}  // namespace

PatternDatabase PatternDatabase::compile(const std::vector<Signature>& signatures,
                                         const std::vector<const Validator*>& validators,
                                         bool rewrite) {
  PatternDatabase out;
  std::vector<Expression> stream;
  std::vector<std::vector<Expression>> shaped;  // by shape
  std::vector<Expression> at_end;               // every shaped pattern
  for (std::uint32_t s = 0; s < signatures.size(); ++s) {
    const Signature& sig = signatures[s];
    const Validator* v = s < validators.size() ? validators[s] : nullptr;
    const std::string_view shape = rewrite && v != nullptr && v->closed_by_non_alnum()
                                       ? v->candidate_shape()
                                       : std::string_view();
    const unsigned flags = sig.caseless ? HS_FLAG_CASELESS : 0;
    for (std::uint32_t i = 0; i < sig.patterns.size(); ++i) {
      const Pattern& p = sig.patterns[i];
      const auto id = static_cast<unsigned>(out.refs_.size());
      out.refs_.push_back({s, i});
      const std::size_t width = shape.empty() ? 0 : max_width(sig, p, flags);
      if (width == 0 || has_assertion(p.regex)) {
        stream.push_back({p.regex, flags, id});
        ++out.plain_;
        continue;
      }
      out.end_width_ = std::max(out.end_width_, width);
      auto it = std::find_if(out.shapes_.begin(), out.shapes_.end(),
                             [&](const Shape& s) { return s.expression == shape; });
      if (it == out.shapes_.end()) {
        out.shapes_.push_back({std::string(shape), nullptr, 0});
        shaped.emplace_back();
        it = out.shapes_.end() - 1;
      }
      const auto n = static_cast<std::size_t>(it - out.shapes_.begin());
      // Only a match ending at the candidate end counts: anchored there, Hyperscan can look
      // for it backwards from the end (about twice as fast on these windows).
      shaped[n].push_back({"(?:" + p.regex + ")\\z", flags | HS_FLAG_SINGLEMATCH, id});
      it->width = std::max(it->width, width);
      ++out.shaped_;
    }
    for (std::uint32_t i = 0; i < sig.keywords.size(); ++i) {
      const auto id = static_cast<unsigned>(out.refs_.size());
      stream.push_back({keyword_to_pattern(sig.keywords[i].text), HS_FLAG_CASELESS, id});
      out.refs_.push_back({s, i});
      ++out.plain_;
    }
  }
  for (std::size_t n = 0; n < out.shapes_.size(); ++n) {
    stream.push_back({"(?:" + out.shapes_[n].expression + ")" + std::string(kClosingByte), 0,
                      kShapeHit + static_cast<unsigned>(n)});
  }

  // A compile error names the pattern as written in the YAML.
  const auto fail = [&](hs_compile_error_t* err, const std::vector<Expression>& exprs) {
    std::string message =
        err != nullptr && err->message != nullptr ? err->message : "unknown error";
    const int which = err != nullptr ? err->expression : -1;
    hs_free_compile_error(err);
    const unsigned raw = which >= 0 && static_cast<std::size_t>(which) < exprs.size()
                             ? exprs[static_cast<std::size_t>(which)].id
                             : UINT_MAX;
    const unsigned id = raw >= kShapeHit ? UINT_MAX : raw;
    if (id >= out.refs_.size()) {
      const std::string file =
          signatures.empty() ? std::string("(none)") : signatures.front().where.file.string();
      throw SignatureError(file, 0, std::nullopt, "Hyperscan: " + message);
    }
    const PatternRef& ref = out.refs_[id];
    const Signature& sig = signatures[ref.signature];
    if (sig.patterns.empty()) {
      fail_pattern(sig, sig.keywords[ref.index].where, sig.keywords[ref.index].text, message);
    }
    fail_pattern(sig, sig.patterns[ref.index].where, sig.patterns[ref.index].regex, message);
  };

  Compiled c = compile_all(stream, HS_MODE_STREAM);
  if (c.db == nullptr) fail(c.err, stream);
  out.db_.reset(c.db);
  for (std::size_t n = 0; n < shaped.size(); ++n) {
    c = compile_all(shaped[n], HS_MODE_BLOCK);
    if (c.db == nullptr) fail(c.err, shaped[n]);
    out.shapes_[n].db.reset(c.db);
    at_end.insert(at_end.end(), shaped[n].begin(), shaped[n].end());
  }
  if (!at_end.empty()) {
    c = compile_all(at_end, HS_MODE_BLOCK);
    if (c.db == nullptr) fail(c.err, at_end);
    out.end_db_.reset(c.db);
  }
  return out;
}

std::size_t PatternDatabase::stream_state_size() const {
  std::size_t size = 0;
  hs_stream_size(db_.get(), &size);
  return size;
}

}  // namespace korgoo::detect
