// The shipped indicator sets (as data) and the 序时进度 gap.
//
// Sources: ../shared/domain/research-china.md §2.1 (the five rates and the formulas checked
// against published reports) and §2.6 (序时进度 and "超序时进度 X 个百分点"). Definitions marked
// [inferred] in indicator_sets.cc are the research's proposals, to be confirmed with the
// customer; an office changes them as data, not code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "engine/evaluate.h"
#include "engine/rational.h"

namespace keyline::engine {

// Fengxi (Xixian New Area) seed set: 手续办结率, 项目开工率 (against the plan to date and against
// the annual plan), 入库纳统率, 投资完成率, 季度贡献率.
std::vector<IndicatorDef> FengxiIndicators();
// Shaanxi's official 五率: 招商引资落地率, 前期手续办结率, 储备项目开工率, 计划投资完成率,
// 竣工投产达效率.
std::vector<IndicatorDef> ShaanxiIndicators();

// 序时进度: the share of the year elapsed after `months` months (1..12), months ÷ 12.
// nullopt outside 1..12.
std::optional<Rational> ElapsedShare(int months);

// 超序时进度 in percentage points: (completion rate − months ÷ 12) × 100, exact, rounded half
// away from zero to `decimals` (0..6) only when formatted. Negative = behind schedule
// ("落后序时进度"). `completion_rate` is a fraction (0.972, not 97.2).
// Fails with kInvalidArgument for months outside 1..12 or decimals outside 0..6.
Result<std::string> ScheduleGapPoints(const Rational& completion_rate, int months, int decimals);

// The same from the amounts (Σ completed ÷ annual plan, both in cents). Reports compute the
// gap from the unrounded rate: 629.0 ÷ 647.4 亿 after 10 months is 13.8 points, whereas the
// rounded 97.2% would give 13.9. Fails also when planned_cents ≤ 0.
Result<std::string> ScheduleGapPointsFromAmounts(int64_t completed_cents, int64_t planned_cents,
                                                 int months, int decimals);

}  // namespace keyline::engine
