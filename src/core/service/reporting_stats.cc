#include "core/service/reporting_stats.h"

#include <map>

#include "common/date.h"
#include "core/reporting/figures.h"
#include "core/service/project_access.h"

namespace keyline {
namespace {

bool Counted(const MonthlyReport& r) {
  return r.status == ReportStatus::kSubmitted || r.status == ReportStatus::kApproved;
}

}  // namespace

std::string ReportingStats::Today() const {
  return Date::FromUnixMsBeijing(clock_.NowMs()).ToString();
}

Result<ProjectFigures> ReportingStats::Figures(const Caller& caller, int64_t project_id,
                                               int period) {
  KL_RETURN_IF_ERROR(CheckReportPeriod(period));
  ProjectFigures f;
  f.project_id = project_id;
  f.period = period;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Project project,
                        LoadVisibleProject(*repos_.projects, tx, caller, project_id, Today()));
    KL_ASSIGN_OR_RETURN(ReportTotals totals, reporting_.reports->Totals(tx, project_id, period));
    KL_ASSIGN_OR_RETURN(std::optional<MonthlyReport> report,
                        reporting_.reports->Find(tx, project_id, period));
    KL_ASSIGN_OR_RETURN(std::optional<AnnualPlan> plan,
                        reporting_.plans->Baseline(tx, project_id, period / 100));
    if (report && Counted(*report)) f.month = report->completed_investment;
    Money opening = totals.before_year;
    if (plan) {
      f.annual_plan = plan->planned_investment;
      if (plan->completed_before) opening = *plan->completed_before;
    }
    f.year_to_date = totals.year_before_period + f.month;
    f.since_start = opening + f.year_to_date;
    f.total_investment = project.total_investment;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  DeriveRates(&f);
  return f;
}

Result<PortfolioSummary> ReportingStats::Summary(const Caller& caller, int period,
                                                 const ReportingFilter& filter) {
  KL_RETURN_IF_ERROR(CheckReportPeriod(period));
  PortfolioSummary s;
  s.period = period;
  ProjectQuery query;
  query.unit_id = filter.unit_id;
  query.region_code = filter.region_code;
  query.leader_id = filter.leader_id;
  ProjectScope scope = ScopeFor(caller, Today());
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(s.totals, reporting_.reports->Portfolio(tx, period, query, scope));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  for (const PortfolioGroup& g : s.totals.by_stage) {
    s.projects += g.projects;
    s.total_investment = s.total_investment + g.total_investment;
  }
  // The same arithmetic as one project's figures.
  ProjectFigures f;
  f.period = period;
  f.year_to_date = s.totals.completed_to_period;
  if (s.totals.planned_projects > 0) f.annual_plan = s.totals.annual_planned;
  DeriveRates(&f);
  s.completion_rate = f.annual_completion_rate;
  s.elapsed_share = f.elapsed_share;
  s.gap_points = f.gap_points;
  return s;
}

Result<Completeness> ReportingStats::Count(const Caller& caller, int period,
                                           const ReportingFilter& filter) {
  KL_RETURN_IF_ERROR(CheckReportPeriod(period));
  Completeness c;
  c.period = period;
  KL_ASSIGN_OR_RETURN(c.window, settings_.Window(period));
  std::string today = Today();
  int overdue_days = 0;
  Result<Date> due = Date::Parse(c.window.due_on);
  Result<Date> now = Date::Parse(today);
  if (due.ok() && now.ok() && *now > *due) {
    overdue_days = settings_.calendar().WorkingDaysBetween(*due, *now);
  }
  ProjectQuery query;
  query.unit_id = filter.unit_id;
  query.region_code = filter.region_code;
  query.leader_id = filter.leader_id;
  ProjectScope scope = ScopeFor(caller, today);
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(std::vector<ReportingRow> rows,
                        reporting_.reports->Reporting(tx, period, query, scope));
    std::map<int64_t, Unit> units;
    for (ReportingRow& row : rows) {
      ++c.expected;
      if (row.first_submitted_at) {
        ++c.received;
        ++(row.late ? c.late : c.on_time);
      }
      std::string state;
      if (!row.status) {
        state = "missing";
      } else {
        switch (*row.status) {
          case ReportStatus::kDraft:
            state = "draft";
            break;
          case ReportStatus::kSubmitted:
            ++c.pending;
            break;
          case ReportStatus::kReturned:
            ++c.returned;
            state = "returned";
            break;
          case ReportStatus::kApproved:
            ++c.approved;
            break;
        }
      }
      if (state.empty()) continue;
      ReportingGap gap;
      gap.project_id = row.project_id;
      gap.project_name = std::move(row.project_name);
      gap.owner_unit_id = row.owner_unit_id;
      gap.responsible_unit_id = row.responsible_unit_id;
      gap.state = state;
      gap.working_days_overdue = state == "returned" ? 0 : overdue_days;
      if (row.owner_unit_id) {
        auto it = units.find(*row.owner_unit_id);
        if (it == units.end()) {
          auto unit = repos_.units->Get(tx, *row.owner_unit_id);
          if (unit.ok()) it = units.emplace(*row.owner_unit_id, std::move(*unit)).first;
        }
        if (it != units.end()) {
          gap.owner_unit_name = it->second.name;
          gap.owner_contact = it->second.contact;
        }
      }
      c.gaps.push_back(std::move(gap));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  c.missing = c.expected - c.received;
  if (c.expected > 0) {
    double n = static_cast<double>(c.expected);
    c.received_rate = c.received / n;
    c.on_time_rate = c.on_time / n;
    c.approved_rate = c.approved / n;
  }
  return c;
}

}  // namespace keyline
