// app.memcap: the bytes all app-layer buffers of one worker may hold together (HTTP heads,
// SMTP/FTP lines, MIME header blocks, DNS-over-TCP messages, TLS hellos being gathered). Hostile
// traffic can open thousands of flows that each send an unterminated header; without a worker-wide
// cap each flow's max_header_bytes adds up without bound. A buffer that cannot grow gives up on
// parsing that direction: its bytes go to the raw view (still scanned, never lost) and memcap_hits
// counts it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

namespace korgoo::app {

class AppMemory {
 public:
  explicit AppMemory(std::uint64_t capacity) : capacity_(capacity) {}
  AppMemory(const AppMemory&) = delete;
  AppMemory& operator=(const AppMemory&) = delete;

  bool try_charge(std::uint64_t bytes) {
    if (bytes > capacity_ - used_) {
      ++hits_;
      return false;
    }
    used_ += bytes;
    peak_ = std::max(peak_, used_);
    return true;
  }
  void release(std::uint64_t bytes) { used_ -= std::min(bytes, used_); }

  std::uint64_t capacity() const { return capacity_; }
  std::uint64_t used() const { return used_; }
  std::uint64_t peak() const { return peak_; }
  std::uint64_t hits() const { return hits_; }  // charges refused

 private:
  std::uint64_t capacity_;
  std::uint64_t used_ = 0;
  std::uint64_t peak_ = 0;
  std::uint64_t hits_ = 0;
};

// One growing buffer's share of an AppMemory, charged in steps so that a buffer growing byte
// by byte costs one charge per step. Released by reset() and on destruction. No AppMemory
// (nullptr): uncapped, for tools and tests.
class AppMemoryShare {
 public:
  static constexpr std::uint64_t kStep = 4096;

  explicit AppMemoryShare(AppMemory* memory) : memory_(memory) {}
  ~AppMemoryShare() { reset(); }
  AppMemoryShare(const AppMemoryShare&) = delete;
  AppMemoryShare& operator=(const AppMemoryShare&) = delete;
  // Moving hands the charge on with the buffer (decoders reset their state by assignment).
  AppMemoryShare(AppMemoryShare&& other) noexcept
      : memory_(other.memory_), charged_(std::exchange(other.charged_, 0)) {}
  AppMemoryShare& operator=(AppMemoryShare&& other) noexcept {
    if (this != &other) {
      reset();
      memory_ = other.memory_;
      charged_ = std::exchange(other.charged_, 0);
    }
    return *this;
  }

  // Makes sure `bytes` are charged; false when the worker's cap refused more.
  bool cover(std::uint64_t bytes) {
    if (!memory_ || bytes <= charged_) return true;
    const std::uint64_t want = (bytes + kStep - 1) / kStep * kStep - charged_;
    if (!memory_->try_charge(want)) return false;
    charged_ += want;
    return true;
  }
  void reset() {
    if (memory_) memory_->release(charged_);
    charged_ = 0;
  }

  // A string buffer's heap: one short enough to serve ordinary lines and messages is left
  // uncharged (a bounded part of each flow's fixed cost), so that normal traffic neither
  // touches the cap nor pays an allocation per line; beyond it the capacity is charged.
  static constexpr std::size_t kUnchargedBytes = 256;
  bool cover_buffer(const std::string& buffer) {
    return buffer.capacity() <= kUnchargedBytes || cover(buffer.capacity());
  }
  // Empties `buffer`; a large one gives its heap back, and the charge goes with it.
  void release_buffer(std::string& buffer) {
    buffer.clear();
    if (buffer.capacity() > kUnchargedBytes) std::string().swap(buffer);
    reset();
  }

 private:
  AppMemory* memory_;
  std::uint64_t charged_ = 0;
};

}  // namespace korgoo::app
