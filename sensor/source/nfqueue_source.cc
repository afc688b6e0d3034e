#include "source/nfqueue_source.h"

#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

extern "C" {
#include <libnetfilter_queue/libnetfilter_queue.h>
}

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

namespace korgoo::source {

NfqueueSource::NfqueueSource(NfqueueConfig config) : config_(std::move(config)) {
  if (config_.queues.empty()) throw std::runtime_error("inline mode: no queue numbers given");
  handle_ = nfq_open();
  if (!handle_) throw std::runtime_error("nfqueue: cannot open netlink socket (are you root?)");
  for (int family : {AF_INET, AF_INET6}) {
    nfq_unbind_pf(handle_, family);  // older kernels need this; newer ignore it
    nfq_bind_pf(handle_, family);
  }
  for (int q : config_.queues) {
    nfq_q_handle* qh =
        nfq_create_queue(handle_, static_cast<std::uint16_t>(q), &NfqueueSource::on_packet, this);
    if (!qh) {
      nfq_close(handle_);
      throw std::runtime_error("nfqueue: cannot bind queue " + std::to_string(q) +
                               " (in use by another program, or not root)");
    }
    nfq_set_mode(qh, NFQNL_COPY_PACKET, 0xffff);
    nfq_set_queue_maxlen(qh, config_.queue_maxlen);
    const std::uint32_t flags = config_.fail_open ? NFQA_CFG_F_FAIL_OPEN : 0;
    if (nfq_set_queue_flags(qh, NFQA_CFG_F_FAIL_OPEN, flags) < 0)
      spdlog::warn("nfqueue {}: kernel does not support fail-open", q);
    queues_.emplace_back(q, qh);
    queue_names_.push_back("nfq" + std::to_string(q));
  }
  fd_ = nfq_fd(handle_);
  // A large receive buffer absorbs bursts; ENOBUFS still tells us when it was not enough.
  const int rcvbuf = 8 << 20;
  setsockopt(fd_, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf);
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  recv_buf_.resize(1 << 17);
}

NfqueueSource::~NfqueueSource() {
  for (auto& [n, qh] : queues_) nfq_destroy_queue(qh);
  if (handle_) nfq_close(handle_);
  if (wake_fd_ >= 0) close(wake_fd_);
}

int NfqueueSource::on_packet(nfq_q_handle* qh, nfgenmsg*, nfq_data* nfa, void* self_ptr) {
  auto* self = static_cast<NfqueueSource*>(self_ptr);
  Pending p;
  const nfqnl_msg_packet_hdr* ph = nfq_get_msg_packet_hdr(nfa);
  p.id = ph ? ntohl(ph->packet_id) : 0;
  p.queue = 0;
  for (auto& [n, h] : self->queues_)
    if (h == qh) p.queue = static_cast<std::uint16_t>(n);
  timeval tv{};
  p.ts = nfq_get_timestamp(nfa, &tv) == 0 ? Timestamp::from_sec_usec(tv.tv_sec, tv.tv_usec)
                                          : wall_clock_now();
  unsigned char* data = nullptr;
  const int len = nfq_get_payload(nfa, &data);
  if (len > 0) p.bytes.assign(data, data + len);
  self->pending_.push_back(std::move(p));
  return 0;
}

ReadStatus NfqueueSource::next(Packet& out) {
  while (pending_.empty()) {
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    const int rc = poll(fds, 2, config_.poll_ms);
    if (rc < 0 && errno != EINTR) return ReadStatus::kEnd;
    if (fds[1].revents & POLLIN) {
      if (stopping_.load()) return ReadStatus::kEnd;
      std::uint64_t n = 0;
      [[maybe_unused]] const auto r = read(wake_fd_, &n, sizeof n);  // a wake(): consumed
      return ReadStatus::kIdle;
    }
    if (rc <= 0 || !(fds[0].revents & POLLIN)) return ReadStatus::kIdle;
    const ssize_t n = recv(fd_, recv_buf_.data(), recv_buf_.size(), MSG_DONTWAIT);
    if (n < 0) {
      if (errno == ENOBUFS) {
        // The kernel dropped queue messages for us; with fail-open it accepted the packets.
        ++stats_.queue_overruns;
        continue;
      }
      if (errno == EAGAIN || errno == EINTR) continue;
      ++stats_.read_errors;
      spdlog::error("nfqueue: recv: {}", std::strerror(errno));
      return ReadStatus::kEnd;
    }
    nfq_handle_packet(handle_, reinterpret_cast<char*>(recv_buf_.data()), static_cast<int>(n));
  }
  current_ = std::move(pending_.front());
  pending_.pop_front();
  out.ts = current_.ts;
  out.data = ByteView(current_.bytes.data(), current_.bytes.size());
  out.wire_len = static_cast<std::uint32_t>(current_.bytes.size());
  out.link = LinkType::kRaw;
  out.number = ++packet_number_;
  out.verdict_id = current_.id;
  out.queue = current_.queue;
  for (std::size_t i = 0; i < queues_.size(); ++i)
    if (queues_[i].first == current_.queue) out.in_iface = queue_names_[i];
  ++stats_.packets;
  stats_.bytes += current_.bytes.size();
  return ReadStatus::kPacket;
}

nfq_q_handle* NfqueueSource::handle_of(std::uint16_t queue) const {
  for (auto& [n, h] : queues_)
    if (n == queue) return h;
  return queues_.front().second;
}

void NfqueueSource::set_verdict(const Packet& pkt, Verdict v, bool bypass) {
  nfq_q_handle* qh = handle_of(pkt.queue);
  const std::uint32_t verdict = v == Verdict::kDrop ? NF_DROP : NF_ACCEPT;
  if (v == Verdict::kDrop) {
    ++stats_.verdicts_drop;
  } else {
    ++stats_.verdicts_accept;
  }
  if (bypass && v == Verdict::kAccept && config_.bypass_mark != 0) {
    nfq_set_verdict2(qh, pkt.verdict_id, verdict, config_.bypass_mark, 0, nullptr);
  } else {
    nfq_set_verdict(qh, pkt.verdict_id, verdict, 0, nullptr);
  }
}

void NfqueueSource::stop() {
  stopping_.store(true);
  wake();
}

void NfqueueSource::wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] auto n = write(wake_fd_, &one, sizeof one);
}

std::string NfqueueSource::describe() const {
  // fmt rather than string concatenation: GCC 12 raises a false -Wrestrict on the latter.
  return fmt::format("nfqueue {}", fmt::join(config_.queues, ","));
}

}  // namespace korgoo::source
