// Every protocol decoder the app stage knows: a factory that makes one for a flow and a probe
// that recognises the protocol from the first bytes of one direction. The dispatcher
// (AppLayer) is the only caller; each decoder's files implement their own pair.
#pragma once

#include <memory>

#include "app/expectations.h"
#include "app/probe.h"
#include "app/protocol_decoder.h"
#include "common/bytes.h"
#include "common/direction.h"

namespace korgoo::app {

// Probes look at the first bytes one side sent (`dir` says which side) and must not assume
// more than `data` holds: a short prefix of a valid opening answers kMaybe.
ProbeResult probe_http(Direction dir, ByteView data);
ProbeResult probe_smtp(Direction dir, ByteView data);
ProbeResult probe_ftp(Direction dir, ByteView data);
ProbeResult probe_tls(Direction dir, ByteView data);
ProbeResult probe_dns(Direction dir, ByteView data);
// A TCP-framed DNS message at the start of `data`: a length, then a message it announces.
ProbeResult probe_dns_framed(ByteView data);
// Weaker: any client command. The dispatcher tries these on their protocol's ports only.
ProbeResult probe_smtp_command(Direction dir, ByteView data);
ProbeResult probe_ftp_command(Direction dir, ByteView data);
// PostgreSQL's SSLRequest (pgsql_ssl_request.cc): its decoder hands over to TLS.
ProbeResult probe_pgsql_ssl_request(Direction dir, ByteView data);

std::unique_ptr<ProtocolDecoder> make_http_decoder(AppContext& ctx);
std::unique_ptr<ProtocolDecoder> make_smtp_decoder(AppContext& ctx);
std::unique_ptr<ProtocolDecoder> make_ftp_decoder(AppContext& ctx);
// The data connection of an FTP session, announced by the control flow's `expectation`.
std::unique_ptr<ProtocolDecoder> make_ftp_data_decoder(AppContext& ctx,
                                                       const Expectation& expectation);
// DNS over UDP (one message per datagram) or TCP (two-byte length prefix per message).
std::unique_ptr<ProtocolDecoder> make_dns_decoder(AppContext& ctx, bool over_tcp);
std::unique_ptr<ProtocolDecoder> make_tls_decoder(AppContext& ctx);
std::unique_ptr<ProtocolDecoder> make_pgsql_ssl_request_decoder(AppContext& ctx);

}  // namespace korgoo::app
