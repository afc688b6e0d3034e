// email: the practical subset of RFC 5322 addr-spec that people and forms produce:
// dot-atom local part of [A-Za-z0-9._%+-] (1-64), '@', a DNS name of LDH labels with an
// alphabetic TLD. Role mailboxes (info@, noreply@, ...) belong to organisations, which the
// agency FAQ says are not personal data: suppressed and counted. "logo@2x.png" style asset
// names are rejected by their TLD.
#include <algorithm>
#include <array>
#include <string>

#include "detect/char_class.h"
#include "detect/validator.h"

namespace korgoo::detect {
namespace {

constexpr std::size_t kMaxLocal = 64;
constexpr std::size_t kMaxDomain = 253;

bool is_local_char(int c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_char(int c) {
  return is_alnum(c) || c == '-' || c == '.';
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

bool domain_valid(std::string_view d) {
  if (d.empty() || d.size() > kMaxDomain) return false;
  std::size_t pos = 0;
  std::string_view label;
  for (;;) {
    const std::size_t dot = d.find('.', pos);
    label = d.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  if (pos == 0 || label.size() < 2) return false;  // needs a dot and a TLD of 2+ letters
  if (label.size() > 4 && (label.starts_with("xn--") || label.starts_with("XN--"))) {
    return true;  // an internationalised TLD in punycode (".рф" is "xn--p1ai")
  }
  return std::all_of(label.begin(), label.end(), [](char c) { return is_alpha(c); });
}

class EmailValidator final : public Validator {
 public:
  std::string_view name() const override { return "email"; }
  std::size_t lookbehind() const override { return kMaxLocal + kMaxDomain + 4; }
  std::size_t lookahead() const override { return 2; }
  // Only a '.' may continue the domain ("user@mail.kg" of "user@mail.kg.example"): the byte
  // after it decides. Any other byte ends the address or rejects it.
  std::size_t lookahead_needed(const MatchWindow& w, const MatchContext&) const override {
    return bytes_needed_after(w, w.match_end(), ".", lookahead());
  }

  void check(const MatchWindow& w, const MatchContext&, std::vector<Finding>& out) const override {
    Finding f;
    f.end = w.match_end();
    f.reason = "email.not_alone";
    const auto e = static_cast<std::ptrdiff_t>(f.end);
    const int after = w.at(e);
    // The domain must end here: not followed by a domain character or ".label".
    if (after == MatchWindow::kUnknown || is_alnum(after) || after == '-' || after == '_' ||
        after == '@' || (after == '.' && is_alnum(w.at(e + 1)))) {
      out.push_back(std::move(f));
      return;
    }
    auto at = e;
    while (e - at <= static_cast<std::ptrdiff_t>(kMaxDomain) && is_domain_char(w.at(at - 1))) --at;
    if (w.at(at - 1) != '@') {
      out.push_back(std::move(f));
      return;
    }
    const auto domain_begin = at;
    auto s = at - 1;
    while (at - 1 - s <= static_cast<std::ptrdiff_t>(kMaxLocal) && is_local_char(w.at(s - 1))) --s;
    const int before = w.at(s - 1);
    if (before == MatchWindow::kUnknown || before == '@' || is_local_char(before)) {
      out.push_back(std::move(f));
      return;
    }
    while (s < at - 1 && w.at(s) == '.') ++s;  // sentence punctuation before the address
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
      std::string value;
      value.reserve(local.size() + 1 + domain.size());
      for (char c : w.slice(f.begin, f.end)) {
        value.push_back(is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c);
      }
      const std::string_view lower(value);
      if (is_asset_tld(lower.substr(lower.rfind('.') + 1))) {
        f.reason = "email.asset_name";
      } else if (is_role_mailbox(lower.substr(0, local.size()))) {
        f.verdict = Verdict::kSuppressed;
        f.suppression = Suppression::kRoleMailbox;
        f.reason = "email.role_mailbox";
      } else {
        f.verdict = Verdict::kConfirmed;
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
