// A first-in, first-out queue in one vector: elements leave at the front by moving a head
// index, and the vector is compacted once the dead prefix outweighs the live part, so each
// element is moved O(1) times on average. For the many small, per-key queues of per-host
// aggregation: a std::deque allocates a 512-byte block and a map for its first element, which
// made thousands of hosts' short windows cost megabytes.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace korgoo {

template <class T>
class RingQueue {
 public:
  using iterator = typename std::vector<T>::iterator;
  using const_iterator = typename std::vector<T>::const_iterator;

  bool empty() const { return head_ == items_.size(); }
  std::size_t size() const { return items_.size() - head_; }
  T& front() { return items_[head_]; }
  const T& front() const { return items_[head_]; }
  T& back() { return items_.back(); }
  const T& back() const { return items_.back(); }

  void push_back(T value) { items_.push_back(std::move(value)); }
  template <class... Args>
  void emplace_back(Args&&... args) {
    items_.emplace_back(std::forward<Args>(args)...);
  }
  void pop_front() {
    ++head_;
    if (head_ == items_.size()) {
      clear();
    } else if (head_ >= kCompactAfter && head_ * 2 >= items_.size()) {
      items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }
  void clear() {
    items_.clear();
    head_ = 0;
  }

  // Oldest first; random access, so the live part can be sorted in place.
  iterator begin() { return items_.begin() + static_cast<std::ptrdiff_t>(head_); }
  iterator end() { return items_.end(); }
  const_iterator begin() const { return items_.begin() + static_cast<std::ptrdiff_t>(head_); }
  const_iterator end() const { return items_.end(); }

 private:
  static constexpr std::size_t kCompactAfter = 16;
  std::vector<T> items_;
  std::size_t head_ = 0;
};

}  // namespace korgoo
