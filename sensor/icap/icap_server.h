// One ICAP event loop: an epoll loop over non-blocking sockets, each connection an
// IcapConnection. Inspection runs on the loop's thread (it is CPU work on a message already
// in memory); many connections wait on one thread while their bytes arrive. A timer sweeps
// for requests past their time budget and connections idle past idle_timeout_ms. A service
// runs several loops on one shared listening socket (IcapListener); the connections they
// hold together are counted against Max-Connections.
#pragma once

#include <atomic>
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
  // `listen_fd`: the shared listening socket (not owned); `open`: the connections open in
  // every loop of the service, for max_connections.
  IcapServer(const IcapConfig& config, std::string istag, int listen_fd,
             std::atomic<std::uint32_t>& open, IcapInspector& inspector, IcapCounters& counters);
  ~IcapServer();
  IcapServer(const IcapServer&) = delete;
  IcapServer& operator=(const IcapServer&) = delete;

  struct Hooks {
    int stop_fd = -1;   // readable: return (a signalfd or eventfd; left readable for others)
    int pause_fd = -1;  // readable: call pause() (icap::LoopGate), or -1
    std::function<void()> pause;
    std::function<void()> tick;  // about every 100 ms (EVE flushing, timers)
  };
  // Serves until hooks.stop_fd becomes readable.
  void run(const Hooks& hooks);

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
  std::atomic<std::uint32_t>& open_;
  int epoll_fd_ = -1;
  std::unordered_map<int, Conn> conns_;
};

}  // namespace korgoo::icap
