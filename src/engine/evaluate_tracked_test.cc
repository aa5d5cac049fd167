// EvaluateIndicatorTracked: after random changes to the facts (what LiveFacts applies after
// committed writes), the incrementally updated values equal a from-scratch evaluation, for every
// shipped indicator, grouping, period and window.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "engine/evaluate.h"
#include "engine/indicator_sets.h"
#include "engine/test_fixture.h"

namespace keyline::engine {
namespace {

using testing::Even;
using testing::kWan;
using testing::MakeFacts;

std::vector<CompiledIndicator> Shipped() {
  std::vector<CompiledIndicator> out;
  for (auto set : {FengxiIndicators(), ShaanxiIndicators()}) {
    for (auto& def : set) {
      auto ind = CompileIndicator(def);
      EXPECT_TRUE(ind.ok());
      out.push_back(std::move(*ind));
    }
  }
  return out;
}

// 2026-06 by `by`, without drill-down (what the tracked evaluation takes).
EvalOptions June(GroupBy by) {
  EvalOptions o;
  o.period = 202606;
  o.grouping.by = by;
  o.drilldown = false;
  return o;
}

std::string Text(const std::optional<Rational>& r) {
  if (!r) return "null";
  auto s = [](Int128 v) {
    bool neg = v < 0;
    std::string t;
    do {
      int d = static_cast<int>(v % 10);
      t.insert(t.begin(), static_cast<char>('0' + (d < 0 ? -d : d)));
      v /= 10;
    } while (v != 0);
    return (neg ? "-" : "") + t;
  };
  return s(r->num) + "/" + s(r->den);
}

std::vector<std::string> Lines(const std::vector<IndicatorValue>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    out.push_back(v.key + ":" + Text(v.numerator) + "÷" + Text(v.denominator) + "=" + Text(v.rate) +
                  "|" + v.percent);
  }
  return out;
}

const Stage kStages[] = {Stage::kConceived,    Stage::kReserve,   Stage::kPreliminary,
                         Stage::kConstruction, Stage::kCompleted, Stage::kWithdrawn};
const ReportStatus kReportStatuses[] = {ReportStatus::kDraft, ReportStatus::kSubmitted,
                                        ReportStatus::kReturned, ReportStatus::kApproved};
const ProcedureStatus kProcedureStatuses[] = {ProcedureStatus::kNotStarted,
                                              ProcedureStatus::kInProgress, ProcedureStatus::kDone,
                                              ProcedureStatus::kNotNeeded};

struct Writer {
  Facts& f;
  std::mt19937& rng;
  std::map<int64_t, ProjectFact> projects;

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  int32_t Date2026() { return Pick(5) == 0 ? 0 : 20260000 + (1 + Pick(12)) * 100 + 1 + Pick(28); }
  int64_t AnyProject() {
    auto it = projects.begin();
    std::advance(it, Pick(static_cast<int>(projects.size())));
    return it->first;
  }
  ProjectFact NewProject(int64_t id) {
    ProjectFact p{id,
                  kStages[Pick(6)],
                  static_cast<ProjectLevel>(Pick(4)),
                  1 + Pick(3),
                  Pick(4) == 0 ? "" : "61010" + std::to_string(4 + Pick(3)) + "001",
                  Pick(2) ? "C3011" : "E4811",
                  (1 + Pick(5000)) * kWan,
                  Date2026(),
                  Date2026(),
                  Date2026(),
                  Date2026(),
                  StatsStatus::kNotApplicable,
                  0,
                  Pick(3) == 0 ? 0 : 7 + Pick(2)};
    projects[id] = p;
    return p;
  }
  // One random write.
  void Step() {
    int64_t id = AnyProject();
    switch (Pick(8)) {
      case 0: {  // the project's fields; its groups only sometimes
        ProjectFact old = projects[id];
        ProjectFact p = NewProject(id);
        if (Pick(4)) {
          p.level = old.level;
          p.unit = old.unit;
          p.region = old.region;
          p.industry = old.industry;
          p.leader = old.leader;
          projects[id] = p;
        }
        f.SetProject(p);
        break;
      }
      case 1: {  // reports
        std::vector<ReportFact> rows;
        for (int period : {202512, 202601, 202603, 202604, 202606, 202607, 202612}) {
          if (Pick(2)) {
            rows.push_back({id, period, Pick(3000) * kWan, kReportStatuses[Pick(4)], 0, false});
          }
        }
        ASSERT_TRUE(f.ReplaceReports(id, rows).ok());
        break;
      }
      case 2: {  // plans
        std::vector<PlanFact> rows;
        if (Pick(3)) {
          int64_t wan = 100 + Pick(5000);
          rows.push_back({id, 2026, wan * kWan, Even(wan), Date2026(), Date2026()});
        }
        if (Pick(3) == 0) rows.push_back({id, 2025, 700 * kWan, Even(700), 20250601, 0});
        ASSERT_TRUE(f.ReplacePlans(id, rows).ok());
        break;
      }
      case 3: {  // procedures
        std::vector<ProcedureFact> rows;
        for (int k = Pick(4); k > 0; --k) {
          rows.push_back({id, kProcedureStatuses[Pick(4)], Date2026(), Date2026()});
        }
        ASSERT_TRUE(f.ReplaceProcedures(id, rows).ok());
        break;
      }
      case 4: {  // problems
        std::vector<ProblemFact> rows;
        for (int k = Pick(3); k > 0; --k) {
          rows.push_back({id, Pick(2) ? ProblemStatus::kOpen : ProblemStatus::kClosed,
                          ProblemSeverity::kOrdinary, Date2026(), Date2026(), Date2026()});
        }
        ASSERT_TRUE(f.ReplaceProblems(id, rows).ok());
        break;
      }
      case 5: {  // a lead, sometimes of this project
        std::optional<int64_t> project;
        if (Pick(2)) project = id;
        ASSERT_TRUE(f.SetLead({1 + Pick(8), 1 + Pick(3), "C3011", LeadStage::kSigned, 100 * kWan,
                               Date2026(), Date2026(), project})
                        .ok());
        break;
      }
      case 6: {  // a new project (rarely)
        if (Pick(4) == 0) {
          int64_t nid = projects.rbegin()->first + 1;
          ASSERT_TRUE(f.AddProject(NewProject(nid)).ok());
        }
        break;
      }
      default: {  // several projects in one write
        for (int k = 0; k < 3; ++k) {
          std::vector<ReportFact> rows{
              {AnyProject(), 202606, Pick(900) * kWan, ReportStatus::kApproved, 0, false}};
          ASSERT_TRUE(f.ReplaceReports(rows[0].project_id, rows).ok());
        }
        break;
      }
    }
  }
};

TEST(EvaluateTracked, IncrementalEqualsFromScratchAfterRandomWrites) {
  const auto indicators = Shipped();
  const GroupBy kGroupings[] = {GroupBy::kArea,  GroupBy::kUnit,     GroupBy::kRegion,
                                GroupBy::kLevel, GroupBy::kIndustry, GroupBy::kLeader};
  int incremental = 0, evaluations = 0;
  for (unsigned seed : {1u, 2u, 3u}) {
    std::mt19937 rng(seed);
    Facts f = MakeFacts();
    Writer w{f, rng, {}};
    for (int64_t id : {101, 102, 103, 104, 105}) w.projects[id] = ProjectFact{id};
    for (int64_t id = 200; id < 240; ++id) ASSERT_TRUE(f.AddProject(w.NewProject(id)).ok());
    // (indicator, grouping, period, window) → the last state
    std::map<std::tuple<size_t, int, int, int>, std::shared_ptr<const TrackedIndicator>> states;
    for (int step = 0; step < 40; ++step) {
      for (int k = 0; k <= w.Pick(3); ++k) w.Step();
      for (size_t i = 0; i < indicators.size(); ++i) {
        for (GroupBy by : kGroupings) {
          for (int period : {202606, 202612}) {
            for (Window window : {Window::kYtd, Window::kQuarter}) {
              EvalOptions o;
              o.period = period;
              o.window = window;
              o.grouping.by = by;
              o.drilldown = false;
              auto key = std::make_tuple(i, static_cast<int>(by), period, static_cast<int>(window));
              auto tracked = EvaluateIndicatorTracked(f, indicators[i], o, states[key].get());
              ASSERT_TRUE(tracked.ok()) << tracked.status().message_en();
              auto scratch = EvaluateIndicator(f, indicators[i], o);
              ASSERT_TRUE(scratch.ok());
              ASSERT_EQ(Lines(tracked->values), Lines(*scratch))
                  << indicators[i].def.code << " seed " << seed << " step " << step;
              incremental += tracked->incremental;
              ++evaluations;
              states[key] = tracked->state;
            }
          }
        }
      }
    }
  }
  // Most evaluations after the first must have been incremental, or this tested nothing.
  EXPECT_GT(incremental, evaluations / 2);
}

TEST(EvaluateTracked, AnotherFactsObjectOrAGroupChangeIsEvaluatedAfresh) {
  Facts f = MakeFacts();
  auto ind = CompileIndicator(ShaanxiIndicators()[0]);
  ASSERT_TRUE(ind.ok());
  EvalOptions o = June(GroupBy::kUnit);
  auto first = EvaluateIndicatorTracked(f, *ind, o, nullptr);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->incremental);
  ASSERT_TRUE(f.ReplaceReports(101, {}).ok());
  auto second = EvaluateIndicatorTracked(f, *ind, o, first->state.get());
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->incremental);
  // A copy is another object: its changes are not in this journal.
  Facts copy = f;
  auto third = EvaluateIndicatorTracked(copy, *ind, o, second->state.get());
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(third->incremental);
  // P102 moves from unit 1 to unit 2: groups differ, so everything is evaluated again.
  ProjectFact p{102,
                Stage::kConstruction,
                ProjectLevel::kCity,
                2,
                "610104002",
                "E4811",
                800 * kWan,
                20260501,
                0,
                20260630,
                0,
                StatsStatus::kPending,
                0};
  f.SetProject(p);
  auto fourth = EvaluateIndicatorTracked(f, *ind, o, second->state.get());
  ASSERT_TRUE(fourth.ok());
  EXPECT_EQ(Lines(fourth->values), Lines(*EvaluateIndicator(f, *ind, o)));
  // Unit 1 keeps P101; unit 2 gains P102: the group keys are the same, the assignment is not.
  EXPECT_FALSE(fourth->incremental);
  // Drill-down and scope are not incremental.
  o.drilldown = true;
  EXPECT_FALSE(EvaluateIndicatorTracked(f, *ind, o, nullptr).ok());
}

TEST(EvaluateTracked, MoreChangesThanTheJournalKeepsAreEvaluatedAfresh) {
  Facts f = MakeFacts();
  auto ind = CompileIndicator(FengxiIndicators()[0]);
  ASSERT_TRUE(ind.ok());
  EvalOptions o = June(GroupBy::kArea);
  auto first = EvaluateIndicatorTracked(f, *ind, o, nullptr);
  ASSERT_TRUE(first.ok());
  for (size_t i = 0; i <= Facts::kJournal; ++i) {
    ASSERT_TRUE(f.ReplaceReports(101, {{101, 202606, static_cast<int64_t>(i) * kWan}}).ok());
  }
  auto second = EvaluateIndicatorTracked(f, *ind, o, first->state.get());
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->incremental);
  EXPECT_EQ(Lines(second->values), Lines(*EvaluateIndicator(f, *ind, o)));
}

TEST(EvaluateTracked, ManyIncrementalUpdatesFoldTheirOverridesExactly) {
  Facts f;
  for (int64_t id = 1; id <= 6000; ++id) {
    ASSERT_TRUE(f.AddProject({id, Stage::kConstruction, ProjectLevel::kCity, 1 + id % 3, "", "",
                              100 * kWan, 20260101, 0, 20260201, 0, StatsStatus::kNotApplicable, 0})
                    .ok());
    ASSERT_TRUE(f.AddPlan({id, 2026, 120 * kWan, Even(120), 20260101, 0}).ok());
    ASSERT_TRUE(f.AddReport({id, 202603, 10 * kWan}).ok());
  }
  auto ind = CompileIndicator(FengxiIndicators()[0]);
  ASSERT_TRUE(ind.ok());
  EvalOptions o = June(GroupBy::kUnit);
  auto state = EvaluateIndicatorTracked(f, *ind, o, nullptr)->state;
  // Three rounds of 1,800 projects each (5,400 > the 4,096 overrides kept before folding).
  for (int round = 0; round < 3; ++round) {
    for (int64_t id = 1 + round * 1800; id <= (round + 1) * 1800; ++id) {
      ASSERT_TRUE(f.ReplaceReports(id, {{id, 202604, (id % 7) * kWan}}).ok());
    }
    auto r = EvaluateIndicatorTracked(f, *ind, o, state.get());
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->incremental);
    EXPECT_EQ(Lines(r->values), Lines(*EvaluateIndicator(f, *ind, o))) << "round " << round;
    state = r->state;
  }
}

}  // namespace
}  // namespace keyline::engine
