// Replays shared captures through one decoder: no crash, and the counters add up.
#include <gtest/gtest.h>
#include <pcap/pcap.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "decode/decoder.h"

namespace korgoo::decode {
namespace {

struct Replay {
  std::uint64_t packets = 0;
  std::map<DecodeResult, std::uint64_t> results;
  DecodeStats stats;
};

// As the source does: libpcap reports LINKTYPE_RAW as DLT_RAW, 12 (14 on some BSDs).
source::LinkType link_type(int dlt) {
  if (dlt == 12 || dlt == 14) return source::LinkType::kRaw;
  return static_cast<source::LinkType>(dlt);
}

// Returns false when the capture is not there (the shared folder is optional).
bool replay(const std::string& path, Replay& r, const DecodeConfig& cfg = {},
            std::size_t* peak_fragment_memory = nullptr) {
  if (!std::filesystem::exists(path)) return false;
  char err[PCAP_ERRBUF_SIZE];
  pcap_t* pcap = pcap_open_offline(path.c_str(), err);
  if (pcap == nullptr) {
    ADD_FAILURE() << err;
    return false;
  }
  Decoder decoder(cfg);
  const auto link = link_type(pcap_datalink(pcap));
  pcap_pkthdr* hdr = nullptr;
  const std::uint8_t* data = nullptr;
  while (pcap_next_ex(pcap, &hdr, &data) == 1) {
    source::Packet pkt;
    pkt.ts = Timestamp::from_sec_usec(hdr->ts.tv_sec, hdr->ts.tv_usec);
    pkt.data = ByteView(data, hdr->caplen);
    pkt.wire_len = hdr->len;
    pkt.link = link;
    pkt.number = ++r.packets;
    DecodedPacket out;
    ++r.results[decoder.decode(pkt, out)];
    if (peak_fragment_memory != nullptr)
      *peak_fragment_memory = std::max(*peak_fragment_memory, decoder.fragment_memory());
  }
  pcap_close(pcap);
  r.stats = decoder.stats();
  return true;
}

std::string shared(const char* rel) {
  return std::string(KORGOO_SHARED_DIR) + "/pcaps/" + rel;
}

TEST(PcapReplay, FragmentCollisionFloodSecurity8510) {
  Replay r;
  if (!replay(shared("stress/security-8510.pcap"), r)) GTEST_SKIP() << "shared pcaps absent";
  const DecodeStats& s = r.stats;
  EXPECT_EQ(r.packets, 16384u);
  EXPECT_EQ(s.packets, r.packets);
  // Every packet is an IP fragment.
  EXPECT_EQ(s.ipv4 + s.ipv6, r.packets);
  EXPECT_EQ(s.frag.received, r.packets);
  // Each result is accounted for once.
  std::uint64_t by_result = 0;
  for (const auto& [result, n] : r.results) by_result += n;
  EXPECT_EQ(by_result, r.packets);
  EXPECT_EQ(r.results[DecodeResult::kOk], s.tcp + s.udp + s.other_ip);
  EXPECT_EQ(r.results[DecodeResult::kError], s.errors_total());
  EXPECT_EQ(r.results[DecodeResult::kNotIp], 0u);
  // A completed datagram yields one result: delivered, or an error in its reassembled bytes.
  EXPECT_LE(s.frag.reassembled, r.results[DecodeResult::kOk] + r.results[DecodeResult::kError]);
  // The capture is 4096 IPv4 and 4096 IPv6 datagrams of two fragments each: IPv4 ones carry
  // protocol 44 (delivered as other_ip), IPv6 ones a UDP header of 'Y' bytes whose length
  // field (0x5959) exceeds the 16-byte datagram.
  EXPECT_EQ(s.frag.reassembled, 8192u);
  EXPECT_EQ(s.other_ip, 4096u);
  EXPECT_EQ(s.error(DecodeError::kUdpBadLength), 4096u);
  EXPECT_EQ(r.results[DecodeResult::kFragmentHeld], 8192u);
  EXPECT_EQ(s.frag.overlap_conflicts, 0u);
  Json j;
  s.to_json(j);
  RecordProperty("stats", j.dump());
  std::printf("security-8510: %s\n", j.dump().c_str());
}

TEST(PcapReplay, FragmentFloodStaysUnderATinyMemcap) {
  DecodeConfig cfg;
  cfg.frag_memcap = 700;  // room for about one datagram: the flood must evict, not grow
  Replay r;
  std::size_t peak = 0;
  if (!replay(shared("stress/security-8510.pcap"), r, cfg, &peak))
    GTEST_SKIP() << "shared pcaps absent";
  EXPECT_LE(peak, cfg.frag_memcap);
  EXPECT_EQ(r.stats.packets, 16384u);
  EXPECT_EQ(r.stats.frag.received, 16384u);
  EXPECT_GT(r.stats.frag.evicted, 0u);
  EXPECT_LT(r.stats.frag.reassembled, 8192u);
  std::uint64_t by_result = 0;
  for (const auto& [result, n] : r.results) by_result += n;
  EXPECT_EQ(by_result, r.stats.packets);
}

TEST(PcapReplay, SharedCapturesDecodeWithoutSurprises) {
  std::uint64_t files = 0, packets = 0, errors = 0;
  for (const char* sub : {"suricata-verify", "stress"}) {
    const std::string dir = shared(sub);
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".pcap") continue;
      Replay r;
      if (!replay(entry.path().string(), r)) continue;
      ++files;
      packets += r.packets;
      errors += r.stats.errors_total();
      EXPECT_EQ(r.stats.error(DecodeError::kUnknownLinktype), 0u) << entry.path();
      EXPECT_EQ(r.stats.packets, r.packets) << entry.path();
    }
  }
  if (files == 0) GTEST_SKIP() << "shared pcaps absent";
  std::printf("shared captures: %lu files, %lu packets, %lu decode errors\n",
              static_cast<unsigned long>(files), static_cast<unsigned long>(packets),
              static_cast<unsigned long>(errors));
}

}  // namespace
}  // namespace korgoo::decode
