// Randomized: any arrival order of any covering set of segments, with duplicates and
// overlaps carrying the same bytes, must reproduce the original stream exactly.
#include <algorithm>
#include <random>

#include "reassembler_fixture.h"

namespace korgoo::stream::testing {
namespace {

struct Piece {
  std::uint64_t offset;
  std::uint64_t length;
  bool fin;
};

std::vector<Piece> random_pieces(std::mt19937& rng, std::uint64_t size) {
  std::vector<Piece> pieces;
  // A cover of the whole string, in random lengths.
  for (std::uint64_t off = 0; off < size;) {
    const std::uint64_t len = std::min<std::uint64_t>(size - off, 1 + rng() % 200);
    pieces.push_back({off, len, off + len == size});
    off += len;
  }
  // Duplicates and overlapping segments at random places.
  const std::size_t extra = rng() % (pieces.size() + 1) + rng() % 4;
  for (std::size_t i = 0; i < extra; ++i) {
    const std::uint64_t off = rng() % size;
    const std::uint64_t len = std::min<std::uint64_t>(size - off, 1 + rng() % 300);
    pieces.push_back({off, len, off + len == size});
  }
  std::shuffle(pieces.begin(), pieces.end(), rng);
  return pieces;
}

class Random : public ReassemblerTest, public ::testing::WithParamInterface<int> {};

TEST_P(Random, ShuffledOverlappingSegmentsGiveTheOriginal) {
  std::mt19937 rng(static_cast<std::uint32_t>(GetParam()));
  for (int round = 0; round < 50; ++round) {
    reset();
    stats = {};
    const std::uint64_t size = 1 + rng() % 4000;
    std::string original(size, '\0');
    for (char& c : original) c = static_cast<char>('a' + rng() % 26);
    // ISNs near the wrap half the time.
    const std::uint32_t isn = (rng() % 2) ? 0xFFFFFFFFu - rng() % 3000 : rng();
    const bool use_fin = rng() % 2;

    syn(kC2S, isn);
    for (const Piece& p : random_pieces(rng, size)) {
      const std::uint8_t flags = (use_fin && p.fin) ? tcp_flag::kFin : 0;
      send(kC2S, isn + 1 + static_cast<std::uint32_t>(p.offset),
           original.substr(p.offset, p.length), flags);
    }
    if (use_fin) {
      EXPECT_EQ(out.side(kC2S).ends, 1) << "round " << round;
    }
    r->flush(out);
    ASSERT_EQ(text(kC2S), original) << "round " << round;
    EXPECT_TRUE(out.side(kC2S).gaps.empty());
    EXPECT_EQ(out.side(kC2S).ends, 1);
    EXPECT_EQ(stats.overlap_conflicts, 0u);
    EXPECT_EQ(stats.bytes_delivered, size);
    EXPECT_EQ(r->buffered_bytes(), 0u);
    EXPECT_EQ(budget->used(), 0u);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, Random, ::testing::Range(1, 21));

// Same, with a small per-flow cap: whatever is delivered must match the original at its
// offset, gaps included, and reassembly must reach the end.
TEST_P(Random, UnderATightCapDeliveredBytesStayCorrect) {
  std::mt19937 rng(static_cast<std::uint32_t>(GetParam()) * 7919u);
  cfg.flow_buffer_cap = 256;
  for (int round = 0; round < 30; ++round) {
    reset();
    const std::uint64_t size = 1 + rng() % 4000;
    std::string original(size, '\0');
    for (char& c : original) c = static_cast<char>('a' + rng() % 26);
    const std::uint32_t isn = rng();
    syn(kC2S, isn);
    for (const Piece& p : random_pieces(rng, size))
      send(kC2S, isn + 1 + static_cast<std::uint32_t>(p.offset),
           original.substr(p.offset, p.length));
    EXPECT_LE(r->buffered_bytes(), 256u);
    r->flush(out);
    const std::string& got = text(kC2S);
    ASSERT_EQ(got.size(), size);
    for (std::uint64_t i = 0; i < size; ++i) {
      if (got[i] != '#') {
        ASSERT_EQ(got[i], original[i]) << "round " << round << " at " << i;
      }
    }
    EXPECT_EQ(budget->used(), 0u);
  }
}

}  // namespace
}  // namespace korgoo::stream::testing
