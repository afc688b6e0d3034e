// phone: Kyrgyz (+996 / 996 / 0 + 9 digits) and Kazakh (+7 / 8 / 7 + 7xx + 7 digits) mobile
// numbers, written contiguously or grouped by spaces, dashes and one pair of parentheses.
// The mobile prefix tables (DOMAIN.md, from libphonenumber) are what separate a phone from
// any other 10-12 digit number. The value is normalised to E.164 so that "0555 123 456" and
// "+996555123456" are one distinct value.
#include <string>

#include "detect/char_class.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::ptrdiff_t kMaxWalk = 24;

bool is_separator(int c) {
  return c == ' ' || c == '-' || c == '(' || c == ')';
}

bool kg_mobile_prefix(std::string_view n9) {
  const int p = (n9[0] - '0') * 100 + (n9[1] - '0') * 10 + (n9[2] - '0');
  const int p2 = p / 10;
  return (p >= 200 && p <= 203) || p == 205 || p2 == 22 || p2 == 50 || p2 == 51 || p2 == 52 ||
         (p2 >= 54 && p2 <= 57) || p == 600 || p2 == 70 || p == 755 || p2 == 77 || p == 880 ||
         p == 888 || p == 912 || p == 990 || (p >= 995 && p <= 999);
}

bool kz_mobile_prefix(std::string_view n10) {
  const int p = (n10[0] - '0') * 100 + (n10[1] - '0') * 10 + (n10[2] - '0');
  return (p >= 700 && p <= 702) || (p >= 705 && p <= 708) || p == 747 || (p >= 760 && p <= 764) ||
         p == 771 || (p >= 775 && p <= 778) || p == 785;
}

std::string e164(std::string_view country, std::string_view national) {
  std::string out;
  out.reserve(1 + country.size() + national.size());
  out.push_back('+');
  out.append(country);
  out.append(national);
  return out;
}

// E.164 form of `digits`, or empty if they are not a KG/KZ mobile number.
std::string normalise(std::string_view d, bool plus) {
  if (d.size() == 12 && d.substr(0, 3) == "996" && kg_mobile_prefix(d.substr(3))) {
    return e164("996", d.substr(3));
  }
  if (!plus && d.size() == 10 && d[0] == '0' && kg_mobile_prefix(d.substr(1))) {
    return e164("996", d.substr(1));
  }
  if (d.size() == 11 && d[1] == '7' && kz_mobile_prefix(d.substr(1)) &&
      (d[0] == '7' || (!plus && d[0] == '8'))) {
    return e164("7", d.substr(1));
  }
  return {};
}

class PhoneValidator final : public Validator {
 public:
  std::string_view name() const override { return "phone"; }
  std::size_t lookbehind() const override { return kMaxWalk + 4; }
  std::size_t lookahead() const override { return 2; }
  // A space or dash may separate the next group (a longer grouped number is not a phone), a
  // '.' a decimal: the byte after it decides. Any other byte closes the number.
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext&) const override {
    return bytes_needed_after(w, w.match_end(), " -.", lookahead());
  }

  void check(const MatchWindow& w, const MatchContext&, std::vector<Finding>& out) const override {
    Finding f;
    f.end = w.match_end();
    f.reason = "phone.not_alone";
    const auto e = static_cast<std::ptrdiff_t>(f.end);
    const int after = w.at(e);
    if (after == MatchWindow::kUnknown || is_alnum(after) || !is_digit(w.at(e - 1)) ||
        (after == '.' && is_digit(w.at(e + 1)))) {
      out.push_back(std::move(f));
      return;
    }
    // Walk back over digits and separators; two separators in a row only as ") " or " (".
    auto s = e;
    while (e - s < kMaxWalk) {
      const int c = w.at(s - 1);
      if (is_digit(c)) {
        --s;
        continue;
      }
      if (!is_separator(c)) break;
      const int next = w.at(s);
      if (is_separator(next) && !((c == ')' && next == ' ') || (c == ' ' && next == '('))) break;
      --s;
    }
    // Leading separators are not part of the number. A space is a delimiter, but a dash right
    // after a letter or digit joins the number to a token ("ORD-0555123456").
    bool joined = false;
    while (s < e && (w.at(s) == ' ' || w.at(s) == '-')) {
      const int b = w.at(s - 1);
      joined = joined || (w.at(s) == '-' && (b == MatchWindow::kUnknown || is_alnum(b)));
      ++s;
    }
    // Try the longest candidate first: the walk's start, then each later group start.
    const bool continues = (after == ' ' || after == '-') && is_digit(w.at(e + 1));
    for (auto start = s; start < e; ++start) {
      const int c = w.at(start);
      const int before = w.at(start - 1);
      const bool group_start = (is_digit(c) || c == '(') && !is_digit(before) && before != '(';
      if (!group_start) continue;
      const bool at_walk_start = start == s;
      if (at_walk_start && (joined || before == MatchWindow::kUnknown || is_alnum(before) ||
                            (before == '.' && is_digit(w.at(start - 2))))) {
        continue;
      }
      const bool plus = before == '+';
      if (plus && is_alnum(w.at(start - 2))) continue;
      std::string digits;
      bool separated = false;
      int open = 0;
      int close = 0;
      for (auto i = start; i < e; ++i) {
        const int ch = w.at(i);
        if (is_digit(ch)) {
          digits.push_back(static_cast<char>(ch));
        } else {
          separated = true;
          open += ch == '(';
          close += ch == ')';
        }
      }
      if (open != close || open > 1) continue;
      if (separated && continues) continue;  // a grouped number that goes on is not a phone
      std::string number = normalise(digits, plus);
      if (number.empty()) continue;
      f.verdict = Verdict::kConfirmed;
      f.reason = {};
      f.begin = static_cast<std::size_t>(plus ? start - 1 : start);
      f.value = std::move(number);
      f.high_confidence = plus;
      break;
    }
    if (f.verdict != Verdict::kConfirmed) f.reason = "phone.not_a_mobile_number";
    out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Validator> make_phone_validator(const ValidatorOptions&) {
  return std::make_unique<PhoneValidator>();
}

}  // namespace korgoo::detect
