#include "engine/open_output.h"

#include <chrono>
#include <stdexcept>

#include "output/eve_writer.h"

namespace korgoo::engine {

namespace {

std::unique_ptr<output::RecordOutput> open_eve_file(const config::OutputConfig& c,
                                                    const std::filesystem::path& log_dir) {
  output::EveFileOptions opt;
  opt.mode = c.file_mode;
  opt.flush_interval = std::chrono::seconds(c.flush_interval);
  return std::make_unique<output::EveWriter>(log_dir / c.eve_filename, opt);
}

struct OutputKind {
  std::string_view name;
  std::unique_ptr<output::RecordOutput> (*open)(const config::OutputConfig&,
                                                const std::filesystem::path&);
};

// One line per output.
constexpr OutputKind kOutputs[] = {
    {kEveOutput, open_eve_file},  // output/eve_writer
};

}  // namespace

std::unique_ptr<output::RecordOutput> open_output(std::string_view kind,
                                                  const config::OutputConfig& config,
                                                  const std::filesystem::path& log_dir) {
  for (const auto& k : kOutputs)
    if (k.name == kind) return k.open(config, log_dir);
  throw std::invalid_argument("unknown output '" + std::string(kind) + "'");
}

std::vector<std::string> output_kinds() {
  std::vector<std::string> out;
  for (const auto& k : kOutputs) out.emplace_back(k.name);
  return out;
}

}  // namespace korgoo::engine
