// The problem ledger over HTTP: 13710 deadlines across 国庆 2026, the escalation sweep with
// supervision orders, answering, closing (销号) and the role and input rules.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

// 2026-09-30 10:00 Beijing: the Wednesday before the 国庆 week.
constexpr int64_t kSep30 = 1790733600000;
constexpr int64_t kDay = 86400000;

class ProblemsApi : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (server_) server().clock().Set(kSep30);
  }
  // Raises an ordinary land problem for the school, assigned to 教育局 and 住建局.
  boost::json::value Raise(HttpClient& client, const std::string& severity = "ordinary") {
    HttpResult r = client.Post(
        "/api/v1/problems", Json({{"project_id", fx().project_school},
                                  {"title", "学校用地红线内有三户未拆迁"},
                                  {"category", "demolition"},
                                  {"severity", severity},
                                  {"source", "site_visit"},
                                  {"unit_ids", boost::json::array{fx().dept_edu, fx().dept_build}},
                                  {"leader_person_id", fx().leader_person}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json;
  }
  std::string Url(const boost::json::value& p) {
    return "/api/v1/problems/" + Id(p.at("id").as_int64());
  }
};
KL_INSTANTIATE_BACKENDS(ProblemsApi);

TEST_P(ProblemsApi, DeadlinesOf13710SkipTheNationalDayWeek) {
  auto fgw = As("fgw");
  boost::json::value p = Raise(*fgw);
  EXPECT_EQ(p.at("raised_on"), "2026-09-30");
  EXPECT_EQ(p.at("deploy_due"), "2026-10-08");    // 10-01..07 off
  EXPECT_EQ(p.at("feedback_due"), "2026-10-10");  // Saturday 10-10 is a 调休 working day
  EXPECT_EQ(p.at("settle_due"), "2026-10-15");
  EXPECT_EQ(p.at("status"), "open");
  EXPECT_EQ(p.at("level"), "unit");
  EXPECT_EQ(p.at("overdue"), false);
  boost::json::value major = Raise(*fgw, "major");
  EXPECT_EQ(major.at("settle_due"), "2026-10-30");

  // The office sets major problems to 10 working days.
  HttpResult t = fgw->Get("/api/v1/problem-templates");
  ASSERT_EQ(t.status, 200) << t.body;
  boost::json::object tpl = t.json.at("items").at(0).as_object();
  EXPECT_EQ(tpl.at("code"), "13710");
  tpl["major_days"] = 10;
  HttpResult put = fgw->Request("PUT", "/api/v1/problem-templates/13710", Json(tpl));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Raise(*fgw, "major").at("settle_due"), "2026-10-20");
  // Other roles may not change it.
  tpl["version"] = put.json.at("version");
  EXPECT_EQ(As("edu")->Request("PUT", "/api/v1/problem-templates/13710", Json(tpl)).status, 403);
}

TEST_P(ProblemsApi, OverdueProblemsEscalateWithSupervisionOrdersAndAreAnswered) {
  auto fgw = As("fgw");
  boost::json::value p = Raise(*fgw);
  std::string url = Url(p);
  auto edu = As("edu");
  EXPECT_EQ(edu->Post(url + "/deploy", "{}").status, 200);

  // On the due day nothing happens.
  server().clock().Set(kSep30 + 15 * kDay);  // 2026-10-15 (sessions expire: log in again)
  fgw = As("fgw");
  HttpResult sweep = fgw->Post("/api/v1/supervision/sweep", "");
  ASSERT_EQ(sweep.status, 200) << sweep.body;
  EXPECT_EQ(sweep.json.at("escalated").as_int64(), 0);

  // The next working day: to the leader in charge, one order per responsible unit.
  server().clock().Set(kSep30 + 16 * kDay);  // 2026-10-16
  fgw = As("fgw");
  edu = As("edu");
  sweep = fgw->Post("/api/v1/supervision/sweep", "");
  EXPECT_EQ(sweep.json.at("escalated").as_int64(), 1);
  EXPECT_EQ(sweep.json.at("orders").as_int64(), 2);
  EXPECT_EQ(fgw->Post("/api/v1/supervision/sweep", "").json.at("escalated").as_int64(), 0)
      << "idempotent";
  HttpResult got = fgw->Get(url);
  EXPECT_EQ(got.json.at("level"), "deputy_leader");
  EXPECT_EQ(got.json.at("overdue"), true);

  // 教育局 sees and answers its order, not 住建局's; the answer is due in 3 working days.
  HttpResult orders = edu->Get("/api/v1/supervision-orders?answered=false");
  ASSERT_EQ(orders.status, 200) << orders.body;
  const auto& items = orders.json.at("items").as_array();
  boost::json::value mine, theirs;
  for (const auto& o : items) {
    (o.at("unit_id").as_int64() == fx().dept_edu ? mine : theirs) = o;
  }
  ASSERT_TRUE(mine.is_object());
  EXPECT_EQ(mine.at("answer_due"), "2026-10-21");
  EXPECT_EQ(mine.at("level"), "deputy_leader");
  std::string answer = "/api/v1/supervision-orders/" + Id(mine.at("id").as_int64()) + "/answer";
  std::string theirs_answer =
      "/api/v1/supervision-orders/" + Id(theirs.at("id").as_int64()) + "/answer";
  EXPECT_EQ(edu->Post(theirs_answer, Json({{"answer", "越权答复"}})).status, 403);
  HttpResult ok = edu->Post(
      answer, Json({{"answer", "10月底前完成三户协议签订"}, {"rectify_by", "2026-10-30"}}));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(edu->Post(answer, Json({{"answer", "again"}})).status, 409);

  // Five working days later: to the principal leader.
  server().clock().Set(kSep30 + 23 * kDay);  // 2026-10-23
  fgw = As("fgw");
  edu = As("edu");
  sweep = fgw->Post("/api/v1/supervision/sweep", "");
  EXPECT_EQ(sweep.json.at("escalated").as_int64(), 1);
  EXPECT_EQ(fgw->Get(url).json.at("level"), "principal_leader");

  // Every step is on the timeline and in the audit log.
  HttpResult events = fgw->Get(url + "/events");
  std::vector<std::string> kinds;
  for (const auto& e : events.json.at("items").as_array()) {
    kinds.push_back(std::string(e.at("kind").as_string()));
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"raised", "deployed", "escalated", "order_issued",
                                             "order_issued", "order_answered", "escalated",
                                             "order_issued", "order_issued"}));
  auto admin = As("admin");
  HttpResult audit = admin->Get("/api/v1/audit?entity=supervision_order");
  EXPECT_EQ(audit.json.at("total").as_int64(), 5);  // 4 issued + 1 answered
  EXPECT_EQ(admin->Get("/api/v1/audit/verify").json.at("ok"), true);
  // Others may not run the sweep.
  EXPECT_EQ(edu->Post("/api/v1/supervision/sweep", "").status, 403);
}

TEST_P(ProblemsApi, SolvingAndClosingNeedTheRightPeople) {
  auto company = As("company_a");
  boost::json::value p = Raise(*company);  // the owner raises it for its own project
  std::string url = Url(p);
  auto build = As("build");
  auto edu = As("edu");
  auto leader = As("leader");
  // Closing an open problem is a state error; solving needs a responsible unit.
  EXPECT_EQ(company->Post(url + "/close", Json({{"text", "好"}})).status, 409);
  EXPECT_EQ(company->Post(url + "/solve", Json({{"text", "自己解决"}})).status, 403);
  EXPECT_EQ(leader->Post(url + "/solve", Json({{"text", "x"}})).status, 403);
  HttpResult fb = build->Post(url + "/feedback", Json({{"text", "已约谈三户"}}));
  ASSERT_EQ(fb.status, 200) << fb.body;
  EXPECT_EQ(fb.json.at("status"), "feedback");
  // A plan with a date moves the deadline.
  HttpResult plan =
      edu->Post(url + "/plan", Json({{"text", "纳入征收计划"}, {"plan_date", "2026-12-31"}}));
  ASSERT_EQ(plan.status, 200) << plan.body;
  EXPECT_EQ(plan.json.at("deadline"), "2026-12-31");
  EXPECT_EQ(edu->Post(url + "/plan", Json({{"text", "x"}, {"plan_date", "2026-09-01"}})).status,
            400);
  HttpResult solved = edu->Post(url + "/solve", Json({{"text", "三户均已签约腾退"}}));
  ASSERT_EQ(solved.status, 200) << solved.body;
  EXPECT_EQ(solved.json.at("status"), "solved");
  // The leader sends it back once, then the raiser closes it with an evaluation.
  EXPECT_EQ(leader->Post(url + "/reopen", Json({{"text", "附件不全"}})).json.at("status"),
            "feedback");
  ASSERT_EQ(edu->Post(url + "/solve", Json({{"text", "补齐协议"}})).status, 200);
  EXPECT_EQ(company->Post(url + "/close", Json({{"text", ""}})).status, 400) << "evaluation";
  EXPECT_EQ(build->Post(url + "/close", Json({{"text", "满意"}})).status, 403);
  HttpResult closed =
      company->Post(url + "/close", Json({{"text", "办理及时，满意"}, {"rating", 5}}));
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json.at("status"), "closed");
  EXPECT_EQ(closed.json.at("rating").as_int64(), 5);

  // Counts per unit: solved on time by 教育局 and 住建局.
  HttpResult stats = As("fgw")->Get("/api/v1/problem-stats?group=unit");
  ASSERT_EQ(stats.status, 200) << stats.body;
  ASSERT_EQ(stats.json.at("items").as_array().size(), 2u);
  const auto& row = stats.json.at("items").at(0);
  EXPECT_EQ(row.at("solved").as_int64(), 1);
  EXPECT_EQ(row.at("on_time_share").to_number<double>(), 1.0);
}

TEST_P(ProblemsApi, ScopeAndBadInputWriteNothing) {
  const Fixture& f = fx();
  auto fgw = As("fgw");
  boost::json::value p = Raise(*fgw);
  auto company_b = As("company_b");
  EXPECT_EQ(company_b->Get(Url(p)).status, 404);
  EXPECT_EQ(company_b->Get("/api/v1/problems").json.at("total").as_int64(), 0);
  EXPECT_EQ(As("build")->Get(Url(p)).status, 200) << "assigned to 住建局";
  // company_b may not raise for company_a's project; leaders raise nothing.
  std::string body = Json({{"project_id", f.project_school},
                           {"title", "x"},
                           {"category", "land"},
                           {"unit_ids", boost::json::array{f.dept_edu}}});
  EXPECT_EQ(company_b->Post("/api/v1/problems", body).status, 404);
  EXPECT_EQ(As("leader")->Post("/api/v1/problems", body).status, 403);
  struct Bad {
    std::string body;
    int status;
  };
  const Bad bad[] = {
      {"{", 400},
      {"[]", 400},
      {Json({{"project_id", f.project_school},
             {"title", "x"},
             {"category", "weather"},
             {"unit_ids", boost::json::array{f.dept_edu}}}),
       400},
      {Json({{"project_id", f.project_school},
             {"title", "x"},
             {"category", "land"},
             {"unit_ids", boost::json::array{}}}),
       400},
      {Json({{"project_id", f.project_school},
             {"title", "x"},
             {"category", "land"},
             {"unit_ids", boost::json::array{f.company_a}}}),
       400},
      {Json({{"project_id", f.project_school},
             {"title", "x"},
             {"category", "land"},
             {"unit_ids", boost::json::array{f.dept_edu, f.dept_edu}}}),
       400},
      {Json({{"project_id", f.project_school},
             {"title", std::string(5000, 'x')},
             {"category", "land"},
             {"unit_ids", boost::json::array{f.dept_edu}}}),
       400},
      {Json({{"project_id", f.project_school},
             {"title", "x"},
             {"category", "land"},
             {"unit_ids", boost::json::array{f.dept_edu}},
             {"owner", "me"}}),
       400},
      {Json({{"project_id", f.project_school},
             {"title", "x"},
             {"category", "land"},
             {"unit_ids", boost::json::array{f.dept_edu}},
             {"template_code", "9999"}}),
       400},
      {Json({{"project_id", 99999},
             {"title", "x"},
             {"category", "land"},
             {"unit_ids", boost::json::array{f.dept_edu}}}),
       404},
  };
  for (const Bad& b : bad) {
    HttpResult r = fgw->Post("/api/v1/problems", b.body);
    EXPECT_EQ(r.status, b.status) << b.body << " -> " << r.body;
    EXPECT_FALSE(r.json.at("error").at("message_zh").as_string().empty());
    EXPECT_FALSE(r.json.at("error").at("message_en").as_string().empty());
  }
  EXPECT_EQ(fgw->Get("/api/v1/problems").json.at("total").as_int64(), 1) << "nothing written";
  EXPECT_EQ(fgw->Get("/api/v1/problems?status=nonsense").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/problems?project=-1").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/problems?sql=1").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/problems/abc").status, 404);
}

}  // namespace
}  // namespace keyline::testing
