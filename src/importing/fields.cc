#include "importing/fields.h"

#include "importing/normalize.h"

namespace keyline::importing {
namespace {

using SV = std::string_view;

constexpr SV kName[] = {"项目名称", "项目全称", "项目名", "名称"};
constexpr SV kCode[] = {"项目代码",     "项目编码",     "项目审批代码", "统一项目代码",
                        "投资项目代码", "项目统一代码", "赋码",         "项目代码(赋码)"};
constexpr SV kOwner[] = {"建设单位", "项目业主",     "业主单位", "项目业主单位",
                         "项目单位", "项目法人单位", "项目法人", "业主"};
constexpr SV kResponsible[] = {"责任单位", "责任部门",     "主管部门",
                               "主管单位", "行业主管部门", "挂钩责任单位"};
constexpr SV kAddress[] = {"建设地点", "项目地点", "建设地址", "项目地址", "地点"};
constexpr SV kScale[] = {"建设内容及规模",    "建设规模及内容", "建设规模及主要建设内容",
                         "主要建设内容",      "建设内容",       "建设规模",
                         "建设规模及主要内容"};
constexpr SV kTotal[] = {"总投资", "计划总投资", "项目总投资", "估算总投资", "总投资额"};
constexpr SV kStart[] = {"开工时间", "计划开工",   "计划开工时间",
                         "开工日期", "拟开工时间", "计划开工日期"};
constexpr SV kCompletion[] = {"竣工时间", "计划竣工",     "计划竣工时间", "竣工日期",
                              "完工时间", "计划完工时间", "计划竣工日期"};
constexpr SV kActualStart[] = {"实际开工时间", "实际开工日期", "实际开工"};
constexpr SV kActualCompletion[] = {"实际竣工时间", "实际竣工日期", "实际竣工"};
constexpr SV kStage[] = {"项目阶段", "项目状态", "建设阶段", "建设状态", "项目进展阶段", "阶段"};
constexpr SV kLevel[] = {"项目级别", "重点项目级别", "级别", "重点级别"};
constexpr SV kIndustry[] = {"行业",     "所属行业", "行业类别", "项目类别",
                            "项目类型", "行业分类", "类别"};
constexpr SV kNature[] = {"建设性质"};
constexpr SV kRegime[] = {"立项类型", "审批类型", "立项方式", "管理类型", "审批方式"};
constexpr SV kLongitude[] = {"经度"};
// The year's figures. Keys are compared after the period prefix ("2023年",
// "1-12月") is taken off the header (StripPeriodPrefix).
constexpr SV kAnnualPlan[] = {"年度计划投资", "本年计划投资", "年计划投资", "本年度计划投资",
                              "年度投资计划", "年度计划",     "本年度计划", "年度计划投资额"};
// Only after a period prefix ("2023年计划投资"): alone, 计划投资 may mean the total.
constexpr SV kAnnualPlanAfterPeriod[] = {"计划投资", "计划完成投资", "投资计划", "计划投资额"};
constexpr SV kYtdCompleted[] = {"累计完成投资",     "本年完成投资", "年度完成投资",
                                "本年累计完成投资", "今年完成投资", "年初至今完成投资",
                                "本年累计完成",     "累计完成"};
// Only after a month range ("1-12月完成投资"): alone, 完成投资 may be the month's figure.
constexpr SV kYtdAfterPeriod[] = {"完成投资", "完成投资额", "实际完成投资", "已完成投资", "完成"};
constexpr SV kYtdPercent[] = {
    "占年度计划", "占年度计划比例",   "占年计划",     "年度计划完成率", "投资完成率",      "完成率",
    "完成比例",   "占年度计划百分比", "完成年度计划", "占比",           "占年度计划的比例"};
constexpr SV kLedgerProgress[] = {"形象进度", "项目进展情况", "进展情况",
                                  "工程进度", "建设进度",     "目前形象进度",
                                  "项目进展", "工程形象进度", "当前形象进度"};
constexpr SV kLeader[] = {"包抓领导",       "包抓区级领导", "包抓县级领导", "包抓市级领导",
                          "包抓领导责任人", "责任领导",     "联系领导",     "包联领导",
                          "分包领导",       "包抓责任领导", "包抓区领导",   "包抓县领导"};
constexpr SV kOwnerCreditCode[] = {"统一社会信用代码",
                                   "建设单位统一社会信用代码",
                                   "社会信用代码",
                                   "信用代码",
                                   "项目单位统一社会信用代码",
                                   "业主单位统一社会信用代码",
                                   "单位统一社会信用代码",
                                   "项目业主统一社会信用代码"};
constexpr SV kLatitude[] = {"纬度"};

constexpr FieldDef kLedgerFields[] = {
    {"name", "项目名称", "project name", true, kName},
    {"code", "项目代码", "project code", false, kCode},
    {"owner", "建设单位（项目业主）", "owner (company)", false, kOwner},
    {"responsible_unit", "责任单位", "responsible unit", false, kResponsible},
    {"address", "建设地点", "location", false, kAddress},
    {"scale_content", "建设内容及规模", "scale and content", false, kScale},
    {"total_investment", "总投资", "total investment", true, kTotal},
    {"planned_start", "计划开工时间", "planned start", false, kStart},
    {"planned_completion", "计划竣工时间", "planned completion", false, kCompletion},
    {"actual_start", "实际开工时间", "actual start", false, kActualStart},
    {"actual_completion", "实际竣工时间", "actual completion", false, kActualCompletion},
    {"stage", "项目阶段", "stage", false, kStage},
    {"level", "项目级别", "key-list level", false, kLevel},
    {"industry", "行业/类别", "industry code or category", false, kIndustry},
    {"nature", "建设性质", "construction nature", false, kNature},
    {"approval_regime", "立项类型", "approval regime", false, kRegime},
    {"longitude", "经度", "longitude", false, kLongitude},
    {"latitude", "纬度", "latitude", false, kLatitude},
    {"owner_credit_code", "建设单位统一社会信用代码", "owner's credit code", false,
     kOwnerCreditCode},
    {"annual_plan", "年度计划投资", "annual planned investment", false, kAnnualPlan},
    {"ytd_completed", "1-M月累计完成投资", "completed investment, year to date", false,
     kYtdCompleted},
    {"ytd_percent", "占年度计划%", "share of the annual plan (%)", false, kYtdPercent},
    {"progress", "形象进度", "physical progress", false, kLedgerProgress},
    {"leader", "包抓领导", "leader in charge (包抓领导)", false, kLeader},
};

constexpr SV kMonthInvestment[] = {"本月完成投资", "当月完成投资", "月完成投资",
                                   "本月投资",     "完成投资",     "本月完成"};
constexpr SV kProgress[] = {"形象进度", "项目进展情况", "进展情况", "工程进度",
                            "建设进度", "本月形象进度", "进度"};
constexpr SV kCumulative[] = {"累计完成投资", "本年累计完成投资", "本年完成投资", "年度完成投资",
                              "本年累计完成", "累计完成",         "累计投资",     "累计完成投资额"};
constexpr SV kProblems[] = {"存在问题", "存在问题及困难", "问题及困难", "存在的问题"};

constexpr FieldDef kReportFields[] = {
    {"name", "项目名称", "project name", false, kName},
    {"code", "项目代码", "project code", false, kCode},
    // One of the two is required: the month's figure, or the year to date (1–M月累计) from
    // which the month's figure is the difference to the previous months.
    {"month_investment", "本月完成投资", "investment completed this month", false,
     kMonthInvestment},
    {"cumulative", "1-M月累计完成投资", "completed investment, year to date", false, kCumulative},
    {"progress", "形象进度", "progress", false, kProgress},
    {"problems", "存在问题", "problems", false, kProblems},
};

bool IsGroupTotal(const std::string& key) {
  // "1-12月完成投资/金额": the amount of a group whose other column is a share.
  return key == "合计" || key == "小计" || key == "总计" || key == "总额" || key == "计" ||
         key == "金额" || key == "数额" || key == "绝对额" || key == "投资额";
}

std::optional<SV> MatchKey(ImportKind kind, const std::string& key, bool exact) {
  if (key.empty()) return std::nullopt;
  // Cumulative and annual figures are never this month's, nor the project's own fields.
  if (!exact && (key.find("累计") != std::string::npos || key.find("年度") != std::string::npos)) {
    return std::nullopt;
  }
  std::optional<SV> best;
  size_t best_len = 0;
  for (const FieldDef& f : FieldsOf(kind)) {
    for (SV syn : f.synonyms) {
      if (exact
              ? key == syn
              : (syn.size() >= 6 && key.find(syn) != std::string::npos && syn.size() > best_len)) {
        if (exact) return f.code;
        best = f.code;
        best_len = syn.size();
      }
    }
  }
  return best;
}

std::optional<SV> MatchAfterPeriod(ImportKind kind, const std::string& key) {
  HeaderPeriod period;
  std::string rest = StripPeriodPrefix(key, &period);
  if (rest == key) return std::nullopt;
  auto in = [&](std::span<const SV> list) {
    for (SV s : list)
      if (rest == s) return true;
    return false;
  };
  bool ledger = kind == ImportKind::kLedger;
  if (period.month) {  // "1-12月…": a year-to-date figure, never the month's own
    if (in(ledger ? std::span<const SV>(kYtdCompleted) : std::span<const SV>(kCumulative)) ||
        in(kYtdAfterPeriod)) {
      return ledger ? SV("ytd_completed") : SV("cumulative");
    }
    if (in(kLedgerProgress)) return SV("progress");
    if (ledger && in(kYtdPercent)) return SV("ytd_percent");
    return std::nullopt;
  }
  if (ledger && in(kAnnualPlanAfterPeriod)) return SV("annual_plan");
  return MatchKey(kind, rest, true);
}

std::optional<SV> MatchSegment(ImportKind kind, const std::string& key) {
  if (auto f = MatchKey(kind, key, true)) return f;
  if (auto f = MatchAfterPeriod(kind, key)) return f;
  return MatchKey(kind, key, false);
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Reads up to `max` ASCII digits at s[i]; advances i.
std::optional<int> Digits(std::string_view s, size_t& i, size_t min, size_t max) {
  size_t j = i;
  int v = 0;
  while (j < s.size() && j - i < max && s[j] >= '0' && s[j] <= '9') v = v * 10 + (s[j++] - '0');
  if (j - i < min) return std::nullopt;
  i = j;
  return v;
}

bool SkipAny(std::string_view s, size_t& i, std::initializer_list<SV> words) {
  for (SV w : words) {
    if (StartsWith(s.substr(i), w)) {
      i += w.size();
      return true;
    }
  }
  return false;
}

// At s[i]: "1-12月" / "1至12月份" / "截至12月底" / "截止12月末" / "12月底"; the month (1..12).
std::optional<int> MonthRangeAt(std::string_view s, size_t& i) {
  size_t j = i;
  bool until = SkipAny(s, j, {"截至", "截止", "截止到", "截至到"});
  std::optional<int> first;
  if (!until) {
    size_t k = j;
    if (auto one = Digits(s, k, 1, 2);
        one && *one == 1 && SkipAny(s, k, {"-", "—", "–", "~", "～", "至", "到"})) {
      j = k;
      first = 1;
    }
  }
  auto month = Digits(s, j, 1, 2);
  if (!month || *month < 1 || *month > 12 || !SkipAny(s, j, {"月"})) return std::nullopt;
  bool end_word = SkipAny(s, j, {"份", "底", "末"});
  if (!until && !first && !end_word) return std::nullopt;
  i = j;
  return *month;
}

}  // namespace

HeaderPeriod PeriodInText(std::string_view raw) {
  std::string text = CompactText(raw);
  std::string_view s = text;
  HeaderPeriod out;
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    if (!out.year && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9')) {
      if (auto y = Digits(s, j, 4, 4);
          y && *y >= 1990 && *y <= 2100 && StartsWith(s.substr(j), "年")) {
        out.year = *y;
        i = j + SV("年").size();
        continue;
      }
      j = i;
    }
    if (!out.month && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9')) {
      if (auto m = MonthRangeAt(s, j)) {
        out.month = *m;
        i = j;
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::string StripPeriodPrefix(const std::string& key, HeaderPeriod* period) {
  std::string_view s = key;
  size_t i = 0;
  size_t j = 0;
  if (auto y = Digits(s, j, 4, 4); y && *y >= 1990 && *y <= 2100 && StartsWith(s.substr(j), "年")) {
    period->year = *y;
    i = j + SV("年").size();
    if (StartsWith(s.substr(i), "度")) i += SV("度").size();
  }
  j = i;
  if (auto m = MonthRangeAt(s, j)) {
    period->month = *m;
    i = j;
  }
  return std::string(s.substr(i));
}

std::string_view ImportKindCode(ImportKind kind) {
  return kind == ImportKind::kLedger ? "ledger" : "reports";
}

std::span<const FieldDef> FieldsOf(ImportKind kind) {
  if (kind == ImportKind::kLedger) return kLedgerFields;
  return kReportFields;
}

const FieldDef* FindField(ImportKind kind, std::string_view code) {
  for (const FieldDef& f : FieldsOf(kind)) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

std::string HeaderKey(std::string_view segment) {
  std::string t = CompactText(segment);
  // Drop bracketed parts: (...) （...） [...] 【...】
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < t.size();) {
    SV rest = SV(t).substr(i);
    auto starts = [&](SV p) { return rest.substr(0, p.size()) == p; };
    if (starts("(") || starts("[")) {
      ++depth, i += 1;
    } else if (starts("（") || starts("【")) {
      ++depth, i += SV("（").size();
    } else if (starts(")") || starts("]")) {
      if (depth > 0) --depth;
      i += 1;
    } else if (starts("）") || starts("】")) {
      if (depth > 0) --depth;
      i += SV("）").size();
    } else {
      if (depth == 0) out.push_back(t[i]);
      ++i;
    }
  }
  if (out.rfind("其中", 0) == 0) out.erase(0, SV("其中").size());
  while (!out.empty() && (out.back() == ':' || out.back() == '*')) out.pop_back();
  while (out.size() >= 3 && SV(out).substr(out.size() - 3) == "：") out.resize(out.size() - 3);
  while (!out.empty() && (out[0] == ':' || out[0] == '*')) out.erase(0, 1);
  if (out.rfind("：", 0) == 0) out.erase(0, SV("：").size());
  return out;
}

std::optional<std::string_view> SuggestField(ImportKind kind, std::string_view header) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (true) {
    size_t slash = header.find('/', start);
    std::string seg(header.substr(start, slash == SV::npos ? SV::npos : slash - start));
    if (!HeaderKey(seg).empty()) segments.push_back(seg);
    if (slash == SV::npos) break;
    start = slash + 1;
  }
  if (segments.empty()) return std::nullopt;
  std::string last = HeaderKey(segments.back());
  if (segments.size() == 1) return MatchSegment(kind, last);
  if (auto f = MatchKey(kind, last, true)) return f;
  if (auto f = MatchAfterPeriod(kind, last)) return f;
  bool breakdown = CompactText(segments.back()).rfind("其中", 0) == 0;
  if (IsGroupTotal(last)) return MatchSegment(kind, HeaderKey(segments.front()));
  if (breakdown) return std::nullopt;
  return MatchKey(kind, last, false);
}

std::vector<std::optional<std::string>> SuggestMapping(ImportKind kind,
                                                       const std::vector<std::string>& headers) {
  std::vector<std::optional<std::string>> out(headers.size());
  std::vector<std::string> used;
  for (size_t i = 0; i < headers.size(); ++i) {
    auto f = SuggestField(kind, headers[i]);
    if (!f) continue;
    bool taken = false;
    for (const auto& u : used) taken = taken || u == *f;
    if (taken) continue;
    used.emplace_back(*f);
    out[i] = std::string(*f);
  }
  return out;
}

}  // namespace keyline::importing
