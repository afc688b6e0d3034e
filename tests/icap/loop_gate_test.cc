// LoopGate parks every event loop before a hold runs and lets them go after; a hold inside a
// hold (a reload's swap inside a control task) runs at once instead of waiting for itself.
#include <gtest/gtest.h>

#include <poll.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "icap/loop_gate.h"

namespace korgoo::icap {
namespace {

// A stand-in for an event loop: counts rounds, parks when the gate's fd is readable.
struct FakeLoops {
  explicit FakeLoops(LoopGate& gate, int n) : gate(gate) {
    for (int i = 0; i < n; ++i) gate.join();
    for (int i = 0; i < n; ++i)
      threads.emplace_back([this] {
        while (!stop.load()) {
          pollfd p{this->gate.fd(), POLLIN, 0};
          if (::poll(&p, 1, 5) > 0) this->gate.park();
          rounds.fetch_add(1);
        }
        this->gate.leave();
      });
  }
  ~FakeLoops() {
    stop.store(true);
    for (auto& t : threads) t.join();
  }
  LoopGate& gate;
  std::atomic<bool> stop{false};
  std::atomic<long> rounds{0};
  std::vector<std::thread> threads;
};

TEST(LoopGate, NoLoopTurnsWhileHeld) {
  LoopGate gate;
  FakeLoops loops(gate, 3);
  for (int i = 0; i < 20; ++i) {
    long during = -1;
    gate.hold([&] {
      const long before = loops.rounds.load();
      // Time for a loop that was not parked to turn (a chance to fail, not a timed check).
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      during = loops.rounds.load() - before;
    });
    EXPECT_EQ(during, 0);
  }
}

TEST(LoopGate, LoopsGoOnAfterAHold) {
  LoopGate gate;
  FakeLoops loops(gate, 2);
  gate.hold([] {});
  const long after = loops.rounds.load();
  while (loops.rounds.load() <= after) std::this_thread::yield();  // ends only if they run
  SUCCEED();
}

TEST(LoopGate, HoldInsideAHoldRunsAtOnce) {
  LoopGate gate;
  FakeLoops loops(gate, 2);
  int inner = 0;
  gate.hold([&] { gate.hold([&] { gate.hold([&] { ++inner; }); }); });
  EXPECT_EQ(inner, 1);
}

TEST(LoopGate, AHoldDoesNotWaitForALoopThatLeft) {
  LoopGate gate;
  { FakeLoops gone(gate, 2); }
  int ran = 0;
  gate.hold([&] { ++ran; });
  EXPECT_EQ(ran, 1);
}

}  // namespace
}  // namespace korgoo::icap
