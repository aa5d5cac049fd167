// Hostile and broken input: every case ends in a clear Status (zh + en), never a crash,
// a hang or unbounded memory. Files are built in the test with libzip (test_zip.h).
#include <gtest/gtest.h>

#include <chrono>

#include "xlsx/parts.h"
#include "xlsx/test_util.h"
#include "xlsx/test_zip.h"
#include "xlsx/workbook_reader.h"

namespace keyline::xlsx {
namespace {

using testing::BuildZip;
using testing::Dump;
using testing::MakeXlsx;
using testing::Parts;
using testing::SheetXml;
using testing::SstXml;
using testing::StylesXml;

// Opens and reads every sheet; the first failure (or OK).
Status OpenAndRead(std::string bytes, Limits limits = {}) {
  auto reader = WorkbookReader::OpenBytes(std::move(bytes), limits);
  if (!reader.ok()) return reader.status();
  for (size_t i = 0; i < (*reader)->sheets().size(); ++i) {
    auto dump = Dump(**reader, i);
    if (!dump.ok()) return dump.status();
  }
  return Status::Ok();
}

void ExpectError(const Status& s, ErrorCode code, std::string_view en_part,
                 std::string_view zh_part = "") {
  EXPECT_EQ(s.code(), code) << s.ToString();
  EXPECT_NE(s.message_en().find(en_part), std::string::npos) << s.message_en();
  EXPECT_FALSE(s.message_zh().empty());
  if (!zh_part.empty()) {
    EXPECT_NE(s.message_zh().find(zh_part), std::string::npos) << s.message_zh();
  }
}

std::string Fixture() { return testing::ReadFileBytes(testing::FixturePath("ledger_lo.xlsx")); }

TEST(XlsxHostile, NotAnXlsx) {
  ExpectError(OpenAndRead("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), ErrorCode::kInvalidArgument,
              "PDF", "PDF");
  ExpectError(OpenAndRead(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, 0)),
              ErrorCode::kInvalidArgument, ".xls", "另存为 .xlsx");
  ExpectError(OpenAndRead("序号,项目名称\n1,道路\n"), ErrorCode::kInvalidArgument, "not a zip",
              "不是有效的 xlsx 文件");
  ExpectError(OpenAndRead(""), ErrorCode::kInvalidArgument, "not a zip");
}

TEST(XlsxHostile, BrokenZip) {
  std::string bytes = Fixture();
  ExpectError(OpenAndRead(bytes.substr(0, bytes.size() / 2)), ErrorCode::kInvalidArgument,
              "broken zip", "zip 结构损坏");
  // Damaged compressed data: every byte of the middle flipped in turn must fail cleanly or read.
  for (size_t at = 200; at < bytes.size() - 200; at += 97) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    Status s = OpenAndRead(damaged);
    if (!s.ok()) {
      EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument) << at << " " << s.ToString();
      EXPECT_FALSE(s.message_zh().empty());
    }
  }
}

TEST(XlsxHostile, OtherZipsAndMissingParts) {
  ExpectError(OpenAndRead(BuildZip({{"hello.txt", "hi"}})), ErrorCode::kInvalidArgument,
              "no workbook part", "找不到工作簿部件");
  Parts word;
  word.workbook = "<?xml version=\"1.0\"?><document><body/></document>";
  ExpectError(OpenAndRead(MakeXlsx(word)), ErrorCode::kInvalidArgument, "is not a workbook");

  Parts missing_sheet;
  missing_sheet.workbook_rels = std::string(testing::kWorkbookRels);
  missing_sheet.workbook_rels.replace(missing_sheet.workbook_rels.find("sheet1.xml"), 10,
                                      "sheet9.xml");
  ExpectError(OpenAndRead(MakeXlsx(missing_sheet)), ErrorCode::kInvalidArgument,
              "missing part xl/worksheets/sheet9.xml", "缺少部件");

  Parts no_rel;
  no_rel.workbook = std::string(testing::kWorkbook);
  no_rel.workbook.replace(no_rel.workbook.find("rId1"), 4, "rId7");
  ExpectError(OpenAndRead(MakeXlsx(no_rel)), ErrorCode::kInvalidArgument, "no relationship rId7");

  Parts no_sheets;
  no_sheets.workbook = "<workbook><sheets/></workbook>";
  ExpectError(OpenAndRead(MakeXlsx(no_sheets)), ErrorCode::kInvalidArgument, "no sheets");
}

TEST(XlsxHostile, RelationshipPathTricks) {
  for (const char* target : {"../../../etc/passwd", "file:///etc/passwd", "..\\..\\sheet1.xml",
                             "worksheets/%2e%2e/sheet1.xml", "http://evil/x.xml", "/../x"}) {
    Parts p;
    p.workbook_rels = std::string(testing::kWorkbookRels);
    p.workbook_rels.replace(p.workbook_rels.find("worksheets/sheet1.xml"), 21, target);
    ExpectError(OpenAndRead(MakeXlsx(p)), ErrorCode::kInvalidArgument,
                "illegal relationship target", "关系目标路径非法");
  }
  Parts absolute;  // "/etc/passwd" is a part name inside the package, which is absent
  absolute.workbook_rels = std::string(testing::kWorkbookRels);
  absolute.workbook_rels.replace(absolute.workbook_rels.find("worksheets/sheet1.xml"), 21,
                                 "/etc/passwd");
  ExpectError(OpenAndRead(MakeXlsx(absolute)), ErrorCode::kInvalidArgument,
              "missing part etc/passwd");

  EXPECT_EQ(*ResolveTarget("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(*ResolveTarget("xl/", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(*ResolveTarget("xl/worksheets/", "../sharedStrings.xml"), "xl/sharedStrings.xml");
  EXPECT_EQ(*ResolveTarget("xl/", "./a//b.xml"), "xl/a/b.xml");
  EXPECT_FALSE(ResolveTarget("xl/", "../../x.xml").ok());
  EXPECT_FALSE(ResolveTarget("xl/", "").ok());
}

TEST(XlsxHostile, MalformedXml) {
  Parts p;
  p.sheet = SheetXml("<sheetData><row r=\"1\"><c><v>1</v></row></sheetData>");
  ExpectError(OpenAndRead(MakeXlsx(p)), ErrorCode::kInvalidArgument, "malformed XML",
              "XML 格式错误");
  Parts q;
  q.workbook = "<workbook><sheets><sheet name=\"a\" r:id=\"rId1\"></workbook>";
  ExpectError(OpenAndRead(MakeXlsx(q)), ErrorCode::kInvalidArgument, "malformed XML");
  Parts r;
  r.shared_strings = "<sst><si><t>未闭合</si>";
  ExpectError(OpenAndRead(MakeXlsx(r)), ErrorCode::kInvalidArgument, "xl/sharedStrings.xml");
  Parts s;
  s.sheet = "";
  ExpectError(OpenAndRead(MakeXlsx(s)), ErrorCode::kInvalidArgument, "malformed XML");
}

TEST(XlsxHostile, DoctypeAndEntitiesAreRefused) {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lollollollollollollollollollol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
      "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
      "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
      "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
      "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
      "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
      "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";
  auto started = std::chrono::steady_clock::now();
  Parts sheet;
  sheet.sheet = laughs +
                "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>"
                "</sheetData></worksheet>";
  ExpectError(OpenAndRead(MakeXlsx(sheet)), ErrorCode::kInvalidArgument, "DOCTYPE", "DOCTYPE");
  Parts sst;
  sst.shared_strings = laughs + "<sst><si><t>&lol9;</t></si></sst>";
  ExpectError(OpenAndRead(MakeXlsx(sst)), ErrorCode::kInvalidArgument, "DOCTYPE");
  Parts wb;
  wb.workbook =
      "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<workbook><sheets><sheet name=\"&x;\" r:id=\"rId1\"/></sheets></workbook>";
  ExpectError(OpenAndRead(MakeXlsx(wb)), ErrorCode::kInvalidArgument, "DOCTYPE");
  Parts rels;
  rels.workbook_rels = "<!DOCTYPE r SYSTEM \"http://evil/x.dtd\"><Relationships/>";
  ExpectError(OpenAndRead(MakeXlsx(rels)), ErrorCode::kInvalidArgument, "DOCTYPE");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(XlsxHostile, ZipBombByCompressionRatio) {
  Parts p;  // 16 MB of one repeated row deflates about 1000:1
  std::string rows;
  rows.reserve(16u << 20);
  while (rows.size() < (16u << 20)) rows += "<row><c><v>0</v></c></row>";
  p.sheet = SheetXml("<sheetData>" + rows + "</sheetData>");
  std::string bytes = MakeXlsx(p);
  rows.clear();
  p.sheet.clear();
  ASSERT_LT(bytes.size(), 1u << 20);
  Status s = OpenAndRead(std::move(bytes));
  ExpectError(s, ErrorCode::kTooLarge, "compression ratio above 200", "压缩比");
}

TEST(XlsxHostile, EntryAndTotalLimitsCountInflatedBytes) {
  Parts p;
  std::string text;
  for (int i = 0; text.size() < (2u << 20); ++i)
    text += "<si><t>" + std::to_string(i * 7919) + "</t></si>";
  p.shared_strings = SstXml(text);
  Limits limits;
  limits.max_entry_uncompressed = 1u << 20;
  ExpectError(OpenAndRead(MakeXlsx(p), limits), ErrorCode::kTooLarge, "inflates to more than 1 MB",
              "解压后超过");
  Limits total;
  total.max_total_uncompressed = 1u << 20;
  ExpectError(OpenAndRead(MakeXlsx(p), total), ErrorCode::kTooLarge, "in total");

  // Lying headers: the declared uncompressed sizes are patched to 1 byte; the count while
  // inflating still applies (or the zip is refused as inconsistent).
  std::string bytes = MakeXlsx(p);
  for (size_t i = 0; i + 30 < bytes.size(); ++i) {
    if (bytes.compare(i, 4, "PK\x03\x04") == 0) {
      bytes.replace(i + 22, 4, std::string("\x01\0\0\0", 4));
    } else if (bytes.compare(i, 4, "PK\x01\x02") == 0) {
      bytes.replace(i + 24, 4, std::string("\x01\0\0\0", 4));
    }
  }
  Status s = OpenAndRead(bytes, limits);
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(s.code() == ErrorCode::kTooLarge || s.code() == ErrorCode::kInvalidArgument)
      << s.ToString();
}

TEST(XlsxHostile, FileSizeLimit) {
  Limits limits;
  limits.max_file_bytes = 1000;
  ExpectError(OpenAndRead(Fixture(), limits), ErrorCode::kTooLarge, "larger than");
  auto r = WorkbookReader::OpenFile(testing::FixturePath("ledger_lo.xlsx"), limits);
  ExpectError(r.status(), ErrorCode::kTooLarge, "larger than");
  EXPECT_EQ(WorkbookReader::OpenFile("/nonexistent/x.xlsx").status().code(), ErrorCode::kNotFound);
}

// A one-sheet workbook whose sheet holds `inner`; its read must fail with `code` and `en`.
void ExpectSheetError(const std::string& inner, ErrorCode code, std::string_view en,
                      Limits limits = {}) {
  SCOPED_TRACE(inner.substr(0, 120));
  Parts p;
  p.sheet = SheetXml(inner);
  ExpectError(OpenAndRead(MakeXlsx(p), limits), code, en);
}

TEST(XlsxHostile, RowAndColumnLimits) {
  Limits three_rows;
  three_rows.max_rows = 3;
  ExpectSheetError("<sheetData><row r=\"1\"/><row r=\"2\"/><row r=\"4\"/></sheetData>",
                   ErrorCode::kTooLarge, "more than 3 rows", three_rows);
  ExpectSheetError("<sheetData><row r=\"1048577\"/></sheetData>", ErrorCode::kTooLarge,
                   "more than 1048576 rows");
  Limits five_columns;
  five_columns.max_columns = 5;
  ExpectSheetError("<sheetData><row><c r=\"F1\"><v>1</v></c></row></sheetData>",
                   ErrorCode::kTooLarge, "more than 5 columns", five_columns);
  ExpectSheetError("<sheetData><row><c r=\"XFE1\"><v>1</v></c></row></sheetData>",
                   ErrorCode::kInvalidArgument, "invalid cell reference XFE1");
  // Cells without r= count on from the previous one.
  ExpectSheetError("<sheetData><row><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row></sheetData>",
                   ErrorCode::kTooLarge, "more than 16384 columns");
  ExpectSheetError("<sheetData><row r=\"5\"/><row r=\"3\"/></sheetData>",
                   ErrorCode::kInvalidArgument, "rows out of order at row 3");
  ExpectSheetError("<cols><col min=\"0\" max=\"3\" hidden=\"1\"/></cols><sheetData/>",
                   ErrorCode::kInvalidArgument, "invalid <col>");
  Parts wide_hidden;  // a hidden range to XFD is clamped, not refused
  wide_hidden.sheet =
      SheetXml("<cols><col min=\"3\" max=\"4000000\" hidden=\"1\"/></cols><sheetData/>");
  EXPECT_TRUE(OpenAndRead(MakeXlsx(wide_hidden)).ok());
}

TEST(XlsxHostile, TextLimits) {
  Limits limits;
  limits.max_cell_chars = 100;
  Parts inline_text;
  inline_text.sheet = SheetXml("<sheetData><row><c r=\"B1\" t=\"inlineStr\"><is><t>" +
                               std::string(101, 'x') + "</t></is></c></row></sheetData>");
  ExpectError(OpenAndRead(MakeXlsx(inline_text), limits), ErrorCode::kTooLarge,
              "B1: text longer than 100 characters", "超过 100 个字符");
  Parts chinese;  // 100 Chinese characters (300 bytes) are within a 100-character limit
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "项";
  chinese.sheet = SheetXml("<sheetData><row><c t=\"inlineStr\"><is><t>" + hundred +
                           "</t></is></c></row></sheetData>");
  EXPECT_TRUE(OpenAndRead(MakeXlsx(chinese), limits).ok());
  Parts shared;
  shared.shared_strings = SstXml("<si><r><t>" + std::string(60, 'a') + "</t></r><r><t>" +
                                 std::string(60, 'b') + "</t></r></si>");
  ExpectError(OpenAndRead(MakeXlsx(shared), limits), ErrorCode::kTooLarge,
              "shared string is longer than 100");
  Parts many;
  std::string si;
  for (int i = 0; i < 200; ++i) si += "<si><t>第" + std::to_string(i) + "个字符串</t></si>";
  many.shared_strings = SstXml(si);
  Limits table;
  table.max_shared_strings_bytes = 4000;
  ExpectError(OpenAndRead(MakeXlsx(many), table), ErrorCode::kTooLarge, "shared-string table");
  Parts token;  // one 6 MB attribute value: expat would buffer it whole
  token.sheet =
      SheetXml("<sheetData><row spans=\"" + std::string(6u << 20, '1') + "\"/></sheetData>");
  Limits loose;
  loose.max_compression_ratio = 100000;
  ExpectError(OpenAndRead(MakeXlsx(token), loose), ErrorCode::kTooLarge, "XML token over 4 MB");
}

TEST(XlsxHostile, DeepNestingAndManyEntries) {
  Parts deep;
  std::string open, close;
  for (int i = 0; i < 300; ++i) {
    open += "<g>";
    close += "</g>";
  }
  deep.sheet = SheetXml("<sheetData/>" + open + close);
  ExpectError(OpenAndRead(MakeXlsx(deep)), ErrorCode::kInvalidArgument, "nested deeper than 256");

  std::vector<testing::ZipEntry> entries{{"[Content_Types].xml", testing::kContentTypes},
                                         {"_rels/.rels", testing::kPackageRels}};
  for (int i = 0; i < 10001; ++i) entries.push_back({"x/" + std::to_string(i), ""});
  ExpectError(OpenAndRead(BuildZip(entries, true)), ErrorCode::kTooLarge, "more than 10000 entries",
              "超过 10000 个");
}

TEST(XlsxHostile, BadCellValues) {
  ExpectSheetError("<sheetData><row><c r=\"B1\" t=\"s\"><v>5</v></c></row></sheetData>",
                   ErrorCode::kInvalidArgument, "sheet1.xml B1: invalid shared-string index");
  ExpectSheetError("<sheetData><row><c r=\"C2\"><v>12abc</v></c></row></sheetData>",
                   ErrorCode::kInvalidArgument, "invalid number 12abc");
  ExpectSheetError("<sheetData><row><c r=\"C2\"><v>nan</v></c></row></sheetData>",
                   ErrorCode::kInvalidArgument, "invalid number nan");
  ExpectSheetError("<sheetData><row><c r=\"C2\"><v>1e999</v></c></row></sheetData>",
                   ErrorCode::kInvalidArgument, "invalid number 1e999");
  ExpectSheetError("<sheetData><row><c t=\"d\"><v>2025-13-45</v></c></row></sheetData>",
                   ErrorCode::kInvalidArgument, "invalid date");
  ExpectSheetError("<sheetData/><mergeCells><mergeCell ref=\"A1:ZZZZ9\"/></mergeCells>",
                   ErrorCode::kInvalidArgument, "invalid merged range");
  Parts unterminated;
  unterminated.sheet = "<worksheet><sheetData/><mergeCells><mergeCell ref=\"A1:B1\"/>";
  ExpectError(OpenAndRead(MakeXlsx(unterminated)), ErrorCode::kInvalidArgument, "malformed XML");
}

}  // namespace
}  // namespace keyline::xlsx
