#include "common/hmac_sha256.h"

#include "common/sha256.h"

namespace keyline {
namespace {

constexpr size_t kBlock = 64;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::array<uint8_t, 32> HmacSha256(std::string_view key, std::string_view message) {
  std::string k(kBlock, '\0');
  if (key.size() > kBlock) {
    auto digest = Sha256(key);
    k.replace(0, digest.size(), reinterpret_cast<const char*>(digest.data()), digest.size());
  } else {
    k.replace(0, key.size(), key);
  }
  std::string inner;
  inner.reserve(kBlock + message.size());
  for (char c : k) inner.push_back(static_cast<char>(c ^ 0x36));
  inner.append(message);
  auto inner_digest = Sha256(inner);
  std::string outer;
  outer.reserve(kBlock + inner_digest.size());
  for (char c : k) outer.push_back(static_cast<char>(c ^ 0x5c));
  outer.append(reinterpret_cast<const char*>(inner_digest.data()), inner_digest.size());
  return Sha256(outer);
}

std::string HmacSha256Hex(std::string_view key, std::string_view message) {
  auto mac = HmacSha256(key, message);
  return ToHex(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0xf]);
  }
  return out;
}

bool FromHex(std::string_view hex, std::string* out) {
  if (hex.size() % 2 != 0) return false;
  out->clear();
  out->reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = HexValue(hex[i]);
    int lo = HexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
  }
  return true;
}

}  // namespace keyline
