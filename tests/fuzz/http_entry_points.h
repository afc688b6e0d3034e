// Entry points for fuzzing the HTTP decoder and the dispatcher: whole flows in, everything
// decoded into a sink that discards it. Deterministic (same input, same calls), so a crash
// found by a fuzzer replays under a debugger. The libFuzzer harness is tests/fuzz/fuzz_http.cc.
// Test code, not linked into the sensor.
#pragma once

#include "common/bytes.h"

namespace korgoo::app {

// One HTTP flow: the client's and the server's bytes, fed alternately in pieces whose sizes
// come from `cuts` (empty: whole), then both ends.
void fuzz_http(ByteView to_server, ByteView to_client, ByteView cuts = {});

// One input split into the two directions and the piece sizes, for a fuzzer's single buffer:
// [2 bytes: client length][1 byte: piece size, 0 = whole][client bytes][server bytes].
// Goes through the dispatcher (AppLayer) on a non-HTTP port, so detection is fuzzed too.
void fuzz_app_layer(ByteView input);

}  // namespace korgoo::app
