// Why a packet could not be decoded. Every malformed case maps to one reason, counted in
// DecodeStats and shown in logs by its snake_case name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace korgoo::decode {

enum class DecodeError : std::uint8_t {
  kNone = 0,
  kUnknownLinktype,
  kEthTruncated,
  kVlanTruncated,
  kVlanTooManyLayers,
  kSllTruncated,
  kSll2Truncated,
  kNullTruncated,
  kChdlcTruncated,
  kRawTruncated,
  kRawBadVersion,
  kIpv4Truncated,
  kIpv4BadVersion,
  kIpv4BadIhl,
  kIpv4BadLength,
  kIpv4BadOption,
  kIpv6Truncated,
  kIpv6BadVersion,
  kIpv6ExtTruncated,
  kIpv6HbhNotFirst,
  kIpv6TooManyExt,
  kTcpTruncated,
  kTcpBadOffset,
  kUdpTruncated,
  kUdpBadLength,
  kFragTooLarge,
  kFragBadLength,
  kFragTooMany,
  kFragInconsistentEnd,
  kFragNested,
  kEncapTooDeep,
  kGreTruncated,
  kGreBadVersion,
  kGreBadFlags,
  kErspanTruncated,
  kErspanBadVersion,
  kPppTruncated,
  kPppoeTruncated,
  kPppoeBadHeader,
  kMplsTruncated,
  kMplsTooManyLabels,
  kVxlanTruncated,
  kVxlanBadFlags,
  kGeneveTruncated,
  kGeneveBadVersion,
  kNshTruncated,
  kNshBadVersion,
  kNshBadLength,
  kCount,  // not a reason: the number of enumerators
};

inline constexpr std::size_t kDecodeErrorCount = static_cast<std::size_t>(DecodeError::kCount);

// snake_case name, e.g. "ipv4_truncated"; "none" for kNone.
std::string_view name(DecodeError e);

}  // namespace korgoo::decode
