// The ICAP listener: one epoll loop over non-blocking sockets, each connection an
// IcapConnection. Inspection runs on the loop's thread (it is CPU work on a message already
// in memory); many connections wait on one thread while their bytes arrive. A timer sweeps
// for requests past their time budget and connections idle past idle_timeout_ms.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "icap/icap_config.h"
#include "icap/icap_connection.h"
#include "icap/icap_counters.h"
#include "icap/icap_exchange.h"

namespace korgoo::icap {

class IcapServer {
 public:
  // Binds config.address:config.port and listens; throws std::runtime_error naming the
  // address when it cannot.
  IcapServer(const IcapConfig& config, std::string istag, IcapInspector& inspector,
             IcapCounters& counters);
  ~IcapServer();
  IcapServer(const IcapServer&) = delete;
  IcapServer& operator=(const IcapServer&) = delete;

  // Serves until `stop_fd` (a signalfd or eventfd) becomes readable. `tick` runs about every
  // 100 ms (stats records, EVE flushing).
  void run(int stop_fd, const std::function<void()>& tick);
  std::uint16_t port() const { return port_; }  // the bound port (config port 0: any)

 private:
  struct Conn {
    int fd = -1;
    std::unique_ptr<IcapConnection> icap;
    std::string out;
    std::size_t out_pos = 0;
    bool closing = false;  // answered a final response: send it, then close
    IcapConnection::Clock::time_point last_byte;
  };

  void accept_all();
  void on_readable(Conn& c);
  // Sends what is pending; false when the connection is to be closed now.
  bool flush(Conn& c);
  void update_events(Conn& c);
  void close_conn(int fd);
  void sweep(IcapConnection::Clock::time_point now);

  const IcapConfig& config_;
  std::string istag_;
  IcapInspector& inspector_;
  IcapCounters& counters_;
  int listen_fd_ = -1;
  int epoll_fd_ = -1;
  std::uint16_t port_ = 0;
  std::unordered_map<int, Conn> conns_;
};

}  // namespace korgoo::icap
