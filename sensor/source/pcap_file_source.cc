#include "source/pcap_file_source.h"

#include <pcap/pcap.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace korgoo::source {

namespace fs = std::filesystem;

namespace {
// pcap (either byte order, micro- or nanosecond) and pcapng section headers.
bool looks_like_capture(const fs::path& file) {
  unsigned char m[4] = {};
  std::ifstream in(file, std::ios::binary);
  if (!in.read(reinterpret_cast<char*>(m), 4)) return false;
  const std::uint32_t be = (m[0] << 24) | (m[1] << 16) | (m[2] << 8) | m[3];
  return be == 0xa1b2c3d4 || be == 0xd4c3b2a1 || be == 0xa1b23c4d || be == 0x4d3cb2a1 ||
         be == 0x0a0d0d0a;
}
}  // namespace

PcapFileSource::PcapFileSource(const fs::path& path, std::string bpf) : bpf_(std::move(bpf)) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    directory_ = true;
    for (const auto& entry : fs::directory_iterator(path, ec))
      if (entry.is_regular_file()) files_.push_back(entry.path());
    std::sort(files_.begin(), files_.end());
    if (files_.empty()) throw std::runtime_error(path.string() + ": directory holds no files");
  } else if (fs::exists(path, ec)) {
    files_.push_back(path);
  } else {
    throw std::runtime_error(path.string() + ": no such file or directory");
  }
  for (const auto& f : files_) total_bytes_ += fs::file_size(f, ec);
  // Open the first file now so that an unreadable input fails at start, not mid-run.
  if (!open_next_file() && stats_.files == 0 && stats_.skipped_files == 0)
    throw std::runtime_error(path.string() + ": no readable capture file");
}

PcapFileSource::~PcapFileSource() {
  close_current();
}

void PcapFileSource::close_current() {
  if (handle_) pcap_close(handle_);
  handle_ = nullptr;
}

bool PcapFileSource::open_next_file() {
  if (handle_) {
    std::error_code ec;
    finished_bytes_ += fs::file_size(files_[next_file_ - 1], ec);
  }
  close_current();
  while (next_file_ < files_.size()) {
    const fs::path& file = files_[next_file_++];
    if (directory_ && !looks_like_capture(file)) {
      ++stats_.skipped_files;
      spdlog::warn("{}: not a pcap or pcapng file, skipped", file.string());
      continue;
    }
    char err[PCAP_ERRBUF_SIZE] = {};
    // Nanosecond precision where the file has it; we keep microseconds either way.
    handle_ =
        pcap_open_offline_with_tstamp_precision(file.c_str(), PCAP_TSTAMP_PRECISION_MICRO, err);
    if (!handle_) {
      ++stats_.read_errors;
      spdlog::error("{}: cannot read capture: {}", file.string(), err);
      continue;
    }
    if (!bpf_.empty()) {
      bpf_program prog{};
      if (pcap_compile(handle_, &prog, bpf_.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0 ||
          pcap_setfilter(handle_, &prog) != 0) {
        const std::string why = pcap_geterr(handle_);
        pcap_freecode(&prog);
        throw std::runtime_error(file.string() + ": bad BPF filter '" + bpf_ + "': " + why);
      }
      pcap_freecode(&prog);
    }
    ++stats_.files;
    link_ = link_type_from_dlt(pcap_datalink(handle_));
    file_packet_ = 0;
    spdlog::info("reading {} (link type {})", file.string(), pcap_datalink(handle_));
    return true;
  }
  return false;
}

ReadStatus PcapFileSource::next(Packet& out) {
  while (handle_) {
    pcap_pkthdr* hdr = nullptr;
    const u_char* data = nullptr;
    const int rc = pcap_next_ex(handle_, &hdr, &data);
    if (rc == 1) {
      ++packet_number_;
      ++file_packet_;
      out.ts = Timestamp::from_sec_usec(hdr->ts.tv_sec, hdr->ts.tv_usec);
      out.data = ByteView(data, hdr->caplen);
      out.wire_len = hdr->len;
      out.link = link_;
      out.number = packet_number_;
      out.verdict_id = 0;
      out.capture_file = files_[next_file_ - 1].native();
      ++stats_.packets;
      stats_.bytes += hdr->caplen;
      if (hdr->caplen < hdr->len) ++stats_.truncated_packets;
      return ReadStatus::kPacket;
    }
    if (rc == PCAP_ERROR) {
      // libpcap cannot resync after a damaged record header: report it and move on.
      ++stats_.read_errors;
      spdlog::error("{}: packet {}: {}; rest of the file skipped", files_[next_file_ - 1].string(),
                    file_packet_ + 1, pcap_geterr(handle_));
    }
    open_next_file();  // PCAP_ERROR_BREAK (end of file) or an error
  }
  return ReadStatus::kEnd;
}

double PcapFileSource::progress() const {
  if (total_bytes_ == 0) return -1;
  std::uint64_t at = finished_bytes_;
  if (handle_) {
    const long pos = std::ftell(pcap_file(handle_));
    if (pos > 0) at += static_cast<std::uint64_t>(pos);
  }
  return std::min(1.0, static_cast<double>(at) / static_cast<double>(total_bytes_));
}

std::string PcapFileSource::describe() const {
  if (files_.size() == 1) return files_.front().string();
  return std::to_string(files_.size()) + " capture files";
}

}  // namespace korgoo::source
