// The ICAP service's listening socket, bound once and shared by every event loop: each loop
// watches it with EPOLLEXCLUSIVE, so the kernel wakes one loop that is waiting (an idle one)
// for a new connection rather than all of them.
#pragma once

#include <cstdint>

#include "icap/icap_config.h"

namespace korgoo::icap {

class IcapListener {
 public:
  // Binds config.address:config.port and listens (non-blocking); throws std::runtime_error
  // naming the address when it cannot.
  explicit IcapListener(const IcapConfig& config);
  ~IcapListener();
  IcapListener(const IcapListener&) = delete;
  IcapListener& operator=(const IcapListener&) = delete;

  int fd() const { return fd_; }
  std::uint16_t port() const { return port_; }  // the bound port (config port 0: any)

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace korgoo::icap
