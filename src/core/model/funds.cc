#include "core/model/funds.h"

namespace keyline {
namespace {

constexpr EnumEntry<FundStage> kStages[] = {
    {FundStage::kApplied, "applied", "申请"},
    {FundStage::kIssued, "issued", "下达"},
    {FundStage::kArrived, "arrived", "到位"},
    {FundStage::kPaid, "paid", "支付"},
};
constexpr EnumEntry<FundDueKind> kDueKinds[] = {
    {FundDueKind::kForward, "forward", "转发下达"},
    {FundDueKind::kBreakdown, "breakdown", "分解到项目"},
};
constexpr EnumEntry<KeyListAction> kActions[] = {
    {KeyListAction::kAdd, "add", "调入"},
    {KeyListAction::kRemove, "remove", "调出"},
};
constexpr EnumEntry<ChangeStatus> kChangeStatuses[] = {
    {ChangeStatus::kPending, "pending", "待审核"},
    {ChangeStatus::kApproved, "approved", "已批准"},
    {ChangeStatus::kRejected, "rejected", "已驳回"},
};
constexpr EnumEntry<ProjectLevel> kListLevels[] = {
    {ProjectLevel::kProvincial, "provincial", "省级重点项目"},
    {ProjectLevel::kCity, "city", "市级重点项目"},
    {ProjectLevel::kDistrict, "district", "区县级重点项目"},
};
constexpr EnumEntry<FactorKind> kFactorKinds[] = {
    {FactorKind::kLand, "land", "用地"},
    {FactorKind::kEnergy, "energy", "能耗"},
    {FactorKind::kEnvironment, "environment", "环境容量"},
    {FactorKind::kWater, "water", "用水"},
    {FactorKind::kPower, "power", "用电"},
};

}  // namespace

std::span<const EnumEntry<FundStage>> FundStageTable() { return kStages; }
std::span<const EnumEntry<FundDueKind>> FundDueKindTable() { return kDueKinds; }
std::span<const EnumEntry<KeyListAction>> KeyListActionTable() { return kActions; }
std::span<const EnumEntry<ChangeStatus>> ChangeStatusTable() { return kChangeStatuses; }
std::span<const EnumEntry<ProjectLevel>> KeyListLevelTable() { return kListLevels; }
std::span<const EnumEntry<FactorKind>> FactorKindTable() { return kFactorKinds; }

std::string_view FactorUnit(FactorKind kind) {
  switch (kind) {
    case FactorKind::kLand:
      return "亩";
    case FactorKind::kEnergy:
      return "吨标准煤";
    case FactorKind::kEnvironment:
      return "吨/年";
    case FactorKind::kWater:
      return "万立方米/年";
    case FactorKind::kPower:
      return "万千瓦时/年";
  }
  return "";
}

}  // namespace keyline
