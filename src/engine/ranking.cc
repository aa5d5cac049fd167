#include "engine/ranking.h"

#include <algorithm>
#include <set>
#include <string>

#include "core/model/reference.h"
#include "engine/facts_index.h"

namespace keyline::engine {
namespace {

bool CodeOk(std::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Σ weight × min(rate, 1) over the applicable components (rates below 0 count as 0), × 100 ÷
// their weights; nullopt when no component applies.
std::optional<Rational> Score(const RankingScheme& s, const UnitRates& u,
                              std::vector<ComponentPoints>* parts, int* applicable_weight) {
  Rational total = Rational::Of(0);
  int64_t weights = 0;
  for (size_t i = 0; i < s.components.size(); ++i) {
    const auto& rate = i < u.rates.size() ? u.rates[i] : std::nullopt;
    Rational capped = Rational::Of(0);
    if (rate) {
      capped = *rate;
      if (Less(Rational::Of(1), capped)) capped = Rational::Of(1);
      if (Less(capped, Rational::Of(0))) capped = Rational::Of(0);
      weights += s.components[i].weight;
    }
    Rational points = *Mul(capped, Rational::Of(s.components[i].weight));
    total = *Add(total, points);
    if (parts) {
      parts->push_back({s.components[i].indicator, rate ? FormatPercent(*rate, s.components[i].decimals) : "",
                        rate ? FormatFixed(points, 2) : ""});
    }
  }
  if (applicable_weight) *applicable_weight = static_cast<int>(weights);
  if (weights == 0) return std::nullopt;
  return *Mul(total, *Rational::Make(100, weights));
}

// Competition ranks of scores: 1 + the number of strictly higher scores.
std::map<int64_t, int> Ranks(const std::vector<std::pair<int64_t, Rational>>& scores) {
  std::map<int64_t, int> out;
  for (const auto& [id, s] : scores) {
    int higher = 0;
    for (const auto& [other, t] : scores) higher += Less(s, t) ? 1 : 0;
    out[id] = higher + 1;
  }
  return out;
}

}  // namespace

RankingScheme MianyangDemoScheme() {
  RankingScheme s;
  s.code = "mianyang_demo";
  s.name_zh = "重点项目推进红黑榜（示例）";
  s.name_en = "Key project progress red and black lists (demo)";
  s.period_kind = RankingPeriodKind::kQuarter;
  s.groups = {{"townships_parks", "乡镇街道和园区", {}, {"township", "park"}},
              {"departments", "部门", {}, {"department"}}};
  s.components = {{"fengxi.investment_completion", 50, "投资完成率"},
                  {"fengxi.start_rate_to_date", 20, "项目开工率"},
                  {"builtin.reporting_timeliness", 10, "按时报送率"},
                  {"builtin.data_quality", 10, "数据质量"},
                  {"builtin.problems_on_time", 10, "问题按期解决率"}};
  s.red_top_n = 5;
  s.red_require_target = true;
  s.red_target_percent = 80;
  s.black_bottom_n = 4;
  s.black_missed_target = true;
  s.black_target_percent = 80;
  return s;
}

Status ValidateRankingScheme(const RankingScheme& s,
                             const std::function<bool(std::string_view)>& known) {
  std::vector<FieldError> e;
  auto add = [&](std::string field, std::string zh, std::string en) {
    e.push_back({std::move(field), std::move(zh), std::move(en)});
  };
  if (!CodeOk(s.code)) {
    add("code", "编码应为 1..64 个小写字母、数字或 _.-", "code must be 1..64 of [a-z0-9_.-]");
  }
  if (s.name_zh.empty() || s.name_zh.size() > 200) {
    add("name_zh", "中文名称不能为空且不超过 200 字节", "name_zh must be 1..200 bytes");
  }
  if (s.name_en.size() > 200) add("name_en", "英文名称过长", "name_en is too long");
  if (s.groups.empty() || s.groups.size() > 20) {
    add("groups", "分组数应为 1..20", "there must be 1..20 groups");
  }
  std::set<std::string> group_codes;
  std::set<int64_t> units;
  for (size_t g = 0; g < s.groups.size(); ++g) {
    const RankingGroup& gr = s.groups[g];
    std::string f = "groups[" + std::to_string(g) + "]";
    if (!CodeOk(gr.code) || !group_codes.insert(gr.code).second) {
      add(f + ".code", "分组编码无效或重复", "group code invalid or duplicated");
    }
    if (gr.name_zh.empty() || gr.name_zh.size() > 200) {
      add(f + ".name_zh", "分组名称不能为空", "group name_zh must be 1..200 bytes");
    }
    if (gr.unit_ids.empty() && gr.unit_kinds.empty()) {
      add(f, "分组须列出单位或单位类别", "a group needs unit_ids or unit_kinds");
    }
    if (gr.unit_ids.size() > 500) add(f + ".unit_ids", "单位过多", "at most 500 units");
    for (int64_t u : gr.unit_ids) {
      if (u <= 0 || !units.insert(u).second) {
        add(f + ".unit_ids", "单位编号无效或在多个分组中重复",
            "unit id invalid or listed in more than one group");
        break;
      }
    }
    for (const std::string& k : gr.unit_kinds) {
      if (!ParseUnitKind(k)) {
        add(f + ".unit_kinds", "单位类别无效：" + k, "unknown unit kind: " + k);
        break;
      }
    }
  }
  if (s.components.empty() || s.components.size() > 20) {
    add("components", "指标项数应为 1..20", "there must be 1..20 components");
  }
  int64_t sum = 0;
  std::set<std::string> seen;
  for (size_t i = 0; i < s.components.size(); ++i) {
    const RankingComponent& c = s.components[i];
    std::string f = "components[" + std::to_string(i) + "]";
    if (c.weight < 1 || c.weight > 100) {
      add(f + ".weight", "权重应为 1..100 的整数", "weight must be a whole number 1..100");
    }
    sum += c.weight;
    if (c.indicator.size() > 64 || !known(c.indicator)) {
      add(f + ".indicator", "未知指标：" + c.indicator.substr(0, 64),
          "unknown indicator: " + c.indicator.substr(0, 64));
    } else if (!seen.insert(c.indicator).second) {
      add(f + ".indicator", "指标重复：" + c.indicator, "indicator listed twice: " + c.indicator);
    }
  }
  if (!s.components.empty() && sum != 100) {
    add("components", "权重之和应为 100，当前为 " + std::to_string(sum),
        "weights must sum to 100, they sum to " + std::to_string(sum));
  }
  if (s.red_top_n < 0 || s.red_top_n > 50) add("red_list.top_n", "应为 0..50", "must be 0..50");
  if (s.black_bottom_n < 0 || s.black_bottom_n > 50) {
    add("black_list.bottom_n", "应为 0..50", "must be 0..50");
  }
  if (s.red_target_percent < 0 || s.red_target_percent > 1000) {
    add("red_list.target_percent", "应为 0..1000", "must be 0..1000");
  }
  if (s.black_target_percent < 0 || s.black_target_percent > 1000) {
    add("black_list.target_percent", "应为 0..1000", "must be 0..1000");
  }
  if (e.empty()) return Status::Ok();
  std::string zh = "排名方案无效：" + e.front().field + " " + e.front().message_zh;
  std::string en = "invalid ranking scheme: " + e.front().field + " " + e.front().message_en;
  return Status::InvalidArgument(std::move(zh), std::move(en), std::move(e));
}

Result<RankingPeriod> ParseRankingPeriod(std::string_view t, RankingPeriodKind kind) {
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (i >= t.size() || t[i] < '0' || t[i] > '9') return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  int year = digits(0, 4);
  bool ok = year >= 2000 && year <= 2100;
  RankingPeriod p;
  if (ok && kind == RankingPeriodKind::kMonth) {
    int month = digits(4, 2);
    ok = t.size() == 6 && month >= 1 && month <= 12;
    p.first_month = p.last_month = year * 100 + month;
  } else if (ok) {
    int q = digits(5, 1);
    ok = t.size() == 6 && t[4] == 'Q' && q >= 1 && q <= 4;
    p.first_month = year * 100 + 3 * q - 2;
    p.last_month = year * 100 + 3 * q;
  }
  if (!ok) {
    bool month = kind == RankingPeriodKind::kMonth;
    std::string zh = month ? "期间应为 YYYYMM（按月排名）" : "期间应为 YYYYQn（按季度排名）";
    std::string en = month ? "period must be YYYYMM (monthly scheme)"
                           : "period must be YYYYQn (quarterly scheme)";
    return Status::InvalidArgument(zh, en, {{"period", zh, en}});
  }
  p.label = std::string(t);
  return p;
}

RankingPeriod PreviousRankingPeriod(const RankingPeriod& p, RankingPeriodKind kind) {
  int year = p.last_month / 100, month = p.last_month % 100;
  RankingPeriod out;
  if (kind == RankingPeriodKind::kMonth) {
    int prev = month == 1 ? (year - 1) * 100 + 12 : p.last_month - 1;
    out.first_month = out.last_month = prev;
    out.label = std::to_string(prev);
  } else {
    int q = (month - 1) / 3 + 1;
    int py = q == 1 ? year - 1 : year, pq = q == 1 ? 4 : q - 1;
    out.first_month = py * 100 + 3 * pq - 2;
    out.last_month = py * 100 + 3 * pq;
    out.label = std::to_string(py) + "Q" + std::to_string(pq);
  }
  return out;
}

std::vector<RankedUnit> RankGroup(const RankingScheme& s, const std::vector<UnitRates>& current,
                                  const std::vector<UnitRates>& previous,
                                  const std::map<int64_t, std::string>& exemptions) {
  std::vector<RankedUnit> rows;
  std::vector<std::pair<int64_t, Rational>> scores, prev_scores;
  for (const UnitRates& u : current) {
    RankedUnit r;
    r.unit_id = u.unit_id;
    std::optional<Rational> score = Score(s, u, &r.components, &r.applicable_weight);
    r.ranked = score.has_value();
    r.score = score.value_or(Rational::Of(0));
    r.score_text = r.ranked ? FormatFixed(r.score, 2) : "";
    if (r.ranked) scores.emplace_back(u.unit_id, r.score);
    if (auto ex = exemptions.find(r.unit_id); ex != exemptions.end()) {
      r.exempt = true;
      r.exemption_reason = ex->second;
    }
    rows.push_back(std::move(r));
  }
  for (const UnitRates& u : previous) {
    if (auto score = Score(s, u, nullptr, nullptr)) prev_scores.emplace_back(u.unit_id, *score);
  }
  std::map<int64_t, int> ranks = Ranks(scores), prev_ranks = Ranks(prev_scores);
  for (RankedUnit& r : rows) {
    if (!r.ranked) continue;
    r.rank = ranks[r.unit_id];
    int lower = 0, same = 0;
    for (const auto& [id, sc] : scores) {
      lower += Less(sc, r.score) ? 1 : 0;
      same += (!Less(sc, r.score) && !Less(r.score, sc)) ? 1 : 0;
    }
    r.tied = same > 1;
    if (auto it = prev_ranks.find(r.unit_id); it != prev_ranks.end()) {
      r.previous_rank = it->second;
      r.change = it->second - r.rank;
    }
    r.met_target = !Less(r.score, Rational::Of(s.red_target_percent));
    bool missed = Less(r.score, Rational::Of(s.black_target_percent));
    if (r.rank <= s.red_top_n && (!s.red_require_target || r.met_target)) {
      r.list = "red";
    } else if (lower < s.black_bottom_n && (!s.black_missed_target || missed) && !r.exempt) {
      r.list = "black";
    }
  }
  std::sort(rows.begin(), rows.end(), [](const RankedUnit& a, const RankedUnit& b) {
    if (a.ranked != b.ranked) return a.ranked;
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.unit_id < b.unit_id;
  });
  return rows;
}

}  // namespace keyline::engine
