// Typed, strict reading of one YAML mapping: unknown keys and bad values become InputErrors
// that name the file, line, column and dotted key, so that `--test-config` can point at the
// mistake. The configuration and the policy's rules and settings files are read with it (the
// signature loader walks its files itself, with yaml/scalar.h's values and the same error).
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "common/cidr_set.h"
#include "yaml/input_error.h"

namespace korgoo::yaml {

class Reader {
 public:
  // `node` must be a mapping (or null/absent, read as empty); `file` is used in messages and
  // `path` is the dotted key the mapping sits under ("" at the top).
  Reader(YAML::Node node, std::string file, std::string path = "");

  // Loads and parses a whole file; syntax errors, repeated keys and keys that are not plain
  // words become InputErrors with line and column.
  static YAML::Node load_file(const std::filesystem::path& file);

  // Throws on any key not in `allowed`.
  void allow_only(std::initializer_list<std::string_view> allowed) const;
  bool has(const std::string& key) const;
  // The value under `key`; none when absent or given with no value ("bpf:" takes the default).
  std::optional<YAML::Node> value(const std::string& key) const;

  std::string string(const std::string& key, const std::string& fallback) const;
  bool boolean(const std::string& key, bool fallback) const;
  std::int64_t integer(const std::string& key, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) const;
  // Byte sizes: a number, or a number with kb/mb/gb (powers of 1024), e.g. "64mb".
  std::uint64_t bytes(const std::string& key, std::uint64_t fallback) const;
  // A cap that must not be 0, because 0 would blind the sensor; `what_zero_does` says how, in
  // the error ("turns off all out-of-order buffering").
  std::uint64_t nonzero_bytes(const std::string& key, std::uint64_t fallback,
                              const std::string& what_zero_does) const;
  // A list of strings, or one string.
  std::vector<std::string> strings(const std::string& key,
                                   const std::vector<std::string>& fallback) const;
  // A list of CIDR prefixes (a list, even of one).
  CidrSet cidrs(const std::string& key, const CidrSet& fallback) const;
  // A list of UDP/TCP ports (1-65535), or one port; an empty list is allowed (none).
  std::vector<std::uint16_t> ports(const std::string& key,
                                   const std::vector<std::uint16_t>& fallback) const;
  // One of `choices`.
  std::string choice(const std::string& key, const std::string& fallback,
                     std::initializer_list<std::string_view> choices) const;
  // A list of scalars (a lone scalar counts as a list of one) with each item's node, for
  // values whose every item is checked on its own line (countries, host patterns); empty when
  // absent.
  std::vector<std::pair<std::string, YAML::Node>> scalars(const std::string& key) const;

  // A nested mapping (empty when absent).
  Reader section(const std::string& key) const;
  // Item `index` of `list` (the list under `key`), which must be a mapping, named "key[index]".
  Reader item(const YAML::Node& list, const std::string& key, std::size_t index) const;

  const YAML::Node& node() const { return node_; }
  const std::string& file() const { return file_; }
  // "path.key", the key as messages name it.
  std::string qualified(const std::string& key) const;

  // "file:line:col: key 'path.key': what", at `at` (or at this mapping when `at` is null).
  [[noreturn]] void fail(const YAML::Node& at, const std::string& key,
                         const std::string& what) const;

 private:
  // The items of list `v`, or a lone scalar as a list of one; fails with `not_a_list` when `v`
  // is a mapping.
  std::vector<YAML::Node> items(const YAML::Node& v, const std::string& key,
                                const std::string& not_a_list) const;

  YAML::Node node_;
  std::string file_;
  std::string path_;
};

}  // namespace korgoo::yaml
