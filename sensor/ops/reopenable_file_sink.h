// The operational log's file sink, reopenable for logrotate (SIGUSR2 / `korgoo-ctl reopen`):
// spdlog's basic_file_sink cannot reopen, and swapping sinks under a live logger would race
// with the threads that log.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

#include <spdlog/details/file_helper.h>
#include <spdlog/sinks/base_sink.h>

namespace korgoo::ops {

class ReopenableFileSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit ReopenableFileSink(const std::string& path) : path_(path) { file_.open(path, false); }
  // Closes and opens the same name again (appending): a renamed file is left complete. When
  // the name cannot be opened (permissions) the old file stays and the reason is returned.
  std::string reopen() {
    std::lock_guard lock(mutex_);
    if (std::FILE* probe = std::fopen(path_.c_str(), "a")) {
      std::fclose(probe);
    } else {
      return path_ + ": cannot reopen: " + std::strerror(errno);
    }
    file_.reopen(false);
    return "";
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    file_.write(formatted);
  }
  void flush_() override { file_.flush(); }

 private:
  std::string path_;
  spdlog::details::file_helper file_;
};

}  // namespace korgoo::ops
