// The engine's live facts follow every committed write through the real API, and a
// fresh load from the database agrees with the incrementally updated facts.
#include <chrono>
#include <thread>

#include "common/date.h"
#include "engine/evaluate.h"
#include "engine/facts_source.h"
#include "engine/indicator_catalogue.h"
#include "storage/engine/live_facts.h"
#include "storage/repos/sql_store.h"
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class EngineLive : public ApiTest {
 protected:
  std::string ReportUrl(int64_t project, int period) {
    return "/api/v1/projects/" + Id(project) + "/reports/" + std::to_string(period);
  }
  // The investment completion rate (shipped Fengxi indicator) of the school's unit, 2026-03.
  std::string SchoolUnitCompletion(engine::FactsSource& source) {
    auto view = source.Read();
    EXPECT_TRUE(view.ok());
    auto ind = server().app().indicators().Find("fengxi.investment_completion");
    EXPECT_TRUE(ind.ok());
    engine::EvalOptions o;
    o.period = 202603;
    o.grouping.by = engine::GroupBy::kUnit;
    auto values = engine::EvaluateIndicator(view->facts(), **ind, o);
    EXPECT_TRUE(values.ok());
    for (const auto& v : *values) {
      if (v.key == Id(fx().dept_edu)) return v.percent;
    }
    return "missing";
  }
  std::string FreshLoadCompletion() {
    storage::LiveFacts fresh(server().app().store().db(), server().clock());
    EXPECT_TRUE(fresh.Load().ok());
    return SchoolUnitCompletion(fresh);
  }
};
KL_INSTANTIATE_BACKENDS(EngineLive);

TEST_P(EngineLive, EveryCommittedWriteIsInTheNextRead) {
  engine::FactsSource& facts = server().app().facts();
  int64_t school = fx().project_school;
  uint64_t seq0 = 0;
  {
    auto view = facts.Read();
    ASSERT_TRUE(view.ok()) << view.status().message_en();
    const auto& f = view->facts();
    EXPECT_EQ(f.projects.size(), 3u);
    int32_t row = f.project_row.at(school);
    EXPECT_EQ(f.projects.unit[row], fx().dept_edu);
    EXPECT_EQ(f.projects.leader[row], fx().leader_person);  // the 包抓领导 of the fixture
    EXPECT_EQ(f.plans.size(), 0u);
    seq0 = view->sequence();
    EXPECT_GT(seq0, 0u);
  }
  EXPECT_EQ(SchoolUnitCompletion(facts), "");  // no plan: no rate

  // A confirmed plan of 12000万 is the baseline.
  auto fgw = As("fgw");
  std::string plan = "/api/v1/projects/" + Id(school) + "/plans/2026";
  ASSERT_EQ(
      fgw->Request("PUT", plan, R"({"planned_investment":"12000","split":"even","version":0})")
          .status,
      200);
  {
    auto view = facts.Read();
    EXPECT_EQ(view->facts().plans.size(), 0u);  // a draft is not a baseline yet
    EXPECT_GT(view->sequence(), seq0);
  }
  ASSERT_EQ(fgw->Post(plan + "/confirm", R"({"version":1})").status, 200);
  EXPECT_EQ(facts.Read()->facts().plans.size(), 1u);
  EXPECT_EQ(SchoolUnitCompletion(facts), "0.0");

  // Draft → submitted → returned → submitted → approved: only submitted and approved count.
  server().clock().Set(At("2026-03-27"));
  auto company = As("company_a");
  ASSERT_EQ(company
                ->Request("PUT", ReportUrl(school, 202603),
                          R"({"version":0,"completed_investment":"1200","progress_percent":10})")
                .status,
            200);
  EXPECT_EQ(SchoolUnitCompletion(facts), "0.0");
  ASSERT_EQ(company->Post(ReportUrl(school, 202603) + "/submit", R"({"version":1})").status, 200);
  EXPECT_EQ(SchoolUnitCompletion(facts), "10.0");  // 1200 ÷ 12000
  {
    auto view = facts.Read();
    int32_t r = view->facts().FindReport(school, 202603);
    ASSERT_GE(r, 0);
    EXPECT_EQ(view->facts().reports.submitted_on[r], 20260327);
    EXPECT_EQ(view->facts().reports.late[r], 0);
  }
  auto edu = As("edu");
  ASSERT_EQ(edu->Post(ReportUrl(school, 202603) + "/return", R"({"version":2,"comment":"缺照片"})")
                .status,
            200);
  EXPECT_EQ(SchoolUnitCompletion(facts), "0.0");
  EXPECT_EQ(FreshLoadCompletion(), "0.0");
  ASSERT_EQ(company->Post(ReportUrl(school, 202603) + "/submit", R"({"version":3})").status, 200);
  ASSERT_EQ(edu->Post(ReportUrl(school, 202603) + "/approve", R"({"version":4})").status, 200);
  EXPECT_EQ(SchoolUnitCompletion(facts), "10.0");
  EXPECT_EQ(FreshLoadCompletion(), "10.0");
  EXPECT_EQ(facts.Read()->facts().reports.size(), 1u);
  EXPECT_EQ(facts.Stats().full_loads, 1u);  // everything since start came incrementally
}

TEST_P(EngineLive, AnIdleNodeCatchesUpFromTheNotification) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "LISTEN/NOTIFY is PostgreSQL only";
  // A second node's engine on the same database, never read: only the listener can move it.
  storage::LiveFacts other(server().app().store().db(), server().clock());
  ASSERT_TRUE(other.Load().ok());
  ASSERT_TRUE(other.StartListener(server().app().config().db_url).ok());
  uint64_t before = other.applied_sequence();
  auto fgw = As("fgw");  // the login is a committed, audited write
  std::string plan = "/api/v1/projects/" + Id(fx().project_road) + "/plans/2026";
  ASSERT_EQ(fgw->Request("PUT", plan, R"({"planned_investment":"500","split":"even","version":0})")
                .status,
            200);
  uint64_t target = server().app().facts().Read()->sequence();
  ASSERT_GT(target, before);
  for (int i = 0; i < 100 && other.applied_sequence() < target; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(other.applied_sequence(), target);
  other.StopListener();
}

}  // namespace
}  // namespace keyline::testing
