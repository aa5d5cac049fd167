// The engine's tables as .xlsx over HTTP: GET /export/rates.xlsx, /export/lights.xlsx
// and /export/rankings.xlsx read back with the project's own xlsx reader, every cell checked
// against the JSON endpoint's figures for the same caller and query; the same scope, 403/404 and
// 400s as those endpoints (SQLite and PostgreSQL). The fixture's "now" is 2026-03-16.
#include <gtest/gtest.h>

#include <cstdlib>

#include "documents/xlsx_readback.h"
#include "tests/engine_api_test.h"

namespace keyline::testing {
namespace {

using documents::testing::ReadBack;
using documents::testing::ReadSheet;

constexpr int kHeaderRow = 3;  // title, subtitle, then the two header rows
constexpr int kFirstDataRow = 5;

std::string Str(const boost::json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : std::string();
}

class EngineExportsApi : public EngineApiTest {
 protected:
  // The single sheet of an .xlsx answer.
  static ReadSheet SheetOf(const HttpResult& r) {
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("content-type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_NE(r.Header("content-disposition").find("attachment; filename=\"keyline-"),
              std::string::npos);
    std::string error;
    auto sheets = ReadBack(r.body, &error);
    EXPECT_EQ(sheets.size(), 1u) << error;
    return sheets.empty() ? ReadSheet{} : sheets[0];
  }
  // A number cell equals the JSON's decimal string; an empty cell equals "" or null.
  static void ExpectNumber(const ReadSheet& s, int64_t row, int col, const boost::json::value& v) {
    xlsx::Cell cell = s.At(row, col);
    std::string text = Str(v);
    if (text.empty()) {
      EXPECT_EQ(cell.kind, xlsx::Cell::Kind::kEmpty) << "row " << row << " col " << col;
      return;
    }
    ASSERT_EQ(cell.kind, xlsx::Cell::Kind::kNumber) << "row " << row << " col " << col;
    EXPECT_NEAR(cell.number, std::strtod(text.c_str(), nullptr), 1e-9)
        << "row " << row << " col " << col;
  }
  static int64_t DataRows(const ReadSheet& s) {
    int64_t n = 0;
    for (const auto& [row, cells] : s.rows) {
      // Not the note under an empty table ("暂无…").
      n += row >= kFirstDataRow && !cells.empty() && cells[0].text.rfind("暂无", 0) != 0;
    }
    return n;
  }
  static void ExpectBilingual400(const HttpResult& r) {
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.ErrorCode(), "invalid_argument");
    EXPECT_FALSE(r.json.at("error").at("message").as_string().empty());
    EXPECT_FALSE(r.json.at("error").at("message_en").as_string().empty());
  }
  // The export answers as the JSON endpoint does (status and error code) for this caller.
  void ExpectSameAnswer(HttpClient& client, const std::string& json_url,
                        const std::string& xlsx_url) {
    HttpResult json = client.Get(json_url);
    HttpResult xlsx = client.Get(xlsx_url);
    EXPECT_EQ(xlsx.status, json.status) << xlsx_url << " " << xlsx.body;
    if (json.status != 200) {
      EXPECT_EQ(xlsx.ErrorCode(), json.ErrorCode()) << xlsx_url;
    }
  }
};
KL_INSTANTIATE_BACKENDS(EngineExportsApi);

TEST_P(EngineExportsApi, RatesExportIsTheRatesTableWithTheAreaRow) {
  PlanSchool("12000");
  server().clock().Set(At("2026-03-27"));
  auto company = As("company_a");
  std::string report = "/api/v1/projects/" + Id(fx().project_school) + "/reports/202603";
  ASSERT_EQ(
      company->Request("PUT", report, R"j({"version":0,"completed_investment":"1200"})j").status,
      200);
  ASSERT_EQ(company->Post(report + "/submit", R"j({"version":1})j").status, 200);
  auto fgw = As("fgw");
  const std::string query = "set=shaanxi&period=202603&group_by=unit&window=ytd";
  HttpResult json = fgw->Get("/api/v1/rates?" + query);
  ASSERT_EQ(json.status, 200) << json.body;
  HttpResult xlsx = fgw->Get("/api/v1/export/rates.xlsx?" + query);
  ReadSheet s = SheetOf(xlsx);
  EXPECT_NE(xlsx.Header("content-disposition").find("keyline-rates-202603.xlsx"),
            std::string::npos);
  EXPECT_EQ(s.name, "五率");
  const auto& indicators = json.json.at("indicators").as_array();
  ASSERT_EQ(indicators.size(), 5u);
  // Two-row header: each indicator's name merged over 率（%）/分子/分母.
  for (size_t k = 0; k < indicators.size(); ++k) {
    int col = 1 + 3 * static_cast<int>(k);
    EXPECT_EQ(s.At(kHeaderRow, col).text, Str(indicators[k].at("name_zh")));
    EXPECT_TRUE(s.IsMerged(kHeaderRow - 1, col, kHeaderRow - 1, col + 2)) << k;
    EXPECT_EQ(s.At(kHeaderRow + 1, col).text, "率（%）");
    EXPECT_EQ(s.At(kHeaderRow + 1, col + 1).text, "分子");
    EXPECT_EQ(s.At(kHeaderRow + 1, col + 2).text, "分母");
  }
  // One row per group, in the JSON's order, then the area.
  const auto& rows = json.json.at("rows").as_array();
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(DataRows(s), static_cast<int64_t>(rows.size()) + 1);
  bool edu_seen = false;
  auto check = [&](int64_t row, const boost::json::value& values) {
    for (size_t k = 0; k < indicators.size(); ++k) {
      int col = 1 + 3 * static_cast<int>(k);
      const auto& obj = values.as_object();
      auto it = obj.find(indicators[k].at("code").as_string());
      if (it == obj.end()) {
        EXPECT_EQ(s.At(row, col).kind, xlsx::Cell::Kind::kEmpty);
        continue;
      }
      ExpectNumber(s, row, col, it->value().at("percent"));
      ExpectNumber(s, row, col + 1, it->value().at("numerator"));
      ExpectNumber(s, row, col + 2, it->value().at("denominator"));
    }
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    int64_t row = kFirstDataRow + static_cast<int64_t>(i);
    EXPECT_EQ(s.At(row, 0).text, Str(rows[i].at("label")));
    check(row, rows[i].at("values"));
    if (Str(rows[i].at("key")) == Id(fx().dept_edu)) {
      edu_seen = true;
      // 1200万 reported → 投资完成率 10.0%.
      for (size_t k = 0; k < indicators.size(); ++k) {
        if (indicators[k].at("code") != "shaanxi.plan_investment_completion") continue;
        EXPECT_EQ(s.At(row, 1 + 3 * static_cast<int>(k)).number, 10.0);
        EXPECT_EQ(s.At(row, 2 + 3 * static_cast<int>(k)).number, 1200.0);
      }
    }
  }
  EXPECT_TRUE(edu_seen);
  int64_t area = kFirstDataRow + static_cast<int64_t>(rows.size());
  EXPECT_EQ(s.At(area, 0).text, "全区合计");
  check(area, json.json.at("area").at("values"));

  // Bad parameters: the 400s of GET /rates.
  ExpectBilingual400(fgw->Get("/api/v1/export/rates.xlsx?set=shaanxi&period=202613"));
  ExpectBilingual400(fgw->Get("/api/v1/export/rates.xlsx?set=shaanxi&period=abc"));
  ExpectBilingual400(fgw->Get("/api/v1/export/rates.xlsx?set=shaanxi"));
  ExpectBilingual400(fgw->Get("/api/v1/export/rates.xlsx?period=202603"));
  ExpectBilingual400(fgw->Get("/api/v1/export/rates.xlsx?set=shaanxi&period=202603&group_by=x"));
  ExpectBilingual400(fgw->Get("/api/v1/export/rates.xlsx?set=shaanxi&period=202603&window=x"));
  ExpectBilingual400(fgw->Get("/api/v1/export/rates.xlsx?set=shaanxi&period=202603&page=2"));
  EXPECT_EQ(fgw->Get("/api/v1/export/rates.xlsx?set=nope&period=202603").status, 404);
  EXPECT_EQ(server().Anonymous()->Get("/api/v1/export/rates.xlsx?" + query).status, 401);
  // Every role answers as on GET /rates.
  for (const char* user : {"admin", "edu", "company_a", "leader"}) {
    ExpectSameAnswer(*As(user), "/api/v1/rates?" + query, "/api/v1/export/rates.xlsx?" + query);
  }
}

TEST_P(EngineExportsApi, LightsExportIsTheScopedLightsList) {
  PlanSchool("12000");
  auto fgw = As("fgw");
  HttpResult json = fgw->Get("/api/v1/lights?period=202603&page_size=500");
  ASSERT_EQ(json.status, 200) << json.body;
  ASSERT_EQ(json.json.at("total").as_int64(), 3);
  HttpResult xlsx = fgw->Get("/api/v1/export/lights.xlsx?period=202603");
  ReadSheet s = SheetOf(xlsx);
  EXPECT_NE(xlsx.Header("content-disposition").find("keyline-lights-202603.xlsx"),
            std::string::npos);
  EXPECT_EQ(s.At(kHeaderRow, 4).text, "总体灯色");
  const std::map<std::string, std::string> zh{
      {"red", "红灯"}, {"yellow", "黄灯"}, {"green", "绿灯"}};
  const auto& items = json.json.at("items").as_array();
  EXPECT_EQ(DataRows(s), static_cast<int64_t>(items.size()));
  bool school_seen = false;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    int64_t row = kFirstDataRow + static_cast<int64_t>(i);
    EXPECT_EQ(s.At(row, 0).number, static_cast<double>(i + 1));
    EXPECT_EQ(s.At(row, 1).text, Str(item.at("project_code")));
    EXPECT_EQ(s.At(row, 2).text, Str(item.at("project_name")));
    EXPECT_EQ(s.At(row, 3).text, Str(item.at("unit_name")));
    EXPECT_EQ(s.At(row, 4).text, zh.at(Str(item.at("overall"))));
    const auto& dims = item.at("dimensions").as_array();
    for (size_t d = 0; d < dims.size(); ++d) {
      int col = 5 + 2 * static_cast<int>(d);
      EXPECT_EQ(s.At(kHeaderRow + 1, col).text, "灯色");
      EXPECT_EQ(s.At(row, col).text, zh.at(Str(dims[d].at("colour"))));
      EXPECT_EQ(s.At(row, col + 1).text, Str(dims[d].at("reason_zh")));
    }
    if (item.at("project_id").as_int64() == fx().project_school) {
      school_seen = true;
      EXPECT_EQ(s.At(row, 4).text, "红灯");
    }
  }
  EXPECT_TRUE(school_seen);

  // Filters as on GET /lights.
  ReadSheet red = SheetOf(fgw->Get("/api/v1/export/lights.xlsx?period=202603&colour=red"));
  EXPECT_EQ(DataRows(red), 1);
  EXPECT_EQ(red.At(kFirstDataRow, 4).text, "红灯");
  ReadSheet start =
      SheetOf(fgw->Get("/api/v1/export/lights.xlsx?period=202603&dimension=start&colour=yellow"));
  EXPECT_EQ(DataRows(start), 2);
  ReadSheet build =
      SheetOf(fgw->Get("/api/v1/export/lights.xlsx?period=202603&unit_id=" + Id(fx().dept_build)));
  HttpResult build_json = fgw->Get("/api/v1/lights?period=202603&unit_id=" + Id(fx().dept_build));
  EXPECT_EQ(DataRows(build), build_json.json.at("total").as_int64());

  // Scope: company B gets its road and mall only, whatever it asks for.
  auto company_b = As("company_b");
  ReadSheet own = SheetOf(company_b->Get("/api/v1/export/lights.xlsx?period=202603"));
  EXPECT_EQ(DataRows(own), 2);
  for (const auto& [row, cells] : own.rows) {
    if (row >= kFirstDataRow && cells.size() > 2) {
      EXPECT_NE(cells[2].text, "雁塔区第四中学建设项目");
    }
  }
  ReadSheet asked = SheetOf(
      company_b->Get("/api/v1/export/lights.xlsx?period=202603&unit_id=" + Id(fx().dept_edu)));
  EXPECT_EQ(DataRows(asked),
            company_b->Get("/api/v1/lights?period=202603&unit_id=" + Id(fx().dept_edu))
                .json.at("total")
                .as_int64());
  for (const auto& [row, cells] : asked.rows) {
    if (row >= kFirstDataRow && cells.size() > 2) {
      EXPECT_NE(cells[2].text, "雁塔区第四中学建设项目");
    }
  }
  EXPECT_EQ(DataRows(SheetOf(As("edu")->Get("/api/v1/export/lights.xlsx?period=202603"))), 2);

  // Bad parameters: the 400s of GET /lights.
  ExpectBilingual400(fgw->Get("/api/v1/export/lights.xlsx?period=2026-03"));
  ExpectBilingual400(fgw->Get("/api/v1/export/lights.xlsx?period=209912"));
  ExpectBilingual400(fgw->Get("/api/v1/export/lights.xlsx?colour=blue"));
  ExpectBilingual400(fgw->Get("/api/v1/export/lights.xlsx?dimension=x"));
  ExpectBilingual400(fgw->Get("/api/v1/export/lights.xlsx?unit_id=0"));
  ExpectBilingual400(fgw->Get("/api/v1/export/lights.xlsx?page=1"));
  EXPECT_EQ(server().Anonymous()->Get("/api/v1/export/lights.xlsx").status, 401);
}

TEST_P(EngineExportsApi, RankingsExportIsTheRankingWithListsAndExemptions) {
  PlanSchool("12000");
  auto company_a = As("company_a");
  auto fgw = As("fgw");
  ASSERT_TRUE(company_a && fgw);
  server().clock().Set(At("2026-03-02"));
  SubmitSchoolFebruary(*company_a);
  ASSERT_EQ(fgw->Post("/api/v1/ranking-schemes", Json(MonthlyScheme())).status, 201);
  ASSERT_EQ(fgw->Post("/api/v1/rankings/exemptions", Json({{"scheme", "monthly"},
                                                           {"period", "202603"},
                                                           {"unit_id", fx().dept_build},
                                                           {"reason", "不可抗力"}}))
                .status,
            201);
  const std::string query = "scheme=monthly&period=202603";
  HttpResult json = fgw->Get("/api/v1/rankings?" + query);
  ASSERT_EQ(json.status, 200) << json.body;
  HttpResult xlsx = fgw->Get("/api/v1/export/rankings.xlsx?" + query);
  ReadSheet s = SheetOf(xlsx);
  EXPECT_NE(xlsx.Header("content-disposition").find("keyline-rankings-202603.xlsx"),
            std::string::npos);
  EXPECT_EQ(s.At(kHeaderRow, 5).text, "投资完成率（60分）");
  EXPECT_EQ(s.At(kHeaderRow, 7).text, "builtin.reporting_timeliness（40分）");
  EXPECT_EQ(s.At(kHeaderRow + 1, 5).text, "完成率（%）");
  EXPECT_EQ(s.At(kHeaderRow + 1, 6).text, "得分");
  const auto& rows = json.json.at("groups").at(0).at("rows").as_array();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(DataRows(s), 2);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    int64_t row = kFirstDataRow + static_cast<int64_t>(i);
    EXPECT_EQ(s.At(row, 0).text, "部门");
    EXPECT_EQ(s.At(row, 1).text,
              r.at("rank").is_null() ? "不参评" : std::to_string(r.at("rank").as_int64()));
    if (r.at("change").is_null()) {
      EXPECT_EQ(s.At(row, 2).kind, xlsx::Cell::Kind::kEmpty);
    } else {
      EXPECT_EQ(s.At(row, 2).number, static_cast<double>(r.at("change").as_int64()));
    }
    EXPECT_EQ(s.At(row, 3).text, Str(r.at("unit_name")));
    ExpectNumber(s, row, 4, r.at("score"));
    const auto& comps = r.at("components").as_array();
    for (size_t c = 0; c < comps.size(); ++c) {
      ExpectNumber(s, row, 5 + 2 * static_cast<int>(c), comps[c].at("percent"));
      ExpectNumber(s, row, 6 + 2 * static_cast<int>(c), comps[c].at("points"));
    }
  }
  // 教育局: 200 of 12000 = 1.7% → 1.00 + 40.00 = 41.00, rank 1, 红榜. 住建局: nothing
  // applies, exempt.
  EXPECT_EQ(s.At(kFirstDataRow, 1).text, "1");
  EXPECT_EQ(s.At(kFirstDataRow, 4).number, 41.0);
  EXPECT_EQ(s.At(kFirstDataRow, 5).number, 1.7);
  EXPECT_EQ(s.At(kFirstDataRow, 9).text, "红榜");
  EXPECT_EQ(s.At(kFirstDataRow + 1, 1).text, "不参评");
  EXPECT_EQ(s.At(kFirstDataRow + 1, 9).kind, xlsx::Cell::Kind::kEmpty);
  EXPECT_EQ(s.At(kFirstDataRow + 1, 10).text, "不可抗力");

  // Bad parameters and unknown schemes: as GET /rankings.
  ExpectBilingual400(fgw->Get("/api/v1/export/rankings.xlsx?scheme=monthly&period=2026Q1"));
  ExpectBilingual400(fgw->Get("/api/v1/export/rankings.xlsx?scheme=monthly&period=abc"));
  ExpectBilingual400(fgw->Get("/api/v1/export/rankings.xlsx?period=202603"));
  ExpectBilingual400(fgw->Get("/api/v1/export/rankings.xlsx?scheme=monthly"));
  ExpectBilingual400(fgw->Get("/api/v1/export/rankings.xlsx?" + query + "&x=1"));
  EXPECT_EQ(fgw->Get("/api/v1/export/rankings.xlsx?scheme=nope&period=202603").status, 404);
  EXPECT_EQ(server().Anonymous()->Get("/api/v1/export/rankings.xlsx?" + query).status, 401);
  server().clock().Set(At("2026-03-16"));
  for (const char* user : {"admin", "edu", "company_a", "company_b", "leader"}) {
    ExpectSameAnswer(*As(user), "/api/v1/rankings?" + query,
                     "/api/v1/export/rankings.xlsx?" + query);
  }
}

}  // namespace
}  // namespace keyline::testing
