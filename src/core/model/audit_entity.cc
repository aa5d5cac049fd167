#include "core/model/audit_entity.h"

#include <array>
#include <charconv>

namespace keyline {
namespace {

using E = AuditEntity;
constexpr EnumEntry<E> kTable[] = {
    {E::kAnnualPlan, "annual_plan", "年度计划"},
    {E::kAnnualTarget, "annual_target", "年度目标任务"},
    {E::kAssignment, "assignment", "包抓责任"},
    {E::kAttachment, "attachment", "附件"},
    {E::kAuditChain, "audit_chain", "审计链"},
    {E::kCampaignEntry, "campaign_entry", "三个一批项目"},
    {E::kCampaignRound, "campaign_round", "三个一批批次"},
    {E::kDeadlineTemplate, "deadline_template", "办理时限模板"},
    {E::kDistrict, "district", "本级区划"},
    {E::kFactorDemand, "factor_demand", "要素保障"},
    {E::kFundDueItem, "fund_due_item", "资金待办"},
    {E::kFundLine, "fund_line", "资金"},
    {E::kImport, "import", "导入"},
    {E::kIndicator, "indicator", "指标"},
    {E::kKeyListChange, "key_list_change", "重点项目名单调整"},
    {E::kLead, "lead", "招商线索"},
    {E::kLeadContract, "lead_contract", "招商合同"},
    {E::kLedgerFile, "ledger_file", "台账文件"},
    {E::kLightJudgement, "light_judgement", "亮灯认定"},
    {E::kLightRules, "light_rules", "亮灯规则"},
    {E::kMeeting, "meeting", "调度会"},
    {E::kMeetingDecision, "meeting_decision", "会议决定"},
    {E::kMilestone, "milestone", "挂图作战节点"},
    {E::kMonthlyReport, "monthly_report", "月报"},
    {E::kPerson, "person", "人员"},
    {E::kPersonAlias, "person_alias", "人员别名"},
    {E::kProblem, "problem", "问题"},
    {E::kProcedure, "procedure", "手续"},
    {E::kProcedureTemplate, "procedure_template", "手续模板"},
    {E::kProject, "project", "项目"},
    {E::kProjectProcedures, "project_procedures", "项目手续清单"},
    {E::kRankingExemption, "ranking_exemption", "榜单豁免"},
    {E::kRankingScheme, "ranking_scheme", "榜单方案"},
    {E::kRegion, "region", "区划"},
    {E::kReportWindow, "report_window", "填报窗口"},
    {E::kReportingSettings, "reporting_settings", "填报设置"},
    {E::kReportsFile, "reports_file", "月报文件"},
    {E::kSession, "session", "登录会话"},
    {E::kSigningEvent, "signing_event", "签约活动"},
    {E::kSnapshot, "snapshot", "发布快照"},
    {E::kSupervisionOrder, "supervision_order", "督办单"},
    {E::kUnit, "unit", "单位"},
    {E::kUnitAlias, "unit_alias", "单位别名"},
    {E::kUser, "user", "用户"},
};

int64_t LeadingInt(std::string_view s) {
  int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() ? v : 0;
}

// "a/b": part 0 is a, part 1 is b; "a": part 0 is a.
int64_t IdPart(std::string_view id, int index) {
  size_t slash = id.find('/');
  if (slash == std::string_view::npos) return index == 0 ? LeadingInt(id) : 0;
  return LeadingInt(index == 0 ? id.substr(0, slash) : id.substr(slash + 1));
}

Status Unmapped(AuditEntity entity, const std::string& what_zh, const std::string& what_en) {
  std::string code(AuditEntityCode(entity));
  return Status(ErrorCode::kInternal,
                "审计条目（" + code + "）缺少" + what_zh + "，引擎无法得知它涉及的项目",
                "audit entry (" + code + ") carries no " + what_en +
                    ": the engine's change feed cannot tell what it touches");
}

// The key from after_json, else before_json; nullopt when neither carries it.
std::optional<int64_t> JsonKey(std::string_view before, std::string_view after,
                               std::string_view key) {
  if (!after.empty()) return JsonIntField(after, key);
  return JsonIntField(before, key);
}

}  // namespace

std::span<const EnumEntry<AuditEntity>> AuditEntityTable() { return kTable; }

std::optional<AuditEntity> ParseAuditEntity(std::string_view code) {
  return ParseEnum<AuditEntity>(kTable, code);
}

std::string_view AuditEntityCode(AuditEntity entity) {
  return EnumCode<AuditEntity>(kTable, entity);
}

AuditFactRule AuditFactRuleOf(AuditEntity entity) {
  switch (entity) {
    case E::kProject:
    case E::kProjectProcedures:
    case E::kAnnualPlan:  // "project/year"
      return AuditFactRule::kProjectFromId;
    case E::kCampaignEntry:  // "round/project"
      return AuditFactRule::kProjectFromIdSecond;
    case E::kAssignment:
    case E::kMonthlyReport:
    case E::kProcedure:
    case E::kProblem:
    case E::kFundLine:
    case E::kMeetingDecision:
    case E::kKeyListChange:
      return AuditFactRule::kProjectFromJson;
    case E::kLead:  // a conversion creates the project
      return AuditFactRule::kLeadFromId;
    case E::kLeadContract:
      return AuditFactRule::kLeadFromJson;
    // Not engine facts, or facts that reach the engine through one of the kinds above
    // (an import records each project and report it writes).
    case E::kAnnualTarget:
    case E::kAttachment:
    case E::kAuditChain:
    case E::kCampaignRound:
    case E::kDeadlineTemplate:
    case E::kDistrict:
    case E::kFactorDemand:
    case E::kFundDueItem:
    case E::kImport:
    case E::kIndicator:
    case E::kLedgerFile:
    case E::kLightJudgement:
    case E::kLightRules:
    case E::kMeeting:
    case E::kMilestone:
    case E::kPerson:
    case E::kPersonAlias:
    case E::kProcedureTemplate:
    case E::kRankingExemption:
    case E::kRankingScheme:
    case E::kRegion:
    case E::kReportWindow:
    case E::kReportingSettings:
    case E::kReportsFile:
    case E::kSession:
    case E::kSigningEvent:
    case E::kSnapshot:
    case E::kSupervisionOrder:
    case E::kUnit:
    case E::kUnitAlias:
    case E::kUser:
      return AuditFactRule::kNone;
  }
  return AuditFactRule::kNone;
}

Result<AuditScope> AuditScopeOf(AuditEntity entity, std::string_view entity_id,
                                std::string_view before_json, std::string_view after_json) {
  AuditScope s;
  switch (AuditFactRuleOf(entity)) {
    case AuditFactRule::kNone:
      return s;
    case AuditFactRule::kProjectFromId:
      s.project_id = IdPart(entity_id, 0);
      if (s.project_id <= 0)
        return Unmapped(entity, "项目编号（entity_id）", "project id (entity_id)");
      return s;
    case AuditFactRule::kProjectFromIdSecond:
      s.project_id = IdPart(entity_id, 1);
      if (s.project_id <= 0)
        return Unmapped(entity, "项目编号（entity_id）", "project id (entity_id)");
      return s;
    case AuditFactRule::kProjectFromJson: {
      // The key must be there (a renamed field is caught); null or 0 means "no project" (a
      // meeting decision that concerns none).
      auto p = JsonKey(before_json, after_json, "project_id");
      if (!p) return Unmapped(entity, " project_id 字段", "\"project_id\" field");
      s.project_id = *p;
      return s;
    }
    case AuditFactRule::kLeadFromId: {
      s.lead_id = IdPart(entity_id, 0);
      if (s.lead_id <= 0) return Unmapped(entity, "线索编号（entity_id）", "lead id (entity_id)");
      auto p = JsonKey(before_json, after_json, "project_id");
      if (!p) return Unmapped(entity, " project_id 字段", "\"project_id\" field");
      s.project_id = *p;
      return s;
    }
    case AuditFactRule::kLeadFromJson: {
      auto l = JsonKey(before_json, after_json, "lead_id");
      if (!l || *l <= 0) return Unmapped(entity, " lead_id 字段", "\"lead_id\" field");
      s.lead_id = *l;
      return s;
    }
  }
  return s;
}

std::optional<int64_t> JsonIntField(std::string_view json, std::string_view key) {
  std::string needle = "\"" + std::string(key) + "\"";
  size_t pos = json.find(needle);
  if (pos == std::string_view::npos) return std::nullopt;
  pos += needle.size();
  while (pos < json.size() && (json[pos] == ' ' || json[pos] == ':')) ++pos;
  return LeadingInt(json.substr(pos));
}

}  // namespace keyline
