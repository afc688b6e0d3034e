#include "ops/control_socket.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "ctl/unix_socket.h"

namespace korgoo::ops {

namespace fs = std::filesystem;

namespace {

// A client gets this long to send its line or take its answer; the service loop waits on it.
void set_timeouts(int fd) {
  timeval tv{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

std::string read_line(int fd) {
  std::string line;
  char buf[256];
  while (line.size() < 4096) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
    if (line.find('\n') != std::string::npos) break;
  }
  line = line.substr(0, line.find('\n'));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

}  // namespace

ControlSocket::ControlSocket(fs::path path, std::optional<Ids> owner) : path_(std::move(path)) {
  const sockaddr_un addr = ctl::unix_address(path_);
  std::error_code ec;
  if (fs::is_socket(path_, ec)) fs::remove(path_, ec);  // left by a sensor that was killed
  fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw ctl::socket_error(path_, "socket");
  // Created 0660 from the start: no moment where others could connect.
  const mode_t old = ::umask(0117);
  const int rc = ::bind(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  ::umask(old);
  if (rc != 0 || ::listen(fd_, 8) != 0) {
    const auto e = ctl::socket_error(path_, "cannot listen");
    ::close(fd_);
    throw e;
  }
  if (owner && ::chown(path_.c_str(), owner->uid, owner->gid) != 0)
    spdlog::warn("{}: cannot hand the control socket to uid {}: {}", path_.string(), owner->uid,
                 std::strerror(errno));
}

ControlSocket::~ControlSocket() {
  ::close(fd_);
  std::error_code ec;
  fs::remove(path_, ec);  // may fail once privileges are gone; the next start replaces it
}

void ControlSocket::serve_one(const std::function<std::string(const std::string&)>& handler) {
  const int client = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
  if (client < 0) return;
  set_timeouts(client);
  const std::string command = read_line(client);
  ctl::write_all(client, handler(command) + "\n");
  ::close(client);
}

}  // namespace korgoo::ops
