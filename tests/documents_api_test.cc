// Documents out over HTTP: the ledger export (office .xlsx, same filters and scope as
// GET /projects), the OC4IDS package and the monthly bulletin in its three formats, with the
// roles that may get them and the answers to bad input.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/date.h"
#include "documents/bulletin_service.h"
#include "documents/engine_indicator_source.h"
#include "documents/xlsx_readback.h"
#include "documents/zip_peek.h"
#include "engine/indicator_catalogue.h"
#include "pdf_text.h"
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

using documents::testing::ReadBack;
using documents::testing::ZipEntry;

class DocumentsApi : public ApiTest {
 protected:
  // The shared strings of an exported workbook (every text cell is there).
  static std::string Strings(const HttpResult& r) {
    auto s = ZipEntry(r.body, "xl/sharedStrings.xml");
    return s.value_or("");
  }
  static void ExpectBilingual400(const HttpResult& r) {
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.ErrorCode(), "invalid_argument");
    EXPECT_FALSE(r.json.at("error").at("message").as_string().empty());
    EXPECT_FALSE(r.json.at("error").at("message_en").as_string().empty());
  }
};
KL_INSTANTIATE_BACKENDS(DocumentsApi);

TEST_P(DocumentsApi, LedgerExportIsTheFilteredScopedLedgerInOfficeLayout) {
  auto fgw = As("fgw");
  HttpResult all = fgw->Get("/api/v1/projects/export.xlsx");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(all.Header("content-disposition")
                .find("attachment; filename=\"keyline-ledger-20260316.xlsx\""),
            std::string::npos);
  std::string strings = Strings(all);
  for (const char* name : {"雁塔区第四中学建设项目", "电子六路建设项目", "西安荟聚项目", "合计",
                           "总投资（万元）", "雁塔区教育局", "共3个项目"}) {
    EXPECT_NE(strings.find(name), std::string::npos) << name;
  }
  // Read back: three rows under the two-row header, 30000 + 52000 + 430000 万元 in 合计.
  auto sheets = ReadBack(all.body);
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].name, "项目台账");
  EXPECT_EQ(sheets[0].RowStarting("合计"), 8);
  EXPECT_EQ(sheets[0].At(8, 12).number, 512000);
  EXPECT_EQ(sheets[0].At(3, 12).text, "总投资（万元）");
  auto sheet = ZipEntry(all.body, "xl/worksheets/sheet1.xml").value_or("");
  EXPECT_NE(sheet.find("<f>SUM(M5:M7)</f>"), std::string::npos);

  // The filters of GET /projects.
  HttpResult built = fgw->Get("/api/v1/projects/export.xlsx?stage=construction");
  ASSERT_EQ(built.status, 200);
  EXPECT_NE(Strings(built).find("雁塔区第四中学建设项目"), std::string::npos);
  EXPECT_EQ(Strings(built).find("电子六路建设项目"), std::string::npos);
  HttpResult by_unit =
      fgw->Get("/api/v1/projects/export.xlsx?unit=" + Id(fx().dept_build) + "&sort=name&order=asc");
  ASSERT_EQ(by_unit.status, 200);
  EXPECT_EQ(Strings(by_unit).find("雁塔区第四中学建设项目"), std::string::npos);
  EXPECT_NE(Strings(by_unit).find("西安荟聚项目"), std::string::npos);

  // A project company gets its own projects only, whatever it asks for.
  auto company = As("company_a");
  HttpResult own = company->Get("/api/v1/projects/export.xlsx");
  ASSERT_EQ(own.status, 200);
  EXPECT_NE(Strings(own).find("雁塔区第四中学建设项目"), std::string::npos);
  EXPECT_EQ(Strings(own).find("电子六路建设项目"), std::string::npos);
  EXPECT_EQ(Strings(own).find("西安荟聚项目"), std::string::npos);
  HttpResult other = company->Get("/api/v1/projects/export.xlsx?unit=" + Id(fx().company_b));
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(Strings(other).find("电子六路建设项目"), std::string::npos);
  EXPECT_NE(Strings(other).find("暂无符合条件的项目"), std::string::npos);

  // Bad filters are refused as on GET /projects; anonymous callers are not served.
  ExpectBilingual400(fgw->Get("/api/v1/projects/export.xlsx?stage=nonsense"));
  ExpectBilingual400(fgw->Get("/api/v1/projects/export.xlsx?colour=red"));
  ExpectBilingual400(fgw->Get("/api/v1/projects/export.xlsx?year=99999"));
  EXPECT_EQ(server().Anonymous()->Get("/api/v1/projects/export.xlsx").status, 401);
}

TEST_P(DocumentsApi, Oc4idsPackageIsScopedAndValid) {
  auto fgw = As("fgw");
  HttpResult all = fgw->Get("/api/v1/oc4ids");
  ASSERT_EQ(all.status, 200) << all.body;
  const auto& pkg = all.json.as_object();
  for (const char* k : {"uri", "publisher", "publishedDate", "projects", "version"}) {
    EXPECT_TRUE(pkg.contains(k)) << k;
  }
  EXPECT_EQ(pkg.at("version"), "0.9");
  EXPECT_EQ(pkg.at("publishedDate"), "2026-03-16T10:00:00+08:00");
  EXPECT_EQ(pkg.at("publisher").at("name"), "雁塔区发展和改革委员会");
  ASSERT_EQ(pkg.at("projects").as_array().size(), 3u);

  HttpResult one = fgw->Get("/api/v1/oc4ids?project_id=" + Id(fx().project_school));
  ASSERT_EQ(one.status, 200);
  const auto& p = one.json.at("projects").at(0);
  EXPECT_EQ(p.at("title"), "雁塔区第四中学建设项目");
  EXPECT_EQ(p.at("status"), "implementation");
  EXPECT_EQ(p.at("budget").at("amount").at("amount").as_double(), 300000000.0);
  EXPECT_EQ(p.at("parties").at(0).at("name"), "西安甲建设有限公司");
  EXPECT_EQ(p.at("locations").at(0).at("address").at("region"), "雁塔区");

  auto company = As("company_a");
  HttpResult own = company->Get("/api/v1/oc4ids");
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.json.at("projects").as_array().size(), 1u);
  EXPECT_EQ(company->Get("/api/v1/oc4ids?project_id=" + Id(fx().project_road)).status, 404);
  ExpectBilingual400(fgw->Get("/api/v1/oc4ids?project_id=abc"));
  ExpectBilingual400(fgw->Get("/api/v1/oc4ids?project=1"));
  EXPECT_EQ(fgw->Get("/api/v1/oc4ids?project_id=999999").status, 404);
}

TEST_P(DocumentsApi, BulletinInThreeFormatsForTheOfficeAndItsOwnForADepartment) {
  auto fgw = As("fgw");
  HttpResult html = fgw->Get("/api/v1/bulletins/202603?format=html");
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_EQ(html.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(html.body.find("关于2026年1—3月全区重点项目建设情况的通报"), std::string::npos);
  EXPECT_NE(html.body.find("全区在库项目3个，总投资512,000.00万元"), std::string::npos)
      << html.body;
  // The school started 2026-02-01: one start in 1–3 月, none in March.
  EXPECT_NE(html.body.find("3月，新开工项目0个"), std::string::npos);
  EXPECT_NE(html.body.find("1—3月累计新开工项目1个"), std::string::npos);
  for (const char* heading :
       {"三、“五率”情况", "四、排名情况", "五、红黄灯项目", "六、逾期未解决问题"}) {
    EXPECT_NE(html.body.find(heading), std::string::npos) << heading;
  }
  EXPECT_EQ(fgw->Get("/api/v1/bulletins/202603").status, 200);  // html by default

  HttpResult pdf = fgw->Get("/api/v1/bulletins/202603?format=pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  HttpResult xlsx = fgw->Get("/api/v1/bulletins/202603?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto sheets = ReadBack(xlsx.body);
  ASSERT_GE(sheets.size(), 7u);
  EXPECT_EQ(sheets[0].name, "总体情况");
  EXPECT_EQ(sheets[0].At(5, 0).text, "在库项目（个）");
  EXPECT_EQ(sheets[0].At(5, 1).text, "3");
  EXPECT_EQ(sheets[2].name, "累计开工竣工投产");
  EXPECT_EQ(sheets[2].At(4, 2).text, "雁塔区第四中学建设项目");

  // A department: its own unit's bulletin.
  auto edu = As("edu");
  HttpResult own = edu->Get("/api/v1/bulletins/202603");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_NE(own.body.find("关于2026年1—3月雁塔区教育局重点项目建设情况的通报"), std::string::npos);
  // Its projects: the school it is responsible for and the mall it cooperates on.
  EXPECT_NE(own.body.find("雁塔区教育局在库项目2个，总投资460,000.00万元"), std::string::npos)
      << own.body;
  EXPECT_EQ(own.body.find("电子六路建设项目"), std::string::npos);
  EXPECT_EQ(As("leader")->Get("/api/v1/bulletins/202603").status, 200);

  // Companies and service officers get none; bad input is a bilingual 400.
  EXPECT_EQ(As("company_a")->Get("/api/v1/bulletins/202603").status, 403);
  EXPECT_EQ(As("officer")->Get("/api/v1/bulletins/202603").status, 403);
  ExpectBilingual400(fgw->Get("/api/v1/bulletins/202604"));  // the future (today is 2026-03-16)
  ExpectBilingual400(fgw->Get("/api/v1/bulletins/202613"));
  ExpectBilingual400(fgw->Get("/api/v1/bulletins/2026-03"));
  ExpectBilingual400(fgw->Get("/api/v1/bulletins/199912"));
  ExpectBilingual400(fgw->Get("/api/v1/bulletins/202603?format=docx"));
  ExpectBilingual400(fgw->Get("/api/v1/bulletins/202603?fmt=pdf"));
}

TEST_P(DocumentsApi, BulletinFiguresComeFromPlansAndApprovedReports) {
  // The school's 2026 plan (12000 万元, even) and its approved March report of 850.5 万元.
  server().clock().Set(Date::Parse("2026-03-27")->ToDays() * 86400000LL + 2 * 3600000LL);
  int64_t school = fx().project_school;
  std::string plan = "/api/v1/projects/" + Id(school) + "/plans/2026";
  auto fgw = As("fgw");
  ASSERT_EQ(
      fgw->Request("PUT", plan, R"({"planned_investment":"12000","split":"even","version":0})")
          .status,
      200);
  ASSERT_EQ(fgw->Post(plan + "/confirm", R"({"version":1})").status, 200);
  std::string report = "/api/v1/projects/" + Id(school) + "/reports/202603";
  auto company = As("company_a");
  HttpResult submitted =
      company->Post(report + "/submit", R"({"version":0,"completed_investment":"850.5"})");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  ASSERT_EQ(As("edu")->Post(report + "/approve", R"({"version":1})").status, 200);

  // 850.5 ÷ 12000 = 7.0875%, shown as 7.1% (the indicator's one decimal); 3 months elapsed →
  // 7.0875 − 25 = −17.91 points.
  HttpResult html = fgw->Get("/api/v1/bulletins/202603");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("纳入年度投资计划项目1个，年度计划投资12,000.00万元；1—3月累计完成投资"
                           "850.50万元，占年度计划的7.1%，落后序时进度 17.91 个百分点。"),
            std::string::npos)
      << html.body;

  HttpResult pdf = fgw->Get("/api/v1/bulletins/202603?format=pdf");
  ASSERT_EQ(pdf.status, 200);
  std::optional<std::string> text = PdfTextWithoutSpaces(pdf.body);
  if (!text) GTEST_SKIP() << "no pdftotext";
  const std::string& flat = *text;
  EXPECT_NE(flat.find("关于2026年1—3月全区重点项目建设情况的通报"), std::string::npos) << flat;
  EXPECT_NE(flat.find("全区在库项目3个"), std::string::npos);
  EXPECT_NE(flat.find("落后序时进度17.91个百分点"), std::string::npos);
  EXPECT_NE(flat.find("雁塔区教育局"), std::string::npos);  // the school's unit in the starts table
}

TEST_P(DocumentsApi, BulletinShowsTheFiveRatesFromTheEngineThroughTheSeam) {
  // Facts as the live engine would hold them: 教育局 has two projects due to start in 2026, one
  // started; 住建局 one, started. 储备项目开工率 for 2026-06: 50% and 100%.
  engine::Facts facts;
  auto add = [&](int64_t id, Stage stage, int64_t unit, int32_t planned, int32_t started) {
    engine::ProjectFact p;
    p.id = id;
    p.stage = stage;
    p.unit = unit;
    p.total_cents = 1000 * Money::kCentsPerWan;
    p.planned_start = planned;
    p.actual_start = started;
    ASSERT_TRUE(facts.AddProject(p).ok());
  };
  add(1, Stage::kConstruction, fx().dept_edu, 20260310, 20260315);
  add(2, Stage::kPreliminary, fx().dept_edu, 20260615, 0);
  add(3, Stage::kConstruction, fx().dept_build, 20260401, 20260402);
  engine::FixedFactsSource source(std::move(facts));
  engine::ShippedIndicatorCatalogue catalogue;
  documents::NoIndicatorSource none;
  documents::EngineIndicatorSource rates(catalogue, source, server().app().repos(), none);
  server().app().bulletins().SetIndicatorSource(rates);
  server().clock().Set(Date::Parse("2026-07-10")->ToDays() * 86400000LL);

  HttpResult html = As("fgw")->Get("/api/v1/bulletins/202606");
  ASSERT_EQ(html.status, 200) << html.body;
  for (const char* s : {"储备项目开工率", "前期手续办结率", "招商引资落地率", "计划投资完成率",
                        "竣工投产达效率", "<td>雁塔区教育局</td>", "<td class=\"num\">50.0%</td>",
                        "<td>雁塔区住房和城乡建设局</td>", "<td class=\"num\">100.0%</td>"}) {
    EXPECT_NE(html.body.find(s), std::string::npos) << s;
  }
  // A department sees its own row only.
  HttpResult own = As("edu")->Get("/api/v1/bulletins/202606");
  ASSERT_EQ(own.status, 200);
  EXPECT_NE(own.body.find("<td>雁塔区教育局</td>"), std::string::npos);
  EXPECT_EQ(own.body.find("<td>雁塔区住房和城乡建设局</td>"), std::string::npos);
  // The xlsx sheet 五率 has the rates as fractions under a merged 五率 group header.
  auto sheets = ReadBack(As("fgw")->Get("/api/v1/bulletins/202606?format=xlsx").body);
  const documents::testing::ReadSheet* five = nullptr;
  for (const auto& sh : sheets) {
    if (sh.name == "五率") five = &sh;
  }
  ASSERT_NE(five, nullptr);
  EXPECT_EQ(five->At(2, 2).text, "五率");
  EXPECT_TRUE(five->IsMerged(1, 2, 1, 6));
  int64_t edu_row = 0;
  for (const auto& [n, cells] : five->rows) {
    if (cells.size() > 1 && cells[1].text == "雁塔区教育局") edu_row = n;
  }
  ASSERT_GT(edu_row, 0);
  bool found_half = false;
  for (int c = 2; c < 7; ++c) found_half |= five->At(edu_row, c).number == 0.5;
  EXPECT_TRUE(found_half);
}

}  // namespace
}  // namespace keyline::testing
