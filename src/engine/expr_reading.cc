#include "engine/expr_reading.h"

#include <optional>
#include <span>
#include <vector>

#include "core/model/attraction.h"
#include "core/model/project.h"
#include "core/model/reporting.h"
#include "core/model/supervision.h"
#include "engine/expr_catalogue.h"
#include "engine/expr_lexer.h"

namespace keyline::engine {
namespace {

struct Word {
  std::string_view code;
  std::string_view zh;
};

constexpr Word kSourcesZh[] = {{"projects", "项目"},   {"plans", "年度计划"}, {"reports", "月报"},
                               {"procedures", "手续"}, {"problems", "问题"},  {"leads", "招商线索"},
                               {"project", "项目"}};

constexpr Word kTimeVarsZh[] = {{"period", "本期"},          {"period_start", "本期初"},
                                {"period_end", "本期末"},    {"quarter_start", "本季初"},
                                {"year_start", "本年初"},    {"year_end", "本年末"},
                                {"window_start", "统计起点"}};

constexpr Word kKeywordsZh[] = {{"sum", "合计"},
                                {"count", "计数"},
                                {"where", "其中"},
                                {"and", "且"},
                                {"or", "或"},
                                {"not", "非"},
                                {"in", "属于"},
                                {"between", "介于"},
                                {"is", "为"},
                                {"null", "空"},
                                {"starts_with", "以…开头"},
                                {"area", "全区"}};

constexpr Word kPunctZh[] = {{"/", "÷"},  {"*", "×"},  {"+", "＋"}, {"-", "－"}, {"(", "（"},
                             {")", "）"}, {",", "、"}, {".", "·"},  {"=", "＝"}, {"!=", "≠"},
                             {"<", "＜"}, {"<=", "≤"}, {">", "＞"}, {">=", "≥"}};

// Field names by source; a field not listed reads as its code.
struct FieldZh {
  Source source;
  std::string_view name;
  std::string_view zh;
};
constexpr FieldZh kFieldsZh[] = {
    {Source::kProjects, "stage", "阶段"},
    {Source::kProjects, "level", "级别"},
    {Source::kProjects, "unit", "责任单位"},
    {Source::kProjects, "region", "区划"},
    {Source::kProjects, "industry", "行业"},
    {Source::kProjects, "total_investment", "总投资"},
    {Source::kProjects, "planned_start", "计划开工日期"},
    {Source::kProjects, "planned_completion", "计划竣工日期"},
    {Source::kProjects, "actual_start", "实际开工日期"},
    {Source::kProjects, "actual_completion", "实际竣工日期"},
    {Source::kProjects, "stats_status", "入库状态"},
    {Source::kProjects, "stats_date", "入库日期"},
    {Source::kPlans, "year", "年度"},
    {Source::kPlans, "planned_investment", "年度计划投资"},
    {Source::kPlans, "planned_to_date", "截至本期计划投资"},
    {Source::kPlans, "planned_start", "计划开工日期"},
    {Source::kPlans, "planned_completion", "计划竣工日期"},
    {Source::kReports, "period", "报告期"},
    {Source::kReports, "completed_investment", "完成投资"},
    {Source::kReports, "status", "报送状态"},
    {Source::kReports, "submitted", "报送日期"},
    {Source::kReports, "late", "逾期报送"},
    {Source::kProcedures, "status", "办理状态"},
    {Source::kProcedures, "due", "应办结日期"},
    {Source::kProcedures, "done", "办结日期"},
    {Source::kProblems, "status", "问题状态"},
    {Source::kProblems, "severity", "严重程度"},
    {Source::kProblems, "raised", "提出日期"},
    {Source::kProblems, "due", "应解决日期"},
    {Source::kProblems, "closed", "销号日期"},
    {Source::kLeads, "stage", "线索阶段"},
    {Source::kLeads, "unit", "责任单位"},
    {Source::kLeads, "industry", "行业"},
    {Source::kLeads, "amount", "意向投资"},
    {Source::kLeads, "signed", "签约日期"},
    {Source::kLeads, "landed", "落地日期"},
};

std::optional<std::string_view> Find(std::span<const Word> words, std::string_view code) {
  for (const Word& w : words) {
    if (w.code == code) return w.zh;
  }
  return std::nullopt;
}

std::optional<std::string_view> FieldName(Source source, std::string_view name) {
  for (const FieldZh& f : kFieldsZh) {
    if (f.source == source && f.name == name) return f.zh;
  }
  return std::nullopt;
}

template <typename E>
std::optional<std::string> Label(std::span<const EnumEntry<E>> table, std::string_view code) {
  for (const auto& e : table) {
    if (e.code == code) return std::string(e.zh);
  }
  return std::nullopt;
}

std::optional<std::string> EnumZh(ValueType t, std::string_view code) {
  switch (t) {
    case ValueType::kStage:
      return Label(StageTable(), code);
    case ValueType::kLevel:
      return Label(ProjectLevelTable(), code);
    case ValueType::kStatsStatus:
      return Label(StatsStatusTable(), code);
    case ValueType::kProcedureStatus:
      return Label(ProcedureStatusTable(), code);
    case ValueType::kProblemStatus:
      return Label(ProblemStatusTable(), code);
    case ValueType::kSeverity:
      return Label(ProblemSeverityTable(), code);
    case ValueType::kLeadStage:
      return Label(LeadStageTable(), code);
    case ValueType::kReportStatus:
      return Label(ReportStatusTable(), code);
    default:
      return std::nullopt;
  }
}

bool IsComparison(std::string_view p) {
  return p == "=" || p == "!=" || p == "<" || p == "<=" || p == ">" || p == ">=";
}

}  // namespace

std::string ReadExpressionZh(std::string_view expression) {
  Lexer lexer(expression);
  std::vector<std::string> parts;
  std::vector<Source> sources;      // the aggregate each open parenthesis belongs to
  std::optional<Source> pending;    // a source named, its parenthesis not yet seen
  std::optional<Source> current;    // the source whose fields are being read
  std::optional<Source> qualified;  // "x." was just read: the next word is a field of x
  const FieldInfo* last_field = nullptr;
  bool value_next = false;  // after a comparison, in, between: a value follows
  bool in_between = false;  // between … and …
  int consumed = 0;
  while (lexer.Next()) {
    const Token& tok = lexer.token();
    if (tok.kind == Tok::kEnd) break;
    consumed = tok.pos + static_cast<int>(tok.text.size());
    std::string word(tok.text);
    if (tok.kind == Tok::kIdent) {
      std::string_view t = tok.text;
      bool after_dot = qualified.has_value();
      std::optional<Source> field_source = after_dot ? qualified : current;
      qualified.reset();
      if (!after_dot && (t == "and" && in_between)) {
        word = "至";
        in_between = false;
        value_next = true;
      } else if (!after_dot && t == "between") {
        word = "介于";
        in_between = true;
        value_next = true;
      } else if (!after_dot && (t == "in" || t == "not" || t == "is")) {
        word = std::string(*Find(kKeywordsZh, t));
        value_next = t != "is";
      } else if (value_next && FindTimeVar(t)) {
        word = std::string(*Find(kTimeVarsZh, t));
      } else if (value_next && last_field != nullptr && EnumZh(last_field->type, t)) {
        word = *EnumZh(last_field->type, t);
      } else if (auto src = after_dot ? std::nullopt : FindSource(t); src) {
        word = std::string(*Find(kSourcesZh, t));
        pending = src;
        current = src;
      } else if (!after_dot && t == "project") {
        word = "项目";  // the plan's (report's, …) project: its field follows the dot
      } else if (auto f = field_source ? FindField(*field_source, t) : nullptr; f) {
        word = std::string(FieldName(*field_source, t).value_or(t));
        last_field = f;
        value_next = false;
      } else if (auto kw = after_dot ? std::nullopt : Find(kKeywordsZh, t); kw) {
        word = std::string(*kw);
        if (t == "and" || t == "or" || t == "where") value_next = false;
      } else if (auto tv = Find(kTimeVarsZh, t); tv) {
        word = std::string(*tv);
      }
    } else if (tok.kind == Tok::kPunct) {
      std::string_view p = tok.text;
      if (p == "." && !parts.empty()) {
        // The previous word named a source (or "project"): its field follows.
        std::string_view prev_code = expression.substr(0, tok.pos);
        size_t start = prev_code.find_last_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
        std::string_view name = prev_code.substr(start == std::string_view::npos ? 0 : start + 1);
        if (name == "project") {
          qualified = Source::kProjects;
        } else if (auto s = FindSource(name)) {
          qualified = *s;
        }
      }
      if (p == "(") {
        sources.push_back(pending.value_or(current.value_or(Source::kProjects)));
        pending.reset();
      } else if (p == ")" && !sources.empty()) {
        sources.pop_back();
        if (!sources.empty()) current = sources.back();
      }
      if (IsComparison(p) || p == "(" || p == ",") value_next = value_next || IsComparison(p);
      if (p == ")") value_next = false;
      word = std::string(Find(kPunctZh, p).value_or(p));
    }
    parts.push_back(std::move(word));
  }
  // Join: no space around the full-width punctuation and the source·field dot.
  std::string out;
  auto tight = [](const std::string& s) { return s == "（" || s == "）" || s == "、" || s == "·"; };
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0 && !tight(parts[i]) && !tight(parts[i - 1])) out += ' ';
    out += parts[i];
  }
  // A formula the lexer cannot read any further keeps its unread rest as written.
  if (consumed < static_cast<int>(expression.size())) {
    std::string_view rest = expression.substr(static_cast<size_t>(consumed));
    size_t first = rest.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos) {
      if (!out.empty()) out += ' ';
      out += std::string(rest.substr(first));
    }
  }
  return out;
}

}  // namespace keyline::engine
