#include "core/supervision/problem_stats.h"

#include <map>

#include "common/date.h"
#include "core/supervision/deadlines.h"

namespace keyline {
namespace {

struct Acc {
  ProblemStatsRow row;
  int64_t days_sum = 0;
};

void Count(Acc& acc, const Problem& p, const std::string& today) {
  ProblemStatsRow& r = acc.row;
  ++r.total;
  if (p.solved_at) {
    ++r.solved;
    Date solved = Date::FromUnixMsBeijing(*p.solved_at);
    auto raised = Date::Parse(p.raised_on);
    if (raised.ok()) acc.days_sum += solved.ToDays() - raised->ToDays();
    if (solved.ToString() <= p.settle_due) ++r.solved_on_time;
  } else {
    ++r.open;
    if (IsProblemOverdue(p, today)) ++r.overdue;
  }
}

}  // namespace

std::vector<ProblemStatsRow> ComputeProblemStats(const std::vector<Problem>& problems,
                                                 ProblemStatsGroup group,
                                                 const std::string& today) {
  std::map<int64_t, Acc> by;
  for (const Problem& p : problems) {
    if (group == ProblemStatsGroup::kUnit) {
      for (int64_t unit : p.unit_ids) Count(by[unit], p, today);
    } else if (p.leader_person_id) {
      Count(by[*p.leader_person_id], p, today);
    }
  }
  std::vector<ProblemStatsRow> out;
  for (auto& [key, acc] : by) {
    ProblemStatsRow r = acc.row;
    r.key = key;
    if (r.solved > 0) {
      r.avg_days_to_solve = static_cast<double>(acc.days_sum) / static_cast<double>(r.solved);
      r.on_time_share = static_cast<double>(r.solved_on_time) / static_cast<double>(r.solved);
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace keyline
