// Campaign rounds (三个一批) and annual targets (目标任务) over HTTP: rounds with their projects,
// figures and size bands, the 投产 proposal from earlier 开工 projects, the planned investment
// from confirmed annual plans; targets computed from Keyline's data or entered by hand, with
// progress against 序时进度 (the fixture clock is 2026-03-16: 3/12); scoping and bad input.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class CampaignsTargetsApi : public ApiTest {
 protected:
  int64_t NewRound(HttpClient& c, const char* name, const char* held_on,
                   const char* scheme = "three") {
    HttpResult r = c.Post(
        "/api/v1/campaign-rounds",
        Json({{"name", name}, {"held_on", held_on}, {"place", "雁塔区"}, {"scheme", scheme}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json.is_object() ? r.json.at("id").as_int64() : 0;
  }
  HttpResult Join(HttpClient& c, int64_t round, int64_t project, const char* category) {
    return c.Post("/api/v1/campaign-rounds/" + Id(round) + "/projects",
                  Json({{"project_id", project}, {"category", category}}));
  }
  static const boost::json::value& Category(const HttpResult& r, const char* code) {
    for (const auto& f : r.json.at("stats").at("by_category").as_array()) {
      if (f.at("category") == code) return f;
    }
    static boost::json::value none;
    return none;
  }
  int64_t NewTarget(HttpClient& c, boost::json::object body) {
    HttpResult r = c.Post("/api/v1/targets", Json(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json.is_object() ? r.json.at("id").as_int64() : 0;
  }
  static const boost::json::value& ViewOf(const HttpResult& list, int64_t id) {
    for (const auto& v : list.json.at("items").as_array()) {
      if (v.at("target").at("id").as_int64() == id) return v;
    }
    static boost::json::value none;
    return none;
  }
};
KL_INSTANTIATE_BACKENDS(CampaignsTargetsApi);

TEST_P(CampaignsTargetsApi, RoundsCountProjectsBandsPlansAndRates) {
  auto fgw = As("fgw");
  // School has a confirmed 2026 plan of 12000 万元.
  std::string plan = "/api/v1/projects/" + Id(fx().project_school) + "/plans/2026";
  ASSERT_EQ(fgw->Request("PUT", plan, R"({"planned_investment":"12000","version":0})").status, 200);
  ASSERT_EQ(fgw->Post(plan + "/confirm", R"({"version":1})").status, 200);

  int64_t r1 = NewRound(*fgw, "2026年第一季度三个一批", "2026-01-15");
  ASSERT_EQ(Join(*fgw, r1, fx().project_school, "start").status, 201);
  ASSERT_EQ(Join(*fgw, r1, fx().project_road, "start").status, 201);
  ASSERT_EQ(Join(*fgw, r1, fx().project_mall, "sign").status, 201);
  EXPECT_EQ(Join(*fgw, r1, fx().project_mall, "start").status, 409) << "once per round";
  EXPECT_EQ(Join(*fgw, r1, fx().project_road, "plan").status, 400) << "三个一批 has no 谋划一批";
  EXPECT_EQ(Join(*fgw, r1, 424242, "sign").status, 404);

  HttpResult got = fgw->Get("/api/v1/campaign-rounds/" + Id(r1));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json.at("entries").as_array().size(), 3u);
  const auto& total = got.json.at("stats").at("total");
  EXPECT_EQ(total.at("projects").as_int64(), 3);
  EXPECT_EQ(total.at("total_investment"), "512000");
  EXPECT_EQ(total.at("annual_planned"), "12000");
  EXPECT_EQ(total.at("planned_projects").as_int64(), 1);
  EXPECT_EQ(total.at("over_100m").as_int64(), 3);
  EXPECT_EQ(total.at("over_500m").as_int64(), 2);
  EXPECT_EQ(total.at("over_1b").as_int64(), 1);
  const auto& start = Category(got, "start");
  EXPECT_EQ(start.at("projects").as_int64(), 2);
  EXPECT_DOUBLE_EQ(start.at("start_rate").to_number<double>(), 0.5);
  EXPECT_EQ(got.json.at("stats").at("by_category").as_array().size(), 3u);

  // The next round's 投产 list is proposed from earlier 开工 projects.
  int64_t r2 = NewRound(*fgw, "2026年第二季度三个一批", "2026-04-20");
  HttpResult proposal = fgw->Get("/api/v1/campaign-rounds/" + Id(r2) + "/production-proposal");
  ASSERT_EQ(proposal.status, 200) << proposal.body;
  EXPECT_EQ(proposal.json.at("items").as_array().size(), 2u);
  ASSERT_EQ(Join(*fgw, r2, fx().project_school, "production").status, 201);
  proposal = fgw->Get("/api/v1/campaign-rounds/" + Id(r2) + "/production-proposal");
  ASSERT_EQ(proposal.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(proposal.json.at("items").at(0).at("project_id").as_int64(), fx().project_road);
  // Round 1 itself has no earlier round.
  EXPECT_EQ(fgw->Get("/api/v1/campaign-rounds/" + Id(r1) + "/production-proposal")
                .json.at("items")
                .as_array()
                .size(),
            0u);

  // Removing an entry, twice.
  std::string entry = "/api/v1/campaign-rounds/" + Id(r2) + "/projects/" + Id(fx().project_school);
  EXPECT_EQ(fgw->Delete(entry).status, 200);
  EXPECT_EQ(fgw->Delete(entry).status, 404);
  // Lists by year.
  EXPECT_EQ(fgw->Get("/api/v1/campaign-rounds?year=2026").json.at("items").as_array().size(), 2u);
  EXPECT_EQ(fgw->Get("/api/v1/campaign-rounds?year=2025").json.at("items").as_array().size(), 0u);

  // Scope: the education department sees its projects only (school, mall as cooperating unit).
  HttpResult edu = As("edu")->Get("/api/v1/campaign-rounds/" + Id(r1));
  ASSERT_EQ(edu.status, 200);
  EXPECT_EQ(edu.json.at("entries").as_array().size(), 2u);
  EXPECT_EQ(edu.json.at("stats").at("total").at("projects").as_int64(), 2);
  EXPECT_EQ(
      As("edu")->Post("/api/v1/campaign-rounds", R"({"name":"x","held_on":"2026-05-01"})").status,
      403);
  auto leader = As("leader");
  EXPECT_EQ(leader->Get("/api/v1/campaign-rounds/" + Id(r1)).json.at("entries").as_array().size(),
            3u);
  EXPECT_EQ(Join(*leader, r1, fx().project_road, "sign").status, 403);
  EXPECT_EQ(As("company_a")->Get("/api/v1/campaign-rounds").status, 403);
  HttpResult audit = As("admin")->Get("/api/v1/audit?entity=campaign_entry");
  EXPECT_EQ(audit.json.at("total").as_int64(), 5);  // four additions, one removal
}

TEST_P(CampaignsTargetsApi, FourRoundsAndHostileRoundInput) {
  auto fgw = As("fgw");
  int64_t r = NewRound(*fgw, "四个一批", "2026-02-01", "four");
  ASSERT_EQ(Join(*fgw, r, fx().project_mall, "plan").status, 201);
  HttpResult got = fgw->Get("/api/v1/campaign-rounds/" + Id(r));
  EXPECT_EQ(got.json.at("stats").at("by_category").as_array().size(), 4u);
  // Back to three while a 谋划一批 project is in it: refused.
  EXPECT_EQ(fgw->Request("PUT", "/api/v1/campaign-rounds/" + Id(r),
                         R"({"name":"x","held_on":"2026-02-01","scheme":"three","version":1})")
                .status,
            409);
  const char* bodies[] = {
      R"({"name":"","held_on":"2026-02-01"})",
      R"({"name":"x","held_on":"yesterday"})",
      R"({"name":"x","held_on":"2026-02-01","scheme":"five"})",
      R"({"name":"x","held_on":"2026-02-01","owner":"me"})",
      R"({"name":["x"],"held_on":"2026-02-01"})",
  };
  for (const char* body : bodies) {
    SCOPED_TRACE(body);
    HttpResult bad = fgw->Post("/api/v1/campaign-rounds", body);
    EXPECT_EQ(bad.status, 400) << bad.body;
    EXPECT_FALSE(bad.json.at("error").at("message_en").as_string().empty());
  }
  EXPECT_EQ(Join(*fgw, r, fx().project_road, "nope").status, 400);
  EXPECT_EQ(fgw->Post("/api/v1/campaign-rounds/" + Id(r) + "/projects",
                      R"({"project_id":-1,"category":"sign"})")
                .status,
            400);
  EXPECT_EQ(fgw->Get("/api/v1/campaign-rounds?year=abc").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/campaign-rounds").json.at("items").as_array().size(), 1u);
}

TEST_P(CampaignsTargetsApi, TargetsComputedOrEnteredAgainstElapsedShare) {
  auto fgw = As("fgw");
  int64_t outbound = NewTarget(*fgw, {{"year", 2026},
                                      {"title", "组织外出招商活动20场以上"},
                                      {"target_value", 20},
                                      {"unit", "场"},
                                      {"measure", "outbound_events"}});
  int64_t landed = NewTarget(*fgw, {{"year", 2026},
                                    {"title", "落地30亿元级项目2个以上"},
                                    {"target_value", 2},
                                    {"unit", "个"},
                                    {"measure", "landed_leads"},
                                    {"threshold", "300000"}});
  int64_t manual = NewTarget(*fgw, {{"year", 2026},
                                    {"title", "年内培育科技型中小企业420家以上"},
                                    {"target_value", 420},
                                    {"unit", "家"},
                                    {"responsible_unit_id", fx().dept_edu}});
  // Data: two outbound events this year (one last year), one 30亿 lead landed.
  for (const char* day : {"2026-01-10", "2026-02-20", "2025-11-01"}) {
    ASSERT_EQ(fgw->Post("/api/v1/signing-events",
                        Json({{"name", "外出招商"}, {"held_on", day}, {"outbound", true}}))
                  .status,
              201);
  }
  ASSERT_EQ(
      fgw->Post("/api/v1/signing-events", R"({"name":"本地签约","held_on":"2026-03-01"})").status,
      201);
  HttpResult lead = fgw->Post(
      "/api/v1/leads", Json({{"company", "大项目公司"}, {"responsible_unit_id", fx().dept_build}}));
  int64_t lead_id = lead.json.at("id").as_int64();
  ASSERT_EQ(fgw->Post("/api/v1/leads/" + Id(lead_id) + "/contract",
                      R"({"contract_no":"BIG-1","signed_on":"2026-02-01","amount":"300000"})")
                .status,
            201);
  ASSERT_EQ(
      fgw->Post("/api/v1/leads/" + Id(lead_id) + "/stage", R"({"to":"landed","version":2})").status,
      200);

  // The education department enters the manual actual; twice (history kept).
  auto edu = As("edu");
  std::string actuals = "/api/v1/targets/" + Id(manual) + "/actuals";
  ASSERT_EQ(edu->Post(actuals, R"({"value":80,"as_of":"2026-02-28"})").status, 201);
  ASSERT_EQ(edu->Post(actuals, R"({"value":105,"as_of":"2026-03-15","note":"科技局认定"})").status,
            201);
  EXPECT_EQ(As("build")->Post(actuals, R"({"value":1,"as_of":"2026-03-15"})").status, 403);
  EXPECT_EQ(As("leader")->Post(actuals, R"({"value":1,"as_of":"2026-03-15"})").status, 403);
  EXPECT_EQ(fgw->Post("/api/v1/targets/" + Id(outbound) + "/actuals",
                      R"({"value":1,"as_of":"2026-03-15"})")
                .status,
            409)
      << "computed targets are not entered";

  HttpResult list = As("leader")->Get("/api/v1/targets?year=2026");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json.at("items").as_array().size(), 3u);
  const auto& o = ViewOf(list, outbound).at("progress");
  EXPECT_EQ(o.at("source"), "computed");
  EXPECT_DOUBLE_EQ(o.at("actual").to_number<double>(), 2);
  EXPECT_DOUBLE_EQ(o.at("rate").to_number<double>(), 0.1);
  // 序时进度 at the report period: on 2026-03-16 the February report is filed, 2 ÷ 12.
  EXPECT_NEAR(o.at("elapsed_share").to_number<double>(), 2.0 / 12, 1e-6);
  EXPECT_NEAR(o.at("gap_points").to_number<double>(), (0.1 - 2.0 / 12) * 100, 0.005);  // 2 decimals
  const auto& l = ViewOf(list, landed).at("progress");
  EXPECT_DOUBLE_EQ(l.at("actual").to_number<double>(), 1);
  EXPECT_NEAR(l.at("gap_points").to_number<double>(), (0.5 - 2.0 / 12) * 100, 0.005);
  const auto& m = ViewOf(list, manual);
  EXPECT_EQ(m.at("progress").at("source"), "entered");
  EXPECT_DOUBLE_EQ(m.at("progress").at("actual").to_number<double>(), 105);
  EXPECT_NEAR(m.at("progress").at("gap_points").to_number<double>(), (105.0 / 420 - 2.0 / 12) * 100,
              0.005);
  EXPECT_EQ(m.at("latest").at("note"), "科技局认定");
  HttpResult detail = fgw->Get("/api/v1/targets/" + Id(manual));
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.json.at("actuals").as_array().size(), 2u);
  // Default year = this year; another year is empty; companies see nothing.
  EXPECT_EQ(fgw->Get("/api/v1/targets").json.at("items").as_array().size(), 3u);
  EXPECT_EQ(fgw->Get("/api/v1/targets?year=2027").json.at("items").as_array().size(), 0u);
  EXPECT_EQ(As("company_a")->Get("/api/v1/targets").status, 403);
  EXPECT_EQ(edu->Post("/api/v1/targets", R"({"year":2026,"title":"x","target_value":1})").status,
            403);
  HttpResult audit = As("admin")->Get("/api/v1/audit?entity=annual_target");
  EXPECT_EQ(audit.json.at("total").as_int64(), 5);  // three creations, two actuals
}

TEST_P(CampaignsTargetsApi, HostileTargetInputWritesNothing) {
  auto fgw = As("fgw");
  const char* bodies[] = {
      R"({"year":1999,"title":"x","target_value":1})",
      R"({"year":2026,"title":"","target_value":1})",
      R"({"year":2026,"title":"x","target_value":-3})",
      R"({"year":2026,"title":"x","target_value":"many"})",
      R"({"year":2026,"title":"x","target_value":1,"measure":"everything"})",
      R"({"year":2026,"title":"x","target_value":1,"threshold":"-1"})",
      R"({"year":2026,"title":"x","target_value":1,"responsible_unit_id":99999})",
      R"({"year":2026,"title":"x","target_value":1,"sql":"DROP TABLE annual_targets"})",
      R"({"year":2026,"title":"x","target_value":1e308})",
  };
  for (const char* body : bodies) {
    SCOPED_TRACE(body);
    HttpResult bad = fgw->Post("/api/v1/targets", body);
    EXPECT_EQ(bad.status, 400) << bad.body;
    EXPECT_FALSE(bad.json.at("error").at("message_zh").as_string().empty());
  }
  int64_t t = NewTarget(*fgw, {{"year", 2026}, {"title", "x"}, {"target_value", 5}});
  std::string actuals = "/api/v1/targets/" + Id(t) + "/actuals";
  EXPECT_EQ(fgw->Post(actuals, R"({"value":-1,"as_of":"2026-03-01"})").status, 400);
  EXPECT_EQ(fgw->Post(actuals, R"({"value":1,"as_of":"2026-02-31"})").status, 400);
  EXPECT_EQ(fgw->Post(actuals, R"({"value":1})").status, 400);
  EXPECT_EQ(
      fgw->Post("/api/v1/targets/424242/actuals", R"({"value":1,"as_of":"2026-03-01"})").status,
      404);
  EXPECT_EQ(fgw->Request("PUT", "/api/v1/targets/" + Id(t),
                         R"({"year":2026,"title":"y","target_value":5,"version":9})")
                .status,
            409);
  EXPECT_EQ(fgw->Get("/api/v1/targets?year=20266").status, 400);
  HttpResult list = fgw->Get("/api/v1/targets?year=2026");
  ASSERT_EQ(list.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(list.json.at("items").at(0).at("target").at("title"), "x");
  EXPECT_TRUE(list.json.at("items").at(0).at("latest").is_null());
}

}  // namespace
}  // namespace keyline::testing
