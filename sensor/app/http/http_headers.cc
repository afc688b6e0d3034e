#include "app/http/http_headers.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "app/codec/url_decoder.h"

namespace korgoo::app {
namespace {

bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ws(s.back())) s.remove_suffix(1);
  return s;
}

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool is_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// Splits on spaces and tabs, skipping runs of them.
std::vector<std::string_view> split_ws(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

bool equals_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

HttpHeaders HttpHeaders::parse(std::string_view lines) {
  HttpHeaders h;
  while (!lines.empty()) {
    const std::size_t eol = lines.find('\n');
    std::string_view line = lines.substr(0, eol);
    lines = eol == std::string_view::npos ? std::string_view{} : lines.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;  // end of the head
    // A bare CR inside a line ends it for some browsers: read it as a line end too, so that
    // a field hidden behind one ("a\rTransfer-Encoding: chunked") is seen.
    for (std::size_t cr = line.find('\r'); cr != std::string_view::npos; cr = line.find('\r')) {
      h.add_line(line.substr(0, cr));
      line = line.substr(cr + 1);
    }
    h.add_line(line);
  }
  return h;
}

void HttpHeaders::add_line(std::string_view line) {
  if (line.empty()) return;
  if (line.front() == ' ' || line.front() == '\t') {
    // obs-fold: the line continues the previous field's value (RFC 9112 §5.2).
    const std::string_view more = trim(line);
    if (fields_.empty()) {
      ++malformed_;
    } else if (!more.empty()) {
      std::string& v = fields_.back().value;
      if (!v.empty()) v.push_back(' ');
      v.append(more);
    }
    // Some receivers read an indented "Name: value" as a field of its own rather than a
    // continuation; keeping both readings means neither hides a Transfer-Encoding.
    const std::size_t colon = more.find(':');
    if (colon != std::string_view::npos && colon > 0 &&
        std::all_of(more.begin(), more.begin() + static_cast<std::ptrdiff_t>(colon),
                    is_token_char)) {
      fields_.push_back(
          {std::string(more.substr(0, colon)), std::string(trim(more.substr(colon + 1)))});
    }
    return;
  }
  const std::size_t colon = line.find(':');
  const std::string_view name = colon == std::string_view::npos ? "" : trim(line.substr(0, colon));
  if (name.empty()) {
    ++malformed_;
    return;
  }
  fields_.push_back({std::string(name), std::string(trim(line.substr(colon + 1)))});
}

bool contains_nocase(std::string_view hay, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (equals_nocase(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

const std::string* HttpHeaders::find(std::string_view name) const {
  for (const HttpHeader& f : fields_) {
    if (equals_nocase(f.name, name)) return &f.value;
  }
  return nullptr;
}

std::string HttpHeaders::joined(std::string_view name) const {
  std::string out;
  for (const HttpHeader& f : fields_) {
    if (!equals_nocase(f.name, name)) continue;
    if (!out.empty()) out += ", ";
    out += f.value;
  }
  return out;
}

std::optional<HttpRequestLine> parse_request_line(std::string_view line) {
  const std::vector<std::string_view> parts = split_ws(trim(line));
  if (parts.size() < 2) return std::nullopt;
  if (!std::all_of(parts[0].begin(), parts[0].end(), is_token_char)) return std::nullopt;
  HttpRequestLine r;
  r.method = parts[0];
  r.target = parts[1];
  if (parts.size() > 3) {
    // Spaces inside the target: as libhtp, the last word is the version, the rest the target.
    const std::string_view last = parts.back();
    if (last.size() < 5 || !equals_nocase(last.substr(0, 5), "HTTP/")) return std::nullopt;
    const std::string_view before_last = parts[parts.size() - 2];
    r.target = std::string_view(
        parts[1].data(),
        static_cast<std::size_t>(before_last.data() + before_last.size() - parts[1].data()));
    r.protocol = last;
  } else if (parts.size() == 3) {
    if (parts[2].size() < 5 || !equals_nocase(parts[2].substr(0, 5), "HTTP/")) return std::nullopt;
    r.protocol = parts[2];
  }
  return r;
}

std::optional<HttpStatusLine> parse_status_line(std::string_view line) {
  line = trim(line);
  if (line.size() < 5 || !equals_nocase(line.substr(0, 5), "HTTP/")) return std::nullopt;
  // Browsers take a response that starts "HTTP/" even when its status code is not three
  // digits ("HTTP/1.1 2xx", "HTTP/1.1"): so does this, with status 0 for "unknown".
  const std::size_t sp = std::min(line.find_first_of(" \t"), line.size());
  HttpStatusLine s;
  s.protocol = line.substr(0, sp);
  std::string_view rest = trim(line.substr(sp));
  const std::size_t end = std::min(rest.find_first_of(" \t"), rest.size());
  const std::string_view code = rest.substr(0, end);
  int status = 0;
  const auto [p, ec] = std::from_chars(code.data(), code.data() + code.size(), status);
  if (code.size() == 3 && ec == std::errc() && p == code.data() + code.size() && status >= 100) {
    s.status = status;
  }
  return s;
}

bool has_token(std::string_view list, std::string_view token) {
  std::size_t i = 0;
  while (i <= list.size()) {
    std::size_t j = list.find_first_of(", \t", i);
    if (j == std::string_view::npos) j = list.size();
    if (equals_nocase(list.substr(i, j - i), token)) return true;
    i = j + 1;
  }
  return false;
}

std::optional<std::uint64_t> parse_content_length(std::string_view value) {
  value = trim(value);
  if (value.empty() || value.size() > 18) return std::nullopt;
  std::uint64_t n = 0;
  const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || p != value.data() + value.size()) return std::nullopt;
  return n;
}

std::optional<std::string> header_parameter(std::string_view value, std::string_view name) {
  std::optional<std::string> starred;
  std::size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;  // past ';'
    while (i < value.size() && is_ws(value[i])) ++i;
    const std::size_t eq = value.find('=', i);
    const std::size_t semi = value.find(';', i);
    if (eq == std::string_view::npos || (semi != std::string_view::npos && semi < eq)) {
      i = semi;
      continue;
    }
    const std::string_view key = trim(value.substr(i, eq - i));
    std::size_t j = eq + 1;
    while (j < value.size() && is_ws(value[j])) ++j;
    std::string v;
    if (j < value.size() && value[j] == '"') {
      for (++j; j < value.size() && value[j] != '"'; ++j) {
        if (value[j] == '\\' && j + 1 < value.size()) ++j;
        v.push_back(value[j]);
      }
      i = value.find(';', j);
    } else {
      const std::size_t end = std::min(value.find(';', j), value.size());
      v = trim(value.substr(j, end - j));
      i = end;
    }
    if (equals_nocase(key, name)) return v;
    if (key.size() == name.size() + 1 && key.back() == '*' &&
        equals_nocase(key.substr(0, name.size()), name) && !starred) {
      // RFC 8187: charset'language'percent-encoded
      const std::size_t q = v.find('\'', v.find('\'') + 1);
      starred = percent_decode(q == std::string::npos ? v : std::string_view(v).substr(q + 1));
    }
  }
  return starred;
}

std::string normalize_host(std::string_view host) {
  host = trim(host);
  std::size_t end = host.size();
  if (!host.empty() && host.front() == '[') {  // IPv6 literal: the port follows ']'
    const std::size_t close = host.find(']');
    end = close == std::string_view::npos ? host.size() : close + 1;
  } else if (const std::size_t colon = host.find(':'); colon != std::string_view::npos) {
    end = colon;
  }
  std::string out(host.substr(0, end));
  while (!out.empty() && out.back() == '.') out.pop_back();
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

}  // namespace korgoo::app
