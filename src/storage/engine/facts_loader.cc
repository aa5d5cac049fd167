#include "storage/engine/facts_loader.h"

#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "common/date.h"
#include "common/enum_table.h"
#include "core/model/attraction.h"
#include "core/model/funds.h"
#include "core/model/project.h"
#include "core/model/reporting.h"
#include "core/model/supervision.h"

namespace keyline::storage {
namespace {

using engine::DateKey;

// Each query has a whole-table form (paged by id where the table is large) and a one-project
// form; both are constants built once.
#define KL_PROJECT_COLS                                                                    \
  "SELECT id, stage, level, responsible_unit_id, region_code, industry_code, "             \
  "total_investment, planned_start, planned_completion, actual_start, actual_completion, " \
  "stats_status, stats_date FROM projects"
constexpr const char* kProjectsPage = KL_PROJECT_COLS " WHERE id > $1 ORDER BY id LIMIT $2";
constexpr const char* kProjectOne = KL_PROJECT_COLS " WHERE id = $1";

#define KL_LEADER_COLS                                                                        \
  "SELECT project_id, person_id, valid_from, valid_to FROM project_assignments WHERE role = " \
  "'lead_leader' AND person_id IS NOT NULL"
constexpr const char* kLeadersAll = KL_LEADER_COLS " ORDER BY id";
constexpr const char* kLeadersOne = KL_LEADER_COLS " AND project_id = $1 ORDER BY id";

#define KL_PLAN_COLS                                                                          \
  "SELECT project_id, year, version, planned_investment, planned_start, planned_completion, " \
  "monthly FROM annual_plans WHERE status = 'confirmed'"
constexpr const char* kPlansAll = KL_PLAN_COLS " ORDER BY project_id, year, version";
constexpr const char* kPlansOne = KL_PLAN_COLS " AND project_id = $1 ORDER BY year, version";

#define KL_REPORT_COLS                                                                    \
  "SELECT id, project_id, period, completed_investment, status, submitted_at, late FROM " \
  "monthly_reports"
constexpr const char* kReportsPage = KL_REPORT_COLS " WHERE id > $1 ORDER BY id LIMIT $2";
constexpr const char* kReportsOne = KL_REPORT_COLS " WHERE project_id = $1";

#define KL_PROCEDURE_COLS \
  "SELECT id, project_id, status, planned_due, actual_done FROM project_procedures"
constexpr const char* kProceduresPage = KL_PROCEDURE_COLS " WHERE id > $1 ORDER BY id LIMIT $2";
constexpr const char* kProceduresOne = KL_PROCEDURE_COLS " WHERE project_id = $1";

#define KL_PROBLEM_COLS \
  "SELECT id, project_id, status, severity, raised_on, deadline, closed_at FROM problems"
constexpr const char* kProblemsPage = KL_PROBLEM_COLS " WHERE id > $1 ORDER BY id LIMIT $2";
constexpr const char* kProblemsOne = KL_PROBLEM_COLS " WHERE project_id = $1";

#define KL_FUND_COLS                                                                       \
  "SELECT l.id, l.project_id, l.source, l.year, e.stage, SUM(e.amount) FROM fund_lines l " \
  "LEFT JOIN fund_events e ON e.line_id = l.id"
#define KL_FUND_GROUP " GROUP BY l.id, l.project_id, l.source, l.year, e.stage ORDER BY l.id"
constexpr const char* kFundsAll = KL_FUND_COLS KL_FUND_GROUP;
constexpr const char* kFundsOne = KL_FUND_COLS " WHERE l.project_id = $1" KL_FUND_GROUP;

constexpr const char* kCampaignsAll = "SELECT project_id, round_id FROM campaign_entries";
constexpr const char* kCampaignsOne =
    "SELECT project_id, round_id FROM campaign_entries WHERE project_id = $1";

#define KL_LEAD_COLS                                                                       \
  "SELECT l.id, l.responsible_unit_id, l.industry_code, l.stage, l.intended_investment, "  \
  "l.project_id, (SELECT MIN(c.signed_on) FROM lead_contracts c WHERE c.lead_id = l.id), " \
  "(SELECT MIN(s.at) FROM lead_stage_changes s WHERE s.lead_id = l.id AND s.to_stage IN "  \
  "('registered', 'landed')), l.updated_at FROM leads l"
constexpr const char* kLeadsAll = KL_LEAD_COLS " ORDER BY l.id";
constexpr const char* kLeadsOne = KL_LEAD_COLS " WHERE l.id = $1";

template <typename E>
E EnumOr(std::span<const EnumEntry<E>> table, const std::string& code, E fallback) {
  auto v = ParseEnum(table, code);
  return v ? *v : fallback;
}

int32_t BeijingDateKey(const std::optional<int64_t>& ms) {
  if (!ms || *ms <= 0) return 0;
  Date d = Date::FromUnixMsBeijing(*ms);
  return d.year * 10000 + d.month * 100 + d.day;
}

int32_t DateKeyOf(const sql::ResultSet& rs, size_t r, size_t c) {
  if (rs.IsNull(r, c)) return 0;
  return DateKey(rs.GetText(r, c));
}

engine::ProjectFact ReadProjectRow(const sql::ResultSet& rs, size_t r) {
  engine::ProjectFact p;
  p.id = rs.GetInt(r, 0);
  p.stage = EnumOr(StageTable(), rs.GetText(r, 1), Stage::kConceived);
  p.level = EnumOr(ProjectLevelTable(), rs.GetText(r, 2), ProjectLevel::kNone);
  p.unit = rs.GetInt(r, 3, 0);
  p.region = rs.GetText(r, 4);
  p.industry = rs.GetText(r, 5);
  p.total_cents = rs.GetInt(r, 6);
  p.planned_start = DateKeyOf(rs, r, 7);
  p.planned_completion = DateKeyOf(rs, r, 8);
  p.actual_start = DateKeyOf(rs, r, 9);
  p.actual_completion = DateKeyOf(rs, r, 10);
  p.stats_status = EnumOr(StatsStatusTable(), rs.GetText(r, 11), StatsStatus::kNotApplicable);
  p.stats_date = DateKeyOf(rs, r, 12);
  return p;
}

// Leader assignments valid on `today` (valid_from/valid_to inclusive, open when null); the
// latest assignment wins.
void CollectLeaders(const sql::ResultSet& rs, int32_t today,
                    std::unordered_map<int64_t, int64_t>* out) {
  for (size_t r = 0; r < rs.size(); ++r) {
    int32_t from = DateKeyOf(rs, r, 2), to = DateKeyOf(rs, r, 3);
    if (from != 0 && from > today) continue;
    if (to != 0 && to < today) continue;
    (*out)[rs.GetInt(r, 0)] = rs.GetInt(r, 1);
  }
}

// Plans ordered by (project, year, version): the last row of each (project, year) wins.
std::vector<engine::PlanFact> ReadPlans(const sql::ResultSet& rs) {
  std::vector<engine::PlanFact> out;
  for (size_t r = 0; r < rs.size(); ++r) {
    engine::PlanFact p;
    p.project_id = rs.GetInt(r, 0);
    p.year = static_cast<int>(rs.GetInt(r, 1));
    p.planned_cents = rs.GetInt(r, 3);
    p.planned_start = DateKeyOf(rs, r, 4);
    p.planned_completion = DateKeyOf(rs, r, 5);
    std::string monthly = rs.GetText(r, 6);
    size_t pos = 0;
    for (int m = 0; m < 12 && pos <= monthly.size(); ++m) {
      size_t end = monthly.find(',', pos);
      if (end == std::string::npos) end = monthly.size();
      p.monthly_cents[m] = std::strtoll(monthly.c_str() + pos, nullptr, 10);
      pos = end + 1;
    }
    if (!out.empty() && out.back().project_id == p.project_id && out.back().year == p.year) {
      out.back() = p;
    } else {
      out.push_back(p);
    }
  }
  return out;
}

engine::ReportFact ReadReportRow(const sql::ResultSet& rs, size_t r) {
  engine::ReportFact f;
  f.project_id = rs.GetInt(r, 1);
  f.period = static_cast<int32_t>(rs.GetInt(r, 2));
  f.completed_cents = rs.GetInt(r, 3);
  f.status = EnumOr(ReportStatusTable(), rs.GetText(r, 4), ReportStatus::kDraft);
  f.submitted_on = BeijingDateKey(rs.GetOptInt(r, 5));
  f.late = rs.GetInt(r, 6) != 0;
  return f;
}

engine::ProcedureFact ReadProcedureRow(const sql::ResultSet& rs, size_t r) {
  engine::ProcedureFact f;
  f.project_id = rs.GetInt(r, 1);
  f.status = EnumOr(ProcedureStatusTable(), rs.GetText(r, 2), ProcedureStatus::kNotStarted);
  f.due = DateKeyOf(rs, r, 3);
  f.done = DateKeyOf(rs, r, 4);
  return f;
}

engine::ProblemFact ReadProblemRow(const sql::ResultSet& rs, size_t r) {
  engine::ProblemFact f;
  f.project_id = rs.GetInt(r, 1);
  f.status = EnumOr(ProblemStatusTable(), rs.GetText(r, 2), ProblemStatus::kOpen);
  f.severity = EnumOr(ProblemSeverityTable(), rs.GetText(r, 3), ProblemSeverity::kOrdinary);
  f.raised = DateKeyOf(rs, r, 4);
  f.due = DateKeyOf(rs, r, 5);
  f.closed = BeijingDateKey(rs.GetOptInt(r, 6));
  return f;
}

// Rows of (line, stage, Σ amount) ordered by line → one FundFact per line.
std::vector<engine::FundFact> ReadFunds(const sql::ResultSet& rs) {
  std::vector<engine::FundFact> out;
  int64_t line = -1;
  for (size_t r = 0; r < rs.size(); ++r) {
    if (rs.GetInt(r, 0) != line) {
      line = rs.GetInt(r, 0);
      engine::FundFact f;
      f.project_id = rs.GetInt(r, 1);
      f.source = EnumOr(FundingSourceTable(), rs.GetText(r, 2), FundingSource::kOther);
      f.year = static_cast<int>(rs.GetInt(r, 3));
      out.push_back(f);
    }
    if (rs.IsNull(r, 4)) continue;
    auto stage = ParseEnum(FundStageTable(), rs.GetText(r, 4));
    int64_t amount = rs.GetInt(r, 5);
    if (!stage) continue;
    switch (*stage) {
      case FundStage::kApplied:
        out.back().applied_cents += amount;
        break;
      case FundStage::kIssued:
        out.back().issued_cents += amount;
        break;
      case FundStage::kArrived:
        out.back().arrived_cents += amount;
        break;
      case FundStage::kPaid:
        out.back().paid_cents += amount;
        break;
    }
  }
  return out;
}

engine::LeadFact ReadLeadRow(const sql::ResultSet& rs, size_t r) {
  engine::LeadFact l;
  l.id = rs.GetInt(r, 0);
  l.unit = rs.GetInt(r, 1, 0);
  l.industry = rs.GetText(r, 2);
  l.stage = EnumOr(LeadStageTable(), rs.GetText(r, 3), LeadStage::kLead);
  l.amount_cents = rs.GetInt(r, 4);
  l.project_id = rs.GetOptInt(r, 5);
  l.signed_on = DateKeyOf(rs, r, 6);
  if (l.stage == LeadStage::kRegistered || l.stage == LeadStage::kLanded) {
    auto at = rs.GetOptInt(r, 7);
    l.landed_on = BeijingDateKey(at ? at : rs.GetOptInt(r, 8));
  }
  return l;
}

// Runs a paged query (params $1 = last id, $2 = page size) and hands every page to fn.
template <typename Fn>
Status ForEachPage(sql::Conn& conn, const char* sql, Fn&& fn) {
  int64_t after = 0;
  while (true) {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        conn.Query(sql, {sql::Value(after), sql::Value(kPageRows)}));
    if (rs.empty()) return Status::Ok();
    after = rs.GetInt(rs.size() - 1, 0);
    KL_RETURN_IF_ERROR(fn(rs));
    if (static_cast<int64_t>(rs.size()) < kPageRows) return Status::Ok();
  }
}

}  // namespace

Result<engine::Facts> LoadFacts(sql::Conn& conn, int32_t today) {
  engine::Facts facts;
  std::unordered_map<int64_t, int64_t> leaders;
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kLeadersAll, {}));
    CollectLeaders(rs, today, &leaders);
  }
  KL_RETURN_IF_ERROR(ForEachPage(conn, kProjectsPage, [&](sql::ResultSet& rs) -> Status {
    for (size_t r = 0; r < rs.size(); ++r) {
      engine::ProjectFact p = ReadProjectRow(rs, r);
      if (auto it = leaders.find(p.id); it != leaders.end()) p.leader = it->second;
      KL_RETURN_IF_ERROR(facts.AddProject(p).status());
    }
    return Status::Ok();
  }));
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kPlansAll, {}));
    for (const auto& p : ReadPlans(rs)) KL_RETURN_IF_ERROR(facts.AddPlan(p).status());
  }
  KL_RETURN_IF_ERROR(ForEachPage(conn, kReportsPage, [&](sql::ResultSet& rs) -> Status {
    for (size_t r = 0; r < rs.size(); ++r) {
      KL_RETURN_IF_ERROR(facts.AddReport(ReadReportRow(rs, r)).status());
    }
    return Status::Ok();
  }));
  KL_RETURN_IF_ERROR(ForEachPage(conn, kProceduresPage, [&](sql::ResultSet& rs) -> Status {
    for (size_t r = 0; r < rs.size(); ++r) {
      KL_RETURN_IF_ERROR(facts.AddProcedure(ReadProcedureRow(rs, r)).status());
    }
    return Status::Ok();
  }));
  KL_RETURN_IF_ERROR(ForEachPage(conn, kProblemsPage, [&](sql::ResultSet& rs) -> Status {
    for (size_t r = 0; r < rs.size(); ++r) {
      KL_RETURN_IF_ERROR(facts.AddProblem(ReadProblemRow(rs, r)).status());
    }
    return Status::Ok();
  }));
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kFundsAll, {}));
    for (const auto& f : ReadFunds(rs)) KL_RETURN_IF_ERROR(facts.AddFund(f).status());
  }
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kCampaignsAll, {}));
    std::map<int64_t, std::vector<int64_t>> rounds;
    for (size_t r = 0; r < rs.size(); ++r) rounds[rs.GetInt(r, 0)].push_back(rs.GetInt(r, 1));
    for (auto& [project, ids] : rounds) {
      KL_RETURN_IF_ERROR(facts.SetCampaigns(project, std::move(ids)));
    }
  }
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kLeadsAll, {}));
    for (size_t r = 0; r < rs.size(); ++r) {
      KL_RETURN_IF_ERROR(facts.AddLead(ReadLeadRow(rs, r)).status());
    }
  }
  return facts;
}

Result<ProjectBundle> ReadProjectBundle(sql::Conn& conn, int64_t project_id, int32_t today) {
  ProjectBundle b;
  std::vector<sql::Value> id{sql::Value(project_id)};
  KL_ASSIGN_OR_RETURN(sql::ResultSet prs, conn.Query(kProjectOne, id));
  if (prs.empty()) return b;
  b.project = ReadProjectRow(prs, 0);
  {
    std::unordered_map<int64_t, int64_t> leaders;
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kLeadersOne, id));
    CollectLeaders(rs, today, &leaders);
    if (auto it = leaders.find(project_id); it != leaders.end()) b.project->leader = it->second;
  }
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kPlansOne, id));
    b.plans = ReadPlans(rs);
  }
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kReportsOne, id));
    for (size_t r = 0; r < rs.size(); ++r) b.reports.push_back(ReadReportRow(rs, r));
  }
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kProceduresOne, id));
    for (size_t r = 0; r < rs.size(); ++r) b.procedures.push_back(ReadProcedureRow(rs, r));
  }
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kProblemsOne, id));
    for (size_t r = 0; r < rs.size(); ++r) b.problems.push_back(ReadProblemRow(rs, r));
  }
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kFundsOne, id));
    b.funds = ReadFunds(rs);
  }
  {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kCampaignsOne, id));
    for (size_t r = 0; r < rs.size(); ++r) b.campaigns.push_back(rs.GetInt(r, 1));
  }
  return b;
}

Result<std::optional<engine::LeadFact>> ReadLead(sql::Conn& conn, int64_t lead_id) {
  KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kLeadsOne, {sql::Value(lead_id)}));
  if (rs.empty()) return std::optional<engine::LeadFact>();
  return std::optional<engine::LeadFact>(ReadLeadRow(rs, 0));
}

Status ApplyBundle(engine::Facts& facts, const ProjectBundle& b) {
  if (!b.project) return Status::Ok();
  int64_t id = b.project->id;
  facts.SetProject(*b.project);
  KL_RETURN_IF_ERROR(facts.ReplacePlans(id, b.plans));
  KL_RETURN_IF_ERROR(facts.ReplaceReports(id, b.reports));
  KL_RETURN_IF_ERROR(facts.ReplaceProcedures(id, b.procedures));
  KL_RETURN_IF_ERROR(facts.ReplaceProblems(id, b.problems));
  KL_RETURN_IF_ERROR(facts.ReplaceFunds(id, b.funds));
  return facts.SetCampaigns(id, b.campaigns);
}

}  // namespace keyline::storage
