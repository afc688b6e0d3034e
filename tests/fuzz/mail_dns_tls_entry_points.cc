#include "fuzz/mail_dns_tls_entry_points.h"

#include <algorithm>

#include "app/decoders.h"
#include "app/mime/mime_parser.h"
#include "fuzz/null_sink.h"

namespace korgoo::app {

namespace {

class NullMimeEvents final : public MimeEvents {
 public:
  void on_mime_headers(std::string_view) override {}
  void on_message_headers(const MimeMessageHeaders&) override {}
  void on_part_begin(const MimePartInfo&) override {}
  void on_part_data(std::string_view) override {}
  void on_part_end(const MimePartInfo&, std::uint64_t, bool) override {}
};

// Everything a decoder needs, owned in one place for the duration of one fuzz input.
struct Harness {
  NullSink sink;
  AppMetadata meta;
  AppStats stats;
  ExpectationTable expectations;
  AppLimits limits;
  AppContext ctx{sink, meta, stats, expectations, limits, 0, {}, {}, 0, 0, {}};
};

// Feeds the two directions alternately in chunks whose sizes come from the data itself, so
// one input explores many segmentations.
void interleave(ProtocolDecoder& d, ByteView client, ByteView server) {
  std::size_t step = 1;
  while (!client.empty() || !server.empty()) {
    const std::size_t c = std::min(step, client.size());
    if (c > 0) d.on_data(Direction::kToServer, client.first(c));
    client = client.subspan(c);
    const std::size_t s = std::min(step, server.size());
    if (s > 0) d.on_data(Direction::kToClient, server.first(s));
    server = server.subspan(s);
    step = step * 3 % 97 + 1;
  }
  d.on_end(Direction::kToServer);
  d.on_end(Direction::kToClient);
}

}  // namespace

void fuzz_smtp(ByteView client, ByteView server) {
  Harness h;
  auto d = make_smtp_decoder(h.ctx);
  interleave(*d, client, server);
}

void fuzz_mime(ByteView message) {
  NullMimeEvents events;
  MimeParser parser(events, 8, 64 * 1024);
  parser.feed(message);
  parser.finish();
}

void fuzz_ftp(ByteView client, ByteView server) {
  Harness h;
  auto d = make_ftp_decoder(h.ctx);
  interleave(*d, client, server);
  Expectation e;
  e.command = std::string("STOR");
  e.file_name = std::string("f");
  auto data = make_ftp_data_decoder(h.ctx, e);
  interleave(*data, client, server);
}

void fuzz_dns(ByteView data) {
  {
    Harness h;
    auto d = make_dns_decoder(h.ctx, false);
    d->on_data(Direction::kToServer, data);
    d->on_data(Direction::kToClient, data);
    d->on_end(Direction::kToServer);
  }
  Harness h;
  auto d = make_dns_decoder(h.ctx, true);
  interleave(*d, data, data);
}

void fuzz_tls(ByteView data) {
  Harness h;
  auto d = make_tls_decoder(h.ctx);
  interleave(*d, data, data);
}

}  // namespace korgoo::app
