#include "app/dns/dns_message.h"

#include <cstdio>

namespace korgoo::app {

namespace {

constexpr std::size_t kHeaderSize = 12;
constexpr int kMaxPointerJumps = 64;
constexpr std::size_t kMaxNameBytes = 255;  // RFC 1035 3.1, in wire form

}  // namespace

std::string DnsName::dotted() const {
  std::string out;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out.push_back('.');
    out += labels[i];
  }
  return out;
}

std::string DnsName::spliced(std::size_t max_labels) const {
  std::string out;
  for (std::size_t first = 0; first + 1 < labels.size(); ++first) {
    std::string run = labels[first];
    for (std::size_t n = 2; n <= max_labels && first + n <= labels.size(); ++n) {
      run += labels[first + n - 1];
      out += run;
      out.push_back('\n');
    }
  }
  return out;
}

DnsError read_dns_name(ByteView msg, std::size_t& offset, DnsName& out) {
  out.labels.clear();
  std::size_t pos = offset;
  bool jumped = false;
  int jumps = 0;
  std::size_t wire_len = 1;  // the final zero byte
  while (true) {
    if (pos >= msg.size()) return DnsError::kTruncated;
    const std::uint8_t len = msg[pos];
    if ((len & 0xC0) == 0xC0) {
      if (pos + 1 >= msg.size()) return DnsError::kTruncated;
      const std::size_t target = (std::size_t{len & 0x3Fu} << 8) | msg[pos + 1];
      if (!jumped) offset = pos + 2;
      jumped = true;
      if (++jumps > kMaxPointerJumps) return DnsError::kPointerLoop;
      if (target >= msg.size()) return DnsError::kTruncated;
      pos = target;
      continue;
    }
    if ((len & 0xC0) != 0) return DnsError::kBadLabel;
    if (len == 0) {
      if (!jumped) offset = pos + 1;
      return DnsError::kNone;
    }
    if (pos + 1 + len > msg.size()) return DnsError::kTruncated;
    wire_len += std::size_t{len} + 1;
    if (wire_len > kMaxNameBytes) return DnsError::kNameTooLong;
    out.labels.emplace_back(reinterpret_cast<const char*>(msg.data() + pos + 1), len);
    pos += std::size_t{len} + 1;
  }
}

std::optional<DnsMessage> parse_dns_message(ByteView msg, DnsError* error) {
  auto fail = [&](DnsError e) -> std::optional<DnsMessage> {
    if (error) *error = e;
    return std::nullopt;
  };
  if (msg.size() < kHeaderSize) return fail(DnsError::kShortHeader);
  DnsMessage m;
  m.id = load_be16(msg.data());
  const std::uint16_t flags = load_be16(msg.data() + 2);
  m.response = (flags & 0x8000) != 0;
  m.opcode = static_cast<std::uint8_t>((flags >> 11) & 0x0F);
  m.rcode = static_cast<std::uint8_t>(flags & 0x0F);
  const std::uint16_t qdcount = load_be16(msg.data() + 4);
  m.answer_count = load_be16(msg.data() + 6);
  const std::uint32_t rr_count =
      std::uint32_t{m.answer_count} + load_be16(msg.data() + 8) + load_be16(msg.data() + 10);
  std::size_t offset = kHeaderSize;
  for (std::uint32_t i = 0; i < qdcount; ++i) {
    DnsQuestion q;
    if (const DnsError e = read_dns_name(msg, offset, q.name); e != DnsError::kNone) return fail(e);
    if (offset + 4 > msg.size()) return fail(DnsError::kTruncated);
    q.type = load_be16(msg.data() + offset);
    q.klass = load_be16(msg.data() + offset + 2);
    offset += 4;
    m.questions.push_back(std::move(q));
  }
  // Walk the records so that a damaged message is counted as such; their content is not
  // used (requests are what leaves the organisation).
  // A damaged record section still returns the questions, with the error set.
  if (error) *error = DnsError::kNone;
  DnsName scratch;
  for (std::uint32_t i = 0; i < rr_count; ++i) {
    DnsError e = read_dns_name(msg, offset, scratch);
    if (e == DnsError::kNone && offset + 10 > msg.size()) e = DnsError::kTruncated;
    if (e == DnsError::kNone) {
      const std::uint16_t rdlength = load_be16(msg.data() + offset + 8);
      offset += 10;
      if (offset + rdlength > msg.size()) e = DnsError::kTruncated;
      offset += rdlength;
    }
    if (e != DnsError::kNone) {
      if (error) *error = e;
      break;
    }
  }
  return m;
}

std::string dns_rrtype_name(std::uint16_t type) {
  switch (type) {
    case 1:
      return "A";
    case 2:
      return "NS";
    case 3:
      return "MD";
    case 4:
      return "MF";
    case 5:
      return "CNAME";
    case 6:
      return "SOA";
    case 7:
      return "MB";
    case 8:
      return "MG";
    case 9:
      return "MR";
    case 10:
      return "NULL";
    case 11:
      return "WKS";
    case 12:
      return "PTR";
    case 13:
      return "HINFO";
    case 14:
      return "MINFO";
    case 15:
      return "MX";
    case 16:
      return "TXT";
    case 17:
      return "RP";
    case 18:
      return "AFSDB";
    case 19:
      return "X25";
    case 20:
      return "ISDN";
    case 21:
      return "RT";
    case 22:
      return "NSAP";
    case 23:
      return "NSAPPTR";
    case 24:
      return "SIG";
    case 25:
      return "KEY";
    case 26:
      return "PX";
    case 27:
      return "GPOS";
    case 28:
      return "AAAA";
    case 29:
      return "LOC";
    case 30:
      return "NXT";
    case 33:
      return "SRV";
    case 34:
      return "ATMA";
    case 35:
      return "NAPTR";
    case 36:
      return "KX";
    case 37:
      return "CERT";
    case 38:
      return "A6";
    case 39:
      return "DNAME";
    case 41:
      return "OPT";
    case 42:
      return "APL";
    case 43:
      return "DS";
    case 44:
      return "SSHFP";
    case 45:
      return "IPSECKEY";
    case 46:
      return "RRSIG";
    case 47:
      return "NSEC";
    case 48:
      return "DNSKEY";
    case 49:
      return "DHCID";
    case 50:
      return "NSEC3";
    case 51:
      return "NSEC3PARAM";
    case 52:
      return "TLSA";
    case 55:
      return "HIP";
    case 59:
      return "CDS";
    case 60:
      return "CDNSKEY";
    case 61:
      return "OPENPGPKEY";
    case 64:
      return "SVCB";
    case 65:
      return "HTTPS";
    case 99:
      return "SPF";
    case 249:
      return "TKEY";
    case 250:
      return "TSIG";
    case 251:
      return "IXFR";
    case 252:
      return "AXFR";
    case 253:
      return "MAILB";
    case 254:
      return "MAILA";
    case 255:
      return "ANY";
    case 256:
      return "URI";
    case 257:
      return "CAA";
    default:
      return std::to_string(type);
  }
}

std::string dns_name_for_eve(const DnsName& name) {
  if (name.labels.empty()) return "<root>";
  std::string out;
  for (const char c : name.dotted()) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7F) {
      out.push_back(c);
    } else {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", b);
      out += buf;
    }
  }
  return out;
}

}  // namespace korgoo::app
