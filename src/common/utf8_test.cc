#include "common/utf8.h"

#include <gtest/gtest.h>

namespace keyline {
namespace {

TEST(Utf8Test, DecodesEveryLengthAndRoundTrips) {
  std::string text = "a\xC3\xA9\xE9\x9B\x81\xF0\x9F\x98\x80";  // a é 雁 😀
  size_t i = 0;
  std::string again;
  for (uint32_t want : {0x61u, 0xE9u, 0x96C1u, 0x1F600u}) {
    uint32_t cp = DecodeUtf8(text, &i);
    EXPECT_EQ(cp, want);
    AppendUtf8(cp, &again);
  }
  EXPECT_EQ(i, text.size());
  EXPECT_EQ(again, text);
}

TEST(Utf8Test, BadBytesAreReportedOneAtATime) {
  std::string text =
      "\xFF\xE9\x9B"
      "b\xC3";  // a bad byte, a truncated 雁, b, a cut-off é
  size_t i = 0;
  EXPECT_EQ(DecodeUtf8(text, &i), kInvalidCodePoint);
  EXPECT_EQ(i, 1u);
  EXPECT_EQ(DecodeUtf8(text, &i), kInvalidCodePoint);  // 0xE9 0x9B then 'b': not continued
  EXPECT_EQ(i, 2u);
  EXPECT_EQ(DecodeUtf8(text, &i), kInvalidCodePoint);  // a lone continuation byte
  EXPECT_EQ(DecodeUtf8(text, &i), static_cast<uint32_t>('b'));
  EXPECT_EQ(DecodeUtf8(text, &i), kInvalidCodePoint);  // truncated at the end
  EXPECT_EQ(i, text.size());
}

}  // namespace
}  // namespace keyline
