// kz_iin: 12 digits, YYMMDD + century/sex digit 1-6 + 4 digits + mod-11 check digit.
// A BIN (business identification number) has 4-6 in the 5th digit, where an IIN has the
// first digit of the day (0-3): it is an organisation's number, so it is suppressed.
// Since 2013 the date part need not be the birth date (DOMAIN.md), so the date is checked
// only for shape (month 01-12, day 01-31), not as a calendar date; the check digit is what
// separates an IIN from an arbitrary 12-digit number.
#include "detect/char_class.h"
#include "detect/check_digits.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kLength = 12;

class KzIinValidator final : public Validator {
 public:
  std::string_view name() const override { return "kz_iin"; }
  // number_stands_alone() on 12 contiguous digits.
  bool closed_by_non_alnum() const override { return true; }
  std::string_view candidate_shape() const override { return kGroupedDigitsShape; }
  std::size_t lookbehind() const override { return kLength + kGuidPrefixLength + 2; }
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
    if (!all_digits(w, begin, end) || !number_stands_alone(w, begin, end) ||
        is_guid_tail(w, begin)) {
      f.reason = "kz_iin.not_alone";
      out.push_back(std::move(f));
      return;
    }
    const std::string_view d = w.slice(begin, end);
    const auto check = kz_iin_check_digit(d);
    if (!check || *check != digit_value(d[11])) {
      f.reason = "kz_iin.check_digit";
      out.push_back(std::move(f));
      return;
    }
    const int month = parse_digits(d.substr(2, 2));
    if (month < 1 || month > 12) {
      f.reason = "kz_iin.bad_date";
      out.push_back(std::move(f));
      return;
    }
    if (d[4] >= '4' && d[4] <= '6') {
      f.outcome = Outcome::kSuppressed;
      f.suppression = Suppression::kBin;
      f.reason = "kz_iin.bin";
      out.push_back(std::move(f));
      return;
    }
    const int day = parse_digits(d.substr(4, 2));
    if (day < 1 || day > 31) {
      f.reason = "kz_iin.bad_date";
    } else if (d[6] < '1' || d[6] > '6') {
      f.reason = "kz_iin.bad_century";
    } else {
      f.outcome = Outcome::kConfirmed;
      f.value.assign(d);
      // A real calendar date that matches the century digit is the common case.
      const int century_base = 1700 + 100 * ((digit_value(d[6]) + 1) / 2);
      f.high_confidence = is_calendar_date(century_base + parse_digits(d.substr(0, 2)), month, day);
    }
    out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Validator> make_kz_iin_validator(const ValidatorOptions&) {
  return std::make_unique<KzIinValidator>();
}

}  // namespace korgoo::detect
