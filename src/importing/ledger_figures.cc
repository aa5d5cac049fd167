#include "importing/ledger_figures.h"

#include <cmath>
#include <cstdlib>

#include "core/codes/credit_code.h"
#include "importing/normalize.h"

namespace keyline::importing {
namespace {

bool Has(const std::string& text, std::string_view word) {
  return text.find(word) != std::string::npos;
}

bool HasAny(const std::string& text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (Has(text, w)) return true;
  return false;
}

std::string Wan(Money m) { return m.ToWanString(); }

std::string PeriodZh(int year, int month) {
  return std::to_string(year) + "年1-" + std::to_string(month) + "月";
}

// A share written as "118%", "118", "1.18" (a number cell formatted as a percentage).
std::optional<double> ParsePercent(const std::string& raw, bool* ratio) {
  std::string t = CompactText(raw);
  *ratio = false;
  bool percent_sign = !t.empty() && t.back() == '%';
  if (percent_sign) t.pop_back();
  if (t.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size() || !std::isfinite(v)) return std::nullopt;
  *ratio = !percent_sign;
  return v;
}

void Add(std::vector<Reason>& list, const std::string& where, const std::string& zh,
         const std::string& en) {
  list.push_back({where.empty() ? zh : where + "：" + zh, en});
}

// The stage a new project's row implies, and why; the project's dates are completed from the
// sheet's start/completion columns when those lie in the past.
void InferStage(const FigureCells& cells, std::optional<Money> ytd, const std::string& today,
                Project* p, PlanRow* row) {
  const std::string& text = cells.progress;
  auto past = [&](const std::optional<std::string>& d) { return d && *d <= today; };
  std::optional<Stage> want;
  std::string why;
  if (HasAny(text, {"投产", "运营", "营业", "开业", "投入使用", "交付使用"})) {
    want = Stage::kProduction, why = "形象进度“" + text + "”";
  } else if (HasAny(text, {"竣工", "完工", "建成", "交工"}) &&
             !HasAny(text, {"未竣工", "未完工", "计划竣工", "预计竣工"})) {
    want = Stage::kCompleted, why = "形象进度“" + text + "”";
  } else if (HasAny(text, {"施工", "主体",   "基础", "封顶", "装修", "装饰", "安装",
                           "在建", "开工",   "桩基", "土方", "结构", "砌筑", "调试",
                           "续建", "建设中", "浇筑", "管网", "路面", "绿化"})) {
    want = Stage::kConstruction, why = "形象进度“" + text + "”";
  } else if (past(p->actual_start)) {
    want = Stage::kConstruction, why = "实际开工时间 " + *p->actual_start;
  } else if (past(p->planned_start) && ytd && ytd->cents > 0) {
    want = Stage::kConstruction, why = "开工时间 " + *p->planned_start + " 已过且本年已完成投资";
  } else if (HasAny(text, {"前期", "手续", "立项", "规划", "设计", "招标", "可研", "审批", "选址",
                           "征地", "拆迁"})) {
    want = Stage::kPreliminary, why = "形象进度“" + text + "”";
  }
  if (!want || *want == p->stage) return;
  std::string dates;
  if (*want != Stage::kPreliminary && !p->actual_start) {
    if (!past(p->planned_start)) {
      Add(row->warnings, "",
          "形象进度表明项目已开工（" + why + "），但表中没有已过的开工时间：按" +
              std::string(EnumZh(StageTable(), p->stage)) + "导入，请补填开工时间后再导入",
          "the row says the project has started but gives no start date in the past; imported "
          "in its default stage");
      return;
    }
    p->actual_start = p->planned_start;
    dates += "；实际开工日期取开工时间 " + *p->actual_start;
  }
  if ((*want == Stage::kCompleted || *want == Stage::kProduction) && !p->actual_completion) {
    if (past(p->planned_completion)) {
      p->actual_completion = p->planned_completion;
      dates += "；实际竣工日期取竣工时间 " + *p->actual_completion;
    } else {
      dates += "；表中没有已过的竣工时间，按在建导入";
      want = Stage::kConstruction;
    }
  }
  p->stage = *want;
  std::string stage_zh(EnumZh(StageTable(), *want));
  Add(row->warnings, "", "项目阶段推断为" + stage_zh + "：" + why + dates,
      "stage inferred as " + std::string(EnumCode(StageTable(), *want)) + " from the row");
}

}  // namespace

LedgerPeriod ResolveLedgerPeriod(const SheetTable& table,
                                 const std::vector<std::optional<std::string>>& column_fields,
                                 std::optional<int> explicit_period) {
  LedgerPeriod out;
  if (explicit_period) {
    if (*explicit_period >= 100000) {
      out.year = *explicit_period / 100;
      out.month = *explicit_period % 100;
    } else {
      out.year = *explicit_period;
    }
  }
  for (size_t c = 0; c < column_fields.size() && c < table.columns.size(); ++c) {
    const auto& f = column_fields[c];
    if (!f || (*f != "annual_plan" && *f != "ytd_completed" && *f != "ytd_percent")) continue;
    HeaderPeriod hp = PeriodInText(table.columns[c].header);
    if (!out.year && hp.year) out.year = hp.year;
    if (*f != "annual_plan" && !out.month && hp.month) out.month = hp.month;
  }
  HeaderPeriod title = PeriodInText(table.title);
  if (!out.year && title.year) out.year = title.year;
  if (!out.month && title.month) out.month = title.month;
  return out;
}

void FiguresIndex::SetFigures(std::unordered_map<int64_t, StoredFigures> by_project) {
  figures_ = std::move(by_project);
}

void FiguresIndex::SetPersonNames(std::function<std::string(int64_t)> name_of) {
  person_name_ = std::move(name_of);
}

void FiguresIndex::SetOwnerCodes(const std::vector<std::pair<std::string, int64_t>>& codes) {
  for (const auto& [code, unit] : codes) {
    owners_by_code_.emplace(code, unit);
    units_with_code_.insert(unit);
  }
}

const StoredFigures* FiguresIndex::Figures(int64_t project_id) const {
  auto it = figures_.find(project_id);
  return it == figures_.end() ? nullptr : &it->second;
}

std::optional<int64_t> FiguresIndex::OwnerByCode(const std::string& code) const {
  auto it = owners_by_code_.find(code);
  if (it == owners_by_code_.end()) return std::nullopt;
  return it->second;
}

bool FiguresIndex::UnitHasCode(int64_t unit_id) const {
  return units_with_code_.count(unit_id) > 0;
}

std::string FiguresIndex::PersonName(int64_t id) const {
  std::string name = person_name_ ? person_name_(id) : "";
  return name.empty() ? "#" + std::to_string(id) : name;
}

CreditCodeCell ReadCreditCodeCell(const std::string& text) {
  CreditCodeCell out;
  std::string t = CompactText(text);
  for (char& c : t)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  out.code = t;
  // A number cell comes to us as Excel shows it: 15 significant digits, "9.16101134018534E+17".
  size_t e = t.find("E+");
  if (e != std::string::npos && e > 0) {
    bool numeric = true;
    for (size_t i = 0; i < t.size(); ++i) {
      if (i == e || i == e + 1) continue;
      numeric = numeric && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.');
    }
    out.damaged = numeric;
  }
  return out;
}

void ResolveOwnerCode(const FigureCells& cells, const FiguresIndex& index, Project* after,
                      std::optional<int64_t>* owner_id, bool owner_named, PlanRow* row) {
  if (cells.credit_code.empty()) return;
  const std::string& where = cells.code_where;
  CreditCodeCell cell = ReadCreditCodeCell(cells.credit_code);
  if (cell.damaged) {
    Add(row->warnings, where,
        "统一社会信用代码“" + cells.credit_code +
            "”被 Excel 存成了数字，后几位已丢失，本行未导入该代码；请把该列设为“文本”格式、"
            "补全代码后重新导出再导入",
        "the credit code " + cells.credit_code +
            " was stored by Excel as a number and lost its last digits; not imported. Set the "
            "column to text, fix the codes and export again");
    return;
  }
  codes::CodeCheck lax = codes::CheckCreditCode(cell.code, false);
  if (lax.level == codes::CodeCheck::Level::kError) {
    Add(row->warnings, where, "统一社会信用代码“" + cell.code + "”" + lax.message_zh + "，未导入",
        "credit code " + cell.code + ": " + lax.message_en + "; not imported");
    return;
  }
  codes::CodeCheck strict = codes::CheckCreditCode(cell.code, true);
  if (strict.level == codes::CodeCheck::Level::kError) {  // only the check character is wrong
    after->owner_credit_code = cell.code;
    char expected = codes::ComputeCreditCheckChar(cell.code.substr(0, 17));
    Add(row->warnings, where,
        "统一社会信用代码“" + cell.code + "”校验位错误（按前17位应为“" + std::string(1, expected) +
            "”），已保留在项目上并标注，请核对",
        "credit code " + cell.code + ": wrong check character (expected " +
            std::string(1, expected) + "); kept on the project and flagged");
    return;
  }
  if (auto unit = index.OwnerByCode(cell.code)) {
    if (*owner_id && **owner_id != *unit) {
      Add(row->warnings, where,
          "统一社会信用代码“" + cell.code + "”属于另一已登记单位，建设单位按代码取该单位",
          "the credit code belongs to another registered unit; the owner is taken by code");
    }
    *owner_id = *unit;
    return;
  }
  if (*owner_id && index.UnitHasCode(**owner_id)) {
    Add(row->warnings, where,
        "建设单位已登记了另一个统一社会信用代码，未改为“" + cell.code + "”，请核对",
        "the owner already has another credit code; not changed to " + cell.code);
    return;
  }
  if (!*owner_id && !owner_named) {
    Add(row->warnings, where,
        "没有建设单位名称，无法按统一社会信用代码“" + cell.code + "”新建单位，未导入该代码",
        "no owner name to register the credit code " + cell.code + " under; not imported");
    return;
  }
  row->owner_code = cell.code;
  row->owner_code_for_existing = owner_id->has_value();
}

void PlanRowFigures(const FigureCells& cells, const LedgerPeriod& period, const FiguresIndex& index,
                    const StoredFigures* stored, const std::string& today, Project* after,
                    PlanRow* row) {
  // Field changes are listed for a matched project only (a new project's row shows no diff;
  // at 100,000 new rows they would cost tens of MiB).
  std::vector<FieldChange> ignored;
  std::vector<FieldChange>& changes = stored ? row->changes : ignored;
  auto error = [&](const std::string& where, const std::string& zh, const std::string& en) {
    Add(row->reasons, where, zh, en);
  };
  std::optional<Money> plan, ytd;
  if (!cells.annual_plan.empty()) {
    auto m = ParseAmount(cells.annual_plan, cells.plan_unit);
    if (!m.ok()) {
      error(cells.plan_where, m.status().message_zh(), m.status().message_en());
    } else if (!period.year) {
      error(cells.plan_where,
            "无法确定年度计划投资的年份：请在表头或标题中写明（如“2023年计划投资”），或导入时指定年"
            "份",
            "cannot tell the year of the annual plan: name it in the header or title, or give "
            "the year with the import");
    } else if (m->cents < 0) {
      error(cells.plan_where, "年度计划投资不能为负数", "the annual plan cannot be negative");
    } else {
      plan = *m;
    }
  }
  if (!cells.ytd_completed.empty()) {
    auto m = ParseAmount(cells.ytd_completed, cells.ytd_unit);
    if (!m.ok()) {
      error(cells.ytd_where, m.status().message_zh(), m.status().message_en());
    } else if (!period.year || !period.month) {
      error(
          cells.ytd_where,
          "无法确定累计完成投资截至哪个月：请在表头或标题中写明（如“1-12月完成投资”“截至12月底”），"
          "或导入时指定期间",
          "cannot tell which month the year-to-date figure runs to: name it in the header or "
          "title, or give the period with the import");
    } else if (m->cents < 0) {
      error(cells.ytd_where, "累计完成投资不能为负数",
            "the completed investment cannot be negative");
    } else {
      ytd = *m;
    }
  }
  if (!cells.ytd_percent.empty() && plan && ytd && plan->cents > 0) {
    bool ratio = false;
    auto pct = ParsePercent(cells.ytd_percent, &ratio);
    double computed = 100.0 * static_cast<double>(ytd->cents) / static_cast<double>(plan->cents);
    if (!pct) {
      Add(row->warnings, cells.percent_where, "占年度计划比例无法识别：" + cells.ytd_percent,
          "not a percentage: " + cells.ytd_percent);
    } else {
      double shown = *pct;
      if (ratio && std::fabs(*pct * 100 - computed) < std::fabs(*pct - computed))
        shown = *pct * 100;
      if (std::fabs(shown - computed) > 0.5) {
        char buf[160];
        std::snprintf(buf, sizeof buf,
                      "占年度计划比例%.1f%%与金额计算的%.1f%%不符（相差%.1f个百分点）", shown,
                      computed, std::fabs(shown - computed));
        char en[160];
        std::snprintf(en, sizeof en, "share of plan %.1f%% does not match %.1f%% from the amounts",
                      shown, computed);
        Add(row->warnings, cells.percent_where, buf, en);
      }
    }
  }
  if (!stored && !cells.stage_given) InferStage(cells, ytd, today, after, row);

  // The annual plan: a confirmed baseline of the year.
  if (plan && !(stored && stored->planned == plan && stored->plan_confirmed)) {
    row->annual_plan = plan;
    row->plan_year = *period.year;
    changes.push_back(
        {"annual_plan", stored && stored->planned ? Wan(*stored->planned) : "", Wan(*plan)});
  }
  // The year to date: an opening balance carrying what the company's reports do not.
  int balance_period = period.year && period.month ? *period.year * 100 + *period.month : 0;
  Money reported = stored ? stored->reported : Money{};
  Money balance_now = stored && stored->balance_id ? stored->balance : Money{};
  std::optional<Money> balance;
  if (ytd) {
    Money wanted{ytd->cents - reported.cents};
    if (ytd->cents == reported.cents + balance_now.cents) {
      // unchanged
    } else if (stored && stored->company_report_at_month) {
      Add(row->warnings, cells.ytd_where,
          PeriodZh(*period.year, *period.month) +
              "已有项目单位报送的月报，累计完成投资未导入（表中" + Wan(*ytd) + "万元，系统中" +
              Wan(Money{reported.cents + balance_now.cents}) + "万元）",
          "the company has its own report for that month; the year-to-date figure is not "
          "imported");
    } else if (wanted.cents < 0) {
      Add(row->warnings, cells.ytd_where,
          "系统中" + PeriodZh(*period.year, *period.month) + "月报累计" + Wan(reported) +
              "万元已超过表中" + Wan(*ytd) + "万元，累计完成投资未导入，请核对",
          "the reports already hold more than the sheet's year-to-date figure; not imported");
    } else {
      balance = wanted;
      changes.push_back({"ytd_completed",
                         stored ? Wan(Money{reported.cents + balance_now.cents}) : "", Wan(*ytd)});
    }
  }
  if (!cells.progress.empty() && balance_period != 0 &&
      !(stored && stored->company_report_at_month)) {
    std::string old = stored ? stored->balance_progress : "";
    if (old != cells.progress) {
      row->progress = cells.progress;
      if (!balance) balance = balance_now;
      changes.push_back({"progress", old, cells.progress});
    }
  }
  if (balance) {
    row->opening_balance = balance;
    row->balance_period = balance_period;
    if (stored) row->balance_id = stored->balance_id;
    if (!row->progress && stored) row->progress = stored->balance_progress;
  }
  // 包抓领导: a registered person (the value resolver matched or the user mapped it), or one
  // registered on confirmation.
  if (!cells.leader.empty()) {
    std::optional<int64_t> current = stored ? stored->leader_id : std::nullopt;
    if (cells.leader_id) {
      if (current != cells.leader_id) {
        row->leader_id = cells.leader_id;
        changes.push_back({"leader", current ? index.PersonName(*current) : "", cells.leader_name});
      }
    } else {
      row->new_leader = cells.leader_name.empty() ? cells.leader : cells.leader_name;
      Add(row->warnings, "", "包抓领导“" + row->new_leader + "”尚未登记，确认导入时将登记为领导",
          "the leader " + row->new_leader + " is not registered; created on confirm");
      changes.push_back({"leader", current ? index.PersonName(*current) : "", row->new_leader});
    }
  }
}

}  // namespace keyline::importing
