#include "cli/logging.h"

#include <fcntl.h>
#include <unistd.h>

#include <vector>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "detect/text_masker.h"
#include "output/masking_log_sink.h"

namespace korgoo::cli {

void create_log_file(const fs::path& file, unsigned mode) {
  const int fd =
      ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd >= 0) ::close(fd);
}

std::shared_ptr<ops::ReopenableFileSink> setup_logging(const Options& o, const fs::path* log_file,
                                                       const std::string& level,
                                                       const engine::Runtime* rt) {
  std::shared_ptr<ops::ReopenableFileSink> reopenable;
  std::vector<spdlog::sink_ptr> sinks;
  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  console->set_level(o.verbose ? spdlog::level::debug : spdlog::level::warn);
  sinks.push_back(console);
  if (log_file) {
    reopenable = std::make_shared<ops::ReopenableFileSink>(log_file->string());
    reopenable->set_level(spdlog::level::from_str(level));
    sinks.push_back(reopenable);
  }
  if (rt && rt->config.output.metadata != detect::Redaction::kClear) {
    auto masker = std::make_shared<detect::TextMasker>(*rt->detect, rt->config.output.metadata);
    for (auto& sink : sinks) {
      auto wrapped = std::make_shared<output::MaskingLogSink>(rt->detect, masker, sink);
      wrapped->set_level(sink->level());
      sink = wrapped;
    }
  }
  auto logger = std::make_shared<spdlog::logger>("korgoo", sinks.begin(), sinks.end());
  logger->set_level(o.verbose ? spdlog::level::debug : spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  return reopenable;
}

}  // namespace korgoo::cli
