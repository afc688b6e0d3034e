// What an operator can ask of a running sensor, whether by signal (SIGHUP, SIGUSR2, SIGTERM),
// by the control socket or, read-only, by /metrics. Runs on the service thread; anything that
// touches the packet path (swapping the runtime, reopening EVE, reading counters) is posted to
// the worker's mailbox and happens between two packets.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "common/json.h"
#include "engine/runtime.h"
#include "engine/worker_mailbox.h"
#include "ops/reopenable_file_sink.h"
#include "ops/systemd_notify.h"
#include "output/record_output.h"

namespace korgoo::ops {

// How to build the configuration again on reload: the same file and data folder as at start,
// and the same command-line overrides.
struct ReloadSource {
  std::optional<std::filesystem::path> config_file;
  std::filesystem::path data_dir;
  std::function<void(config::Config&)> overrides;  // may be empty
};

class ServiceCommands {
 public:
  ServiceCommands(engine::Runtime& runtime, engine::WorkerMailbox& mailbox,
                  output::RecordOutput& eve, ReopenableFileSink* log_sink, ReloadSource source,
                  const SystemdNotify& notify, std::function<void(int)> stop);

  // A control-socket line ("stats", "reload", ...) -> the reply (one line of JSON).
  std::string handle(const std::string& command);

  // Builds signatures, rules and policy anew; the worker adopts them only when all loaded.
  // {"result": "ok"|"failed", ...}; a failure keeps the running set and says why.
  Json reload();
  // Reopens eve.json and korgoo.log under their names (after logrotate moved them).
  Json reopen();
  // Worker, capture and service counters; nullopt when the packet thread does not answer.
  std::optional<Json> stats();
  void shutdown(int sig) { stop_(sig); }

  std::uint64_t reloads() const { return reloads_.load(); }
  std::uint64_t reload_failures() const { return reload_failures_.load(); }

 private:
  engine::Runtime& runtime_;
  engine::WorkerMailbox& mailbox_;
  output::RecordOutput& eve_;
  ReopenableFileSink* log_sink_;
  ReloadSource source_;
  const SystemdNotify& notify_;
  std::function<void(int)> stop_;
  std::atomic<std::uint64_t> reloads_{0};
  std::atomic<std::uint64_t> reload_failures_{0};
};

}  // namespace korgoo::ops
