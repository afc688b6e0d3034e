#include "yaml/input_error.h"

#include <utility>

#include <fmt/format.h>

namespace korgoo::yaml {
namespace {

std::string format(const std::string& file, std::optional<int> line, std::optional<int> column,
                   const std::string& message) {
  if (line && column) return fmt::format("{}:{}:{}: {}", file, *line, *column, message);
  if (line) return fmt::format("{}:{}: {}", file, *line, message);
  return fmt::format("{}: {}", file, message);
}

}  // namespace

InputError::InputError(std::string file, std::optional<int> line, std::optional<int> column,
                       std::string message)
    : std::runtime_error(format(file, line, column, message)),
      file_(std::move(file)),
      line_(line),
      column_(line ? column : std::nullopt),
      message_(std::move(message)) {}

InputError::InputError(std::string text) : std::runtime_error(text), message_(std::move(text)) {}

InputError InputError::at(std::string file, const YAML::Mark& mark, std::string message) {
  if (mark.line < 0) return InputError(std::move(file), std::nullopt, std::nullopt, message);
  return InputError(std::move(file), mark.line + 1, mark.column + 1, std::move(message));
}

}  // namespace korgoo::yaml
