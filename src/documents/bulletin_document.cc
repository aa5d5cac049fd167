#include "documents/bulletin_document.h"

#include <cmath>
#include <cstdio>

#include "common/date.h"
#include "common/number_format.h"
#include "documents/bulletin_service.h"
#include "documents/export_service.h"

namespace keyline::documents {
namespace {

// A rate as a percentage with its indicator's decimals (common/number_format.h rounding).
std::string Percent(double fraction, int decimals) {
  return FormatFraction(fraction, decimals) + "%";
}

// The decimals of 投资完成率 (fengxi.investment_completion, as the dashboard and 五率 show it).
constexpr int kCompletionRateDecimals = 1;

std::string Months(int month) { return month == 1 ? "1月" : "1—" + std::to_string(month) + "月"; }

double Wan(Money m) { return static_cast<double>(m.cents) / Money::kCentsPerWan; }

SheetCell Str(std::string s) {
  if (s.empty()) return std::monostate{};
  return s;
}

std::vector<SheetColumn> MilestoneColumns() {
  return {{"序号", ColumnKind::kInteger, 7},   {"类别", ColumnKind::kText, 7},
          {"项目名称", ColumnKind::kText, 26}, {"责任单位", ColumnKind::kText, 25},
          {"日期", ColumnKind::kDate, 12},     {"总投资（万元）", ColumnKind::kWan, 16, "", true}};
}

void AddMilestones(OfficeSheet& sheet, const char* kind, const std::vector<MilestoneItem>& items) {
  for (const MilestoneItem& m : items) {
    sheet.rows.push_back({static_cast<double>(sheet.rows.size() + 1), std::string(kind),
                          Str(m.project_name), Str(m.unit), SheetDate{m.date},
                          Wan(m.total_investment)});
  }
}

DocSection Overview(const BulletinData& d, const std::string& title) {
  DocSection s;
  const BulletinTotals& t = d.totals;
  std::string months = Months(d.month());
  std::string p = "截至" + std::to_string(d.month()) + "月底，" + d.scope + "在库项目" +
                  std::to_string(t.projects) + "个，总投资" + WanText(t.total_investment) +
                  "万元；纳入年度投资计划项目" + std::to_string(t.planned_projects) +
                  "个，年度计划投资" + WanText(t.annual_planned) + "万元；" + months +
                  "累计完成投资" + WanText(t.completed_to_period) + "万元";
  if (t.completion_rate) {
    p += "，占年度计划的" + Percent(*t.completion_rate, kCompletionRateDecimals);
    std::string gap = GapPhrase(t.gap_points);
    if (!gap.empty()) p += "，" + gap;
  }
  p += "。";
  s.paragraphs.push_back(p);
  DocTable table;
  table.caption = "";
  table.sheet.name = "总体情况";
  table.sheet.title = title;
  table.sheet.subtitle = "截至" + DateZh(d.as_of) + "　金额单位：万元";
  table.sheet.columns = {{"指标", ColumnKind::kText, 28}, {"数值", ColumnKind::kText, 22}};
  table.sheet.rows = {
      {std::string("在库项目（个）"), std::to_string(t.projects)},
      {std::string("总投资（万元）"), WanText(t.total_investment)},
      {std::string("纳入年度计划项目（个）"), std::to_string(t.planned_projects)},
      {std::string("年度计划投资（万元）"), WanText(t.annual_planned)},
      {months + "完成投资（万元）", WanText(t.completed_to_period)},
      {std::string("占年度计划"),
       t.completion_rate ? Percent(*t.completion_rate, kCompletionRateDecimals) : std::string("—")},
      {std::string("序时进度（个百分点，+超/−落后）"), t.gap_points.value_or("—")},
  };
  s.tables.push_back(std::move(table));
  return s;
}

DocSection Milestones(const BulletinData& d) {
  DocSection s;
  std::string months = Months(d.month());
  auto count = [](const std::vector<MilestoneItem>& v) { return std::to_string(v.size()); };
  s.paragraphs.push_back(
      std::to_string(d.month()) + "月，新开工项目" + count(d.starts.this_period) + "个，竣工项目" +
      count(d.completions.this_period) + "个，投产项目" + count(d.productions.this_period) +
      "个。" + months + "累计新开工项目" + count(d.starts.year_to_date) + "个、总投资" +
      WanText(d.starts.YearToDateInvestment()) + "万元，竣工项目" +
      count(d.completions.year_to_date) + "个，投产项目" + count(d.productions.year_to_date) +
      "个。");
  DocTable month;
  month.caption = "（一）本月开工、竣工、投产项目";
  month.sheet.name = "本月开工竣工投产";
  month.sheet.title =
      std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月开工、竣工、投产项目";
  month.sheet.columns = MilestoneColumns();
  month.sheet.totals_row = true;
  AddMilestones(month.sheet, "开工", d.starts.this_period);
  AddMilestones(month.sheet, "竣工", d.completions.this_period);
  AddMilestones(month.sheet, "投产", d.productions.this_period);
  DocTable ytd;
  ytd.caption = "（二）" + months + "累计开工、竣工、投产项目";
  ytd.sheet.name = "累计开工竣工投产";
  ytd.sheet.title = std::to_string(d.year()) + "年" + months + "累计开工、竣工、投产项目";
  ytd.sheet.columns = MilestoneColumns();
  ytd.sheet.totals_row = true;
  AddMilestones(ytd.sheet, "开工", d.starts.year_to_date);
  AddMilestones(ytd.sheet, "竣工", d.completions.year_to_date);
  AddMilestones(ytd.sheet, "投产", d.productions.year_to_date);
  s.tables.push_back(std::move(month));
  s.tables.push_back(std::move(ytd));
  s.empty_note = "无";
  return s;
}

// A section named for its xlsx tab; when its source has no data, one paragraph says so.
DocSection EngineSection(const char* sheet_name, bool available, const std::string& note) {
  DocSection s;
  s.sheet_name = sheet_name;
  if (!available) s.paragraphs.push_back((note.empty() ? std::string("暂无数据") : note) + "。");
  return s;
}

DocSection Rates(const BulletinData& d) {
  DocSection s = EngineSection("五率", d.rates.available, d.rates.note);
  if (!d.rates.available) return s;
  DocTable t;
  t.sheet.name = "五率";
  t.sheet.title = std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月各单位五率情况";
  t.sheet.columns.push_back({"序号", ColumnKind::kInteger, 6});
  t.sheet.columns.push_back({"单位", ColumnKind::kText, 26});
  for (size_t i = 0; i < d.rates.columns.size(); ++i) {
    int decimals = i < d.rates.decimals.size() ? d.rates.decimals[i] : 1;
    t.sheet.columns.push_back(
        {d.rates.columns[i], ColumnKind::kPercent, 11, "五率", false, decimals});
  }
  for (const RatesTable::Row& r : d.rates.rows) {
    std::vector<SheetCell> row{static_cast<double>(t.sheet.rows.size() + 1), Str(r.unit)};
    for (const auto& v : r.rates) row.push_back(v ? SheetCell(*v) : SheetCell(std::string("—")));
    t.sheet.rows.push_back(std::move(row));
  }
  s.tables.push_back(std::move(t));
  s.empty_note = "暂无数据";
  return s;
}

std::string RankChange(const RankingTable::Row& r) {
  if (!r.previous_rank) return "新进";
  int delta = *r.previous_rank - r.rank;
  if (delta > 0) return "↑" + std::to_string(delta);
  if (delta < 0) return "↓" + std::to_string(-delta);
  return "持平";
}

DocSection Rankings(const BulletinData& d) {
  DocSection s = EngineSection("排名", d.rankings.available, d.rankings.note);
  if (!d.rankings.available) return s;
  DocTable t;
  t.caption = d.rankings.scheme;
  t.sheet.name = "排名";
  t.sheet.title = std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月排名情况";
  bool grouped = false;
  for (const RankingTable::Row& r : d.rankings.rows) grouped |= !r.group.empty();
  if (grouped) t.sheet.columns.push_back({"分组", ColumnKind::kText, 14});
  t.sheet.columns.insert(t.sheet.columns.end(), {{"名次", ColumnKind::kInteger, 6},
                                                 {"单位", ColumnKind::kText, 28},
                                                 {"得分", ColumnKind::kDecimal, 10},
                                                 {"上期名次", ColumnKind::kInteger, 10},
                                                 {"名次变化", ColumnKind::kText, 10}});
  for (const RankingTable::Row& r : d.rankings.rows) {
    std::vector<SheetCell> row;
    if (grouped) row.push_back(Str(r.group));
    row.insert(row.end(), {static_cast<double>(r.rank), Str(r.name),
                           r.score ? SheetCell(*r.score) : SheetCell(std::string("—")),
                           r.previous_rank ? SheetCell(static_cast<double>(*r.previous_rank))
                                           : SheetCell(std::string("—")),
                           RankChange(r)});
    t.sheet.rows.push_back(std::move(row));
  }
  s.tables.push_back(std::move(t));
  s.empty_note = "暂无数据";
  return s;
}

DocTable LightTable(const BulletinData& d, const char* caption, const char* name,
                    const std::vector<LightItem>& items) {
  DocTable t;
  t.caption = caption;
  t.sheet.name = name;
  t.sheet.title = std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + name;
  t.sheet.columns = {{"序号", ColumnKind::kInteger, 6},
                     {"项目名称", ColumnKind::kText, 32},
                     {"责任单位", ColumnKind::kText, 18},
                     {"原因", ColumnKind::kText, 40}};
  for (const LightItem& l : items) {
    t.sheet.rows.push_back({static_cast<double>(t.sheet.rows.size() + 1), Str(l.project_name),
                            Str(l.unit), Str(l.reason)});
  }
  return t;
}

DocSection Lights(const BulletinData& d) {
  DocSection s = EngineSection("红黄灯项目", d.lights.available, d.lights.note);
  if (!d.lights.available) return s;
  s.paragraphs.push_back("本月亮红灯项目" + std::to_string(d.lights.red.size()) + "个，亮黄灯项目" +
                         std::to_string(d.lights.yellow.size()) + "个。");
  s.tables.push_back(LightTable(d, "（一）红灯项目", "红灯项目", d.lights.red));
  s.tables.push_back(LightTable(d, "（二）黄灯项目", "黄灯项目", d.lights.yellow));
  s.empty_note = "无";
  return s;
}

DocSection Problems(const BulletinData& d) {
  DocSection s;
  s.paragraphs.push_back("截至" + DateZh(d.as_of) + "，逾期未解决问题" +
                         std::to_string(d.overdue_problems.size()) + "个。");
  DocTable t;
  t.sheet.name = "逾期问题";
  t.sheet.title = "逾期未解决问题清单";
  t.sheet.columns = {{"序号", ColumnKind::kInteger, 7},   {"项目名称", ColumnKind::kText, 20},
                     {"问题", ColumnKind::kText, 20},     {"责任单位", ColumnKind::kText, 23},
                     {"办结时限", ColumnKind::kDate, 12}, {"逾期天数", ColumnKind::kInteger, 12},
                     {"督办层级", ColumnKind::kText, 11}};
  for (const OverdueProblem& p : d.overdue_problems) {
    t.sheet.rows.push_back({static_cast<double>(t.sheet.rows.size() + 1), Str(p.project_name),
                            Str(p.title), Str(p.units), SheetDate{p.due},
                            static_cast<double>(p.days_overdue), Str(p.level)});
  }
  s.tables.push_back(std::move(t));
  s.empty_note = "无";
  return s;
}

}  // namespace

std::string ChineseNumber(int n) {
  static const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return kDigits[n];
  std::string s = n / 10 == 1 ? "" : kDigits[n / 10];
  s += "十";
  if (n % 10) s += kDigits[n % 10];
  return s;
}

std::string WanText(Money m) { return FormatWan(m); }

std::string CellText(const SheetCell& cell, ColumnKind kind, int decimals) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* d = std::get_if<SheetDate>(&cell)) return d->iso;
  if (const auto* v = std::get_if<double>(&cell)) {
    char buf[48];
    switch (kind) {
      case ColumnKind::kWan:
        return WanText(Money{static_cast<int64_t>(std::llround(*v * Money::kCentsPerWan))});
      case ColumnKind::kPercent:
        return Percent(*v, decimals);
      case ColumnKind::kDecimal:
        return FormatNumber(*v, decimals);
      default:
        std::snprintf(buf, sizeof buf, "%.0f", *v);
        return buf;
    }
  }
  return "";
}

BulletinDocument LayOutBulletin(const BulletinData& d) {
  BulletinDocument doc;
  std::string months = Months(d.month());
  doc.title =
      "关于" + std::to_string(d.year()) + "年" + months + d.scope + "重点项目建设情况的通报";
  doc.issue_line = std::to_string(d.year()) + "年第" + std::to_string(d.month()) + "期";
  doc.issuer = d.issuer;
  doc.date_line = DateZh(d.issued_on);
  std::vector<std::pair<const char*, DocSection>> parts;
  parts.emplace_back("总体情况", Overview(d, doc.title));
  parts.emplace_back("项目开工、竣工、投产情况", Milestones(d));
  parts.emplace_back("“五率”情况", Rates(d));
  parts.emplace_back("排名情况", Rankings(d));
  parts.emplace_back("红黄灯项目", Lights(d));
  parts.emplace_back("逾期未解决问题", Problems(d));
  int n = 0;
  for (auto& [heading, section] : parts) {
    section.heading = ChineseNumber(++n) + "、" + heading;
    doc.sections.push_back(std::move(section));
  }
  return doc;
}

}  // namespace keyline::documents
