// What the sensor knows of each side's opening of a TCP connection, to judge RSTs and FINs
// sent before the handshake completes the way the receiving stack would (Linux,
// tcp_rcv_synsent_state_process; RFC 9293 3.10.7). A segment a real endpoint discards must not
// end inspection: a sender can otherwise make the sensor stop while the connection goes on.
#pragma once

#include <array>
#include <cstdint>

#include "common/direction.h"
#include "stream/segment.h"

namespace korgoo::stream {

class Handshake {
 public:
  // Every segment that is not discarded, before it reaches the half streams.
  void observe(Direction dir, const Segment& seg);

  // `dir` sent a SYN with a new ISN that replaces its unanswered first one.
  void restart(Direction dir, const Segment& syn);

  // A RST (or bare FIN) from `dir` that the other side would drop:
  //  - the other side sent a SYN and `dir` has not answered it (SYN-SENT): only a RST whose ACK
  //    acknowledges that SYN, and whose timestamp echo (if any) is one the other side sent
  //    (PAWS), resets it; a FIN without SYN is discarded there whatever it carries;
  //  - `dir` sent a SYN the other side has not answered: a client stack never resets a
  //    connection it is still opening (closing it sends nothing), so such a RST only answers
  //    a segment it found unacceptable, and its own connection attempt goes on.
  bool discarded_before_established(Direction dir, const Segment& seg) const;

 private:
  struct Side {
    bool syn = false;      // a SYN was seen from this side
    bool started = false;  // a SYN or data was seen from this side
    std::uint32_t isn = 0;
    bool ts = false;  // its SYN carried a timestamp
    std::uint32_t first_tsval = 0, last_tsval = 0;
  };
  const Side& side(Direction d) const { return sides_[index_of(d)]; }
  Side& side(Direction d) { return sides_[index_of(d)]; }
  bool timestamp_echo_ok(const Side& receiver, const Segment& seg) const;

  std::array<Side, 2> sides_;
};

}  // namespace korgoo::stream
