// keyword: a special-category word ("диагноз", "religion", "туберкул*"). The database matches
// it case-insensitively; here it must start a word (no letter of any of our scripts right
// before it) and, unless it is a stem, end one. The value is the keyword itself, so a
// special.* tally's `distinct` is the number of different indicator words seen: the words
// are weak evidence about the flow, not identifiers of a person.
#include <string>

#include "detect/char_class.h"
#include "detect/text_fold.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kMaxUtf8 = 4;

// Whether the code point that ends right before `pos` (or starts at `pos`) is a word
// character; kUnknown bytes count as word characters so that an unsure window rejects.
bool word_before(const MatchWindow& w, std::ptrdiff_t pos) {
  int c = w.at(pos - 1);
  if (c == MatchWindow::kEdge) return false;
  if (c == MatchWindow::kUnknown) return true;
  if (c < 0x80) return is_alnum(c) || c == '_';
  // Step back over UTF-8 continuation bytes to the lead byte.
  std::ptrdiff_t lead = pos - 1;
  for (std::size_t k = 1; k < kMaxUtf8 && (w.at(lead) & 0xC0) == 0x80; ++k) {
    if (w.at(lead - 1) < 0) return true;
    --lead;
  }
  std::size_t len = 0;
  const std::string_view rest =
      w.slice(static_cast<std::size_t>(lead), static_cast<std::size_t>(pos));
  return is_word_code_point(decode_at(rest, 0, len));
}

bool word_after(const MatchWindow& w, std::ptrdiff_t pos) {
  const int c = w.at(pos);
  if (c == MatchWindow::kEdge) return false;
  if (c == MatchWindow::kUnknown) return true;
  if (c < 0x80) return is_alnum(c) || c == '_';
  const auto begin = static_cast<std::size_t>(pos);
  const std::string_view rest = w.bytes().substr(begin, kMaxUtf8);
  std::size_t len = 0;
  return is_word_code_point(decode_at(rest, 0, len));
}

class KeywordValidator final : public Validator {
 public:
  std::string_view name() const override { return "keyword"; }
  std::size_t lookbehind() const override { return kMaxKeywordBytes + kMaxUtf8; }
  std::size_t lookahead() const override { return kMaxUtf8; }

  // A stem reads nothing after the keyword. A whole word reads the code point after it:
  // one ASCII byte, or the bytes a UTF-8 lead byte announces (decode_at reads no more, and
  // a byte that cannot lead a sequence is taken alone).
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext& ctx) const override {
    const auto& keywords = ctx.signature().keywords;
    if (ctx.pattern_index() < keywords.size() && keywords[ctx.pattern_index()].stem) return 0;
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
    const auto& keywords = ctx.signature().keywords;
    if (ctx.pattern_index() >= keywords.size()) return;
    const Keyword& kw = keywords[ctx.pattern_index()];
    Finding f;
    f.end = w.match_end();
    if (f.end < kw.text.size()) return;
    f.begin = f.end - kw.text.size();
    const auto b = static_cast<std::ptrdiff_t>(f.begin);
    const auto e = static_cast<std::ptrdiff_t>(f.end);
    if (word_before(w, b) || (!kw.stem && word_after(w, e))) {
      f.reason = "special.inside_word";
    } else {
      f.verdict = Verdict::kConfirmed;
      f.value = kw.text;
    }
    out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Validator> make_keyword_validator(const ValidatorOptions&) {
  return std::make_unique<KeywordValidator>();
}

}  // namespace korgoo::detect
