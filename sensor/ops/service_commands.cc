#include "ops/service_commands.h"

#include <signal.h>

#include <chrono>
#include <map>

#include <spdlog/spdlog.h>

namespace korgoo::ops {

namespace {
// A packet thread that does not get to a task within this long is stuck or gone.
constexpr std::chrono::milliseconds kWorkerTimeout{5000};
}  // namespace

ServiceCommands::ServiceCommands(engine::Runtime& runtime, engine::WorkerMailbox& mailbox,
                                 output::RecordOutput& eve, ReopenableFileSink* log_sink,
                                 ReloadSource source, const SystemdNotify& notify,
                                 std::function<void(int)> stop)
    : runtime_(runtime),
      mailbox_(mailbox),
      eve_(eve),
      log_sink_(log_sink),
      source_(std::move(source)),
      notify_(notify),
      stop_(std::move(stop)) {}

std::string ServiceCommands::handle(const std::string& command) {
  Json reply;
  if (command == "reload") {
    reply = reload();
  } else if (command == "reopen") {
    reply = reopen();
  } else if (command == "stats") {
    auto s = stats();
    reply = s ? *s : Json{{"result", "failed"}, {"error", "packet thread did not answer"}};
  } else if (command == "version") {
    reply = {{"version", KORGOO_VERSION}};
  } else if (command == "shutdown") {
    spdlog::info("control: shutdown requested");
    shutdown(SIGTERM);
    reply = {{"result", "ok"}};
  } else {
    reply = {{"result", "failed"},
             {"error", "unknown command '" + command +
                           "' (expected stats, reload, reopen, version, shutdown)"}};
  }
  return reply.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json ServiceCommands::reload() {
  notify_.reloading();
  Json result;
  std::unique_ptr<engine::Runtime> next;
  try {
    config::Config cfg = source_.config_file
                             ? config::load_config(*source_.config_file, source_.data_dir)
                             : config::default_config(source_.data_dir);
    if (source_.overrides) source_.overrides(cfg);
    next = engine::Runtime::build(std::move(cfg));
  } catch (const std::exception& e) {
    ++reload_failures_;
    spdlog::error("reload failed, the running signatures and rules stay: {}", e.what());
    result = {{"result", "failed"}, {"error", e.what()}};
    mailbox_.post(
        [result](engine::WorkerContext& ctx) { ctx.worker.write_event("reload", result); });
    notify_.ready("reload failed; running on the previous set");
    return result;
  }
  const auto signatures = next->detect->signatures().size();
  const auto rules = next->policy->rules().size();
  const auto count = reloads_.load() + 1;
  result = {{"result", "ok"}, {"signatures", signatures}, {"rules", rules}, {"count", count}};
  // The swap happens on the packet thread: shared_ptr hand-over, so `next` moves in whole.
  std::shared_ptr<engine::Runtime> holder(std::move(next));
  auto done = mailbox_.call<bool>(
      [this, holder, result](engine::WorkerContext& ctx) {
        // Nothing else may read the Runtime while it changes (ICAP loops are parked).
        ctx.worker.exclusive([&] {
          runtime_.adopt_reload(std::move(*holder));
          ctx.worker.runtime_changed();
        });
        ctx.worker.write_event("reload", result);
        return true;
      },
      kWorkerTimeout);
  if (!done) {
    ++reload_failures_;
    result = {{"result", "failed"}, {"error", "packet thread did not take the new set"}};
  } else {
    ++reloads_;
    spdlog::info("reload: {} signatures, {} rules", signatures, rules);
  }
  notify_.ready("running");
  return result;
}

Json ServiceCommands::reopen() {
  const std::string log_error = log_sink_ ? log_sink_->reopen() : "";
  if (!log_error.empty()) spdlog::error("reopen: {}", log_error);
  auto error = mailbox_.call<std::string>([this](engine::WorkerContext&) { return eve_.reopen(); },
                                          kWorkerTimeout);
  if (!error) return {{"result", "failed"}, {"error", "packet thread did not answer"}};
  if (!error->empty()) {
    spdlog::error("reopen: {}", *error);
    return {{"result", "failed"}, {"error", *error}};
  }
  spdlog::info("reopened output files");
  return {{"result", "ok"}};
}

std::optional<Json> ServiceCommands::stats() {
  auto s = mailbox_.call<Json>(
      [this](engine::WorkerContext& ctx) {
        Json j = ctx.worker.stats_json(ctx.source.stats());
        // The rule's text from the set running now (the packet thread is where it is swapped);
        // a sid a reload removed keeps its count with an empty signature.
        std::map<std::uint32_t, const std::string*> text;
        for (const auto& rule : runtime_.policy->rules()) text[rule.sid] = &rule.signature;
        Json by_sid = Json::object();
        const engine::WorkerStats totals = ctx.worker.totals();
        for (const auto& [sid, n] : totals.alerts_by_sid) {
          const auto it = text.find(sid);
          by_sid[std::to_string(sid)] = {{"alerts", n},
                                         {"signature", it == text.end() ? "" : *it->second}};
        }
        j["alerts"]["by_sid"] = std::move(by_sid);
        return j;
      },
      kWorkerTimeout);
  if (s) (*s)["reload"] = {{"count", reloads()}, {"failures", reload_failures()}};
  return s;
}

}  // namespace korgoo::ops
