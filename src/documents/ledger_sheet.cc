#include "documents/ledger_sheet.h"

#include "core/codes/industry_code.h"

namespace keyline::documents {
namespace {

SheetCell Text(std::string_view s) {
  if (s.empty()) return std::monostate{};
  return std::string(s);
}
SheetCell OptText(const std::optional<std::string>& s) {
  return s ? Text(*s) : SheetCell(std::monostate{});
}
// "F5211 百货零售": the code with the name of its most specific level (the code alone when
// it has no name).
std::string IndustryText(const std::optional<std::string>& code) {
  if (!code || code->empty()) return "";
  std::optional<std::string> name = codes::IndustryNameZh(*code);
  return name ? *code + " " + *name : *code;
}
SheetCell OptDate(const std::optional<std::string>& s) {
  return s && !s->empty() ? SheetCell(SheetDate{*s}) : SheetCell(std::monostate{});
}

}  // namespace

OfficeSheet LedgerSheet(const std::vector<Project>& projects, const NameBook& names,
                        const std::string& subtitle) {
  OfficeSheet s;
  s.name = "项目台账";
  s.title = "重点项目台账";
  s.subtitle = subtitle;
  s.totals_row = true;
  s.columns = {
      {"序号", ColumnKind::kInteger, 6},
      {"项目名称", ColumnKind::kText, 32},
      {"项目代码", ColumnKind::kText, 26},
      {"项目级别", ColumnKind::kText, 9},
      {"项目类别", ColumnKind::kText, 10},
      {"建设性质", ColumnKind::kText, 9},
      {"所属行业", ColumnKind::kText, 22},
      {"所属区划", ColumnKind::kText, 12},
      {"建设地点", ColumnKind::kText, 20},
      {"项目业主（建设单位）", ColumnKind::kText, 24, "责任主体"},
      {"责任单位", ColumnKind::kText, 16, "责任主体"},
      {"建设规模及主要建设内容", ColumnKind::kText, 36},
      {"总投资（万元）", ColumnKind::kWan, 14, "", true},
      {"开工", ColumnKind::kDate, 12, "计划工期"},
      {"竣工", ColumnKind::kDate, 12, "计划工期"},
      {"开工", ColumnKind::kDate, 12, "实际工期"},
      {"竣工", ColumnKind::kDate, 12, "实际工期"},
      {"建设阶段", ColumnKind::kText, 9},
      {"入库纳统", ColumnKind::kText, 9},
  };
  s.rows.reserve(projects.size());
  int n = 0;
  for (const Project& p : projects) {
    std::vector<SheetCell> row;
    row.reserve(s.columns.size());
    row.push_back(static_cast<double>(++n));
    row.push_back(Text(p.name));
    row.push_back(OptText(p.code));
    row.push_back(Text(EnumZh(ProjectLevelTable(), p.level)));
    row.push_back(Text(EnumZh(ProjectCategoryTable(), p.category)));
    row.push_back(Text(EnumZh(ConstructionNatureTable(), p.nature)));
    row.push_back(Text(IndustryText(p.industry_code)));
    row.push_back(Text(names.RegionName(p.region_code)));
    row.push_back(Text(p.address));
    row.push_back(Text(names.UnitName(p.owner_unit_id)));
    row.push_back(Text(names.UnitName(p.responsible_unit_id)));
    row.push_back(Text(p.scale_content));
    row.push_back(static_cast<double>(p.total_investment.cents) / Money::kCentsPerWan);
    row.push_back(OptDate(p.planned_start));
    row.push_back(OptDate(p.planned_completion));
    row.push_back(OptDate(p.actual_start));
    row.push_back(OptDate(p.actual_completion));
    row.push_back(Text(EnumZh(StageTable(), p.stage)));
    row.push_back(Text(EnumZh(StatsStatusTable(), p.stats_status)));
    s.rows.push_back(std::move(row));
  }
  if (projects.empty()) s.note = "暂无符合条件的项目 / no matching projects";
  return s;
}

}  // namespace keyline::documents
