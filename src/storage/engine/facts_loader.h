// Building engine::Facts from the database: the whole of it at start (LoadFacts), or one
// project / one lead again after a committed write touched it (ReadProjectBundle, ReadLead).
//
// What each fact is read from (see docs/architecture.md, part "engine"):
//   project   projects (unit = responsible_unit_id); leader = the 包抓领导 (project_assignments
//             role lead_leader) valid on `today`, the latest assignment when several are
//   plan      the current baseline: the highest confirmed version of annual_plans per year
//             (a draft that was never confirmed is not a plan yet)
//   report    monthly_reports, every status (the indicators filter on reports.status);
//             submitted_on = Beijing date of submitted_at
//   procedure project_procedures (due = planned_due, done = actual_done)
//   problem   problems (due = deadline, closed = Beijing date of closed_at)
//   fund      fund_lines with Σ fund_events.amount per stage
//   campaign  campaign_entries (三个一批 rounds)
//   lead      leads; signed = earliest contract signed_on; landed = when it first reached
//             注册 or 落地, only while it is at one of those stages
// Large tables are read in id order in pages of kPageRows rows, so memory stays bounded.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/result.h"
#include "engine/facts.h"
#include "storage/sql/database.h"

namespace keyline::storage {

inline constexpr int64_t kPageRows = 50000;

// Everything of one project (for LiveFacts). nullopt project = no such project.
struct ProjectBundle {
  std::optional<engine::ProjectFact> project;
  std::vector<engine::PlanFact> plans;
  std::vector<engine::ReportFact> reports;
  std::vector<engine::ProcedureFact> procedures;
  std::vector<engine::ProblemFact> problems;
  std::vector<engine::FundFact> funds;
  std::vector<int64_t> campaigns;
};

// today: yyyymmdd, for the validity of leader assignments.
Result<engine::Facts> LoadFacts(sql::Conn& conn, int32_t today);
Result<ProjectBundle> ReadProjectBundle(sql::Conn& conn, int64_t project_id, int32_t today);
// nullopt when the lead no longer exists.
Result<std::optional<engine::LeadFact>> ReadLead(sql::Conn& conn, int64_t lead_id);

// Applies a bundle (adds the project when new). A bundle without a project is ignored.
Status ApplyBundle(engine::Facts& facts, const ProjectBundle& bundle);

}  // namespace keyline::storage
