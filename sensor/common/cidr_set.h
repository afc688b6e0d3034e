// A set of CIDR prefixes answering "is this address inside any of them" (home_networks,
// allowlists). Linear over a short list; the lists this serves hold tens of prefixes.
#pragma once

#include <vector>

#include "common/ip_address.h"

namespace korgoo {

class CidrSet {
 public:
  CidrSet() = default;
  explicit CidrSet(std::vector<Cidr> prefixes) : prefixes_(std::move(prefixes)) {}
  void add(const Cidr& c) { prefixes_.push_back(c); }
  bool contains(const IpAddress& a) const {
    for (const auto& p : prefixes_)
      if (p.contains(a)) return true;
    return false;
  }
  const std::vector<Cidr>& prefixes() const { return prefixes_; }
  bool empty() const { return prefixes_.empty(); }

 private:
  std::vector<Cidr> prefixes_;
};

}  // namespace korgoo
