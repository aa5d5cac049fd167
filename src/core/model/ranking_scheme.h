// A ranking scheme (红黑榜 / 排名方案) as data: what the engine ranks units by, stored by the
// lights repositories. Semantics and validation: engine/ranking.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace keyline {

enum class RankingPeriodKind : uint8_t { kMonth, kQuarter };

// A group's units: the listed ids plus every unit of the listed kinds ("township", "park",
// "department", ...; core/model/reference.h), resolved when a ranking is computed.
struct RankingGroup {
  std::string code;
  std::string name_zh;
  std::vector<int64_t> unit_ids;
  std::vector<std::string> unit_kinds;
};
struct RankingComponent {
  std::string indicator;  // an IndicatorCatalogue code or a built-in measure
  int64_t weight = 0;     // whole points
  std::string name_zh;
  // Decimals its percent is shown with: the indicator's own (filled by the ranking service
  // from the catalogue; built-in measures keep 1). Not stored with the scheme.
  int decimals = 1;
};
struct RankingScheme {
  std::string code, name_zh, name_en;
  RankingPeriodKind period_kind = RankingPeriodKind::kQuarter;
  std::vector<RankingGroup> groups;
  std::vector<RankingComponent> components;
  int64_t red_top_n = 5;
  bool red_require_target = true;
  int64_t red_target_percent = 100;
  int64_t black_bottom_n = 4;
  bool black_missed_target = true;
  int64_t black_target_percent = 100;
  // Its published lists are visible in full to every internal role (not to 项目单位): a
  // department or 首席服务员 then sees every row, not only its own units'.
  bool visible_to_all = false;
  int64_t updated_by = 0;
  int64_t updated_at = 0;
};

}  // namespace keyline
