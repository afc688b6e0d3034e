// The parts of an HTTP/1.x message head: start lines and header fields, parsed the lenient
// way libhtp and browsers do (bare LF line ends, folded continuation lines, "Name : value"),
// because an evasion works by making the scanner read the head differently from the receiver.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace korgoo::app {

struct HttpHeader {
  std::string name;
  std::string value;  // trimmed; continuation lines joined with one space
};

class HttpHeaders {
 public:
  // Parses the header lines of a head (everything after the start line).
  static HttpHeaders parse(std::string_view lines);

  // The first field named `name` (case-insensitive), or nullptr.
  const std::string* find(std::string_view name) const;
  // Every value of fields named `name`, joined with ", " (RFC 9110 §5.3), or "" if none.
  std::string joined(std::string_view name) const;
  const std::vector<HttpHeader>& fields() const { return fields_; }
  // Lines that were neither a field nor a continuation.
  int malformed_lines() const { return malformed_; }

 private:
  void add_line(std::string_view line);

  std::vector<HttpHeader> fields_;
  int malformed_ = 0;
};

struct HttpRequestLine {
  std::string method;
  std::string target;    // as sent
  std::string protocol;  // "HTTP/1.1"; "" for HTTP/0.9
};
std::optional<HttpRequestLine> parse_request_line(std::string_view line);

struct HttpStatusLine {
  std::string protocol;
  int status = 0;  // 0: not a three-digit code
};
std::optional<HttpStatusLine> parse_status_line(std::string_view line);

bool equals_nocase(std::string_view a, std::string_view b);
// Whether a comma/space/tab separated list (Transfer-Encoding, Connection) has `token`.
bool has_token(std::string_view list, std::string_view token);
// Whether `hay` contains `needle`, ignoring ASCII case.
bool contains_nocase(std::string_view hay, std::string_view needle);
// A Content-Length value: digits with optional surrounding white space; nullopt if invalid.
std::optional<std::uint64_t> parse_content_length(std::string_view value);
// A parameter of a field value such as `attachment; filename="a.txt"` or
// `multipart/form-data; boundary=xyz`, unquoted. `filename*=UTF-8''a%20b` forms are
// percent-decoded when `name` is asked for and only the starred one is present.
std::optional<std::string> header_parameter(std::string_view value, std::string_view name);
// The host of a Host value or an authority: port and trailing dots removed, lower-cased as
// libhtp (and so Suricata's http.hostname) does.
std::string normalize_host(std::string_view host);

}  // namespace korgoo::app
