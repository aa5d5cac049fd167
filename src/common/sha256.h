// SHA-256 (FIPS 180-4), used for the audit hash chain and session-token digests.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace keyline {

std::array<uint8_t, 32> Sha256(std::string_view data);
// Lower-case hex of Sha256(data).
std::string Sha256Hex(std::string_view data);

}  // namespace keyline
