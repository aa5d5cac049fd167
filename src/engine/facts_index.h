// FactsIndex: the rows of each project in every per-project fact table, so the per-project
// computations (lights, forecast) touch only their own rows. Built in one pass over the facts;
// valid only for the Facts it was built from (hold it within one FactsView).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/facts.h"
#include "engine/rational.h"

namespace keyline::engine {

struct FactsIndex {
  // Indexed by project row: the rows of that project, in insertion order.
  std::vector<std::vector<int32_t>> plans, reports, funds, procedures;

  static FactsIndex Build(const Facts& facts);
  // The plan row of the project for the year (the last added one), or nullopt.
  std::optional<int32_t> PlanOf(const Facts& facts, int32_t project_row, int year) const;
};

// Month arithmetic on YYYYMM periods.
inline int MonthIndex(int period) { return (period / 100) * 12 + (period % 100) - 1; }
inline int PeriodOfIndex(int index) { return (index / 12) * 100 + index % 12 + 1; }
// yyyymmdd of the last day of a YYYYMM period.
int32_t PeriodEndDate(int period);
// "YYYY-MM-DD" of a yyyymmdd key ("" for 0).
std::string DateText(int32_t yyyymmdd);
// Whole months from date a to date b (yyyymmdd), e.g. 20260315 → 20260514 is 1; negative when
// b < a.
int FullMonthsBetween(int32_t a, int32_t b);
// Calendar days from a to b (yyyymmdd).
int DaysBetween(int32_t a, int32_t b);

// a < b, exactly (both well below 2^60 in size, as cents and counts are).
bool Less(const Rational& a, const Rational& b);
// The rational n/d (d > 0), or 0 when d == 0.
Rational Ratio(int64_t n, int64_t d);
// Cents as display 万元 ("45,929.70"), by common/number_format.h's FormatWan.
std::string WanText(int64_t cents);

}  // namespace keyline::engine
