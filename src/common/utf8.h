// UTF-8 code points, one at a time: decoding that never loses a byte, and encoding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace keyline {

// What DecodeUtf8 gives for a byte that does not start a well-formed sequence.
inline constexpr uint32_t kInvalidCodePoint = 0xFFFFFFFFu;

// Decodes the code point at text[*i] (i < text.size()) and advances *i past it. A byte that
// does not start a complete, well-formed sequence gives kInvalidCodePoint and advances *i by
// one, so the caller can keep that byte as it is.
uint32_t DecodeUtf8(std::string_view text, size_t* i);

// Appends the UTF-8 bytes of cp (at most 0x10FFFF).
void AppendUtf8(uint32_t cp, std::string* out);

}  // namespace keyline
