// Hand-made parts for what the real-writer fixtures do not show: phonetic runs, namespace
// prefixes, strict OOXML, absolute targets, rows and cells without r=, t="d", whitespace,
// and merged ranges found wherever the inflate chunks fall.
#include <gtest/gtest.h>

#include "xlsx/test_util.h"
#include "xlsx/test_zip.h"
#include "xlsx/workbook_reader.h"

namespace keyline::xlsx {
namespace {

using testing::Dump;
using testing::MakeXlsx;
using testing::Parts;
using testing::SheetDump;
using testing::SheetXml;
using testing::SstXml;
using testing::StylesXml;
using Cells = std::vector<std::string>;

Result<SheetDump> ReadFirst(const Parts& parts, bool* date1904 = nullptr) {
  auto reader = WorkbookReader::OpenBytes(MakeXlsx(parts));
  if (!reader.ok()) return reader.status();
  if (date1904 != nullptr) *date1904 = (*reader)->date1904();
  return Dump(**reader, 0);
}

TEST(XlsxFeatures, StringsPhoneticRunsEscapesAndWhitespace) {
  Parts p;
  p.shared_strings = SstXml(
      "<si><r><rPr><b/></rPr><t>合</t></r><r><t xml:space=\"preserve\">计 </t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>ごうけい</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><t>\n    缩进的文本\n  </t></si>"
      "<si><t xml:space=\"preserve\">  前后空格  </t></si>"
      "<si><t>第一行_x000D__x000A_第二行 _x005F_x0041_</t></si>");
  p.sheet = SheetXml(
      "<sheetData><row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>"
      "<c t=\"s\"><v>3</v></c><c t=\"inlineStr\"><is><r><t>内</t></r><r><t>联</t></r>"
      "<rPh><t>ない</t></rPh></is></c><c t=\"str\"><f>A1</f><v> 公式 </v></c></row></sheetData>");
  auto d = ReadFirst(p);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->rows.size(), 1u);
  EXPECT_EQ(d->rows[0], (Cells{"s:合计 ", "s:缩进的文本", "s:  前后空格  ",
                               "s:第一行\r\n第二行 _x0041_", "s:内联", "s: 公式 "}));
}

TEST(XlsxFeatures, RowsAndCellsWithoutReferences) {
  Parts p;
  p.sheet = SheetXml(
      "<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r=\"C2\"><v>3</v></c>"
      "<c><v>4</v></c></row><row r=\"5\" hidden=\"true\"><c r=\"B5\" t=\"b\"><v>0</v></c>"
      "<c s=\"0\"/><c r=\"A5\" t=\"e\"><v>#N/A</v></c></row><row/></sheetData>");
  auto d = ReadFirst(p);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->row_numbers, (std::vector<int64_t>{1, 2, 5, 6}));
  EXPECT_EQ(d->row_hidden, (std::vector<bool>{false, false, true, false}));
  EXPECT_EQ(d->rows[0], (Cells{"n:1", "n:2"}));
  EXPECT_EQ(d->rows[1], (Cells{"", "", "n:3", "n:4"}));
  EXPECT_EQ(d->rows[2], (Cells{"e:#N/A", "b:0"}));  // the empty styled C5 is trimmed
  EXPECT_TRUE(d->rows[3].empty());
}

TEST(XlsxFeatures, DateStylesAndIsoDates) {
  Parts p;
  p.styles = StylesXml(
      "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月"
      "&quot;\"/><numFmt numFmtId=\"165\" formatCode=\"#,##0.00&quot;万元&quot;\"/>"
      "<numFmt numFmtId=\"14\" formatCode=\"0.00\"/></numFmts>"
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"22\"/></cellStyleXfs>"
      "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
      "<xf numFmtId=\"57\"/><xf numFmtId=\"14\"/><xf/></cellXfs>");
  p.workbook = std::string(testing::kWorkbook);
  p.workbook.insert(p.workbook.find("<sheets>"), "<workbookPr date1904=\"1\"/>");
  p.sheet = SheetXml(
      "<sheetData><row><c><v>44269</v></c><c s=\"1\"><v>44269</v></c><c s=\"2\"><v>44269</v></c>"
      "<c s=\"3\"><v>44269</v></c><c s=\"4\"><v>44269</v></c><c s=\"5\"><v>1</v></c>"
      "<c s=\"99\"><v>2</v></c><c t=\"d\"><v>2025-03-15T12:00:00</v></c></row></sheetData>");
  bool date1904 = false;
  auto d = ReadFirst(p, &date1904);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_TRUE(date1904);
  // cellStyleXfs do not count; a custom format redefining id 14 wins over the built-in.
  EXPECT_EQ(d->rows[0], (Cells{"n:44269", "d:44269", "n:44269", "d:44269", "n:44269", "n:1", "n:2",
                               "d:44269.5"}));
  EXPECT_EQ(SerialToDate(44269, true)->ToString(), "2025-03-15");
}

TEST(XlsxFeatures, PrefixedStrictAbsoluteParts) {
  Parts p;
  const std::string strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
  p.workbook =
      "<x:workbook xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\" "
      "xmlns:r=\"http://purl.oclc.org/ooxml/officeDocument/relationships\"><x:sheets>"
      "<x:sheet name=\"二〇二五年\" sheetId=\"1\" state=\"veryHidden\" r:id=\"rId1\"/>"
      "</x:sheets></x:workbook>";
  p.workbook_rels = "<Relationships><Relationship Id=\"rId1\" Type=\"" + strict +
                    "worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
                    "Type=\"" +
                    strict +
                    "sharedStrings\" Target=\"../xl/sharedStrings.xml\"/>"
                    "<Relationship Id=\"rId9\" Type=\"" +
                    strict +
                    "hyperlink\" "
                    "Target=\"http://example.com/\" TargetMode=\"External\"/></Relationships>";
  p.shared_strings = "<x:sst xmlns:x=\"m\"><x:si><x:t>严格</x:t></x:si></x:sst>";
  p.sheet =
      "<x:worksheet xmlns:x=\"m\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"s\">"
      "<x:v>0</x:v></x:c></x:row></x:sheetData><x:mergeCells count=\"1\">"
      "<x:mergeCell ref=\"A1:B2\"/></x:mergeCells></x:worksheet>";
  auto reader = WorkbookReader::OpenBytes(MakeXlsx(p));
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  ASSERT_EQ((*reader)->sheets().size(), 1u);
  EXPECT_EQ((*reader)->sheets()[0].name, "二〇二五年");
  EXPECT_TRUE((*reader)->sheets()[0].hidden);
  auto d = Dump(**reader, 0);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->rows, std::vector<Cells>{Cells{"s:严格"}});
  ASSERT_EQ(d->layout.merged.size(), 1u);
  EXPECT_EQ(d->layout.merged[0].last_row, 1);
  EXPECT_EQ(d->layout.merged[0].last_col, 1);
}

TEST(XlsxFeatures, MergesAreFoundAcrossChunkBoundariesAndNotInText) {
  // The inflated part is read in 64 KiB chunks: put "<mergeCells" across the boundary at every
  // offset, after a cell whose text mentions "<mergeCells ref=" (escaped, so not a tag).
  const std::string text_cell =
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>&lt;mergeCells ref=\"A1:Z9\"/&gt; mergeCells "
      "</t></is></c></row>";
  for (int shift = -14; shift <= 2; ++shift) {
    std::string head =
        "<?xml version=\"1.0\"?><worksheet><sheetData>" + text_cell + "<row r=\"2\">";
    std::string tail = "</row></sheetData>";
    size_t pad = 65536 + shift - head.size() - tail.size() - 30;
    std::string filler = "<c><v>1</v></c>";
    std::string body;
    while (body.size() + filler.size() <= pad) body += filler;
    std::string sheet = head + body + tail;
    sheet += std::string(65536 + shift - sheet.size(), '\n');
    sheet += "<mergeCells count=\"1\"><mergeCell ref=\"C3:D4\"/></mergeCells></worksheet>";
    Parts p;
    p.sheet = sheet;
    auto d = ReadFirst(p);
    ASSERT_TRUE(d.ok()) << shift << " " << d.status().ToString();
    ASSERT_EQ(d->layout.merged.size(), 1u) << shift;
    EXPECT_EQ(d->layout.merged[0].first_row, 2);
    EXPECT_EQ(d->layout.merged[0].first_col, 2);
    EXPECT_TRUE(d->layout_before_first_row);
  }
}

}  // namespace
}  // namespace keyline::xlsx
