// Stops every ICAP event loop at a safe point (between two epoll rounds, no inspection under
// way) so that another thread can touch what the loops read: swap the Runtime on reload, read
// the workers' counters, write an operational record. Connections stay open meanwhile; bytes
// that arrive wait in the socket buffers. A loop sees the request through fd() (an eventfd in
// its epoll set) and calls park().
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace korgoo::icap {

class LoopGate {
 public:
  LoopGate();
  ~LoopGate();
  LoopGate(const LoopGate&) = delete;
  LoopGate& operator=(const LoopGate&) = delete;

  // Readable while a hold is asked for.
  int fd() const { return fd_; }
  // A loop starts or stops taking part (a loop that has ended is not waited for).
  void join();
  void leave();
  // Loop thread, when fd() is readable: waits until the hold is over.
  void park();
  // Any thread: runs `fn` while every joined loop is parked. Re-entrant on the holding
  // thread (a held task may call something that holds again).
  void hold(const std::function<void()>& fn);

 private:
  int fd_ = -1;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::mutex holding_;  // one holder at a time
  unsigned loops_ = 0;
  unsigned parked_ = 0;
  bool held_ = false;
  std::thread::id holder_;
};

}  // namespace korgoo::icap
