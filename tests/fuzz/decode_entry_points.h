// The fuzz entry point of the packet decoder: one frame through a fresh Decoder. The
// libFuzzer harness is tests/fuzz/fuzz_decode.cc; the decode stage's truncation tests use it
// too. Test code, not linked into the sensor.
#pragma once

#include "common/bytes.h"
#include "source/packet.h"

namespace korgoo::decode {

void fuzz_decode(ByteView data, source::LinkType link);

}  // namespace korgoo::decode
