// kg_pin: 14 digits, [12] + DDMMYYYY + 5 digits. A leading 0 is an organisation's INN: not
// personal data (DOMAIN.md), so it is suppressed and counted, never reported.
#include "detect/char_class.h"
#include "detect/kg_pin_rules.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kLength = 14;

class KgPinValidator final : public Validator {
 public:
  explicit KgPinValidator(const ValidatorOptions& o) : current_year_(o.current_year) {}
  std::string_view name() const override { return "kg_pin"; }
  std::size_t lookbehind() const override { return kLength + 2; }
  std::size_t lookahead() const override { return 2; }
  // number_stands_alone() reads a second byte only after a '.' (a decimal?).
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext&) const override {
    return bytes_needed_after(w, w.match_end(), ".", lookahead());
  }

  void check(const MatchWindow& w, const MatchContext&, std::vector<Finding>& out) const override {
    const std::size_t end = w.match_end();
    if (end < kLength) return;
    const std::size_t begin = end - kLength;
    Finding f;
    f.begin = begin;
    f.end = end;
    if (!all_digits(w, begin, end) || !number_stands_alone(w, begin, end)) {
      f.reason = "kg_pin.not_alone";
      out.push_back(std::move(f));
      return;
    }
    const std::string_view digits = w.slice(begin, end);
    switch (classify_kg_pin(digits, current_year_)) {
      case KgPinClass::kPerson:
        f.verdict = Verdict::kConfirmed;
        f.high_confidence = kg_pin_check_digit_holds(digits);
        f.value.assign(digits);
        break;
      case KgPinClass::kOrganisation:
        f.verdict = Verdict::kSuppressed;
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
  int current_year_;
};

}  // namespace

std::unique_ptr<Validator> make_kg_pin_validator(const ValidatorOptions& o) {
  return std::make_unique<KgPinValidator>(o);
}

}  // namespace korgoo::detect
