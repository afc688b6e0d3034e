#include "ops/replay_progress.h"

#include <cstdio>

namespace korgoo::ops {

namespace {
constexpr auto kQuietFor = std::chrono::seconds(3);
constexpr auto kEvery = std::chrono::seconds(1);
}  // namespace

ReplayProgress::ReplayProgress(engine::WorkerMailbox& mailbox)
    : mailbox_(mailbox), start_(std::chrono::steady_clock::now()), next_(start_ + kQuietFor) {}

ReplayProgress::~ReplayProgress() {
  if (printed_.load()) std::fputs("\n", stderr);
}

void ReplayProgress::tick(std::chrono::steady_clock::time_point now) {
  if (now < next_) return;
  next_ = now + kEvery;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  mailbox_.post([this, seconds](engine::WorkerContext& ctx) {
    const auto& s = ctx.source.stats();
    const double fraction = ctx.source.progress();
    std::fprintf(stderr, "\rkorgoo: %llu packets, %.1f MB/s", (unsigned long long)s.packets,
                 static_cast<double>(s.bytes) / 1e6 / seconds);
    if (fraction >= 0) std::fprintf(stderr, ", %.0f%%", fraction * 100);
    std::fflush(stderr);
    printed_.store(true);
  });
}

}  // namespace korgoo::ops
