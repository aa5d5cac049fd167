// Reads the fixture workbooks written by real writers (LibreOffice, libxlsxwriter; see
// tests/fixtures/xlsx/make.sh) and checks every cell an importer relies on.
#include <gtest/gtest.h>

#include "xlsx/test_util.h"
#include "xlsx/workbook_reader.h"

namespace keyline::xlsx {
namespace {

using testing::Dump;
using testing::FixturePath;
using testing::SheetDump;
using Cells = std::vector<std::string>;

std::unique_ptr<WorkbookReader> Open(const std::string& name) {
  auto reader = WorkbookReader::OpenFile(FixturePath(name));
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  return reader.ok() ? std::move(reader).value() : nullptr;
}

bool Merged(const SheetLayout& layout, int64_t r0, int c0, int64_t r1, int c1) {
  for (const MergedRange& m : layout.merged) {
    if (m.first_row == r0 && m.first_col == c0 && m.last_row == r1 && m.last_col == c1) return true;
  }
  return false;
}

TEST(XlsxFixtures, LibreOfficeLedger) {
  auto reader = Open("ledger_lo.xlsx");
  ASSERT_NE(reader, nullptr);
  ASSERT_EQ(reader->sheets().size(), 2u);
  EXPECT_EQ(reader->sheets()[0].name, "项目台账");
  EXPECT_FALSE(reader->sheets()[0].hidden);
  EXPECT_EQ(reader->sheets()[1].name, "备注");
  EXPECT_TRUE(reader->sheets()[1].hidden);
  EXPECT_FALSE(reader->date1904());

  auto dump = Dump(*reader, 0);
  ASSERT_TRUE(dump.ok()) << dump.status().ToString();
  const SheetDump& d = *dump;
  EXPECT_TRUE(d.layout_before_first_row);
  EXPECT_EQ(d.layout.merged.size(), 10u);
  EXPECT_TRUE(Merged(d.layout, 0, 0, 0, 8));  // the title A1:I1
  EXPECT_TRUE(Merged(d.layout, 1, 3, 1, 4));  // 总投资（万元） D2:E2
  EXPECT_TRUE(Merged(d.layout, 1, 0, 2, 0));  // 序号 A2:A3
  EXPECT_TRUE(Merged(d.layout, 7, 0, 7, 2));  // 合计 A8:C8
  ASSERT_EQ(d.layout.hidden_columns.size(), 7u);
  EXPECT_TRUE(d.layout.hidden_columns[6]);  // G
  EXPECT_FALSE(d.layout.hidden_columns[5]);

  // Row 6 is blank and absent from the file; row 7 is hidden.
  EXPECT_EQ(d.row_numbers, (std::vector<int64_t>{1, 2, 3, 4, 5, 7, 8}));
  EXPECT_EQ(d.row_hidden, (std::vector<bool>{false, false, false, false, false, true, false}));
  ASSERT_EQ(d.rows.size(), 7u);
  EXPECT_EQ(d.rows[0], Cells{"s:2025年碑林区重点项目台账"});  // rich text runs joined
  EXPECT_EQ(d.rows[1], (Cells{"s:序号", "s:项目名称", "s:建设单位", "s:总投资（万元）", "",
                              "s:开工时间", "s:内部编号", "s:计划竣工", "s:备注"}));
  EXPECT_EQ(d.rows[2], (Cells{"", "", "", "s:合计", "s:其中：中央预算内"}));
  EXPECT_EQ(d.rows[3], (Cells{"n:1", "s:西安市友谊路改造工程", "s:区住建局", "n:12000.5", "n:3500",
                              "d:45731", "s:BL-001", "d:46387", "b:1"}));
  EXPECT_EQ(d.rows[4], (Cells{"s:２", "s:　碑林区　第二 小学扩建 ", "s:区教育局", "s:1,250.5",
                              "s:８００", "s:2025年3月", "s:BL-002", "s:2025.03", "e:#DIV/0!"}));
  EXPECT_EQ(d.rows[5], (Cells{"n:3", "s:已取消项目"}));
  EXPECT_EQ(d.rows[6], (Cells{"s:合计", "", "", "n:12000.5", "n:3500", "", "", "", "s:共2项"}));
  EXPECT_EQ(SerialToDate(45731, false)->ToString(), "2025-03-15");
  EXPECT_EQ(SerialToDate(46387, false)->ToString(), "2026-12-31");

  auto notes = Dump(*reader, 1);
  ASSERT_TRUE(notes.ok());
  EXPECT_EQ(notes->rows, std::vector<Cells>{Cells{"s:数据来源：区发改局"}});
}

TEST(XlsxFixtures, LibreOffice1904Dates) {
  auto reader = Open("dates1904_lo.xlsx");
  ASSERT_NE(reader, nullptr);
  EXPECT_TRUE(reader->date1904());
  ASSERT_EQ(reader->sheets().size(), 1u);
  EXPECT_EQ(reader->sheets()[0].name, "月度填报");
  auto d = Dump(*reader, 0);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->rows.size(), 2u);
  EXPECT_EQ(d->rows[1], (Cells{"s:友谊路改造工程", "d:44255", "n:256.75", "d:44287.39583"}));
  EXPECT_EQ(SerialToDate(44255, true)->ToString(), "2025-03-01");
  EXPECT_EQ(SerialToDate(44287.3958333333, true)->ToString(), "2025-04-02");
}

void ExpectLxwLedgerRows(const SheetDump& d, bool rich) {
  ASSERT_GE(d.rows.size(), 7u);
  EXPECT_EQ(d.rows[0], Cells{"s:碑林区2025年省市重点项目清单"});
  EXPECT_EQ(d.rows[2], (Cells{"", "", "s:合计", "s:其中：中央预算内"}));
  Cells first{
      "n:1", "s:【重点】大唐不夜城文化街区", "n:56000", "n:8000", "d:45731", "d:46022", "d:45717",
      "b:1"};
  if (rich) first.push_back("s:内部备注");
  EXPECT_EQ(d.rows[3], first);
  EXPECT_EQ(d.rows[4], (Cells{"s:２", "s:  小寨商圈改造  ", "s:３，２００", "s:0", "s:2025.03",
                              "s:2026年6月", "s:第一行\n第二行", "b:0"}));
  // Row 6 is blank; "_x0041_" is an escape (as Excel reads it) for "A".
  EXPECT_EQ(d.row_numbers[5], 7);
  EXPECT_EQ(d.rows[5], (Cells{"n:3", "s:已撤销A项目"}));
  EXPECT_EQ(d.row_numbers[6], 8);
  EXPECT_EQ(d.rows[6], (Cells{"s:合计", "", "n:56000", "n:8000"}));
}

TEST(XlsxFixtures, LibxlsxwriterSharedStrings) {
  auto reader = Open("ledger_lxw.xlsx");
  ASSERT_NE(reader, nullptr);
  ASSERT_EQ(reader->sheets().size(), 1u);
  EXPECT_EQ(reader->sheets()[0].name, "重点项目清单");
  auto d = Dump(*reader, 0);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ExpectLxwLedgerRows(*d, true);
  EXPECT_EQ(d->row_hidden[5], true);
  EXPECT_EQ(d->layout.merged.size(), 8u);
  EXPECT_TRUE(Merged(d->layout, 0, 0, 0, 7));
  EXPECT_TRUE(Merged(d->layout, 1, 2, 1, 3));
  ASSERT_EQ(d->layout.hidden_columns.size(), 10u);
  EXPECT_TRUE(d->layout.hidden_columns[8] && d->layout.hidden_columns[9]);
  EXPECT_FALSE(d->layout.hidden_columns[7]);
}

TEST(XlsxFixtures, LibxlsxwriterInlineStrings) {
  auto reader = Open("ledger_lxw_inline.xlsx");
  ASSERT_NE(reader, nullptr);
  ASSERT_EQ(reader->sheets().size(), 2u);
  EXPECT_EQ(reader->sheets()[0].name, "汇总");
  EXPECT_TRUE(reader->sheets()[1].hidden);
  auto d = Dump(*reader, 0);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_TRUE(d->layout.merged.empty());
  ExpectLxwLedgerRows(*d, false);
  auto params = Dump(*reader, 1);
  ASSERT_TRUE(params.ok());
  EXPECT_EQ(params->rows, std::vector<Cells>{(Cells{"s:版本", "n:2"})});
}

TEST(XlsxFixtures, SheetIndexOutOfRange) {
  auto reader = Open("ledger_lxw.xlsx");
  ASSERT_NE(reader, nullptr);
  SheetLayout layout;
  Status s = reader->ReadSheet(5, layout, [](const Row&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
}

TEST(XlsxFixtures, CallbackStatusStopsTheRead) {
  auto reader = Open("ledger_lo.xlsx");
  ASSERT_NE(reader, nullptr);
  SheetLayout layout;
  int calls = 0;
  Status s = reader->ReadSheet(0, layout, [&](const Row&) {
    ++calls;
    return Status::Conflict("停", "stop");
  });
  EXPECT_EQ(s.code(), ErrorCode::kConflict);
  EXPECT_EQ(s.message_en(), "stop");
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace keyline::xlsx
