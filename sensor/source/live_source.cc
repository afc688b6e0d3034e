#include "source/live_source.h"

#include <pcap/pcap.h>
#include <poll.h>

#include <stdexcept>

namespace korgoo::source {

namespace {
[[noreturn]] void fail(pcap* p, const std::string& iface, const std::string& what) {
  std::string msg = iface + ": " + what + ": " + (p ? pcap_geterr(p) : "");
  if (p) pcap_close(p);
  throw std::runtime_error(msg);
}
}  // namespace

LiveSource::LiveSource(LiveConfig config) : config_(std::move(config)) {
  char err[PCAP_ERRBUF_SIZE] = {};
  pcap* p = pcap_create(config_.interface.c_str(), err);
  if (!p) throw std::runtime_error(config_.interface + ": " + err);
  pcap_set_snaplen(p, config_.snaplen);
  pcap_set_promisc(p, config_.promiscuous ? 1 : 0);
  pcap_set_timeout(p, config_.poll_ms);
  pcap_set_buffer_size(p, config_.buffer_mib * 1024 * 1024);
  const int rc = pcap_activate(p);
  if (rc < 0) fail(p, config_.interface, "cannot capture");
  if (!config_.bpf.empty()) {
    bpf_program prog{};
    if (pcap_compile(p, &prog, config_.bpf.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0)
      fail(p, config_.interface, "bad BPF filter '" + config_.bpf + "'");
    const int set = pcap_setfilter(p, &prog);
    pcap_freecode(&prog);
    if (set != 0) fail(p, config_.interface, "cannot set BPF filter");
  }
  handle_ = p;
  link_ = link_type_from_dlt(pcap_datalink(p));
}

LiveSource::~LiveSource() {
  if (handle_) pcap_close(handle_);
}

ReadStatus LiveSource::next(Packet& out) {
  pcap_pkthdr* hdr = nullptr;
  const u_char* data = nullptr;
  // libpcap's read timeout does not fire on a link with no packet at all (TPACKET_V3), so
  // wait here: an idle link still returns kIdle every poll_ms (stats, timeouts, control).
  if (const int fd = pcap_get_selectable_fd(handle_); fd >= 0) {
    pollfd pfd{fd, POLLIN, 0};
    if (::poll(&pfd, 1, config_.poll_ms) == 0) return ReadStatus::kIdle;
  }
  const int rc = pcap_next_ex(handle_, &hdr, &data);
  if (rc == 0) return ReadStatus::kIdle;
  if (rc == PCAP_ERROR_BREAK) return ReadStatus::kEnd;
  if (rc < 0) {
    ++stats_.read_errors;
    return ReadStatus::kEnd;
  }
  out.ts = Timestamp::from_sec_usec(hdr->ts.tv_sec, hdr->ts.tv_usec);
  out.data = ByteView(data, hdr->caplen);
  out.wire_len = hdr->len;
  out.link = link_;
  out.number = ++packet_number_;
  out.verdict_id = 0;
  out.in_iface = config_.interface;
  ++stats_.packets;
  stats_.bytes += hdr->caplen;
  if (hdr->caplen < hdr->len) ++stats_.truncated_packets;
  return ReadStatus::kPacket;
}

void LiveSource::stop() {
  pcap_breakloop(handle_);
}

const SourceStats& LiveSource::stats() const {
  pcap_stat ps{};
  if (pcap_stats(handle_, &ps) == 0) stats_.kernel_drops = ps.ps_drop + ps.ps_ifdrop;
  return stats_;
}

}  // namespace korgoo::source
