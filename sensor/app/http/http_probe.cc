// Recognises HTTP/1.x from the first bytes of either side: a request line from the client,
// a status line from the server. Content, not the port, decides, so HTTP on 8081 or 443 is
// decoded and something else on port 80 is not.
#include <algorithm>
#include <string_view>

#include "app/decoders.h"

namespace korgoo::app {
namespace {

constexpr std::size_t kMaxMethod = 24;
// "METHOD target HTTP/1.x" must fit the dispatcher's probe window; a longer target is
// still HTTP but one we accept only once its version is in view.
constexpr std::string_view kVersion = "HTTP/1.";

bool is_method_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
}

// `s` matches `prefix` for as long as both go.
ProbeResult match_prefix(std::string_view s, std::string_view prefix) {
  const std::size_t n = std::min(s.size(), prefix.size());
  if (s.substr(0, n) != prefix.substr(0, n)) return ProbeResult::kNo;
  return s.size() >= prefix.size() ? ProbeResult::kYes : ProbeResult::kMaybe;
}

// The methods of RFC 9110 and PATCH.
bool is_standard_method(std::string_view m) {
  for (std::string_view known :
       {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PATCH"}) {
    if (m == known) return true;
  }
  return false;
}

ProbeResult probe_request(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_method_char(s[i])) ++i;
  if (i > kMaxMethod) return ProbeResult::kNo;
  if (i == s.size()) return ProbeResult::kMaybe;
  if (i == 0 || s[i] != ' ') return ProbeResult::kNo;
  ++i;
  const std::size_t target = i;
  while (i < s.size() && s[i] != ' ' && s[i] != '\r' && s[i] != '\n') ++i;
  if (i == s.size()) return ProbeResult::kMaybe;
  if (i == target) return ProbeResult::kNo;
  // No version: an HTTP/0.9 request line, which libhtp and servers still read. Only for a
  // standard method and a path, so that other line protocols are not taken for it.
  if (s[i] != ' ')
    return is_standard_method(s.substr(0, target - 1)) && s[target] == '/' ? ProbeResult::kYes
                                                                           : ProbeResult::kNo;
  const ProbeResult r = match_prefix(s.substr(i + 1), kVersion);
  if (r != ProbeResult::kNo) return r;
  if (match_prefix(s.substr(i + 1), "HTTP/0.9") != ProbeResult::kNo)
    return match_prefix(s.substr(i + 1), "HTTP/0.9");
  // A space inside the path ("GET /a b HTTP/1.1"): libhtp takes the line's last word as the
  // version and the rest as the target, so an attack string with spaces is still HTTP.
  if (!is_standard_method(s.substr(0, target - 1)) || s[target] != '/') return ProbeResult::kNo;
  const std::string_view line = s.substr(i);
  const std::size_t eol = line.find_first_of("\r\n");
  if (eol == std::string_view::npos) return ProbeResult::kMaybe;
  const std::size_t last = line.substr(0, eol).rfind(' ');
  return match_prefix(line.substr(last + 1, eol - last - 1), kVersion) == ProbeResult::kYes
             ? ProbeResult::kYes
             : ProbeResult::kNo;
}

}  // namespace

ProbeResult probe_http(Direction dir, ByteView data) {
  const std::string_view s = as_chars(data);
  if (dir == Direction::kToServer) return probe_request(s);
  return match_prefix(s, kVersion);
}

}  // namespace korgoo::app
