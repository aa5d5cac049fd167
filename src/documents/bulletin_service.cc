#include "documents/bulletin_service.h"

#include <algorithm>

#include "common/date.h"
#include "core/service/problem_service.h"
#include "core/service/project_service.h"
#include "core/service/reporting_stats.h"
#include "core/supervision/deadlines.h"
#include "documents/export_service.h"
#include "documents/name_book.h"
#include "engine/indicator_sets.h"

namespace keyline::documents {
namespace {

std::string PeriodStart(int period) { return Date{period / 100, period % 100, 1}.ToString(); }
std::string PeriodEnd(int period) {
  int y = period / 100, m = period % 100;
  return Date{y, m, DaysInMonth(y, m)}.ToString();
}

MilestoneItem ItemOf(const Project& p, const NameBook& names, std::string date) {
  MilestoneItem m;
  m.project_id = p.id;
  m.project_name = p.name;
  m.unit = names.UnitName(p.responsible_unit_id);
  m.date = std::move(date);
  m.total_investment = p.total_investment;
  return m;
}

// Adds p to the group when date falls in the year up to the period's end.
void Place(MilestoneGroup& g, const Project& p, const NameBook& names, const std::string& date,
           int period) {
  if (date.empty()) return;
  std::string year_start = std::to_string(period / 100) + "-01-01";
  if (date < year_start || date > PeriodEnd(period)) return;
  MilestoneItem item = ItemOf(p, names, date);
  if (date >= PeriodStart(period)) g.this_period.push_back(item);
  g.year_to_date.push_back(std::move(item));
}

void SortGroup(MilestoneGroup& g) {
  auto by_date = [](const MilestoneItem& a, const MilestoneItem& b) {
    return a.date != b.date ? a.date < b.date : a.project_id < b.project_id;
  };
  std::sort(g.this_period.begin(), g.this_period.end(), by_date);
  std::sort(g.year_to_date.begin(), g.year_to_date.end(), by_date);
}

}  // namespace

std::string GapPhrase(const std::optional<std::string>& gap) {
  if (!gap || gap->empty()) return "";
  if ((*gap)[0] == '-') return "落后序时进度 " + gap->substr(1) + " 个百分点";
  if (gap->find_first_not_of("0.") == std::string::npos) return "与序时进度持平";
  return "超序时进度 " + *gap + " 个百分点";
}

Status BulletinService::CheckPeriod(int period) const {
  int y = period / 100, m = period % 100;
  if (y < 2000 || y > 2100 || m < 1 || m > 12) {
    return Status::InvalidArgument("期次应为YYYYMM格式（如202610）",
                                   "the period must be YYYYMM (e.g. 202610)");
  }
  Date today = Date::FromUnixMsBeijing(clock_.NowMs());
  if (period > today.year * 100 + today.month) {
    return Status::InvalidArgument("不能生成未来月份的通报", "the period is in the future");
  }
  return Status::Ok();
}

Result<BulletinData> BulletinService::Build(const Caller& caller, int period) {
  KL_RETURN_IF_ERROR(CheckPeriod(period));
  BulletinScope scope;
  scope.period = period;
  switch (caller.role) {
    case Role::kAdmin:
    case Role::kSupervisor:
    case Role::kLeader:
      break;
    case Role::kDepartment:
      scope.unit_id = caller.unit_id;
      break;
    default:
      return Status::Forbidden("项目单位和服务员无权生成通报",
                               "project companies and service officers cannot get bulletins");
  }
  BulletinData d;
  d.period = period;
  std::string today = projects_.Today();
  d.issued_on = today;
  d.as_of = std::min(today, PeriodEnd(period));
  std::string unit_name = exports_.UnitNameOf(caller);
  d.issuer = unit_name.empty() ? "发展和改革局" : unit_name;
  d.scope = scope.unit_id ? unit_name : "全区";

  // Totals.
  ReportingFilter filter;
  filter.unit_id = scope.unit_id;
  KL_ASSIGN_OR_RETURN(PortfolioSummary s, stats_.Summary(caller, period, filter));
  for (const PortfolioGroup& g : s.totals.by_stage) {
    if (g.code == EnumCode(StageTable(), Stage::kWithdrawn)) continue;
    d.totals.projects += g.projects;
    d.totals.total_investment = d.totals.total_investment + g.total_investment;
  }
  d.totals.planned_projects = s.totals.planned_projects;
  d.totals.annual_planned = s.totals.annual_planned;
  d.totals.completed_to_period = s.totals.completed_to_period;
  d.totals.completion_rate = s.completion_rate;
  if (s.totals.annual_planned.cents > 0) {
    KL_ASSIGN_OR_RETURN(std::string gap, engine::ScheduleGapPointsFromAmounts(
                                             s.totals.completed_to_period.cents,
                                             s.totals.annual_planned.cents, period % 100, 2));
    d.totals.gap_points = gap;
  }

  // Starts, completions, productions: only projects whose construction period overlaps the year
  // can have started or completed in it (the ledger's `year` filter), which keeps big ledgers
  // out of memory. A project that completed in an earlier year and went into production this
  // year is not counted as 投产 (known limit; see docs/architecture.md).
  ProjectQuery query;
  query.unit_id = scope.unit_id;
  query.year = period / 100;
  query.sort = ProjectSortField::kId;
  query.descending = false;
  KL_ASSIGN_OR_RETURN(std::vector<Project> projects, exports_.AllProjects(caller, query));
  NameBook names;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(names, LoadNames(tx, repos_, projects));
    return Status::Ok();
  }));
  for (const Project& p : projects) {
    if (p.stage == Stage::kWithdrawn) continue;
    Place(d.starts, p, names, p.actual_start.value_or(""), period);
    Place(d.completions, p, names, p.actual_completion.value_or(""), period);
    if (p.stage == Stage::kProduction) {
      KL_ASSIGN_OR_RETURN(std::vector<StageChange> history, projects_.StageHistory(caller, p.id));
      std::string on;
      // The day it moved to 投产; a project entered (or imported) already in production has no
      // such day: its completion date stands in for it.
      for (const StageChange& c : history) {
        if (c.to != Stage::kProduction) continue;
        on = c.from || !p.actual_completion ? Date::FromUnixMsBeijing(c.at).ToString()
                                            : *p.actual_completion;
      }
      Place(d.productions, p, names, on, period);
    }
  }
  SortGroup(d.starts);
  SortGroup(d.completions);
  SortGroup(d.productions);

  // Overdue problems.
  ProblemQuery pq;
  pq.overdue_on = d.as_of;
  pq.unit_id = scope.unit_id;
  KL_ASSIGN_OR_RETURN(std::vector<Problem> problems, problems_.ListAll(caller, pq));
  std::vector<int64_t> unit_ids;
  for (const Problem& p : problems)
    unit_ids.insert(unit_ids.end(), p.unit_ids.begin(), p.unit_ids.end());
  std::map<int64_t, std::string> project_names;
  for (const Project& p : projects) project_names[p.id] = p.name;
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(NameBook more, LoadNames(tx, repos_, {}, unit_ids));
    names.units.merge(more.units);
    for (const Problem& p : problems) {
      if (project_names.count(p.project_id)) continue;
      auto project = repos_.projects->Get(tx, p.project_id);
      if (project.ok()) project_names[p.project_id] = project->name;
    }
    return Status::Ok();
  }));
  auto as_of = Date::Parse(d.as_of);
  for (const Problem& p : problems) {
    OverdueProblem o;
    o.problem_id = p.id;
    o.project_name = project_names[p.project_id];
    o.title = p.title;
    for (int64_t u : p.unit_ids) {
      if (!o.units.empty()) o.units += "、";
      o.units += names.UnitName(u);
    }
    o.due = EffectiveDeadline(p);
    auto due = Date::Parse(o.due);
    if (due.ok() && as_of.ok()) o.days_overdue = static_cast<int>(as_of->ToDays() - due->ToDays());
    o.level = std::string(EnumZh(EscalationLevelTable(), p.level));
    d.overdue_problems.push_back(std::move(o));
  }
  std::sort(d.overdue_problems.begin(), d.overdue_problems.end(),
            [](const OverdueProblem& a, const OverdueProblem& b) {
              return a.days_overdue != b.days_overdue ? a.days_overdue > b.days_overdue
                                                      : a.problem_id < b.problem_id;
            });

  // The engines' sections.
  KL_ASSIGN_OR_RETURN(d.rates, indicators_->FiveRates(caller, scope));
  KL_ASSIGN_OR_RETURN(d.rankings, indicators_->Rankings(caller, scope));
  KL_ASSIGN_OR_RETURN(d.lights, indicators_->Lights(caller, scope));
  return d;
}

}  // namespace keyline::documents
