#include "engine/facts_index.h"

#include <string>

#include "common/date.h"
#include "common/money.h"
#include "common/number_format.h"

namespace keyline::engine {

FactsIndex FactsIndex::Build(const Facts& facts) {
  FactsIndex ix;
  size_t n = facts.projects.size();
  ix.plans.resize(n);
  ix.reports.resize(n);
  ix.funds.resize(n);
  ix.procedures.resize(n);
  for (size_t i = 0; i < facts.plans.size(); ++i) {
    ix.plans[facts.plans.project[i]].push_back(static_cast<int32_t>(i));
  }
  for (size_t i = 0; i < facts.reports.size(); ++i) {
    ix.reports[facts.reports.project[i]].push_back(static_cast<int32_t>(i));
  }
  for (size_t i = 0; i < facts.funds.size(); ++i) {
    ix.funds[facts.funds.project[i]].push_back(static_cast<int32_t>(i));
  }
  for (size_t i = 0; i < facts.procedures.size(); ++i) {
    ix.procedures[facts.procedures.project[i]].push_back(static_cast<int32_t>(i));
  }
  return ix;
}

std::optional<int32_t> FactsIndex::PlanOf(const Facts& facts, int32_t row, int year) const {
  std::optional<int32_t> found;
  for (int32_t p : plans[row]) {
    if (facts.plans.year[p] == year) found = p;
  }
  return found;
}

int32_t PeriodEndDate(int period) {
  int y = period / 100, m = period % 100;
  return period * 100 + DaysInMonth(y, m);
}

std::string DateText(int32_t d) {
  if (d == 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000, (d / 100) % 100, d % 100);
  return buf;
}

int FullMonthsBetween(int32_t a, int32_t b) {
  int months = MonthIndex(b / 100) - MonthIndex(a / 100);
  if (months > 0 && b % 100 < a % 100) --months;
  if (months < 0 && b % 100 > a % 100) ++months;
  return months;
}

int DaysBetween(int32_t a, int32_t b) {
  Date da{a / 10000, (a / 100) % 100, a % 100};
  Date db{b / 10000, (b / 100) % 100, b % 100};
  return static_cast<int>(db.ToDays() - da.ToDays());
}

bool Less(const Rational& a, const Rational& b) { return a.num * b.den < b.num * a.den; }

Rational Ratio(int64_t n, int64_t d) {
  if (d == 0) return Rational::Of(0);
  return *Rational::Make(n, d);
}

std::string WanText(int64_t cents) { return FormatWan(Money{cents}); }

}  // namespace keyline::engine
