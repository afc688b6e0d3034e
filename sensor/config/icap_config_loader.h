// The `icap:` section of the configuration (icap/icap_config.h says what each key does) and
// the [ADDR:]PORT syntax shared with --icap.
#pragma once

#include <filesystem>
#include <string_view>

#include "icap/icap_config.h"
#include "yaml/reader.h"

namespace korgoo::config {

// `base`: the configuration file's folder; block page templates are relative to it.
void load_icap(const yaml::Reader& r, icap::IcapConfig& c, const std::filesystem::path& base);

// "1344", "127.0.0.1:1344", "[::1]:1344" into c.address and c.port; throws ConfigError.
void parse_icap_listen(std::string_view text, icap::IcapConfig& c);

}  // namespace korgoo::config
