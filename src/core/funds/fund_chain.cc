#include "core/funds/fund_chain.h"

#include <string>

#include "common/number_format.h"

namespace keyline {
namespace {

Money& StageTotal(FundTotals& t, FundStage stage) {
  switch (stage) {
    case FundStage::kApplied:
      return t.applied;
    case FundStage::kIssued:
      return t.issued;
    case FundStage::kArrived:
      return t.arrived;
    case FundStage::kPaid:
      break;
  }
  return t.paid;
}

// The first pair (stage, previous stage) whose order is broken, or nullopt.
std::optional<FundStage> FirstBroken(const FundTotals& t) {
  if (t.issued > t.applied) return FundStage::kIssued;
  if (t.arrived > t.issued) return FundStage::kArrived;
  if (t.paid > t.arrived) return FundStage::kPaid;
  return std::nullopt;
}

std::string Zh(FundStage s) { return std::string(EnumZh(FundStageTable(), s)); }
std::string En(FundStage s) { return std::string(EnumCode(FundStageTable(), s)); }

FundStage Previous(FundStage s) { return static_cast<FundStage>(static_cast<int>(s) - 1); }

}  // namespace

FundTotals SumEvents(const std::vector<FundEvent>& events) {
  FundTotals t;
  for (const FundEvent& e : events) StageTotal(t, e.stage).cents += e.amount.cents;
  return t;
}

Result<FundTotals> AddToChain(const FundTotals& before, FundStage stage, Money amount) {
  if (amount.cents <= 0) {
    return Status::InvalidArgument("金额须大于 0", "the amount must be greater than 0",
                                   {{"amount", "须大于 0", "must be greater than 0"}});
  }
  FundTotals after = before;
  Money& total = StageTotal(after, stage);
  if (amount.cents > kMaxFundTotalCents - total.cents) {
    return Status::InvalidArgument("累计金额超出上限", "the running total is too large",
                                   {{"amount", "累计金额超出上限", "running total too large"}});
  }
  total.cents += amount.cents;
  if (std::optional<FundStage> broken = FirstBroken(after); broken && *broken == stage) {
    FundStage prev = Previous(stage);
    FundTotals& a = after;
    std::string zh = Zh(stage) + "累计 " + FormatWan(StageTotal(a, stage)) + " 万元将超过" +
                     Zh(prev) + "累计 " + FormatWan(StageTotal(a, prev)) + " 万元";
    std::string en = "the " + En(stage) + " total " + FormatWan(StageTotal(a, stage)) +
                     " 万元 would exceed the " + En(prev) + " total " +
                     FormatWan(StageTotal(a, prev)) + " 万元";
    return Status::InvalidArgument(zh, en, {{"amount", zh, en}});
  }
  return after;
}

Status CheckChain(const FundTotals& totals) {
  std::optional<FundStage> broken = FirstBroken(totals);
  if (!broken) return Status::Ok();
  FundStage prev = Previous(*broken);
  return Status::Conflict(Zh(*broken) + "累计金额将超过" + Zh(prev) + "累计金额",
                          "the " + En(*broken) + " total would exceed the " + En(prev) + " total");
}

}  // namespace keyline
