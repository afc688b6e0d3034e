// Upper bounds for the throughput bench (bench/throughput.sh): what reading a capture costs,
// and what one Hyperscan block scan of its TCP payload costs, on the same bytes korgoo replays.
//
//   capture_bounds FILE.pcap [--pattern REGEX] [--chunk BYTES]
//
// 1. The libpcap read loop alone: pcap_next_ex over every record, touching nothing.
// 2. TCP payload (Ethernet, optional 802.1Q tags, IPv4 or IPv6 without extension headers)
//    gathered into chunks of --chunk bytes (64 KiB) and hs_scan()ned in block mode with one
//    card-shaped pattern; only the hs_scan calls are timed.
//
// Throughput is MB (10^6 bytes) of capture file per CPU-second of this process's thread, so it
// compares directly with korgoo's MB/s of capture per CPU-second. Output is one line per bound,
// `key=value` pairs, for the script to parse.
#include <hs/hs.h>
#include <pcap/pcap.h>
#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kDefaultChunk = 64 * 1024;
constexpr char kDefaultPattern[] = R"(\b(?:\d[ -]?){15}\d\b)";
constexpr double kMB = 1e6;

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double wall_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::uint16_t be16(const std::uint8_t* p) {
  return static_cast<std::uint16_t>((p[0] << 8) | p[1]);
}

// The TCP payload of an Ethernet frame, or an empty span; enough for generated captures.
struct Span {
  const std::uint8_t* data = nullptr;
  std::size_t size = 0;
};

Span tcp_payload(const std::uint8_t* frame, std::size_t caplen) {
  std::size_t off = 12;
  if (caplen < off + 2) return {};
  std::uint16_t ethertype = be16(frame + off);
  off += 2;
  while ((ethertype == 0x8100 || ethertype == 0x88A8) && caplen >= off + 4) {
    ethertype = be16(frame + off + 2);
    off += 4;
  }
  const std::uint8_t* ip = frame + off;
  std::size_t avail = caplen - off;
  std::size_t ip_header = 0;
  std::size_t ip_total = 0;
  if (ethertype == 0x0800 && avail >= 20 && ip[9] == 6) {
    ip_header = static_cast<std::size_t>(ip[0] & 0x0F) * 4;
    ip_total = be16(ip + 2);
    if ((be16(ip + 6) & 0x3FFF) != 0) return {};  // a fragment: not reassembled here
  } else if (ethertype == 0x86DD && avail >= 40 && ip[6] == 6) {
    ip_header = 40;
    ip_total = 40 + be16(ip + 4);
  } else {
    return {};
  }
  if (ip_total > avail) ip_total = avail;
  if (ip_total < ip_header + 20) return {};
  const std::uint8_t* tcp = ip + ip_header;
  std::size_t tcp_header = static_cast<std::size_t>(tcp[12] >> 4) * 4;
  if (tcp_header < 20 || ip_header + tcp_header > ip_total) return {};
  return {tcp + tcp_header, ip_total - ip_header - tcp_header};
}

pcap_t* open_capture(const char* path) {
  char error[PCAP_ERRBUF_SIZE] = {};
  pcap_t* pcap = pcap_open_offline(path, error);
  if (pcap == nullptr) std::fprintf(stderr, "capture_bounds: %s: %s\n", path, error);
  return pcap;
}

int count_match(unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
  ++*static_cast<std::uint64_t*>(context);
  return 0;
}

struct Options {
  const char* path = nullptr;
  std::string pattern = kDefaultPattern;
  std::size_t chunk = kDefaultChunk;
};

bool parse(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--pattern" && i + 1 < argc) {
      options.pattern = argv[++i];
    } else if (arg == "--chunk" && i + 1 < argc) {
      options.chunk = std::strtoull(argv[++i], nullptr, 10);
    } else if (options.path == nullptr && !arg.starts_with("-")) {
      options.path = argv[i];
    } else {
      return false;
    }
  }
  return options.path != nullptr && options.chunk > 0;
}

// The read loop alone: every record through pcap_next_ex, nothing else.
bool read_loop(const Options& options, double file_mb) {
  pcap_t* pcap = open_capture(options.path);
  if (pcap == nullptr) return false;
  std::uint64_t packets = 0;
  std::uint64_t captured = 0;
  pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  double cpu0 = thread_cpu_seconds();
  double wall0 = wall_seconds();
  while (pcap_next_ex(pcap, &header, &data) == 1) {
    ++packets;
    captured += header->caplen;
  }
  double cpu = thread_cpu_seconds() - cpu0;
  double wall = wall_seconds() - wall0;
  pcap_close(pcap);
  std::printf(
      "bound=pcap_read packets=%llu captured_bytes=%llu cpu_s=%.3f wall_s=%.3f "
      "mb_per_cpu_s=%.1f mb_per_wall_s=%.1f\n",
      static_cast<unsigned long long>(packets), static_cast<unsigned long long>(captured), cpu,
      wall, file_mb / cpu, file_mb / wall);
  return true;
}

// TCP payload in --chunk pieces through hs_scan; only the scans are timed.
bool block_scan(const Options& options, double file_mb) {
  hs_database_t* db = nullptr;
  hs_compile_error_t* compile_error = nullptr;
  if (hs_compile(options.pattern.c_str(), 0, HS_MODE_BLOCK, nullptr, &db, &compile_error) !=
      HS_SUCCESS) {
    std::fprintf(stderr, "capture_bounds: pattern: %s\n", compile_error->message);
    hs_free_compile_error(compile_error);
    return false;
  }
  hs_scratch_t* scratch = nullptr;
  pcap_t* pcap =
      hs_alloc_scratch(db, &scratch) == HS_SUCCESS ? open_capture(options.path) : nullptr;
  if (pcap == nullptr) {
    hs_free_scratch(scratch);
    hs_free_database(db);
    return false;
  }
  std::vector<char> chunk;
  chunk.reserve(options.chunk);
  std::uint64_t payload = 0;
  std::uint64_t matches = 0;
  double scan_cpu = 0;
  double scan_wall = 0;
  bool ok = true;
  auto flush = [&] {
    double cpu0 = thread_cpu_seconds();
    double wall0 = wall_seconds();
    ok = ok && hs_scan(db, chunk.data(), static_cast<unsigned>(chunk.size()), 0, scratch,
                       count_match, &matches) == HS_SUCCESS;
    scan_cpu += thread_cpu_seconds() - cpu0;
    scan_wall += wall_seconds() - wall0;
    chunk.clear();
  };
  pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  while (pcap_next_ex(pcap, &header, &data) == 1) {
    Span span = tcp_payload(data, header->caplen);
    payload += span.size;
    while (span.size > 0) {
      std::size_t take = std::min(span.size, options.chunk - chunk.size());
      chunk.insert(chunk.end(), span.data, span.data + take);
      span.data += take;
      span.size -= take;
      if (chunk.size() == options.chunk) flush();
    }
  }
  if (!chunk.empty()) flush();
  pcap_close(pcap);
  hs_free_scratch(scratch);
  hs_free_database(db);
  if (!ok) {
    std::fprintf(stderr, "capture_bounds: hs_scan failed\n");
    return false;
  }
  std::printf(
      "bound=hs_block_scan chunk=%zu payload_bytes=%llu matches=%llu cpu_s=%.3f wall_s=%.3f "
      "mb_per_cpu_s=%.1f mb_per_wall_s=%.1f payload_mb_per_cpu_s=%.1f\n",
      options.chunk, static_cast<unsigned long long>(payload),
      static_cast<unsigned long long>(matches), scan_cpu, scan_wall, file_mb / scan_cpu,
      file_mb / scan_wall, static_cast<double>(payload) / kMB / scan_cpu);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse(argc, argv, options)) {
    std::fprintf(stderr, "usage: capture_bounds FILE.pcap [--pattern REGEX] [--chunk BYTES]\n");
    return 2;
  }
  struct stat st {};
  if (stat(options.path, &st) != 0) {
    std::perror(options.path);
    return 1;
  }
  double file_mb = static_cast<double>(st.st_size) / kMB;
  std::printf("file=%s file_bytes=%lld pattern=%s\n", options.path,
              static_cast<long long>(st.st_size), options.pattern.c_str());
  return read_loop(options, file_mb) && block_scan(options, file_mb) ? 0 : 1;
}
