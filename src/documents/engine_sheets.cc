#include "documents/engine_sheets.h"

#include <cstdlib>
#include <map>

namespace keyline::documents {
namespace {

SheetCell Text(std::string_view s) {
  if (s.empty()) return std::monostate{};
  return std::string(s);
}

// A decimal string of the engine ("12.5", "-3") as a number; empty or malformed → empty cell.
SheetCell Number(const std::string& s) {
  if (s.empty()) return std::monostate{};
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::monostate{};
  return v;
}

// An aggregate as GET /rates gives it: 万元 for money (6 decimals), a plain number otherwise.
SheetCell Amount(const std::optional<engine::Rational>& v, engine::Dim dim) {
  if (!v) return std::monostate{};
  if (dim != engine::Dim::kMoney) return Number(engine::FormatFixed(*v, 6));
  auto wan = engine::Rational::Make(v->num, v->den * 1'000'000);
  if (!wan) return std::monostate{};
  return Number(engine::FormatFixed(*wan, 6));
}

void AppendRate(std::vector<SheetCell>& row, const engine::IndicatorValue& v, engine::Dim dim) {
  row.push_back(Number(v.percent));
  row.push_back(Amount(v.numerator, dim));
  row.push_back(Amount(v.denominator, dim));
}

void AppendEmpty(std::vector<SheetCell>& row, size_t n) {
  for (size_t i = 0; i < n; ++i) row.push_back(std::monostate{});
}

}  // namespace

std::string ColourZh(engine::LightColour colour) {
  switch (colour) {
    case engine::LightColour::kRed:
      return "红灯";
    case engine::LightColour::kYellow:
      return "黄灯";
    case engine::LightColour::kGreen:
      break;
  }
  return "绿灯";
}

OfficeSheet RatesSheet(const engine::RatesService::SetResult& rates, const std::string& title,
                       const std::string& subtitle) {
  OfficeSheet s;
  s.name = "五率";
  s.title = title;
  s.subtitle = subtitle;
  s.columns.push_back({"分组", ColumnKind::kText, 24});
  for (const auto& i : rates.by_group) {
    const engine::CompiledIndicator& ind = *i->indicator;
    std::string group = ind.def.name_zh.empty() ? ind.def.code : ind.def.name_zh;
    ColumnKind amount =
        ind.numerator.dim == engine::Dim::kMoney ? ColumnKind::kWan : ColumnKind::kDecimal;
    s.columns.push_back({"率（%）", ColumnKind::kDecimal, 10, group, false, ind.def.decimals});
    // Counts as whole numbers, 万元 with two decimals (as the 五率 screen shows them).
    s.columns.push_back({"分子", amount, 14, group, false, 0});
    s.columns.push_back({"分母", amount, 14, group, false, 0});
  }
  // The union of every indicator's groups, in key order (as GET /rates).
  std::map<std::string, std::string> groups;
  for (const auto& i : rates.by_group) {
    for (const auto& g : i->groups) groups.emplace(g.key, g.label);
  }
  for (const auto& [key, label] : groups) {
    std::vector<SheetCell> row{Text(label.empty() ? key : label)};
    for (const auto& i : rates.by_group) {
      const engine::GroupResult* found = nullptr;
      for (const auto& g : i->groups) {
        if (g.key == key) found = &g;
      }
      if (found) {
        AppendRate(row, found->value, i->indicator->numerator.dim);
      } else {
        AppendEmpty(row, 3);
      }
    }
    s.rows.push_back(std::move(row));
  }
  std::vector<SheetCell> area{std::string("全区合计")};
  for (const auto& i : rates.by_group) {
    const engine::IndicatorResult* total = nullptr;
    for (const auto& a : rates.area) {
      if (a->indicator->def.code == i->indicator->def.code) total = a.get();
    }
    if (total && !total->groups.empty()) {
      AppendRate(area, total->groups[0].value, total->indicator->numerator.dim);
    } else {
      AppendEmpty(area, 3);
    }
  }
  s.rows.push_back(std::move(area));
  if (groups.empty()) s.note = "暂无分组数据 / no groups";
  return s;
}

OfficeSheet LightsSheet(const std::vector<engine::LightsItem>& items, const std::string& subtitle) {
  OfficeSheet s;
  s.name = "红黄绿灯";
  s.title = "重点项目红黄绿灯";
  s.subtitle = subtitle;
  s.columns = {
      {"序号", ColumnKind::kInteger, 6},   {"项目代码", ColumnKind::kText, 26},
      {"项目名称", ColumnKind::kText, 32}, {"责任单位", ColumnKind::kText, 16},
      {"总体灯色", ColumnKind::kText, 10},
  };
  // The dimensions any item has (the enabled ones), in their fixed order.
  std::vector<engine::LightDimension> dims;
  for (engine::LightDimension d : engine::kAllDimensions) {
    bool used = items.empty();
    for (const auto& item : items) {
      for (const auto& l : item.lights.dimensions) used = used || l.dimension == d;
    }
    if (!used) continue;
    dims.push_back(d);
    std::string name(engine::SpecOf(d).name_zh);
    s.columns.push_back({"灯色", ColumnKind::kText, 8, name});
    s.columns.push_back({"原因", ColumnKind::kText, 36, name});
  }
  int n = 0;
  for (const auto& item : items) {
    std::vector<SheetCell> row{static_cast<double>(++n), Text(item.project.code),
                               Text(item.project.name), Text(item.project.unit_name),
                               ColourZh(item.lights.overall)};
    for (engine::LightDimension d : dims) {
      const engine::DimensionLight* light = nullptr;
      for (const auto& l : item.lights.dimensions) {
        if (l.dimension == d) light = &l;
      }
      if (light) {
        row.push_back(ColourZh(light->colour));
        row.push_back(Text(light->reason_zh));
      } else {
        AppendEmpty(row, 2);
      }
    }
    s.rows.push_back(std::move(row));
  }
  if (items.empty()) s.note = "暂无符合条件的项目 / no matching projects";
  return s;
}

OfficeSheet RankingSheet(const engine::RankingResult& ranking, const std::string& subtitle) {
  OfficeSheet s;
  s.name = "排名";
  s.title = (ranking.scheme.name_zh.empty() ? ranking.scheme.code : ranking.scheme.name_zh) + "（" +
            ranking.period.label + "）";
  s.subtitle = subtitle;
  s.columns = {
      {"分组", ColumnKind::kText, 14},   {"排名", ColumnKind::kText, 8},
      {"变化", ColumnKind::kInteger, 6}, {"单位", ColumnKind::kText, 20},
      {"得分", ColumnKind::kDecimal, 8},
  };
  for (const auto& c : ranking.scheme.components) {
    std::string name =
        (c.name_zh.empty() ? c.indicator : c.name_zh) + "（" + std::to_string(c.weight) + "分）";
    s.columns.push_back({"完成率（%）", ColumnKind::kDecimal, 11, name});
    s.columns.push_back({"得分", ColumnKind::kDecimal, 8, name});
  }
  s.columns.push_back({"红黑榜", ColumnKind::kText, 8});
  s.columns.push_back({"豁免说明", ColumnKind::kText, 24});
  for (const auto& g : ranking.groups) {
    for (const auto& r : g.rows) {
      const engine::RankedUnit& u = r.ranked;
      std::vector<SheetCell> row{Text(g.name_zh)};
      if (u.ranked) {
        row.push_back(std::to_string(u.rank) + (u.tied ? "（并列）" : ""));
      } else {
        row.push_back(std::string("不参评"));
      }
      row.push_back(u.change ? SheetCell(static_cast<double>(*u.change))
                             : SheetCell(std::monostate{}));
      row.push_back(Text(r.unit_name));
      row.push_back(Number(u.score_text));
      // The unit's points in the scheme's component order.
      for (const auto& c : ranking.scheme.components) {
        const engine::ComponentPoints* points = nullptr;
        for (const auto& p : u.components) {
          if (p.indicator == c.indicator) points = &p;
        }
        if (points) {
          row.push_back(Number(points->percent));
          row.push_back(Number(points->points));
        } else {
          AppendEmpty(row, 2);
        }
      }
      row.push_back(Text(u.list == "red" ? "红榜" : u.list == "black" ? "黑榜" : ""));
      row.push_back(u.exempt ? Text(u.exemption_reason.empty() ? "豁免" : u.exemption_reason)
                             : SheetCell(std::monostate{}));
      s.rows.push_back(std::move(row));
    }
  }
  if (s.rows.empty()) s.note = "暂无排名数据 / nothing to rank";
  return s;
}

}  // namespace keyline::documents
