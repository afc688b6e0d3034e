#include "app/tls/tls_handshake.h"

namespace korgoo::app {

namespace {

constexpr std::uint16_t kExtServerName = 0;
constexpr std::uint16_t kExtAlpn = 16;
constexpr std::uint16_t kExtSupportedVersions = 43;

// Bounds-checked reading; any short read latches `ok` to false and yields zeros.
class Reader {
 public:
  explicit Reader(ByteView b) : b_(b) {}
  bool ok() const { return ok_; }
  std::size_t left() const { return b_.size() - pos_; }
  std::uint8_t u8() {
    if (!need(1)) return 0;
    return b_[pos_++];
  }
  std::uint16_t u16() {
    if (!need(2)) return 0;
    const std::uint16_t v = load_be16(b_.data() + pos_);
    pos_ += 2;
    return v;
  }
  ByteView bytes(std::size_t n) {
    if (!need(n)) return {};
    const ByteView v = b_.subspan(pos_, n);
    pos_ += n;
    return v;
  }
  // A length-prefixed block (prefix of 1 or 2 bytes).
  ByteView block8() { return bytes(u8()); }
  ByteView block16() { return bytes(u16()); }

 private:
  bool need(std::size_t n) {
    if (!ok_ || left() < n) {
      ok_ = false;
      return false;
    }
    return true;
  }
  ByteView b_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

std::string to_string(ByteView b) {
  return std::string(as_chars(b));
}

bool parse_client_extension(std::uint16_t type, ByteView data, TlsClientHello& out) {
  Reader r(data);
  if (type == kExtServerName) {
    Reader list(r.block16());
    while (list.ok() && list.left() > 0) {
      const std::uint8_t name_type = list.u8();
      const ByteView name = list.block16();
      if (!list.ok()) return false;
      if (name_type == 0 && !out.sni) out.sni = to_string(name);
    }
    return r.ok() && list.ok();
  }
  if (type == kExtAlpn) {
    Reader list(r.block16());
    while (list.ok() && list.left() > 0) {
      const ByteView proto = list.block8();
      if (list.ok()) out.alpn.push_back(to_string(proto));
    }
    return r.ok() && list.ok();
  }
  if (type == kExtSupportedVersions) {
    Reader list(r.block8());
    while (list.ok() && list.left() >= 2) out.supported_versions.push_back(list.u16());
    return r.ok();
  }
  return true;
}

}  // namespace

std::optional<TlsClientHello> parse_tls_client_hello(ByteView body) {
  Reader r(body);
  TlsClientHello out;
  out.legacy_version = r.u16();
  r.bytes(32);  // random
  r.block8();   // session id
  r.block16();  // cipher suites
  r.block8();   // compression methods
  if (!r.ok()) return std::nullopt;
  if (r.left() == 0) return out;  // no extensions (SSLv3-style hello)
  Reader exts(r.block16());
  if (!r.ok()) return std::nullopt;
  while (exts.ok() && exts.left() > 0) {
    const std::uint16_t type = exts.u16();
    const ByteView data = exts.block16();
    if (!exts.ok() || !parse_client_extension(type, data, out)) return std::nullopt;
  }
  if (!exts.ok()) return std::nullopt;
  return out;
}

std::optional<TlsServerHello> parse_tls_server_hello(ByteView body) {
  Reader r(body);
  TlsServerHello out;
  out.legacy_version = r.u16();
  r.bytes(32);  // random
  // TLS 1.3 drafts before 22 sent the real version here and had no session id or
  // compression fields.
  const bool early_draft = (out.legacy_version >> 8) == 0x7F && (out.legacy_version & 0xFF) < 22;
  if (!early_draft) r.block8();  // session id
  r.u16();                       // cipher suite
  if (!early_draft) r.u8();      // compression method
  if (!r.ok()) return std::nullopt;
  if (r.left() == 0) return out;
  Reader exts(r.block16());
  if (!r.ok()) return std::nullopt;
  while (exts.ok() && exts.left() > 0) {
    const std::uint16_t type = exts.u16();
    Reader data(exts.block16());
    if (!exts.ok()) return std::nullopt;
    if (type == kExtSupportedVersions) {
      const std::uint16_t v = data.u16();
      if (data.ok()) out.selected_version = v;
    } else if (type == kExtAlpn) {
      Reader list(data.block16());
      const ByteView proto = list.block8();
      if (list.ok()) out.alpn = to_string(proto);
    }
  }
  if (!exts.ok()) return std::nullopt;
  return out;
}

std::string tls_version_name(std::uint16_t version) {
  switch (version) {
    case 0x0200:
      return "SSLv2";
    case 0x0300:
      return "SSLv3";
    case 0x0301:
      return "TLS 1.0";
    case 0x0302:
      return "TLS 1.1";
    case 0x0303:
      return "TLS 1.2";
    case 0x0304:
      return "TLS 1.3";
    default:
      break;
  }
  if ((version >> 8) == 0x7F) return "TLS 1.3 draft-" + std::to_string(version & 0xFF);
  return "UNDETERMINED";
}

}  // namespace korgoo::app
