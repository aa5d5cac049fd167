// The engine's figures, "results are always consistent with the database": random writes through
// the real API (plans, reports submitted / returned / approved, procedures, problems, funds), then
// a fresh load from scratch; every shipped indicator must agree with the incrementally updated
// facts for several groupings and periods, drill-down included. SQLite and PostgreSQL.
#include <map>
#include <random>

#include "common/date.h"
#include "engine/evaluate.h"
#include "engine/facts_source.h"
#include "engine/indicator_catalogue.h"
#include "storage/engine/live_facts.h"
#include "storage/repos/sql_store.h"
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

// Every indicator × grouping × period as text (values and drill-down ids).
std::string Dump(engine::FactsSource& source, engine::IndicatorCatalogue& catalogue) {
  auto view = source.Read();
  EXPECT_TRUE(view.ok());
  auto all = catalogue.List();
  EXPECT_TRUE(all.ok());
  std::string out;
  for (const auto& ind : *all) {
    for (auto by : {engine::GroupBy::kArea, engine::GroupBy::kUnit, engine::GroupBy::kLeader,
                    engine::GroupBy::kLevel, engine::GroupBy::kRegion}) {
      for (int period : {202601, 202603, 202605, 202606}) {
        engine::EvalOptions o;
        o.period = period;
        o.grouping.by = by;
        auto values = engine::EvaluateIndicator(view->facts(), *ind, o);
        EXPECT_TRUE(values.ok());
        for (const auto& v : *values) {
          out += ind->def.code + " " + std::to_string(period) + " " + v.key + " " + v.percent;
          out += " n=" + (v.numerator ? engine::FormatFixed(*v.numerator, 6) : "-");
          out += " d=" + (v.denominator ? engine::FormatFixed(*v.denominator, 6) : "-") + " [";
          for (int64_t id : v.numerator_projects) out += std::to_string(id) + ",";
          out += "|";
          for (int64_t id : v.denominator_projects) out += std::to_string(id) + ",";
          out += "]\n";
        }
      }
    }
  }
  return out;
}

class EngineConsistency : public ApiTest {
 protected:
  std::string P(int64_t id) { return "/api/v1/projects/" + Id(id); }
};
KL_INSTANTIATE_BACKENDS(EngineConsistency);

TEST_P(EngineConsistency, RandomWritesThenAFreshLoadAgree) {
  std::mt19937 rng(20261126);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::vector<int64_t> projects{fx().project_school, fx().project_road, fx().project_mall};
  // One clock for the whole test (sessions stay valid); the reporting windows of January to
  // June are opened until 2099 so that every month takes reports.
  server().clock().Set(At("2026-06-28"));
  auto fgw = As("fgw");
  auto edu = As("edu");
  auto build = As("build");
  auto company_a = As("company_a");
  auto company_b = As("company_b");
  for (int m = 1; m <= 6; ++m) {
    std::string period = "20260" + std::to_string(m);
    ASSERT_EQ(fgw->Request("PUT", "/api/v1/reporting/calendar/" + period,
                           "{\"opens_on\":\"2026-0" + std::to_string(m) +
                               "-01\",\"due_on\":\"2099-12-30\",\"locks_after\":\"2099-12-31\"}")
                  .status,
              200);
  }
  // The five rates as the API serves them (GET /rates): read every 10 steps, so after each
  // burst of writes they are updated for the changed projects only (EvaluateIndicatorTracked).
  const std::vector<std::string> kRateQueries = {
      "set=fengxi&period=202606&group_by=unit", "set=shaanxi&period=202606&group_by=unit",
      "set=fengxi&period=202603&group_by=level", "set=shaanxi&period=202605&group_by=area",
      "set=fengxi&period=202606&group_by=region&window=quarter"};
  std::map<std::string, boost::json::value> served;
  auto read_rates = [&] {
    for (const auto& query : kRateQueries) {
      HttpResult r = fgw->Get("/api/v1/rates?" + query);
      ASSERT_EQ(r.status, 200) << r.body;
      served[query] = r.json;
    }
  };
  read_rates();
  auto owner = [&](int64_t p) {
    return p == fx().project_school ? company_a.get() : company_b.get();
  };
  auto reviewer = [&](int64_t p) { return p == fx().project_school ? edu.get() : build.get(); };
  engine::FactsSource& live = server().app().facts();
  ASSERT_TRUE(live.Read().ok());  // loaded before the writes: everything after is incremental

  int ok_writes = 0;
  for (int step = 0; step < 60; ++step) {
    int64_t p = projects[pick(3)];
    int op = pick(6);
    int month = 1 + pick(6);
    switch (op) {
      case 0: {  // plan: create and confirm, or re-baseline
        std::string url = P(p) + "/plans/2026";
        HttpResult cur = fgw->Get(url);
        std::string amount = std::to_string(1000 + pick(9000));
        if (cur.status != 200 || cur.json.at("current").is_null()) {
          if (fgw->Request(
                     "PUT", url,
                     "{\"planned_investment\":\"" + amount + "\",\"split\":\"even\",\"version\":0}")
                      .status == 200 &&
              fgw->Post(url + "/confirm", R"({"version":1})").status == 200) {
            ++ok_writes;
          }
        } else {
          int64_t v = cur.json.at("current").at("version").as_int64();
          if (fgw->Request("PUT", url,
                           "{\"planned_investment\":\"" + amount +
                               "\",\"split\":\"s_curve\",\"reason\":\"调整\",\"version\":" +
                               std::to_string(v) + "}")
                  .status == 200) {
            ++ok_writes;
          }
        }
        break;
      }
      case 1:
      case 2: {  // a monthly report moves one step: draft → submitted → approved / returned
        std::string url = P(p) + "/reports/2026" + (month < 10 ? "0" : "") + std::to_string(month);
        HttpResult cur = owner(p)->Get(url);
        std::string status = "none";
        int64_t version = 0;
        if (cur.status == 200 && !cur.json.at("report").is_null()) {
          status = std::string(cur.json.at("report").at("status").as_string());
          version = cur.json.at("report").at("version").as_int64();
        }
        std::string v = "{\"version\":" + std::to_string(version);
        int code = 0;
        if (status == "none" || status == "draft" || status == "returned") {
          code =
              owner(p)
                  ->Request("PUT", url,
                            v + ",\"completed_investment\":\"" + std::to_string(pick(500)) + "\"}")
                  .status;
          if (code == 200 && pick(2)) {
            code = owner(p)
                       ->Post(url + "/submit", "{\"version\":" + std::to_string(version + 1) + "}")
                       .status;
          }
        } else if (status == "submitted") {
          code = pick(2) ? reviewer(p)->Post(url + "/approve", v + "}").status
                         : reviewer(p)->Post(url + "/return", v + ",\"comment\":\"补充\"}").status;
        }
        if (code == 200) ++ok_writes;
        break;
      }
      case 3: {  // procedures: apply the template once, then mark one done
        HttpResult list = fgw->Get(P(p) + "/procedures");
        if (list.status == 200 && list.json.at("items").as_array().empty()) {
          if (fgw->Post(P(p) + "/procedures/apply", R"({"start":"2026-01-05"})").status == 201) {
            ++ok_writes;
          }
        } else if (list.status == 200) {
          const auto& items = list.json.at("items").as_array();
          const auto& item = items[pick(static_cast<int>(items.size()))];
          if (fgw->Patch(P(p) + "/procedures/" + Id(item.at("id").as_int64()),
                         Json({{"version", item.at("version")},
                               {"status", "done"},
                               {"actual_done", "2026-0" + std::to_string(1 + pick(3)) + "-10"}}))
                  .status == 200) {
            ++ok_writes;
          }
        }
        break;
      }
      case 4: {  // a problem is raised
        if (fgw->Post("/api/v1/problems", Json({{"project_id", p},
                                                {"title", "用地问题"},
                                                {"category", "land"},
                                                {"unit_ids", boost::json::array{fx().dept_build}}}))
                .status == 201) {
          ++ok_writes;
        }
        break;
      }
      case 5: {  // funds: a line, then an application
        HttpResult line =
            fgw->Post(P(p) + "/funds", Json({{"source", "special_bond"}, {"year", 2026}}));
        if (line.status == 201) {
          ++ok_writes;
          if (fgw->Post("/api/v1/fund-lines/" + Id(line.json.at("id").as_int64()) + "/events",
                        Json({{"stage", "applied"},
                              {"amount", std::to_string(10 + pick(90))},
                              {"date", "2026-02-01"},
                              {"version", line.json.at("version")}}))
                  .status == 201) {
            ++ok_writes;
          }
        }
        break;
      }
    }
    if (step % 10 == 9) {
      // Interleaved reads: the live facts catch up step by step, not only at the end.
      ASSERT_TRUE(live.Read().ok());
      read_rates();
    }
  }
  EXPECT_GE(ok_writes, 25) << "the random writes mostly went through";

  storage::LiveFacts fresh(server().app().store().db(), server().clock());
  ASSERT_TRUE(fresh.Load().ok());
  std::string incremental = Dump(live, server().app().indicators());
  std::string scratch = Dump(fresh, server().app().indicators());
  EXPECT_EQ(incremental, scratch);
  EXPECT_GT(scratch.size(), 1000u);
  auto a = live.Read();
  auto b = fresh.Read();
  EXPECT_EQ(a->sequence(), b->sequence());
  EXPECT_EQ(a->facts().reports.size(), b->facts().reports.size());
  EXPECT_EQ(a->facts().procedures.size(), b->facts().procedures.size());
  EXPECT_EQ(a->facts().problems.size(), b->facts().problems.size());
  EXPECT_EQ(a->facts().funds.size(), b->facts().funds.size());
  EXPECT_GT(a->facts().reports.size(), 0u);
  EXPECT_EQ(live.Stats().full_loads, 1u);
  // The rates served after the writes equal a from-scratch evaluation over the fresh load.
  auto catalogue = server().app().indicators().List();
  ASSERT_TRUE(catalogue.ok());
  auto fresh_view = fresh.Read();
  ASSERT_TRUE(fresh_view.ok());
  int compared = 0;
  for (const auto& query : kRateQueries) {
    const auto& json = served.at(query);
    std::string set(json.at("set").as_string());
    std::string group_by(json.at("group_by").as_string());
    engine::EvalOptions o;
    o.period = static_cast<int>(json.at("period").as_int64());
    o.window = query.find("quarter") != std::string::npos ? engine::Window::kQuarter
                                                          : engine::Window::kYtd;
    o.grouping.by = group_by == "unit"     ? engine::GroupBy::kUnit
                    : group_by == "level"  ? engine::GroupBy::kLevel
                    : group_by == "region" ? engine::GroupBy::kRegion
                                           : engine::GroupBy::kArea;
    o.drilldown = false;
    for (const auto& ind : *catalogue) {
      if (ind->def.set != set) continue;
      auto values = engine::EvaluateIndicator(fresh_view->facts(), *ind, o);
      ASSERT_TRUE(values.ok());
      for (const auto& v : *values) {
        const boost::json::value* got = nullptr;
        for (const auto& row : json.at("rows").as_array()) {
          if (row.at("key").as_string() == v.key) got = &row.at("values").at(ind->def.code);
        }
        ASSERT_NE(got, nullptr) << query << " " << ind->def.code << " " << v.key;
        EXPECT_EQ(got->at("percent").as_string(), v.percent) << query << " " << ind->def.code;
        EXPECT_EQ(got->at("rate").is_null() ? "-" : std::string(got->at("rate").as_string()),
                  v.rate ? engine::FormatFixed(*v.rate, 6) : "-")
            << query << " " << ind->def.code << " " << v.key;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 20);
}

}  // namespace
}  // namespace keyline::testing
