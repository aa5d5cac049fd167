#include "core/model/reporting.h"

namespace keyline {
namespace {

constexpr EnumEntry<PlanStatus> kPlanStatuses[] = {
    {PlanStatus::kDraft, "draft", "草稿"},
    {PlanStatus::kConfirmed, "confirmed", "已确认"},
};
constexpr EnumEntry<PlanSplit> kPlanSplits[] = {
    {PlanSplit::kEven, "even", "平均分配"},
    {PlanSplit::kSCurve, "s_curve", "S 曲线"},
    {PlanSplit::kCustom, "custom", "自定义"},
};
constexpr EnumEntry<ReportStatus> kReportStatuses[] = {
    {ReportStatus::kDraft, "draft", "草稿"},
    {ReportStatus::kSubmitted, "submitted", "已报送"},
    {ReportStatus::kReturned, "returned", "已退回"},
    {ReportStatus::kApproved, "approved", "已审核"},
};

constexpr EnumEntry<AttachmentOwner> kAttachmentOwners[] = {
    {AttachmentOwner::kReport, "report", "月报"},
    {AttachmentOwner::kProcedure, "procedure", "手续"},
};

}  // namespace

std::span<const EnumEntry<AttachmentOwner>> AttachmentOwnerTable() { return kAttachmentOwners; }
std::span<const EnumEntry<PlanStatus>> PlanStatusTable() { return kPlanStatuses; }
std::span<const EnumEntry<PlanSplit>> PlanSplitTable() { return kPlanSplits; }
std::span<const EnumEntry<ReportStatus>> ReportStatusTable() { return kReportStatuses; }

}  // namespace keyline
