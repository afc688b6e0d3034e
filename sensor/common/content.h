// A "content view" is one representation of what one side of a flow sent: the raw TCP/UDP
// byte stream, or a decoded piece the app stage produced (an HTTP body after de-chunking and
// gunzip, a base64 MIME part after decoding, a DNS name with its labels joined, ...).
// The detect stage scans each view as its own stream, so a value split inside a view is found.
#pragma once

#include <cstdint>
#include <string_view>

namespace korgoo {

enum class ContentKind : std::uint8_t {
  kRaw = 0,      // the reassembled stream (TCP) or datagram payloads (UDP), as sent
  kHttpUri,      // request target, percent-decoded
  kHttpHeaders,  // header block; in a multipart body, what surrounds the parts' data
  kHttpBody,     // body after transfer- and content-decoding (and form/JSON decoding)
  kMailHeaders,  // RFC 5322 header block, encoded-words decoded
  kMailBody,     // a MIME part after transfer decoding
  kFtpData,      // an FTP data connection's file content
  kDnsName,      // query name with labels joined
  kTlsMeta,      // TLS handshake metadata (SNI)
  kOther,
};

std::string_view to_string(ContentKind kind);

// A view of one direction of one flow. `id` is unique within the flow and direction; the raw
// stream is always id 0. Views are opened by their first bytes and closed explicitly.
//
// `group`: 0, the view stands alone. Views of one direction sharing a nonzero group are
// disjoint pieces of one representation (the members of one archive, the pages of one PDF,
// what follows a gap in one file), so a value's occurrences in them add up; across groups and
// lone views the detector keeps the maximum (flow_detector.h), since those may show the same
// bytes twice (raw and decoded). A group's id is unique within the flow and direction; the
// carriers use the id of the group's first view.
struct ContentView {
  std::uint32_t id = 0;
  ContentKind kind = ContentKind::kRaw;
  std::uint32_t group = 0;
  friend bool operator==(ContentView, ContentView) = default;
};

inline constexpr ContentView kRawView{0, ContentKind::kRaw};

}  // namespace korgoo
