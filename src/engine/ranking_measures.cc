#include "engine/ranking_measures.h"

#include <string>

#include "engine/facts_index.h"

namespace keyline::engine {
namespace {

struct Measure {
  std::string_view code, zh, en;
};
constexpr Measure kMeasures[] = {
    {"builtin.reporting_timeliness", "按时报送率", "Reporting timeliness"},
    {"builtin.data_quality", "数据质量（未退回比例）", "Data quality (share not returned)"},
    {"builtin.problems_on_time", "问题按期解决率", "Problems solved on time"},
};

}  // namespace

bool IsBuiltinMeasure(std::string_view code) { return !BuiltinMeasureName(code).first.empty(); }

std::pair<std::string_view, std::string_view> BuiltinMeasureName(std::string_view code) {
  for (const Measure& m : kMeasures) {
    if (m.code == code) return {m.zh, m.en};
  }
  return {};
}

Result<std::map<int64_t, std::optional<Rational>>> BuiltinUnitMeasure(const Facts& f,
                                                                      std::string_view code,
                                                                      int first, int last) {
  std::map<int64_t, std::pair<int64_t, int64_t>> counts;  // unit → (numerator, denominator)
  for (size_t i = 0; i < f.projects.size(); ++i) counts[f.projects.unit[i]];
  if (code == "builtin.reporting_timeliness" || code == "builtin.data_quality") {
    bool timeliness = code == "builtin.reporting_timeliness";
    // Reports due in first..last: periods one month earlier.
    int from = PeriodOfIndex(MonthIndex(first) - 1), to = PeriodOfIndex(MonthIndex(last) - 1);
    for (size_t i = 0; i < f.reports.size(); ++i) {
      int p = f.reports.period[i];
      if (p < from || p > to) continue;
      auto s = static_cast<ReportStatus>(f.reports.status[i]);
      auto& c = counts[f.projects.unit[f.reports.project[i]]];
      if (timeliness) {
        ++c.second;
        if (s != ReportStatus::kDraft && !f.reports.late[i]) ++c.first;
      } else if (s != ReportStatus::kDraft) {
        ++c.second;
        if (s != ReportStatus::kReturned) ++c.first;
      }
    }
  } else if (code == "builtin.problems_on_time") {
    int32_t from = first * 100 + 1, to = PeriodEndDate(last);
    for (size_t i = 0; i < f.problems.size(); ++i) {
      int32_t due = f.problems.due[i];
      if (due < from || due > to) continue;
      auto& c = counts[f.projects.unit[f.problems.project[i]]];
      ++c.second;
      auto s = static_cast<ProblemStatus>(f.problems.status[i]);
      int32_t closed = f.problems.closed[i];
      bool done = s == ProblemStatus::kSolved || s == ProblemStatus::kClosed;
      if (done && closed != 0 && closed <= due) ++c.first;
    }
  } else {
    return Status::InvalidArgument("未知的内置指标：" + std::string(code),
                                   "unknown built-in measure: " + std::string(code));
  }
  std::map<int64_t, std::optional<Rational>> out;
  for (const auto& [unit, c] : counts) {
    if (unit == 0) continue;
    out[unit] = c.second == 0 ? std::nullopt : std::optional<Rational>(Ratio(c.first, c.second));
  }
  return out;
}

}  // namespace keyline::engine
