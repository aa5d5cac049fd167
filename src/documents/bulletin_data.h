// BulletinData: what the monthly bulletin (月度通报) of a period says, before any rendering.
// Assembled by BulletinService; rendered to HTML, PDF and .xlsx by the bulletin_* renderers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/money.h"

namespace keyline::documents {

struct BulletinTotals {
  int64_t projects = 0;  // 在库项目 (every stage except 退出)
  Money total_investment;
  int64_t planned_projects = 0;  // with a confirmed annual plan
  Money annual_planned;
  Money completed_to_period;              // 1–M 月完成投资
  std::optional<double> completion_rate;  // fraction of the annual plan
  std::optional<std::string> gap_points;  // 超(+)/落后(−)序时进度, "7.33"; nullopt without plan
};

struct MilestoneItem {
  int64_t project_id = 0;
  std::string project_name;
  std::string unit;  // 责任单位
  std::string date;  // ISO
  Money total_investment;
};

// 开工 / 竣工 / 投产: this period's projects and the year to date.
struct MilestoneGroup {
  std::vector<MilestoneItem> this_period;
  std::vector<MilestoneItem> year_to_date;  // includes this_period
  Money YearToDateInvestment() const;
};

struct OverdueProblem {
  int64_t problem_id = 0;
  std::string project_name;
  std::string title;
  std::string units;  // responsible units, "、"-joined
  std::string due;    // the effective deadline (ISO)
  int days_overdue = 0;
  std::string level;  // 督办层级 in Chinese
};

// 五率 by unit. `available` false: the section says 暂无数据 with `note`.
struct RatesTable {
  bool available = false;
  std::string note;
  std::vector<std::string> columns;  // rate names, e.g. 开工率
  std::vector<int> decimals;         // per column: the indicator's decimals
  struct Row {
    std::string unit;
    std::vector<std::optional<double>> rates;  // fractions, one per column
  };
  std::vector<Row> rows;
};

struct RankingTable {
  bool available = false;
  std::string note;
  std::string scheme;  // the ranking scheme's name
  struct Row {
    int rank = 0;
    std::optional<int> previous_rank;  // last period's rank; nullopt = new
    std::string name;                  // unit (or project)
    std::optional<double> score;
    std::string group;  // the scheme's group (部门, 乡镇街道和园区), "" = none
  };
  std::vector<Row> rows;
};

struct LightItem {
  std::string project_name;
  std::string unit;
  std::string reason;
};
struct LightLists {
  bool available = false;
  std::string note;
  std::vector<LightItem> red, yellow;
};

struct BulletinData {
  int period = 0;         // YYYYMM
  std::string scope;      // "全区" or the department's name
  std::string issuer;     // the issuing unit
  std::string issued_on;  // ISO date the bulletin was generated
  std::string as_of;      // ISO date the figures are as of (period end, or today if earlier)
  BulletinTotals totals;
  MilestoneGroup starts, completions, productions;
  std::vector<OverdueProblem> overdue_problems;
  RatesTable rates;
  RankingTable rankings;
  LightLists lights;

  int year() const { return period / 100; }
  int month() const { return period % 100; }
};

}  // namespace keyline::documents
