// Counts of the problem ledger per responsible unit or per leader: the figures the ranking
// (榜单) consumes. Pure: computed from the problems and today's date.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/supervision.h"

namespace keyline {

enum class ProblemStatsGroup { kUnit, kLeader };

struct ProblemStatsRow {
  int64_t key = 0;               // unit id or leader person id
  int64_t total = 0;             // problems assigned
  int64_t open = 0;              // not solved or closed
  int64_t solved = 0;            // solved or closed
  int64_t overdue = 0;           // open and past their deadline today
  int64_t solved_on_time = 0;    // solved on or before settle_due
  double avg_days_to_solve = 0;  // calendar days from raised_on to the solved day (Beijing)
  double on_time_share = 0;      // solved_on_time / solved (0 when nothing was solved)
};

// One row per unit (a problem counts for each of its units) or per leader (problems without
// a leader are left out), ordered by key.
std::vector<ProblemStatsRow> ComputeProblemStats(const std::vector<Problem>& problems,
                                                 ProblemStatsGroup group, const std::string& today);

}  // namespace keyline
