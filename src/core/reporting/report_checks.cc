#include "core/reporting/report_checks.h"

#include <algorithm>
#include <cstdio>

#include "common/number_format.h"

namespace keyline {
namespace {

constexpr size_t kMaxShortText = 2000;
constexpr size_t kMaxLongText = 10000;

bool Confirmed(const MonthlyReport& report, const std::string& code) {
  return std::find(report.confirmed_warnings.begin(), report.confirmed_warnings.end(), code) !=
         report.confirmed_warnings.end();
}

// "3", "2.5": a factor as people write it.
std::string Factor(double f) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", f);
  std::string s(buf);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

Status ValidateReportFields(const MonthlyReport& r) {
  std::vector<FieldError> errors;
  if (r.completed_investment.cents < 0) {
    errors.push_back({"completed_investment", "本月完成投资不能为负数",
                      "the investment completed this month cannot be negative"});
  }
  if (r.progress_percent < 0 || r.progress_percent > 100) {
    errors.push_back(
        {"progress_percent", "形象进度百分比须在 0–100 之间", "progress_percent must be 0..100"});
  }
  if (r.workers < 0 || r.workers > 1000000) {
    errors.push_back({"workers", "在岗人数须在 0–1000000 之间", "workers must be 0..1000000"});
  }
  struct Text {
    const char* field;
    const std::string* value;
    size_t max;
  };
  const Text texts[] = {{"progress_text", &r.progress_text, kMaxShortText},
                        {"main_works", &r.main_works, kMaxLongText},
                        {"next_plan", &r.next_plan, kMaxLongText},
                        {"problems", &r.problems, kMaxLongText}};
  for (const Text& t : texts) {
    if (t.value->size() > t.max) {
      errors.push_back(
          {t.field, std::string(t.field) + " 过长（最多 " + std::to_string(t.max) + " 字节）",
           std::string(t.field) + " is too long (at most " + std::to_string(t.max) + " bytes)"});
    }
  }
  if (errors.empty()) return Status::Ok();
  std::string zh = errors.front().message_zh;
  std::string en = errors.front().message_en;
  return Status::InvalidArgument(zh, en, std::move(errors));
}

ReportCheckOutcome CheckReport(const MonthlyReport& r, const ReportCheckContext& c,
                               const ReportRules& rules) {
  ReportCheckOutcome out;
  Money month = r.completed_investment;
  if (month.cents > 0 && !c.has_actual_start) {
    out.errors.push_back({"completed_investment",
                          "项目尚未填报实际开工日期，不能填报完成投资；请先登记开工",
                          "the project has no actual start date, so it cannot report "
                          "investment; record the start first"});
  }
  Money cumulative = c.cumulative_before + month;
  if (rules.cumulative_over_total_is_error && c.total_investment.cents > 0 &&
      cumulative > c.total_investment) {
    out.errors.push_back({"completed_investment",
                          "自开工累计完成投资 " + FormatWan(cumulative) + " 万元超过总投资 " +
                              FormatWan(c.total_investment) + " 万元",
                          "cumulative investment since start " + FormatWan(cumulative) +
                              " 万元 exceeds the total investment " +
                              FormatWan(c.total_investment) + " 万元"});
  }
  bool big_enough = month >= rules.min_flag_amount;
  if (big_enough && c.plan_month && c.plan_month->cents > 0 &&
      static_cast<double>(month.cents) > rules.plan_factor * c.plan_month->cents) {
    out.warnings.push_back(
        {"large_vs_plan",
         "本月完成投资 " + FormatWan(month) + " 万元超过本月计划 " + c.plan_month->ToWanString() +
             " 万元的 " + Factor(rules.plan_factor) + " 倍，请确认",
         "this month's " + FormatWan(month) + " 万元 is more than " + Factor(rules.plan_factor) +
             " times the planned " + c.plan_month->ToWanString() + " 万元; please confirm"});
  }
  if (big_enough && !c.recent_months.empty()) {
    int64_t sum = 0;
    for (Money m : c.recent_months) sum += m.cents;
    double average = static_cast<double>(sum) / static_cast<double>(c.recent_months.size());
    if (average > 0 && static_cast<double>(month.cents) > rules.history_factor * average) {
      Money avg{static_cast<int64_t>(average)};
      out.warnings.push_back(
          {"large_vs_history",
           "本月完成投资 " + FormatWan(month) + " 万元超过近期月均 " + FormatWan(avg) + " 万元的 " +
               Factor(rules.history_factor) + " 倍，请确认",
           "this month's " + FormatWan(month) + " 万元 is more than " +
               Factor(rules.history_factor) + " times the recent monthly average " +
               FormatWan(avg) + " 万元; please confirm"});
    }
  }
  if (rules.flag_progress_regression && c.previous_percent &&
      r.progress_percent < *c.previous_percent) {
    out.warnings.push_back({"progress_regressed",
                            "形象进度 " + std::to_string(r.progress_percent) + "% 低于上月的 " +
                                std::to_string(*c.previous_percent) + "%，请确认",
                            "progress " + std::to_string(r.progress_percent) +
                                "% is below last month's " + std::to_string(*c.previous_percent) +
                                "%; please confirm"});
  }
  for (const ReportWarning& w : out.warnings) {
    if (!Confirmed(r, w.code)) out.unconfirmed.push_back(w);
  }
  return out;
}

Status ValidateReportRules(const ReportRules& rules) {
  if (!(rules.plan_factor >= 1 && rules.plan_factor <= 100)) {
    return Status::InvalidArgument(
        "计划倍数须在 1–100 之间", "plan_factor must be 1..100",
        {{"plan_factor", "计划倍数须在 1–100 之间", "plan_factor must be 1..100"}});
  }
  if (!(rules.history_factor >= 1 && rules.history_factor <= 100)) {
    return Status::InvalidArgument(
        "历史倍数须在 1–100 之间", "history_factor must be 1..100",
        {{"history_factor", "历史倍数须在 1–100 之间", "history_factor must be 1..100"}});
  }
  if (rules.min_flag_amount.cents < 0) {
    return Status::InvalidArgument(
        "提示起点金额不能为负数", "min_flag_amount cannot be negative",
        {{"min_flag_amount", "提示起点金额不能为负数", "min_flag_amount cannot be negative"}});
  }
  return Status::Ok();
}

}  // namespace keyline
