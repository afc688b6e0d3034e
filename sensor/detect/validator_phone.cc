// phone: Kyrgyz (+996 / 00996 / 996 / 0 + 9 digits) and Kazakh (+7 / 8 / 7 + 10 digits) numbers,
// written contiguously or grouped by spaces, dashes and one pair of parentheses. Google's
// libphonenumber metadata (not a hand list) decides which numbers are valid and their type;
// the signature options say which types count (fixed_line, voip) and whether RU +7 does. The value
// is normalised to E.164 so that "0555 123 456" and
// "+996555123456" are one distinct value.
#include <phonenumbers/phonenumberutil.h>

#include <cstdint>
#include <string>

#include "detect/char_class.h"
#include "detect/iban_registry.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::ptrdiff_t kMaxWalk = 24;

bool is_separator(int c) {
  return c == ' ' || c == '-' || c == '(' || c == ')';
}

// The national number and country code the written digits stand for, by the dialling rules
// of KG (+996 / 00996 / 996 / trunk 0) and KZ/RU (+7 / 7 / trunk 8); false if none applies.
bool split_number(std::string_view d, bool plus, int& country, std::string_view& national) {
  if (d.size() == 14 && !plus && d.substr(0, 5) == "00996") {
    country = 996;
    national = d.substr(5);
  } else if (d.size() == 12 && d.substr(0, 3) == "996") {
    country = 996;
    national = d.substr(3);
  } else if (!plus && d.size() == 10 && d[0] == '0') {
    country = 996;
    national = d.substr(1);
  } else if (d.size() == 11 && (d[0] == '7' || (!plus && d[0] == '8'))) {
    country = 7;
    national = d.substr(1);
  } else {
    return false;
  }
  return national[0] != '0';
}

// The phone type libphonenumber's metadata gives `national` in `country`, as the tally's
// sub-type, or empty when the number is not valid or the signature's options exclude it.
std::string_view phone_type(int country, std::string_view national, const SignatureOptions& o) {
  namespace pn = i18n::phonenumbers;
  const pn::PhoneNumberUtil& util = *pn::PhoneNumberUtil::GetInstance();
  pn::PhoneNumber number;
  number.set_country_code(country);
  std::uint64_t n = 0;
  for (char c : national) n = n * 10 + static_cast<std::uint64_t>(c - '0');
  number.set_national_number(n);
  std::string region;
  util.GetRegionCodeForNumber(number, &region);
  if (region != "KG" && region != "KZ" && !(o.russia && region == "RU")) return {};
  switch (util.GetNumberType(number)) {
    case pn::PhoneNumberUtil::MOBILE:
      return "phone.mobile";
    case pn::PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
      return "phone.mobile";
    case pn::PhoneNumberUtil::FIXED_LINE:
      return o.fixed_line ? "phone.fixed_line" : std::string_view();
    case pn::PhoneNumberUtil::VOIP:
      return o.voip ? "phone.voip" : std::string_view();
    default:
      return {};
  }
}

std::string e164(int country, std::string_view national) {
  std::string out;
  out.reserve(4 + national.size());
  out.push_back('+');
  out.append(country == 7 ? "7" : "996");
  out.append(national);
  return out;
}

// The candidate [start, e) contains separator `sep` between digits.
bool groups_with(const MatchWindow& w, std::ptrdiff_t start, std::ptrdiff_t e, int sep) {
  for (auto i = start; i < e; ++i) {
    if (w.at(i) == sep) return true;
  }
  return false;
}

class PhoneValidator final : public Validator {
 public:
  std::string_view name() const override { return "phone"; }
  // check() rejects a letter or digit after the number; split_number() needs 10 digits or
  // more, and the walk back allows two separators in a row only as ") " or " (".
  bool closed_by_non_alnum() const override { return true; }
  std::string_view candidate_shape() const override { return kGroupedDigitsShape; }
  std::size_t lookbehind() const override { return kMaxWalk + 4 + kIbanLeadBytes; }
  std::size_t lookahead() const override { return 2; }
  // A space or dash may separate the next group (a longer grouped number is not a phone), a
  // '.' a decimal: the byte after it decides. Any other byte closes the number.
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext&) const override {
    return bytes_needed_after(w, w.match_end(), " -.", lookahead());
  }

  void check(const MatchWindow& w, const MatchContext& ctx,
             std::vector<Finding>& out) const override {
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
    std::string_view sub_type;
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
      // Inside the walk, a start right after a dash, or after a separator the candidate also
      // groups with, is the tail of a longer grouped number (a card, an IBAN, an order number).
      if (!at_walk_start && !plus && before != '(' &&
          (before == '-' || (is_separator(before) && groups_with(w, start, e, before)))) {
        continue;
      }
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
      int country = 0;
      std::string_view national;
      // The groups of a printed IBAN after its letters ("NL38 WKGI 0774 3679 08").
      if (!plus && inside_printed_iban(w, start)) continue;
      if (!split_number(digits, plus, country, national)) continue;
      const std::string_view type = phone_type(country, national, ctx.signature().options);
      if (type.empty()) continue;
      std::string number = e164(country, national);
      sub_type = type;
      f.outcome = Outcome::kConfirmed;
      f.reason = {};
      f.begin = static_cast<std::size_t>(plus ? start - 1 : start);
      f.value = std::move(number);
      f.high_confidence = plus;
      break;
    }
    if (f.outcome != Outcome::kConfirmed) f.reason = "phone.not_a_valid_number";
    // The type (mobile, fixed line, VoIP) goes to the stats as "confirmed.<phone.type>"; a
    // second tally entry per phone would add threat points for one value.
    f.subtype = sub_type;
    out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Validator> make_phone_validator(const ValidatorOptions&) {
  return std::make_unique<PhoneValidator>();
}

}  // namespace korgoo::detect
