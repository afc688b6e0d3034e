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
  std::size_t lookbehind() const override { return kDigits + 4; }
  std::size_t lookahead() const override { return 2; }
  bool uses_context() const override { return true; }

  void check(const MatchWindow& w, const MatchContext& ctx,
             std::vector<Finding>& out) const override {
    Finding f;
    f.end = w.match_end();
    const auto e = static_cast<std::ptrdiff_t>(f.end);
    auto s = e - static_cast<std::ptrdiff_t>(kDigits);
    if (s >= 0 && w.at(s - 1) == ' ') --s;
    s -= 2;
    if (s < 0 || !is_upper(w.at(s)) || !is_upper(w.at(s + 1)) ||
        !all_digits(w, f.end - kDigits, f.end)) {
      f.reason = "kg_passport.not_alone";
      out.push_back(std::move(f));
      return;
    }
    f.begin = static_cast<std::size_t>(s);
    const int before = w.at(s - 1);
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
    const bool known_series = series == "ID" || series == "AN";
    const bool context = ctx.context_near(w, f.begin, f.end);
    if (!known_series && !context) {
      f.reason = "kg_passport.no_context";
    } else {
      f.verdict = Verdict::kConfirmed;
      f.high_confidence = known_series && context;
      f.value.assign(series);
      f.value.append(digits);
    }
    out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Validator> make_kg_passport_validator(const ValidatorOptions&) {
  return std::make_unique<KgPassportValidator>();
}

}  // namespace korgoo::detect
