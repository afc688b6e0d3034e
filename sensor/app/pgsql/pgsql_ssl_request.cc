// PostgreSQL's STARTTLS: a client that wants TLS opens with an SSLRequest, eight bytes
// (length 8, then the request code 80877103), and the server answers one byte, `S` to go on
// with TLS or `N` to stay in the clear. After an `S` the TLS handshake starts on the same
// connection, so the TLS decoder takes over and the flow is `tls` (as Suricata reports it,
// pgsql-upgrade-tls). The plain PostgreSQL protocol is not decoded: a refused request leaves
// the flow `pgsql`, scanned as raw bytes.
#include <algorithm>
#include <array>
#include <memory>

#include "app/decoders.h"

namespace korgoo::app {

namespace {

constexpr std::array<std::uint8_t, 8> kSslRequest = {0x00, 0x00, 0x00, 0x08,
                                                     0x04, 0xd2, 0x16, 0x2f};
// The first byte of a TLS record carrying a handshake message (the ClientHello).
constexpr std::uint8_t kTlsHandshake = 0x16;

class PgsqlSslRequestDecoder final : public ProtocolDecoder {
 public:
  explicit PgsqlSslRequestDecoder(AppContext& ctx) : ctx_(ctx) {}

  std::string_view app_proto() const override { return "pgsql"; }

  void on_data(Direction dir, ByteView data) override {
    if (tls_) return tls_->on_data(dir, data);
    if (dir == Direction::kToServer) {
      const std::size_t n = std::min(data.size(), kSslRequest.size() - request_seen_);
      request_seen_ += n;
      data = data.subspan(n);
      // A client that goes on with a ClientHello before the answer was seen (the answer was
      // lost or is still in flight) was told `S`.
      if (!data.empty() && !refused_ && data[0] == kTlsHandshake) upgrade();
      if (tls_) tls_->on_data(dir, data);
      return;
    }
    if (answered_ || data.empty()) return;
    answered_ = true;
    if (data[0] != 'S') {
      refused_ = true;  // `N`, or an error message: the session goes on in the clear
      return;
    }
    upgrade();
    tls_->on_data(dir, data.subspan(1));
  }

  void on_gap(Direction dir, std::uint64_t length) override {
    if (tls_) tls_->on_gap(dir, length);
  }

  void on_end(Direction dir) override {
    if (tls_) tls_->on_end(dir);
  }

 private:
  void upgrade() {
    tls_ = make_tls_decoder(ctx_);
    ctx_.meta.app_proto = std::string(tls_->app_proto());
  }

  AppContext& ctx_;
  std::size_t request_seen_ = 0;  // bytes of the SSLRequest consumed
  bool answered_ = false;
  bool refused_ = false;
  std::unique_ptr<ProtocolDecoder> tls_;
};

}  // namespace

ProbeResult probe_pgsql_ssl_request(Direction dir, ByteView data) {
  if (dir != Direction::kToServer) return ProbeResult::kNo;
  const std::size_t n = std::min(data.size(), kSslRequest.size());
  if (!std::equal(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(n), kSslRequest.begin()))
    return ProbeResult::kNo;
  return n == kSslRequest.size() ? ProbeResult::kYes : ProbeResult::kMaybe;
}

std::unique_ptr<ProtocolDecoder> make_pgsql_ssl_request_decoder(AppContext& ctx) {
  return std::make_unique<PgsqlSslRequestDecoder>(ctx);
}

}  // namespace korgoo::app
