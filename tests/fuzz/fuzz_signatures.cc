// libFuzzer harness: the signature file parser (signatures/*.yaml). Any input must parse or
// fail with a SignatureError ("file:line: ..."). Compiling to Hyperscan is left out: it is
// slow and takes only what parsing accepted.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detect/signature_error.h"
#include "detect/signature_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    korgoo::detect::SignatureSet::parse(std::string_view(reinterpret_cast<const char*>(data), size),
                                        "fuzz.yaml");
  } catch (const korgoo::detect::SignatureError&) {
  }
  return 0;
}
