// DNS message parsing (RFC 1035): header, questions, and a walk over the resource records
// that checks they fit. Names follow compression pointers, forward ones included, with a
// bound on jumps and on length so a pointer loop ends as an error, never a hang.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.h"

namespace korgoo::app {

struct DnsName {
  std::vector<std::string> labels;  // raw label bytes, in order ("www", "example", "com")
  std::string dotted() const;       // labels joined by '.', as sent (bytes, not escaped)
  // Every run of 2..max_labels adjacent labels concatenated, one run per line. Joining all
  // labels would glue a value split over two labels to the letters of the next label, where it
  // no longer stands alone; short runs put it back together with clean edges.
  std::string spliced(std::size_t max_labels) const;
};

struct DnsQuestion {
  DnsName name;
  std::uint16_t type = 0;
  std::uint16_t klass = 0;
};

struct DnsMessage {
  std::uint16_t id = 0;
  bool response = false;
  std::uint8_t opcode = 0;
  std::uint8_t rcode = 0;
  std::vector<DnsQuestion> questions;
  std::uint16_t answer_count = 0;
};

enum class DnsError : std::uint8_t {
  kNone,
  kShortHeader,
  kTruncated,    // a name or record runs past the end
  kBadLabel,     // label type 0x40/0x80 (obsolete / reserved)
  kPointerLoop,  // too many compression jumps
  kNameTooLong,  // more than 255 bytes of name
};

// Reads the name at `offset` and moves `offset` past it (past the first pointer, if any).
DnsError read_dns_name(ByteView msg, std::size_t& offset, DnsName& out);

// Parses a message. Returns nullopt (and sets `error`) when the header or a question is
// damaged; returns the message with `error` set when only the record sections are.
std::optional<DnsMessage> parse_dns_message(ByteView msg, DnsError* error = nullptr);

// "A", "AAAA", ... (Suricata's names); unknown types as their number.
std::string dns_rrtype_name(std::uint16_t type);

// A name for EVE: printable ASCII kept, other bytes as \xNN; the root is "<root>".
std::string dns_name_for_eve(const DnsName& name);

}  // namespace korgoo::app
