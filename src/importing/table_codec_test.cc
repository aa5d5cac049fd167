#include "importing/table_codec.h"

#include <gtest/gtest.h>

namespace keyline::importing {
namespace {

TEST(TableCodecTest, RoundTripsEveryByteAndRefusesDamage) {
  SheetTable t;
  t.header_first = 3;
  t.header_last = 4;
  t.default_unit = AmountUnit::kYi;
  t.columns = {{1, "B", "项目名称"}, {27, "AB", "总投资（万元）/其中：中央预算内"}};
  t.rows.Add(5, {"甲:1:2", ""});
  t.rows.Add(6, {"乙\n项目", "12,000"}, "一、产业项目");
  t.skipped = {{8, "合计/小计行", "totals row"}};
  std::string text = EncodeTable(t);
  auto back = DecodeTable(text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->header_first, 3);
  EXPECT_EQ(back->default_unit, AmountUnit::kYi);
  ASSERT_EQ(back->columns.size(), 2u);
  EXPECT_EQ(back->columns[1].letter, "AB");
  EXPECT_EQ(back->columns[1].header, "总投资（万元）/其中：中央预算内");
  ASSERT_EQ(back->rows.size(), 2u);
  EXPECT_EQ(back->rows[0].cells[0], "甲:1:2");
  EXPECT_EQ(back->rows[1].cells[0], "乙\n项目");
  EXPECT_EQ(back->rows[1].cells[1], "12,000");
  EXPECT_EQ(back->rows[0].cells[1], "");
  EXPECT_EQ(back->rows[1].row, 6);
  EXPECT_EQ(back->rows[0].section, "");
  EXPECT_EQ(back->rows[1].section, "一、产业项目");
  EXPECT_EQ(EncodeTable(*back), text);
  EXPECT_EQ(back->skipped[0].reason_en, "totals row");
  for (size_t cut : {size_t{0}, size_t{3}, text.size() / 2, text.size() - 1}) {
    EXPECT_FALSE(DecodeTable(text.substr(0, cut)).ok()) << cut;
  }
  EXPECT_FALSE(DecodeTable(text + "x").ok());
  EXPECT_FALSE(DecodeTable("2:T199999999999999:").ok());

  ColumnMapping m{{std::nullopt, "name"}, {"", "user"}};
  auto mb = DecodeMapping(EncodeMapping(m));
  ASSERT_TRUE(mb.ok());
  EXPECT_EQ(mb->fields[0], std::nullopt);
  EXPECT_EQ(mb->fields[1], "name");
  EXPECT_EQ(mb->sources[1], "user");
  EXPECT_FALSE(DecodeMapping("garbage").ok());
}

}  // namespace
}  // namespace keyline::importing
