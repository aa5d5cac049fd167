#include "common/hmac_sha256.h"

#include <gtest/gtest.h>

namespace keyline {
namespace {

// RFC 4231 test cases 1, 2, 4 and 6 (a key longer than the block).
TEST(HmacSha256Test, Rfc4231Vectors) {
  EXPECT_EQ(HmacSha256Hex(std::string(20, '\x0b'), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  std::string key4;
  ASSERT_TRUE(FromHex("0102030405060708090a0b0c0d0e0f10111213141516171819", &key4));
  EXPECT_EQ(HmacSha256Hex(key4, std::string(50, '\xcd')),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  EXPECT_EQ(HmacSha256Hex(std::string(131, '\xaa'),
                          "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(HmacSha256Test, HexRoundTripAndRejects) {
  std::string bytes;
  ASSERT_TRUE(FromHex("00ff7Fa0", &bytes));
  EXPECT_EQ(ToHex(bytes), "00ff7fa0");
  EXPECT_FALSE(FromHex("abc", &bytes));
  EXPECT_FALSE(FromHex("zz", &bytes));
}

}  // namespace
}  // namespace keyline
