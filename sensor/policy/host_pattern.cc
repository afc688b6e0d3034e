#include "policy/host_pattern.h"

#include <cctype>

namespace korgoo::policy {

std::string canonical_host(std::string_view host) {
  // "[2001:db8::1]:8080" and "example.kg:8080" lose the port; a bare IPv6 literal keeps its colons.
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    host = host.substr(1, close == std::string_view::npos ? host.size() - 1 : close - 1);
  } else if (const auto colon = host.find(':');
             colon != std::string_view::npos &&
             host.find(':', colon + 1) == std::string_view::npos) {
    host = host.substr(0, colon);
  }
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  std::string out(host);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<HostPattern> HostPattern::parse(std::string_view text) {
  HostPattern p;
  p.text_ = std::string(text);
  std::string_view name = text;
  if (name.starts_with("*.")) {
    p.wildcard_ = true;
    name.remove_prefix(1);  // keep the dot: "*.example.kg" -> ".example.kg"
  }
  if (name.empty() || name == ".") return std::nullopt;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
          c == ':'))
      return std::nullopt;
  p.suffix_ = canonical_host(name);
  if (p.wildcard_ && p.suffix_.size() < 2) return std::nullopt;
  return p;
}

bool HostPattern::matches(std::string_view host) const {
  const std::string h = canonical_host(host);
  if (!wildcard_) return h == suffix_;
  return h.size() > suffix_.size() && h.ends_with(suffix_);
}

}  // namespace korgoo::policy
