#include "core/service/project_rules.h"

#include <cmath>
#include <set>

#include "common/date.h"
#include "common/number_format.h"
#include "core/codes/credit_code.h"
#include "core/codes/industry_code.h"
#include "core/codes/project_code.h"

namespace keyline {
namespace {

class Problems {
 public:
  void Add(std::string field, std::string zh, std::string en) {
    list_.push_back({std::move(field), std::move(zh), std::move(en)});
  }
  Status ToStatus() const {
    if (list_.empty()) return Status::Ok();
    const FieldError& first = list_.front();
    return Status::InvalidArgument("项目信息有误：" + first.message_zh,
                                   "invalid project: " + first.message_en, list_);
  }

 private:
  std::vector<FieldError> list_;
};

// Counts code points; used for length limits on Chinese text.
size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void CheckDate(Problems& p, const char* field, const std::optional<std::string>& value) {
  if (!value) return;
  auto parsed = Date::Parse(*value);
  if (!parsed.ok()) {
    p.Add(field, std::string(field) + " 日期格式应为YYYY-MM-DD",
          std::string(field) + ": expected YYYY-MM-DD");
  }
}

bool ValidDate(const std::optional<std::string>& v) { return v && Date::Parse(*v).ok(); }

void CheckText(Problems& p, const char* field, const char* label, const std::string& value,
               size_t max_chars, bool required) {
  if (required && value.find_first_not_of(" \t\r\n") == std::string::npos) {
    p.Add(field, std::string(label) + "不能为空", std::string(field) + " is required");
    return;
  }
  if (Utf8Length(value) > max_chars) {
    p.Add(
        field, std::string(label) + "过长（最多" + std::to_string(max_chars) + "字）",
        std::string(field) + " is too long (at most " + std::to_string(max_chars) + " characters)");
  }
}

bool IsStarted(Stage s) {
  return s == Stage::kConstruction || s == Stage::kCompleted || s == Stage::kProduction ||
         s == Stage::kSuspended;
}

}  // namespace

Status ValidateProject(Project* project, const std::string& today) {
  Project& pr = *project;
  Problems p;
  CheckText(p, "name", "项目名称", pr.name, 200, true);
  CheckText(p, "address", "建设地点", pr.address, 500, false);
  CheckText(p, "scale_content", "建设规模及内容", pr.scale_content, 4000, false);

  if (pr.code) {
    std::string normalized = codes::NormalizeProjectCode(*pr.code);
    if (normalized.empty()) {
      pr.code.reset();
    } else {
      int year = std::stoi(today.substr(0, 4));
      codes::CodeCheck check = codes::CheckProjectCode(normalized, year);
      if (check.level == codes::CodeCheck::Level::kError) {
        p.Add("code", "项目代码" + check.message_zh, "project code: " + check.message_en);
      } else {
        if (check.level == codes::CodeCheck::Level::kWarning) {
          pr.warnings.push_back("项目代码：" + check.message_zh);
        }
        pr.code = normalized;
      }
    }
  }
  if (pr.owner_credit_code) {
    // Kept as the ledger gave it (a wrong check character is real data); flagged.
    codes::CodeCheck check = codes::CheckCreditCode(*pr.owner_credit_code, false);
    if (check.level != codes::CodeCheck::Level::kOk) {
      pr.warnings.push_back("建设单位统一社会信用代码" + *pr.owner_credit_code + "：" +
                            check.message_zh);
    }
  }
  if (pr.industry_code) {
    codes::CodeCheck check = codes::CheckIndustryCode(*pr.industry_code);
    if (check.level == codes::CodeCheck::Level::kError) {
      p.Add("industry_code", "行业代码" + check.message_zh, "industry code: " + check.message_en);
    }
  }
  if (pr.parent_id && *pr.parent_id == pr.id && pr.id != 0) {
    p.Add("parent_id", "上级项目不能是项目本身", "a project cannot be its own parent");
  }
  if (pr.longitude.has_value() != pr.latitude.has_value()) {
    p.Add("longitude", "经纬度须同时填写", "longitude and latitude go together");
  }
  if (pr.longitude &&
      (!std::isfinite(*pr.longitude) || *pr.longitude < 73 || *pr.longitude > 136)) {
    p.Add("longitude", "经度应在73至136之间（中国境内）", "longitude must be within 73..136");
  }
  if (pr.latitude && (!std::isfinite(*pr.latitude) || *pr.latitude < 3 || *pr.latitude > 54)) {
    p.Add("latitude", "纬度应在3至54之间（中国境内）", "latitude must be within 3..54");
  }

  // Money: the total and the funding mix (总投资 = 资金拼盘之和).
  if (pr.total_investment.cents < 0) {
    p.Add("total_investment", "总投资不能为负数", "total investment cannot be negative");
  }
  if (pr.total_investment.cents > 100'000'000 * Money::kCentsPerWan) {
    p.Add("total_investment", "总投资超出合理范围（超过1万亿元）",
          "total investment is implausibly large (over 10^12 yuan)");
  }
  if (!pr.funding.empty()) {
    std::set<FundingSource> seen;
    Money sum;
    for (const auto& line : pr.funding) {
      if (line.amount.cents < 0) {
        p.Add("funding", "资金来源金额不能为负数", "funding amounts cannot be negative");
      }
      if (!seen.insert(line.source).second) {
        p.Add("funding", "资金来源重复：" + std::string(EnumZh(FundingSourceTable(), line.source)),
              "duplicate funding source: " +
                  std::string(EnumCode(FundingSourceTable(), line.source)));
      }
      sum = sum + line.amount;
    }
    if (sum != pr.total_investment) {
      p.Add("funding",
            "资金拼盘合计（" + FormatWan(sum) + "万元）与总投资（" +
                FormatWan(pr.total_investment) + "万元）不一致",
            "funding lines add up to " + FormatWan(sum) + " (万元), total investment is " +
                FormatWan(pr.total_investment));
    }
  }

  // Dates.
  CheckDate(p, "planned_start", pr.planned_start);
  CheckDate(p, "planned_completion", pr.planned_completion);
  CheckDate(p, "actual_start", pr.actual_start);
  CheckDate(p, "actual_completion", pr.actual_completion);
  CheckDate(p, "stats_date", pr.stats_date);
  if (ValidDate(pr.planned_start) && ValidDate(pr.planned_completion) &&
      *pr.planned_completion < *pr.planned_start) {
    p.Add("planned_completion", "计划竣工日期早于计划开工日期",
          "planned completion is before planned start");
  }
  if (ValidDate(pr.actual_start) && *pr.actual_start > today) {
    p.Add("actual_start", "实际开工日期不能晚于今天", "actual start cannot be in the future");
  }
  if (ValidDate(pr.actual_completion)) {
    if (*pr.actual_completion > today) {
      p.Add("actual_completion", "实际竣工日期不能晚于今天",
            "actual completion cannot be in the future");
    }
    if (!pr.actual_start) {
      p.Add("actual_completion", "填写实际竣工日期前须先填写实际开工日期",
            "an actual completion needs an actual start");
    } else if (ValidDate(pr.actual_start) && *pr.actual_completion < *pr.actual_start) {
      p.Add("actual_completion", "实际竣工日期早于实际开工日期",
            "actual completion is before actual start");
    }
  }
  if (pr.stats_status == StatsStatus::kIncluded) {
    if (!pr.stats_date) {
      p.Add("stats_date", "已入库项目须填写入库日期", "an included project needs its stats_date");
    } else if (ValidDate(pr.stats_date) && *pr.stats_date > today) {
      p.Add("stats_date", "入库日期不能晚于今天", "stats_date cannot be in the future");
    }
    if (!pr.actual_start) {
      p.Add("stats_status", "项目未开工，不能入库纳统",
            "a project that has not started cannot be included in the statistics");
    }
  } else if (pr.stats_date) {
    p.Add("stats_date", "未入库项目不应填写入库日期", "stats_date is only for included projects");
  }

  // The current stage's guards must keep holding after an edit.
  if (IsStarted(pr.stage) && !pr.actual_start) {
    p.Add("actual_start", "项目已开工，实际开工日期不能为空",
          "a started project needs its actual start date");
  }
  if ((pr.stage == Stage::kCompleted || pr.stage == Stage::kProduction) && !pr.actual_completion) {
    p.Add("actual_completion", "项目已竣工，实际竣工日期不能为空",
          "a completed project needs its actual completion date");
  }

  // Non-blocking: a started project of ≥ 500万元 belongs in the statistics (入库纳统).
  if (IsStarted(pr.stage) && pr.total_investment >= kStatsInclusionThreshold &&
      pr.stats_status != StatsStatus::kIncluded) {
    pr.warnings.push_back("项目已开工且计划总投资不低于500万元，应及时入库纳统");
  }
  return p.ToStatus();
}

bool StageEdgeExists(Stage from, Stage to) {
  using S = Stage;
  switch (from) {
    case S::kConceived:
      return to == S::kReserve || to == S::kPreliminary || to == S::kWithdrawn;
    case S::kReserve:
      return to == S::kConceived || to == S::kPreliminary || to == S::kWithdrawn;
    case S::kPreliminary:
      return to == S::kReserve || to == S::kConstruction || to == S::kSuspended ||
             to == S::kWithdrawn;
    case S::kConstruction:
      return to == S::kCompleted || to == S::kSuspended;
    case S::kSuspended:
      return to == S::kConstruction || to == S::kPreliminary || to == S::kWithdrawn;
    case S::kCompleted:
      return to == S::kProduction;
    case S::kProduction:
      return false;
    case S::kWithdrawn:
      return to == S::kConceived || to == S::kReserve;
  }
  return false;
}

bool StageMoveNeedsReason(Stage from, Stage to) {
  using S = Stage;
  if (to == S::kSuspended || to == S::kWithdrawn) return true;
  if (from == S::kWithdrawn || from == S::kSuspended) return true;
  // Backwards moves within the pools.
  return (from == S::kReserve && to == S::kConceived) ||
         (from == S::kPreliminary && to == S::kReserve);
}

Status CheckStageGuards(const Project& pr, Stage stage, const std::string& today) {
  auto fail = [&](std::string zh, std::string en) {
    return Status::Conflict(
        "不能进入“" + std::string(EnumZh(StageTable(), stage)) + "”阶段：" + zh,
        "cannot enter stage " + std::string(EnumCode(StageTable(), stage)) + ": " + en);
  };
  if (IsStarted(stage)) {
    if (!pr.actual_start) {
      return fail("须先填写实际开工日期", "the actual start date is required");
    }
    if (*pr.actual_start > today) {
      return fail("实际开工日期晚于今天", "the actual start date is in the future");
    }
  }
  if (stage == Stage::kCompleted || stage == Stage::kProduction) {
    if (!pr.actual_completion) {
      return fail("须先填写实际竣工日期", "the actual completion date is required");
    }
    if (*pr.actual_completion > today) {
      return fail("实际竣工日期晚于今天", "the actual completion date is in the future");
    }
  }
  return Status::Ok();
}

Status CheckStageTransition(const Project& pr, Stage to, const std::string& reason,
                            const std::string& today) {
  if (pr.stage == to) {
    return Status::Conflict("项目已处于该阶段", "the project is already in this stage");
  }
  if (!StageEdgeExists(pr.stage, to)) {
    return Status::Conflict("不允许从“" + std::string(EnumZh(StageTable(), pr.stage)) +
                                "”直接转为“" + std::string(EnumZh(StageTable(), to)) + "”",
                            "illegal stage move " + std::string(EnumCode(StageTable(), pr.stage)) +
                                " -> " + std::string(EnumCode(StageTable(), to)));
  }
  bool blank = reason.find_first_not_of(" \t\r\n") == std::string::npos;
  if (StageMoveNeedsReason(pr.stage, to) && blank) {
    return Status::InvalidArgument("该阶段变更须说明原因", "this stage move needs a reason",
                                   {{"reason", "请填写原因", "a reason is required"}});
  }
  if (Utf8Length(reason) > 1000) {
    return Status::InvalidArgument("原因过长（最多1000字）", "reason is too long (max 1000)",
                                   {{"reason", "原因过长", "too long"}});
  }
  return CheckStageGuards(pr, to, today);
}

Status ValidateAssignment(const Assignment& a) {
  std::vector<FieldError> errors;
  if (RoleTakesPerson(a.role)) {
    if (!a.person_id)
      errors.push_back({"person_id", "该角色须指定人员", "this role needs a person"});
    if (a.unit_id)
      errors.push_back({"unit_id", "该角色只能指定人员", "this role takes a person, not a unit"});
  } else {
    if (!a.unit_id) errors.push_back({"unit_id", "该角色须指定单位", "this role needs a unit"});
    if (a.person_id)
      errors.push_back({"person_id", "该角色只能指定单位", "this role takes a unit, not a person"});
  }
  if (a.valid_from && !Date::Parse(*a.valid_from).ok()) {
    errors.push_back({"valid_from", "日期格式应为YYYY-MM-DD", "expected YYYY-MM-DD"});
  }
  if (a.valid_to && !Date::Parse(*a.valid_to).ok()) {
    errors.push_back({"valid_to", "日期格式应为YYYY-MM-DD", "expected YYYY-MM-DD"});
  }
  if (a.valid_from && a.valid_to && *a.valid_to < *a.valid_from) {
    errors.push_back({"valid_to", "有效期结束早于开始", "validity ends before it starts"});
  }
  if (Utf8Length(a.note) > 500) {
    errors.push_back({"note", "备注过长（最多500字）", "note is too long (max 500)"});
  }
  if (errors.empty()) return Status::Ok();
  FieldError first = errors.front();
  return Status::InvalidArgument("包抓信息有误：" + first.message_zh,
                                 "invalid assignment: " + first.message_en, std::move(errors));
}

}  // namespace keyline
