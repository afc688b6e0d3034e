// TLS decoder: reads the ClientHello (SNI, ALPN) and the ServerHello (negotiated version) and
// writes one `tls` record per flow. Nothing after the hellos is decoded: it is encrypted, so
// the flow is marked opaque and its bytes are only counted. The SNI is also handed to the
// detector as a kTlsMeta view (a name chosen by the client can itself carry data); encrypted
// records never become content views.
#include <array>
#include <memory>

#include "app/decoders.h"
#include "app/tls/tls_handshake.h"
#include "app/tls/tls_record_reader.h"
#include "app/transfer_text.h"

namespace korgoo::app {

namespace {

class TlsDecoder final : public ProtocolDecoder {
 public:
  explicit TlsDecoder(AppContext& ctx)
      : ctx_(ctx), readers_{TlsFirstMessageReader(ctx.memory), TlsFirstMessageReader(ctx.memory)} {}

  std::string_view app_proto() const override { return "tls"; }

  void on_data(Direction dir, ByteView data) override {
    TlsFirstMessageReader& reader = readers_[index_of(dir)];
    if (reader.state() == TlsFirstMessageReader::State::kReading) {
      const std::size_t used = reader.feed(data);
      data = data.subspan(used);
      if (reader.state() != TlsFirstMessageReader::State::kReading) {
        hello_done(dir, reader);
        reader.release();
      }
    }
    if (ctx_.meta.opaque) ctx_.stats.opaque_bytes += data.size();
  }

  void on_gap(Direction dir, std::uint64_t) override {
    TlsFirstMessageReader& reader = readers_[index_of(dir)];
    if (reader.state() == TlsFirstMessageReader::State::kReading) {
      reader = TlsFirstMessageReader(ctx_.memory);
      // The hello is lost; give up on this direction.
      failed(dir);
    }
  }

  void on_end(Direction) override {
    // A client that never saw a ServerHello still told us whom it wanted to reach.
    if (client_hello_ && !logged_) write_record();
  }

 private:
  void hello_done(Direction dir, const TlsFirstMessageReader& reader) {
    // app.memcap refused the hello's buffer: not a parse error, and not opaque either, so
    // the direction's bytes keep going to the raw view.
    if (reader.refused()) return;
    if (reader.state() == TlsFirstMessageReader::State::kFailed) {
      failed(dir);
      return;
    }
    if (dir == Direction::kToServer) {
      if (reader.message_type() != kTlsClientHello) return failed(dir);
      client_hello_ = parse_tls_client_hello(reader.body());
      if (!client_hello_) return failed(dir);
      ++ctx_.stats.tls.client_hellos;
      if (client_hello_->sni) announce_sni(*client_hello_->sni);
      ctx_.meta.opaque = true;  // the handshake has started: what follows is encrypted
    } else {
      if (reader.message_type() != kTlsServerHello) return failed(dir);
      server_hello_ = parse_tls_server_hello(reader.body());
      if (!server_hello_) return failed(dir);
      ctx_.meta.opaque = true;
      if (!logged_) write_record();
    }
  }

  void failed(Direction) {
    ++ctx_.stats.tls.parse_errors;
    ctx_.meta.opaque = true;  // whatever it is, it was not readable as a TLS handshake
  }

  void announce_sni(const std::string& sni) {
    auto& names = ctx_.meta.server_names;
    bool known = false;
    for (const auto& n : names) known = known || n == sni;
    if (!known && names.size() < 64) names.push_back(sni);
    const ContentView view{1, ContentKind::kTlsMeta};
    ctx_.sink.content(Direction::kToServer, view, as_bytes(sni));
    ctx_.sink.content_end(Direction::kToServer, view);
  }

  void write_record() {
    logged_ = true;
    Json tls = Json::object();
    if (client_hello_ && client_hello_->sni) tls["sni"] = to_valid_utf8(*client_hello_->sni);
    tls["version"] = server_hello_ ? tls_version_name(server_hello_->version()) : "UNDETERMINED";
    if (client_hello_ && !client_hello_->alpn.empty()) {
      Json alpns = Json::array();
      for (const auto& a : client_hello_->alpn) alpns.push_back(to_valid_utf8(a));
      tls["client_alpns"] = std::move(alpns);
    }
    if (server_hello_ && server_hello_->alpn) {
      tls["server_alpns"] = Json::array({to_valid_utf8(*server_hello_->alpn)});
    }
    AppRecord rec;
    rec.event_type = "tls";
    rec.dir = Direction::kToServer;
    rec.body["tls"] = std::move(tls);
    ctx_.sink.record(std::move(rec));
  }

  AppContext& ctx_;
  std::array<TlsFirstMessageReader, 2> readers_;
  std::optional<TlsClientHello> client_hello_;
  std::optional<TlsServerHello> server_hello_;
  bool logged_ = false;
};

}  // namespace

std::unique_ptr<ProtocolDecoder> make_tls_decoder(AppContext& ctx) {
  return std::make_unique<TlsDecoder>(ctx);
}

}  // namespace korgoo::app
