// The importable fields of each kind of import and the synonym dictionary that maps the
// column headers offices use to them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace keyline::importing {

struct FieldDef {
  std::string_view code;     // "name", "total_investment", ...
  std::string_view name_zh;  // "项目名称"
  std::string_view name_en;
  bool required = false;  // a row without it is an error (ledger: for new projects)
  std::span<const std::string_view> synonyms;  // compared on the compact header key
};

enum class ImportKind { kLedger, kReports };
std::string_view ImportKindCode(ImportKind kind);  // "ledger" / "reports"

std::span<const FieldDef> FieldsOf(ImportKind kind);
const FieldDef* FindField(ImportKind kind, std::string_view code);

// The year and month a header or title names: "2023年计划投资" (2023), "1-12月完成投资" (12),
// "2023年重点项目建设进度台账（截至12月底）" (2023, 12). Digits may be full-width.
struct HeaderPeriod {
  std::optional<int> year, month;
};
HeaderPeriod PeriodInText(std::string_view text);

// A header key without its leading period ("2023年", "2023年度", "1-12月", "截至11月底"),
// which is recorded in *period; the key itself when it has none.
std::string StripPeriodPrefix(const std::string& key, HeaderPeriod* period);

// The header key synonyms are compared on: CompactText, without what is in brackets
// ("总投资（万元）" → "总投资"), without a leading "其中" and trailing ':' / '：'.
std::string HeaderKey(std::string_view header_segment);

// The field a column header suggests, or nullopt. `header` is the joined text of the
// column's header rows ("总投资（万元）/其中：中央预算内"): the most specific (last) segment
// decides; a breakdown ("其中…") of a group suggests nothing unless it is itself a field; a
// group total ("合计", "小计") takes the group's name. Exact synonyms win over containment.
std::optional<std::string_view> SuggestField(ImportKind kind, std::string_view header);

// One suggested field per column (nullopt = not imported): SuggestField for each, a field
// used at most once (the leftmost column keeps it).
std::vector<std::optional<std::string>> SuggestMapping(ImportKind kind,
                                                       const std::vector<std::string>& headers);

}  // namespace keyline::importing
