#include "ops/control_socket.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace korgoo::ops {

namespace fs = std::filesystem;

namespace {

sockaddr_un address_of(const fs::path& path) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.string().size() >= sizeof(addr.sun_path))
    throw std::runtime_error(path.string() + ": control socket path too long");
  std::strncpy(addr.sun_path, path.c_str(), sizeof(addr.sun_path) - 1);
  return addr;
}

std::runtime_error failure(const fs::path& path, const char* what) {
  return std::runtime_error(path.string() + ": " + what + ": " + std::strerror(errno));
}

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

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

ControlSocket::ControlSocket(fs::path path, std::optional<Ids> owner) : path_(std::move(path)) {
  const sockaddr_un addr = address_of(path_);
  std::error_code ec;
  if (fs::is_socket(path_, ec)) fs::remove(path_, ec);  // left by a sensor that was killed
  fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw failure(path_, "socket");
  // Created 0660 from the start: no moment where others could connect.
  const mode_t old = ::umask(0117);
  const int rc = ::bind(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  ::umask(old);
  if (rc != 0 || ::listen(fd_, 8) != 0) {
    const auto e = failure(path_, "cannot listen");
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
  write_all(client, handler(command) + "\n");
  ::close(client);
}

std::string control_request(const fs::path& path, const std::string& command) {
  const sockaddr_un addr = address_of(path);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw failure(path, "socket");
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    const auto e = failure(path, "cannot connect");
    ::close(fd);
    throw e;
  }
  timeval tv{30, 0};  // a reload compiles every signature
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  write_all(fd, command + "\n");
  std::string reply;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) reply.append(buf, std::size_t(n));
  ::close(fd);
  return reply;
}

}  // namespace korgoo::ops
