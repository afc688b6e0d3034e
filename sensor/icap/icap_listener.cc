#include "icap/icap_listener.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace korgoo::icap {

IcapListener::IcapListener(const IcapConfig& config) {
  const std::string where = config.address + ":" + std::to_string(config.port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
  addrinfo* res = nullptr;
  const std::string port = std::to_string(config.port);
  if (getaddrinfo(config.address.c_str(), port.c_str(), &hints, &res) != 0 || !res)
    throw std::runtime_error("icap: '" + config.address + "' is not an address to listen on");
  fd_ = ::socket(res->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd_ < 0) {
    freeaddrinfo(res);
    throw std::runtime_error(std::string("icap: socket: ") + std::strerror(errno));
  }
  const int one = 1;
  ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  const int bound = ::bind(fd_, res->ai_addr, res->ai_addrlen);
  freeaddrinfo(res);
  if (bound != 0 || ::listen(fd_, 512) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd_);
    throw std::runtime_error("icap: cannot listen on " + where + ": " + why);
  }
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  ::getsockname(fd_, reinterpret_cast<sockaddr*>(&ss), &len);
  port_ = ntohs(ss.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port
                                         : reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
}

IcapListener::~IcapListener() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace korgoo::icap
