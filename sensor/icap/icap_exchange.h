// What the ICAP connection hands to inspection and what it gets back. The connection knows
// ICAP framing only; whoever implements IcapInspector decides (the engine's detection and
// policy, or a test double).
#pragma once

#include <string>
#include <string_view>

#include "icap/icap_parser.h"

namespace korgoo::icap {

// One adapted HTTP message, as the proxy sent it: the encapsulated heads verbatim (each
// with its blank line) and the body with ICAP chunking undone.
struct IcapExchange {
  const IcapRequest& icap;
  std::string_view request_head;   // req-hdr ("" when the proxy sent none, RESPMOD only)
  std::string_view response_head;  // res-hdr (RESPMOD)
  std::string_view body;           // req-body or res-body, at most max_buffered_body bytes
  bool body_truncated = false;     // the body was longer than the cap: `body` is its start
};

struct IcapVerdict {
  // kBlock: `http_response` (a whole HTTP response, head and body) replaces the message.
  enum class Kind : std::uint8_t { kAllow, kBlock };
  Kind kind = Kind::kAllow;
  std::string http_response;
};

class IcapInspector {
 public:
  virtual ~IcapInspector() = default;
  virtual IcapVerdict inspect(const IcapExchange& exchange) = 0;
  // The request ran out of its time budget before it could be inspected; `fail_open` says
  // what the service does then. Returns the block page to send when it blocks.
  virtual std::string budget_block_page(const IcapRequest& icap) = 0;
};

}  // namespace korgoo::icap
