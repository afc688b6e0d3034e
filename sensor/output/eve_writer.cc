#include "output/eve_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace korgoo::output {
namespace {
// Buffered bytes that force a write before the interval is up.
constexpr std::size_t kMaxPending = 256 * 1024;
}  // namespace

EveWriter::EveWriter(const std::filesystem::path& path, const EveFileOptions& options)
    : path_(path), options_(options) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
               static_cast<mode_t>(options.mode));
  if (fd_ < 0)
    throw std::runtime_error(path.string() + ": cannot open for append: " + std::strerror(errno));
}

EveWriter::EveWriter(std::FILE* stream) : stream_(stream), path_("-") {
  options_.flush_interval = std::chrono::milliseconds(0);
}

EveWriter::~EveWriter() {
  close();
}

void EveWriter::close() {
  std::lock_guard lock(mutex_);
  flush_locked();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void EveWriter::write(const Json& record) {
  const std::string line = serialize(record);  // outside the lock: the costly part
  const auto it = record.find("event_type");
  write_serialized(it != record.end() && it->is_string() ? it->get_ref<const std::string&>()
                                                         : std::string_view{},
                   line);
}

void EveWriter::write_serialized(std::string_view event_type, std::string_view line) {
  std::lock_guard lock(mutex_);
  if (pending_.empty()) oldest_pending_ = std::chrono::steady_clock::now();
  pending_ += line;
  pending_ += '\n';
  ++pending_records_;
  ++records_;
  if (!event_type.empty()) {
    auto at = by_type_.find(event_type);
    if (at == by_type_.end()) at = by_type_.emplace(std::string(event_type), 0).first;
    ++at->second;
  }
  if (options_.flush_interval.count() == 0 || pending_.size() >= kMaxPending ||
      std::chrono::steady_clock::now() - oldest_pending_ >= options_.flush_interval)
    flush_locked();
}

std::string EveWriter::reopen() {
  std::lock_guard lock(mutex_);
  if (fd_ < 0) return "";
  flush_locked();
  const int next = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
                          static_cast<mode_t>(options_.mode));
  if (next < 0) return path_.string() + ": cannot reopen: " + std::strerror(errno);
  ::close(fd_);
  fd_ = next;
  return "";
}

void EveWriter::flush_if_due() {
  std::lock_guard lock(mutex_);
  if (!pending_.empty() &&
      std::chrono::steady_clock::now() - oldest_pending_ >= options_.flush_interval)
    flush_locked();
}

bool EveWriter::flush() {
  std::lock_guard lock(mutex_);
  return flush_locked();
}

bool EveWriter::flush_locked() {
  if (pending_.empty()) return true;
  if (stream_) {
    std::fwrite(pending_.data(), 1, pending_.size(), stream_);
    std::fflush(stream_);
    pending_.clear();
    pending_records_ = 0;
    return true;
  }
  const off_t before = ::lseek(fd_, 0, SEEK_END);
  std::size_t done = 0;
  int err = 0;
  while (done < pending_.size()) {
    const ssize_t n = ::write(fd_, pending_.data() + done, pending_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      err = n < 0 ? errno : ENOSPC;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (err == 0) {
    pending_.clear();
    pending_records_ = 0;
    return true;
  }
  // Keep whole records only: cut the file back to the last newline that was written.
  const std::size_t whole = done == 0 ? 0 : pending_.rfind('\n', done - 1) + 1;
  if (whole != done && before >= 0 && ::ftruncate(fd_, before + static_cast<off_t>(whole)) != 0) {
    // The cut failed as well: nothing more can be done about the partial line.
  }
  std::uint64_t written = 0;
  for (std::size_t i = 0; i < whole; ++i) written += pending_[i] == '\n';
  if (write_errors_++ == 0)
    spdlog::error("{}: write failed: {}; records that cannot be written are counted as lost",
                  path_.string(), std::strerror(err));
  lost_ += pending_records_ - written;
  pending_.clear();
  pending_records_ = 0;
  return false;
}

}  // namespace korgoo::output
