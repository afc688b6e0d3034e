// Host-name patterns for rules and legal bases: "mail.example.kg" (exact) or "*.example.kg"
// (any subdomain, at any depth, but not example.kg itself: list both when both are meant).
// Matching ignores case, a trailing dot and a ":port" suffix (HTTP Host headers carry one).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace korgoo::policy {

class HostPattern {
 public:
  // nullopt for an empty pattern, a '*' anywhere but a leading "*.", or characters that cannot
  // be in a host name.
  static std::optional<HostPattern> parse(std::string_view text);

  bool matches(std::string_view host) const;
  const std::string& text() const { return text_; }

 private:
  std::string text_;    // as written, for messages
  std::string suffix_;  // lower case; ".example.kg" for a wildcard, else the whole name
  bool wildcard_ = false;
};

// Lower-cases and strips a trailing dot and ":port"; what a host name is compared as.
std::string canonical_host(std::string_view host);

}  // namespace korgoo::policy
