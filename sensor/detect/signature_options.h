// Judgement calls of a validator that an operator may change per signature (signatures/*.yaml
// `options:`). Each default is the documented one (signatures/README.md "Options"); an option
// that the signature's validator does not read is an error at load time, naming file:line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace YAML {
class Node;
}

namespace korgoo::detect {

// When a 13-digit number with a Visa prefix counts as a card: EAN-13 barcodes (GS1 460-469
// Russia, 470 Kyrgyzstan, 487 Kazakhstan) have the same shape and ~1 in 10 pass Luhn.
enum class Visa13 : std::uint8_t { kOff, kContext, kAlways };

struct SignatureOptions {
  // payment_card
  Visa13 visa13 = Visa13::kContext;
  // phone: which libphonenumber types and regions are personal numbers.
  bool fixed_line = true;  // KG/KZ landlines (a person's home phone in a form)
  bool voip = true;
  bool russia = false;  // +7 numbers of Russia (KZ shares +7)
  // kg_pin (and the PIN inside an MRZ): the plausible birth-year window. A birth date after
  // the time of the traffic is never plausible; older than max_age years neither.
  int min_birth_year = 1900;
  int max_age = 125;
};

// Reads `options:` of a signature whose validator is `validator` into `out`; throws
// SignatureError "file:line: ..." for an unknown option or a bad value.
void read_signature_options(const YAML::Node& node, std::string_view validator,
                            const std::string& file, SignatureOptions& out);

}  // namespace korgoo::detect
