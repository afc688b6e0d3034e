#include "source/fanout_source.h"

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <pcap/pcap.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace korgoo::source {

namespace {

constexpr std::uint32_t kBlockSize = 1u << 20;  // 1 MiB blocks: many packets per wake-up
constexpr std::uint32_t kFrameSize = 1u
                                     << 11;  // V3 frames are variable; this only sizes tp_frame_nr
constexpr std::uint32_t kMinBlocks = 4;
// A block is handed to user space when full or this many milliseconds after its first
// packet, so that a quiet link's packets do not wait for a block to fill.
constexpr unsigned kBlockTimeoutMs = 10;

}  // namespace

FanoutSource::FanoutSource(FanoutConfig config) : config_(std::move(config)) {
  try {
    open_socket();
    attach_filter();
    set_up_ring();
    join_fanout();
  } catch (...) {
    release();  // a constructor that throws gets no destructor call
    throw;
  }
}

FanoutSource::~FanoutSource() {
  release();
}

void FanoutSource::release() {
  if (ring_) munmap(ring_, ring_size_);
  ring_ = nullptr;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (wake_fd_ >= 0) ::close(wake_fd_);
  wake_fd_ = -1;
}

void FanoutSource::fail(const std::string& step) const {
  throw std::runtime_error(config_.live.interface + ": " + step + ": " + std::strerror(errno));
}

void FanoutSource::open_socket() {
  const unsigned ifindex = if_nametoindex(config_.live.interface.c_str());
  if (ifindex == 0) fail("no such interface");
  fd_ = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
  if (fd_ < 0) fail("cannot open an AF_PACKET socket (are you root?)");
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) fail("eventfd");
  ifreq ifr{};
  std::strncpy(ifr.ifr_name, config_.live.interface.c_str(), IFNAMSIZ - 1);
  if (ioctl(fd_, SIOCGIFHWADDR, &ifr) < 0) fail("cannot read the link type");
  switch (ifr.ifr_hwaddr.sa_family) {
    case ARPHRD_ETHER:
    case ARPHRD_LOOPBACK:
      link_ = LinkType::kEthernet;
      break;
    case ARPHRD_NONE:  // tun devices: bare IP packets
      link_ = LinkType::kRaw;
      break;
    default:
      errno = EPROTONOSUPPORT;
      fail("link type " + std::to_string(ifr.ifr_hwaddr.sa_family) +
           " is not supported by capture.method af-packet (use pcap)");
  }
  if (config_.live.promiscuous) {
    packet_mreq mr{};
    mr.mr_ifindex = static_cast<int>(ifindex);
    mr.mr_type = PACKET_MR_PROMISC;
    if (setsockopt(fd_, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof mr) < 0)
      fail("cannot enter promiscuous mode");
  }
  sockaddr_ll addr{};
  addr.sll_family = AF_PACKET;
  addr.sll_protocol = htons(ETH_P_ALL);
  addr.sll_ifindex = static_cast<int>(ifindex);
  if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0) fail("cannot bind");
}

// The user's BPF filter, compiled by libpcap for the link type, or a program that accepts
// everything: either way its return value is the snap length, which is how a packet socket
// truncates what it copies.
void FanoutSource::attach_filter() {
  const int dlt = link_ == LinkType::kRaw ? DLT_RAW : DLT_EN10MB;
  pcap_t* dead = pcap_open_dead(dlt, config_.live.snaplen);
  if (!dead) throw std::runtime_error("pcap_open_dead failed");
  bpf_program prog{};
  const std::string& expr = config_.live.bpf;
  if (pcap_compile(dead, &prog, expr.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
    const std::string why = pcap_geterr(dead);
    pcap_close(dead);
    throw std::runtime_error(config_.live.interface + ": bad BPF filter '" + expr + "': " + why);
  }
  pcap_close(dead);
  sock_fprog fprog{static_cast<unsigned short>(prog.bf_len),
                   reinterpret_cast<sock_filter*>(prog.bf_insns)};
  const int rc = setsockopt(fd_, SOL_SOCKET, SO_ATTACH_FILTER, &fprog, sizeof fprog);
  pcap_freecode(&prog);
  if (rc < 0) fail("cannot attach the BPF filter");
}

void FanoutSource::set_up_ring() {
  int version = TPACKET_V3;
  if (setsockopt(fd_, SOL_PACKET, PACKET_VERSION, &version, sizeof version) < 0)
    fail("TPACKET_V3 not supported");
  block_size_ = kBlockSize;
  block_count_ = std::max(kMinBlocks, config_.ring_bytes / block_size_);
  tpacket_req3 req{};
  req.tp_block_size = block_size_;
  req.tp_block_nr = block_count_;
  req.tp_frame_size = kFrameSize;
  req.tp_frame_nr = block_size_ / kFrameSize * block_count_;
  req.tp_retire_blk_tov = kBlockTimeoutMs;
  if (setsockopt(fd_, SOL_PACKET, PACKET_RX_RING, &req, sizeof req) < 0)
    fail("cannot set up a " + std::to_string(block_count_) + " MiB receive ring");
  ring_size_ = std::size_t{block_size_} * block_count_;
  void* map = mmap(nullptr, ring_size_, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
  if (map == MAP_FAILED) fail("cannot map the receive ring");
  ring_ = static_cast<std::uint8_t*>(map);
}

void FanoutSource::join_fanout() {
  const int arg = config_.group | (PACKET_FANOUT_CBPF << 16);
  if (setsockopt(fd_, SOL_PACKET, PACKET_FANOUT, &arg, sizeof arg) < 0)
    fail("cannot join fanout group " + std::to_string(config_.group));
  sock_fprog fprog{static_cast<unsigned short>(config_.program.size()), config_.program.data()};
  if (setsockopt(fd_, SOL_PACKET, PACKET_FANOUT_DATA, &fprog, sizeof fprog) < 0)
    fail("the kernel refused the fanout program");
}

void FanoutSource::release_block() {
  auto* desc = reinterpret_cast<tpacket_block_desc*>(ring_ + std::size_t{block_} * block_size_);
  __atomic_store_n(&desc->hdr.bh1.block_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
  block_ = (block_ + 1) % block_count_;
  next_frame_ = nullptr;
}

ReadStatus FanoutSource::next(Packet& out) {
  if (stopping_.load(std::memory_order_relaxed)) return ReadStatus::kEnd;
  if (packets_left_ == 0) {
    if (next_frame_) release_block();  // every packet of the last block was handed out
    auto* desc = reinterpret_cast<tpacket_block_desc*>(ring_ + std::size_t{block_} * block_size_);
    if ((__atomic_load_n(&desc->hdr.bh1.block_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER) == 0) {
      pollfd fds[2] = {{fd_, POLLIN | POLLERR, 0}, {wake_fd_, POLLIN, 0}};
      const int rc = poll(fds, 2, config_.live.poll_ms);
      if (stopping_.load(std::memory_order_relaxed)) return ReadStatus::kEnd;
      if (fds[1].revents & POLLIN) {  // a wake(): consumed, and the caller sees an idle poll
        std::uint64_t n = 0;
        [[maybe_unused]] const auto r = ::read(wake_fd_, &n, sizeof n);
        return ReadStatus::kIdle;
      }
      if (rc < 0 && errno != EINTR) {
        ++stats_.read_errors;
        return ReadStatus::kEnd;
      }
      if ((__atomic_load_n(&desc->hdr.bh1.block_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER) == 0)
        return ReadStatus::kIdle;
    }
    packets_left_ = desc->hdr.bh1.num_pkts;
    next_frame_ = reinterpret_cast<const std::uint8_t*>(desc) + desc->hdr.bh1.offset_to_first_pkt;
    if (packets_left_ == 0) {  // a block retired by its timeout with nothing in it
      release_block();
      return ReadStatus::kIdle;
    }
  }
  const auto* hdr = reinterpret_cast<const tpacket3_hdr*>(next_frame_);
  next_frame_ += hdr->tp_next_offset;
  --packets_left_;
  const std::uint8_t* frame = reinterpret_cast<const std::uint8_t*>(hdr) + hdr->tp_mac;
  std::uint32_t caplen = hdr->tp_snaplen, len = hdr->tp_len;
  // The kernel keeps a received VLAN tag out of the frame; put it back as it was on the wire
  // (the decoder, flow.vlan_in_key and EVE's vlan field need it).
  if (link_ == LinkType::kEthernet && (hdr->tp_status & TP_STATUS_VLAN_VALID) && caplen >= 12) {
    const std::uint16_t tpid =
        (hdr->tp_status & TP_STATUS_VLAN_TPID_VALID) ? hdr->hv1.tp_vlan_tpid : ETH_P_8021Q;
    const std::uint16_t tci = static_cast<std::uint16_t>(hdr->hv1.tp_vlan_tci);
    vlan_frame_.assign(frame, frame + 12);
    const std::uint8_t tag[4] = {
        static_cast<std::uint8_t>(tpid >> 8), static_cast<std::uint8_t>(tpid),
        static_cast<std::uint8_t>(tci >> 8), static_cast<std::uint8_t>(tci)};
    vlan_frame_.insert(vlan_frame_.end(), tag, tag + 4);
    vlan_frame_.insert(vlan_frame_.end(), frame + 12, frame + caplen);
    frame = vlan_frame_.data();
    caplen += 4;
    len += 4;
  }
  out.ts = Timestamp::from_sec_usec(hdr->tp_sec, hdr->tp_nsec / 1000);
  out.data = ByteView(frame, caplen);
  out.wire_len = len;
  out.link = link_;
  out.number = ++packet_number_;
  out.verdict_id = 0;
  out.in_iface = config_.live.interface;
  ++stats_.packets;
  stats_.bytes += caplen;
  if (caplen < len) ++stats_.truncated_packets;
  return ReadStatus::kPacket;
}

void FanoutSource::stop() {
  stopping_.store(true);
  wake();
}

void FanoutSource::wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(wake_fd_, &one, sizeof one);
}

const SourceStats& FanoutSource::stats() const {
  // The kernel's counters reset on every read: add them up.
  tpacket_stats_v3 ks{};
  socklen_t size = sizeof ks;
  if (getsockopt(fd_, SOL_PACKET, PACKET_STATISTICS, &ks, &size) == 0)
    stats_.kernel_drops += ks.tp_drops;
  return stats_;
}

}  // namespace korgoo::source
