// payment_card: 13-19 digits, contiguous or grouped by spaces and/or dashes as people write
// them: 4-4-4-4, 4-4-4-4-1..3, 4-4-4-1 (Visa 13), 4-6-5 (Amex), 4-6-4 (Diners). The issuer
// table (DOMAIN.md) fixes prefix and length; Luhn (ISO/IEC 7812) is required for every brand:
// a Luhn-failing number is an account or order number. Never the digits of a printed IBAN;
// a 13-digit Visa only as the signature option visa13 says (default: with a context word).
#include <array>

#include "detect/char_class.h"
#include "detect/check_digits.h"
#include "detect/iban_registry.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kMinDigits = 13;
constexpr std::size_t kMaxDigits = 19;
constexpr std::size_t kMaxGroups = 6;

// The issuer table of DOMAIN.md (ISO/IEC 7812 ranges): whether `d` has a known prefix and a
// length that issuer uses. Luhn holds for every brand, so it is checked by the caller.
bool issuer_known(std::string_view d) {
  const std::size_t n = d.size();
  const int p2 = parse_digits(d.substr(0, 2));
  const int p3 = parse_digits(d.substr(0, 3));
  const int p4 = parse_digits(d.substr(0, 4));
  const bool n16_19 = n >= 16 && n <= 19;
  if (p2 == 34 || p2 == 37) return n == 15;                               // Amex
  if (d[0] == '4') return n == 13 || n == 16 || n == 18 || n == 19;       // Visa
  if (p2 >= 51 && p2 <= 55) return n == 16;                               // Mastercard
  if (p4 >= 2200 && p4 <= 2204) return n16_19;                            // Mir
  if (p4 >= 2221 && p4 <= 2720) return n == 16;                           // Mastercard 2-series
  if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) return n16_19;  // Discover
  if (p2 == 62) return n16_19;                  // UnionPay (DOMAIN.md: 16-19)
  if (p2 == 81) return n16_19;                  // UnionPay 81
  if (p4 == 9417) return n == 16 || n == 19;    // Elcard
  if (p4 >= 3528 && p4 <= 3589) return n16_19;  // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39)
    return n >= 14 && n <= 19;  // Diners
  return false;
}

bool grouping_valid(const std::array<std::size_t, kMaxGroups>& g, std::size_t n) {
  if (n < 3) return false;
  if (n == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 5 || g[2] == 4)) return true;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (g[i] != 4) return false;
  }
  return g[n - 1] >= 1 && g[n - 1] <= 4;
}

class PaymentCardValidator final : public Validator {
 public:
  std::string_view name() const override { return "payment_card"; }
  // extract(): no letter or digit after the number; 13-19 digits in groups joined by one
  // space or dash.
  bool closed_by_non_alnum() const override { return true; }
  std::string_view candidate_shape() const override { return kGroupedDigitsShape; }
  std::size_t lookbehind() const override { return 32 + kIbanLeadBytes; }
  std::size_t lookahead() const override { return 2; }
  // A space or dash may separate the next group ("4111 1111 ..."), a '.' a decimal: the byte
  // after it decides. Any other byte closes the number.
  // A 13-digit Visa under visa13: context waits for the context window after it.
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext& ctx) const override {
    const std::size_t value = bytes_needed_after(w, w.match_end(), " -.", lookahead());
    std::string digits;
    extract(w, w.match_end(), digits);
    const bool wait = is_visa13(digits) && ctx.signature().options.visa13 == Visa13::kContext;
    return wait ? value + ctx.context_window() : value;
  }

  bool uses_context() const override { return true; }

  void check(const MatchWindow& w, const MatchContext& ctx,
             std::vector<Finding>& out) const override {
    Finding f;
    f.end = w.match_end();
    f.begin = extract(w, f.end, f.value);
    if (f.value.empty()) {
      f.reason = "payment_card.not_alone";
      out.push_back(std::move(f));
      return;
    }
    if (f.value.size() < kMinDigits || f.value.size() > kMaxDigits) {
      f.reason = "payment_card.length";
    } else if (!issuer_known(f.value)) {
      f.reason = "payment_card.issuer";
    } else if (!luhn_valid(f.value)) {
      f.reason = "payment_card.luhn";
    } else if (inside_printed_iban(w, f.begin)) {
      f.reason = "payment_card.in_iban";
    } else if (is_visa13(f.value) && !visa13_allowed(w, ctx, f.begin, f.end)) {
      f.reason = "payment_card.visa13_no_context";
    } else {
      f.outcome = Outcome::kConfirmed;
      f.high_confidence = true;
    }
    if (f.outcome != Outcome::kConfirmed) f.value.clear();
    out.push_back(std::move(f));
  }

 private:
  static bool is_visa13(std::string_view d) { return d.size() == 13 && d[0] == '4'; }

  // 13-digit Visa numbers share the shape of EAN-13 barcodes (signature option visa13).
  static bool visa13_allowed(const MatchWindow& w, const MatchContext& ctx, std::size_t b,
                             std::size_t e) {
    switch (ctx.signature().options.visa13) {
      case Visa13::kOff:
        return false;
      case Visa13::kAlways:
        return true;
      case Visa13::kContext:
        return ctx.context_near(w, b, e);
    }
    return false;
  }

  // Returns the start of the card number ending at `end` and its digits in `digits`; leaves
  // `digits` empty when the digits there do not stand alone as one card-shaped number.
  static std::size_t extract(const MatchWindow& w, std::size_t end, std::string& digits) {
    const auto e = static_cast<std::ptrdiff_t>(end);
    auto j = e;
    while (is_digit(w.at(j - 1))) --j;
    const auto last = static_cast<std::size_t>(e - j);
    if (last == 0) return end;
    if (last >= kMinDigits) {  // contiguous: only touching characters matter
      if (!number_stands_alone(w, static_cast<std::size_t>(j), end)) return end;
      digits.assign(w.slice(static_cast<std::size_t>(j), end));
      return static_cast<std::size_t>(j);
    }
    // Grouped: take the whole run of groups joined by the same separator, so that a longer
    // grouped number (an account, a 20-digit reference) is not read as a card.
    const auto is_sep = [](int c) { return c == ' ' || c == '-'; };
    if (!is_sep(w.at(j - 1))) return end;
    std::array<std::size_t, kMaxGroups> groups{};
    std::size_t n = 0;
    std::size_t total = 0;
    auto group_end = e;
    for (;;) {
      auto k = group_end;
      while (is_digit(w.at(k - 1))) --k;
      const auto len = static_cast<std::size_t>(group_end - k);
      if (n == kMaxGroups || total + len > kMaxDigits) return end;
      groups[n++] = len;
      total += len;
      j = k;
      if (is_sep(w.at(k - 1)) && is_digit(w.at(k - 2))) {
        group_end = k - 1;
        continue;
      }
      break;
    }
    const int before = w.at(j - 1);
    const int after = w.at(e);
    if (before == MatchWindow::kUnknown || after == MatchWindow::kUnknown) return end;
    if (is_alnum(before) || is_alnum(after)) return end;
    if (before == '.' && is_digit(w.at(j - 2))) return end;
    if ((is_sep(after) || after == '.') && is_digit(w.at(e + 1))) return end;
    std::array<std::size_t, kMaxGroups> ordered{};
    for (std::size_t i = 0; i < n; ++i) ordered[i] = groups[n - 1 - i];
    if (!grouping_valid(ordered, n)) return end;
    digits.reserve(total);
    for (auto i = j; i < e; ++i) {
      const int c = w.at(i);
      if (is_digit(c)) digits.push_back(static_cast<char>(c));
    }
    return static_cast<std::size_t>(j);
  }
};

}  // namespace

std::unique_ptr<Validator> make_payment_card_validator(const ValidatorOptions&) {
  return std::make_unique<PaymentCardValidator>();
}

}  // namespace korgoo::detect
