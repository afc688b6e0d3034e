#include "fuzz/http_entry_points.h"

#include <algorithm>

#include "app/app_layer.h"
#include "app/decoders.h"
#include "fuzz/null_sink.h"

namespace korgoo::app {
namespace {

// Feeds both directions alternately; piece sizes cycle through `cuts` (1..256 each).
template <class Target>
void feed_flow(Target& target, ByteView to_server, ByteView to_client, ByteView cuts) {
  std::size_t pos[2] = {0, 0};
  const ByteView side[2] = {to_server, to_client};
  std::size_t k = 0;
  while (pos[0] < side[0].size() || pos[1] < side[1].size()) {
    for (int d = 0; d < 2; ++d) {
      const std::size_t left = side[d].size() - pos[d];
      if (left == 0) continue;
      const std::size_t n =
          cuts.empty() ? left
                       : std::min<std::size_t>(left, std::size_t{cuts[k++ % cuts.size()]} + 1);
      target.on_data(d == 0 ? Direction::kToServer : Direction::kToClient,
                     side[d].subspan(pos[d], n));
      pos[d] += n;
    }
  }
  target.on_end(Direction::kToServer);
  target.on_end(Direction::kToClient);
}

struct FuzzContext {
  NullSink sink;
  AppMetadata meta;
  AppStats stats;
  ExpectationTable expectations;
  AppLimits limits;
  AppContext ctx{sink, meta, stats, expectations, limits, 0, {}, {}, 40000, 8081, {}};
  FuzzContext() {
    limits.max_header_bytes = 4096;  // reach the caps with small inputs
    limits.max_decompressed_bytes = 1 << 20;
  }
};

}  // namespace

void fuzz_http(ByteView to_server, ByteView to_client, ByteView cuts) {
  FuzzContext f;
  auto decoder = make_http_decoder(f.ctx);
  feed_flow(*decoder, to_server, to_client, cuts);
}

void fuzz_app_layer(ByteView input) {
  if (input.size() < 3) return;
  const std::size_t client_len = std::min<std::size_t>(load_be16(input.data()), input.size() - 3);
  const std::uint8_t piece = input[2];
  const ByteView body = input.subspan(3);
  FuzzContext f;
  AppLayer app(f.ctx, true);
  const std::uint8_t cuts[1] = {static_cast<std::uint8_t>(piece - 1)};
  feed_flow(app, body.first(client_len), body.subspan(client_len),
            piece == 0 ? ByteView{} : ByteView(cuts));
}

}  // namespace korgoo::app
