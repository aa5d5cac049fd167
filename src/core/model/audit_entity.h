// AuditEntity: every kind of thing the audit log records, typed, and what each kind means to the
// engine's change feed (storage/engine/change_feed.h): which project or lead a row touches.
//
// The audit writer (core/service/audit_log.h) parses the entity code of every entry it is given,
// refuses a code that is not in this table (Status::Internal: a service audits an entity that the
// feed does not map), and stores the project and lead the entry touches in typed columns, so the
// engine never reads JSON text. Adding a kind means adding it to the enum, the table and the
// exhaustive switch in AuditFactRuleOf (a compile warning, and audit_entity_test.cc, fail
// otherwise).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/enum_table.h"
#include "common/result.h"

namespace keyline {

enum class AuditEntity {
  kAnnualPlan,
  kAnnualTarget,
  kAssignment,
  kAttachment,
  kAuditChain,  // the audit log itself: keyed chain switch-over, key rotation
  kCampaignEntry,
  kCampaignRound,
  kDeadlineTemplate,
  kDistrict,
  kFactorDemand,
  kFundDueItem,
  kFundLine,
  kImport,
  kIndicator,
  kKeyListChange,
  kLead,
  kLeadContract,
  kLedgerFile,
  kLightJudgement,
  kLightRules,
  kMeeting,
  kMeetingDecision,
  kMilestone,
  kMonthlyReport,
  kPerson,
  kPersonAlias,
  kProblem,
  kProcedure,
  kProcedureTemplate,
  kProject,
  kProjectProcedures,
  kRankingExemption,
  kRankingScheme,
  kRegion,
  kReportWindow,
  kReportingSettings,
  kReportsFile,
  kSession,
  kSigningEvent,
  kSnapshot,
  kSupervisionOrder,
  kUnit,
  kUnitAlias,
  kUser,
};

// Code (the audit_log.entity column, the API's `entity`) and Chinese name of every kind.
std::span<const EnumEntry<AuditEntity>> AuditEntityTable();
std::optional<AuditEntity> ParseAuditEntity(std::string_view code);
std::string_view AuditEntityCode(AuditEntity entity);

// How the change feed finds the facts an entry of a kind touches.
enum class AuditFactRule {
  kNone,                 // touches no engine fact (users, sessions, settings, documents, ...)
  kProjectFromId,        // entity_id is "<project>" or "<project>/<...>"
  kProjectFromIdSecond,  // entity_id is "<...>/<project>" (campaign_entry: "round/project")
  kProjectFromJson,      // the entry's JSON carries "project_id" (the key required; null = none)
  kLeadFromId,           // entity_id is the lead; its JSON carries "project_id" (may be null)
  kLeadFromJson,         // the entry's JSON carries "lead_id" (required, > 0)
};
AuditFactRule AuditFactRuleOf(AuditEntity entity);

// The project and lead (0 = none) an entry touches.
struct AuditScope {
  int64_t project_id = 0;
  int64_t lead_id = 0;
};

// Applies AuditFactRuleOf(entity) to one entry. JSON keys are read from after_json, else
// before_json. Fails (Internal, zh + en) when the rule needs an id or a JSON key the entry does
// not carry — a service changed its payload without the feed knowing.
Result<AuditScope> AuditScopeOf(AuditEntity entity, std::string_view entity_id,
                                std::string_view before_json, std::string_view after_json);

// The integer after the first "<key>": in a JSON text; nullopt when the key is absent, 0 when
// its value is null or not an integer.
std::optional<int64_t> JsonIntField(std::string_view json, std::string_view key);

}  // namespace keyline
