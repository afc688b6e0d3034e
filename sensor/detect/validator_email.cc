// email: the practical subset of RFC 5322 addr-spec that people and forms produce, plus
// internationalised addresses (RFC 6531): a dot-atom local part of [A-Za-z0-9._%+'-] and
// letters of other scripts (UTF-8, 1-64 bytes), '@', a DNS name whose labels are LDH or
// UTF-8 letters, with an alphabetic TLD (ASCII, Cyrillic such as .рф/.қаз, or punycode in
// either case). Role mailboxes (info@, noreply@, ...) belong to organisations, which the
// agency FAQ says are not personal data: suppressed and counted. "logo@2x.png" style asset
// names are rejected by their TLD. The walk is by code point so that a value never starts or
// ends inside a UTF-8 sequence (masking keeps whole characters).
#include <algorithm>
#include <array>
#include <string>

#include "detect/char_class.h"
#include "detect/text_fold.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kMaxLocal = 64;
constexpr std::size_t kMaxDomain = 253;
constexpr std::size_t kMaxCodePoint = 4;  // bytes of the longest UTF-8 sequence
constexpr int kInvalid = -3;              // bytes that are not UTF-8: never part of an address

// One code point read from the window: a code point, kEdge/kUnknown, or kInvalid.
struct CodePoint {
  int cp;
  std::ptrdiff_t len;
};

std::ptrdiff_t sequence_length(int lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// The code point starting at `i`.
CodePoint code_point_at(const MatchWindow& w, std::ptrdiff_t i) {
  const int b0 = w.at(i);
  if (b0 < 0x80) return {b0, 1};
  if (b0 < 0xC0 || b0 >= 0xF8) return {kInvalid, 1};
  const std::ptrdiff_t n = sequence_length(b0);
  int cp = b0 & (0x3F >> (n - 1));
  for (std::ptrdiff_t k = 1; k < n; ++k) {
    const int b = w.at(i + k);
    if (b == MatchWindow::kUnknown) return {MatchWindow::kUnknown, 1};
    if (b < 0 || (b & 0xC0) != 0x80) return {kInvalid, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, n};
}

// The code point that ends right before `i`.
CodePoint code_point_before(const MatchWindow& w, std::ptrdiff_t i) {
  const int last = w.at(i - 1);
  if (last < 0x80) return {last, 1};
  for (std::ptrdiff_t n = 1; n <= static_cast<std::ptrdiff_t>(kMaxCodePoint); ++n) {
    const int b = w.at(i - n);
    if (b < 0) return {b, 1};
    if ((b & 0xC0) == 0x80) continue;
    const CodePoint c = code_point_at(w, i - n);
    return c.len == n ? c : CodePoint{kInvalid, 1};
  }
  return {kInvalid, 1};
}

bool is_intl_letter(int cp) {
  return cp >= 0x80 && is_word_code_point(static_cast<char32_t>(cp));
}
bool is_local_char(int c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'' ||
         is_intl_letter(c);
}
bool is_domain_char(int c) {
  return is_alnum(c) || c == '-' || c == '.' || is_intl_letter(c);
}

bool is_role_mailbox(std::string_view local) {
  static constexpr std::array<std::string_view, 44> kRoles = {
      "abuse",         "accounts",     "admin",         "administrator", "alerts",     "billing",
      "bounce",        "bounces",      "careers",       "compliance",    "contact",    "contacts",
      "do-not-reply",  "donotreply",   "enquiries",     "feedback",      "hello",      "help",
      "hostmaster",    "hr",           "info",          "inquiries",     "jobs",       "legal",
      "mailer-daemon", "marketing",    "media",         "news",          "newsletter", "no-reply",
      "noreply",       "notification", "notifications", "office",        "postmaster", "press",
      "privacy",       "reception",    "root",          "sales",         "security",   "service",
      "support",       "webmaster"};
  const std::string_view base = local.substr(0, local.find('+'));
  return std::find(kRoles.begin(), kRoles.end(), base) != kRoles.end();
}

bool is_asset_tld(std::string_view tld) {
  static constexpr std::array<std::string_view, 10> kAssets = {"png",  "jpg", "jpeg", "gif", "svg",
                                                               "webp", "css", "js",   "ico", "bmp"};
  return std::find(kAssets.begin(), kAssets.end(), tld) != kAssets.end();
}

// Code points of `s` that satisfy `pred`, or -1 when one does not.
template <typename Pred>
std::ptrdiff_t count_code_points(std::string_view s, Pred pred) {
  std::ptrdiff_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    std::size_t len = 0;
    const char32_t cp = decode_at(s, i, len);
    if (!pred(static_cast<int>(cp))) return -1;
    i += len;
  }
  return n;
}

bool tld_valid(std::string_view tld) {
  if (tld.size() > 4 && (tld.starts_with("xn--") || tld.starts_with("XN--"))) {
    return true;  // an internationalised TLD in punycode (".рф" is "xn--p1ai")
  }
  // All ASCII letters, or all letters of another script (".рф", ".қаз"): 2+ code points.
  return count_code_points(tld, [](int c) { return is_alpha(c); }) >= 2 ||
         count_code_points(tld, is_intl_letter) >= 2;
}

bool domain_valid(std::string_view d) {
  if (d.empty() || d.size() > kMaxDomain) return false;
  std::size_t pos = 0;
  std::string_view label;
  for (;;) {
    const std::size_t dot = d.find('.', pos);
    label = d.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    if (label.empty() || label.front() == '-' || label.back() == '-' ||
        count_code_points(label, [](int) { return true; }) > 63) {
      return false;
    }
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return pos != 0 && tld_valid(label);  // needs a dot and a TLD
}

class EmailValidator final : public Validator {
 public:
  std::string_view name() const override { return "email"; }
  std::size_t lookbehind() const override { return kMaxLocal + kMaxDomain + kMaxCodePoint + 4; }
  // The byte after the domain, or a '.' and the whole code point after it.
  std::size_t lookahead() const override { return 1 + kMaxCodePoint; }
  // Only a '.' may continue the domain ("user@mail.kg" of "user@mail.kg.example"), and a
  // letter of another script continues a Cyrillic TLD: the code point after it decides. Any
  // other byte ends the address or rejects it.
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext&) const override {
    const auto e = static_cast<std::ptrdiff_t>(w.match_end());
    const int after = w.at(e);
    if (after == MatchWindow::kUnknown) return lookahead();
    if (after != '.') return static_cast<std::size_t>(sequence_length(after));
    const int next = w.at(e + 1);
    if (next == MatchWindow::kUnknown) return lookahead();
    return 1 + static_cast<std::size_t>(sequence_length(next));
  }

  void check(const MatchWindow& w, const MatchContext&, std::vector<Finding>& out) const override {
    Finding f;
    f.end = w.match_end();
    f.reason = "email.not_alone";
    const auto e = static_cast<std::ptrdiff_t>(f.end);
    const CodePoint after = code_point_at(w, e);
    // The domain must end here: not followed by a domain character or ".label".
    if (after.cp == MatchWindow::kUnknown || is_alnum(after.cp) || is_intl_letter(after.cp) ||
        after.cp == '-' || after.cp == '_' || after.cp == '@') {
      out.push_back(std::move(f));
      return;
    }
    if (after.cp == '.') {
      const int next = code_point_at(w, e + 1).cp;
      if (is_alnum(next) || is_intl_letter(next)) {
        out.push_back(std::move(f));
        return;
      }
    }
    auto at = e;
    for (CodePoint c = code_point_before(w, at);
         e - at <= static_cast<std::ptrdiff_t>(kMaxDomain) && is_domain_char(c.cp);
         c = code_point_before(w, at)) {
      at -= c.len;
    }
    if (w.at(at - 1) != '@') {
      out.push_back(std::move(f));
      return;
    }
    const auto domain_begin = at;
    auto s = at - 1;
    CodePoint before = code_point_before(w, s);
    for (; at - 1 - s <= static_cast<std::ptrdiff_t>(kMaxLocal) && is_local_char(before.cp);
         before = code_point_before(w, s)) {
      s -= before.len;
    }
    if (before.cp == MatchWindow::kUnknown || before.cp == '@' || is_local_char(before.cp)) {
      out.push_back(std::move(f));
      return;
    }
    // Sentence punctuation or quotes before the address ("'kim@mail.kg'" in SQL or JS).
    while (s < at - 1 && (w.at(s) == '.' || w.at(s) == '\'')) ++s;
    const std::string_view local =
        w.slice(static_cast<std::size_t>(s), static_cast<std::size_t>(at - 1));
    const std::string_view domain = w.slice(static_cast<std::size_t>(domain_begin), f.end);
    f.begin = static_cast<std::size_t>(s);
    if (local.empty() || local.size() > kMaxLocal || local.back() == '.' ||
        local.find("..") != std::string_view::npos) {
      f.reason = "email.bad_local_part";
    } else if (!domain_valid(domain)) {
      f.reason = "email.bad_domain";
    } else {
      std::string value = fold_utf8(w.slice(f.begin, f.end));
      const std::string_view lower(value);
      const std::string_view lower_local = lower.substr(0, lower.rfind('@'));
      if (is_asset_tld(lower.substr(lower.rfind('.') + 1))) {
        f.reason = "email.asset_name";
      } else if (is_role_mailbox(lower_local)) {
        f.outcome = Outcome::kSuppressed;
        f.suppression = Suppression::kRoleMailbox;
        f.reason = "email.role_mailbox";
      } else {
        f.outcome = Outcome::kConfirmed;
        f.reason = {};
        f.value = std::move(value);
      }
    }
    out.push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Validator> make_email_validator(const ValidatorOptions&) {
  return std::make_unique<EmailValidator>();
}

}  // namespace korgoo::detect
