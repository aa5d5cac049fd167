#include "core/model/attraction_json.h"

#include <cmath>

#include "core/codes/industry_code.h"

namespace keyline {
namespace {

double Round(double v, int places) {
  double f = std::pow(10.0, places);
  return std::round(v * f) / f;
}

void Rate(JsonWriter& w, const char* key, const std::optional<double>& v, int places = 6) {
  w.Key(key);
  if (v) {
    w.Double(Round(*v, places));
  } else {
    w.Null();
  }
}

void Wan(JsonWriter& w, const char* key, Money m) { w.Key(key).String(m.ToWanString()); }

}  // namespace

void WriteJson(JsonWriter& w, const Lead& l) {
  w.BeginObject();
  w.Key("id").Int(l.id);
  w.Key("version").Int(l.version);
  w.Key("company").String(l.company);
  w.Key("credit_code").OptString(l.credit_code);
  w.Key("industry_code").OptString(l.industry_code);
  w.Key("industry_name")
      .OptString(l.industry_code ? codes::IndustryNameZh(*l.industry_code) : std::nullopt);
  Wan(w, "intended_investment", l.intended_investment);
  w.Key("source").String(l.source);
  w.Key("responsible_unit_id").Int(l.responsible_unit_id);
  w.Key("responsible_person").String(l.responsible_person);
  w.Key("next_step").String(l.next_step);
  w.Key("next_step_date").OptString(l.next_step_date);
  w.Key("stage").String(EnumCode(LeadStageTable(), l.stage));
  w.Key("project_id").OptInt(l.project_id);
  w.Key("warnings").BeginArray();
  for (const std::string& s : l.warnings) w.String(s);
  w.EndArray();
  w.Key("created_at").Int(l.created_at);
  w.Key("updated_at").Int(l.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const LeadStageChange& c) {
  w.BeginObject();
  w.Key("id").Int(c.id);
  w.Key("lead_id").Int(c.lead_id);
  w.Key("from");
  if (c.from) {
    w.String(EnumCode(LeadStageTable(), *c.from));
  } else {
    w.Null();
  }
  w.Key("to").String(EnumCode(LeadStageTable(), c.to));
  w.Key("reason").String(c.reason);
  w.Key("user_id").Int(c.user_id);
  w.Key("username").String(c.username);
  w.Key("user_name").String(c.user_name.empty() ? c.username : c.user_name);
  w.Key("at").Int(c.at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const SigningEvent& e) {
  w.BeginObject();
  w.Key("id").Int(e.id);
  w.Key("version").Int(e.version);
  w.Key("name").String(e.name);
  w.Key("held_on").String(e.held_on);
  w.Key("place").String(e.place);
  w.Key("outbound").Bool(e.outbound);
  w.Key("note").String(e.note);
  w.Key("created_at").Int(e.created_at);
  w.Key("updated_at").Int(e.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Contract& c) {
  w.BeginObject();
  w.Key("id").Int(c.id);
  w.Key("version").Int(c.version);
  w.Key("lead_id").Int(c.lead_id);
  w.Key("event_id").OptInt(c.event_id);
  w.Key("contract_no").String(c.contract_no);
  w.Key("signed_on").String(c.signed_on);
  Wan(w, "amount", c.amount);
  Wan(w, "funds_in_place", c.funds_in_place);
  w.Key("status").String(EnumCode(ContractStatusTable(), c.status));
  w.Key("created_at").Int(c.created_at);
  w.Key("updated_at").Int(c.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const SignedContractRow& r) {
  w.BeginObject();
  w.Key("contract");
  WriteJson(w, r.contract);
  w.Key("company").String(r.company);
  w.Key("lead_stage").String(EnumCode(LeadStageTable(), r.lead_stage));
  w.Key("responsible_unit_id").Int(r.responsible_unit_id);
  w.Key("project_stage").OptString(r.project_stage);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const AttractionRates& r) {
  w.BeginObject();
  w.Key("signed_contracts").Int(r.signed_contracts);
  w.Key("performing").Int(r.performing);
  w.Key("landed").Int(r.landed);
  w.Key("started").Int(r.started);
  Wan(w, "contract_amount", r.contract_amount);
  Wan(w, "funds_in_place", r.funds_in_place);
  Rate(w, "performance_rate", r.performance_rate);
  Rate(w, "landing_rate", r.landing_rate);
  Rate(w, "start_rate", r.start_rate);
  Rate(w, "funds_rate", r.funds_rate);
  if (!r.as_of.empty()) w.Key("as_of").String(r.as_of);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const CampaignRound& r) {
  w.BeginObject();
  w.Key("id").Int(r.id);
  w.Key("version").Int(r.version);
  w.Key("name").String(r.name);
  w.Key("held_on").String(r.held_on);
  w.Key("place").String(r.place);
  w.Key("scheme").String(EnumCode(CampaignSchemeTable(), r.scheme));
  w.Key("note").String(r.note);
  w.Key("created_at").Int(r.created_at);
  w.Key("updated_at").Int(r.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const CampaignEntry& e) {
  w.BeginObject();
  w.Key("round_id").Int(e.round_id);
  w.Key("project_id").Int(e.project_id);
  w.Key("category").String(EnumCode(CampaignCategoryTable(), e.category));
  w.Key("note").String(e.note);
  w.Key("added_by").Int(e.added_by);
  w.Key("added_at").Int(e.added_at);
  w.Key("project_name").String(e.project_name);
  w.Key("project_stage").String(e.project_stage);
  Wan(w, "total_investment", e.total_investment);
  w.Key("actual_start").OptString(e.actual_start);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const CampaignFigures& f) {
  w.BeginObject();
  w.Key("category");
  if (f.category) {
    w.String(EnumCode(CampaignCategoryTable(), *f.category));
  } else {
    w.Null();
  }
  w.Key("projects").Int(f.projects);
  Wan(w, "total_investment", f.total_investment);
  w.Key("planned_projects").Int(f.planned_projects);
  Wan(w, "annual_planned", f.annual_planned);
  w.Key("over_100m").Int(f.over_100m);
  w.Key("over_500m").Int(f.over_500m);
  w.Key("over_1b").Int(f.over_1b);
  w.Key("started").Int(f.started);
  w.Key("in_production").Int(f.in_production);
  Rate(w, "start_rate", f.start_rate);
  Rate(w, "production_rate", f.production_rate);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const CampaignStats& s) {
  w.BeginObject();
  w.Key("total");
  WriteJson(w, s.total);
  w.Key("by_category").BeginArray();
  for (const CampaignFigures& f : s.by_category) WriteJson(w, f);
  w.EndArray();
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Target& t) {
  w.BeginObject();
  w.Key("id").Int(t.id);
  w.Key("version").Int(t.version);
  w.Key("year").Int(t.year);
  w.Key("title").String(t.title);
  w.Key("target_value").Double(t.target_value);
  w.Key("unit").String(t.unit);
  w.Key("responsible_unit_id").OptInt(t.responsible_unit_id);
  w.Key("measure").String(EnumCode(TargetMeasureTable(), t.measure));
  w.Key("threshold");
  if (t.threshold) {
    w.String(t.threshold->ToWanString());
  } else {
    w.Null();
  }
  w.Key("note").String(t.note);
  w.Key("created_at").Int(t.created_at);
  w.Key("updated_at").Int(t.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const TargetActual& a) {
  w.BeginObject();
  w.Key("id").Int(a.id);
  w.Key("target_id").Int(a.target_id);
  w.Key("value").Double(a.value);
  w.Key("as_of").String(a.as_of);
  w.Key("note").String(a.note);
  w.Key("user_id").Int(a.user_id);
  w.Key("username").String(a.username);
  w.Key("user_name").String(a.user_name.empty() ? a.username : a.user_name);
  w.Key("at").Int(a.at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const TargetProgress& p) {
  w.BeginObject();
  w.Key("actual").OptDouble(p.actual);
  w.Key("source").String(p.source);
  Rate(w, "rate", p.rate);
  w.Key("elapsed_share").Double(Round(p.elapsed_share, 6));
  w.Key("elapsed_period").Int(p.elapsed_period);
  w.Key("as_of").String(p.as_of);
  Rate(w, "gap_points", p.gap_points, 2);
  w.Key("achieved").Bool(p.achieved);
  w.EndObject();
}

}  // namespace keyline
