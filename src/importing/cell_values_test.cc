#include "importing/cell_values.h"

#include <gtest/gtest.h>

#include "importing/normalize.h"

namespace keyline::importing {
namespace {

// The ledger export writes an industry as "F5211 百货零售"; reading it back gives the code.
TEST(CellValuesTest, AnIndustryCellGivesItsCodeWithOrWithoutTheName) {
  EXPECT_EQ(IndustryCodeOf("F5211"), "F5211");
  EXPECT_EQ(IndustryCodeOf(CompactText("F5211 百货零售")), "F5211");
  EXPECT_EQ(IndustryCodeOf(CompactText("F5211 零售业")), "F5211");  // named by its 大类
  EXPECT_EQ(IndustryCodeOf(CompactText("F 批发和零售业")), "F");
  EXPECT_EQ(IndustryCodeOf(CompactText("P83 教育")), "P83");
  EXPECT_EQ(IndustryCodeOf(CompactText("I6513 应用软件开发")), "I6513");
  // A name that is not the code's, a wrong section or a category label is not a code.
  EXPECT_EQ(IndustryCodeOf(CompactText("F5211 教育")), std::nullopt);
  EXPECT_EQ(IndustryCodeOf(CompactText("P5211 百货零售")), std::nullopt);
  EXPECT_EQ(IndustryCodeOf("工业"), std::nullopt);
  EXPECT_EQ(IndustryCodeOf("A类"), std::nullopt);
}

}  // namespace
}  // namespace keyline::importing
