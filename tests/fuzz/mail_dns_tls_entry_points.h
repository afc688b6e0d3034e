// Entry points for fuzzers (and for quick experiments): each runs one decoder over the given
// bytes with a throw-away context and discards the output. They must never crash, hang or
// grow memory without bound, whatever the input.
#pragma once

#include "common/bytes.h"

namespace korgoo::app {

// SMTP: `client` and `server` are interleaved in chunks so replies and commands meet in
// varying orders.
void fuzz_smtp(ByteView client, ByteView server);
// A MIME message alone, as SMTP DATA would carry it (already dot-unstuffed).
void fuzz_mime(ByteView message);
// FTP control: the client's commands then the server's replies, interleaved.
void fuzz_ftp(ByteView client, ByteView server);
// One DNS datagram, and the same bytes as a TCP stream.
void fuzz_dns(ByteView data);
// A TLS client stream (and the same bytes as the server's).
void fuzz_tls(ByteView data);

}  // namespace korgoo::app
