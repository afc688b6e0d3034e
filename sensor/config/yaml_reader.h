// Typed, strict reading of one YAML mapping: unknown keys and bad values become ConfigErrors
// that name the file, line and key, so that `--test-config` can point at the mistake.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "common/cidr_set.h"
#include "config/config_error.h"

namespace korgoo::config {

class YamlReader {
 public:
  // `node` must be a mapping (or null, read as empty); `file` is used in messages.
  YamlReader(YAML::Node node, std::string file, std::string path = "");

  // Loads and parses a whole file; syntax errors become ConfigErrors with line and column.
  static YAML::Node load_file(const std::filesystem::path& file);

  // Throws on any key not in `allowed`.
  void allow_only(std::initializer_list<std::string_view> allowed) const;
  bool has(const std::string& key) const;

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
  std::vector<std::string> strings(const std::string& key,
                                   const std::vector<std::string>& fallback) const;
  CidrSet cidrs(const std::string& key, const CidrSet& fallback) const;
  // A list of UDP/TCP ports (1-65535), or one port; an empty list is allowed (none).
  std::vector<std::uint16_t> ports(const std::string& key,
                                   const std::vector<std::uint16_t>& fallback) const;
  // One of `choices`.
  std::string choice(const std::string& key, const std::string& fallback,
                     std::initializer_list<std::string_view> choices) const;

  // A nested mapping (empty when absent).
  YamlReader section(const std::string& key) const;
  const YAML::Node& node() const { return node_; }
  const std::string& file() const { return file_; }

  // "file:line:col: key 'path.key': what"
  [[noreturn]] void fail(const YAML::Node& at, const std::string& key,
                         const std::string& what) const;

 private:
  std::optional<YAML::Node> value(const std::string& key) const;
  std::string qualified(const std::string& key) const;

  YAML::Node node_;
  std::string file_;
  std::string path_;
};

// Parses "64mb" style sizes; false when malformed.
bool parse_byte_size(std::string_view text, std::uint64_t& out);

}  // namespace korgoo::config
