// The ledger import keeps the office's text as written and brings in the year's figures,
// over HTTP on SQLite and PostgreSQL:
//   - exporting the ledger and importing it again changes nothing, full-width text included;
//   - the monthly figures import takes a 1–M累计 column (the month is the difference).
#include <fstream>
#include <sstream>

#include "documents/xlsx_readback.h"
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class LedgerFiguresApi : public ApiTest {
 protected:
  HttpResult Upload(HttpClient& c, const std::string& kind, const std::string& bytes,
                    const std::string& query = "") {
    return c.Request("POST", "/api/v1/imports/" + kind + query, bytes, {{"Content-Type", kXlsx}});
  }
};
KL_INSTANTIATE_BACKENDS(LedgerFiguresApi);

TEST_P(LedgerFiguresApi, ReimportingTheOwnExportChangesNothing) {
  auto fgw = As("fgw");
  // Text as offices write it: full-width punctuation, a line break, a full-width digit.
  std::string path = "/api/v1/projects/" + std::to_string(fx().project_school);
  int64_t version = fgw->Get(path).json.at("version").as_int64();
  HttpResult patched = fgw->Patch(
      path, Json({{"version", version},
                  {"name", "雁塔区第四中学（一期）"},
                  {"industry_code", "P8331"},
                  {"scale_content", "新建教学楼、食堂：总建筑面积２万平方米；\n二期另行立项。"}}));
  ASSERT_EQ(patched.status, 200) << patched.body;

  HttpResult exported = fgw->Get("/api/v1/projects/export.xlsx");
  ASSERT_EQ(exported.status, 200);
  // The sheet reads like the office's own: the industry with its name, units and regions by name.
  auto sheets = documents::testing::ReadBack(exported.body);
  ASSERT_EQ(sheets.size(), 1u);
  int64_t row = 0;
  for (const auto& [n, cells] : sheets[0].rows) {
    if (cells.size() > 1 && cells[1].text == "雁塔区第四中学（一期）") row = n;
  }
  ASSERT_GT(row, 0);
  EXPECT_EQ(sheets[0].At(3, 6).text, "所属行业");
  EXPECT_EQ(sheets[0].At(row, 6).text, "P8331 普通初中教育");
  EXPECT_EQ(sheets[0].At(row, 7).text, "雁塔区");
  EXPECT_EQ(sheets[0].At(row, 10).text, "雁塔区教育局");
  HttpResult dry = Upload(*fgw, "ledger", exported.body);
  ASSERT_EQ(dry.status, 201) << dry.body;
  const auto& s = dry.json.at("summary");
  EXPECT_EQ(s.at("errors").as_int64(), 0) << dry.body;
  EXPECT_EQ(s.at("create").as_int64(), 0) << dry.body;
  EXPECT_EQ(s.at("update").as_int64(), 0) << dry.body;
  EXPECT_EQ(s.at("unchanged").as_int64(), 3) << dry.body;
}

TEST_P(LedgerFiguresApi, ALedgerPeriodThatIsNotAPeriodIsRefused) {
  auto fgw = As("fgw");
  HttpResult exported = fgw->Get("/api/v1/projects/export.xlsx");
  ASSERT_EQ(exported.status, 200);
  HttpResult bad = Upload(*fgw, "ledger", exported.body, "?period=2023-13");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("YYYYMM"), std::string::npos);
  HttpResult year = Upload(*fgw, "ledger", exported.body, "?year=1800");
  EXPECT_EQ(year.status, 400) << year.body;
  HttpResult ok = Upload(*fgw, "ledger", exported.body, "?period=202312");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json.at("period").as_int64(), 202312);
}

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(KEYLINE_SOURCE_DIR) + "/tests/fixtures/import/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_P(LedgerFiguresApi, MonthlyFiguresGivenAsTheYearToDate) {
  auto fgw = As("fgw");
  std::string school = "/api/v1/projects/" + Id(fx().project_school) + "/reports/";
  server().clock().Set(At("2026-02-26"));  // 202602 is open
  HttpResult feb =
      Upload(*fgw, "reports", Fixture("reports_cumulative_feb.xlsx"), "?period=202602");
  ASSERT_EQ(feb.status, 201) << feb.body;
  EXPECT_EQ(feb.json.at("summary").at("errors").as_int64(), 0) << feb.body;
  std::string id = std::to_string(feb.json.at("id").as_int64());
  ASSERT_EQ(fgw->Post("/api/v1/imports/" + id + "/confirm", "").status, 200);
  EXPECT_EQ(fgw->Get(school + "202602").json.at("report").at("completed_investment").as_string(),
            "1200");

  server().clock().Set(At("2026-03-27"));  // 202603 is open
  fgw = As("fgw");                         // a month later: a new session
  HttpResult mar =
      Upload(*fgw, "reports", Fixture("reports_cumulative_mar.xlsx"), "?period=202603");
  ASSERT_EQ(mar.status, 201) << mar.body;
  EXPECT_EQ(mar.json.at("summary").at("create").as_int64(), 1) << mar.body;
  const auto& change = mar.json.at("rows").as_array()[0].at("changes").as_array()[0];
  EXPECT_EQ(change.at("new").as_string(), "800");  // 2000 − 1200 reported for Jan–Feb
  id = std::to_string(mar.json.at("id").as_int64());
  ASSERT_EQ(fgw->Post("/api/v1/imports/" + id + "/confirm", "").status, 200);
  HttpResult march = fgw->Get(school + "202603");
  EXPECT_EQ(march.json.at("report").at("completed_investment").as_string(), "800");
  EXPECT_EQ(march.json.at("report").at("progress_text").as_string(), "主体结构施工至三层");

  // A year to date of another month than the import's is a row error, written nowhere.
  server().clock().Set(At("2026-04-27"));
  fgw = As("fgw");
  HttpResult apr =
      Upload(*fgw, "reports", Fixture("reports_cumulative_feb.xlsx"), "?period=202604");
  ASSERT_EQ(apr.status, 201) << apr.body;
  EXPECT_EQ(apr.json.at("summary").at("errors").as_int64(), 1) << apr.body;
  std::string reasons = boost::json::serialize(apr.json.at("rows").as_array()[0].at("reasons"));
  EXPECT_NE(reasons.find("与导入期别2026年4月不符"), std::string::npos) << reasons;
}

}  // namespace
}  // namespace keyline::testing
