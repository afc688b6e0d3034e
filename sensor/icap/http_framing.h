// The encapsulated HTTP message as it would have crossed the wire, for the app stage's HTTP
// decoder: ICAP has already undone the body's chunking, so the head's own framing
// (Transfer-Encoding, Content-Length) is replaced by the length of the body at hand.
// Content-Encoding stays: gzip and deflate are undone by the decoder, as on the packet path.
#pragma once

#include <string>
#include <string_view>

namespace korgoo::icap {

std::string wire_message(std::string_view head, std::string_view body);

}  // namespace korgoo::icap
