// libFuzzer harness: the capture file reader (libpcap behind PcapFileSource) on any bytes
// written as a file, read to the end. A file it cannot open is a runtime_error naming it.
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "fuzz/temp_file.h"
#include "source/pcap_file_source.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static korgoo::fuzz::TempFile file(".pcap");
  try {
    korgoo::source::PcapFileSource source(file.write(data, size));
    korgoo::source::Packet pkt;
    std::size_t bytes = 0;
    while (source.next(pkt) == korgoo::source::ReadStatus::kPacket) {
      // Touch every captured byte: a view past the buffer is ASan's to report.
      for (auto b : pkt.data) bytes += b;
    }
    (void)source.stats();
    (void)bytes;
  } catch (const std::runtime_error&) {
  }
  return 0;
}
