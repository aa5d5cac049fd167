#include "importing/sheet_table.h"

#include <gtest/gtest.h>

namespace keyline::importing {
namespace {

xlsx::Cell T(std::string text) {
  xlsx::Cell c;
  if (!text.empty()) {
    c.kind = xlsx::Cell::Kind::kText;
    c.text = std::move(text);
  }
  return c;
}
xlsx::Cell N(double v, bool date = false) {
  xlsx::Cell c;
  c.kind = xlsx::Cell::Kind::kNumber;
  c.number = v;
  c.date_format = date;
  return c;
}
xlsx::Row R(int64_t index, std::vector<xlsx::Cell> cells, bool hidden = false) {
  return xlsx::Row{index, hidden, std::move(cells)};
}

// A ledger as offices lay it out: a title, a unit note, a two-row header with merged cells.
TEST(SheetTableTest, TitleAndTwoRowMergedHeader) {
  xlsx::SheetLayout layout;
  layout.merged = {
      {0, 0, 0, 5},  // title across A1:F1
      {2, 3, 0, 0},  // 序号 A3:A4
      {2, 3, 1, 1},  // 项目名称 B3:B4
      {2, 2, 2, 3},  // 总投资（万元） C3:D3
      {2, 3, 4, 4},  // 建设单位 E3:E4
      {4, 5, 4, 4},  // owner merged down over two projects E5:E6
  };
  layout.hidden_columns = {false, false, false, false, false, true};
  TableBuilder b(ImportKind::kLedger, layout, false);
  std::vector<xlsx::Row> rows = {
      R(1, {T("2025年重点项目台账")}),
      R(2, {T(""), T(""), T(""), T(""), T("单位：亿元")}),
      R(3, {T("序号"), T("项目 名称"), T("总投资（万元）"), T(""), T("建设单位"), T("内部备注")}),
      R(4, {T(""), T(""), T("合计"), T("其中：中央预算内")}),
      R(5, {N(1), T("甲项目"), N(12000), N(500), T("甲公司"), T("x")}),
      R(6, {N(2), T("乙项目"), T("８０００"), T(""), T("")}),
      R(8, {T("合计"), T(""), N(20000)}),
      R(9, {T("一、社会事业")}),
      R(10, {N(3), T("丙项目"), N(1)}, /*hidden=*/true),
  };
  for (const auto& r : rows) ASSERT_TRUE(b.Add(r).ok());
  auto table = b.Finish();
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->header_first, 3);
  EXPECT_EQ(table->header_last, 4);
  EXPECT_EQ(table->default_unit, AmountUnit::kYi);
  ASSERT_EQ(table->columns.size(), 5u);  // F is hidden
  EXPECT_EQ(table->columns[0].header, "序号");
  EXPECT_EQ(table->columns[1].header, "项目 名称");
  EXPECT_EQ(table->columns[2].header, "总投资（万元）/合计");
  EXPECT_EQ(table->columns[3].header, "总投资（万元）/其中：中央预算内");
  EXPECT_EQ(table->columns[4].header, "建设单位");
  EXPECT_EQ(table->columns[4].letter, "E");
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].row, 5);
  EXPECT_EQ(table->rows[0].cells[2], "12000");
  EXPECT_EQ(table->rows[1].cells[2], "８０００");  // as written: the amount parser folds it
  EXPECT_EQ(table->rows[1].cells[4], "甲公司");    // merged down
  ASSERT_EQ(table->skipped.size(), 3u);
  EXPECT_EQ(table->skipped[0].row, 8);
  EXPECT_EQ(table->skipped[0].reason_zh, "合计/小计行");
  EXPECT_EQ(table->skipped[1].reason_zh, "分类标题行");
  EXPECT_EQ(table->skipped[2].reason_zh, "隐藏行");
}

TEST(SheetTableTest, NoHeaderIsAClearError) {
  xlsx::SheetLayout layout;
  TableBuilder b(ImportKind::kLedger, layout, false);
  ASSERT_TRUE(b.Add(R(1, {T("名单"), T("金额")})).ok());
  auto table = b.Finish();
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message_zh().find("未找到表头"), std::string::npos);
  EXPECT_NE(table.status().message_en().find("no header"), std::string::npos);
}

TEST(SheetTableTest, GivesUpAfterThirtyRowsWithoutHeader) {
  xlsx::SheetLayout layout;
  TableBuilder b(ImportKind::kLedger, layout, false);
  Status last;
  for (int i = 1; i <= 31 && last.ok(); ++i) last = b.Add(R(i, {T("x")}));
  EXPECT_FALSE(last.ok());
}

TEST(SheetTableTest, RefusesMoreRowsThanOneImportHolds) {
  xlsx::SheetLayout layout;
  TableBuilder b(ImportKind::kLedger, layout, false);
  ASSERT_TRUE(b.Add(R(1, {T("项目名称"), T("总投资（万元）")})).ok());
  Status last;
  int64_t row = 2;
  for (; row <= static_cast<int64_t>(kMaxDataRows) + 1 && last.ok(); ++row) {
    last = b.Add(R(row, {T("项目" + std::to_string(row)), N(100)}));
  }
  EXPECT_TRUE(last.ok());  // exactly kMaxDataRows rows are fine
  last = b.Add(R(row, {T("再多一行"), N(1)}));
  ASSERT_FALSE(last.ok());
  EXPECT_EQ(last.code(), ErrorCode::kTooLarge);
  EXPECT_NE(last.message_zh().find("请分批导入"), std::string::npos);
  EXPECT_NE(last.message_en().find("split the sheet"), std::string::npos);
}

// The rows are kept compact: every cell reads back byte for byte (across blocks, a cell over
// a block's size, a short row) and the store holds the cells' bytes plus a few bytes a cell,
// not a std::string per cell.
TEST(TableRowsTest, KeepsEveryCellCompactly) {
  TableRows rows;
  size_t text_bytes = 0, cells = 0;
  auto cell = [](size_t r, size_t c) {
    return "雁塔区第" + std::to_string(r) + "号项目/" + std::to_string(c);
  };
  for (size_t r = 0; r < 20000; ++r) {
    std::vector<std::string> row;
    for (size_t c = 0; c < 18; ++c) row.push_back(c == 5 ? "" : cell(r, c));
    for (const auto& t : row) text_bytes += t.size();
    cells += row.size();
    rows.Add(static_cast<int64_t>(r + 2), row, r < 10000 ? "一、产业项目" : "二、基础设施");
  }
  std::string big(3 << 20, 'x');
  rows.Add(30000, {std::string_view("短"), std::string_view(big)});
  rows.Add(30001, std::vector<std::string>{});
  ASSERT_EQ(rows.size(), 20002u);
  for (size_t r :
       {size_t{0}, size_t{1}, size_t{4711}, size_t{9999}, size_t{10000}, size_t{19999}}) {
    TableRow row = rows[r];
    EXPECT_EQ(row.row, static_cast<int64_t>(r + 2));
    ASSERT_EQ(row.cells.size(), 18u);
    EXPECT_EQ(row.cells[0], cell(r, 0));
    EXPECT_EQ(row.cells[5], "");
    EXPECT_EQ(row.cells[17], cell(r, 17));
    EXPECT_EQ(row.cells[18], "");  // beyond the row
    EXPECT_EQ(row.section, r < 10000 ? "一、产业项目" : "二、基础设施");
  }
  EXPECT_EQ(rows[20000].cells[0], "短");
  EXPECT_EQ(rows[20000].cells[1].size(), big.size());
  EXPECT_EQ(rows[20000].section, "");
  EXPECT_TRUE(rows[20001].cells.empty());
  size_t n = 0;
  for (const TableRow row : rows) n += row.row > 0;
  EXPECT_EQ(n, rows.size());
  // A std::string per cell took 32 bytes plus a heap block for each of these cells.
  EXPECT_LT(rows.bytes(), text_bytes + big.size() + 6 * cells + (4 << 20));
}

}  // namespace
}  // namespace keyline::importing
