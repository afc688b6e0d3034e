// iban: ISO 13616. The country code fixes the length and the BBAN structure (iban_registry.cc,
// every country of the SWIFT IBAN registry); the check digits are 02..98 and the mod-97 check
// must give 1. Accepted compact ("KZ86125KZT5004100100") or in the print format with a space
// every four characters, in upper or lower case (one case throughout).
#include <algorithm>
#include <array>
#include <string>

#include "detect/char_class.h"
#include "detect/check_digits.h"
#include "detect/iban_registry.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kMaxCompact = 34;
constexpr std::ptrdiff_t kMaxPrinted = 34 + 8;

bool is_iban_char(int c) {
  return is_upper(c) || is_lower(c) || is_digit(c);
}
int upper(int c) {
  return is_lower(c) ? c - 'a' + 'A' : c;
}

class IbanValidator final : public Validator {
 public:
  std::string_view name() const override { return "iban"; }
  // check() rejects a letter or digit after the value.
  bool closed_by_non_alnum() const override { return true; }
  // Country code and check digits, then the rest of at most 34 characters (compact) or 42
  // (printed, a space every four), in one case or the other.
  std::string_view candidate_shape() const override {
    return "[A-Za-z]{2}[0-9]{2}[ A-Za-z0-9]{8,38}";
  }
  std::size_t lookbehind() const override { return kMaxPrinted + 4; }
  std::size_t lookahead() const override { return 1; }

  void check(const MatchWindow& w, const MatchContext&, std::vector<Finding>& out) const override {
    Finding f;
    f.end = w.match_end();
    f.reason = "iban.not_alone";
    const auto e = static_cast<std::ptrdiff_t>(f.end);
    const int after = w.at(e);
    if (after == MatchWindow::kUnknown || is_alnum(after)) {
      out.push_back(std::move(f));
      return;
    }
    // Walk back over IBAN characters and single spaces between them.
    auto s = e;
    while (e - s < kMaxPrinted) {
      const int c = w.at(s - 1);
      if (is_iban_char(c) || (c == ' ' && is_iban_char(w.at(s - 2)) && is_iban_char(w.at(s)))) {
        --s;
        continue;
      }
      break;
    }
    // Candidate starts: where the walk stopped (if that is a real delimiter) and after each
    // space. The first that forms a valid IBAN is the longest.
    f.reason = "iban.check";
    for (auto start = s; start + 4 < e; ++start) {
      const int before = w.at(start - 1);
      if (start == s ? (before == MatchWindow::kUnknown || is_alnum(before)) : before != ' ') {
        continue;
      }
      // Country letters and check digits first, before building anything (a long run of
      // capitals and digits would otherwise cost a string per candidate start).
      if (!is_alpha(w.at(start)) || !is_alpha(w.at(start + 1)) || !is_digit(w.at(start + 2)) ||
          !is_digit(w.at(start + 3))) {
        continue;
      }
      const bool lower_case = is_lower(w.at(start));
      bool mixed = false;
      std::string compact;
      bool grouped_by_four = true;
      std::size_t group = 0;
      for (auto i = start; i < e; ++i) {
        const int c = w.at(i);
        if (c == ' ') {
          grouped_by_four = grouped_by_four && group == 4;
          group = 0;
          continue;
        }
        ++group;
        // One case throughout: "DEde..." is not how anyone writes an IBAN.
        mixed = mixed || (lower_case ? is_upper(c) : is_lower(c));
        if (compact.size() > kMaxCompact) break;
        compact.push_back(static_cast<char>(upper(c)));
      }
      if (mixed || compact.size() < 5 || compact.size() > kMaxCompact) continue;
      const std::string_view v(compact);
      const IbanCountry* country = iban_country(v.substr(0, 2));
      const int check = parse_digits(v.substr(2, 2));
      if (country == nullptr || country->length != v.size() || !grouped_by_four || check < 2 ||
          check > 98 || !bban_matches(country->structure, v.substr(4)) || !iban_mod97_valid(v)) {
        continue;
      }
      f.outcome = Outcome::kConfirmed;
      f.reason = {};
      f.begin = static_cast<std::size_t>(start);
      f.value = std::move(compact);
      f.high_confidence = true;
      break;
    }
    out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Validator> make_iban_validator(const ValidatorOptions&) {
  return std::make_unique<IbanValidator>();
}

}  // namespace korgoo::detect
