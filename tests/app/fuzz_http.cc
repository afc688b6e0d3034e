// libFuzzer harness for the dispatcher and the HTTP decoder (not built by default):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isensor \
//     tests/app/fuzz_http.cc sensor/app/*.cc sensor/common/*.cc -lz -o fuzz_http
//   ./fuzz_http corpus/
// Input layout: see fuzz_app_layer() in sensor/app/fuzz_http.h.
#include <cstddef>
#include <cstdint>

#include "app/fuzz_http.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  korgoo::app::fuzz_app_layer(korgoo::ByteView(data, size));
  return 0;
}
