#include "importing/normalize.h"

#include <gtest/gtest.h>

namespace keyline::importing {
namespace {

TEST(NormalizeTest, FullWidthAndSpaces) {
  EXPECT_EQ(NormalizeText("　ＡＢＣ１２３　 项目\n名称 "), "ABC123 项目 名称");
  EXPECT_EQ(CompactText("总 投 资（万元）"), "总投资(万元)");
  EXPECT_EQ(NormalizeText("２０２５－０３"), "2025-03");
}

TEST(NormalizeTest, CellTexts) {
  xlsx::Cell n{xlsx::Cell::Kind::kNumber, "", 1234.5, false};
  EXPECT_EQ(CellText(n, false), "1234.5");
  xlsx::Cell d{xlsx::Cell::Kind::kNumber, "", 45731, true};
  EXPECT_EQ(CellText(d, false), "2025-03-15");
  xlsx::Cell f{xlsx::Cell::Kind::kNumber, "", 0.1 + 0.2, false};
  EXPECT_EQ(CellText(f, false), "0.3");
  // Text is kept as written: full-width punctuation and inner line breaks stay.
  xlsx::Cell t{xlsx::Cell::Kind::kText, "　新建教学楼（一期），面积：２万㎡\n二期待定 ", 0, false};
  EXPECT_EQ(CellText(t, false), "新建教学楼（一期），面积：２万㎡\n二期待定");
  xlsx::Cell blank{xlsx::Cell::Kind::kText, " \u3000 ", 0, false};
  EXPECT_EQ(CellText(blank, false), "");
  xlsx::Cell e{xlsx::Cell::Kind::kError, "#N/A", 0, false};
  EXPECT_EQ(CellText(e, false), "#N/A");
}

TEST(NormalizeTest, UnitsFromHeaders) {
  EXPECT_EQ(UnitInText("总投资（亿元）"), AmountUnit::kYi);
  EXPECT_EQ(UnitInText("总投资(万元)"), AmountUnit::kWan);
  EXPECT_EQ(UnitInText("单位：元"), AmountUnit::kYuan);
  EXPECT_EQ(UnitInText("总投资"), std::nullopt);
}

TEST(NormalizeTest, Amounts) {
  EXPECT_EQ(ParseAmount("12000", AmountUnit::kWan)->cents, 12000 * Money::kCentsPerWan);
  EXPECT_EQ(ParseAmount("１，２００．５", AmountUnit::kWan)->cents,
            12005 * Money::kCentsPerWan / 10);
  EXPECT_EQ(ParseAmount("3.5", AmountUnit::kYi)->cents, 35000 * Money::kCentsPerWan);
  EXPECT_EQ(ParseAmount("123456.78", AmountUnit::kYuan)->cents, 12345678);
  EXPECT_EQ(ParseAmount("2亿元", AmountUnit::kWan)->cents, 20000 * Money::kCentsPerWan);
  EXPECT_EQ(ParseAmount("500万", AmountUnit::kYi)->cents, 500 * Money::kCentsPerWan);
  EXPECT_EQ(ParseAmount("1.5E+3", AmountUnit::kWan)->cents, 1500 * Money::kCentsPerWan);
  EXPECT_EQ(ParseAmount("0.001", AmountUnit::kYuan)->cents, 0);  // rounded to the cent
  EXPECT_EQ(ParseAmount("0.005", AmountUnit::kYuan)->cents, 1);
  EXPECT_FALSE(ParseAmount("#N/A", AmountUnit::kWan).ok());
  EXPECT_FALSE(ParseAmount("约3亿", AmountUnit::kWan).ok());
  EXPECT_FALSE(ParseAmount("", AmountUnit::kWan).ok());
  EXPECT_FALSE(ParseAmount("1.2.3", AmountUnit::kWan).ok());
  EXPECT_FALSE(ParseAmount("99999999999999999999", AmountUnit::kWan).ok());
  Status st = ParseAmount("abc", AmountUnit::kWan).status();
  EXPECT_NE(st.message_zh().find("金额"), std::string::npos);
  EXPECT_NE(st.message_en().find("amount"), std::string::npos);
}

TEST(NormalizeTest, Dates) {
  EXPECT_EQ(*ParseDateText("2025年3月"), "2025-03-01");
  EXPECT_EQ(*ParseDateText("2025年3月15日"), "2025-03-15");
  EXPECT_EQ(*ParseDateText("2025.03"), "2025-03-01");
  EXPECT_EQ(*ParseDateText("2025-3-15"), "2025-03-15");
  EXPECT_EQ(*ParseDateText("2025/3/15"), "2025-03-15");
  EXPECT_EQ(*ParseDateText("202503"), "2025-03-01");
  EXPECT_EQ(*ParseDateText("20250315"), "2025-03-15");
  EXPECT_EQ(*ParseDateText("45731"), "2025-03-15");
  EXPECT_EQ(*ParseDateText("２０２５年３月"), "2025-03-01");
  EXPECT_FALSE(ParseDateText("2025年13月").ok());
  EXPECT_FALSE(ParseDateText("2025-02-30").ok());
  EXPECT_FALSE(ParseDateText("下半年").ok());
  EXPECT_FALSE(ParseDateText("25.3").ok());
  EXPECT_FALSE(ParseDateText("").ok());
}

}  // namespace
}  // namespace keyline::importing
