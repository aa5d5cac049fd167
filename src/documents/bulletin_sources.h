// BulletinIndicatorSource: the seam through which the bulletin gets the five rates by unit,
// the rankings with change of rank and the red/yellow lists (the indicator engine, the lights
// and the rankings). NoIndicatorSource answers every section with "暂无数据" so that the bulletin
// is complete without them; the app wires LightsRankingSource over EngineIndicatorSource.
#pragma once

#include "common/result.h"
#include "core/model/role.h"
#include "documents/bulletin_data.h"

namespace keyline::documents {

// Which bulletin is asked for: the caller (scope), the period, and for a department its unit.
struct BulletinScope {
  int period = 0;  // YYYYMM
  std::optional<int64_t> unit_id;
};

class BulletinIndicatorSource {
 public:
  virtual ~BulletinIndicatorSource() = default;
  // 五率 (开工率, 投资完成率, ...) per responsible unit for the period.
  virtual Result<RatesTable> FiveRates(const Caller& caller, const BulletinScope& scope) = 0;
  // The period's ranking with each row's rank of the previous period.
  virtual Result<RankingTable> Rankings(const Caller& caller, const BulletinScope& scope) = 0;
  // Red and yellow projects with the reason of each light.
  virtual Result<LightLists> Lights(const Caller& caller, const BulletinScope& scope) = 0;
};

// Every section: available = false, note = "暂无数据（指标引擎尚未接入）".
class NoIndicatorSource final : public BulletinIndicatorSource {
 public:
  Result<RatesTable> FiveRates(const Caller& caller, const BulletinScope& scope) override;
  Result<RankingTable> Rankings(const Caller& caller, const BulletinScope& scope) override;
  Result<LightLists> Lights(const Caller& caller, const BulletinScope& scope) override;
};

}  // namespace keyline::documents
