// libFuzzer harness: detection with the shipped signatures (Hyperscan callbacks, validators,
// tallies, masking of samples) over several content views of one flow, fed in chunks. Input:
// chunks of [1: bit 7 direction, bits 0-2 view kind, bits 3-4 view id][2: length][bytes].
// Checks that the tally serialises and no sample is longer than a masked value can be.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "common/json.h"
#include "detect/detect_engine.h"
#include "detect/flow_detector.h"
#include "fuzz/fuzz_input.h"
#include "output/pii_record.h"

namespace {

const korgoo::detect::DetectEngine& engine() {
  static const auto e = [] {
    korgoo::detect::DetectConfig c;
    c.signature_paths = {std::filesystem::path(KORGOO_SOURCE_DIR) / "signatures"};
    return korgoo::detect::DetectEngine::create(c);
  }();
  return *e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace korgoo;
  static const auto scratch = engine().make_scratch();
  detect::FlowDetector flow(engine());
  fuzz::FuzzInput in(data, size);
  while (!in.empty()) {
    const std::uint8_t head = in.u8();
    const Direction dir = head & 0x80 ? Direction::kToClient : Direction::kToServer;
    const ContentView view{static_cast<std::uint32_t>(head >> 3 & 3),
                           static_cast<ContentKind>(head & 7)};
    const ByteView chunk = in.bytes(in.u16());
    if (chunk.empty())
      flow.end(dir, view, *scratch);
    else
      flow.scan(dir, view, chunk, *scratch);
  }
  flow.end_all(*scratch);
  for (const Direction d : {Direction::kToServer, Direction::kToClient})
    (void)output::pii_object(flow.tally(d)).dump(-1, ' ', false, Json::error_handler_t::strict);
  return 0;
}
