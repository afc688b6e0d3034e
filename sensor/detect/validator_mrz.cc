// mrz: the machine-readable zone of a Kyrgyz passport (ICAO 9303 TD3, 2 lines of 44) or ID
// card (TD1, 3 lines of 30; the pattern ends after line 2, where the last check digit is).
// Every check digit (7-3-1) must hold: random text that looks like an MRZ does not pass five
// of them. The ID card carries the holder's PIN in line 1's optional field [DOMAIN.md, I]
// and the passport may carry it in the personal-number field; a PIN that passes kg_pin's
// rules there is reported as kg_pin as well (it is not standalone in the MRZ text, so the
// kg_pin signature itself does not see it).
#include <string>

#include "detect/char_class.h"
#include "detect/check_digits.h"
#include "detect/kg_pin_rules.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kTd3Line = 44;
constexpr std::size_t kTd1Line = 30;
// Bytes between the lines (signatures/identifiers.yaml allows as many).
constexpr std::size_t kMaxSeparator = 48;

bool is_mrz_char(int c) {
  return is_upper(c) || is_digit(c) || c == '<';
}

bool check_holds(std::string_view field, char check) {
  const auto d = icao_check_digit(field);
  if (!d) return false;
  // An empty optional field may carry '<' as its check digit.
  if (check == '<') return *d == 0 && field.find_first_not_of('<') == std::string_view::npos;
  return is_digit(check) && *d == digit_value(check);
}

bool yymmdd_valid(std::string_view s) {
  if (s.size() != 6) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  const int month = parse_digits(s.substr(2, 2));
  const int day = parse_digits(s.substr(4, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

class MrzValidator final : public Validator {
 public:
  std::string_view name() const override { return "mrz"; }
  std::size_t lookbehind() const override { return 2 * kTd3Line + kMaxSeparator + 2; }
  std::size_t lookahead() const override { return 2; }
  // After line 2, only a '<' needs the next byte ("</" is markup, "<<" more MRZ).
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext&) const override {
    return bytes_needed_after(w, w.match_end(), "<", lookahead());
  }

  void check(const MatchWindow& w, const MatchContext& ctx,
             std::vector<Finding>& out) const override {
    const std::size_t end = w.match_end();
    Finding f;
    f.end = end;
    std::string_view l1;
    std::string_view l2;
    if (!split_lines(w, end, kTd3Line, f.begin, l1, l2) &&
        !split_lines(w, end, kTd1Line, f.begin, l1, l2)) {
      f.reason = "mrz.not_alone";
      out.push_back(std::move(f));
      return;
    }
    std::string_view pin_field;
    const bool valid =
        l1.size() == kTd3Line ? td3_valid(l1, l2, pin_field) : td1_valid(l1, l2, pin_field);
    if (!valid) {
      f.reason = "mrz.check_digit";
      out.push_back(std::move(f));
      return;
    }
    f.outcome = Outcome::kConfirmed;
    f.high_confidence = true;
    f.value.assign(l1);
    f.value.append(l2);
    Finding pin;
    if (pin_field.size() >= 14 &&
        pin_field.substr(0, 14).find_first_not_of("0123456789") == std::string_view::npos) {
      const std::string_view digits = pin_field.substr(0, 14);
      const SignatureOptions& o = ctx.signature().options;
      if (classify_kg_pin(digits, {ctx.today(), o.min_birth_year, o.max_age}) ==
          KgPinClass::kPerson) {
        pin.outcome = Outcome::kConfirmed;
        pin.type = "kg_pin";
        pin.high_confidence = kg_pin_check_digit_holds(digits);
        pin.value.assign(digits);
        const auto offset = static_cast<std::size_t>(pin_field.data() - w.bytes().data());
        pin.begin = offset;
        pin.end = offset + 14;
      }
    }
    out.push_back(std::move(f));
    if (pin.outcome == Outcome::kConfirmed) out.push_back(std::move(pin));
  }

 private:
  // Line 2 ends at `end`; line 1 precedes it across a separator that exports put between the
  // lines (separator_valid). Both lines must be whole: no MRZ character directly before line 1
  // or after line 2. The shortest separator that gives a line 1 of the right shape wins.
  static bool split_lines(const MatchWindow& w, std::size_t end, std::size_t len,
                          std::size_t& begin, std::string_view& l1, std::string_view& l2) {
    if (end < 2 * len + 1) return false;
    const std::size_t l2_begin = end - len;
    const int after = w.at(static_cast<std::ptrdiff_t>(end));
    if (after == MatchWindow::kUnknown) return false;
    // "</" after line 2 is markup ("</pre>"), not more MRZ.
    const bool markup_after = after == '<' && w.at(static_cast<std::ptrdiff_t>(end) + 1) == '/';
    if (is_mrz_char(after) && !markup_after) return false;
    if (!all_mrz(w.slice(l2_begin, end))) return false;
    const char kind = len == kTd3Line ? 'P' : 'I';
    for (std::size_t sep = 1; sep <= kMaxSeparator && l2_begin >= sep + len; ++sep) {
      const std::size_t l1_begin = l2_begin - sep - len;
      const std::string_view first = w.slice(l1_begin, l1_begin + len);
      if (first[0] != kind || first.substr(2, 3) != "KGZ" || !all_mrz(first)) continue;
      const int before = w.at(static_cast<std::ptrdiff_t>(l1_begin) - 1);
      if (before == MatchWindow::kUnknown || is_mrz_char(before)) continue;
      if (!separator_valid(w.slice(l1_begin + len, l2_begin))) continue;
      l1 = first;
      l2 = w.slice(l2_begin, end);
      begin = l1_begin;
      return true;
    }
    return false;
  }

  static bool all_mrz(std::string_view s) {
    for (char c : s) {
      if (!is_mrz_char(static_cast<unsigned char>(c))) return false;
    }
    return true;
  }

  // What exports put between MRZ lines (DOMAIN.md): whitespace (newline, CRLF, spaces, tab
  // indent), a JSON string's escaped newline ("\n"), markup line breaks and cell boundaries
  // ("<br>", "</td><td>"), CSV column boundaries ('","', ';') and JSON field boundaries
  // ('","line2":"'). Anything else (words, digits) means the two lines are not one MRZ.
  static bool separator_valid(std::string_view s) {
    std::size_t i = 0;
    bool json_key = false;
    while (i < s.size()) {
      const char c = s[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ';' || c == '|' ||
          c == '"' || c == '\'') {
        if (c == '"' && !json_key && i + 1 < s.size() && is_key_char(s[i + 1])) {
          // '"key":' of a JSON field boundary.
          std::size_t k = i + 1;
          while (k < s.size() && is_key_char(s[k])) ++k;
          if (k + 1 < s.size() && s[k] == '"' && s[k + 1] == ':') {
            json_key = true;
            i = k + 2;
            continue;
          }
          return false;
        }
        ++i;
      } else if (c == '\\' && i + 1 < s.size() &&
                 (s[i + 1] == 'n' || s[i + 1] == 'r' || s[i + 1] == 't')) {
        i += 2;
      } else if (c == '<') {
        std::size_t k = i + 1;
        while (k < s.size() && (is_lower(s[k]) || s[k] == '/' || s[k] == ' ')) ++k;
        if (k == i + 1 || k >= s.size() || s[k] != '>') return false;
        i = k + 1;
      } else {
        return false;
      }
    }
    return true;
  }
  static bool is_key_char(char c) {
    return is_alnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  }

  // TD3 line 2: document number(9) check, nationality(3), birth(6) check, sex, expiry(6)
  // check, personal number(14) check, composite check.
  static bool td3_valid(std::string_view l1, std::string_view l2, std::string_view& pin) {
    if (l1[0] != 'P' || l1.substr(2, 3) != "KGZ") return false;
    if (!yymmdd_valid(l2.substr(13, 6)) || !yymmdd_valid(l2.substr(21, 6))) return false;
    if (!check_holds(l2.substr(0, 9), l2[9]) || !check_holds(l2.substr(13, 6), l2[19]) ||
        !check_holds(l2.substr(21, 6), l2[27]) || !check_holds(l2.substr(28, 14), l2[42])) {
      return false;
    }
    std::string composite;
    composite.append(l2.substr(0, 10)).append(l2.substr(13, 7)).append(l2.substr(21, 22));
    if (!check_holds(composite, l2[43])) return false;
    pin = l2.substr(28, 14);
    return true;
  }

  // TD1 line 1: type(2) state(3) document number(9) check optional(15); line 2: birth(6)
  // check, sex, expiry(6) check, nationality(3), optional(11), composite check.
  static bool td1_valid(std::string_view l1, std::string_view l2, std::string_view& pin) {
    if (l1[0] != 'I' || l1.substr(2, 3) != "KGZ") return false;
    if (!yymmdd_valid(l2.substr(0, 6)) || !yymmdd_valid(l2.substr(8, 6))) return false;
    if (!check_holds(l1.substr(5, 9), l1[14]) || !check_holds(l2.substr(0, 6), l2[6]) ||
        !check_holds(l2.substr(8, 6), l2[14])) {
      return false;
    }
    std::string composite;
    composite.append(l1.substr(5, 25)).append(l2.substr(0, 7)).append(l2.substr(8, 7));
    composite.append(l2.substr(18, 11));
    if (!check_holds(composite, l2[29])) return false;
    pin = l1.substr(15, 15);
    return true;
  }
};

}  // namespace

std::unique_ptr<Validator> make_mrz_validator(const ValidatorOptions&) {
  return std::make_unique<MrzValidator>();
}

}  // namespace korgoo::detect
