// The project ledger entry (项目台账) and its vocabularies.
//
// A project is identified for life by its national project code (项目代码) when it has one;
// its id is Keyline's own. Money is exact (Money, cents); dates are ISO text.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/enum_table.h"
#include "common/money.h"

namespace keyline {

// 项目库 pools: 谋划 → 储备 → 前期 → 在建 → 竣工 → 投产; 停缓建; 退出.
enum class Stage {
  kConceived,
  kReserve,
  kPreliminary,
  kConstruction,
  kCompleted,
  kProduction,
  kSuspended,
  kWithdrawn
};
enum class ProjectLevel { kProvincial, kCity, kDistrict, kNone };  // 重点项目级别
enum class ApprovalRegime { kApproval, kRatification, kFiling };   // 审批 / 核准 / 备案
enum class ConstructionNature {                                    // 建设性质
  kNew,
  kExpansion,
  kRenovation,
  kRelocation,
  kRestoration,
  kLivingFacilities,
  kPurchase
};
enum class ProjectCategory {
  kIndustrial,
  kInfrastructure,
  kSocial,
  kUrbanRenewal,
  kCommercial,
  kEcological,
  kOther
};
enum class StatsStatus { kNotApplicable, kPending, kIncluded };  // 入库纳统
enum class MeasurementMethod { kProgress, kFinancial };  // 形象进度法 / 财务支出法
enum class FundingSource {
  kCentralBudget,   // 中央预算内投资
  kSpecialBond,     // 地方政府专项债
  kUltraLongBond,   // 超长期特别国债
  kPolicyFinance,   // 政策性开发性金融工具
  kProvincialCity,  // 省市专项
  kLocalFiscal,     // 地方财政
  kSelfRaised,      // 企业自筹
  kBankLoan,        // 银行贷款
  kOther
};

std::span<const EnumEntry<Stage>> StageTable();
std::span<const EnumEntry<ProjectLevel>> ProjectLevelTable();
std::span<const EnumEntry<ApprovalRegime>> ApprovalRegimeTable();
std::span<const EnumEntry<ConstructionNature>> ConstructionNatureTable();
std::span<const EnumEntry<ProjectCategory>> ProjectCategoryTable();
std::span<const EnumEntry<StatsStatus>> StatsStatusTable();
std::span<const EnumEntry<MeasurementMethod>> MeasurementMethodTable();
std::span<const EnumEntry<FundingSource>> FundingSourceTable();

struct FundingLine {
  FundingSource source = FundingSource::kOther;
  Money amount;
  friend bool operator==(const FundingLine&, const FundingLine&) = default;
};

// Statistics inclusion threshold: planned total investment ≥ 500万元 (5,000,000 yuan).
inline constexpr Money kStatsInclusionThreshold = Money{500 * Money::kCentsPerWan};

struct Project {
  int64_t id = 0;
  int64_t version = 0;  // optimistic lock; incremented by every write
  std::string name;
  std::optional<std::string> code;  // 项目代码, normalised, unique
  std::optional<int64_t> parent_id;
  ProjectLevel level = ProjectLevel::kNone;
  ProjectCategory category = ProjectCategory::kOther;
  ApprovalRegime approval_regime = ApprovalRegime::kFiling;
  ConstructionNature nature = ConstructionNature::kNew;
  std::optional<std::string> industry_code;  // GB/T 4754-2017, e.g. "P8331"
  std::optional<std::string> region_code;
  std::string address;
  std::optional<double> longitude;
  std::optional<double> latitude;
  std::optional<int64_t> owner_unit_id;  // 项目业主 (company)
  // The owner's 统一社会信用代码 as a ledger gave it when it could not be put on the owner's
  // unit (its check character is wrong): kept, and flagged in warnings.
  std::optional<std::string> owner_credit_code;
  std::optional<int64_t> responsible_unit_id;  // 责任单位 (department / township / park)
  std::string scale_content;                   // 建设规模及内容
  Money total_investment;
  std::vector<FundingLine> funding;  // 资金拼盘
  std::optional<std::string> planned_start;
  std::optional<std::string> planned_completion;
  std::optional<std::string> actual_start;
  std::optional<std::string> actual_completion;
  StatsStatus stats_status = StatsStatus::kNotApplicable;
  std::optional<std::string> stats_date;
  MeasurementMethod measurement_method = MeasurementMethod::kProgress;
  Stage stage = Stage::kConceived;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::vector<std::string>
      warnings;  // non-blocking findings (e.g. unverifiable code), recomputed on every write
};

// One move between stages, kept forever.
struct StageChange {
  int64_t id = 0;
  int64_t project_id = 0;
  std::optional<Stage> from;  // nullopt for the initial stage at creation
  Stage to = Stage::kConceived;
  std::string reason;
  int64_t user_id = 0;
  std::string username;
  std::string user_name;  // read only: the person's display name, else the login
  int64_t at = 0;         // ms since epoch
};

// 包抓 / 首席服务员 / 责任单位 ...: who is attached to a project in which role, and when.
enum class AssignmentRole {
  kLeadLeader,           // 包抓领导 (person)
  kResponsibleUnit,      // 责任单位 (unit)
  kLeadUnit,             // 牵头单位 (unit)
  kChiefServiceOfficer,  // 首席服务员 (person)
  kDispatchLeader,       // 调度领导 (person)
  kCooperatingUnit,      // 配合部门 (unit)
};
std::span<const EnumEntry<AssignmentRole>> AssignmentRoleTable();
bool RoleTakesPerson(AssignmentRole role);

struct Assignment {
  int64_t id = 0;
  int64_t project_id = 0;
  AssignmentRole role = AssignmentRole::kLeadLeader;
  std::optional<int64_t> person_id;
  std::optional<int64_t> unit_id;
  std::optional<std::string> valid_from;  // inclusive
  std::optional<std::string> valid_to;    // inclusive; nullopt = open-ended
  std::string note;
  int64_t version = 0;
  int64_t created_at = 0;
};

}  // namespace keyline
