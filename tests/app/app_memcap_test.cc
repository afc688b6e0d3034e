// app.memcap (issue 12 item 3): HTTP head buffers of all flows of a worker share one cap; a
// head that cannot grow is read as raw bytes (nothing lost) and counted, and finished heads
// give their memory back.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/decoders.h"
#include "recording_sink.h"

namespace korgoo::app {
namespace {

using testing::TestContext;

TEST(AppMemcap, SharesOneCapAcrossFlowsAndFallsBackToRaw) {
  AppMemory memory(3 * AppMemoryShare::kStep);
  TestContext a, b;
  a.ctx.memory = b.ctx.memory = &memory;
  auto first = make_http_decoder(a.ctx);
  auto second = make_http_decoder(b.ctx);
  const std::string open_head = "GET / HTTP/1.1\r\nX-Filler: " + std::string(10'000, 'a');
  first->on_data(Direction::kToServer, as_bytes(open_head));  // takes 3 steps: all of it
  EXPECT_EQ(memory.used(), 3 * AppMemoryShare::kStep);
  second->on_data(Direction::kToServer, as_bytes(open_head));  // refused at once
  EXPECT_GE(memory.hits(), 1u);
  EXPECT_LE(memory.peak(), memory.capacity());
  // The refused flow's bytes still reach the raw view, every one of them.
  std::string raw;
  for (const auto& piece : b.sink.contents(ContentKind::kRaw, Direction::kToServer)) raw += piece;
  EXPECT_EQ(raw, open_head);
  // The first head completes: its memory returns, and a new flow parses normally.
  first->on_data(Direction::kToServer, as_bytes(std::string("\r\n\r\n")));
  EXPECT_EQ(memory.used(), 0u);
  TestContext c;
  c.ctx.memory = &memory;
  auto third = make_http_decoder(c.ctx);
  third->on_data(Direction::kToServer, as_bytes(std::string("GET /x HTTP/1.1\r\nHost: h\r\n\r\n")));
  EXPECT_EQ(c.sink.contents(ContentKind::kHttpUri, Direction::kToServer),
            std::vector<std::string>{"/x"});
  EXPECT_EQ(memory.used(), 0u);
}

}  // namespace
}  // namespace korgoo::app
