#include "common/ring_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <random>

namespace korgoo {
namespace {

// The same operations on a RingQueue and a std::deque leave the same contents, through
// many compactions.
TEST(RingQueue, BehavesAsAFifoThroughCompactions) {
  RingQueue<int> q;
  std::deque<int> want;
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    if (rng() % 3 != 0 || want.empty()) {
      q.push_back(i);
      want.push_back(i);
    } else {
      ASSERT_EQ(q.front(), want.front());
      q.pop_front();
      want.pop_front();
    }
    ASSERT_EQ(q.size(), want.size());
    if (!want.empty()) {
      ASSERT_EQ(q.back(), want.back());
    }
  }
  EXPECT_TRUE(std::equal(q.begin(), q.end(), want.begin(), want.end()));
}

TEST(RingQueue, TheLivePartSortsInPlace) {
  RingQueue<int> q;
  for (int v : {5, 1, 9, 3, 7}) q.push_back(v);
  q.pop_front();  // 5 leaves
  std::sort(q.begin(), q.end());
  EXPECT_EQ(std::vector<int>(q.begin(), q.end()), (std::vector<int>{1, 3, 7, 9}));
  while (!q.empty()) q.pop_front();
  EXPECT_EQ(q.size(), 0u);
  q.emplace_back(4);
  EXPECT_EQ(q.front(), 4);
}

}  // namespace
}  // namespace korgoo
