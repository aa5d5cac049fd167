// Documents out: the office workbook layout (checked in the zip's XML parts), the OC4IDS
// package against the 0.9 schema's required fields and codelists, and the bulletin renderings
// (the PDF is rasterised with pdftoppm and its text extracted with pdftotext).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "documents/bulletin_document.h"
#include "documents/bulletin_render.h"
#include "documents/bulletin_service.h"
#include "documents/ledger_sheet.h"
#include "documents/oc4ids.h"
#include "documents/office_workbook.h"
#include "documents/xlsx_readback.h"
#include "documents/zip_peek.h"
#include "testing/test_env.h"

namespace keyline::documents {
namespace {

using testing::ReadBack;
using testing::ZipEntry;

Project SampleProject(int64_t id, std::string name, Stage stage, int64_t wan) {
  Project p;
  p.id = id;
  p.name = std::move(name);
  p.code = "2026-610113-48-01-" + std::to_string(100000 + id);
  p.stage = stage;
  p.level = ProjectLevel::kDistrict;
  p.category = ProjectCategory::kSocial;
  p.nature = ConstructionNature::kNew;
  p.industry_code = "P8331";
  p.region_code = "610113";
  p.address = "雁塔区电子二路";
  p.owner_unit_id = 11;
  p.responsible_unit_id = 12;
  p.scale_content = "新建教学楼 3 栋 <含体育馆>";
  p.total_investment = Money{wan * Money::kCentsPerWan + 12'345};  // + 123.45 元
  p.planned_start = "2026-01-15";
  p.planned_completion = "2027-12-31";
  p.updated_at = 1773626400000;
  return p;
}

NameBook SampleNames() {
  NameBook names;
  Unit owner;
  owner.id = 11;
  owner.name = "西安甲建设有限公司";
  owner.credit_code = "91350200776049653A";
  Unit dept;
  dept.id = 12;
  dept.name = "雁塔区教育局";
  names.units[11] = owner;
  names.units[12] = dept;
  names.regions["610113"] = "雁塔区";
  return names;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(OfficeWorkbook, LedgerHasTitleTwoRowHeaderTotalsFrozenPaneAndFormats) {
  std::vector<Project> projects = {SampleProject(1, "第四中学", Stage::kConstruction, 30000),
                                   SampleProject(2, "电子六路", Stage::kPreliminary, 52000)};
  projects[0].actual_start = "2026-02-01";
  auto bytes = WriteWorkbook({LedgerSheet(projects, SampleNames(), "截至：2026年3月16日")});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ASSERT_EQ(bytes->substr(0, 2), "PK");
  auto workbook = ZipEntry(*bytes, "xl/workbook.xml");
  ASSERT_TRUE(workbook);
  EXPECT_NE(workbook->find("name=\"项目台账\""), std::string::npos);
  auto sheet = ZipEntry(*bytes, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  // Title merged across all 19 columns (A..S), the subtitle too; 责任主体 over J:K, 计划工期
  // over N:O, 实际工期 over P:Q; ungrouped headers span rows 3-4.
  EXPECT_NE(sheet->find("<mergeCell ref=\"A1:S1\"/>"), std::string::npos) << *sheet;
  EXPECT_NE(sheet->find("<mergeCell ref=\"A2:S2\"/>"), std::string::npos);
  EXPECT_NE(sheet->find("<mergeCell ref=\"J3:K3\"/>"), std::string::npos);
  EXPECT_NE(sheet->find("<mergeCell ref=\"N3:O3\"/>"), std::string::npos);
  EXPECT_NE(sheet->find("<mergeCell ref=\"P3:Q3\"/>"), std::string::npos);
  EXPECT_NE(sheet->find("<mergeCell ref=\"B3:B4\"/>"), std::string::npos);
  EXPECT_NE(sheet->find("<mergeCell ref=\"M3:M4\"/>"), std::string::npos);
  // Frozen under the header; the totals row sums the data rows with the value cached.
  EXPECT_NE(sheet->find("ySplit=\"4\""), std::string::npos);
  EXPECT_NE(sheet->find("<f>SUM(M5:M6)</f><v>82000.0246"), std::string::npos) << *sheet;
  // 2026-02-01 is Excel serial 46054.
  EXPECT_NE(sheet->find("<v>46054</v>"), std::string::npos);
  auto strings = ZipEntry(*bytes, "xl/sharedStrings.xml");
  ASSERT_TRUE(strings);
  for (const char* s : {"重点项目台账", "总投资（万元）", "责任主体", "计划工期", "合计",
                        "第四中学", "西安甲建设有限公司", "雁塔区教育局", "在建", "雁塔区"}) {
    EXPECT_NE(strings->find(s), std::string::npos) << s;
  }
  auto styles = ZipEntry(*bytes, "xl/styles.xml");
  ASSERT_TRUE(styles);
  EXPECT_NE(styles->find("#,##0.00"), std::string::npos);
  EXPECT_NE(styles->find("yyyy-mm-dd"), std::string::npos);
}

TEST(OfficeWorkbook, LedgerReadsBackWithTheXlsxReader) {
  std::vector<Project> projects = {SampleProject(1, "第四中学", Stage::kConstruction, 30000),
                                   SampleProject(2, "电子六路", Stage::kPreliminary, 52000)};
  projects[0].actual_start = "2026-02-01";
  auto bytes = WriteWorkbook({LedgerSheet(projects, SampleNames(), "截至：2026年3月16日")});
  ASSERT_TRUE(bytes.ok());
  std::string error;
  auto sheets = ReadBack(*bytes, &error);
  ASSERT_EQ(sheets.size(), 1u) << error;
  const auto& s = sheets[0];
  EXPECT_EQ(s.name, "项目台账");
  EXPECT_EQ(s.At(1, 0).text, "重点项目台账");
  EXPECT_TRUE(s.IsMerged(0, 0, 0, 18));  // title across A..S
  EXPECT_TRUE(s.IsMerged(2, 9, 2, 10));  // 责任主体 over J:K
  EXPECT_TRUE(s.IsMerged(2, 1, 3, 1));   // 项目名称 over both header rows
  EXPECT_EQ(s.At(3, 9).text, "责任主体");
  EXPECT_EQ(s.At(4, 9).text, "项目业主（建设单位）");
  EXPECT_EQ(s.At(4, 13).text, "开工");
  EXPECT_EQ(s.At(3, kLedgerInvestmentColumn).text, "总投资（万元）");
  // Data from row 5: numbers stay numbers, dates are dates.
  EXPECT_EQ(s.At(5, 0).number, 1);
  EXPECT_EQ(s.At(5, kLedgerNameColumn).text, "第四中学");
  EXPECT_EQ(s.At(5, kLedgerInvestmentColumn).kind, xlsx::Cell::Kind::kNumber);
  EXPECT_DOUBLE_EQ(s.At(5, kLedgerInvestmentColumn).number, 30000.012345);
  xlsx::Cell start = s.At(5, 15);
  EXPECT_TRUE(start.date_format);
  EXPECT_EQ(xlsx::SerialToDate(start.number, false)->ToString(), "2026-02-01");
  // The totals row's cached value.
  int64_t total = s.RowStarting("合计");
  ASSERT_EQ(total, 7);
  EXPECT_DOUBLE_EQ(s.At(total, kLedgerInvestmentColumn).number, 82000.02469);
}

TEST(OfficeWorkbook, EmptyListStillHasHeaderAndSaysSo) {
  auto bytes = WriteWorkbook({LedgerSheet({}, NameBook{}, "")});
  ASSERT_TRUE(bytes.ok());
  auto strings = ZipEntry(*bytes, "xl/sharedStrings.xml");
  ASSERT_TRUE(strings);
  EXPECT_NE(strings->find("暂无符合条件的项目"), std::string::npos);
  auto sheet = ZipEntry(*bytes, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet->find("<f>"), std::string::npos);  // no SUM over nothing
}

TEST(OfficeWorkbook, RejectsNoSheetsAndSheetsWithoutColumns) {
  EXPECT_FALSE(WriteWorkbook({}).ok());
  OfficeSheet bare;
  bare.name = "x";
  EXPECT_EQ(WriteWorkbook({bare}).status().code(), ErrorCode::kInvalidArgument);
}

TEST(OfficeWorkbook, SheetNamesFollowExcelRules) {
  EXPECT_EQ(SafeSheetName("a/b[c]", {}), "a_b_c_");
  EXPECT_EQ(SafeSheetName("", {}), "Sheet");
  std::string long_name(40, 'x');
  EXPECT_EQ(SafeSheetName(long_name, {}).size(), 31u);
  EXPECT_EQ(SafeSheetName("红灯项目", {"红灯项目"}), "红灯项目 (2)");
  // 40 CJK characters are cut at 31 characters, not at 31 bytes.
  std::string cjk;
  for (int i = 0; i < 40; ++i) cjk += "项";
  EXPECT_EQ(SafeSheetName(cjk, {}).size(), 31u * 3);
}

// ---- OC4IDS ----

const std::set<std::string> kStatuses = {"identification", "preparation", "implementation",
                                         "completion",     "completed",   "cancelled"};

bool IsDateTime(const std::string& s) {
  static const std::regex re(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))");
  return std::regex_match(s, re);
}

// The checks of project-package-schema.json and project-schema.json (0.9) that our output can
// break: required fields, types, formats, the closed codelists, unique project ids.
void ExpectValidPackage(const boost::json::value& v) {
  ASSERT_TRUE(v.is_object());
  const auto& pkg = v.as_object();
  for (const char* k : {"uri", "publisher", "publishedDate", "projects", "version"}) {
    ASSERT_TRUE(pkg.contains(k)) << k;
  }
  EXPECT_TRUE(pkg.at("uri").is_string());
  EXPECT_TRUE(IsDateTime(std::string(pkg.at("publishedDate").as_string())));
  EXPECT_TRUE(
      std::regex_match(std::string(pkg.at("version").as_string()), std::regex(R"(\d+\.\d+)")));
  EXPECT_TRUE(pkg.at("publisher").as_object().at("name").is_string());
  const auto& projects = pkg.at("projects").as_array();
  ASSERT_GE(projects.size(), 1u);
  std::set<std::string> ids;
  for (const auto& pv : projects) {
    const auto& p = pv.as_object();
    ASSERT_TRUE(p.at("id").is_string());
    EXPECT_TRUE(ids.insert(std::string(p.at("id").as_string())).second) << "duplicate id";
    if (p.contains("status")) {
      EXPECT_TRUE(kStatuses.count(std::string(p.at("status").as_string())));
    }
    if (p.contains("type")) {
      std::string t(p.at("type").as_string());
      EXPECT_TRUE(t == "construction" || t == "rehabilitation" || t == "replacement") << t;
    }
    if (p.contains("updated")) EXPECT_TRUE(IsDateTime(std::string(p.at("updated").as_string())));
    if (p.contains("period")) {
      for (const auto& [k, d] : p.at("period").as_object()) {
        EXPECT_TRUE(IsDateTime(std::string(d.as_string()))) << k;
      }
    }
    if (p.contains("budget")) {
      const auto& amount = p.at("budget").at("amount").as_object();
      EXPECT_TRUE(amount.at("amount").is_number());
      EXPECT_EQ(amount.at("currency"), "CNY");
    }
    if (p.contains("sector")) {
      for (const auto& s : p.at("sector").as_array()) EXPECT_TRUE(s.is_string());
    }
    if (p.contains("parties")) {
      for (const auto& party : p.at("parties").as_array()) {
        EXPECT_TRUE(party.at("name").is_string());
        EXPECT_TRUE(party.at("roles").is_array());
      }
    }
    if (p.contains("completion")) {
      EXPECT_TRUE(IsDateTime(std::string(p.at("completion").at("endDate").as_string())));
    }
  }
}

TEST(Oc4ids, PackageHasTheSchemasRequiredFieldsAndMapsTheLedger) {
  std::vector<Project> projects = {SampleProject(1, "第四中学", Stage::kConstruction, 30000),
                                   SampleProject(2, "电子六路", Stage::kProduction, 52000),
                                   SampleProject(3, "退出项目", Stage::kWithdrawn, 1)};
  projects[1].code.reset();
  projects[1].industry_code = "G5412";
  projects[1].nature = ConstructionNature::kRenovation;
  projects[1].actual_completion = "2026-02-28";
  projects[0].longitude = 108.95;
  projects[0].latitude = 34.22;
  projects[0].funding = {{FundingSource::kSpecialBond, Money::FromWan(10000)}};
  Oc4idsOptions o;
  o.uri = "urn:test";
  o.published_date = "2026-03-16T10:00:00+08:00";
  o.publisher = "雁塔区发展和改革委员会";
  std::string json = Oc4idsPackage(projects, SampleNames(), o);
  boost::json::value v = boost::json::parse(json);
  ExpectValidPackage(v);
  const auto& p0 = v.at("projects").at(0);
  EXPECT_EQ(p0.at("id"), "oc4ids-keyline-2026-610113-48-01-100001");
  EXPECT_EQ(p0.at("status"), "implementation");
  EXPECT_EQ(p0.at("title"), "第四中学");
  EXPECT_EQ(p0.at("sector").at(0), "education");
  EXPECT_EQ(p0.at("budget").at("amount").at("amount").as_double(), 300000123.45);
  EXPECT_EQ(p0.at("budget").at("budgetBreakdown").at(0).at("description"), "地方政府专项债");
  EXPECT_EQ(p0.at("locations").at(0).at("gazetteer").at("identifiers").at(0), "610113");
  EXPECT_EQ(p0.at("locations").at(0).at("geometry").at("coordinates").at(0).as_double(), 108.95);
  EXPECT_EQ(p0.at("parties").at(0).at("roles").at(0), "publicAuthority");
  EXPECT_EQ(p0.at("parties").at(0).at("identifier").at("id"), "91350200776049653A");
  EXPECT_EQ(p0.at("parties").at(1).at("name"), "雁塔区教育局");
  EXPECT_EQ(p0.at("period").at("startDate"), "2026-01-15T00:00:00+08:00");
  EXPECT_FALSE(p0.as_object().contains("completion"));
  const auto& p1 = v.at("projects").at(1);
  EXPECT_EQ(p1.at("id"), "oc4ids-keyline-KL-2");
  EXPECT_EQ(p1.at("status"), "completed");
  EXPECT_EQ(p1.at("type"), "rehabilitation");
  EXPECT_EQ(p1.at("sector").at(1), "transport.road");
  EXPECT_EQ(p1.at("completion").at("endDate"), "2026-02-28T00:00:00+08:00");
  EXPECT_EQ(v.at("projects").at(2).at("status"), "cancelled");
}

TEST(Oc4ids, StatusOfEveryStageIsInTheClosedCodelist) {
  for (const auto& e : StageTable()) {
    Project p;
    p.stage = e.value;
    EXPECT_TRUE(kStatuses.count(std::string(Oc4idsStatus(p)))) << e.code;
  }
  Project suspended;
  suspended.stage = Stage::kSuspended;
  EXPECT_EQ(Oc4idsStatus(suspended), "preparation");
  suspended.actual_start = "2025-01-01";
  EXPECT_EQ(Oc4idsStatus(suspended), "implementation");
  EXPECT_EQ(Oc4idsTimestamp(1773626400000), "2026-03-16T10:00:00+08:00");
}

// ---- bulletin ----

BulletinData SampleBulletin(int starts) {
  BulletinData d;
  d.period = 202603;
  d.scope = "全区";
  d.issuer = "雁塔区发展和改革委员会";
  d.issued_on = "2026-04-05";
  d.as_of = "2026-03-31";
  d.totals.projects = 37;
  d.totals.total_investment = Money::FromWan(4567890);
  d.totals.planned_projects = 30;
  d.totals.annual_planned = Money::FromWan(647400);
  d.totals.completed_to_period = Money::FromWan(190000);
  d.totals.completion_rate = 190000.0 / 647400.0;
  d.totals.gap_points = "4.35";
  for (int i = 0; i < starts; ++i) {
    MilestoneItem m;
    m.project_id = i + 1;
    m.project_name =
        "雁塔区重点建设项目第" + std::to_string(i + 1) + "号（含配套道路及综合管网工程）";
    m.unit = i % 2 ? "雁塔区教育局" : "雁塔区住房和城乡建设局";
    m.date = "2026-03-0" + std::to_string(1 + i % 9);
    m.total_investment = Money::FromWan(1000 + i);
    d.starts.this_period.push_back(m);
    d.starts.year_to_date.push_back(m);
  }
  OverdueProblem o;
  o.project_name = "电子六路建设项目";
  o.title = "征地拆迁未完成";
  o.units = "雁塔区住房和城乡建设局";
  o.due = "2026-03-10";
  o.days_overdue = 21;
  o.level = "分管领导";
  d.overdue_problems.push_back(o);
  d.rates.note = "暂无数据";
  d.rankings.note = "暂无数据";
  d.lights.note = "暂无数据";
  return d;
}

// The engine sections filled in (as a wired indicator source would).
void AddEngineSections(BulletinData& d) {
  d.rates.available = true;
  d.rates.columns = {"招商引资落地率", "前期手续办结率", "储备项目开工率", "计划投资完成率",
                     "竣工投产达效率"};
  d.rates.rows = {{"雁塔区教育局", {0.5, 0.875, std::nullopt, 0.2934, 1.0}},
                  {"雁塔区住房和城乡建设局", {0.25, 1.0, 0.6667, 0.31, std::nullopt}}};
  d.rankings.available = true;
  d.rankings.scheme = "重点项目建设考核排名";
  d.rankings.rows = {{1, 3, "雁塔区住房和城乡建设局", 92.5},
                     {2, 1, "雁塔区教育局", 88.0},
                     {3, std::nullopt, "曲江街道办事处", 70.25}};
  d.lights.available = true;
  d.lights.red = {{"电子六路建设项目", "雁塔区住房和城乡建设局", "连续两月未报送月报"}};
  d.lights.yellow = {
      {"雁塔区第四中学建设项目", "雁塔区教育局", "投资完成率落后序时进度 12.5 个百分点"}};
}

TEST(Bulletin, GapPhraseWordsTheSign) {
  EXPECT_EQ(GapPhrase(std::string("7.33")), "超序时进度 7.33 个百分点");
  EXPECT_EQ(GapPhrase(std::string("-2.10")), "落后序时进度 2.10 个百分点");
  EXPECT_EQ(GapPhrase(std::string("0.00")), "与序时进度持平");
  EXPECT_EQ(GapPhrase(std::nullopt), "");
}

TEST(Bulletin, NumbersAreWrittenTheWayBulletinsWriteThem) {
  EXPECT_EQ(WanText(Money::FromWan(4567890)), "4,567,890.00");
  EXPECT_EQ(WanText(Money{12'345'678}), "12.35");
  EXPECT_EQ(WanText(Money{-5'000}), "-0.01");
  EXPECT_EQ(ChineseNumber(1), "一");
  EXPECT_EQ(ChineseNumber(10), "十");
  EXPECT_EQ(ChineseNumber(12), "十二");
  EXPECT_EQ(ChineseNumber(21), "二十一");
}

TEST(Bulletin, HtmlIsAPrintableTongbaoWithEscapedText) {
  BulletinData d = SampleBulletin(2);
  d.starts.this_period[0].project_name = "<script>alert(1)</script>";
  std::string html = RenderBulletinHtml(LayOutBulletin(d));
  EXPECT_NE(html.find("关于2026年1—3月全区重点项目建设情况的通报"), std::string::npos);
  EXPECT_NE(html.find("2026年第3期"), std::string::npos);
  EXPECT_NE(html.find("@page { size: A4"), std::string::npos);
  EXPECT_NE(html.find("<h2>一、总体情况</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>六、逾期未解决问题</h2>"), std::string::npos);
  EXPECT_NE(html.find("全区在库项目37个"), std::string::npos);
  EXPECT_NE(html.find("超序时进度 4.35 个百分点"), std::string::npos);
  EXPECT_NE(html.find("暂无数据"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

TEST(Bulletin, XlsxHasOneSheetPerTable) {
  auto bytes = RenderBulletinXlsx(LayOutBulletin(SampleBulletin(3)));
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto workbook = ZipEntry(*bytes, "xl/workbook.xml");
  ASSERT_TRUE(workbook);
  for (const char* name : {"总体情况", "本月开工竣工投产", "累计开工竣工投产", "五率", "排名",
                           "红黄灯项目", "逾期问题"}) {
    EXPECT_NE(workbook->find(std::string("name=\"") + name + "\""), std::string::npos) << name;
  }
  auto sheet2 = ZipEntry(*bytes, "xl/worksheets/sheet2.xml");
  ASSERT_TRUE(sheet2);
  EXPECT_NE(sheet2->find("<f>SUM(F4:F6)</f><v>3003"), std::string::npos) << *sheet2;
}

// Runs a command; its exit status.
int Shell(const std::string& cmd) { return std::system(cmd.c_str()); }

TEST(Bulletin, PdfRendersOnA4WithRepeatedHeadersAndReadableText) {
  if (Shell("command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null") != 0) {
    GTEST_SKIP() << "poppler-utils not installed (scripts/install-deps.sh --test)";
  }
  BulletinData d = SampleBulletin(60);  // long enough to break the table across pages
  AddEngineSections(d);
  auto pdf = RenderBulletinPdf(LayOutBulletin(d));
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  ASSERT_EQ(pdf->substr(0, 5), "%PDF-");
  keyline::testing::TempDir dir;
  std::string path = dir.path() + "/bulletin.pdf";
  std::ofstream(path, std::ios::binary) << *pdf;
  ASSERT_EQ(Shell("pdftotext -layout " + path + " " + dir.path() + "/all.txt"), 0);
  std::string text = ReadAll(dir.path() + "/all.txt");
  // Whitespace and line breaks are layout; compare without them.
  std::string flat;
  for (char ch : text) {
    if (ch != ' ' && ch != '\n' && ch != '\f') flat += ch;
  }
  EXPECT_NE(flat.find("关于2026年1—3月全区重点项目建设情况的通报"), std::string::npos) << text;
  EXPECT_NE(flat.find("在库项目37个"), std::string::npos);
  EXPECT_NE(flat.find("超序时进度4.35个百分点"), std::string::npos);
  EXPECT_NE(flat.find("雁塔区住房和城乡建设局"), std::string::npos);  // the column fits it
  EXPECT_NE(flat.find("征地拆迁未完成"), std::string::npos);
  EXPECT_NE(flat.find("87.5%"),
            std::string::npos);  // a five-rates cell, with the indicator's one decimal
  EXPECT_NE(flat.find("↑2"), std::string::npos);  // rank 3 → 1
  EXPECT_NE(flat.find("新进"), std::string::npos);
  EXPECT_NE(flat.find("连续两月未报送月报"), std::string::npos);
  EXPECT_NE(flat.find("—1—"), std::string::npos);
  // A4 pages; the table continues on page 2 under a repeated header.
  ASSERT_EQ(Shell("pdftotext -f 2 -l 2 " + path + " " + dir.path() + "/p2.txt"), 0);
  std::string page2 = ReadAll(dir.path() + "/p2.txt");
  EXPECT_NE(page2.find("项目名称"), std::string::npos) << page2;
  EXPECT_NE(page2.find("—2—"), std::string::npos);
  ASSERT_EQ(Shell("pdftoppm -r 50 -png -f 1 -l 1 -singlefile " + path + " " + dir.path() + "/page"),
            0);
  std::string png = ReadAll(dir.path() + "/page.png");
  ASSERT_GT(png.size(), 1000u);
  // PNG IHDR: width and height of an A4 page at 50 dpi (413 × 585, ±1 for rounding).
  auto be32 = [&](size_t at) {
    return (static_cast<uint32_t>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<uint32_t>(static_cast<unsigned char>(png[at + 3]));
  };
  EXPECT_NEAR(be32(16), 413, 1);
  EXPECT_NEAR(be32(20), 585, 1);
  // Fonts: the CJK font is embedded (no fallback to a font without the glyphs).
  if (Shell("command -v pdffonts >/dev/null") == 0) {
    ASSERT_EQ(Shell("pdffonts " + path + " > " + dir.path() + "/fonts.txt"), 0);
    EXPECT_NE(ReadAll(dir.path() + "/fonts.txt").find("NotoSerifCJK"), std::string::npos);
  }
  if (const char* keep = std::getenv("KEYLINE_KEEP_BULLETIN")) {
    Shell("pdftoppm -r 80 -png " + path + " " + std::string(keep) + "/bulletin");
  }
}

}  // namespace
}  // namespace keyline::documents
