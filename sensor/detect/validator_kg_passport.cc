// kg_passport: two-letter series + 7 digits, optionally one space between ("AN 1234567").
// `ID` (ID card, 2017) and `AN` (2004 passport series) stand on their own; any other series
// is accepted only with a context word of the signature nearby, because "[A-Z]{2}\d{7}" is
// also the shape of order numbers, tickets and part numbers (DOMAIN.md).
#include "detect/char_class.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kDigits = 7;

class KgPassportValidator final : public Validator {
 public:
  std::string_view name() const override { return "kg_passport"; }
  std::size_t lookbehind() const override { return kDigits + 9; }
  std::size_t lookahead() const override { return 2; }
  bool uses_context() const override { return true; }
  // A letter or digit after the seven digits is rejected as not alone.
  bool closed_by_non_alnum() const override { return true; }
  // Every series form ends with the seven digits.
  std::string_view candidate_shape() const override { return "[0-9]{7}"; }

  // The value needs the byte after it (and the next after a '.'). A generic series is
  // confirmed only with a context word, which may come after the value: it waits for the
  // context window. For ID and AN the context only raises confidence, so they do not wait.
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext& ctx) const override {
    const std::size_t value = bytes_needed_after(w, w.match_end(), ".", lookahead());
    return known_series(w, series_begin(w)) ? value : value + ctx.context_window();
  }

  void check(const MatchWindow& w, const MatchContext& ctx,
             std::vector<Finding>& out) const override {
    Finding f;
    f.end = w.match_end();
    const auto e = static_cast<std::ptrdiff_t>(f.end);
    const auto s = series_begin(w);
    if (s < 0 || !is_upper(w.at(s)) || !is_upper(w.at(s + 1)) ||
        !all_digits(w, f.end - kDigits, f.end)) {
      f.reason = "kg_passport.not_alone";
      out.push_back(std::move(f));
      return;
    }
    f.begin = static_cast<std::size_t>(s);
    int before = w.at(s - 1);
    // "№ AN 1234567": the sign before the series is a delimiter.
    if (before == ' ' && w.at(s - 2) == 0x96 && w.at(s - 3) == 0x84 && w.at(s - 4) == 0xE2) {
      before = ' ';
    } else if (before == '-' && is_alnum(w.at(s - 2))) {
      before = 'X';  // "ORD-AN-1234567": part of a token
    }
    const int after = w.at(e);
    if (before == MatchWindow::kUnknown || after == MatchWindow::kUnknown || is_alnum(before) ||
        is_alnum(after) || (after == '.' && is_digit(w.at(e + 1)))) {
      f.reason = "kg_passport.not_alone";
      out.push_back(std::move(f));
      return;
    }
    const std::string_view digits = w.slice(f.end - kDigits, f.end);
    if (digits == "0000000") {
      f.reason = "kg_passport.placeholder";
      out.push_back(std::move(f));
      return;
    }
    const std::string_view series = w.slice(f.begin, f.begin + 2);
    // The dash form is how passport series are written (DOMAIN.md: "AN-1234567"); "ID-" plus
    // digits is a record key, not an ID card.
    if (w.at(s + 2) == '-' && series == "ID") {
      f.reason = "kg_passport.not_alone";
      out.push_back(std::move(f));
      return;
    }
    const bool known = known_series(w, s);
    const bool context = ctx.context_near(w, f.begin, f.end);
    if (!known && !context) {
      f.reason = "kg_passport.no_context";
    } else {
      f.outcome = Outcome::kConfirmed;
      f.high_confidence = known && context;
      f.value.assign(series);
      f.value.append(digits);
    }
    out.push_back(std::move(f));
  }

 private:
  // Where the two series letters would start for the digits that end the match (one space
  // may separate them); negative when the window has no room for them.
  // Between series and digits: nothing, one space, a dash, or "№" with an optional space
  // before and after it ("AN №1234567", "AN № 1234567").
  static std::ptrdiff_t series_begin(const MatchWindow& w) {
    auto s = static_cast<std::ptrdiff_t>(w.match_end()) - static_cast<std::ptrdiff_t>(kDigits);
    if (w.at(s - 1) == ' ') --s;
    if (w.at(s - 1) == 0x96 && w.at(s - 2) == 0x84 && w.at(s - 3) == 0xE2) {  // U+2116 "№"
      s -= 3;
      if (w.at(s - 1) == ' ') --s;
    } else if (w.at(s - 1) == '-' && w.at(s) != ' ') {
      --s;
    }
    return s - 2;
  }
  // `ID` and `AN` stand on their own (see the top of the file).
  static bool known_series(const MatchWindow& w, std::ptrdiff_t s) {
    if (s < 0) return false;
    const int a = w.at(s);
    const int b = w.at(s + 1);
    return (a == 'I' && b == 'D') || (a == 'A' && (b == 'N' || b == 'C'));
  }
};

}  // namespace

std::unique_ptr<Validator> make_kg_passport_validator(const ValidatorOptions&) {
  return std::make_unique<KgPassportValidator>();
}

}  // namespace korgoo::detect
