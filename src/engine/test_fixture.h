// A small hand-made fact set for the engine tests (period of interest: 2026-06). The expected
// numbers in the tests are worked out by hand from this table; see the comments there.
//
// id  unit region    industry level stage    total   2026 plan, start/done  started  stats
// 101 1    610104001 C3011    prov. constr.  20000万 6000万 03-10/11-30    03-15    included 04-20
// 102 1    610104002 E4811    city  constr.    800万 1200万 05-01          06-30    pending
// 103 2    610111001 C3011    dist. prelim.   3000万  900万 06-15          -        -
// 104 2    610111001 P8331    dist. compl.     400万  300万 09-01/06-30    05-20    n/a
// 105 -    -         -        none  withdr.   1000万  -                    -        -
// P4 was completed on 06-25.
// Monthly breakdowns are even (P1 500万/month ...). Reports (万元): P1 2025-12 999, 2026-03 1000,
// 04 1500, 05 1200, 06 800, 07 700 (after the period); P2 06 300; P4 05 50, 06 100.
#pragma once

#include <gtest/gtest.h>

#include "engine/facts.h"

namespace keyline::engine::testing {

inline constexpr int64_t kWan = 1'000'000;  // cents in 1 万元

inline std::array<int64_t, 12> Even(int64_t total_wan) {
  std::array<int64_t, 12> m{};
  for (auto& x : m) x = total_wan * kWan / 12;
  return m;
}

inline Facts MakeFacts() {
  Facts f;
  auto add = [&](ProjectFact p) { EXPECT_TRUE(f.AddProject(p).ok()); };
  add({101, Stage::kConstruction, ProjectLevel::kProvincial, 1, "610104001", "C3011", 20000 * kWan,
       20260310, 20261130, 20260315, 0, StatsStatus::kIncluded, 20260420});
  add({102, Stage::kConstruction, ProjectLevel::kCity, 1, "610104002", "E4811", 800 * kWan,
       20260501, 0, 20260630, 0, StatsStatus::kPending, 0});
  add({103, Stage::kPreliminary, ProjectLevel::kDistrict, 2, "610111001", "C3011", 3000 * kWan,
       20260615, 0, 0, 0, StatsStatus::kNotApplicable, 0});
  add({104, Stage::kCompleted, ProjectLevel::kDistrict, 2, "610111001", "P8331", 400 * kWan,
       20260901, 20260630, 20260520, 20260625, StatsStatus::kNotApplicable, 0});
  add({105, Stage::kWithdrawn, ProjectLevel::kNone, 0, "", "", 1000 * kWan, 20260201, 0, 0, 0,
       StatsStatus::kNotApplicable, 0});

  auto plan = [&](int64_t id, int year, int64_t wan, int32_t start, int32_t done) {
    EXPECT_TRUE(f.AddPlan({id, year, wan * kWan, Even(wan), start, done}).ok());
  };
  plan(101, 2026, 6000, 20260310, 20261130);
  plan(101, 2025, 5000, 20250601, 0);  // another year: never counted for 2026
  plan(102, 2026, 1200, 20260501, 0);
  plan(103, 2026, 900, 20260615, 0);
  plan(104, 2026, 300, 20260901, 20260630);

  auto report = [&](int64_t id, int period, int64_t wan) {
    EXPECT_TRUE(f.AddReport({id, period, wan * kWan}).ok());
  };
  report(101, 202512, 999);
  report(101, 202603, 1000);
  report(101, 202604, 1500);
  report(101, 202605, 1200);
  report(101, 202606, 800);
  report(101, 202607, 700);
  report(102, 202606, 300);
  report(104, 202605, 50);
  report(104, 202606, 100);

  auto proc = [&](int64_t id, ProcedureStatus s, int32_t due, int32_t done) {
    EXPECT_TRUE(f.AddProcedure({id, s, due, done}).ok());
  };
  proc(101, ProcedureStatus::kDone, 20260201, 20260120);
  proc(101, ProcedureStatus::kDone, 20260301, 20260305);
  proc(101, ProcedureStatus::kNotNeeded, 0, 0);
  proc(102, ProcedureStatus::kInProgress, 20260610, 0);
  proc(102, ProcedureStatus::kDone, 20260715, 20260601);
  proc(103, ProcedureStatus::kNotStarted, 20260801, 0);
  proc(105, ProcedureStatus::kDone, 20260110, 20260105);

  EXPECT_TRUE(
      f.AddProblem({101, ProblemStatus::kOpen, ProblemSeverity::kMajor, 20260501, 20260601, 0})
          .ok());
  EXPECT_TRUE(f.AddProblem({103, ProblemStatus::kClosed, ProblemSeverity::kOrdinary, 20260401,
                            20260410, 20260409})
                  .ok());

  auto lead = [&](int64_t id, int64_t unit, LeadStage s, int32_t signed_on, int32_t landed,
                  std::optional<int64_t> project) {
    EXPECT_TRUE(f.AddLead({id, unit, "C3011", s, 1000 * kWan, signed_on, landed, project}).ok());
  };
  lead(1, 1, LeadStage::kLanded, 20260201, 20260401, 101);
  lead(2, 1, LeadStage::kSigned, 20260301, 0, std::nullopt);
  lead(3, 2, LeadStage::kSigned, 20260701, 0, std::nullopt);  // signed after the period
  lead(4, 2, LeadStage::kRegistered, 20260115, 20260620, std::nullopt);
  lead(5, 2, LeadStage::kNegotiating, 0, 0, std::nullopt);
  return f;
}

}  // namespace keyline::engine::testing
