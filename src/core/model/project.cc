#include "core/model/project.h"

namespace keyline {
namespace {

constexpr EnumEntry<Stage> kStages[] = {
    {Stage::kConceived, "conceived", "谋划"},     {Stage::kReserve, "reserve", "储备"},
    {Stage::kPreliminary, "preliminary", "前期"}, {Stage::kConstruction, "construction", "在建"},
    {Stage::kCompleted, "completed", "竣工"},     {Stage::kProduction, "production", "投产"},
    {Stage::kSuspended, "suspended", "停缓建"},   {Stage::kWithdrawn, "withdrawn", "退出"},
};
constexpr EnumEntry<ProjectLevel> kLevels[] = {
    {ProjectLevel::kProvincial, "provincial", "省级重点"},
    {ProjectLevel::kCity, "city", "市级重点"},
    {ProjectLevel::kDistrict, "district", "区级重点"},
    {ProjectLevel::kNone, "none", "一般项目"},
};
constexpr EnumEntry<ApprovalRegime> kRegimes[] = {
    {ApprovalRegime::kApproval, "approval", "审批"},
    {ApprovalRegime::kRatification, "ratification", "核准"},
    {ApprovalRegime::kFiling, "filing", "备案"},
};
constexpr EnumEntry<ConstructionNature> kNatures[] = {
    {ConstructionNature::kNew, "new", "新建"},
    {ConstructionNature::kExpansion, "expansion", "扩建"},
    {ConstructionNature::kRenovation, "renovation", "改建和技术改造"},
    {ConstructionNature::kRelocation, "relocation", "迁建"},
    {ConstructionNature::kRestoration, "restoration", "恢复"},
    {ConstructionNature::kLivingFacilities, "living_facilities", "单纯建造生活设施"},
    {ConstructionNature::kPurchase, "purchase", "单纯购置"},
};
constexpr EnumEntry<ProjectCategory> kCategories[] = {
    {ProjectCategory::kIndustrial, "industrial", "产业项目"},
    {ProjectCategory::kInfrastructure, "infrastructure", "基础设施"},
    {ProjectCategory::kSocial, "social", "社会民生"},
    {ProjectCategory::kUrbanRenewal, "urban_renewal", "城市更新"},
    {ProjectCategory::kCommercial, "commercial", "商贸服务"},
    {ProjectCategory::kEcological, "ecological", "生态环保"},
    {ProjectCategory::kOther, "other", "其他"},
};
constexpr EnumEntry<StatsStatus> kStats[] = {
    {StatsStatus::kNotApplicable, "not_applicable", "不需入库"},
    {StatsStatus::kPending, "pending", "待入库"},
    {StatsStatus::kIncluded, "included", "已入库"},
};
constexpr EnumEntry<MeasurementMethod> kMethods[] = {
    {MeasurementMethod::kProgress, "progress", "形象进度法"},
    {MeasurementMethod::kFinancial, "financial", "财务支出法"},
};
constexpr EnumEntry<FundingSource> kSources[] = {
    {FundingSource::kCentralBudget, "central_budget", "中央预算内投资"},
    {FundingSource::kSpecialBond, "special_bond", "地方政府专项债"},
    {FundingSource::kUltraLongBond, "ultra_long_bond", "超长期特别国债"},
    {FundingSource::kPolicyFinance, "policy_finance", "政策性开发性金融工具"},
    {FundingSource::kProvincialCity, "provincial_city", "省市专项"},
    {FundingSource::kLocalFiscal, "local_fiscal", "地方财政"},
    {FundingSource::kSelfRaised, "self_raised", "企业自筹"},
    {FundingSource::kBankLoan, "bank_loan", "银行贷款"},
    {FundingSource::kOther, "other", "其他"},
};
constexpr EnumEntry<AssignmentRole> kAssignmentRoles[] = {
    {AssignmentRole::kLeadLeader, "lead_leader", "包抓领导"},
    {AssignmentRole::kResponsibleUnit, "responsible_unit", "责任单位"},
    {AssignmentRole::kLeadUnit, "lead_unit", "牵头单位"},
    {AssignmentRole::kChiefServiceOfficer, "chief_service_officer", "首席服务员"},
    {AssignmentRole::kDispatchLeader, "dispatch_leader", "调度领导"},
    {AssignmentRole::kCooperatingUnit, "cooperating_unit", "配合部门"},
};

}  // namespace

std::span<const EnumEntry<Stage>> StageTable() { return kStages; }
std::span<const EnumEntry<ProjectLevel>> ProjectLevelTable() { return kLevels; }
std::span<const EnumEntry<ApprovalRegime>> ApprovalRegimeTable() { return kRegimes; }
std::span<const EnumEntry<ConstructionNature>> ConstructionNatureTable() { return kNatures; }
std::span<const EnumEntry<ProjectCategory>> ProjectCategoryTable() { return kCategories; }
std::span<const EnumEntry<StatsStatus>> StatsStatusTable() { return kStats; }
std::span<const EnumEntry<MeasurementMethod>> MeasurementMethodTable() { return kMethods; }
std::span<const EnumEntry<FundingSource>> FundingSourceTable() { return kSources; }
std::span<const EnumEntry<AssignmentRole>> AssignmentRoleTable() { return kAssignmentRoles; }

bool RoleTakesPerson(AssignmentRole role) {
  return role == AssignmentRole::kLeadLeader || role == AssignmentRole::kChiefServiceOfficer ||
         role == AssignmentRole::kDispatchLeader;
}

}  // namespace keyline
