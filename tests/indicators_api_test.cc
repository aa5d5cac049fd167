// The indicator engine over HTTP: indicator definitions as data (CRUD, checks, roles), their values
// by group within the caller's scope, drill-down, the five rates, the trend and the engine status.
#include <map>
#include "common/date.h"
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class IndicatorsApi : public ApiTest {
 protected:
  // School: a confirmed 12000万 plan for 2026 and an approved March report of 1200万.
  void SchoolWithReport() {
    auto fgw = As("fgw");
    std::string plan = "/api/v1/projects/" + Id(fx().project_school) + "/plans/2026";
    ASSERT_EQ(
        fgw->Request("PUT", plan, R"j({"planned_investment":"12000","split":"even","version":0})j")
            .status,
        200);
    ASSERT_EQ(fgw->Post(plan + "/confirm", R"j({"version":1})j").status, 200);
    server().clock().Set(At("2026-03-27"));
    std::string report = "/api/v1/projects/" + Id(fx().project_school) + "/reports/202603";
    auto company = As("company_a");
    ASSERT_EQ(
        company->Request("PUT", report, R"j({"version":0,"completed_investment":"1200"})j").status,
        200);
    ASSERT_EQ(company->Post(report + "/submit", R"j({"version":1})j").status, 200);
  }
  static const boost::json::object* Group(const HttpResult& r, const std::string& key) {
    for (const auto& g : r.json.at("groups").as_array()) {
      if (g.at("key").as_string() == key) return &g.as_object();
    }
    return nullptr;
  }
  static std::string FirstField(const HttpResult& r) {
    const auto& d = r.json.at("error").at("details").as_array();
    return d.empty() ? "" : std::string(d[0].at("field").as_string());
  }
};
KL_INSTANTIATE_BACKENDS(IndicatorsApi);

constexpr const char* kValues = "/api/v1/indicators/fengxi.investment_completion/values";

TEST_P(IndicatorsApi, ShippedSetsAreSeededAsData) {
  HttpResult list = As("leader")->Get("/api/v1/indicators");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto& items = list.json.at("items").as_array();
  ASSERT_EQ(items.size(), 11u);  // Fengxi 6 (two start rates), Shaanxi 5
  int fengxi = 0;
  for (const auto& i : items) {
    EXPECT_TRUE(i.at("builtin").as_bool());
    if (i.at("set") == "fengxi") ++fengxi;
  }
  EXPECT_EQ(fengxi, 6);
  HttpResult one = As("company_a")->Get("/api/v1/indicators/shaanxi.reserve_start");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json.at("name_zh"), "储备项目开工率");
  EXPECT_EQ(As("admin")->Get("/api/v1/indicators/nope").status, 404);
}

// Dated figures: a rate whose formula fixes its own window says so, so that the
// screens label 季度贡献率 with its quarter, not with the year to date around it.
TEST_P(IndicatorsApi, AnIndicatorSaysTheWindowItsFormulaFixes) {
  HttpResult rates = As("fgw")->Get("/api/v1/rates?set=fengxi&period=202603&group_by=unit");
  ASSERT_EQ(rates.status, 200) << rates.body;
  std::map<std::string, std::string> window;
  for (const auto& i : rates.json.at("indicators").as_array()) {
    window[std::string(i.at("code").as_string())] =
        i.at("window").is_null() ? "" : std::string(i.at("window").as_string());
  }
  EXPECT_EQ(window.at("fengxi.quarterly_contribution"), "quarter");
  EXPECT_EQ(window.at("fengxi.investment_completion"), "");  // follows the asked window
}

TEST_P(IndicatorsApi, AnOfficeDefinesAnIndicatorAndSeesItAtOnce) {
  SchoolWithReport();
  auto fgw = As("fgw");
  // A parse error names the field and the byte position, in both languages.
  HttpResult bad = fgw->Post("/api/v1/indicators", R"j({"code":"office.x","set":"office",
      "name_zh":"测试","name_en":"Test","numerator":"count(projects where stage = nowhere)",
      "denominator":"count(projects)","decimals":1
})j");
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(FirstField(bad), "numerator");
  EXPECT_NE(bad.json.at("error").at("message_zh").as_string().find("位置"), std::string::npos);
  EXPECT_NE(bad.json.at("error").at("message_en").as_string().find("at "), std::string::npos);
  // Money over a count is refused; so are a bad code, a role without the right, a duplicate.
  EXPECT_EQ(FirstField(fgw->Post("/api/v1/indicators", R"j({"code":"office.x","set":"office",
      "name_zh":"测试","numerator":"sum(plans.planned_investment)",
      "denominator":"count(projects)"
  })j")),
            "denominator");
  EXPECT_EQ(FirstField(fgw->Post("/api/v1/indicators", R"j({"code":"Bad Code","set":"office",
      "name_zh":"测试","numerator":"count(projects)","denominator":"count(projects)"
  })j")),
            "code");
  std::string good = R"j({"code":"office.started","set":"office","name_zh":"在建项目占比",
      "name_en":"Share under construction","numerator":"count(projects where stage = construction)",
              "denominator" : "count(projects)", "decimals" : 2
  })j";
  EXPECT_EQ(As("edu")->Post("/api/v1/indicators", good).status, 403);
  HttpResult created = fgw->Post("/api/v1/indicators", good);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_FALSE(created.json.at("builtin").as_bool());
  EXPECT_EQ(fgw->Post("/api/v1/indicators", good).status, 409);

  std::string url = "/api/v1/indicators/office.started/values?period=202603";
  HttpResult v = fgw->Get(url);
  ASSERT_EQ(v.status, 200) << v.body;
  ASSERT_EQ(v.json.at("groups").as_array().size(), 1u);
  const auto& area = v.json.at("groups").at(0);
  EXPECT_EQ(area.at("key"), "area");
  EXPECT_EQ(area.at("denominator"), "3");
  EXPECT_EQ(v.json.at("indicator").at("decimals").as_int64(), 2);

  // Changed through the API: the next read uses the new definition.
  HttpResult put = fgw->Request("PUT", "/api/v1/indicators/office.started",
                                R"j({"set":"office","name_zh":"全部项目","name_en":"All",
      "numerator":"count(projects)","denominator":"count(projects)","decimals":0
  })j");
  ASSERT_EQ(put.status, 200) << put.body;
  HttpResult v2 = fgw->Get(url);
  ASSERT_EQ(v2.status, 200);
  EXPECT_EQ(v2.json.at("groups").at(0).at("percent"), "100");
  EXPECT_EQ(v2.json.at("groups").at(0).at("rate"), "1.000000");

  EXPECT_EQ(fgw->Post("/api/v1/indicators/check",
                      R"j({"numerator":"count(projects)","denominator":"count(plans)"
  })j")
                .status,
            200);
  HttpResult check = fgw->Post("/api/v1/indicators/check",
                               R"j({"numerator":"count(projects","denominator":"count(plans)"
  })j");
  EXPECT_EQ(check.status, 400);
  EXPECT_EQ(FirstField(check), "numerator");

  EXPECT_EQ(As("leader")->Delete("/api/v1/indicators/office.started").status, 403);
  EXPECT_EQ(fgw->Delete("/api/v1/indicators/office.started").status, 204);
  EXPECT_EQ(fgw->Get(url).status, 404);
  HttpResult audit = As("admin")->Get("/api/v1/audit?entity=indicator");
  ASSERT_EQ(audit.status, 200);
  EXPECT_GE(audit.json.at("total").as_int64(), 11 + 3);  // seeded, created, changed, deleted
}

TEST_P(IndicatorsApi, ValuesByGroupWithLabelsAndDrilldownWithinScope) {
  SchoolWithReport();
  auto fgw = As("fgw");
  HttpResult v = fgw->Get(std::string(kValues) + "?period=202603&group_by=unit");
  ASSERT_EQ(v.status, 200) << v.body;
  const auto* edu = Group(v, Id(fx().dept_edu));
  ASSERT_NE(edu, nullptr) << v.body;
  EXPECT_EQ(edu->at("label"), "雁塔区教育局");
  EXPECT_EQ(edu->at("numerator"), "1200");  // 万元
  EXPECT_EQ(edu->at("denominator"), "12000");
  EXPECT_EQ(edu->at("percent"), "10.0");
  EXPECT_EQ(edu->at("numerator_count").as_int64(), 1);
  const auto* build = Group(v, Id(fx().dept_build));
  ASSERT_NE(build, nullptr);
  EXPECT_TRUE(build->at("rate").is_null());  // no plan: no rate
  EXPECT_EQ(build->at("percent"), "");

  // The month window: March alone; the leader grouping names the 包抓领导.
  HttpResult leader =
      fgw->Get(std::string(kValues) + "?period=202604&group_by=leader&window=month");
  ASSERT_EQ(leader.status, 200) << leader.body;
  const auto* wang = Group(leader, Id(fx().leader_person));
  ASSERT_NE(wang, nullptr) << leader.body;
  EXPECT_EQ(wang->at("label"), "王副区长");
  EXPECT_EQ(wang->at("percent"), "0.0");  // nothing reported in April

  HttpResult drill = fgw->Get(
      "/api/v1/indicators/fengxi.investment_completion/drilldown?period="
      "202603&group_by=unit&group=" +
      Id(fx().dept_edu) + "&side=numerator");
  ASSERT_EQ(drill.status, 200) << drill.body;
  EXPECT_EQ(drill.json.at("total").as_int64(), 1);
  EXPECT_EQ(drill.json.at("items").at(0).at("id").as_int64(), fx().project_school);
  EXPECT_EQ(drill.json.at("items").at(0).at("unit_name"), "雁塔区教育局");

  // Company B sees only its own projects: no 教育局 group, and the area excludes the school.
  auto company_b = As("company_b");
  HttpResult scoped = company_b->Get(std::string(kValues) + "?period=202603&group_by=unit");
  ASSERT_EQ(scoped.status, 200) << scoped.body;
  EXPECT_EQ(Group(scoped, Id(fx().dept_edu)), nullptr);
  HttpResult area = company_b->Get(std::string(kValues) + "?period=202603");
  EXPECT_TRUE(area.json.at("groups").at(0).at("denominator") == "0");
  EXPECT_EQ(company_b
                ->Get("/api/v1/indicators/fengxi.investment_completion/drilldown?period=202603"
                      "&group_by=unit&group=" +
                      Id(fx().dept_edu))
                .status,
            404);

  // Hostile and malformed queries.
  EXPECT_EQ(fgw->Get(std::string(kValues) + "?period=202613").status, 400);
  EXPECT_EQ(fgw->Get(std::string(kValues)).status, 400);
  EXPECT_EQ(fgw->Get(std::string(kValues) + "?period=202603&group_by=planet").status, 400);
  EXPECT_EQ(fgw->Get(std::string(kValues) + "?period=202603&window=decade").status, 400);
  EXPECT_EQ(fgw->Get(std::string(kValues) + "?period=202603&surprise=1").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/indicators/fengxi.investment_completion/drilldown?period=202603"
                     "&side=middle")
                .status,
            400);
}

TEST_P(IndicatorsApi, FiveRatesByUnitTrendAndEngineStatus) {
  SchoolWithReport();
  auto fgw = As("fgw");
  HttpResult rates = fgw->Get("/api/v1/rates?set=shaanxi&period=202603&group_by=unit");
  ASSERT_EQ(rates.status, 200) << rates.body;
  EXPECT_EQ(rates.json.at("indicators").as_array().size(), 5u);
  bool found = false;
  for (const auto& row : rates.json.at("rows").as_array()) {
    if (row.at("key").as_string() != Id(fx().dept_edu)) continue;
    found = true;
    EXPECT_EQ(row.at("values").at("shaanxi.plan_investment_completion").at("percent"), "10.0");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(
      rates.json.at("area").at("values").at("shaanxi.plan_investment_completion").at("percent"),
      "10.0");
  // The same read again is served from the cache at the same sequence; a write moves it.
  int64_t seq = rates.json.at("sequence").as_int64();
  EXPECT_EQ(fgw->Get("/api/v1/rates?set=shaanxi&period=202603").json.at("sequence").as_int64(),
            seq);
  EXPECT_EQ(fgw->Get("/api/v1/rates?set=nope&period=202603").status, 404);
  EXPECT_EQ(fgw->Get("/api/v1/rates?period=202603").status, 400);

  HttpResult trend = fgw->Get("/api/v1/rates/trend?set=fengxi&from=202601&to=202604");
  ASSERT_EQ(trend.status, 200) << trend.body;
  EXPECT_EQ(trend.json.at("periods").as_array().size(), 4u);
  const auto& series = trend.json.at("series").at("fengxi.investment_completion").as_array();
  ASSERT_EQ(series.size(), 4u);
  EXPECT_EQ(series[1], "0.0");
  EXPECT_EQ(series[2], "10.0");
  EXPECT_EQ(fgw->Get("/api/v1/rates/trend?set=fengxi&from=202601&to=202912").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/rates/trend?set=fengxi&from=202605&to=202601").status, 400);

  HttpResult status = As("admin")->Get("/api/v1/engine/status");
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(status.json.at("projects").as_int64(), 3);
  EXPECT_EQ(status.json.at("reports").as_int64(), 1);
  EXPECT_GT(status.json.at("sequence").as_int64(), seq - 1);
  EXPECT_EQ(As("company_a")->Get("/api/v1/engine/status").status, 403);
}

TEST_P(IndicatorsApi, ByCampaignAProjectCountsInEveryRoundItIsIn) {
  auto fgw = As("fgw");
  auto round = [&](const char* name, const char* held_on) {
    HttpResult r = fgw->Post("/api/v1/campaign-rounds",
                             Json({{"name", name}, {"held_on", held_on}, {"scheme", "three"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json.at("id").as_int64() : 0;
  };
  auto join = [&](int64_t r, int64_t project) {
    EXPECT_EQ(fgw->Post("/api/v1/campaign-rounds/" + Id(r) + "/projects",
                        Json({{"project_id", project}, {"category", "start"}}))
                  .status,
              201);
  };
  int64_t spring = round("春季三个一批", "2026-03-01");
  int64_t summer = round("夏季三个一批", "2026-06-01");
  join(spring, fx().project_school);
  join(summer, fx().project_school);
  join(summer, fx().project_road);
  // The share of projects in 在建 or later is 0 here; what matters is the counting per round.
  HttpResult created = fgw->Post("/api/v1/indicators", R"j({"code":"office.all","set":"office",
      "name_zh":"项目数","numerator":"count(projects)","denominator":"count(projects)"})j");
  ASSERT_EQ(created.status, 201) << created.body;
  HttpResult v = fgw->Get("/api/v1/indicators/office.all/values?period=202606&group_by=campaign");
  ASSERT_EQ(v.status, 200) << v.body;
  ASSERT_EQ(v.json.at("groups").as_array().size(), 2u) << v.body;
  const auto* s = Group(v, Id(spring));
  const auto* m = Group(v, Id(summer));
  ASSERT_TRUE(s && m) << v.body;
  EXPECT_EQ(s->at("label"), "春季三个一批");
  EXPECT_EQ(s->at("numerator"), "1");
  EXPECT_EQ(m->at("numerator"), "2");  // the school counts in both rounds
}

}  // namespace
}  // namespace keyline::testing
