// Investment attraction (招商引资), campaign rounds (三个一批 / 四个一批) and annual targets
// (目标任务): the entities. Money is exact (cents); dates are "YYYY-MM-DD"; timestamps are ms
// since the epoch.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/enum_table.h"
#include "common/money.h"

namespace keyline {

// ---- Leads ----

// 线索 → 洽谈 → 签约 → 注册 → 开工/落地; 终止 ends a lead that will not come.
enum class LeadStage { kLead, kNegotiating, kSigned, kRegistered, kLanded, kDropped };
std::span<const EnumEntry<LeadStage>> LeadStageTable();

// A company the office is courting for an investment.
struct Lead {
  int64_t id = 0;
  int64_t version = 0;  // optimistic lock
  std::string company;
  std::optional<std::string> credit_code;    // 统一社会信用代码, upper-case
  std::optional<std::string> industry_code;  // GB/T 4754-2017
  Money intended_investment;                 // 意向投资额
  std::string source;                        // 线索来源 (以商招商, 展会, 中介 ...)
  int64_t responsible_unit_id = 0;           // 招商小组 / 责任单位 (a unit)
  std::string responsible_person;            // 责任人
  std::string next_step;                     // 下一步工作
  std::optional<std::string> next_step_date;
  LeadStage stage = LeadStage::kLead;
  std::optional<int64_t> project_id;  // the project it became (谋划 / 储备), once converted
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::vector<std::string> warnings;  // non-blocking findings (e.g. a bad credit check char)
};

// One move between lead stages, kept forever (also after conversion to a project).
struct LeadStageChange {
  int64_t id = 0;
  int64_t lead_id = 0;
  std::optional<LeadStage> from;  // nullopt at creation
  LeadStage to = LeadStage::kLead;
  std::string reason;
  int64_t user_id = 0;
  std::string username;
  std::string user_name;  // read only: the person's display name, else the login
  int64_t at = 0;
};

// ---- Signing events and contracts ----

// 招商活动: a signing ceremony or an outbound promotion trip.
struct SigningEvent {
  int64_t id = 0;
  int64_t version = 0;
  std::string name;
  std::string held_on;  // date
  std::string place;
  bool outbound = false;  // 外出招商 (counted by the "outbound events" target measure)
  std::string note;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// 履约 state of a signed contract.
enum class ContractStatus { kPerforming, kFulfilled, kBreached, kTerminated };
std::span<const EnumEntry<ContractStatus>> ContractStatusTable();

// One signed contract. "One contract, one count": a lead has at most one contract, a contract
// number is unique, and a contract is presented at no more than one signing event — so a
// signing is never counted twice (unique keys in storage enforce it).
struct Contract {
  int64_t id = 0;
  int64_t version = 0;
  int64_t lead_id = 0;
  std::optional<int64_t> event_id;
  std::string contract_no;  // 合同编号, unique
  std::string signed_on;    // date
  Money amount;             // 合同金额
  Money funds_in_place;     // 到位资金 (cumulative)
  ContractStatus status = ContractStatus::kPerforming;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// ---- Campaign rounds (三个一批) ----

enum class CampaignScheme { kThree, kFour };  // 三个一批 / 四个一批
// 签约一批, 开工一批, 投产一批; 四个一批 adds 谋划一批.
enum class CampaignCategory { kSign, kStart, kProduction, kPlan };
std::span<const EnumEntry<CampaignScheme>> CampaignSchemeTable();
std::span<const EnumEntry<CampaignCategory>> CampaignCategoryTable();

struct CampaignRound {
  int64_t id = 0;
  int64_t version = 0;
  std::string name;     // e.g. "2026年第一季度三个一批"
  std::string held_on;  // date
  std::string place;
  CampaignScheme scheme = CampaignScheme::kThree;
  std::string note;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A project in a round, in one category (a project appears at most once per round).
struct CampaignEntry {
  int64_t round_id = 0;
  int64_t project_id = 0;
  CampaignCategory category = CampaignCategory::kSign;
  std::string note;
  int64_t added_by = 0;
  int64_t added_at = 0;
  // Read with the project (not stored on the entry):
  std::string project_name;
  std::string project_stage;  // Stage code
  Money total_investment;
  std::optional<std::string> actual_start;
};

// ---- Annual targets (目标任务) ----

// Where a target's actual comes from: entered by hand, or computed from Keyline's own data
// for the target's year (see core/attraction/target_measures.h).
enum class TargetMeasure {
  kManual,           // the newest entered actual
  kSigningEvents,    // 招商活动 held in the year
  kOutboundEvents,   // 外出招商活动 held in the year
  kSignedContracts,  // contracts signed in the year
  kSignedAmount,     // 亿元 of contracts signed in the year
  kFundsInPlace,     // 亿元 of funds in place on contracts signed in the year
  kLandedLeads,      // leads registered or landed whose contract was signed in the year,
                     // with contract amount ≥ threshold
  kStartedProjects,  // projects actually started in the year with total investment ≥ threshold
};
std::span<const EnumEntry<TargetMeasure>> TargetMeasureTable();

struct Target {
  int64_t id = 0;
  int64_t version = 0;
  int year = 0;
  std::string title;  // 年内培育科技型中小企业420家以上
  double target_value = 0;
  std::string unit;  // 家, 场, 个, 亿元
  std::optional<int64_t> responsible_unit_id;
  TargetMeasure measure = TargetMeasure::kManual;
  std::optional<Money> threshold;  // for kLandedLeads / kStartedProjects
  std::string note;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// An actual entered by hand; every entry is kept (the newest counts).
struct TargetActual {
  int64_t id = 0;
  int64_t target_id = 0;
  double value = 0;
  std::string as_of;  // date
  std::string note;
  int64_t user_id = 0;
  std::string username;
  std::string user_name;  // read only: the person's display name, else the login
  int64_t at = 0;
};

}  // namespace keyline
