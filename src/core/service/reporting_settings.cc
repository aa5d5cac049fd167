#include "core/service/reporting_settings.h"

#include <cstdlib>
#include <string>

#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
#include "core/reporting/report_checks.h"
#include "core/reporting/report_window.h"
#include "core/service/reporting_access.h"

namespace keyline {
namespace {

constexpr const char* kRuleKey = "report_window_rule";
constexpr const char* kRulesKey = "report_rules";

// Calls fn(key, value) for each "key=value" of "a=1;b=2".
template <typename Fn>
void ForEachPair(const std::string& text, Fn fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(';', pos);
    if (end == std::string::npos) end = text.size();
    std::string pair = text.substr(pos, end - pos);
    size_t eq = pair.find('=');
    if (eq != std::string::npos) fn(pair.substr(0, eq), pair.substr(eq + 1));
    pos = end + 1;
  }
}

}  // namespace

std::string EncodeRule(const ReportWindowRule& r) {
  return "open_day=" + std::to_string(r.open_day) +
         ";due_working_day=" + std::to_string(r.due_working_day) +
         ";lock_working_day=" + std::to_string(r.lock_working_day);
}

std::string EncodeRules(const ReportRules& r) {
  JsonWriter factor;  // shortest round-trip text of the doubles
  factor.Double(r.plan_factor);
  JsonWriter history;
  history.Double(r.history_factor);
  return std::string("cumulative_over_total_is_error=") +
         (r.cumulative_over_total_is_error ? "1" : "0") + ";plan_factor=" + factor.Take() +
         ";history_factor=" + history.Take() +
         ";min_flag_amount=" + std::to_string(r.min_flag_amount.cents) +
         ";flag_progress_regression=" + (r.flag_progress_regression ? "1" : "0");
}

ReportWindowRule DecodeRule(const std::string& text) {
  ReportWindowRule r;
  ForEachPair(text, [&](const std::string& k, const std::string& v) {
    int n = std::atoi(v.c_str());
    if (k == "open_day") r.open_day = n;
    if (k == "due_working_day") r.due_working_day = n;
    if (k == "lock_working_day") r.lock_working_day = n;
  });
  return r;
}

ReportRules DecodeRules(const std::string& text) {
  ReportRules r;
  ForEachPair(text, [&](const std::string& k, const std::string& v) {
    if (k == "cumulative_over_total_is_error") r.cumulative_over_total_is_error = v == "1";
    if (k == "plan_factor") r.plan_factor = std::strtod(v.c_str(), nullptr);
    if (k == "history_factor") r.history_factor = std::strtod(v.c_str(), nullptr);
    if (k == "min_flag_amount") r.min_flag_amount = Money{std::atoll(v.c_str())};
    if (k == "flag_progress_regression") r.flag_progress_regression = v == "1";
  });
  return r;
}

Result<std::shared_ptr<const ReportingSettings::Snapshot>> ReportingSettings::Load(Tx* in_tx) {
  int64_t now = clock_.NowMs();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (cache_ && now - cache_->loaded_at < kCacheMs && now >= cache_->loaded_at) return cache_;
  }
  auto snap = std::make_shared<Snapshot>();
  snap->loaded_at = now;
  auto load = [&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(std::optional<std::string> rule, repo_.GetSetting(tx, kRuleKey));
    if (rule) snap->rule = DecodeRule(*rule);
    KL_ASSIGN_OR_RETURN(std::optional<std::string> rules, repo_.GetSetting(tx, kRulesKey));
    if (rules) snap->rules = DecodeRules(*rules);
    KL_ASSIGN_OR_RETURN(std::vector<ReportWindow> windows, repo_.ListWindows(tx, 0, 999999));
    for (ReportWindow& w : windows) snap->windows[w.period] = std::move(w);
    return Status::Ok();
  };
  // Inside a caller's transaction the settings are read on its connection: a second
  // transaction from the pool would wait forever once every connection is held by a caller
  // waiting in the same place.
  Status st = in_tx != nullptr ? load(*in_tx) : tx_.Read(load);
  if (!st.ok()) return st;
  std::shared_ptr<const Snapshot> shared = std::move(snap);
  std::lock_guard<std::mutex> lock(mu_);
  cache_ = shared;
  return shared;
}

void ReportingSettings::Invalidate() {
  std::lock_guard<std::mutex> lock(mu_);
  cache_.reset();
}

Result<ReportWindowRule> ReportingSettings::Rule() {
  KL_ASSIGN_OR_RETURN(auto s, Load(nullptr));
  return s->rule;
}

Result<ReportRules> ReportingSettings::Rules() {
  KL_ASSIGN_OR_RETURN(auto s, Load(nullptr));
  return s->rules;
}

Result<ReportRules> ReportingSettings::Rules(Tx& tx) {
  KL_ASSIGN_OR_RETURN(auto s, Load(&tx));
  return s->rules;
}

Result<ReportWindow> ReportingSettings::Window(int period) { return WindowIn(nullptr, period); }

Result<ReportWindow> ReportingSettings::Window(Tx& tx, int period) { return WindowIn(&tx, period); }

Result<ReportWindow> ReportingSettings::WindowIn(Tx* tx, int period) {
  KL_ASSIGN_OR_RETURN(auto s, Load(tx));
  auto it = s->windows.find(period);
  if (it != s->windows.end()) return it->second;
  return WindowFor(period, s->rule, calendar_);
}

Result<std::vector<ReportWindow>> ReportingSettings::Year(int year) {
  KL_ASSIGN_OR_RETURN(auto s, Load(nullptr));
  std::vector<ReportWindow> out;
  for (int m = 1; m <= 12; ++m) {
    int period = year * 100 + m;
    auto it = s->windows.find(period);
    out.push_back(it != s->windows.end() ? it->second : WindowFor(period, s->rule, calendar_));
  }
  return out;
}

Status ReportingSettings::RequireAdmin(const Caller& caller) const {
  if (MayManageReporting(caller.role)) return Status::Ok();
  return Status::Forbidden("只有发改部门可以修改填报设置",
                           "only the 发改 office may change the reporting settings");
}

Status ReportingSettings::PutRule(const Caller& caller, const ReportWindowRule& rule) {
  KL_RETURN_IF_ERROR(RequireAdmin(caller));
  KL_RETURN_IF_ERROR(ValidateWindowRule(rule));
  KL_ASSIGN_OR_RETURN(ReportWindowRule before, Rule());
  Status st = tx_.Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(repo_.PutSetting(tx, kRuleKey, EncodeRule(rule), clock_.NowMs()));
    return audit_.Record(tx, caller, "update", "reporting_settings", kRuleKey, ToJson(before),
                         ToJson(rule));
  });
  Invalidate();
  return st;
}

Status ReportingSettings::PutRules(const Caller& caller, const ReportRules& rules) {
  KL_RETURN_IF_ERROR(RequireAdmin(caller));
  KL_RETURN_IF_ERROR(ValidateReportRules(rules));
  KL_ASSIGN_OR_RETURN(ReportRules before, Rules());
  Status st = tx_.Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(repo_.PutSetting(tx, kRulesKey, EncodeRules(rules), clock_.NowMs()));
    return audit_.Record(tx, caller, "update", "reporting_settings", kRulesKey, ToJson(before),
                         ToJson(rules));
  });
  Invalidate();
  return st;
}

Status ReportingSettings::PutWindow(const Caller& caller, const ReportWindow& window) {
  KL_RETURN_IF_ERROR(RequireAdmin(caller));
  KL_RETURN_IF_ERROR(ValidateWindow(window));
  KL_ASSIGN_OR_RETURN(ReportWindow before, Window(window.period));
  ReportWindow stored = window;
  stored.overridden = true;
  Status st = tx_.Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(repo_.PutWindow(tx, stored, clock_.NowMs()));
    return audit_.Record(tx, caller, "update", "report_window", std::to_string(window.period),
                         ToJson(before), ToJson(stored));
  });
  Invalidate();
  return st;
}

Status ReportingSettings::DeleteWindow(const Caller& caller, int period) {
  KL_RETURN_IF_ERROR(RequireAdmin(caller));
  KL_ASSIGN_OR_RETURN(ReportWindow before, Window(period));
  if (!before.overridden) return Status::Ok();
  Status st = tx_.Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(repo_.DeleteWindow(tx, period));
    return audit_.Record(tx, caller, "delete", "report_window", std::to_string(period),
                         ToJson(before), "");
  });
  Invalidate();
  return st;
}

}  // namespace keyline
