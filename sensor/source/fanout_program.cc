#include "source/fanout_program.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace korgoo::source {

namespace {

// A tiny assembler: conditional jumps only ever skip the one instruction after them, so
// that a long `ja` (32-bit offset) can follow and reach any label; the 8-bit offsets of the
// conditional jumps then never overflow, however many prefixes home_networks holds.
class Assembler {
 public:
  int new_label() {
    labels_.push_back(-1);
    return static_cast<int>(labels_.size()) - 1;
  }
  void bind(int label) { labels_[label] = static_cast<int>(code_.size()); }
  void op(std::uint16_t code, std::uint32_t k = 0) { code_.push_back({code, 0, 0, k}); }
  // if (A <cmp> k) goto label   (cmp: BPF_JEQ, BPF_JGT, BPF_JGE with BPF_K or BPF_X)
  void jump_if(std::uint16_t cmp, std::uint32_t k, int label) {
    code_.push_back({static_cast<std::uint16_t>(BPF_JMP | cmp), 0, 1, k});
    jump(label);
  }
  void jump(int label) {
    fixups_.push_back({code_.size(), label});
    op(BPF_JMP | BPF_JA);
  }
  std::vector<sock_filter> finish() {
    for (const auto& [at, label] : fixups_) {
      if (labels_[label] < 0 || static_cast<std::size_t>(labels_[label]) <= at)
        throw std::logic_error("fanout program: jump to an unbound or earlier label");
      code_[at].k = static_cast<std::uint32_t>(labels_[label] - static_cast<int>(at) - 1);
    }
    if (code_.size() > BPF_MAXINSNS)
      throw std::runtime_error(
          "home_networks has too many prefixes for the AF_PACKET fanout program (the kernel "
          "takes 4096 instructions): use capture.method: pcap, or fewer, wider prefixes");
    return std::move(code_);
  }

 private:
  std::vector<sock_filter> code_;
  std::vector<int> labels_;
  std::vector<std::pair<std::size_t, int>> fixups_;
};

std::uint32_t word_of(const IpAddress& a, int i) {
  const auto& b = a.bytes();
  return std::uint32_t{b[4 * i]} << 24 | std::uint32_t{b[4 * i + 1]} << 16 |
         std::uint32_t{b[4 * i + 2]} << 8 | b[4 * i + 3];
}

std::uint32_t mask_of(int prefix_len, int word) {
  const int bits = std::clamp(prefix_len - 32 * word, 0, 32);
  return bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
}

// Emits: goto `hit` when the address stored in M[base..base+words) is in one of `prefixes`
// of that family; falls through otherwise.
void emit_membership(Assembler& a, const std::vector<Cidr>& prefixes, int words, int base,
                     int hit) {
  for (const Cidr& c : prefixes) {
    if ((words == 1) != c.network().is_v4()) continue;
    const int next = a.new_label();
    for (int w = 0; w < words; ++w) {
      const std::uint32_t mask = mask_of(c.prefix_len(), w);
      if (mask == 0) break;  // the rest of the address is outside the prefix
      a.op(BPF_LD | BPF_MEM, static_cast<std::uint32_t>(base + w));
      if (mask != ~std::uint32_t{0}) a.op(BPF_ALU | BPF_AND | BPF_K, mask);
      const int word_matches = a.new_label();
      a.jump_if(BPF_JEQ | BPF_K, word_of(c.network(), w) & mask, word_matches);
      a.jump(next);
      a.bind(word_matches);
    }
    a.jump(hit);
    a.bind(next);
  }
}

// One address family: `words` 32-bit words per address, the source address at network
// offset `src_off` and the destination right after it. Scratch: M[0..words) the source,
// M[words..2*words) the destination, M[2*words] the hash being built.
void emit_family(Assembler& a, const CidrSet& home, int words, std::uint32_t src_off) {
  for (int i = 0; i < 2 * words; ++i) {
    a.op(BPF_LD | BPF_W | BPF_ABS, static_cast<std::uint32_t>(SKF_NET_OFF) + src_off + 4 * i);
    a.op(BPF_ST, static_cast<std::uint32_t>(i));
  }
  const int src_home = a.new_label(), pick_src = a.new_label(), pick_dst = a.new_label(),
            pick_lower = a.new_label(), hash = a.new_label();
  emit_membership(a, home.prefixes(), words, 0, src_home);
  emit_membership(a, home.prefixes(), words, words, pick_dst);  // only the destination is home
  a.jump(pick_lower);
  a.bind(src_home);
  emit_membership(a, home.prefixes(), words, words, pick_lower);  // both are home
  a.jump(pick_src);
  // The lower address, compared word by word from the most significant one.
  a.bind(pick_lower);
  for (int w = 0; w < words; ++w) {
    a.op(BPF_LDX | BPF_MEM, static_cast<std::uint32_t>(words + w));
    a.op(BPF_LD | BPF_MEM, static_cast<std::uint32_t>(w));
    a.jump_if(BPF_JGT | BPF_X, 0, pick_dst);  // source word > destination word
    if (w + 1 < words) {
      const int equal = a.new_label();
      a.jump_if(BPF_JEQ | BPF_X, 0, equal);
      a.jump(pick_src);
      a.bind(equal);
    }
  }
  a.jump(pick_src);  // source lower or equal
  // The chosen address folded into one word with xor, left in A.
  for (const auto& [label, base] : {std::pair{pick_src, 0}, std::pair{pick_dst, words}}) {
    a.bind(label);
    a.op(BPF_LD | BPF_MEM, static_cast<std::uint32_t>(base));
    for (int w = 1; w < words; ++w) {
      a.op(BPF_LDX | BPF_MEM, static_cast<std::uint32_t>(base + w));
      a.op(BPF_ALU | BPF_XOR | BPF_X);
    }
    a.jump(hash);
  }
  // A 32-bit finaliser (xor-shift, multiply, xor-shift) so that neighbouring addresses spread
  // over the sockets; the kernel then takes the result modulo their number.
  a.bind(hash);
  a.op(BPF_MISC | BPF_TAX);
  a.op(BPF_ALU | BPF_RSH | BPF_K, 16);
  a.op(BPF_ALU | BPF_XOR | BPF_X);
  a.op(BPF_ALU | BPF_MUL | BPF_K, 0x45d9f3bU);
  a.op(BPF_MISC | BPF_TAX);
  a.op(BPF_ALU | BPF_RSH | BPF_K, 16);
  a.op(BPF_ALU | BPF_XOR | BPF_X);
  a.op(BPF_RET | BPF_A);
}

}  // namespace

std::vector<sock_filter> fanout_program(const CidrSet& home_networks) {
  Assembler a;
  const int v4 = a.new_label(), v6 = a.new_label();
  a.op(BPF_LD | BPF_W | BPF_ABS, static_cast<std::uint32_t>(SKF_AD_OFF + SKF_AD_PROTOCOL));
  a.jump_if(BPF_JEQ | BPF_K, 0x0800, v4);
  a.jump_if(BPF_JEQ | BPF_K, 0x86dd, v6);
  a.op(BPF_RET | BPF_K, 0);  // not IP: worker 0
  a.bind(v4);
  emit_family(a, home_networks, 1, 12);
  a.bind(v6);
  emit_family(a, home_networks, 4, 8);
  return a.finish();
}

}  // namespace korgoo::source
