#include "icap/icap_parser.h"

#include <charconv>

namespace korgoo::icap {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool parse_number(std::string_view text, std::uint64_t& out) {
  text = trim(text);
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string_view method_name(IcapMethod m) {
  switch (m) {
    case IcapMethod::kOptions:
      return "OPTIONS";
    case IcapMethod::kReqmod:
      return "REQMOD";
    case IcapMethod::kRespmod:
      return "RESPMOD";
  }
  return "?";
}

std::uint64_t Encapsulated::heads_length() const {
  for (const auto& o : {req_body, res_body, opt_body, null_body})
    if (o) return *o;
  return 0;
}

bool parse_encapsulated(std::string_view value, Encapsulated& out, std::string& why) {
  out = {};
  std::uint64_t last = 0;
  bool any = false, body_seen = false;
  while (!value.empty()) {
    const auto comma = value.find(',');
    const auto item = trim(value.substr(0, comma));
    value.remove_prefix(comma == std::string_view::npos ? value.size() : comma + 1);
    const auto eq = item.find('=');
    std::uint64_t offset = 0;
    if (eq == std::string_view::npos || !parse_number(item.substr(eq + 1), offset)) {
      why = "Encapsulated entry '" + std::string(item) + "' is not name=offset";
      return false;
    }
    const auto name = trim(item.substr(0, eq));
    std::optional<std::uint64_t>* slot = nullptr;
    bool is_body = false;
    if (app::equals_nocase(name, "req-hdr")) {
      slot = &out.req_hdr;
    } else if (app::equals_nocase(name, "res-hdr")) {
      slot = &out.res_hdr;
    } else if (app::equals_nocase(name, "req-body")) {
      slot = &out.req_body, is_body = true;
    } else if (app::equals_nocase(name, "res-body")) {
      slot = &out.res_body, is_body = true;
    } else if (app::equals_nocase(name, "null-body")) {
      slot = &out.null_body, is_body = true;
    } else if (app::equals_nocase(name, "opt-body")) {
      slot = &out.opt_body, is_body = true;
    } else {
      why = "Encapsulated names an unknown entity '" + std::string(name) + "'";
      return false;
    }
    if (*slot || body_seen || (any && offset < last)) {
      why = "Encapsulated entries repeat, follow the body or go backwards";
      return false;
    }
    *slot = offset;
    last = offset;
    any = true;
    body_seen = is_body;
  }
  if (!any || !body_seen) {
    why = "Encapsulated must end with a body entry (req-body, res-body, null-body, opt-body)";
    return false;
  }
  return true;
}

std::optional<HeadError> parse_icap_head(std::string_view head, IcapRequest& out) {
  const auto eol = head.find('\n');
  std::string_view line = head.substr(0, eol);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const auto sp1 = line.find(' ');
  const auto sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos)
    return HeadError{400, "request line is not METHOD URI VERSION"};
  const auto method = line.substr(0, sp1);
  out.uri = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  const auto version = line.substr(sp2 + 1);
  if (version != "ICAP/1.0") return HeadError{505, "only ICAP/1.0 is spoken"};
  if (method == "OPTIONS") {
    out.method = IcapMethod::kOptions;
  } else if (method == "REQMOD") {
    out.method = IcapMethod::kReqmod;
  } else if (method == "RESPMOD") {
    out.method = IcapMethod::kRespmod;
  } else {
    return HeadError{405, "method is not OPTIONS, REQMOD or RESPMOD"};
  }
  std::string_view uri = out.uri;
  if (uri.substr(0, 7) != "icap://") return HeadError{400, "URI is not icap://"};
  uri.remove_prefix(7);
  const auto slash = uri.find('/');
  std::string_view path = slash == std::string_view::npos ? "" : uri.substr(slash + 1);
  path = path.substr(0, path.find('?'));
  out.service = std::string(path);
  out.headers = app::HttpHeaders::parse(eol == std::string_view::npos ? "" : head.substr(eol + 1));
  if (out.headers.malformed_lines() > 0) return HeadError{400, "malformed ICAP header line"};
  if (!out.headers.find("Host")) return HeadError{400, "no Host header"};
  if (const auto* enc = out.headers.find("Encapsulated")) {
    std::string why;
    if (!parse_encapsulated(*enc, out.encapsulated, why)) return HeadError{400, why};
  } else if (out.method != IcapMethod::kOptions) {
    return HeadError{400, "no Encapsulated header"};
  }
  if (out.method == IcapMethod::kReqmod &&
      (!out.encapsulated.req_hdr || out.encapsulated.res_hdr || out.encapsulated.res_body))
    return HeadError{400, "REQMOD must encapsulate a request head (req-hdr) only"};
  if (out.method == IcapMethod::kRespmod &&
      (!out.encapsulated.res_hdr || out.encapsulated.req_body))
    return HeadError{400, "RESPMOD must encapsulate a response head (res-hdr)"};
  if (out.method == IcapMethod::kOptions && out.encapsulated.has_body() &&
      !out.encapsulated.opt_body)
    return HeadError{400, "OPTIONS carries no HTTP message"};
  if (const auto* p = out.headers.find("Preview")) {
    std::uint64_t n = 0;
    if (!parse_number(*p, n)) return HeadError{400, "Preview is not a number"};
    out.preview = n;
  }
  out.allow_204 = app::has_token(out.headers.joined("Allow"), "204");
  out.close = app::has_token(out.headers.joined("Connection"), "close");
  return std::nullopt;
}

}  // namespace korgoo::icap
