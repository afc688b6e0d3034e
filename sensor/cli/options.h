// The command line of korgoo: what it asks for, parsed, and the settings it overrides in the
// configuration file.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "config/korgoo_config.h"

namespace korgoo::cli {

namespace fs = std::filesystem;

struct Options {
  std::optional<fs::path> config;
  std::optional<fs::path> read;
  std::optional<std::string> iface;
  std::optional<std::string> queues;
  std::optional<std::string> icap;  // --icap [ADDR:]PORT
  std::optional<std::string> bpf;
  fs::path log_dir = ".";
  bool test_config = false;
  bool list_signatures = false;
  bool verbose = false;
  bool each_file = false;
  std::vector<std::string> scan_files;
  bool scan = false;
  bool dump_config = false;
  std::optional<std::string> user, group, control, pid_file;
  std::optional<unsigned> workers;
};

// Parses argv into `o`. Returns -1 to go on, or the exit status (usage printed, --version).
int parse_options(int argc, char** argv, Options& o);
// The usage text.
void print_usage(std::ostream& out);
// Command-line settings that override the file; applied again on every reload.
void apply_overrides(const Options& o, config::Config& c);

}  // namespace korgoo::cli
