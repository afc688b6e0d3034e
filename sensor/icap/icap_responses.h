// The ICAP responses the service sends (RFC 3507 §4.3.3, §4.6, §4.10): OPTIONS, 100 Continue,
// 204, 200 with a replacement or an unchanged message, and errors. Every response carries the
// service's ISTag, so that the proxy drops cached OPTIONS when the service changes.
#pragma once

#include <string>
#include <string_view>

#include "icap/icap_config.h"
#include "icap/icap_parser.h"

namespace korgoo::icap {

std::string options_response(const IcapConfig& config, std::string_view istag);
std::string continue_response();
std::string no_content_response(std::string_view istag);
// An error the proxy can log: the status, a reason header (no message content in it) and
// Connection: close, because after a malformed request the framing cannot be trusted.
std::string error_response(int status, std::string_view why, std::string_view istag);
// 200 whose encapsulated HTTP response (`http_response`: head and body, as BlockPage renders
// it) replaces the message; the body is re-framed in ICAP chunks.
std::string replacement_response(std::string_view http_response, std::string_view istag);
// 200 with the message as it came: what the service must send when it changes nothing and
// the proxy did not allow 204.
std::string echo_response(IcapMethod method, std::string_view request_head,
                          std::string_view response_head, std::string_view body, bool has_body,
                          std::string_view istag);

}  // namespace korgoo::icap
