// HMAC-SHA-256 (RFC 2104 over FIPS 180-4), used to key the audit chain (core/service/audit_log.h)
// with a secret kept outside the database.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace keyline {

std::array<uint8_t, 32> HmacSha256(std::string_view key, std::string_view message);
// Lower-case hex of HmacSha256(key, message).
std::string HmacSha256Hex(std::string_view key, std::string_view message);

// Lower-case hex of bytes, and back (nullopt-like: returns false on odd length or a non-hex
// character, leaving *out unspecified).
std::string ToHex(std::string_view bytes);
bool FromHex(std::string_view hex, std::string* out);

}  // namespace keyline
