// libFuzzer harness: the policy rule loader (rules/*.yaml), read from a file as the sensor
// reads it. Any input must load or fail with a ConfigError.
#include <cstddef>
#include <cstdint>

#include "config/config_error.h"
#include "fuzz/temp_file.h"
#include "policy/rule_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static korgoo::fuzz::TempFile file(".yaml");
  static const korgoo::policy::RuleLoader loader([] {
    korgoo::policy::RuleLoadOptions o;
    for (const char* t : {"email", "phone", "kg_pin", "payment_card", "iban", "special.health"})
      o.known_types.push_back(t);
    return o;
  }());
  try {
    loader.load_file(file.write(data, size).string());
  } catch (const korgoo::config::ConfigError&) {
  }
  return 0;
}
