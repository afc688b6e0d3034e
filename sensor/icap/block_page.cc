#include "icap/block_page.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/http/http_headers.h"
#include "common/json.h"

namespace korgoo::icap {

namespace {

constexpr const char* kHtml = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{Transfer}} blocked</title></head>
<body><h1>{{Transfer}} blocked</h1>
<p>This {{transfer}} was stopped because it appears to contain personal data, and no legal
basis covers sending it between these parties.</p>
<p>Rule: {{signature}}<br>Incident: {{incident}}</p>
<p>If this transfer is needed, ask your data-protection officer quoting the incident.</p>
</body></html>
)";

constexpr const char* kJson =
    R"({"error": "{{transfer}}_blocked", "rule": {{signature}}, "incident": {{incident}}})"
    "\n";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the block page template");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void fill(std::string& text, std::string_view key, const std::string& value) {
  for (auto pos = text.find(key); pos != std::string::npos;
       pos = text.find(key, pos + value.size()))
    text.replace(pos, key.size(), value);
}

const char* reason_of(int status) {
  switch (status) {
    case 403:
      return "Forbidden";
    case 451:
      return "Unavailable For Legal Reasons";
    default:
      return "Blocked";
  }
}

}  // namespace

BlockPage::BlockPage(const BlockPageConfig& config)
    : status_(config.status),
      html_(config.html_file.empty() ? kHtml : read_file(config.html_file)),
      json_(config.json_file.empty() ? kJson : read_file(config.json_file)) {}

std::string BlockPage::render(std::string_view accept, std::string_view signature,
                              std::string_view incident, std::string_view transfer) const {
  const bool json = app::contains_nocase(accept, "application/json");
  std::string body = json ? json_ : html_;
  // A fixed word ("upload", "download"), never request content: filled in as it is.
  std::string word(transfer), capital(transfer);
  if (!capital.empty()) capital[0] = static_cast<char>(std::toupper(capital[0]));
  fill(body, "{{transfer}}", word);
  fill(body, "{{Transfer}}", capital);
  if (json) {
    fill(body, "{{signature}}", Json(std::string(signature)).dump());
    fill(body, "{{incident}}", Json(std::string(incident)).dump());
  } else {
    fill(body, "{{signature}}", html_escape(signature));
    fill(body, "{{incident}}", html_escape(incident));
  }
  std::string out = "HTTP/1.1 " + std::to_string(status_) + " " + reason_of(status_) + "\r\n";
  out += json ? "Content-Type: application/json\r\n" : "Content-Type: text/html; charset=utf-8\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  out += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
  out += body;
  return out;
}

}  // namespace korgoo::icap
