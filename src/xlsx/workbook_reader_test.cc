// Pure helpers: serial dates, column names, date formats, cell text.
#include "xlsx/workbook_reader.h"

#include <gtest/gtest.h>

#include "xlsx/text_format.h"

namespace keyline::xlsx {
namespace {

std::string D(double serial, bool date1904 = false) {
  auto d = SerialToDate(serial, date1904);
  return d ? d->ToString() : "none";
}

TEST(SerialToDate, Excel1900SystemWithItsPhantomLeapDay) {
  EXPECT_EQ(D(1), "1900-01-01");
  EXPECT_EQ(D(59), "1900-02-28");
  EXPECT_EQ(D(60), "none");  // 1900-02-29 does not exist
  EXPECT_EQ(D(61), "1900-03-01");
  EXPECT_EQ(D(45731), "2025-03-15");
  EXPECT_EQ(D(45731.99), "2025-03-15");  // the time of day is ignored
  EXPECT_EQ(D(2958465), "9999-12-31");
  EXPECT_EQ(D(2958466), "none");
  EXPECT_EQ(D(0), "none");
  EXPECT_EQ(D(-1), "none");
  EXPECT_EQ(D(std::numeric_limits<double>::quiet_NaN()), "none");
  EXPECT_EQ(D(1e300), "none");
}

TEST(SerialToDate, Excel1904System) {
  EXPECT_EQ(D(0, true), "1904-01-01");
  EXPECT_EQ(D(44269, true), "2025-03-15");  // 45731 − 1462
  EXPECT_EQ(D(-1, true), "none");
}

TEST(Columns, LettersAndIndexes) {
  EXPECT_EQ(ColumnIndex("A"), 0);
  EXPECT_EQ(ColumnIndex("Z"), 25);
  EXPECT_EQ(ColumnIndex("AA"), 26);
  EXPECT_EQ(ColumnIndex("AB"), 27);
  EXPECT_EQ(ColumnIndex("XFD"), 16383);
  EXPECT_EQ(ColumnIndex("xfd"), 16383);
  EXPECT_EQ(ColumnIndex("XFE"), std::nullopt);
  EXPECT_EQ(ColumnIndex(""), std::nullopt);
  EXPECT_EQ(ColumnIndex("A1"), std::nullopt);
  EXPECT_EQ(ColumnIndex("AAAA"), std::nullopt);
  for (int i : {0, 25, 26, 27, 701, 702, 16383}) EXPECT_EQ(ColumnIndex(ColumnLetters(i)), i);
  EXPECT_EQ(ColumnLetters(701), "ZZ");
  EXPECT_EQ(ColumnLetters(702), "AAA");
}

TEST(CellRefs, Parse) {
  auto r = ParseCellRef("AB12");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->col, 27);
  EXPECT_EQ(r->row, 12);
  EXPECT_FALSE(ParseCellRef("12"));
  EXPECT_FALSE(ParseCellRef("A0"));
  EXPECT_FALSE(ParseCellRef("A1B"));
  EXPECT_FALSE(ParseCellRef("A99999999"));
}

TEST(DateFormats, BuiltinIds) {
  for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 31, 36, 45, 46, 47, 50, 57, 58}) {
    EXPECT_TRUE(IsBuiltinDateFormat(id)) << id;
  }
  for (int id : {0, 1, 2, 9, 10, 11, 12, 13, 23, 26, 37, 44, 48, 49, 59, 164}) {
    EXPECT_FALSE(IsBuiltinDateFormat(id)) << id;
  }
}

TEST(DateFormats, CustomCodes) {
  for (const char* code :
       {"yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy\"年\"m\"月\";@", "yyyy\\年m\\月",
        "yyyy/m/d\\ hh:mm", "mm-dd-yy", "[$-F800]dddd, mmmm dd, yyyy", "h:mm:ss AM/PM", "[h]:mm",
        "YYYY.MM", "[Red]yyyy-mm-dd"}) {
    EXPECT_TRUE(IsDateFormatCode(code)) << code;
  }
  for (const char* code :
       {"General", "0.00", "#,##0.00\"万元\"", "@", "0.00_);[Red](0.00)",
        "\"TRUE\";\"TRUE\";\"FALSE\"", "#,##0\\m", "[$¥-804]#,##0.00", "0;-0;;@", "* #,##0_-"}) {
    EXPECT_FALSE(IsDateFormatCode(code)) << code;
  }
}

TEST(CellTextTest, WhitespaceAndEscapes) {
  EXPECT_EQ(CellText("  项目  ", true), "  项目  ");
  EXPECT_EQ(CellText("\n   项目\n ", false), "项目");
  EXPECT_EQ(CellText("　项目　", false), "　项目　");  // U+3000 is not XML whitespace
  EXPECT_EQ(CellText("a_x000D__x000A_b", true), "a\r\nb");
  EXPECT_EQ(CellText("_x005F_x0041_", true), "_x0041_");
  EXPECT_EQ(CellText("_x4E2D_", true), "中");
  EXPECT_EQ(CellText("_x12G4_ _x12_", true), "_x12G4_ _x12_");
  EXPECT_EQ(Utf8Length("中文ab"), 4u);
}

}  // namespace
}  // namespace keyline::xlsx
