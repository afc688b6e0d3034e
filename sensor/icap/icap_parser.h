// RFC 3507 request heads: the request line, the ICAP header fields (parsed by the app stage's
// HTTP header reader: the same syntax), and the Encapsulated field that says where the
// embedded HTTP heads and the body start. Parsing only: no I/O, no state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/http/http_headers.h"

namespace korgoo::icap {

enum class IcapMethod : std::uint8_t { kOptions, kReqmod, kRespmod };

std::string_view method_name(IcapMethod m);

// Offsets into the encapsulated part, in the order the sender listed them.
struct Encapsulated {
  std::optional<std::uint64_t> req_hdr, res_hdr, req_body, res_body, null_body, opt_body;

  bool has_body() const { return req_body || res_body || opt_body; }
  // Where the HTTP heads end: the offset of the body (or null-body), 0 when there is none.
  std::uint64_t heads_length() const;
};

struct IcapRequest {
  IcapMethod method = IcapMethod::kOptions;
  std::string uri;      // icap://host[:port]/service[?args]
  std::string service;  // the path of the URI without the leading '/'
  app::HttpHeaders headers;
  Encapsulated encapsulated;
  std::optional<std::uint64_t> preview;  // Preview: N
  bool allow_204 = false;                // Allow: 204 (outside a preview)
  bool close = false;                    // Connection: close
};

// Why a head was refused, with the ICAP status to answer.
struct HeadError {
  int status = 400;
  std::string reason;
};

// `head` is everything before the blank line that ends the ICAP head.
std::optional<HeadError> parse_icap_head(std::string_view head, IcapRequest& out);

// "req-hdr=0, req-body=412": false (with `why`) when malformed, out of order, or naming an
// entity twice.
bool parse_encapsulated(std::string_view value, Encapsulated& out, std::string& why);

}  // namespace korgoo::icap
