// The parsed content of signatures/*.yaml. Loading checks everything that can be checked
// without Hyperscan (keys, values, validator names, duplicate ids); pattern syntax is checked
// when the DetectEngine compiles the database.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "detect/signature.h"

namespace YAML {
class Node;
}

namespace korgoo::detect {

class SignatureSet {
 public:
  // Files or directories (every *.yaml / *.yml, sorted). Throws SignatureError "file:line: ...".
  static SignatureSet load(const std::vector<std::filesystem::path>& paths);
  // One YAML document; `file` names it in errors. For tests and for callers that embed YAML.
  static SignatureSet parse(std::string_view yaml, const std::filesystem::path& file);

  const std::vector<Signature>& signatures() const { return signatures_; }

 private:
  void add_document(std::string_view yaml, const std::filesystem::path& file);
  void add_root(const YAML::Node& root, const std::filesystem::path& file);

  std::vector<Signature> signatures_;
};

}  // namespace korgoo::detect
