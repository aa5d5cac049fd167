// Shared set-up for the HTTP tests of the indicator engine's lights, rankings and their
// exports: the school's confirmed plan, its February report and a monthly ranking scheme.
#pragma once

#include <string>

#include "tests/api_test.h"

namespace keyline::testing {

class EngineApiTest : public ApiTest {
 protected:
  // The school: a confirmed 2026 plan of `planned_wan` 万元, split evenly over the months.
  void PlanSchool(const char* planned_wan) {
    auto fgw = As("fgw");
    std::string url = "/api/v1/projects/" + Id(fx().project_school) + "/plans/2026";
    boost::json::object body{
        {"planned_investment", planned_wan}, {"split", "even"}, {"version", 0}};
    HttpResult saved = fgw->Request("PUT", url, Json(body));
    ASSERT_EQ(saved.status, 200) << saved.body;
    ASSERT_EQ(fgw->Post(url + "/confirm", R"({"version":1})").status, 200);
  }
  // The school's February report: 200万, submitted at the clock's "now".
  void SubmitSchoolFebruary(HttpClient& company_a) {
    std::string rep = "/api/v1/projects/" + Id(fx().project_school) + "/reports/202602";
    HttpResult draft = company_a.Request("PUT", rep,
                                         Json({{"version", 0},
                                               {"completed_investment", "200"},
                                               {"progress_text", "主体施工"},
                                               {"progress_percent", 10},
                                               {"workers", 50}}));
    ASSERT_EQ(draft.status, 200) << draft.body;
    HttpResult submitted = company_a.Post(rep + "/submit", R"({"version":1})");
    ASSERT_EQ(submitted.status, 200) << submitted.body;
  }
  // A monthly scheme ranking 教育局 and 住建局: investment completion 60 (named 投资完成率),
  // timeliness 40; red list top 1 and black list bottom 1, neither needing a target.
  boost::json::object MonthlyScheme() {
    return boost::json::object{
        {"code", "monthly"},
        {"name_zh", "月度排名"},
        {"period_kind", "month"},
        {"groups", boost::json::array{boost::json::object{
                       {"code", "depts"},
                       {"name_zh", "部门"},
                       {"unit_ids", boost::json::array{fx().dept_edu, fx().dept_build}}}}},
        {"components",
         boost::json::array{
             boost::json::object{{"indicator", "fengxi.investment_completion"},
                                 {"weight", 60},
                                 {"name_zh", "投资完成率"}},
             boost::json::object{{"indicator", "builtin.reporting_timeliness"}, {"weight", 40}}}},
        {"red_list", boost::json::object{{"top_n", 1}, {"require_target", false}}},
        {"black_list", boost::json::object{{"bottom_n", 1}, {"missed_target", false}}}};
  }
};

}  // namespace keyline::testing
