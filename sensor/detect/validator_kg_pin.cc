// kg_pin: 14 digits, [12] + DDMMYYYY + 5 digits, contiguous or in the printed groups
// 1-8-5 ("1 15011983 08929", one kind of separator: space or dash). A leading 0 is an
// organisation's INN: not personal data (DOMAIN.md), so it is suppressed and counted, never
// reported. The date must be real, not after the time of the traffic and within the
// signature's birth-year window (options min_birth_year, max_age).
#include "detect/char_class.h"
#include "detect/kg_pin_rules.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kLength = 14;
constexpr std::size_t kGroupedLength = 16;  // 1 + sep + 8 + sep + 5

// The span of the PIN ending at `end` and its digits, or false when the bytes there are not a
// 14-digit PIN shape: contiguous, or grouped 1-8-5 with one separator kind.
bool pin_span(const MatchWindow& w, std::size_t end, std::size_t& begin, std::string& digits) {
  if (end >= kLength && all_digits(w, end - kLength, end) &&
      !is_digit(w.at(static_cast<std::ptrdiff_t>(end - kLength) - 1))) {
    begin = end - kLength;
    digits.assign(w.slice(begin, end));
    return true;
  }
  if (end < kGroupedLength) return false;
  const std::size_t b = end - kGroupedLength;
  const int sep = w.at(static_cast<std::ptrdiff_t>(b) + 1);
  if ((sep != ' ' && sep != '-') || w.at(static_cast<std::ptrdiff_t>(b) + 10) != sep ||
      !all_digits(w, b, b + 1) || !all_digits(w, b + 2, b + 10) || !all_digits(w, b + 11, end)) {
    return false;
  }
  // A group of a longer grouped number ("7 1 15011983 08929") is not a PIN.
  const int before = w.at(static_cast<std::ptrdiff_t>(b) - 1);
  if (before == sep && is_digit(w.at(static_cast<std::ptrdiff_t>(b) - 2))) return false;
  begin = b;
  digits.clear();
  for (std::size_t i = b; i < end; ++i) {
    const int c = w.at(static_cast<std::ptrdiff_t>(i));
    if (is_digit(c)) digits.push_back(static_cast<char>(c));
  }
  return true;
}

class KgPinValidator final : public Validator {
 public:
  std::string_view name() const override { return "kg_pin"; }
  // number_stands_alone(); 14 digits, contiguous or grouped 1-8-5 by one separator.
  bool closed_by_non_alnum() const override { return true; }
  std::string_view candidate_shape() const override { return kGroupedDigitsShape; }
  std::size_t lookbehind() const override { return kGroupedLength + 2; }
  std::size_t lookahead() const override { return 2; }
  // number_stands_alone() reads a second byte after a '.' (a decimal?), and a space or dash
  // may join another group of a longer grouped number.
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext&) const override {
    return bytes_needed_after(w, w.match_end(), ". -", lookahead());
  }

  void check(const MatchWindow& w, const MatchContext& ctx,
             std::vector<Finding>& out) const override {
    const std::size_t end = w.match_end();
    Finding f;
    f.end = end;
    std::string digits;
    if (!pin_span(w, end, f.begin, digits) || !number_stands_alone(w, f.begin, end) ||
        (digits.size() == kLength && f.end - f.begin == kGroupedLength &&
         continues_group(w, end))) {
      f.reason = "kg_pin.not_alone";
      out.push_back(std::move(f));
      return;
    }
    const SignatureOptions& o = ctx.signature().options;
    switch (classify_kg_pin(digits, {ctx.today(), o.min_birth_year, o.max_age})) {
      case KgPinClass::kPerson:
        f.outcome = Outcome::kConfirmed;
        f.high_confidence = kg_pin_check_digit_holds(digits);
        f.value = std::move(digits);
        break;
      case KgPinClass::kOrganisation:
        f.outcome = Outcome::kSuppressed;
        f.suppression = Suppression::kOrgInn;
        f.reason = "kg_pin.org_inn";
        break;
      case KgPinClass::kBadGender:
        f.reason = "kg_pin.bad_gender";
        break;
      case KgPinClass::kBadDate:
        f.reason = "kg_pin.bad_date";
        break;
    }
    out.push_back(std::move(f));
  }

 private:
  // A grouped PIN followed by the same separator and a digit is part of a longer number.
  static bool continues_group(const MatchWindow& w, std::size_t end) {
    const auto e = static_cast<std::ptrdiff_t>(end);
    const int sep = w.at(e - 6);
    return w.at(e) == sep && is_digit(w.at(e + 1));
  }
};

}  // namespace

std::unique_ptr<Validator> make_kg_pin_validator(const ValidatorOptions&) {
  return std::make_unique<KgPinValidator>();
}

}  // namespace korgoo::detect
