// Ledger imports over HTTP: upload an .xlsx made by LibreOffice → dry run → mapping
// change → confirm in one transaction → the projects exist with the right values and the
// audit log has them; a second confirm is refused; hostile and out-of-scope requests are
// answered with clear errors. Fixture: tests/fixtures/import/ledger_messy.xlsx (make.sh).
#include <fstream>
#include <sstream>

#include "api/import_gate.h"
#include "common/date.h"
#include "documents/office_workbook.h"
#include "importing/import_template.h"
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(KEYLINE_SOURCE_DIR) + "/tests/fixtures/import/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ImportsApi : public ApiTest {
 protected:
  HttpResult Upload(HttpClient& c, const std::string& bytes, const std::string& query = "",
                    const char* type = kXlsx) {
    return c.Request("POST", "/api/v1/imports/ledger" + query, bytes, {{"Content-Type", type}});
  }
  const boost::json::object* RowOf(const HttpResult& r, int64_t row) {
    for (const auto& v : r.json.at("rows").as_array()) {
      if (v.at("row").as_int64() == row) return &v.as_object();
    }
    return nullptr;
  }
  // The project of that name, or an empty object.
  boost::json::object FindProject(HttpClient& c, const std::string& name) {
    HttpResult list = c.Get("/api/v1/projects?limit=500");
    EXPECT_EQ(list.status, 200) << list.body;
    for (const auto& p : list.json.at("items").as_array()) {
      if (p.at("name").as_string() == name) return p.as_object();
    }
    return {};
  }
  boost::json::object ProjectNamed(HttpClient& c, const std::string& name) {
    boost::json::object p = FindProject(c, name);
    if (p.empty()) ADD_FAILURE() << "no project named " << name;
    return p;
  }
  int64_t AuditCount(HttpClient& admin, const std::string& query) {
    HttpResult r = admin.Get("/api/v1/audit?" + query + "&limit=500");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json.at("total").as_int64();
  }
};
KL_INSTANTIATE_BACKENDS(ImportsApi);

TEST_P(ImportsApi, DryRunMappingConfirmCreatesAndUpdatesProjectsInOneAuditedImport) {
  auto fgw = As("fgw");
  auto admin = As("admin");
  int64_t projects_audited_before = AuditCount(*admin, "entity=project");
  HttpResult dry = Upload(*fgw, Fixture("ledger_messy.xlsx"), "?filename=ledger_messy.xlsx");
  ASSERT_EQ(dry.status, 201) << dry.body;
  const auto& j = dry.json;
  EXPECT_EQ(j.at("kind").as_string(), "ledger");
  EXPECT_EQ(j.at("status").as_string(), "dry_run");
  EXPECT_EQ(j.at("file_name").as_string(), "ledger_messy.xlsx");
  EXPECT_EQ(j.at("header_rows").as_array()[0].as_int64(), 3);
  EXPECT_EQ(j.at("header_rows").as_array()[1].as_int64(), 4);
  EXPECT_EQ(j.at("sheets").as_array().size(), 2u);
  const auto& sum = j.at("summary");
  EXPECT_EQ(sum.at("create").as_int64(), 2) << dry.body;
  EXPECT_EQ(sum.at("update").as_int64(), 1);
  EXPECT_EQ(sum.at("skipped").as_int64(), 2);  // the 合计 row and the hidden row
  EXPECT_EQ(sum.at("errors").as_int64(), 1);
  // Columns: J is hidden; G (其中：中央预算内) is not the total.
  for (const auto& c : j.at("columns").as_array()) {
    EXPECT_NE(c.at("letter").as_string(), "J");
    if (c.at("letter").as_string() == "G") {
      EXPECT_TRUE(c.at("field").is_null());
      EXPECT_EQ(c.at("header").as_string(), "总投资（万元）/其中：中央预算内");
    }
    if (c.at("letter").as_string() == "F") {
      EXPECT_EQ(c.at("field").as_string(), "total_investment");
      EXPECT_EQ(c.at("suggestion_source").as_string(), "synonym");
    }
  }
  // Errors come first, with the sheet row and both languages.
  const auto& first = j.at("rows").as_array()[0];
  EXPECT_EQ(first.at("row").as_int64(), 9);
  EXPECT_EQ(first.at("action").as_string(), "error");
  std::string reasons = boost::json::serialize(first.at("reasons"));
  EXPECT_NE(reasons.find("约3亿"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("下半年"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("not an amount"), std::string::npos) << reasons;
  const auto* road = RowOf(dry, 5);
  ASSERT_NE(road, nullptr);
  EXPECT_EQ(road->at("action").as_string(), "update");
  EXPECT_EQ(road->at("project_id").as_int64(), fx().project_road);
  std::string changes = boost::json::serialize(road->at("changes"));
  EXPECT_NE(changes.find(R"({"field":"total_investment","old":"52000","new":"55000"})"),
            std::string::npos)
      << changes;
  const auto* park = RowOf(dry, 8);
  ASSERT_NE(park, nullptr);
  EXPECT_EQ(park->at("action").as_string(), "create");
  EXPECT_EQ(j.at("new_owners").as_array().size(), 1u);
  std::string id = std::to_string(j.at("id").as_int64());

  // Nothing is written by the dry run.
  EXPECT_EQ(ProjectNamed(*fgw, "电子六路建设项目").at("total_investment").as_string(), "52000");

  // The mapping step: drop L (建设内容及规模), then map it to 建设地点 instead.
  HttpResult unmapped = fgw->Request("PUT", "/api/v1/imports/" + id + "/mapping",
                                     R"({"columns":[{"index":11,"field":null}]})");
  ASSERT_EQ(unmapped.status, 200) << unmapped.body;
  EXPECT_EQ(boost::json::serialize(RowOf(unmapped, 5)->at("changes")).find("scale_content"),
            std::string::npos);
  HttpResult remapped = fgw->Request("PUT", "/api/v1/imports/" + id + "/mapping",
                                     R"({"columns":[{"index":11,"field":"address"}]})");
  ASSERT_EQ(remapped.status, 200) << remapped.body;
  for (const auto& c : remapped.json.at("columns").as_array()) {
    if (c.at("index").as_int64() == 11) {
      EXPECT_EQ(c.at("field").as_string(), "address");
      EXPECT_EQ(c.at("suggestion_source").as_string(), "user");
    }
  }
  HttpResult bad_map = fgw->Request("PUT", "/api/v1/imports/" + id + "/mapping",
                                    R"({"columns":[{"index":11,"field":"name"}]})");
  EXPECT_EQ(bad_map.status, 400) << bad_map.body;  // 项目名称 is already column B
  HttpResult unknown_field = fgw->Request("PUT", "/api/v1/imports/" + id + "/mapping",
                                          R"({"columns":[{"index":11,"field":"salary"}]})");
  EXPECT_EQ(unknown_field.status, 400) << unknown_field.body;

  // Error rows block the confirmation unless skipped explicitly.
  HttpResult refused = fgw->Post("/api/v1/imports/" + id + "/confirm", "");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(ProjectNamed(*fgw, "电子六路建设项目").at("total_investment").as_string(), "52000");

  HttpResult done = fgw->Post("/api/v1/imports/" + id + "/confirm", R"({"skip_errors":true})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("status").as_string(), "done");
  EXPECT_EQ(done.json.at("created").as_int64(), 2);
  EXPECT_EQ(done.json.at("updated").as_int64(), 1);
  EXPECT_EQ(done.json.at("skipped").as_int64(), 2);

  auto road_after = ProjectNamed(*fgw, "电子六路建设项目");
  EXPECT_EQ(road_after.at("total_investment").as_string(), "55000");
  EXPECT_EQ(road_after.at("address").as_string(), "道路全长2.1公里");
  auto school = ProjectNamed(*fgw, "雁塔区第五小学");
  EXPECT_EQ(school.at("total_investment").as_string(), "12000");         // "１２，０００"
  EXPECT_EQ(school.at("planned_start").as_string(), "2026-05-01");       // 2026年5月
  EXPECT_EQ(school.at("planned_completion").as_string(), "2027-08-01");  // 2027.08
  EXPECT_EQ(school.at("stage").as_string(), "reserve");
  EXPECT_EQ(school.at("owner_unit_id").as_int64(), fx().company_a);
  EXPECT_EQ(school.at("responsible_unit_id").as_int64(), fx().dept_edu);
  auto park_after = ProjectNamed(*fgw, "曲江新能源产业园");
  EXPECT_EQ(park_after.at("total_investment").as_string(), "35000");         // 3.5亿元
  EXPECT_EQ(park_after.at("planned_start").as_string(), "2026-07-01");       // 202607
  EXPECT_EQ(park_after.at("planned_completion").as_string(), "2028-12-31");  // 20281231
  EXPECT_FALSE(park_after.at("owner_unit_id").is_null());
  EXPECT_TRUE(FindProject(*fgw, "坏数据项目").empty());

  // Audited: one entry per project written and one for the import.
  EXPECT_EQ(AuditCount(*admin, "entity=project") - projects_audited_before, 3);
  EXPECT_EQ(AuditCount(*admin, "entity=import&entity_id=" + id), 1);

  // A second confirm, and a mapping change after it, are conflicts.
  HttpResult again = fgw->Post("/api/v1/imports/" + id + "/confirm", R"({"skip_errors":true})");
  EXPECT_EQ(again.status, 409) << again.body;
  HttpResult late_map = fgw->Request("PUT", "/api/v1/imports/" + id + "/mapping",
                                     R"({"columns":[{"index":11,"field":null}]})");
  EXPECT_EQ(late_map.status, 409) << late_map.body;
  HttpResult status = fgw->Get("/api/v1/imports/" + id);
  ASSERT_EQ(status.status, 200);
  EXPECT_EQ(status.json.at("status").as_string(), "done");
  EXPECT_EQ(AuditCount(*admin, "entity=project") - projects_audited_before, 3);

  // The same file again, with the suggested mapping: every project is found (by name and
  // owner), and the only change is column L, now read as 建设内容及规模.
  HttpResult second = Upload(*fgw, Fixture("ledger_messy.xlsx"));
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json.at("summary").at("create").as_int64(), 0) << second.body;
  EXPECT_EQ(second.json.at("summary").at("update").as_int64(), 3) << second.body;
  const auto* road_again = RowOf(second, 5);
  ASSERT_NE(road_again, nullptr);
  ASSERT_EQ(road_again->at("changes").as_array().size(), 1u);
  EXPECT_EQ(road_again->at("changes").as_array()[0].at("field").as_string(), "scale_content");
}

TEST_P(ImportsApi, OnlyTheOfficeImportsAndOnlyTheCreatorSeesTheImport) {
  std::string bytes = Fixture("ledger_messy.xlsx");
  for (const char* who : {"edu", "company_a", "leader", "officer"}) {
    HttpResult r = Upload(*As(who), bytes);
    EXPECT_EQ(r.status, 403) << who << ": " << r.body;
  }
  auto fgw = As("fgw");
  HttpResult dry = Upload(*fgw, bytes);
  ASSERT_EQ(dry.status, 201) << dry.body;
  std::string id = std::to_string(dry.json.at("id").as_int64());
  for (const char* who : {"edu", "company_a"}) {
    auto other = As(who);
    EXPECT_EQ(other->Get("/api/v1/imports/" + id).status, 404) << who;
    EXPECT_EQ(other->Post("/api/v1/imports/" + id + "/confirm", "").status, 404) << who;
  }
  EXPECT_EQ(As("admin")->Get("/api/v1/imports/" + id).status, 200);
  EXPECT_EQ(fgw->Get("/api/v1/imports/999999").status, 404);
  EXPECT_EQ(As("edu")->Request("POST", "/api/v1/imports/ledger", bytes, {}).status, 415);
}

TEST_P(ImportsApi, MalformedFilesGetClearErrorsAndWriteNothing) {
  auto fgw = As("fgw");
  HttpResult wrong_type = Upload(*fgw, "a,b,c\n", "", "text/csv");
  EXPECT_EQ(wrong_type.status, 415) << wrong_type.body;
  HttpResult not_xlsx = Upload(*fgw, "PK\x03\x04 this is not a zip at all");
  EXPECT_EQ(not_xlsx.status, 400) << not_xlsx.body;
  EXPECT_FALSE(not_xlsx.json.at("error").at("message").as_string().empty());
  EXPECT_FALSE(not_xlsx.json.at("error").at("message_en").as_string().empty());
  HttpResult empty = Upload(*fgw, "");
  EXPECT_EQ(empty.status, 400) << empty.body;
  HttpResult no_header = Upload(*fgw, Fixture("ledger_messy.xlsx"), "?sheet=1");
  EXPECT_EQ(no_header.status, 400) << no_header.body;
  EXPECT_NE(no_header.json.at("error").at("message").as_string().find("未找到表头"),
            std::string::npos)
      << no_header.body;
  HttpResult no_sheet = Upload(*fgw, Fixture("ledger_messy.xlsx"), "?sheet=7");
  EXPECT_EQ(no_sheet.status, 400) << no_sheet.body;
  HttpResult bad_query = Upload(*fgw, Fixture("ledger_messy.xlsx"), "?sheet=x");
  EXPECT_EQ(bad_query.status, 400) << bad_query.body;
  HttpResult bad_mapping = fgw->Request("PUT", "/api/v1/imports/1/mapping", R"({"columns":5})");
  EXPECT_TRUE(bad_mapping.status == 400 || bad_mapping.status == 404) << bad_mapping.body;
  // A generated ledger (libxlsxwriter) imports cleanly.
  HttpResult lxw = Upload(*fgw, Fixture("ledger_lxw.xlsx"));
  ASSERT_EQ(lxw.status, 201) << lxw.body;
  EXPECT_EQ(lxw.json.at("summary").at("create").as_int64(), 40) << lxw.body;
  EXPECT_EQ(lxw.json.at("summary").at("errors").as_int64(), 0) << lxw.body;
}

// At most max_imports (default 2) imports run at once; the next answers 429 with a
// zh + en message and Retry-After, writes nothing, and the import succeeds once a slot frees.
TEST_P(ImportsApi, TooManyImportsAtOnceAnswer429WithRetryAfter) {
  api::ImportGate& gate = server().app().import_gate();
  EXPECT_EQ(gate.limit(), 2);
  auto fgw = As("fgw");
  std::string bytes = Fixture("ledger_lxw.xlsx");
  HttpResult first = Upload(*fgw, bytes);
  ASSERT_EQ(first.status, 201) << first.body;
  std::string id = std::to_string(first.json.at("id").as_int64());
  {
    auto a = gate.TryEnter();  // two imports running (held here)
    auto b = gate.TryEnter();
    ASSERT_TRUE(a && b);
    EXPECT_FALSE(gate.TryEnter());
    HttpResult busy = Upload(*fgw, bytes);
    EXPECT_EQ(busy.status, 429) << busy.body;
    EXPECT_EQ(busy.json.at("error").at("code").as_string(), "rate_limited") << busy.body;
    EXPECT_EQ(busy.json.at("error").at("message_zh").as_string(), "导入任务过多，请稍后重试");
    EXPECT_NE(busy.json.at("error").at("message_en").as_string().find("too many imports"),
              std::string::npos);
    EXPECT_EQ(busy.Header("retry-after"), "10");
    EXPECT_EQ(fgw->Get("/api/v1/imports/" + id).status, 429);
    EXPECT_EQ(fgw->Post("/api/v1/imports/" + id + "/confirm", "").status, 429);
    EXPECT_EQ(As("admin")->Get("/api/v1/audit?entity=import&limit=5").json.at("total").as_int64(),
              0);
  }
  EXPECT_EQ(gate.active(), 0);
  HttpResult again = Upload(*fgw, bytes);
  EXPECT_EQ(again.status, 201) << again.body;
  HttpResult confirmed = fgw->Post("/api/v1/imports/" + id + "/confirm", "");
  EXPECT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json.at("created").as_int64(), 40) << confirmed.body;
  EXPECT_EQ(gate.active(), 0);
}

// The dry run keeps a bounded number of rows (kViewRows a kind); the summary counts
// all of them and rows_truncated says some are not listed.
TEST_P(ImportsApi, TheDryRunListsABoundedNumberOfRowsAndCountsThemAll) {
  auto fgw = As("fgw");
  HttpResult dry = Upload(*fgw, Fixture("ledger_lxw.xlsx"));
  ASSERT_EQ(dry.status, 201) << dry.body;
  EXPECT_EQ(dry.json.at("summary").at("create").as_int64(), 40);
  EXPECT_FALSE(dry.json.at("rows_truncated").as_bool());
  int64_t listed = static_cast<int64_t>(dry.json.at("rows").as_array().size());
  const auto& sum = dry.json.at("summary");
  EXPECT_EQ(listed, sum.at("create").as_int64() + sum.at("update").as_int64() +
                        sum.at("unchanged").as_int64() + sum.at("skipped").as_int64() +
                        sum.at("errors").as_int64());
}

TEST_P(ImportsApi, AnExpiredImportCannotBeConfirmed) {
  auto fgw = As("fgw");
  HttpResult dry = Upload(*fgw, Fixture("ledger_lxw.xlsx"));
  ASSERT_EQ(dry.status, 201) << dry.body;
  std::string id = std::to_string(dry.json.at("id").as_int64());
  server().clock().Advance(25LL * 3600 * 1000);
  fgw = As("fgw");  // the session may have gone idle
  HttpResult got = fgw->Get("/api/v1/imports/" + id);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json.at("status").as_string(), "expired");
  HttpResult late = fgw->Post("/api/v1/imports/" + id + "/confirm", "");
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_NE(late.json.at("error").at("message").as_string().find("过期"), std::string::npos);
}

// 10:00 Beijing time on a date.
TEST_P(ImportsApi, MonthlyFiguresAreSubmittedForTheMonthInOneConfirmation) {
  server().clock().Set(At("2026-03-27"));  // 202603 is open
  auto fgw = As("fgw");
  std::string bytes = Fixture("reports_lo.xlsx");
  HttpResult no_period =
      fgw->Request("POST", "/api/v1/imports/reports", bytes, {{"Content-Type", kXlsx}});
  EXPECT_EQ(no_period.status, 400) << no_period.body;
  HttpResult dry = fgw->Request("POST", "/api/v1/imports/reports?period=202603", bytes,
                                {{"Content-Type", kXlsx}});
  ASSERT_EQ(dry.status, 201) << dry.body;
  EXPECT_EQ(dry.json.at("kind").as_string(), "reports");
  for (const auto& c : dry.json.at("columns").as_array()) {
    if (c.at("letter").as_string() == "E") {  // 1-3月累计: only checks the month's figure
      EXPECT_EQ(c.at("field").as_string(), "cumulative");
    }
    if (c.at("letter").as_string() == "D") {
      EXPECT_EQ(c.at("field").as_string(), "month_investment");
    }
  }
  // The road has no actual start: the report rules refuse investment for it (a row error).
  EXPECT_EQ(dry.json.at("summary").at("create").as_int64(), 1) << dry.body;
  EXPECT_EQ(dry.json.at("summary").at("errors").as_int64(), 3) << dry.body;
  std::string unknown = boost::json::serialize(RowOf(dry, 5)->at("reasons"));
  EXPECT_NE(unknown.find("项目不存在"), std::string::npos) << unknown;
  std::string not_started = boost::json::serialize(RowOf(dry, 4)->at("reasons"));
  EXPECT_NE(not_started.find("开工"), std::string::npos) << not_started;
  std::string id = std::to_string(dry.json.at("id").as_int64());
  HttpResult done = fgw->Post("/api/v1/imports/" + id + "/confirm", R"({"skip_errors":true})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("created").as_int64(), 1);
  HttpResult school = fgw->Get("/api/v1/projects/" + Id(fx().project_school) + "/reports/202603");
  ASSERT_EQ(school.status, 200) << school.body;
  EXPECT_EQ(school.json.at("report").at("status").as_string(), "submitted");
  EXPECT_EQ(school.json.at("report").at("completed_investment").as_string(), "800");
  EXPECT_EQ(school.json.at("report").at("progress_text").as_string(), "主体结构施工至三层");
  HttpResult road = fgw->Get("/api/v1/projects/" + Id(fx().project_road) + "/reports/202603");
  EXPECT_EQ(road.json.at("report").at("id").as_int64(), 0) << road.body;  // nothing written
  EXPECT_EQ(fgw->Post("/api/v1/imports/" + id + "/confirm", "").status, 409);

  // A department sees only its projects: the road (住建局's) is out of its scope.
  HttpResult edu = As("edu")->Request("POST", "/api/v1/imports/reports?period=202603", bytes,
                                      {{"Content-Type", kXlsx}});
  ASSERT_EQ(edu.status, 201) << edu.body;
  std::string road_reasons = boost::json::serialize(RowOf(edu, 4)->at("reasons"));
  EXPECT_NE(road_reasons.find("不在您的管辖范围"), std::string::npos) << road_reasons;
  // A company imports its own projects only (ReporterImportsItsOwnProjectsOnly).
  EXPECT_EQ(As("company_a")
                ->Request("POST", "/api/v1/imports/reports?period=202603", bytes,
                          {{"Content-Type", kXlsx}})
                .status,
            201);
}

// 月报导入 for a company: the template lists its own due projects; a row for another
// company's project is an error naming the row and nothing is written, even when error rows
// would be skipped; its own rows are submitted.
TEST_P(ImportsApi, ReporterImportsItsOwnProjectsOnly) {
  server().clock().Set(At("2026-03-27"));  // 202603 is open
  auto company = As("company_a");
  HttpResult tpl = company->Get("/api/v1/imports/templates/reports?period=202603");
  ASSERT_EQ(tpl.status, 200) << tpl.body;
  EXPECT_EQ(tpl.Header("content-type"), kXlsx);
  EXPECT_NE(tpl.Header("content-disposition").find("attachment"), std::string::npos);
  ASSERT_EQ(tpl.body.substr(0, 2), "PK");
  // The template reads back as a monthly-figures file: every column maps to its field, and
  // its one row is company A's school (another company's projects are not in it).
  HttpResult back = company->Request("POST", "/api/v1/imports/reports?period=202603", tpl.body,
                                     {{"Content-Type", kXlsx}});
  ASSERT_EQ(back.status, 201) << back.body;
  std::vector<std::string> fields;
  for (const auto& c : back.json.at("columns").as_array()) {
    fields.emplace_back(c.at("field").is_null() ? "-" : c.at("field").as_string().c_str());
  }
  EXPECT_EQ(fields,
            (std::vector<std::string>{"code", "name", "month_investment", "progress", "problems"}));
  ASSERT_EQ(back.json.at("data_rows").as_int64(), 1) << back.body;
  EXPECT_EQ(back.json.at("rows").at(0).at("name"), "雁塔区第四中学建设项目");

  // The school (own) and the road (company B's) in one file.
  documents::OfficeSheet sheet;
  sheet.name = "月报";
  sheet.title = "2026年3月月报";
  for (const char* h : {"项目名称", "本月完成投资（万元）", "形象进度"}) {
    sheet.columns.push_back({h, documents::ColumnKind::kText, 20});
  }
  sheet.rows.push_back({std::string("雁塔区第四中学建设项目"), 120.0, std::string("主体施工")});
  sheet.rows.push_back({std::string("电子六路建设项目"), 0.0, std::string("前期")});
  auto mixed = documents::WriteWorkbook({sheet});
  ASSERT_TRUE(mixed.ok());
  HttpResult dry = company->Request("POST", "/api/v1/imports/reports?period=202603", *mixed,
                                    {{"Content-Type", kXlsx}});
  ASSERT_EQ(dry.status, 201) << dry.body;
  int64_t road_row = 0;
  for (const auto& r : dry.json.at("rows").as_array()) {
    if (r.at("name") == "电子六路建设项目") road_row = r.at("row").as_int64();
  }
  ASSERT_GT(road_row, 0) << dry.body;
  const std::string named = "第" + std::to_string(road_row) + "行";
  std::string reasons = boost::json::serialize(RowOf(dry, road_row)->at("reasons"));
  EXPECT_NE(reasons.find(named), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("不是本单位的项目"), std::string::npos) << reasons;
  std::string id = std::to_string(dry.json.at("id").as_int64());
  HttpResult refused =
      company->Post("/api/v1/imports/" + id + "/confirm", R"({"skip_errors":true})");
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_NE(refused.json.at("error").at("message").as_string().find(named), std::string::npos)
      << refused.body;
  EXPECT_FALSE(refused.json.at("error").at("message_en").as_string().empty());
  auto fgw = As("fgw");
  std::string school_url = "/api/v1/projects/" + Id(fx().project_school) + "/reports/202603";
  EXPECT_EQ(fgw->Get(school_url).json.at("report").at("id").as_int64(), 0);  // nothing written

  // Its own project alone: submitted.
  sheet.rows.pop_back();
  auto own = documents::WriteWorkbook({sheet});
  ASSERT_TRUE(own.ok());
  HttpResult ok = company->Request("POST", "/api/v1/imports/reports?period=202603", *own,
                                   {{"Content-Type", kXlsx}});
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json.at("summary").at("errors").as_int64(), 0) << ok.body;
  HttpResult done = company->Post(
      "/api/v1/imports/" + std::to_string(ok.json.at("id").as_int64()) + "/confirm", "");
  ASSERT_EQ(done.status, 200) << done.body;
  HttpResult school = fgw->Get(school_url);
  EXPECT_EQ(school.json.at("report").at("status"), "submitted");
  EXPECT_EQ(school.json.at("report").at("completed_investment"), "120");
  // The ledger import stays the office's, its template too.
  EXPECT_EQ(company->Get("/api/v1/imports/templates/ledger").status, 403);
  EXPECT_EQ(company->Get("/api/v1/imports/templates/reports").status, 400);  // period needed
  EXPECT_EQ(company->Get("/api/v1/imports/templates/other").status, 404);
}

// 下载模板 of the ledger: a valid .xlsx whose headers the ledger import maps by itself.
TEST_P(ImportsApi, TheLedgerTemplateReadsBackWithEveryColumnMapped) {
  auto fgw = As("fgw");
  HttpResult tpl = fgw->Get("/api/v1/imports/templates/ledger?period=202611");
  ASSERT_EQ(tpl.status, 200) << tpl.body;
  EXPECT_EQ(tpl.Header("content-type"), kXlsx);
  HttpResult back = Upload(*fgw, tpl.body);
  ASSERT_EQ(back.status, 201) << back.body;
  std::vector<std::string> headers, fields;
  for (const auto& c : back.json.at("columns").as_array()) {
    headers.emplace_back(c.at("header").as_string().c_str());
    fields.emplace_back(c.at("field").is_null() ? "-" : c.at("field").as_string().c_str());
  }
  std::vector<std::string> expected;
  for (const auto& c : importing::TemplateColumns(importing::ImportKind::kLedger, 202611)) {
    expected.push_back(c.field);
  }
  EXPECT_EQ(fields, expected) << back.body;
  ASSERT_FALSE(headers.empty());
  EXPECT_EQ(headers.front(), "项目名称");
  EXPECT_EQ(back.json.at("figures_year").as_int64(), 2026) << back.body;
  EXPECT_EQ(back.json.at("figures_month").as_int64(), 11) << back.body;
  EXPECT_EQ(back.json.at("data_rows").as_int64(), 0);
  EXPECT_EQ(fgw->Get("/api/v1/imports/templates/ledger?period=2026x").status, 400);
}

}  // namespace
}  // namespace keyline::testing
