// The one place output kinds are registered: which RecordOutput a configured kind opens. An
// output is an implementation of output::RecordOutput in its own folder under sensor/output/
// plus one line in this file's table (open_output.cc); docs/architecture.md says the same.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/korgoo_config.h"
#include "output/record_output.h"

namespace korgoo::engine {

// The output every run writes to today: the EVE file (outputs.eve).
inline constexpr std::string_view kEveOutput = "eve";

// Opens the output of kind `kind` as `config` describes it, its files under `log_dir`.
// Throws std::runtime_error naming the file that cannot be opened, or std::invalid_argument
// for a kind nothing registered.
std::unique_ptr<output::RecordOutput> open_output(std::string_view kind,
                                                  const config::OutputConfig& config,
                                                  const std::filesystem::path& log_dir);

// The registered kinds, in table order.
std::vector<std::string> output_kinds();

}  // namespace korgoo::engine
