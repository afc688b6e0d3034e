// The operational log (korgoo.log and stderr), masked like EVE metadata once the signatures
// are loaded.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "cli/options.h"
#include "engine/runtime.h"
#include "ops/service_run.h"

namespace korgoo::cli {

// The log is appended to (a restart keeps what an earlier run said, a failed start included)
// and created with the EVE file's permissions.
void create_log_file(const fs::path& file, unsigned mode);
// stderr (warnings, or everything with -v) and, with `log_file`, the file at `level`; `rt`:
// identifiers in log lines are masked as its signatures find them.
std::shared_ptr<ops::ReopenableFileSink> setup_logging(const Options& o, const fs::path* log_file,
                                                       const std::string& level,
                                                       const engine::Runtime* rt = nullptr);

}  // namespace korgoo::cli
