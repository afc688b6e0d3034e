#include "engine/each_file_names.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace korgoo::engine {

namespace fs = std::filesystem;

namespace {

// Compared case-folded: the output folder may be on a file system that ignores case even when
// the input folder does not.
std::string fold(const fs::path& p) {
  std::string s = p.lexically_normal().string();
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Where a path really is, so that "-r dir -l dir/." still finds the input among the outputs.
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : abs;
}

}  // namespace

std::string each_file_eve_name(const fs::path& capture) {
  return capture.filename().string() + ".json";
}

EachFilePlan plan_each_file(const std::vector<fs::path>& captures, const fs::path& log_dir) {
  EachFilePlan plan;
  std::map<std::string, std::string> taken;  // folded output path -> what claimed it
  const fs::path out_dir = resolved(log_dir);
  for (const char* own : {"eve.json", "korgoo.log"})
    taken.emplace(fold(out_dir / own), std::string("the sensor's own ") + own);
  for (const auto& c : captures)
    taken.emplace(fold(resolved(c)), c.string());  // never overwrite input
  for (const auto& c : captures) {
    const fs::path eve = log_dir / each_file_eve_name(c);
    const auto [it, fresh] = taken.emplace(fold(out_dir / each_file_eve_name(c)), c.string());
    if (!fresh)
      plan.errors.push_back("--each-file: " + c.string() + " and " + it->second +
                            " would both be written to " + eve.string());
    plan.runs.push_back({c, eve});
  }
  return plan;
}

}  // namespace korgoo::engine
