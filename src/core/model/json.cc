#include "core/model/json.h"

#include "core/codes/industry_code.h"

namespace keyline {

void WriteJson(JsonWriter& w, const Region& r) {
  w.BeginObject();
  w.Key("code").String(r.code);
  w.Key("name").String(r.name);
  w.Key("parent_code").OptString(r.parent_code);
  w.Key("version").Int(r.version);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Unit& u) {
  w.BeginObject();
  w.Key("id").Int(u.id);
  w.Key("name").String(u.name);
  w.Key("kind").String(UnitKindCode(u.kind));
  w.Key("credit_code").OptString(u.credit_code);
  w.Key("region_code").OptString(u.region_code);
  w.Key("parent_id").OptInt(u.parent_id);
  w.Key("contact");
  if (u.contact_hidden) {
    w.Null();
  } else {
    w.String(u.contact);
  }
  w.Key("active").Bool(u.active);
  w.Key("version").Int(u.version);
  w.Key("created_at").Int(u.created_at);
  w.Key("updated_at").Int(u.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Person& p) {
  w.BeginObject();
  w.Key("id").Int(p.id);
  w.Key("name").String(p.name);
  w.Key("title").String(p.title);
  w.Key("unit_id").OptInt(p.unit_id);
  w.Key("kind").String(PersonKindCode(p.kind));
  w.Key("phone");
  if (p.contact_hidden) {
    w.Null();
  } else {
    w.String(p.phone);
  }
  w.Key("active").Bool(p.active);
  w.Key("version").Int(p.version);
  w.Key("created_at").Int(p.created_at);
  w.Key("updated_at").Int(p.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Project& p) {
  w.BeginObject();
  w.Key("id").Int(p.id);
  w.Key("version").Int(p.version);
  w.Key("name").String(p.name);
  w.Key("code").OptString(p.code);
  w.Key("parent_id").OptInt(p.parent_id);
  w.Key("level").String(EnumCode(ProjectLevelTable(), p.level));
  w.Key("category").String(EnumCode(ProjectCategoryTable(), p.category));
  w.Key("approval_regime").String(EnumCode(ApprovalRegimeTable(), p.approval_regime));
  w.Key("nature").String(EnumCode(ConstructionNatureTable(), p.nature));
  w.Key("industry_code").OptString(p.industry_code);
  w.Key("industry_name")
      .OptString(p.industry_code ? codes::IndustryNameZh(*p.industry_code) : std::nullopt);
  w.Key("region_code").OptString(p.region_code);
  w.Key("address").String(p.address);
  w.Key("longitude").OptDouble(p.longitude);
  w.Key("latitude").OptDouble(p.latitude);
  w.Key("owner_unit_id").OptInt(p.owner_unit_id);
  w.Key("owner_credit_code").OptString(p.owner_credit_code);
  w.Key("responsible_unit_id").OptInt(p.responsible_unit_id);
  w.Key("scale_content").String(p.scale_content);
  w.Key("total_investment").String(p.total_investment.ToWanString());
  w.Key("funding").BeginArray();
  for (const auto& f : p.funding) {
    w.BeginObject();
    w.Key("source").String(EnumCode(FundingSourceTable(), f.source));
    w.Key("amount").String(f.amount.ToWanString());
    w.EndObject();
  }
  w.EndArray();
  w.Key("planned_start").OptString(p.planned_start);
  w.Key("planned_completion").OptString(p.planned_completion);
  w.Key("actual_start").OptString(p.actual_start);
  w.Key("actual_completion").OptString(p.actual_completion);
  w.Key("stats_status").String(EnumCode(StatsStatusTable(), p.stats_status));
  w.Key("stats_date").OptString(p.stats_date);
  w.Key("measurement_method").String(EnumCode(MeasurementMethodTable(), p.measurement_method));
  w.Key("stage").String(EnumCode(StageTable(), p.stage));
  w.Key("created_at").Int(p.created_at);
  w.Key("updated_at").Int(p.updated_at);
  if (!p.warnings.empty()) {
    w.Key("warnings").BeginArray();
    for (const auto& msg : p.warnings) w.String(msg);
    w.EndArray();
  }
  w.EndObject();
}

void WriteJson(JsonWriter& w, const StageChange& c) {
  w.BeginObject();
  w.Key("id").Int(c.id);
  w.Key("project_id").Int(c.project_id);
  if (c.from) {
    w.Key("from").String(EnumCode(StageTable(), *c.from));
  } else {
    w.Key("from").Null();
  }
  w.Key("to").String(EnumCode(StageTable(), c.to));
  w.Key("reason").String(c.reason);
  w.Key("user_id").Int(c.user_id);
  w.Key("username").String(c.username);
  w.Key("user_name").String(c.user_name.empty() ? c.username : c.user_name);
  w.Key("at").Int(c.at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Assignment& a) {
  w.BeginObject();
  w.Key("id").Int(a.id);
  w.Key("project_id").Int(a.project_id);
  w.Key("role").String(EnumCode(AssignmentRoleTable(), a.role));
  w.Key("person_id").OptInt(a.person_id);
  w.Key("unit_id").OptInt(a.unit_id);
  w.Key("valid_from").OptString(a.valid_from);
  w.Key("valid_to").OptString(a.valid_to);
  w.Key("note").String(a.note);
  w.Key("version").Int(a.version);
  w.Key("created_at").Int(a.created_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const User& u) {
  w.BeginObject();
  w.Key("id").Int(u.id);
  w.Key("username").String(u.username);
  w.Key("display_name").String(u.display_name);
  w.Key("role").String(RoleCode(u.role));
  w.Key("unit_id").Int(u.unit_id);
  w.Key("person_id").OptInt(u.person_id);
  w.Key("disabled").Bool(u.disabled);
  w.Key("locked_until").Int(u.locked_until);
  w.Key("version").Int(u.version);
  w.Key("created_at").Int(u.created_at);
  w.Key("updated_at").Int(u.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const AuditEvent& e) {
  w.BeginObject();
  w.Key("id").Int(e.id);
  w.Key("at").Int(e.at);
  w.Key("user_id").Int(e.user_id);
  w.Key("username").String(e.username);
  w.Key("user_name").String(e.user_name.empty() ? e.username : e.user_name);
  w.Key("role").String(e.role);
  w.Key("ip").String(e.ip);
  w.Key("request_id").String(e.request_id);
  w.Key("action").String(e.action);
  w.Key("entity").String(e.entity);
  w.Key("entity_id").String(e.entity_id);
  w.Key("project_id").Int(e.project_id);
  w.Key("lead_id").Int(e.lead_id);
  w.Key("before");
  if (e.before_json.empty()) {
    w.Null();
  } else {
    w.Raw(e.before_json);
  }
  w.Key("after");
  if (e.after_json.empty()) {
    w.Null();
  } else {
    w.Raw(e.after_json);
  }
  w.Key("prev_hash").String(e.prev_hash);
  w.Key("hash").String(e.hash);
  w.EndObject();
}

}  // namespace keyline
