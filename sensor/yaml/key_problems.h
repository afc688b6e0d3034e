// yaml-cpp keeps every pair of a mapping but answers a lookup with the first, so a key given
// twice ("memcap: 64mb" ... "memcap: 0") silently loses one of the two; and a key may be a
// list or a mapping ("[]: x", "? {a: 1}"), which every reader would throw on as a bad
// conversion, far from the file's line. Every loader walks the loaded document with this
// before reading it, and refuses the file (Reader::load_file does it for config and policy; the
// signature loader, which parses text it was handed, calls it itself).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "yaml/input_error.h"

#include <yaml-cpp/yaml.h>

namespace korgoo::yaml {

struct KeyProblem {
  std::string path;  // dotted, e.g. "stream.memcap"
  YAML::Mark again;  // the repeat, or the key that is not a scalar
  YAML::Mark first;  // the first occurrence (a repeat)
  bool not_scalar = false;
};

// The first key repeated within one mapping, or that is not a scalar, anywhere in `node`
// (depth-first, in file order).
inline std::optional<KeyProblem> find_key_problem(const YAML::Node& node,
                                                  const std::string& prefix = "") {
  if (node.IsSequence()) {
    for (const auto& item : node)
      if (auto d = find_key_problem(item, prefix)) return d;
    return std::nullopt;
  }
  if (!node.IsMap()) return std::nullopt;
  std::map<std::string, YAML::Mark> seen;
  for (const auto& kv : node) {
    if (!kv.first.IsScalar())
      return KeyProblem{prefix.empty() ? "?" : prefix + ".?", kv.first.Mark(), {}, true};
    const std::string key = kv.first.Scalar();
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    if (auto [it, fresh] = seen.emplace(key, kv.first.Mark()); !fresh)
      return KeyProblem{path, kv.first.Mark(), it->second};
    if (auto d = find_key_problem(kv.second, path)) return d;
  }
  return std::nullopt;
}

// "file:line:col: key 'a.b' given twice (first at line N; ...)", or "...: key 'a.?' is a list
// or a mapping; ...". The same text for every loader, signatures included.
inline InputError key_problem_error(const std::string& file, const KeyProblem& d) {
  const int line = d.again.line + 1;
  const int column = d.again.column + 1;
  if (d.not_scalar)
    return InputError(file, line, column,
                      "key '" + d.path + "' is a list or a mapping; keys must be plain words");
  return InputError(file, line, column,
                    "key '" + d.path + "' given twice (first at line " +
                        std::to_string(d.first.line + 1) + "; YAML would silently keep only one)");
}

}  // namespace korgoo::yaml
