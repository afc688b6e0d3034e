#include "icap/loop_gate.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace korgoo::icap {

LoopGate::LoopGate() : fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (fd_ < 0) throw std::runtime_error(std::string("icap: eventfd: ") + std::strerror(errno));
}

LoopGate::~LoopGate() {
  ::close(fd_);
}

void LoopGate::join() {
  std::lock_guard lock(mutex_);
  ++loops_;
}

void LoopGate::leave() {
  {
    std::lock_guard lock(mutex_);
    --loops_;
  }
  changed_.notify_all();
}

void LoopGate::park() {
  std::unique_lock lock(mutex_);
  if (!held_) return;
  ++parked_;
  changed_.notify_all();
  changed_.wait(lock, [this] { return !held_; });
  --parked_;
}

void LoopGate::hold(const std::function<void()>& fn) {
  bool mine;
  {
    std::lock_guard lock(mutex_);
    mine = held_ && holder_ == std::this_thread::get_id();
  }
  if (mine) {
    fn();  // already holding: the loops are parked
    return;
  }
  std::lock_guard one_holder(holding_);
  std::unique_lock lock(mutex_);
  held_ = true;
  holder_ = std::this_thread::get_id();
  const std::uint64_t one = 1;
  (void)!::write(fd_, &one, sizeof one);
  changed_.wait(lock, [this] { return parked_ >= loops_; });
  // Every loop waits in park(): quiet the eventfd so that they do not wake again at once.
  std::uint64_t drained = 0;
  (void)!::read(fd_, &drained, sizeof drained);
  struct Release {
    LoopGate& g;
    std::unique_lock<std::mutex>& lock;
    ~Release() {
      if (!lock.owns_lock()) lock.lock();
      g.held_ = false;
      g.holder_ = {};
      lock.unlock();
      g.changed_.notify_all();
    }
  } release{*this, lock};
  lock.unlock();  // fn may take a while; park() and leave() need the mutex to see held_
  fn();
}

}  // namespace korgoo::icap
