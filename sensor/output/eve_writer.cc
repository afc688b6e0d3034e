#include "output/eve_writer.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace korgoo::output {

EveWriter::EveWriter(const std::filesystem::path& path) : owned_(true), path_(path) {
  file_ = std::fopen(path.c_str(), "w");
  if (!file_) throw std::runtime_error(path.string() + ": cannot write: " + std::strerror(errno));
}

EveWriter::EveWriter(std::FILE* stream) : file_(stream), owned_(false), path_("-") {}

EveWriter::~EveWriter() {
  if (!file_) return;
  std::fflush(file_);
  if (owned_) std::fclose(file_);
}

void EveWriter::write(const Json& record) {
  // Invalid UTF-8 from the wire is replaced, never allowed to throw away a record.
  line_ = record.dump(-1, ' ', false, Json::error_handler_t::replace);
  line_ += '\n';
  std::fwrite(line_.data(), 1, line_.size(), file_);
  ++records_;
  if (auto it = record.find("event_type"); it != record.end() && it->is_string())
    ++by_type_[it->get<std::string>()];
}

void EveWriter::flush() {
  std::fflush(file_);
}

std::string EveWriter::reopen() {
  if (!owned_) return "";
  std::FILE* next = std::fopen(path_.c_str(), "a");
  if (!next) return path_.string() + ": cannot reopen: " + std::strerror(errno);
  std::fflush(file_);
  std::fclose(file_);
  file_ = next;
  return "";
}

}  // namespace korgoo::output
