#include "icap/http_framing.h"

#include "app/http/http_headers.h"

namespace korgoo::icap {

std::string wire_message(std::string_view head, std::string_view body) {
  std::string out;
  out.reserve(head.size() + body.size() + 32);
  bool first = true, dropping = false;
  while (!head.empty()) {
    const auto nl = head.find('\n');
    std::string_view line = head.substr(0, nl == std::string_view::npos ? head.size() : nl + 1);
    head.remove_prefix(line.size());
    std::string_view bare = line;
    while (!bare.empty() && (bare.back() == '\n' || bare.back() == '\r')) bare.remove_suffix(1);
    if (bare.empty()) break;  // the blank line: written below, after the new length
    if (first) {
      out += line;
      first = false;
      continue;
    }
    if (bare.front() == ' ' || bare.front() == '\t') {  // a folded continuation
      if (!dropping) out += line;
      continue;
    }
    const auto name = bare.substr(0, bare.find(':'));
    dropping =
        app::equals_nocase(name, "Transfer-Encoding") || app::equals_nocase(name, "Content-Length");
    if (!dropping) out += line;
  }
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  return out;
}

}  // namespace korgoo::icap
