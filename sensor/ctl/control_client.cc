#include "ctl/control_client.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "ctl/unix_socket.h"

namespace korgoo::ctl {

std::string control_request(const std::filesystem::path& path, const std::string& command,
                            std::chrono::seconds timeout) {
  const sockaddr_un addr = unix_address(path);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw Unreachable(socket_error(path, "socket"), errno);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    const int e = errno;
    Unreachable error(socket_error(path, "cannot connect"), e);
    ::close(fd);
    throw error;
  }
  timeval tv{static_cast<time_t>(timeout.count()), 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  write_all(fd, command + "\n");
  std::string reply;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) reply.append(buf, static_cast<std::size_t>(n));
  const bool timed_out = n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  ::close(fd);
  if (timed_out)
    throw std::runtime_error(path.string() + ": no answer within " +
                             std::to_string(timeout.count()) + " s");
  while (!reply.empty() && (reply.back() == '\n' || reply.back() == '\r')) reply.pop_back();
  return reply;
}

}  // namespace korgoo::ctl
