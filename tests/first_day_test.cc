// A real office's first day, on SQLite and PostgreSQL: `keyline setup` on a blank
// database, then the office's own ledger (tests/fixtures/import/first_day_ledger.xlsx, made by
// make_first_day.c: sections by level with 小计 rows, short unit names, figures as text and
// full-width, a credit code stored as a number and one with a wrong check character) through
// the import with the value-mapping step, and the five rates by level equal to the sheet's own
// 小计 rows: Σ完成 ÷ Σ计划 to 0.1 point.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "app/keyline_app.h"
#include "testing/test_env.h"
#include "tests/cli_run.h"
#include "tests/http_client.h"
#include "tests/test_server.h"

namespace keyline::testing {
namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kPassword = "Yanta#Office2026";

// The sheet's own 小计 rows (make_first_day.c): 2023年计划投资 and 1-12月完成投资, 万元.
constexpr double kCityPlan = 123000, kCityDone = 137460;
constexpr double kDistrictPlan = 89500, kDistrictDone = 95800;

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(KEYLINE_SOURCE_DIR) + "/tests/fixtures/import/" + name,
                   std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class FirstDay : public FreshDatabaseTest {};
INSTANTIATE_TEST_SUITE_P(Backends, FirstDay,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return BackendName(info.param); });

const boost::json::object* RowNamed(const boost::json::value& dry, const std::string& name) {
  for (const auto& r : dry.at("rows").as_array()) {
    if (r.at("name").as_string() == name) return &r.as_object();
  }
  return nullptr;
}

std::string Texts(const boost::json::object& row, const char* key) {
  return boost::json::serialize(row.at(key));
}

// The rate (percent) of an indicator in the row of the rates table whose label contains `label`.
double RateOf(const boost::json::value& rates, const std::string& label, const std::string& code) {
  for (const auto& r : rates.at("rows").as_array()) {
    if (std::string(r.at("label").as_string()).find(label) == std::string::npos) continue;
    const auto& v = r.at("values").at(code);
    return std::stod(std::string(v.at("rate").as_string())) * 100;
  }
  ADD_FAILURE() << "no row labelled " << label << " in " << boost::json::serialize(rates);
  return -1;
}

TEST_P(FirstDay, FromSetupThroughTheOfficesOwnLedgerToTheFiveRates) {
  CliRun setup = Keyline("--db '" + db_ +
                             "' setup --office 雁塔区发展和改革委员会 --region 610113 --admin wang "
                             "--departments --towns-as-units",
                         std::string(kPassword) + "\n");
  ASSERT_EQ(setup.exit_code, 0) << setup.output;

  Config config;
  config.db_url = db_;
  config.listen_address = "127.0.0.1";
  config.listen_port = 0;
  config.pool_size = 2;
  config.worker_threads = 2;
  auto app = KeylineApp::Open(config);
  ASSERT_TRUE(app.ok()) << app.status().message_en();
  ASSERT_TRUE((*app)->LoadFacts().ok());
  auto port = (*app)->StartServer();
  ASSERT_TRUE(port.ok()) << port.status().message_en();
  HttpClient wang("127.0.0.1", *port);
  ASSERT_EQ(wang.Login("wang", kPassword).status, 200);

  // The dry run: short names matched, one name the office must map, the figures read.
  std::string ledger = ReadFixture("first_day_ledger.xlsx");
  ASSERT_FALSE(ledger.empty());
  HttpResult dry =
      wang.Request("POST", "/api/v1/imports/ledger", ledger, {{"Content-Type", kXlsx}});
  ASSERT_EQ(dry.status, 201) << dry.body;
  EXPECT_EQ(dry.json.at("figures_year").as_int64(), 2023);
  EXPECT_EQ(dry.json.at("figures_month").as_int64(), 12);
  // Only 区重点办 blocks; two new companies are listed (not blocking) because a department's
  // name is close to theirs (雁塔教育投资有限公司 ~ 教育局) — the office may still pick it.
  std::vector<std::string> blocking;
  for (const auto& u : dry.json.at("unresolved").as_array()) {
    if (u.at("blocking").as_bool()) blocking.emplace_back(u.at("value").as_string());
  }
  EXPECT_EQ(blocking, std::vector<std::string>{"区重点办"}) << dry.body;
  EXPECT_EQ(dry.json.at("summary").at("errors").as_int64(), 1) << dry.body;
  EXPECT_EQ(dry.json.at("new_leaders").as_array().size(), 3u) << dry.body;

  // Codes: the one Excel stored as a number is named with how to fix the sheet; the one with a
  // wrong check character is kept and flagged.
  const auto* mall = RowNamed(dry.json, "西安荟聚购物中心");
  ASSERT_NE(mall, nullptr);
  EXPECT_NE(Texts(*mall, "warnings").find("被 Excel 存成了数字"), std::string::npos);
  EXPECT_NE(Texts(*mall, "warnings").find("E列"), std::string::npos);
  const auto* park = RowNamed(dry.json, "雁塔区网络安全产业园");
  ASSERT_NE(park, nullptr);
  EXPECT_NE(Texts(*park, "warnings").find("校验位错误"), std::string::npos);
  // A share of plan typed by hand that does not match the amounts; a stage inferred from 已竣工.
  const auto* road = RowNamed(dry.json, "曲江池南路改造");
  ASSERT_NE(road, nullptr);
  EXPECT_NE(Texts(*road, "warnings").find("不符"), std::string::npos);
  EXPECT_NE(Texts(*road, "warnings").find("推断为竣工"), std::string::npos);

  // The value-mapping step: 区重点办 is the office itself.
  HttpResult office = wang.Get("/api/v1/units?kind=office");
  ASSERT_EQ(office.status, 200);
  int64_t office_id = office.json.at("items").as_array()[0].at("id").as_int64();
  std::string id = std::to_string(dry.json.at("id").as_int64());
  HttpResult mapped =
      wang.Request("PUT", "/api/v1/imports/" + id + "/values",
                   R"({"values":[{"field":"responsible_unit","value":"区重点办","unit_id":)" +
                       std::to_string(office_id) + "}]}");
  ASSERT_EQ(mapped.status, 200) << mapped.body;
  EXPECT_EQ(mapped.json.at("summary").at("errors").as_int64(), 0) << mapped.body;
  HttpResult done = wang.Post("/api/v1/imports/" + id + "/confirm", "");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("created").as_int64(), 10) << done.body;

  // What the office sees equals its own sheet: 投资完成率 by level, December 2023, to 0.1 point.
  HttpResult rates = wang.Get("/api/v1/rates?set=fengxi&group_by=level&period=202312");
  ASSERT_EQ(rates.status, 200) << rates.body;
  EXPECT_NEAR(RateOf(rates.json, "市", "fengxi.investment_completion"), 100 * kCityDone / kCityPlan,
              0.05);
  EXPECT_NEAR(RateOf(rates.json, "区", "fengxi.investment_completion"),
              100 * kDistrictDone / kDistrictPlan, 0.05);

  // The projects: stage inferred with its dates, text as written, the leader assigned.
  HttpResult school = wang.Get("/api/v1/projects?q=" + std::string("第四中学"));
  ASSERT_EQ(school.status, 200) << school.body;
  ASSERT_EQ(school.json.at("items").as_array().size(), 1u) << school.body;
  const auto& p = school.json.at("items").as_array()[0];
  EXPECT_EQ(p.at("name").as_string(), "雁塔区第四中学（一期）");
  EXPECT_EQ(p.at("stage").as_string(), "construction");
  EXPECT_EQ(p.at("actual_start").as_string(), "2022-03-01");
  EXPECT_EQ(p.at("level").as_string(), "city");

  // Next month's import of the same sheet matches every name by itself and changes nothing.
  HttpResult again =
      wang.Request("POST", "/api/v1/imports/ledger", ledger, {{"Content-Type", kXlsx}});
  ASSERT_EQ(again.status, 201) << again.body;
  for (const auto& u : again.json.at("unresolved").as_array()) {
    EXPECT_FALSE(u.at("blocking").as_bool()) << again.body;  // nothing left to map
  }
  EXPECT_EQ(again.json.at("summary").at("unchanged").as_int64(), 10) << again.body;
  EXPECT_EQ(again.json.at("summary").at("errors").as_int64(), 0) << again.body;
  (*app)->StopServer();

  CliRun verify = Keyline("--db '" + db_ + "' audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

}  // namespace
}  // namespace keyline::testing
