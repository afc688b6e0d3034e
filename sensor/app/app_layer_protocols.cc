// The protocols the dispatcher knows, with the ports that make it try them first.
#include "app/app_layer.h"
#include "app/decoders.h"

namespace korgoo::app {
namespace {

// DNS over TCP prefixes each message with its length; the probe looks past it.
ProbeResult probe_dns_tcp(Direction dir, ByteView data) {
  if (data.size() < 2) return ProbeResult::kMaybe;
  return probe_dns(dir, data.subspan(2));
}

std::unique_ptr<ProtocolDecoder> make_dns_tcp(AppContext& ctx) {
  return make_dns_decoder(ctx, true);
}

std::unique_ptr<ProtocolDecoder> make_dns_udp(AppContext& ctx) {
  return make_dns_decoder(ctx, false);
}

// Order matters where no port hints: HTTP and TLS say yes on the first bytes of the client;
// SMTP and FTP both open with a 220 greeting and are told apart by the client's command.
constexpr ProtocolSpec kTcp[] = {
    {"http", probe_http, make_http_decoder, {80, 8080, 8000, 3128}, false},
    {"tls", probe_tls, make_tls_decoder, {443, 465, 993, 995}, false},
    {"smtp", probe_smtp, make_smtp_decoder, {25, 587, 2525, 0}, false},
    {"ftp", probe_ftp, make_ftp_decoder, {21, 0, 0, 0}, false},
    {"dns", probe_dns_tcp, make_dns_tcp, {53, 5353, 0, 0}, true},
    // Eight fixed bytes: strong enough on any port.
    {"pgsql", probe_pgsql_ssl_request, make_pgsql_ssl_request_decoder, {5432, 0, 0, 0}, false},
    // Sessions picked up without their opening: on these ports only, any client command.
    // After the probes above, so that a greeting or an opening command decides first.
    {"smtp", probe_smtp_command, make_smtp_decoder, {25, 587, 2525, 0}, true},
    {"ftp", probe_ftp_command, make_ftp_decoder, {21, 0, 0, 0}, true},
};

constexpr ProtocolSpec kUdp[] = {
    {"dns", probe_dns, make_dns_udp, {53, 5353, 0, 0}, true},
};

}  // namespace

std::span<const ProtocolSpec> tcp_protocols() {
  return kTcp;
}
std::span<const ProtocolSpec> udp_protocols() {
  return kUdp;
}

}  // namespace korgoo::app
