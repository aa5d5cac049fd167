// Traffic lights, judgements, light rules, forecast, dispatch list and rankings over HTTP, on
// the live facts (SQLite and PostgreSQL). The fixture's "now" is 2026-03-16: period 202603 is
// evaluated as of that day, and the February report (due on the 5th working day of March,
// 2026-03-06) is the month's report.
//   school  construction, started 02-01, 教育局; plan 1200万 evenly (100/month) → 序时进度 after
//           March 300 = 25%; nothing reported → 25 points behind → yellow progress; Feb report
//           missing 10 days after its due day → red reporting → red overall
//   road    preliminary, planned start 2026-01-01, not started → 2 months late → yellow start
//   mall    reserve, planned start 2026-01-01, not started → yellow start
#include <gtest/gtest.h>

#include "tests/engine_api_test.h"

namespace keyline::testing {
namespace {

class LightsApi : public EngineApiTest {
 protected:
  // The item of one project in a /lights answer (null when absent).
  static const boost::json::object* ItemOf(const HttpResult& r, int64_t id) {
    for (const auto& item : r.json.at("items").as_array()) {
      if (item.at("project_id").as_int64() == id) return &item.as_object();
    }
    return nullptr;
  }
  static const boost::json::object& Dim(const boost::json::object& item, const char* d) {
    for (const auto& x : item.at("dimensions").as_array()) {
      if (x.at("dimension") == d) return x.as_object();
    }
    static boost::json::object none;
    ADD_FAILURE() << "no dimension " << d;
    return none;
  }
};
KL_INSTANTIATE_BACKENDS(LightsApi);

TEST_P(LightsApi, LightsFollowTheFactsAndTheScope) {
  PlanSchool("1200");
  auto fgw = As("fgw");
  HttpResult all = fgw->Get("/api/v1/lights?period=202603");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json.at("total").as_int64(), 3);
  EXPECT_EQ(all.json.at("counts").at("red").as_int64(), 1);
  EXPECT_EQ(all.json.at("counts").at("yellow").as_int64(), 2);
  const auto* school = ItemOf(all, fx().project_school);
  ASSERT_NE(school, nullptr);
  EXPECT_EQ(school->at("overall"), "red");
  EXPECT_EQ(Dim(*school, "progress").at("colour"), "yellow");
  EXPECT_EQ(Dim(*school, "progress").at("reason_zh"),
            "投资完成率 0.0%（计划进度 25.0%），落后计划进度 25.0 个百分点");
  EXPECT_EQ(Dim(*school, "reporting").at("colour"), "red");
  EXPECT_EQ(Dim(*school, "reporting").at("reason_zh"),
            "2026年2月月报应于 2026-03-06 前报送，截至 2026-03-16 仍未报送");
  EXPECT_EQ(school->at("unit_name"), "雁塔区教育局");
  const auto* road = ItemOf(all, fx().project_road);
  ASSERT_NE(road, nullptr);
  EXPECT_EQ(Dim(*road, "start").at("reason_zh"), "计划 2026-01-01 开工，逾期 2 个月仍未开工");
  // Red first.
  EXPECT_EQ(all.json.at("items").at(0).at("project_id").as_int64(), fx().project_school);

  // Filters.
  HttpResult red = fgw->Get("/api/v1/lights?period=202603&colour=red");
  EXPECT_EQ(red.json.at("total").as_int64(), 1);
  HttpResult start = fgw->Get("/api/v1/lights?period=202603&dimension=start&colour=yellow");
  EXPECT_EQ(start.json.at("total").as_int64(), 2);
  HttpResult paged = fgw->Get("/api/v1/lights?period=202603&page=2&page_size=2");
  EXPECT_EQ(paged.json.at("items").as_array().size(), 1u);

  // Scope: company B sees its road and mall only; the school is 404 for it.
  auto company_b = As("company_b");
  HttpResult own = company_b->Get("/api/v1/lights?period=202603");
  EXPECT_EQ(own.json.at("total").as_int64(), 2);
  EXPECT_EQ(ItemOf(own, fx().project_school), nullptr);
  EXPECT_EQ(company_b->Get("/api/v1/projects/" + Id(fx().project_school) + "/lights?period=202603")
                .status,
            404);
  // 教育局 sees the school and the mall it cooperates on.
  EXPECT_EQ(As("edu")->Get("/api/v1/lights?period=202603").json.at("total").as_int64(), 2);

  // A submitted report changes the next read: February's report, submitted late on 03-16.
  auto company_a = As("company_a");
  server().clock().Set(At("2026-03-10"));  // still open (locks after the 10th working day)
  SubmitSchoolFebruary(*company_a);
  HttpResult after =
      fgw->Get("/api/v1/projects/" + Id(fx().project_school) + "/lights?period=202603");
  ASSERT_EQ(after.status, 200) << after.body;
  // 200 of 1200 = 16.7% against 25% (as of 03-10 the plan to date is still March's) → 8.3
  // behind → green; the report was late (after 03-06) → yellow reporting.
  EXPECT_EQ(Dim(after.json.as_object(), "progress").at("colour"), "green");
  EXPECT_EQ(Dim(after.json.as_object(), "reporting").at("colour"), "yellow");
  EXPECT_EQ(after.json.at("overall"), "yellow");
}

TEST_P(LightsApi, BadQueriesAreRejected) {
  auto fgw = As("fgw");
  for (const char* q : {"period=2026-03", "period=202613", "period=202612", "period=abc",
                        "period=202603&colour=blue", "period=202603&dimension=weather",
                        "period=202603&page_size=0", "period=202603&nope=1"}) {
    HttpResult r = fgw->Get(std::string("/api/v1/lights?") + q);
    EXPECT_EQ(r.status, 400) << q << " " << r.body;
    EXPECT_FALSE(r.json.at("error").at("message").as_string().empty()) << q;
    EXPECT_FALSE(r.json.at("error").at("message_en").as_string().empty()) << q;
  }
  EXPECT_EQ(fgw->Get("/api/v1/projects/999999/lights?period=202603").status, 404);
  EXPECT_EQ(fgw->Get("/api/v1/forecast?period=202603&group_by=planet").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/dispatch-list?period=209901").status, 400);
  EXPECT_EQ(server().Anonymous()->Get("/api/v1/lights").status, 401);
}

TEST_P(LightsApi, JudgementsOnlyLowerAndAreAudited) {
  PlanSchool("1200");
  std::string url = "/api/v1/projects/" + Id(fx().project_school) + "/lights/judgements";
  auto edu = As("edu");
  // Raising progress (yellow) to red: 400 with the zh + en message.
  HttpResult raise = edu->Post(
      url, R"({"period":202603,"dimension":"progress","colour":"red","reason":"严重滞后"})");
  ASSERT_EQ(raise.status, 400) << raise.body;
  EXPECT_NE(raise.json.at("error").at("message").as_string().find("人工研判只能降低灯色"),
            std::string::npos);
  EXPECT_NE(raise.json.at("error").at("message_en").as_string().find("only lower"),
            std::string::npos);
  // Lowering reporting (red) to green: the department in charge may.
  HttpResult ok = edu->Post(
      url,
      R"({"period":202603,"dimension":"reporting","colour":"green","reason":"系统故障，已线下报送"})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json.at("computed_colour"), "red");
  HttpResult detail =
      edu->Get("/api/v1/projects/" + Id(fx().project_school) + "/lights?period=202603");
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(Dim(detail.json.as_object(), "reporting").at("colour"), "green");
  EXPECT_EQ(Dim(detail.json.as_object(), "reporting").at("computed_colour"), "red");
  EXPECT_TRUE(Dim(detail.json.as_object(), "reporting").at("judged").as_bool());
  EXPECT_EQ(detail.json.at("overall"), "yellow");  // progress is still yellow
  ASSERT_EQ(detail.json.at("judgements").as_array().size(), 1u);
  EXPECT_EQ(detail.json.at("judgements").at(0).at("by"), "edu");
  EXPECT_EQ(detail.json.at("judgements").at(0).at("reason"), "系统故障，已线下报送");
  // Overall may be judged too (yellow → green).
  EXPECT_EQ(
      edu->Post(url,
                R"({"period":202603,"dimension":"overall","colour":"green","reason":"领导研判"})")
          .status,
      201);
  EXPECT_EQ(edu->Get("/api/v1/lights?period=202603&colour=green").json.at("total").as_int64(), 1);
  // Audited.
  HttpResult audit = As("admin")->Get("/api/v1/audit?entity=light_judgement");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json.at("total").as_int64(), 2);

  // Who may not: a company (403), a department outside its scope (404), bad input (400).
  EXPECT_EQ(
      As("company_a")
          ->Post(url, R"({"period":202603,"dimension":"reporting","colour":"green","reason":"x"})")
          .status,
      403);
  EXPECT_EQ(
      As("build")
          ->Post(url, R"({"period":202603,"dimension":"reporting","colour":"green","reason":"x"})")
          .status,
      404);
  EXPECT_EQ(
      edu->Post(url, R"({"period":202603,"dimension":"weather","colour":"green","reason":"x"})")
          .status,
      400);
  EXPECT_EQ(
      edu->Post(url, R"({"period":202603,"dimension":"reporting","colour":"pink","reason":"x"})")
          .status,
      400);
  EXPECT_EQ(
      edu->Post(url, R"({"period":202603,"dimension":"reporting","colour":"green","reason":""})")
          .status,
      400);
  EXPECT_EQ(
      edu->Post(url, R"({"period":202612,"dimension":"reporting","colour":"green","reason":"x"})")
          .status,
      400);
  EXPECT_EQ(
      edu->Post(
             url,
             R"({"period":202603,"dimension":"reporting","colour":"green","reason":"x","extra":1})")
          .status,
      400);
}

TEST_P(LightsApi, RulesAreDataValidatedAndTakeEffectAtOnce) {
  PlanSchool("1200");
  auto fgw = As("fgw");
  HttpResult rules = As("company_a")->Get("/api/v1/light-rules");
  ASSERT_EQ(rules.status, 200) << rules.body;
  EXPECT_EQ(rules.json.at("rules").as_array().size(), 6u);
  EXPECT_EQ(rules.json.at("rules").at(1).at("dimension"), "progress");
  EXPECT_EQ(rules.json.at("rules").at(1).at("yellow").at("points_behind").as_int64(), 10);
  EXPECT_EQ(rules.json.at("rules").at(1).at("red").at("points_behind").as_int64(), 30);
  EXPECT_EQ(rules.json.at("forecast").at("warning_percent_below").as_int64(), 90);

  const char* widen =
      R"({"rules":[{"dimension":"progress","enabled":true,"yellow":{"points_behind":30},"red":{"points_behind":40}}]})";
  EXPECT_EQ(As("edu")->Request("PUT", "/api/v1/light-rules", widen).status, 403);
  HttpResult bad = fgw->Request(
      "PUT", "/api/v1/light-rules",
      R"({"rules":[{"dimension":"progress","yellow":{"points_behind":30},"red":{"points_behind":20}}]})");
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.json.at("error").at("details").at(0).at("field"), "rules[progress].red");
  for (
      const char* body :
      {R"({"rules":[{"dimension":"weather","yellow":{"x":1},"red":{"x":2}}]})",
       R"({"rules":[{"dimension":"progress","yellow":{"points":1},"red":{"points_behind":2}}]})",
       R"({"rules":[{"dimension":"progress","yellow":{"points_behind":"ten"},"red":{"points_behind":30}}]})",
       R"({"rules":"all"})", R"({"rules":[],"forecast":{"warning_percent_below":0}})",
       R"({"rules":[],"dispatch":{"yellow_months":13}})", R"([1,2])", R"({"rules":[1]})"}) {
    EXPECT_EQ(fgw->Request("PUT", "/api/v1/light-rules", body).status, 400) << body;
  }
  ASSERT_EQ(fgw->Request("PUT", "/api/v1/light-rules", widen).status, 200);
  // The school is 25 behind: now below the 30-point yellow threshold → green progress.
  HttpResult after =
      fgw->Get("/api/v1/projects/" + Id(fx().project_school) + "/lights?period=202603");
  EXPECT_EQ(Dim(after.json.as_object(), "progress").at("colour"), "green");
  EXPECT_EQ(As("admin")->Get("/api/v1/audit?entity=light_rules").json.at("total").as_int64(), 1);
}

TEST_P(LightsApi, ForecastAndDispatchList) {
  PlanSchool("1200");
  auto fgw = As("fgw");
  HttpResult p =
      fgw->Get("/api/v1/projects/" + Id(fx().project_school) + "/forecast?period=202603");
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.json.at("planned_monthly").as_array().size(), 12u);
  EXPECT_EQ(p.json.at("planned_monthly").at(0), "100");
  EXPECT_EQ(p.json.at("cumulative_plan").at(2), "300");
  // Nothing reported against 300 planned to date: SPI 0 → year-end 0 → warning.
  EXPECT_EQ(p.json.at("forecast_year_end"), "0");
  EXPECT_TRUE(p.json.at("warning").as_bool());
  HttpResult units = fgw->Get("/api/v1/forecast?period=202603&group_by=unit");
  ASSERT_EQ(units.status, 200) << units.body;
  ASSERT_EQ(units.json.at("rows").as_array().size(), 1u);  // only the school has a plan
  EXPECT_EQ(units.json.at("rows").at(0).at("label"), "雁塔区教育局");
  EXPECT_EQ(units.json.at("rows").at(0).at("planned_year"), "1200");
  EXPECT_EQ(
      As("company_b")->Get("/api/v1/forecast?period=202603").json.at("rows").as_array().size(), 0u);
  EXPECT_EQ(As("company_b")
                ->Get("/api/v1/projects/" + Id(fx().project_school) + "/forecast?period=202603")
                .status,
            404);

  HttpResult list = fgw->Get("/api/v1/dispatch-list?period=202603");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_GE(list.json.at("items").as_array().size(), 1u);
  const auto& first = list.json.at("items").at(0);
  EXPECT_EQ(first.at("project_id").as_int64(), fx().project_school);
  EXPECT_EQ(first.at("reasons").at(0).at("zh"), "综合红灯");
  EXPECT_EQ(first.at("severity").as_int64(), 311);  // red: 300 + 10 × 1 red + 1 yellow
  // The road and the mall have been yellow (start) since February: two months in a row →
  // listed (2xx) after the red school. Company B sees only those two.
  ASSERT_EQ(list.json.at("items").as_array().size(), 3u);
  EXPECT_EQ(list.json.at("items").at(1).at("reasons").at(0).at("zh"), "连续 2 个月黄灯");
  EXPECT_EQ(list.json.at("items").at(1).at("severity").as_int64(), 201);
  HttpResult top = fgw->Get("/api/v1/dispatch-list?period=202603&limit=1");
  EXPECT_EQ(top.json.at("total").as_int64(), 3);
  ASSERT_EQ(top.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(fgw->Get("/api/v1/dispatch-list?period=202603&limit=0").status, 400);
  // A dispatch meeting's proposed agenda lists the red school (RedProjectSource = the lights).
  HttpResult meeting =
      fgw->Post("/api/v1/meetings", Json({{"title", "三月重点项目调度会"},
                                          {"held_on", "2026-03-16"},
                                          {"location", "区政府三楼会议室"},
                                          {"chair_person_id", fx().leader_person}}));
  ASSERT_EQ(meeting.status, 201) << meeting.body;
  HttpResult agenda =
      fgw->Get("/api/v1/meetings/" + Id(meeting.json.at("id").as_int64()) + "/agenda");
  ASSERT_EQ(agenda.status, 200) << agenda.body;
  bool red_school = false;
  for (const auto& item : agenda.json.at("items").as_array()) {
    if (item.at("kind") == "red_project" &&
        item.at("project_id").as_int64() == fx().project_school) {
      red_school = true;
    }
  }
  EXPECT_TRUE(red_school) << agenda.body;
  HttpResult own = As("company_b")->Get("/api/v1/dispatch-list?period=202603");
  ASSERT_EQ(own.json.at("items").as_array().size(), 2u);
  for (const auto& item : own.json.at("items").as_array()) {
    EXPECT_NE(item.at("project_id").as_int64(), fx().project_school);
  }
}

TEST_P(LightsApi, RankingSchemesRankingsAndExemptions) {
  PlanSchool("1200");
  auto fgw = As("fgw");
  HttpResult schemes = As("leader")->Get("/api/v1/ranking-schemes");
  ASSERT_EQ(schemes.status, 200) << schemes.body;
  ASSERT_EQ(schemes.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(schemes.json.at("items").at(0).at("code"), "mianyang_demo");
  EXPECT_EQ(schemes.json.at("items").at(0).at("components").as_array().size(), 5u);

  boost::json::object scheme = MonthlyScheme();
  EXPECT_EQ(As("edu")->Post("/api/v1/ranking-schemes", Json(scheme)).status, 403);
  boost::json::object bad = scheme;
  bad["components"].as_array()[1].as_object()["weight"] = 30;
  HttpResult sum = fgw->Post("/api/v1/ranking-schemes", Json(bad));
  ASSERT_EQ(sum.status, 400);
  EXPECT_EQ(sum.json.at("error").at("details").at(0).at("field"), "components");
  bad = scheme;
  bad["components"].as_array()[0].as_object()["indicator"] = "no.such";
  EXPECT_EQ(fgw->Post("/api/v1/ranking-schemes", Json(bad))
                .json.at("error")
                .at("details")
                .at(0)
                .at("field"),
            "components[0].indicator");
  bad = scheme;
  bad["period_kind"] = "week";
  EXPECT_EQ(fgw->Post("/api/v1/ranking-schemes", Json(bad)).status, 400);
  ASSERT_EQ(fgw->Post("/api/v1/ranking-schemes", Json(scheme)).status, 201);
  EXPECT_EQ(fgw->Post("/api/v1/ranking-schemes", Json(scheme)).status, 409);

  // Only 教育局 has projects with a responsible unit in the group? 住建局 has road and mall.
  HttpResult r = fgw->Get("/api/v1/rankings?scheme=monthly&period=202603");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.at("previous_period"), "202602");
  const auto& rows = r.json.at("groups").at(0).at("rows").as_array();
  ASSERT_EQ(rows.size(), 2u);
  // No reports yet. 教育局's school has a plan: investment completion 0% applies (60 of the
  // weights); no report was due, so timeliness does not apply → 0.00, rank 1, red (top 1, no
  // target needed). 住建局's projects have no plan and no report was due: nothing applies, so it
  // is not ranked and on no list — a unit is not black-listed for having nothing to measure.
  EXPECT_EQ(rows[0].at("unit_id").as_int64(), fx().dept_edu);
  EXPECT_TRUE(rows[0].at("ranked").as_bool());
  EXPECT_EQ(rows[0].at("score"), "0.00");
  EXPECT_EQ(rows[0].at("applicable_weight").as_int64(), 60);
  EXPECT_EQ(rows[0].at("rank").as_int64(), 1);
  EXPECT_FALSE(rows[0].at("tied").as_bool());
  EXPECT_EQ(rows[0].at("list"), "red");
  EXPECT_EQ(rows[1].at("unit_id").as_int64(), fx().dept_build);
  EXPECT_FALSE(rows[1].at("ranked").as_bool());
  EXPECT_EQ(rows[1].at("score"), "");
  EXPECT_TRUE(rows[1].at("rank").is_null());
  EXPECT_EQ(rows[1].at("list"), "");

  EXPECT_EQ(fgw->Get("/api/v1/rankings?scheme=monthly&period=2026Q1").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/rankings?scheme=mianyang_demo&period=202603").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/rankings?scheme=mianyang_demo&period=2026Q1").status, 200);
  EXPECT_EQ(fgw->Get("/api/v1/rankings?scheme=nope&period=202603").status, 404);
  EXPECT_EQ(fgw->Get("/api/v1/rankings?period=202603").status, 400);

  std::string ex = Json({{"scheme", "monthly"},
                         {"period", "202603"},
                         {"unit_id", fx().dept_build},
                         {"reason", "不可抗力：汛期停工"}});
  EXPECT_EQ(As("company_a")->Post("/api/v1/rankings/exemptions", ex).status, 403);
  ASSERT_EQ(fgw->Post("/api/v1/rankings/exemptions", ex).status, 201);
  EXPECT_EQ(fgw->Post("/api/v1/rankings/exemptions", ex).status, 409);
  EXPECT_EQ(fgw->Post("/api/v1/rankings/exemptions", Json({{"scheme", "monthly"},
                                                           {"period", "2026Q1"},
                                                           {"unit_id", fx().dept_build},
                                                           {"reason", "x"}}))
                .status,
            400);
  HttpResult again = fgw->Get("/api/v1/rankings?scheme=monthly&period=202603");
  bool found = false;
  for (const auto& row : again.json.at("groups").at(0).at("rows").as_array()) {
    if (row.at("unit_id").as_int64() == fx().dept_build) {
      found = true;
      EXPECT_TRUE(row.at("exempt").as_bool());
      EXPECT_EQ(row.at("exemption_reason"), "不可抗力：汛期停工");
    }
  }
  EXPECT_TRUE(found);

  scheme["name_zh"] = "月度排名（修订）";
  HttpResult put = fgw->Request("PUT", "/api/v1/ranking-schemes/monthly", Json(scheme));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(fgw->Get("/api/v1/ranking-schemes/monthly").json.at("name_zh"), "月度排名（修订）");
  EXPECT_EQ(fgw->Request("PUT", "/api/v1/ranking-schemes/nope", Json(scheme)).status, 404);
  EXPECT_EQ(fgw->Delete("/api/v1/ranking-schemes/monthly").status, 204);
  EXPECT_EQ(fgw->Get("/api/v1/ranking-schemes/monthly").status, 404);
  EXPECT_EQ(fgw->Delete("/api/v1/ranking-schemes/monthly").status, 404);
}

}  // namespace
}  // namespace keyline::testing

namespace keyline::testing {
namespace {

// Scores from real reports: the school's February report of 200万, submitted on time on 03-02.
// March (202603):
//   教育局: investment completion 200 ÷ 1200 = 16.7% → 60 × 1/6 = 10.00 points; timeliness of
//           the reports due in March (February's: 1 of 1 on time) → 40; score 50.00, rank 1
//           (red: top 1, no target needed)
//   住建局: no plan, no reports: no component applies → not ranked, on no list (an exemption
//           can still be recorded and is shown).
// February (the previous period): 教育局 16.7% → 10 of 60, no report due in February (does not
// apply) → scaled to 16.67; rank 1 then and now: change 0.
TEST_P(LightsApi, RankingFromReportedNumbers) {
  PlanSchool("1200");
  // Log in first: a login at a "now" earlier than the fixture's is refused.
  auto company_a = As("company_a");
  auto fgw = As("fgw");
  ASSERT_TRUE(company_a && fgw);
  server().clock().Set(At("2026-03-02"));
  SubmitSchoolFebruary(*company_a);
  boost::json::object scheme = MonthlyScheme();
  ASSERT_EQ(fgw->Post("/api/v1/ranking-schemes", Json(scheme)).status, 201);
  HttpResult r = fgw->Get("/api/v1/rankings?scheme=monthly&period=202603");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& rows = r.json.at("groups").at(0).at("rows").as_array();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at("unit_id").as_int64(), fx().dept_edu);
  EXPECT_EQ(rows[0].at("score"), "50.00");
  EXPECT_EQ(rows[0].at("components").at(0).at("percent"), "16.7");
  EXPECT_EQ(rows[0].at("components").at(0).at("points"), "10.00");
  EXPECT_EQ(rows[0].at("components").at(1).at("points"), "40.00");
  EXPECT_EQ(rows[0].at("rank").as_int64(), 1);
  EXPECT_EQ(rows[0].at("list"), "red");
  EXPECT_EQ(rows[0].at("change").as_int64(), 0);
  EXPECT_EQ(rows[0].at("applicable_weight").as_int64(), 100);
  EXPECT_EQ(rows[1].at("unit_id").as_int64(), fx().dept_build);
  EXPECT_FALSE(rows[1].at("ranked").as_bool());
  EXPECT_EQ(rows[1].at("score"), "");
  EXPECT_TRUE(rows[1].at("rank").is_null());
  EXPECT_EQ(rows[1].at("list"), "");
  ASSERT_EQ(fgw->Post("/api/v1/rankings/exemptions", Json({{"scheme", "monthly"},
                                                           {"period", "202603"},
                                                           {"unit_id", fx().dept_build},
                                                           {"reason", "不可抗力"}}))
                .status,
            201);
  HttpResult after = fgw->Get("/api/v1/rankings?scheme=monthly&period=202603");
  const auto& row = after.json.at("groups").at(0).at("rows").at(1);
  EXPECT_EQ(row.at("list"), "");
  EXPECT_TRUE(row.at("exempt").as_bool());
  // A department ranks over its own projects: 教育局 sees the school (and the mall, whose
  // responsible unit is 住建局), so both units still appear, with the same scores.
  server().clock().Set(At("2026-03-16"));
  HttpResult edu = As("edu")->Get("/api/v1/rankings?scheme=monthly&period=202603");
  ASSERT_EQ(edu.status, 200) << edu.body;
  EXPECT_EQ(edu.json.at("groups").at(0).at("rows").at(0).at("score"), "50.00");
}

}  // namespace
}  // namespace keyline::testing
