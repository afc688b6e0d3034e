// Runs the korgoo binary the way a user does and reads back what it wrote.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace korgoo::e2e {

namespace fs = std::filesystem;

struct SensorRun {
  int exit_code = -1;
  std::string stdout_text;
  std::vector<std::string> eve_lines;
  std::string eve_text;
};

inline std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// `args` are appended to `korgoo -l OUTDIR`; `outdir` is created fresh. `cwd`: where it runs
// (relative paths in `args` are relative to it; EVE pcap_filename names the file as given).
inline SensorRun run_korgoo(const std::string& args, const fs::path& outdir,
                            const fs::path& cwd = {}) {
  fs::remove_all(outdir);
  fs::create_directories(outdir);
  const fs::path out_file = outdir / "stdout.txt";
  const std::string cd = cwd.empty() ? "" : "cd " + shell_quote(cwd.string()) + " && ";
  const std::string cmd = cd + shell_quote(KORGOO_BINARY) + " -l " + shell_quote(outdir.string()) +
                          " " + args + " > " + shell_quote(out_file.string()) + " 2>&1";
  SensorRun run;
  const int rc = std::system(cmd.c_str());
  run.exit_code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  run.stdout_text = read_text(out_file);
  run.eve_text = read_text(outdir / "eve.json");
  std::istringstream lines(run.eve_text);
  for (std::string line; std::getline(lines, line);) run.eve_lines.push_back(line);
  return run;
}

inline fs::path source_dir() {
  return KORGOO_SOURCE_DIR;
}
inline fs::path shared_dir() {
  return KORGOO_SHARED_DIR;
}
// Per process too: two test runs on one machine (two checkouts) must not share a folder.
inline fs::path scratch_dir(const std::string& name) {
  return fs::temp_directory_path() / ("korgoo-test-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace korgoo::e2e
