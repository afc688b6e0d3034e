#include "icap/icap_responses.h"

#include <cstdio>

namespace korgoo::icap {

namespace {

const char* reason_of(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 404:
      return "ICAP Service Not Found";
    case 405:
      return "Method Not Allowed For Service";
    case 408:
      return "Request Timeout";
    case 413:
      return "Request Entity Too Large";
    case 500:
      return "Server Error";
    case 503:
      return "Service Overloaded";
    case 505:
      return "ICAP Version Not Supported";
    default:
      return "Error";
  }
}

std::string status_line(int status) {
  return "ICAP/1.0 " + std::to_string(status) + " " + reason_of(status) + "\r\n";
}

void append_chunked(std::string& out, std::string_view body) {
  if (!body.empty()) {
    char size[20];
    std::snprintf(size, sizeof size, "%zx\r\n", body.size());
    out += size;
    out += body;
    out += "\r\n";
  }
  out += "0\r\n\r\n";
}

std::string header_safe(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 200)) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

}  // namespace

std::string options_response(const IcapConfig& c, std::string_view istag) {
  std::string out = status_line(200);
  out += "Methods: REQMOD, RESPMOD\r\n";
  out += "Service: korgoo personal data inspection\r\n";
  out += "ISTag: " + std::string(istag) + "\r\n";
  out += "Max-Connections: " + std::to_string(c.max_connections) + "\r\n";
  out += "Options-TTL: " + std::to_string(c.options_ttl) + "\r\n";
  out += "Allow: 204\r\n";
  out += "Preview: " + std::to_string(c.preview) + "\r\n";
  out += "Transfer-Preview: *\r\n";
  if (!c.transfer_ignore.empty()) {
    std::string list;
    for (const auto& ext : c.transfer_ignore) list += (list.empty() ? "" : ", ") + ext;
    out += "Transfer-Ignore: " + list + "\r\n";
  }
  out += "Encapsulated: null-body=0\r\n\r\n";
  return out;
}

std::string continue_response() {
  return "ICAP/1.0 100 Continue\r\n\r\n";
}

std::string no_content_response(std::string_view istag) {
  return status_line(204) + "ISTag: " + std::string(istag) +
         "\r\nEncapsulated: null-body=0\r\n\r\n";
}

std::string error_response(int status, std::string_view why, std::string_view istag) {
  return status_line(status) + "ISTag: " + std::string(istag) +
         "\r\nX-Korgoo-Error: " + header_safe(why) +
         "\r\nConnection: close\r\nEncapsulated: null-body=0\r\n\r\n";
}

std::string replacement_response(std::string_view http_response, std::string_view istag) {
  auto split = http_response.find("\r\n\r\n");
  split = split == std::string_view::npos ? http_response.size() : split + 4;
  const auto head = http_response.substr(0, split);
  std::string out = status_line(200) + "ISTag: " + std::string(istag) +
                    "\r\nEncapsulated: res-hdr=0, res-body=" + std::to_string(head.size()) +
                    "\r\n\r\n";
  out += head;
  append_chunked(out, http_response.substr(split));
  return out;
}

std::string echo_response(IcapMethod method, std::string_view request_head,
                          std::string_view response_head, std::string_view body, bool has_body,
                          std::string_view istag) {
  const auto head = method == IcapMethod::kReqmod ? request_head : response_head;
  const char* head_name = method == IcapMethod::kReqmod ? "req-hdr" : "res-hdr";
  const char* body_name =
      !has_body ? "null-body" : (method == IcapMethod::kReqmod ? "req-body" : "res-body");
  std::string out = status_line(200) + "ISTag: " + std::string(istag) +
                    "\r\nEncapsulated: " + head_name + "=0, " + body_name + "=" +
                    std::to_string(head.size()) + "\r\n\r\n";
  out += head;
  if (has_body) append_chunked(out, body);
  return out;
}

}  // namespace korgoo::icap
