#include "detect/scan_stream.h"

#include <utility>
#include <vector>

#include "detect/flow_detector.h"

namespace korgoo::detect {

Tally scan_stream(const DetectEngine& engine, std::istream& in, Scratch& scratch,
                  DetectStats* stats) {
  constexpr std::size_t kChunk = 64 * 1024;
  DetectStats outer = std::exchange(scratch.stats(), DetectStats{});
  FlowDetector detector(engine);
  std::vector<std::uint8_t> buf(kChunk);
  while (in) {
    in.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    detector.scan(Direction::kToServer, kRawView, ByteView(buf.data(), n), scratch);
  }
  detector.end_all(scratch);
  if (stats != nullptr) stats->merge(scratch.stats());
  outer.merge(scratch.stats());
  scratch.stats() = std::move(outer);
  return detector.tally(Direction::kToServer);
}

}  // namespace korgoo::detect
