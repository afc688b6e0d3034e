// libFuzzer harness: the korgoo.yaml loader (every section, the policy section included).
// Any input must load or fail with a ConfigError ("file:line:col: ..."); any other exception,
// a crash or a hang is a finding.
#include <cstddef>
#include <cstdint>

#include "config/korgoo_config.h"
#include "fuzz/temp_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static korgoo::fuzz::TempFile file(".yaml");
  try {
    korgoo::config::load_config(file.write(data, size), KORGOO_SOURCE_DIR);
  } catch (const korgoo::config::ConfigError&) {
  }
  return 0;
}
