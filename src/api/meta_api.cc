// /api/v1/meta: the vocabularies (codes and Chinese labels) the UI and clients need.
#include "api/api_context.h"
#include "common/json_writer.h"
#include "common/version.h"
#include "core/codes/industry_code.h"
#include "core/model/attraction.h"
#include "core/model/funds.h"
#include "core/model/project.h"
#include "core/model/reference.h"
#include "core/model/reporting.h"
#include "core/model/supervision.h"

namespace keyline::api {
namespace {

template <typename E>
void WriteTable(JsonWriter& w, std::string_view name, std::span<const EnumEntry<E>> table) {
  w.Key(name).BeginArray();
  for (const auto& e : table) {
    w.BeginObject().Key("code").String(e.code).Key("label").String(e.zh).EndObject();
  }
  w.EndArray();
}

std::string EnumsJson() {
  JsonWriter w;
  w.BeginObject();
  WriteTable(w, "stage", StageTable());
  WriteTable(w, "level", ProjectLevelTable());
  WriteTable(w, "category", ProjectCategoryTable());
  WriteTable(w, "approval_regime", ApprovalRegimeTable());
  WriteTable(w, "nature", ConstructionNatureTable());
  WriteTable(w, "stats_status", StatsStatusTable());
  WriteTable(w, "measurement_method", MeasurementMethodTable());
  WriteTable(w, "funding_source", FundingSourceTable());
  WriteTable(w, "assignment_role", AssignmentRoleTable());
  WriteTable(w, "report_status", ReportStatusTable());
  WriteTable(w, "plan_status", PlanStatusTable());
  WriteTable(w, "plan_split", PlanSplitTable());
  WriteTable(w, "attachment_owner", AttachmentOwnerTable());
  // Supervision.
  WriteTable(w, "procedure_status", ProcedureStatusTable());
  WriteTable(w, "milestone_state", MilestoneStateTable());
  WriteTable(w, "problem_category", ProblemCategoryTable());
  WriteTable(w, "problem_severity", ProblemSeverityTable());
  WriteTable(w, "problem_source", ProblemSourceTable());
  WriteTable(w, "problem_status", ProblemStatusTable());
  WriteTable(w, "escalation_level", EscalationLevelTable());
  WriteTable(w, "meeting_status", MeetingStatusTable());
  WriteTable(w, "decision_kind", DecisionKindTable());
  WriteTable(w, "agenda_kind", AgendaKindTable());
  // Funds, key lists, factors, attraction, campaigns, targets.
  WriteTable(w, "fund_stage", FundStageTable());
  WriteTable(w, "fund_due_kind", FundDueKindTable());
  WriteTable(w, "key_list_action", KeyListActionTable());
  WriteTable(w, "change_status", ChangeStatusTable());
  WriteTable(w, "factor_kind", FactorKindTable());
  WriteTable(w, "lead_stage", LeadStageTable());
  WriteTable(w, "contract_status", ContractStatusTable());
  WriteTable(w, "campaign_scheme", CampaignSchemeTable());
  WriteTable(w, "campaign_category", CampaignCategoryTable());
  WriteTable(w, "target_measure", TargetMeasureTable());
  w.Key("unit_kind").BeginArray();
  for (UnitKind k : {UnitKind::kOffice, UnitKind::kDepartment, UnitKind::kTownship, UnitKind::kPark,
                     UnitKind::kCompany, UnitKind::kOther}) {
    static constexpr const char* kZh[] = {"发改部门", "行业部门", "街道", "园区", "企业", "其他"};
    w.BeginObject().Key("code").String(UnitKindCode(k));
    w.Key("label").String(kZh[static_cast<int>(k)]).EndObject();
  }
  w.EndArray();
  w.Key("person_kind").BeginArray();
  for (PersonKind k : {PersonKind::kLeader, PersonKind::kCadre, PersonKind::kContact}) {
    static constexpr const char* kZh[] = {"领导", "干部", "联系人"};
    w.BeginObject().Key("code").String(PersonKindCode(k));
    w.Key("label").String(kZh[static_cast<int>(k)]).EndObject();
  }
  w.EndArray();
  w.Key("role").BeginArray();
  for (Role r : {Role::kAdmin, Role::kSupervisor, Role::kDepartment, Role::kReporter, Role::kLeader,
                 Role::kServiceOfficer}) {
    w.BeginObject().Key("code").String(RoleCode(r)).Key("label").String(RoleNameZh(r)).EndObject();
  }
  w.EndArray();
  w.Key("version").String(KeylineVersion());
  w.EndObject();
  return w.Take();
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The industry table, or the lines whose code starts with `q` (upper-cased) or whose name
// contains it. A division matched by name brings its section along so the picker can group it.
std::string IndustriesJson(std::string_view q) {
  std::string upper(q);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  const auto& table = codes::IndustryTable();
  auto matches = [&](const codes::IndustryEntry& e) {
    return q.empty() || StartsWith(e.code, upper) || e.name_zh.find(q) != std::string::npos;
  };
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  int64_t total = 0;
  for (const auto& e : table) {
    if (!matches(e)) continue;
    w.BeginObject().Key("code").String(e.code).Key("name").String(e.name_zh);
    w.Key("parent_code").String(e.parent).Key("level").Int(e.level).EndObject();
    ++total;
  }
  w.EndArray().Key("total").Int(total).EndObject();
  return w.Take();
}

}  // namespace

void RegisterMetaRoutes(http::Router& router, ApiContext& ctx) {
  // Vocabularies are public knowledge but still behind login, like everything under /api.
  Route(router, ctx, "GET", "/api/v1/meta/enums",
        [body = EnumsJson()](ApiContext&, const Caller&, http::Request&) -> Reply {
          return JsonOk(body);
        });
  // GB/T 4754-2017: 门类 and 大类 with their names; ?q= filters by code prefix or name.
  Route(router, ctx, "GET", "/api/v1/meta/industries",
        [](ApiContext&, const Caller&, http::Request& req) -> Reply {
          KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"q"}));
          std::string q(req.Query("q").value_or(""));
          if (q.size() > 100) {
            return Status::InvalidArgument("q 过长（最多100字节）",
                                           "q is too long (at most 100 bytes)");
          }
          return JsonOk(IndustriesJson(q));
        });
}

}  // namespace keyline::api
