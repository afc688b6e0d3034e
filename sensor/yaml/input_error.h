// The one error type for a mistake in an input file the operator wrote: the configuration, a
// rules or signatures file, a geo database. It is named for what it is about (the input), not
// for one stage, because config, detect and policy all throw it; config::ConfigError,
// detect::SignatureError and policy::GeoError are aliases kept so that their callers and
// `catch` clauses read as before. The place is kept apart from the message so that a caller
// can re-place a value's problem (what a reader does with parse_queue_list's); what() is the
// text `korgoo --test-config` prints: "file:line:col: message", or "file:line: message" where
// the input has no columns worth naming (signatures, geo range files), or "file: message" when
// the file as a whole is the problem (cannot be opened).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include <yaml-cpp/mark.h>

namespace korgoo::yaml {

class InputError : public std::runtime_error {
 public:
  // `line` and `column` are 1-based as printed (a signature file's "line 0" is the file as a
  // whole, kept as the loader has always printed it).
  InputError(std::string file, std::optional<int> line, std::optional<int> column,
             std::string message);
  // A problem whose text is complete as it is: either a value's problem not yet placed in a
  // file (the reader that read the value re-throws it at the value), or one whose place is
  // written in the message already (a rule's origin "file:line:col").
  explicit InputError(std::string text);

  // At a YAML node's mark: line and column when the mark is known, else the file alone.
  static InputError at(std::string file, const YAML::Mark& mark, std::string message);

  const std::string& file() const { return file_; }
  std::optional<int> line() const { return line_; }
  std::optional<int> column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  std::optional<int> line_;
  std::optional<int> column_;
  std::string message_;
};

}  // namespace korgoo::yaml
