#include "ops/data_dir.h"

#include <cstdlib>

namespace korgoo::ops {

namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& file, const fs::path& dir) {
  const auto rel = file.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

DataDir default_data_dir() {
  if (const char* env = std::getenv("KORGOO_DATA_DIR"); env && *env)
    return {env, "environment KORGOO_DATA_DIR"};
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    if (inside(exe, fs::weakly_canonical(KORGOO_BINARY_DIR, ec)))
      return {KORGOO_SOURCE_DIR, "build tree of " + exe.string()};
    const fs::path beside = exe.parent_path().parent_path() / "share" / "korgoo";
    if (fs::is_directory(beside, ec)) return {beside, "beside " + exe.string()};
  }
  return {KORGOO_INSTALL_DATADIR, "install prefix"};
}

}  // namespace korgoo::ops
