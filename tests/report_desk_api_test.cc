// The reporter's to-do and prefill, the reviewer's comparison and batch approval,
// over HTTP on SQLite and PostgreSQL.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class ReportDeskApi : public ApiTest {
 protected:
  std::string ReportUrl(int64_t project, int period) {
    return "/api/v1/projects/" + Id(project) + "/reports/" + std::to_string(period);
  }
  // Submits a report as `who`; returns its version.
  int64_t Submit(const std::string& who, int64_t project, int period,
                 const boost::json::object& b) {
    HttpResult r = As(who)->Post(ReportUrl(project, period) + "/submit", Json(b));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json.at("report").at("version").as_int64() : 0;
  }
  void ConfirmedPlan(int64_t project, const char* wan) {
    auto fgw = As("fgw");
    std::string url = "/api/v1/projects/" + Id(project) + "/plans/2026";
    HttpResult saved = fgw->Request(
        "PUT", url, Json({{"planned_investment", wan}, {"split", "even"}, {"version", 0}}));
    ASSERT_EQ(saved.status, 200) << saved.body;
    ASSERT_EQ(fgw->Post(url + "/confirm", R"({"version":1})").status, 200);
  }
  std::string Status(HttpClient& c, int64_t project, int period) {
    HttpResult r = c.Get(ReportUrl(project, period));
    EXPECT_EQ(r.status, 200) << r.body;
    return std::string(r.json.at("report").at("status").as_string());
  }
  const boost::json::object* ResultFor(const HttpResult& r, int64_t project) {
    for (const auto& v : r.json.at("results").as_array()) {
      if (v.at("project_id").as_int64() == project) return &v.as_object();
    }
    return nullptr;
  }
};
KL_INSTANTIATE_BACKENDS(ReportDeskApi);

TEST_P(ReportDeskApi, ANewReportIsPrefilledFromLastMonth) {
  int64_t school = fx().project_school;
  server().clock().Set(At("2026-02-26"));  // 202602 is open
  Submit("company_a", school, 202602,
         {{"version", 0},
          {"completed_investment", "200"},
          {"progress_text", "基础施工完成"},
          {"progress_percent", 20},
          {"workers", 60},
          {"main_works", "基础施工"},
          {"next_plan", "主体结构施工至二层"},
          {"problems", "雨季影响"}});
  server().clock().Set(At("2026-03-27"));
  auto company = As("company_a");
  HttpResult p = company->Get(ReportUrl(school, 202603) + "/prefill");
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.json.at("source_period").as_int64(), 202602);
  const auto& f = p.json.at("fields");
  EXPECT_EQ(f.at("progress_text"), "基础施工完成");
  EXPECT_EQ(f.at("progress_percent").as_int64(), 20);
  EXPECT_EQ(f.at("workers").as_int64(), 60);
  EXPECT_EQ(f.at("main_works"), "主体结构施工至二层");  // last month's 下月计划
  EXPECT_FALSE(f.as_object().contains("completed_investment"));
  EXPECT_FALSE(f.as_object().contains("problems"));
  // Nothing before: no source. The prefill writes nothing.
  HttpResult first = company->Get(ReportUrl(school, 202602) + "/prefill");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(first.json.at("source_period").is_null());
  EXPECT_EQ(first.json.at("fields").at("main_works"), "");
  EXPECT_EQ(company->Get(ReportUrl(school, 202603)).json.at("exists").as_bool(), false);
  // Scope and role: another company does not see it, a department does not fill.
  EXPECT_EQ(As("company_b")->Get(ReportUrl(school, 202603) + "/prefill").status, 404);
  EXPECT_EQ(As("edu")->Get(ReportUrl(school, 202603) + "/prefill").status, 403);
  EXPECT_EQ(company->Get(ReportUrl(school, 202613) + "/prefill").status, 404);
}

TEST_P(ReportDeskApi, TheTodoListsEveryDueReportWithItsStateAndDeadline) {
  int64_t school = fx().project_school;
  server().clock().Set(At("2026-03-27"));
  ConfirmedPlan(fx().project_road, "5000");  // the road (前期) must report with a plan
  auto company_a = As("company_a");
  HttpResult empty = company_a->Get("/api/v1/reporting/todo?period=202603");
  ASSERT_EQ(empty.status, 200) << empty.body;
  ASSERT_EQ(empty.json.at("items").as_array().size(), 1u) << empty.body;
  EXPECT_EQ(empty.json.at("items").at(0).at("project_id").as_int64(), school);
  EXPECT_EQ(empty.json.at("items").at(0).at("state"), "missing");
  EXPECT_EQ(empty.json.at("window").at("due_on"), "2026-04-08");
  ASSERT_EQ(
      company_a->Request("PUT", ReportUrl(school, 202603), R"({"version":0,"workers":3})").status,
      200);
  HttpResult draft = company_a->Get("/api/v1/reporting/todo?period=202603");
  EXPECT_EQ(draft.json.at("items").at(0).at("state"), "draft");
  // Company B sees its own due project only; the default period is the one reported today.
  HttpResult b = As("company_b")->Get("/api/v1/reporting/todo");
  ASSERT_EQ(b.status, 200) << b.body;
  EXPECT_EQ(b.json.at("period").as_int64(), 202602);
  HttpResult b3 = As("company_b")->Get("/api/v1/reporting/todo?period=202603");
  ASSERT_EQ(b3.json.at("items").as_array().size(), 1u) << b3.body;
  EXPECT_EQ(b3.json.at("items").at(0).at("project_id").as_int64(), fx().project_road);
  Submit("company_a", school, 202603, {{"version", 1}, {"completed_investment", "10"}});
  EXPECT_EQ(
      company_a->Get("/api/v1/reporting/todo?period=202603").json.at("items").at(0).at("state"),
      "submitted");
  EXPECT_EQ(company_a->Get("/api/v1/reporting/todo?period=202613").status, 400);
  EXPECT_EQ(company_a->Get("/api/v1/reporting/todo?x=1").status, 400);
}

TEST_P(ReportDeskApi, BatchApprovalIsScopedSkipsWarningsAndAuditsEachReport) {
  int64_t school = fx().project_school, road = fx().project_road, mall = fx().project_mall;
  server().clock().Set(At("2026-03-27"));
  ConfirmedPlan(school, "12000");  // 1000 a month: 3500 is flagged large_vs_plan
  int64_t v_school = Submit("company_a", school, 202603,
                            {{"version", 0},
                             {"completed_investment", "3500"},
                             {"confirm_warnings", boost::json::array{"large_vs_plan"}}});
  int64_t v_road = Submit("company_b", road, 202603, {{"version", 0}, {"progress_text", "前期"}});
  int64_t v_mall = Submit("company_b", mall, 202603, {{"version", 0}, {"progress_text", "前期"}});
  const std::string url = "/api/v1/reports/approve-batch";

  // The education bureau: the mall (cooperating) is in its scope, the road is not.
  auto edu = As("edu");
  HttpResult picked = edu->Post(
      url,
      Json({{"items",
             boost::json::array{
                 boost::json::object{{"project_id", mall}, {"period", 202603}, {"version", v_mall}},
                 boost::json::object{
                     {"project_id", road}, {"period", 202603}, {"version", v_road}}}},
            {"comment", "同意"}}));
  ASSERT_EQ(picked.status, 200) << picked.body;
  EXPECT_EQ(picked.json.at("approved").as_int64(), 1);
  EXPECT_EQ(picked.json.at("skipped").as_int64(), 1);
  EXPECT_EQ(ResultFor(picked, mall)->at("outcome"), "approved");
  const auto* out_of_scope = ResultFor(picked, road);
  ASSERT_NE(out_of_scope, nullptr);
  EXPECT_EQ(out_of_scope->at("outcome"), "skipped");
  EXPECT_EQ(out_of_scope->at("reason").at("code"), "not_found");
  EXPECT_FALSE(out_of_scope->at("reason").at("message").as_string().empty());
  EXPECT_FALSE(out_of_scope->at("reason").at("message_en").as_string().empty());
  auto fgw = As("fgw");
  EXPECT_EQ(Status(*fgw, road, 202603), "submitted");
  EXPECT_EQ(Status(*fgw, mall, 202603), "approved");
  // The same selection again: the mall is no longer submitted (a conflict, skipped).
  HttpResult again = edu->Post(
      url, Json({{"items", boost::json::array{boost::json::object{
                               {"project_id", mall}, {"period", 202603}, {"version", v_mall}}}}}));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(ResultFor(again, mall)->at("reason").at("code"), "conflict");

  // 通过全部无预警的: the 发改 office approves the road, skips the flagged school.
  HttpResult all = fgw->Post(url, R"({"all_without_warnings":true,"period":202603})");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json.at("approved").as_int64(), 1) << all.body;
  EXPECT_EQ(all.json.at("skipped").as_int64(), 1) << all.body;
  EXPECT_EQ(ResultFor(all, road)->at("outcome"), "approved");
  EXPECT_EQ(ResultFor(all, school)->at("reason").at("code"), "has_warnings");
  EXPECT_EQ(Status(*fgw, school, 202603), "submitted");
  EXPECT_EQ(Status(*fgw, road, 202603), "approved");

  // One audit entry per approved report, by its reviewer.
  auto admin = As("admin");
  for (int64_t project : {mall, road}) {
    int64_t report_id = fgw->Get(ReportUrl(project, 202603)).json.at("report").at("id").as_int64();
    HttpResult audit = admin->Get("/api/v1/audit?entity=monthly_report&entity_id=" + Id(report_id));
    ASSERT_EQ(audit.status, 200) << audit.body;
    int approvals = 0;
    for (const auto& e : audit.json.at("items").as_array())
      approvals += e.at("action") == "approve";
    EXPECT_EQ(approvals, 1) << project;
  }
  // Roles: a company does not review.
  EXPECT_EQ(As("company_a")->Post(url, R"({"all_without_warnings":true})").status, 403);
  // Malformed bodies: 400 with a message, nothing approved.
  for (const char* bad :
       {"[]", "{", R"({})", R"({"items":[]})", R"({"items":[1]})",
        R"({"items":[{"project_id":"x","period":202603,"version":1}]})",
        R"({"items":[{"project_id":1,"period":202613,"version":1}]})",
        R"({"items":[{"project_id":1,"period":202603,"version":1}],"all_without_warnings":true})",
        R"({"all_without_warnings":true,"surprise":1})"}) {
    HttpResult r = fgw->Post(url, bad);
    EXPECT_EQ(r.status, 400) << bad << ": " << r.body;
    EXPECT_FALSE(r.json.at("error").at("message").as_string().empty()) << bad;
  }
  EXPECT_EQ(Status(*fgw, school, 202603), "submitted");
  (void)v_school;
}

TEST_P(ReportDeskApi, TheComparisonShowsPlanLastMonthCumulativeAndWarnings) {
  int64_t school = fx().project_school;
  server().clock().Set(At("2026-02-26"));
  ConfirmedPlan(school, "12000");  // 1000 a month
  Submit("company_a", school, 202602, {{"version", 0}, {"completed_investment", "800"}});
  server().clock().Set(At("2026-03-27"));
  // 3500 is above 3 × the plan's 1000 and 3 × last month's 800: two warnings, confirmed.
  Submit("company_a", school, 202603,
         {{"version", 0},
          {"completed_investment", "3500"},
          {"confirm_warnings", boost::json::array{"large_vs_plan", "large_vs_history"}}});
  auto edu = As("edu");
  HttpResult c = edu->Get(ReportUrl(school, 202603) + "/compare");
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json.at("plan_month"), "1000");
  EXPECT_EQ(c.json.at("plan_year"), "12000");
  EXPECT_EQ(c.json.at("last_period").as_int64(), 202602);
  EXPECT_EQ(c.json.at("last_month"), "800");
  // The figures are the project's figures endpoint's, the one definition.
  HttpResult figures = edu->Get("/api/v1/projects/" + Id(school) + "/figures?period=202603");
  ASSERT_EQ(figures.status, 200);
  EXPECT_EQ(c.json.at("figures"), figures.json);
  EXPECT_EQ(c.json.at("figures").at("year_to_date"), "4300");
  ASSERT_EQ(c.json.at("warnings").as_array().size(), 2u) << c.body;
  EXPECT_EQ(c.json.at("warnings").at(0).at("code"), "large_vs_plan");
  EXPECT_EQ(c.json.at("warnings").at(1).at("code"), "large_vs_history");
  EXPECT_FALSE(c.json.at("warnings").at(0).at("message").as_string().empty());
  EXPECT_FALSE(c.json.at("warnings").at(0).at("message_en").as_string().empty());
  EXPECT_EQ(c.json.at("confirmed_warnings").as_array().size(), 2u);
  EXPECT_EQ(As("company_b")->Get(ReportUrl(school, 202603) + "/compare").status, 404);
}

}  // namespace
}  // namespace keyline::testing
