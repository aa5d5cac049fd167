#include "core/model/attraction.h"

namespace keyline {
namespace {

constexpr EnumEntry<LeadStage> kLeadStages[] = {
    {LeadStage::kLead, "lead", "线索"},          {LeadStage::kNegotiating, "negotiating", "洽谈"},
    {LeadStage::kSigned, "signed", "签约"},      {LeadStage::kRegistered, "registered", "注册"},
    {LeadStage::kLanded, "landed", "开工/落地"}, {LeadStage::kDropped, "dropped", "终止"},
};
constexpr EnumEntry<ContractStatus> kContractStatuses[] = {
    {ContractStatus::kPerforming, "performing", "履约中"},
    {ContractStatus::kFulfilled, "fulfilled", "已履约"},
    {ContractStatus::kBreached, "breached", "未履约"},
    {ContractStatus::kTerminated, "terminated", "已解除"},
};
constexpr EnumEntry<CampaignScheme> kSchemes[] = {
    {CampaignScheme::kThree, "three", "三个一批"},
    {CampaignScheme::kFour, "four", "四个一批"},
};
constexpr EnumEntry<CampaignCategory> kCategories[] = {
    {CampaignCategory::kSign, "sign", "签约一批"},
    {CampaignCategory::kStart, "start", "开工一批"},
    {CampaignCategory::kProduction, "production", "投产一批"},
    {CampaignCategory::kPlan, "plan", "谋划一批"},
};
constexpr EnumEntry<TargetMeasure> kMeasures[] = {
    {TargetMeasure::kManual, "manual", "手工填报"},
    {TargetMeasure::kSigningEvents, "signing_events", "招商活动场次"},
    {TargetMeasure::kOutboundEvents, "outbound_events", "外出招商活动场次"},
    {TargetMeasure::kSignedContracts, "signed_contracts", "签约项目个数"},
    {TargetMeasure::kSignedAmount, "signed_amount", "签约金额（亿元）"},
    {TargetMeasure::kFundsInPlace, "funds_in_place", "到位资金（亿元）"},
    {TargetMeasure::kLandedLeads, "landed_leads", "落地项目个数"},
    {TargetMeasure::kStartedProjects, "started_projects", "开工项目个数"},
};

}  // namespace

std::span<const EnumEntry<LeadStage>> LeadStageTable() { return kLeadStages; }
std::span<const EnumEntry<ContractStatus>> ContractStatusTable() { return kContractStatuses; }
std::span<const EnumEntry<CampaignScheme>> CampaignSchemeTable() { return kSchemes; }
std::span<const EnumEntry<CampaignCategory>> CampaignCategoryTable() { return kCategories; }
std::span<const EnumEntry<TargetMeasure>> TargetMeasureTable() { return kMeasures; }

}  // namespace keyline
