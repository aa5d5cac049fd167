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
};

constexpr SV kMonthInvestment[] = {"本月完成投资", "当月完成投资", "月完成投资",
                                   "本月投资",     "完成投资",     "本月完成"};
constexpr SV kProgress[] = {"形象进度", "项目进展情况", "进展情况", "工程进度",
                            "建设进度", "本月形象进度", "进度"};
constexpr SV kProblems[] = {"存在问题", "存在问题及困难", "问题及困难", "存在的问题"};

constexpr FieldDef kReportFields[] = {
    {"name", "项目名称", "project name", false, kName},
    {"code", "项目代码", "project code", false, kCode},
    {"month_investment", "本月完成投资", "investment completed this month", true, kMonthInvestment},
    {"progress", "形象进度", "progress", false, kProgress},
    {"problems", "存在问题", "problems", false, kProblems},
};

bool IsGroupTotal(const std::string& key) {
  return key == "合计" || key == "小计" || key == "总计" || key == "总额" || key == "计";
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

std::optional<SV> MatchSegment(ImportKind kind, const std::string& key) {
  if (auto f = MatchKey(kind, key, true)) return f;
  return MatchKey(kind, key, false);
}

}  // namespace

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
