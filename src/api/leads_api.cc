// /api/v1/leads: investment-attraction leads (招商线索), their stage moves, contract and
// conversion into a project; /api/v1/projects/{id}/lead: the lead a project came from.
#include "api/attraction_routes.h"
#include "api/json_input.h"
#include "api/supervision_input.h"
#include "core/model/attraction_json.h"
#include "core/model/json.h"
#include "core/service/attraction_services.h"

namespace keyline::api {
namespace {

// The editable fields of a lead (POST and PUT).
LeadInput ReadLeadInput(FieldReader& f) {
  LeadInput in;
  in.company = f.String("company", true, 200).value_or("");
  in.credit_code = f.String("credit_code", false, 18);
  in.industry_code = f.String("industry_code", false, 5);
  in.intended_investment = f.Amount("intended_investment", false).value_or(Money{});
  in.source = f.String("source", false, 200).value_or("");
  in.responsible_unit_id = f.Int("responsible_unit_id", false, 1, INT64_MAX);
  in.responsible_person = f.String("responsible_person", false, 100).value_or("");
  in.next_step = f.String("next_step", false, 1000).value_or("");
  in.next_step_date = f.Date("next_step_date", false);
  f.Ignore({"id", "stage", "project_id", "warnings", "created_at", "updated_at"});
  return in;
}

// The fields of a contract (POST and PUT).
ContractInput ReadContractInput(FieldReader& f) {
  ContractInput in;
  in.event_id = f.Int("event_id", false, 1, INT64_MAX);
  in.contract_no = f.String("contract_no", true, 100).value_or("");
  in.signed_on = f.Date("signed_on", true).value_or("");
  in.amount = f.Amount("amount", true).value_or(Money{});
  in.funds_in_place = f.Amount("funds_in_place", false).value_or(Money{});
  in.status = f.Enum("status", ContractStatusTable(), false).value_or(ContractStatus::kPerforming);
  f.Ignore({"id", "lead_id", "created_at", "updated_at"});
  return in;
}

std::string DetailJson(const LeadDetail& d) {
  JsonWriter w;
  w.BeginObject();
  w.Key("lead");
  WriteJson(w, d.lead);
  w.Key("history").BeginArray();
  for (const LeadStageChange& c : d.history) WriteJson(w, c);
  w.EndArray();
  w.Key("contract");
  if (d.contract) {
    WriteJson(w, *d.contract);
  } else {
    w.Null();
  }
  w.EndObject();
  return w.Take();
}

Reply ListLeads(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"stage", "unit", "q", "limit", "offset"}));
  LeadQuery q;
  KL_RETURN_IF_ERROR(ReadPage(req, &q.page));
  if (auto stage = req.Query("stage")) {
    q.stage = ParseEnum(LeadStageTable(), *stage);
    if (!q.stage) {
      return Status::InvalidArgument(
          "stage 取值无效，可选：" + EnumCodes(LeadStageTable()),
          "invalid stage; expected one of " + EnumCodes(LeadStageTable()),
          {{"stage", "取值无效", "invalid value"}});
    }
  }
  KL_RETURN_IF_ERROR(QueryId(req, "unit", &q.unit_id));
  if (auto text = req.Query("q")) {
    if (text->size() > 200) {
      return Status::InvalidArgument("q 过长", "q is too long", {{"q", "过长", "too long"}});
    }
    q.text = *text;
  }
  KL_ASSIGN_OR_RETURN(auto page, ctx.attraction->leads.List(caller, q));
  return JsonOk(PagedJson(page, q.page, [](JsonWriter& w, const Lead& l) { WriteJson(w, l); }));
}

Reply CreateLead(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  LeadInput in = ReadLeadInput(f);
  f.Ignore({"version"});
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto lead, ctx.attraction->leads.Create(caller, std::move(in)));
  return JsonOk(ToJson(lead), 201);
}

Reply GetLead(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto detail, ctx.attraction->leads.Get(caller, id));
  return JsonOk(DetailJson(detail));
}

Reply PutLead(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  LeadInput in = ReadLeadInput(f);
  auto version = f.Int("version", true, 1, INT64_MAX);
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto lead, ctx.attraction->leads.Update(caller, id, *version, std::move(in)));
  return JsonOk(ToJson(lead));
}

Reply MoveLead(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  auto to = f.Enum("to", LeadStageTable(), true);
  std::string reason = f.String("reason", false, 1000).value_or("");
  auto version = f.Int("version", true, 1, INT64_MAX);
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto lead, ctx.attraction->leads.Move(caller, id, *to, reason, *version));
  return JsonOk(ToJson(lead));
}

Reply ConvertLead(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  ConvertInput in;
  in.stage = f.Enum("stage", StageTable(), true).value_or(Stage::kConceived);
  in.name = f.String("name", false, 200);
  in.total_investment = f.Amount("total_investment", false);
  in.category =
      f.Enum("category", ProjectCategoryTable(), false).value_or(ProjectCategory::kIndustrial);
  in.expected_version = f.Int("version", true, 1, INT64_MAX).value_or(0);
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto done, ctx.attraction->leads.Convert(caller, id, in));
  JsonWriter w;
  w.BeginObject();
  w.Key("lead");
  WriteJson(w, done.lead);
  w.Key("project");
  WriteJson(w, done.project);
  w.EndObject();
  return JsonOk(w.Take(), 201);
}

Reply SignContract(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  ContractInput in = ReadContractInput(f);
  f.Ignore({"version"});
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto contract, ctx.attraction->signing.Sign(caller, id, in));
  return JsonOk(ToJson(contract), 201);
}

Reply PutContract(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  ContractInput in = ReadContractInput(f);
  auto version = f.Int("version", true, 1, INT64_MAX);
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto contract,
                      ctx.attraction->signing.UpdateContract(caller, id, *version, in));
  return JsonOk(ToJson(contract));
}

Reply ProjectLead(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto lead, ctx.attraction->leads.ForProject(caller, id));
  JsonWriter w;
  w.BeginObject().Key("lead");
  if (lead) {
    WriteJson(w, *lead);
  } else {
    w.Null();
  }
  w.EndObject();
  return JsonOk(w.Take());
}

}  // namespace

void RegisterLeadRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/leads", ListLeads);
  Route(router, ctx, "POST", "/api/v1/leads", CreateLead, SmallBody());
  Route(router, ctx, "GET", "/api/v1/leads/{id}", GetLead);
  Route(router, ctx, "PUT", "/api/v1/leads/{id}", PutLead, SmallBody());
  Route(router, ctx, "POST", "/api/v1/leads/{id}/stage", MoveLead, SmallBody());
  Route(router, ctx, "POST", "/api/v1/leads/{id}/convert", ConvertLead, SmallBody());
  Route(router, ctx, "POST", "/api/v1/leads/{id}/contract", SignContract, SmallBody());
  Route(router, ctx, "PUT", "/api/v1/leads/{id}/contract", PutContract, SmallBody());
  Route(router, ctx, "GET", "/api/v1/projects/{id}/lead", ProjectLead);
}

}  // namespace keyline::api
