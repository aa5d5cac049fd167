#include "engine/facts_filter.h"

namespace keyline::engine {

Facts FilterFacts(const Facts& f, const std::unordered_set<int64_t>& ids,
                  const std::unordered_set<int64_t>& lead_units) {
  Facts out;
  const auto& p = f.projects;
  std::vector<bool> keep(p.size(), false);
  for (size_t i = 0; i < p.size(); ++i) {
    if (!ids.count(p.id[i])) continue;
    keep[i] = true;
    ProjectFact x;
    x.id = p.id[i];
    x.stage = static_cast<Stage>(p.stage[i]);
    x.level = static_cast<ProjectLevel>(p.level[i]);
    x.unit = p.unit[i];
    x.region = f.regions.Get(p.region[i]);
    x.industry = f.industries.Get(p.industry[i]);
    x.total_cents = p.total[i];
    x.planned_start = p.planned_start[i];
    x.planned_completion = p.planned_completion[i];
    x.actual_start = p.actual_start[i];
    x.actual_completion = p.actual_completion[i];
    x.stats_status = static_cast<StatsStatus>(p.stats_status[i]);
    x.stats_date = p.stats_date[i];
    x.leader = p.leader[i];
    (void)out.AddProject(x);
  }
  for (size_t i = 0; i < f.plans.size(); ++i) {
    int32_t r = f.plans.project[i];
    if (!keep[r]) continue;
    (void)out.AddPlan({p.id[r], f.plans.year[i], f.plans.planned[i], f.plans.monthly[i],
                       f.plans.planned_start[i], f.plans.planned_completion[i]});
  }
  for (size_t i = 0; i < f.reports.size(); ++i) {
    int32_t r = f.reports.project[i];
    if (!keep[r]) continue;
    (void)out.AddReport({p.id[r], f.reports.period[i], f.reports.amount[i],
                         static_cast<ReportStatus>(f.reports.status[i]), f.reports.submitted_on[i],
                         f.reports.late[i] != 0});
  }
  for (size_t i = 0; i < f.funds.size(); ++i) {
    int32_t r = f.funds.project[i];
    if (!keep[r]) continue;
    (void)out.AddFund({p.id[r], static_cast<FundingSource>(f.funds.source[i]), f.funds.year[i],
                       f.funds.applied[i], f.funds.issued[i], f.funds.arrived[i], f.funds.paid[i]});
  }
  for (size_t i = 0; i < f.procedures.size(); ++i) {
    int32_t r = f.procedures.project[i];
    if (!keep[r]) continue;
    (void)out.AddProcedure({p.id[r], static_cast<ProcedureStatus>(f.procedures.status[i]),
                            f.procedures.due[i], f.procedures.done[i]});
  }
  for (size_t i = 0; i < f.problems.size(); ++i) {
    int32_t r = f.problems.project[i];
    if (!keep[r]) continue;
    (void)out.AddProblem({p.id[r], static_cast<ProblemStatus>(f.problems.status[i]),
                          static_cast<ProblemSeverity>(f.problems.severity[i]),
                          f.problems.raised[i], f.problems.due[i], f.problems.closed[i]});
  }
  const auto& l = f.leads;
  for (size_t i = 0; i < l.size(); ++i) {
    int32_t r = l.project[i];
    bool visible = r >= 0 ? keep[r] : lead_units.count(l.unit[i]) > 0;
    if (!visible) continue;
    std::optional<int64_t> project;
    if (r >= 0) project = p.id[r];
    (void)out.AddLead({l.id[i], l.unit[i], f.industries.Get(l.industry[i]),
                       static_cast<LeadStage>(l.stage[i]), l.amount[i], l.signed_on[i],
                       l.landed_on[i], project});
  }
  return out;
}

}  // namespace keyline::engine
