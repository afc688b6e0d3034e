// keyword: a special-category word ("диагноз", "religion", "туберкул*"). The database matches
// it case-insensitively; here it must start a word (no letter of any of our scripts right
// before it) and, unless it is a stem, end one. The value is the keyword itself, so a
// special.* tally's `distinct` is the number of different indicator words seen: the words
// are weak evidence about the flow, not identifiers of a person.
// Words live in text: encrypted records, images and compressed data carry none, yet a short
// word ("WSQ", "ДНК") turns up in them by chance every few kilobytes. So the characters
// touching a keyword (for a stem, the whole word it begins) must be text delimiters (space,
// punctuation, the view's edge), never control bytes or invalid UTF-8; and a short keyword
// (kShortKeyword code points or fewer) also needs a text context: the kTextContext bytes on
// each side are printable text (ASCII, tab/CR/LF, valid UTF-8) and the characters touching it
// are spaces, sentence punctuation or a form's '=' and '&', not the '+' and '/' of base64.
#include <string>

#include "detect/char_class.h"
#include "detect/text_fold.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kMaxUtf8 = 4;
constexpr std::size_t kShortKeyword = 3;  // code points
constexpr std::size_t kTextContext = 16;  // bytes each side of a short keyword
constexpr int kNotText = -3;              // a control byte or invalid UTF-8

// The code point starting at `pos`: kEdge, kUnknown, kNotText, or the code point.
int code_point_at(const MatchWindow& w, std::ptrdiff_t pos, std::ptrdiff_t& len) {
  len = 1;
  const int c = w.at(pos);
  if (c < 0) return c;
  if (c < 0x80)
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r' ? c : kNotText;
  const std::ptrdiff_t n = (c & 0xE0) == 0xC0   ? 2
                           : (c & 0xF0) == 0xE0 ? 3
                           : (c & 0xF8) == 0xF0 ? 4
                                                : 0;
  if (n == 0) return kNotText;
  for (std::ptrdiff_t k = 1; k < n; ++k) {
    const int b = w.at(pos + k);
    if (b == MatchWindow::kUnknown) return b;
    if (b < 0 || (b & 0xC0) != 0x80) return kNotText;
  }
  const std::string_view rest =
      w.slice(static_cast<std::size_t>(pos), static_cast<std::size_t>(pos + n));
  std::size_t got = 0;
  const char32_t cp = decode_at(rest, 0, got);
  if (got != static_cast<std::size_t>(n) || cp < 0xA0) return kNotText;  // overlong or C1
  len = n;
  return static_cast<int>(cp);
}

// The code point that ends right before `pos`.
int code_point_before(const MatchWindow& w, std::ptrdiff_t pos) {
  for (std::ptrdiff_t n = 1; n <= static_cast<std::ptrdiff_t>(kMaxUtf8); ++n) {
    const int b = w.at(pos - n);
    if (b < 0) return n == 1 || b == MatchWindow::kUnknown ? b : kNotText;
    if ((b & 0xC0) == 0x80) continue;
    std::ptrdiff_t len = 0;
    const int cp = code_point_at(w, pos - n, len);
    if (cp == MatchWindow::kUnknown) return cp;
    return len == n ? cp : kNotText;
  }
  return kNotText;
}

bool is_word(int cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return is_alnum(cp) || cp == '_';
  return is_word_code_point(static_cast<char32_t>(cp));
}

// What may touch a short keyword: the view's edge, white space, sentence punctuation.
bool is_sentence_delimiter(int cp) {
  // Also '=' and '&' of forms and query strings; not '+' and '/', which join base64 runs.
  static constexpr std::string_view kAscii = " \t\r\n\"'(),.;:!?[]{}<>-=&";
  if (cp == MatchWindow::kEdge) return true;
  if (cp < 0) return false;
  if (cp < 0x80) return kAscii.find(static_cast<char>(cp)) != std::string_view::npos;
  return cp == 0xA0 || cp == 0xAB || cp == 0xBB || (cp >= 0x2010 && cp <= 0x201F);  // « » – “
}

// Every code point in [from, to) is text; `from` may fall inside a sequence (skipped).
bool all_text(const MatchWindow& w, std::ptrdiff_t from, std::ptrdiff_t to) {
  while (from < to && w.at(from) >= 0 && (w.at(from) & 0xC0) == 0x80) ++from;
  while (from < to) {
    std::ptrdiff_t len = 0;
    const int cp = code_point_at(w, from, len);
    if (cp == MatchWindow::kEdge) {
      if (from >= 0) break;  // the view ends
      from = 0;              // the view starts later than the context would
      continue;
    }
    if (cp == MatchWindow::kUnknown || cp == kNotText) return false;
    from += len;
  }
  return true;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    std::size_t len = 0;
    decode_at(s, i, len);
    i += len;
  }
  return n;
}

class KeywordValidator final : public Validator {
 public:
  std::string_view name() const override { return "keyword"; }
  std::size_t lookbehind() const override { return kMaxKeywordBytes + kTextContext + kMaxUtf8; }
  std::size_t lookahead() const override { return kTextContext + kMaxUtf8; }

  // A long word reads the code point after it: one ASCII byte, or the bytes a UTF-8 lead
  // byte announces. A short one reads its text context too, a stem the rest of its word.
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext& ctx) const override {
    const Keyword* kw = keyword_of(ctx);
    if (kw != nullptr && (is_short(*kw) || kw->stem)) return lookahead();
    const int c = w.at(static_cast<std::ptrdiff_t>(w.match_end()));
    if (c == MatchWindow::kUnknown) return lookahead();
    if (c < 0x80) return 1;  // ASCII, or the view's end
    if ((c & 0xE0) == 0xC0) return 2;
    if ((c & 0xF0) == 0xE0) return 3;
    if ((c & 0xF8) == 0xF0) return 4;
    return 1;
  }

  void check(const MatchWindow& w, const MatchContext& ctx,
             std::vector<Finding>& out) const override {
    const Keyword* kw = keyword_of(ctx);
    if (kw == nullptr) return;
    Finding f;
    f.end = w.match_end();
    if (f.end < kw->text.size()) return;
    f.begin = f.end - kw->text.size();
    const auto b = static_cast<std::ptrdiff_t>(f.begin);
    const auto e = static_cast<std::ptrdiff_t>(f.end);
    std::ptrdiff_t len = 0;
    const int before = code_point_before(w, b);
    const int after = code_point_at(w, e, len);
    // What follows the whole word a stem begins ("political views" of "political view*"),
    // within the lookahead.
    int after_word = after;
    for (auto pos = e;
         kw->stem && is_word(after_word) && pos - e < static_cast<std::ptrdiff_t>(lookahead());) {
      pos += len;
      after_word = code_point_at(w, pos, len);
    }
    if (before == MatchWindow::kUnknown || is_word(before) ||
        (!kw->stem && (after == MatchWindow::kUnknown || is_word(after)))) {
      f.reason = "special.inside_word";
    } else if (before == kNotText || after_word == kNotText) {
      f.reason = "special.not_text";
    } else if (is_short(*kw) && (!is_sentence_delimiter(before) || !is_sentence_delimiter(after) ||
                                 !all_text(w, b - static_cast<std::ptrdiff_t>(kTextContext), b) ||
                                 !all_text(w, e, e + static_cast<std::ptrdiff_t>(kTextContext)))) {
      f.reason = "special.short_word_not_in_text";
    } else {
      f.outcome = Outcome::kConfirmed;
      f.value = kw->text;
    }
    out.push_back(std::move(f));
  }

 private:
  static const Keyword* keyword_of(const MatchContext& ctx) {
    const auto& keywords = ctx.signature().keywords;
    return ctx.pattern_index() < keywords.size() ? &keywords[ctx.pattern_index()] : nullptr;
  }
  static bool is_short(const Keyword& kw) {
    return !kw.stem && code_points(kw.text) <= kShortKeyword;
  }
};

}  // namespace

std::unique_ptr<Validator> make_keyword_validator(const ValidatorOptions&) {
  return std::make_unique<KeywordValidator>();
}

}  // namespace korgoo::detect
