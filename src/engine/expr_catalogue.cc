#include "engine/expr_catalogue.h"

#include "core/model/attraction.h"
#include "core/model/project.h"
#include "core/model/reporting.h"
#include "core/model/supervision.h"

namespace keyline::engine {
namespace {

constexpr FieldInfo kFields[] = {
    {Source::kProjects, "stage", Field::kStage, ValueType::kStage},
    {Source::kProjects, "level", Field::kLevel, ValueType::kLevel},
    {Source::kProjects, "unit", Field::kUnit, ValueType::kUnit},
    {Source::kProjects, "region", Field::kRegion, ValueType::kCode},
    {Source::kProjects, "industry", Field::kIndustry, ValueType::kCode},
    {Source::kProjects, "total_investment", Field::kTotalInvestment, ValueType::kMoney},
    {Source::kProjects, "planned_start", Field::kPlannedStart, ValueType::kDate},
    {Source::kProjects, "planned_completion", Field::kPlannedCompletion, ValueType::kDate},
    {Source::kProjects, "actual_start", Field::kActualStart, ValueType::kDate},
    {Source::kProjects, "actual_completion", Field::kActualCompletion, ValueType::kDate},
    {Source::kProjects, "stats_status", Field::kStatsStatus, ValueType::kStatsStatus},
    {Source::kProjects, "stats_date", Field::kStatsDate, ValueType::kDate},
    {Source::kPlans, "year", Field::kPlanYear, ValueType::kInt},
    {Source::kPlans, "planned_investment", Field::kPlanInvestment, ValueType::kMoney},
    {Source::kPlans, "planned_to_date", Field::kPlanToDate, ValueType::kMoney},
    {Source::kPlans, "planned_start", Field::kPlanStart, ValueType::kDate},
    {Source::kPlans, "planned_completion", Field::kPlanCompletion, ValueType::kDate},
    {Source::kReports, "period", Field::kReportPeriod, ValueType::kPeriod},
    {Source::kReports, "completed_investment", Field::kReportAmount, ValueType::kMoney},
    {Source::kReports, "status", Field::kReportStatus, ValueType::kReportStatus},
    {Source::kReports, "submitted", Field::kReportSubmitted, ValueType::kDate},
    {Source::kReports, "late", Field::kReportLate, ValueType::kInt},
    {Source::kProcedures, "status", Field::kProcStatus, ValueType::kProcedureStatus},
    {Source::kProcedures, "due", Field::kProcDue, ValueType::kDate},
    {Source::kProcedures, "done", Field::kProcDone, ValueType::kDate},
    {Source::kProblems, "status", Field::kProblemStatus, ValueType::kProblemStatus},
    {Source::kProblems, "severity", Field::kProblemSeverity, ValueType::kSeverity},
    {Source::kProblems, "raised", Field::kProblemRaised, ValueType::kDate},
    {Source::kProblems, "due", Field::kProblemDue, ValueType::kDate},
    {Source::kProblems, "closed", Field::kProblemClosed, ValueType::kDate},
    {Source::kLeads, "stage", Field::kLeadStage, ValueType::kLeadStage},
    {Source::kLeads, "unit", Field::kLeadUnit, ValueType::kUnit},
    {Source::kLeads, "industry", Field::kLeadIndustry, ValueType::kCode},
    {Source::kLeads, "amount", Field::kLeadAmount, ValueType::kMoney},
    {Source::kLeads, "signed", Field::kLeadSigned, ValueType::kDate},
    {Source::kLeads, "landed", Field::kLeadLanded, ValueType::kDate},
};

constexpr struct {
  std::string_view name;
  Source source;
} kSources[] = {{"projects", Source::kProjects}, {"plans", Source::kPlans},
                {"reports", Source::kReports},   {"procedures", Source::kProcedures},
                {"problems", Source::kProblems}, {"leads", Source::kLeads}};

constexpr struct {
  std::string_view name;
  TimeVar var;
} kTimeVars[] = {{"period", TimeVar::kPeriod},           {"period_start", TimeVar::kPeriodStart},
                 {"period_end", TimeVar::kPeriodEnd},    {"quarter_start", TimeVar::kQuarterStart},
                 {"year_start", TimeVar::kYearStart},    {"year_end", TimeVar::kYearEnd},
                 {"window_start", TimeVar::kWindowStart}};

}  // namespace

const FieldInfo* FindField(Source source, std::string_view name) {
  for (const auto& f : kFields) {
    if (f.source == source && f.name == name) return &f;
  }
  return nullptr;
}

std::string FieldNames(Source source) {
  std::string out;
  for (const auto& f : kFields) {
    if (f.source != source) continue;
    if (!out.empty()) out += "|";
    out += f.name;
  }
  return out;
}

bool IsEnum(ValueType t) { return t <= ValueType::kReportStatus; }

namespace {

template <typename E>
std::optional<int64_t> EnumValue(std::span<const EnumEntry<E>> table, std::string_view code,
                                 std::string* allowed) {
  *allowed = EnumCodes(table);
  auto v = ParseEnum(table, code);
  if (!v) return std::nullopt;
  return static_cast<int64_t>(*v);
}

}  // namespace

std::optional<int64_t> ParseEnumCode(ValueType t, std::string_view code, std::string* allowed) {
  switch (t) {
    case ValueType::kStage:
      return EnumValue(StageTable(), code, allowed);
    case ValueType::kLevel:
      return EnumValue(ProjectLevelTable(), code, allowed);
    case ValueType::kStatsStatus:
      return EnumValue(StatsStatusTable(), code, allowed);
    case ValueType::kProcedureStatus:
      return EnumValue(ProcedureStatusTable(), code, allowed);
    case ValueType::kProblemStatus:
      return EnumValue(ProblemStatusTable(), code, allowed);
    case ValueType::kSeverity:
      return EnumValue(ProblemSeverityTable(), code, allowed);
    case ValueType::kLeadStage:
      return EnumValue(LeadStageTable(), code, allowed);
    case ValueType::kReportStatus:
      return EnumValue(ReportStatusTable(), code, allowed);
    default:
      return std::nullopt;
  }
}

std::optional<Source> FindSource(std::string_view name) {
  for (const auto& s : kSources) {
    if (s.name == name) return s.source;
  }
  return std::nullopt;
}

std::optional<TimeVar> FindTimeVar(std::string_view name) {
  for (const auto& v : kTimeVars) {
    if (v.name == name) return v.var;
  }
  return std::nullopt;
}

std::string_view SourceName(Source s) {
  for (const auto& x : kSources) {
    if (x.source == s) return x.name;
  }
  return "";
}

std::span<const FieldInfo> FieldCatalogue() { return kFields; }

}  // namespace keyline::engine
