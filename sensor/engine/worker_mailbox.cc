#include "engine/worker_mailbox.h"

namespace korgoo::engine {

void WorkerMailbox::post(Task task) {
  std::lock_guard lock(mutex_);
  if (closed_) return;
  tasks_.push_back(std::move(task));
  pending_.store(true, std::memory_order_release);
}

void WorkerMailbox::run_pending(WorkerContext& ctx) {
  std::vector<Task> tasks;
  {
    std::lock_guard lock(mutex_);
    tasks.swap(tasks_);
    pending_.store(false, std::memory_order_relaxed);
  }
  for (auto& t : tasks) t(ctx);
}

void WorkerMailbox::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  tasks_.clear();
  pending_.store(false, std::memory_order_relaxed);
}

}  // namespace korgoo::engine
