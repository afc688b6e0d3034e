// iban: ISO 13616. The country code fixes the length (table below, from the SWIFT IBAN
// registry); the mod-97 check must give 1. Accepted compact ("KZ86125KZT5004100100") or in
// the print format with a space every four characters.
#include <algorithm>
#include <array>
#include <string>

#include "detect/char_class.h"
#include "detect/check_digits.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kMaxCompact = 34;
constexpr std::ptrdiff_t kMaxPrinted = 34 + 8;

struct CountryLength {
  std::string_view country;
  std::size_t length;
};

constexpr std::array<CountryLength, 80> kLengths = {{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20},
    {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27},
    {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15},
    {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33},
    {"SA", 24}, {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
}};

std::size_t expected_length(std::string_view country) {
  const auto it = std::find_if(kLengths.begin(), kLengths.end(),
                               [&](const CountryLength& c) { return c.country == country; });
  return it == kLengths.end() ? 0 : it->length;
}

bool is_iban_char(int c) {
  return is_upper(c) || is_digit(c);
}

class IbanValidator final : public Validator {
 public:
  std::string_view name() const override { return "iban"; }
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
      if (!is_upper(w.at(start)) || !is_upper(w.at(start + 1)) || !is_digit(w.at(start + 2)) ||
          !is_digit(w.at(start + 3))) {
        continue;
      }
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
        compact.push_back(static_cast<char>(c));
      }
      if (compact.size() > kMaxCompact || !is_upper(compact[0]) || !is_upper(compact[1]) ||
          !is_digit(compact[2]) || !is_digit(compact[3])) {
        continue;
      }
      const std::size_t len = expected_length(std::string_view(compact).substr(0, 2));
      if (len != compact.size() || !grouped_by_four || !iban_mod97_valid(compact)) continue;
      f.verdict = Verdict::kConfirmed;
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
