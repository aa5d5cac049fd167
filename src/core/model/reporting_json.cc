#include "core/model/reporting_json.h"

#include <cmath>

namespace keyline {
namespace {

// Rates as fractions rounded to 6 places, points to 2 places: what a bulletin prints.
double Round(double v, int places) {
  double f = std::pow(10.0, places);
  return std::round(v * f) / f;
}

void OptRate(JsonWriter& w, const char* key, const std::optional<double>& v, int places) {
  w.Key(key);
  if (v) {
    w.Double(Round(*v, places));
  } else {
    w.Null();
  }
}

}  // namespace

void WriteJson(JsonWriter& w, const AnnualPlan& p) {
  w.BeginObject();
  w.Key("project_id").Int(p.project_id);
  w.Key("year").Int(p.year);
  w.Key("version").Int(p.version);
  w.Key("status").String(EnumCode(PlanStatusTable(), p.status));
  w.Key("planned_investment").String(p.planned_investment.ToWanString());
  w.Key("planned_start").OptString(p.planned_start);
  w.Key("planned_completion").OptString(p.planned_completion);
  w.Key("goals").String(p.goals);
  w.Key("split").String(EnumCode(PlanSplitTable(), p.split));
  w.Key("monthly").BeginArray();
  for (Money m : p.monthly) w.String(m.ToWanString());
  w.EndArray();
  w.Key("completed_before");
  if (p.completed_before) {
    w.String(p.completed_before->ToWanString());
  } else {
    w.Null();
  }
  w.Key("reason").String(p.reason);
  w.Key("created_by").Int(p.created_by);
  w.Key("created_by_name").String(p.created_by_name);
  w.Key("created_at").Int(p.created_at);
  w.Key("confirmed_by").OptInt(p.confirmed_by);
  w.Key("confirmed_at").OptInt(p.confirmed_at);
  w.Key("updated_at").Int(p.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const ReportWindow& win) {
  w.BeginObject();
  w.Key("period").Int(win.period);
  w.Key("opens_on").String(win.opens_on);
  w.Key("due_on").String(win.due_on);
  w.Key("locks_after").String(win.locks_after);
  w.Key("overridden").Bool(win.overridden);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const ReportWindowRule& r) {
  w.BeginObject();
  w.Key("open_day").Int(r.open_day);
  w.Key("due_working_day").Int(r.due_working_day);
  w.Key("lock_working_day").Int(r.lock_working_day);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const ReportRules& r) {
  w.BeginObject();
  w.Key("cumulative_over_total_is_error").Bool(r.cumulative_over_total_is_error);
  w.Key("plan_factor").Double(r.plan_factor);
  w.Key("history_factor").Double(r.history_factor);
  w.Key("min_flag_amount").String(r.min_flag_amount.ToWanString());
  w.Key("flag_progress_regression").Bool(r.flag_progress_regression);
  w.EndObject();
}

void WriteFields(JsonWriter& w, const MonthlyReport& r) {
  w.Key("id").Int(r.id);
  w.Key("project_id").Int(r.project_id);
  w.Key("period").Int(r.period);
  w.Key("status").String(EnumCode(ReportStatusTable(), r.status));
  w.Key("version").Int(r.version);
  w.Key("completed_investment").String(r.completed_investment.ToWanString());
  w.Key("progress_text").String(r.progress_text);
  w.Key("progress_percent").Int(r.progress_percent);
  w.Key("workers").Int(r.workers);
  w.Key("main_works").String(r.main_works);
  w.Key("next_plan").String(r.next_plan);
  w.Key("problems").String(r.problems);
  w.Key("confirmed_warnings").BeginArray();
  for (const std::string& c : r.confirmed_warnings) w.String(c);
  w.EndArray();
  w.Key("first_submitted_at").OptInt(r.first_submitted_at);
  w.Key("submitted_at").OptInt(r.submitted_at);
  w.Key("submitted_by").OptInt(r.submitted_by);
  w.Key("late").Bool(r.late);
  w.Key("reviewed_at").OptInt(r.reviewed_at);
  w.Key("reviewed_by").OptInt(r.reviewed_by);
  w.Key("review_comment").String(r.review_comment);
  w.Key("return_count").Int(r.return_count);
  w.Key("unlocked").Bool(r.unlocked);
  w.Key("origin").String(r.origin);
  w.Key("created_at").Int(r.created_at);
  w.Key("updated_at").Int(r.updated_at);
}

void WriteJson(JsonWriter& w, const MonthlyReport& r) {
  w.BeginObject();
  WriteFields(w, r);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Attachment& a) {
  w.BeginObject();
  w.Key("id").Int(a.id);
  w.Key("owner_kind").String(EnumCode(AttachmentOwnerTable(), a.owner_kind));
  w.Key("owner_id").Int(a.owner_id);
  w.Key("filename").String(a.filename);
  w.Key("content_type").String(a.content_type);
  w.Key("size").Int(a.size);
  w.Key("sha256").String(a.sha256);
  w.Key("created_by").Int(a.created_by);
  w.Key("created_at").Int(a.created_at);
  w.Key("taken_at").OptString(a.taken_at);
  w.Key("latitude").OptDouble(a.latitude);
  w.Key("longitude").OptDouble(a.longitude);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const ProjectFigures& f) {
  w.BeginObject();
  w.Key("project_id").Int(f.project_id);
  w.Key("period").Int(f.period);
  w.Key("month").String(f.month.ToWanString());
  w.Key("year_to_date").String(f.year_to_date.ToWanString());
  w.Key("since_start").String(f.since_start.ToWanString());
  w.Key("annual_plan");
  if (f.annual_plan) {
    w.String(f.annual_plan->ToWanString());
  } else {
    w.Null();
  }
  w.Key("total_investment").String(f.total_investment.ToWanString());
  OptRate(w, "annual_completion_rate", f.annual_completion_rate, 6);
  w.Key("elapsed_share").Double(Round(f.elapsed_share, 6));
  OptRate(w, "gap_points", f.gap_points, 2);
  OptRate(w, "share_of_total", f.share_of_total, 6);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const ReportWarning& warning) {
  w.BeginObject();
  w.Key("code").String(warning.code);
  w.Key("message").String(warning.message_zh);
  w.Key("message_en").String(warning.message_en);
  w.EndObject();
}

}  // namespace keyline
