// Sizes as operators write them in the configuration: "65536", "64kb", "16 MB" (powers of 1024).
#pragma once

#include <cstdint>
#include <string_view>

namespace korgoo::yaml {

// Parses "64mb" style sizes; false when malformed or too large for 64 bits.
bool parse_byte_size(std::string_view text, std::uint64_t& out);

}  // namespace korgoo::yaml
