#include "icap/icap_server.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "icap/icap_responses.h"

namespace korgoo::icap {

namespace {

constexpr std::chrono::milliseconds kSweepInterval{100};
// Stop reading a connection whose answers the proxy does not take: bounded output.
constexpr std::size_t kMaxPendingOut = 4 << 20;
constexpr int kAcceptBurst = 4;

std::runtime_error sys_error(const std::string& what) {
  return std::runtime_error(what + ": " + std::strerror(errno));
}

}  // namespace

IcapServer::IcapServer(const IcapConfig& config, std::string istag, int listen_fd,
                       std::atomic<std::uint32_t>& open, IcapInspector& inspector,
                       IcapCounters& counters)
    : config_(config),
      istag_(std::move(istag)),
      inspector_(inspector),
      counters_(counters),
      listen_fd_(listen_fd),
      open_(open) {
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) throw sys_error("icap: epoll");
  epoll_event ev{};
  // One loop woken per new connection, not all of them (a thundering herd of loops).
  ev.events = EPOLLIN | EPOLLEXCLUSIVE;
  ev.data.fd = listen_fd_;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev) != 0) {
    ::close(epoll_fd_);
    throw sys_error("icap: epoll_ctl");
  }
}

IcapServer::~IcapServer() {
  for (auto& [fd, c] : conns_) ::close(fd);
  open_ -= static_cast<std::uint32_t>(conns_.size());
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
}

void IcapServer::run(const Hooks& hooks) {
  const int stop_fd = hooks.stop_fd;
  for (int fd : {hooks.stop_fd, hooks.pause_fd}) {
    if (fd < 0) continue;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
  }
  std::vector<epoll_event> events(64);
  auto next_sweep = IcapConnection::Clock::now() + kSweepInterval;
  for (;;) {
    const int n = ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()),
                               static_cast<int>(kSweepInterval.count()));
    if (n < 0 && errno != EINTR) throw sys_error("icap: epoll_wait");
    for (int i = 0; i < n; ++i) {
      const int fd = events[i].data.fd;
      if (fd == stop_fd) {
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, stop_fd, nullptr);
        if (hooks.pause_fd >= 0) ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, hooks.pause_fd, nullptr);
        return;
      }
      if (fd == hooks.pause_fd) {
        hooks.pause();
        continue;
      }
      if (fd == listen_fd_) {
        accept_all();
        continue;
      }
      const auto it = conns_.find(fd);
      if (it == conns_.end()) continue;
      Conn& c = it->second;
      if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) on_readable(c);
      if (conns_.count(fd) && (events[i].events & EPOLLOUT) && !flush(c)) close_conn(fd);
    }
    const auto now = IcapConnection::Clock::now();
    if (now >= next_sweep) {
      sweep(now);
      if (hooks.tick) hooks.tick();
      next_sweep = now + kSweepInterval;
    }
  }
}

void IcapServer::accept_all() {
  // A few per wake-up: a burst of connections spreads over the loops instead of landing on
  // the first one woken (what is left wakes another loop, the socket being level-triggered).
  for (int taken = 0; taken < kAcceptBurst; ++taken) {
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;  // EAGAIN (another loop took it), or it went away before we took it
    ++counters_.connections;
    if (open_.fetch_add(1) >= config_.max_connections) {
      open_.fetch_sub(1);
      // Over the announced Max-Connections: a clear status, not a silent hang-up.
      ++counters_.connections_refused;
      const auto busy = error_response(503, "over Max-Connections", istag_);
      (void)!::send(fd, busy.data(), busy.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      ::close(fd);
      continue;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    Conn& c = conns_[fd];
    c.fd = fd;
    c.icap = std::make_unique<IcapConnection>(config_, istag_, inspector_, counters_);
    c.last_byte = IcapConnection::Clock::now();
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
    counters_.connections_active = conns_.size();
  }
}

void IcapServer::on_readable(Conn& c) {
  char buf[64 * 1024];
  const int fd = c.fd;
  while (!c.closing && c.out.size() - c.out_pos < kMaxPendingOut) {
    const ssize_t got = ::recv(fd, buf, sizeof buf, 0);
    if (got == 0) {
      c.closing = true;  // the proxy is done sending: answer what it asked, then close
      break;
    }
    if (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      close_conn(fd);
      return;
    }
    if (got < 0) {
      if (errno == EINTR) continue;
      break;
    }
    c.last_byte = IcapConnection::Clock::now();
    if (!c.icap->feed(std::string_view(buf, static_cast<std::size_t>(got)), c.out, c.last_byte))
      c.closing = true;
  }
  if (!flush(c)) close_conn(fd);
}

bool IcapServer::flush(Conn& c) {
  while (c.out_pos < c.out.size()) {
    const ssize_t sent =
        ::send(c.fd, c.out.data() + c.out_pos, c.out.size() - c.out_pos, MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      return false;
    }
    c.out_pos += static_cast<std::size_t>(sent);
  }
  if (c.out_pos == c.out.size()) {
    c.out.clear();
    c.out_pos = 0;
    if (c.closing) return false;
  }
  update_events(c);
  return true;
}

void IcapServer::update_events(Conn& c) {
  epoll_event ev{};
  const bool pending = c.out_pos < c.out.size();
  ev.events = (c.closing ? 0u : static_cast<std::uint32_t>(EPOLLIN)) |
              (pending ? static_cast<std::uint32_t>(EPOLLOUT) : 0u);
  ev.data.fd = c.fd;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, c.fd, &ev);
}

void IcapServer::close_conn(int fd) {
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  ::close(fd);
  conns_.erase(fd);
  open_.fetch_sub(1);
  counters_.connections_active = conns_.size();
}

void IcapServer::sweep(IcapConnection::Clock::time_point now) {
  std::vector<int> to_close;
  for (auto& [fd, c] : conns_) {
    const bool idle = now - c.last_byte > std::chrono::milliseconds(config_.idle_timeout_ms);
    if (c.closing) {
      if (idle) to_close.push_back(fd);  // a proxy that never reads its answer
      continue;
    }
    if (!c.icap->check_budget(now, c.out)) {
      c.closing = true;
      if (!flush(c)) to_close.push_back(fd);
      continue;
    }
    if (idle) {
      ++counters_.idle_closed;
      to_close.push_back(fd);
    }
  }
  for (int fd : to_close) close_conn(fd);
}

}  // namespace korgoo::icap
