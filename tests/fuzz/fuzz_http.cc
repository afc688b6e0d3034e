// libFuzzer harness: the dispatcher (protocol probes) and the HTTP decoder, with detection of
// what they hand on. Input layout: see fuzz_app_layer() in http_entry_points.h. Built by
// tests/fuzz/CMakeLists.txt (libFuzzer with -DKORGOO_FUZZ=ON, else the replay driver).
#include <cstddef>
#include <cstdint>

#include "fuzz/http_entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  korgoo::app::fuzz_app_layer(korgoo::ByteView(data, size));
  return 0;
}
