#include "config/content_paths.h"

#include <algorithm>
#include <map>

namespace korgoo::config {

namespace fs = std::filesystem;

namespace {

bool is_content_file(const fs::path& p) {
  return p.extension() == ".yaml" || p.extension() == ".yml";
}

std::vector<fs::path> yaml_files_of(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && is_content_file(e.path())) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<fs::path> resolve_content(const std::vector<std::string>& configured,
                                      const fs::path& config_dir, const fs::path& data_dir,
                                      const std::string& kind) {
  std::vector<fs::path> resolved;
  std::error_code ec;
  for (const auto& p : configured) {
    const fs::path path(p);
    if (path.is_absolute()) {
      resolved.push_back(path);
    } else if (fs::exists(config_dir / path, ec)) {
      resolved.push_back(config_dir / path);
    } else {
      resolved.push_back(data_dir / path);  // missing there too: the loader names it
    }
  }
  const fs::path overrides = config_dir / (kind + ".d");
  if (!fs::is_directory(overrides, ec)) return resolved;

  // Overrides work by file name, so the shipped folders are expanded into their files.
  std::vector<fs::path> files;
  for (const auto& p : resolved) {
    if (fs::is_directory(p, ec)) {
      for (auto& f : yaml_files_of(p)) files.push_back(std::move(f));
    } else {
      files.push_back(p);
    }
  }
  for (const auto& o : yaml_files_of(overrides)) {
    const bool empty = fs::file_size(o, ec) == 0;
    auto same = std::find_if(files.begin(), files.end(),
                             [&](const fs::path& f) { return f.filename() == o.filename(); });
    if (same != files.end()) {
      if (empty)
        files.erase(same);
      else
        *same = o;
    } else if (!empty) {
      files.push_back(o);
    }
  }
  return files;
}

}  // namespace korgoo::config
