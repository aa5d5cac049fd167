#include "documents/bulletin_sources.h"

namespace keyline::documents {
namespace {
constexpr const char* kNoData = "暂无数据";
}

Money MilestoneGroup::YearToDateInvestment() const {
  Money sum;
  for (const MilestoneItem& m : year_to_date) sum = sum + m.total_investment;
  return sum;
}

Result<RatesTable> NoIndicatorSource::FiveRates(const Caller&, const BulletinScope&) {
  RatesTable t;
  t.note = kNoData;
  return t;
}
Result<RankingTable> NoIndicatorSource::Rankings(const Caller&, const BulletinScope&) {
  RankingTable t;
  t.note = kNoData;
  return t;
}
Result<LightLists> NoIndicatorSource::Lights(const Caller&, const BulletinScope&) {
  LightLists t;
  t.note = kNoData;
  return t;
}

}  // namespace keyline::documents
