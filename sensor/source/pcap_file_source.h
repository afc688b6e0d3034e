// Replays capture files (pcap or pcapng, via libpcap) in order: one file, or every regular
// file of a directory in name order. A damaged file is read up to the damage, reported with
// the packet number and reason, and the next file is opened: nothing readable is lost.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "source/packet_source.h"

struct pcap;

namespace korgoo::source {

class PcapFileSource final : public PacketSource {
 public:
  // Throws std::runtime_error naming the path when it does not exist or holds no files.
  // `bpf`: a filter applied to every file (-F). In a directory, files that are not pcap or
  // pcapng are skipped with one warning each (stats().skipped_files).
  explicit PcapFileSource(const std::filesystem::path& path, std::string bpf = "");
  ~PcapFileSource() override;
  PcapFileSource(const PcapFileSource&) = delete;
  PcapFileSource& operator=(const PcapFileSource&) = delete;

  ReadStatus next(Packet& out) override;
  const SourceStats& stats() const override { return stats_; }
  std::string describe() const override;
  double progress() const override;

  const std::vector<std::filesystem::path>& files() const { return files_; }

 private:
  bool open_next_file();
  void close_current();

  std::vector<std::filesystem::path> files_;
  std::string bpf_;
  bool directory_ = false;
  std::uint64_t total_bytes_ = 0;     // sizes of all files, for progress()
  std::uint64_t finished_bytes_ = 0;  // of the files already read
  std::size_t next_file_ = 0;
  pcap* handle_ = nullptr;
  LinkType link_ = LinkType::kEthernet;
  std::uint64_t packet_number_ = 0;  // across files, like pcap_cnt over a directory run
  std::uint64_t file_packet_ = 0;    // within the current file, for error messages
  SourceStats stats_;
};

}  // namespace korgoo::source
