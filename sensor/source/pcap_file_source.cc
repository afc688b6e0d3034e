#include "source/pcap_file_source.h"

#include <pcap/pcap.h>

#include <algorithm>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace korgoo::source {

namespace fs = std::filesystem;

PcapFileSource::PcapFileSource(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec))
      if (entry.is_regular_file()) files_.push_back(entry.path());
    std::sort(files_.begin(), files_.end());
    if (files_.empty()) throw std::runtime_error(path.string() + ": directory holds no files");
  } else if (fs::exists(path, ec)) {
    files_.push_back(path);
  } else {
    throw std::runtime_error(path.string() + ": no such file or directory");
  }
  // Open the first file now so that an unreadable input fails at start, not mid-run.
  if (!open_next_file() && stats_.files == 0)
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
  close_current();
  while (next_file_ < files_.size()) {
    const fs::path& file = files_[next_file_++];
    char err[PCAP_ERRBUF_SIZE] = {};
    // Nanosecond precision where the file has it; we keep microseconds either way.
    handle_ =
        pcap_open_offline_with_tstamp_precision(file.c_str(), PCAP_TSTAMP_PRECISION_MICRO, err);
    if (!handle_) {
      ++stats_.read_errors;
      spdlog::error("{}: cannot read capture: {}", file.string(), err);
      continue;
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

std::string PcapFileSource::describe() const {
  if (files_.size() == 1) return files_.front().string();
  return std::to_string(files_.size()) + " capture files";
}

}  // namespace korgoo::source
