// payment_card: 13-19 digits, contiguous or grouped by one kind of separator (space or dash)
// as people write them: 4-4-4-4, 4-4-4-4-1..3, 4-4-4-1 (Visa 13), 4-6-5 (Amex), 4-6-4.
// The issuer table (DOMAIN.md) fixes prefix and length; Luhn is required except for UnionPay
// and Elcard, whose numbers are not guaranteed to pass it (there a passing Luhn only raises
// confidence, and an all-same-digit body is taken for a placeholder).
#include <array>

#include "detect/char_class.h"
#include "detect/check_digits.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kMinDigits = 13;
constexpr std::size_t kMaxDigits = 19;
constexpr std::size_t kMaxGroups = 6;

struct Issuer {
  bool known = false;
  bool luhn_required = true;
};

Issuer issuer_of(std::string_view d) {
  const std::size_t n = d.size();
  const int p2 = parse_digits(d.substr(0, 2));
  const int p4 = parse_digits(d.substr(0, 4));
  if (p2 == 34 || p2 == 37) return {n == 15, true};                 // Amex
  if (d[0] == '4') return {n == 13 || n == 16 || n == 19, true};    // Visa
  if (p2 >= 51 && p2 <= 55) return {n == 16, true};                 // Mastercard
  if (p4 >= 2200 && p4 <= 2204) return {n >= 16 && n <= 19, true};  // Mir
  if (p4 >= 2221 && p4 <= 2720) return {n == 16, true};             // Mastercard 2-series
  if (p2 == 62) return {n >= 16 && n <= 19, false};                 // UnionPay
  if (p4 == 9417) return {n == 16 || n == 19, false};               // Elcard
  return {};
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
  std::size_t lookbehind() const override { return 32; }
  std::size_t lookahead() const override { return 2; }
  // A space or dash may separate the next group ("4111 1111 ..."), a '.' a decimal: the byte
  // after it decides. Any other byte closes the number.
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext&) const override {
    return bytes_needed_after(w, w.match_end(), " -.", lookahead());
  }

  void check(const MatchWindow& w, const MatchContext&, std::vector<Finding>& out) const override {
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
    } else if (const Issuer issuer = issuer_of(f.value); !issuer.known) {
      f.reason = "payment_card.issuer";
    } else {
      const bool luhn = luhn_valid(f.value);
      if (issuer.luhn_required && !luhn) {
        f.reason = "payment_card.luhn";
      } else if (!issuer.luhn_required && !luhn && is_placeholder(f.value)) {
        f.reason = "payment_card.placeholder";
      } else {
        f.verdict = Verdict::kConfirmed;
        f.high_confidence = luhn;
      }
    }
    if (f.verdict != Verdict::kConfirmed) f.value.clear();
    out.push_back(std::move(f));
  }

 private:
  static bool is_placeholder(std::string_view d) {
    return d.find_first_not_of(d[4], 4) == std::string_view::npos;
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
    const int sep = w.at(j - 1);
    if (sep != ' ' && sep != '-') return end;
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
      if (w.at(k - 1) == sep && is_digit(w.at(k - 2))) {
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
    if ((after == sep || after == '.') && is_digit(w.at(e + 1))) return end;
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
