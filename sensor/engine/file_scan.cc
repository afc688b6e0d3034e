#include "engine/file_scan.h"

#include <utility>

#include "app/file/file_decoder.h"
#include "detect/flow_detector.h"

namespace korgoo::engine {
namespace {

// Decoded text into the detector; each part between boundaries is a view of its own, so that
// no value joins across two MIME parts, and all are one group (disjoint pieces of the file:
// a value in two members or pages counts twice).
class DetectorSink final : public app::FileDecoder::Sink {
 public:
  DetectorSink(detect::FlowDetector& detector, detect::Scratch& scratch)
      : detector_(detector), scratch_(scratch) {}
  void text(std::string_view decoded) override {
    if (decoded.empty()) return;
    detector_.scan(Direction::kToServer, view_, as_bytes(decoded), scratch_);
    open_ = true;
  }
  void boundary() override {
    if (!open_) return;
    detector_.end(Direction::kToServer, view_, scratch_);
    ++view_.id;
    open_ = false;
  }

 private:
  detect::FlowDetector& detector_;
  detect::Scratch& scratch_;
  ContentView view_{1, ContentKind::kOther, 1};
  bool open_ = false;
};

}  // namespace

FileScan scan_file(const detect::DetectEngine& engine, std::istream& in, std::string_view file_name,
                   detect::Scratch& scratch, const app::AppLimits& limits, app::FileMagic* magic) {
  constexpr std::size_t kChunk = 64 * 1024;
  // This file's counters on their own, then added to the scratch's running totals.
  detect::DetectStats outer = std::exchange(scratch.stats(), detect::DetectStats{});
  detect::FlowDetector detector(engine);
  DetectorSink sink(detector, scratch);
  app::FileDecoder decoder(file_name, sink, limits);
  decoder.set_magic(magic);
  std::vector<std::uint8_t> buf(kChunk);
  while (in) {
    in.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    decoder.feed(ByteView(buf.data(), n));
  }
  decoder.finish();
  detector.end_all(scratch);
  outer.merge(scratch.stats());
  scratch.stats() = std::move(outer);
  FileScan out;
  out.tally = detector.tally(Direction::kToServer);
  out.decoders = decoder.decoders();
  out.problems = decoder.problems();
  out.encrypted = decoder.encrypted();
  out.magic = decoder.magic();
  if (in.bad()) out.problems.push_back("read error");
  return out;
}

}  // namespace korgoo::engine
