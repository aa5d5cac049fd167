#include "app/import_command.h"

#include <cstdio>

#include "app/keyline_app.h"
#include "common/date.h"
#include "importing/import_service.h"

namespace keyline {
namespace {

int CliUsage(const std::string& problem) {
  std::fprintf(stderr,
               "%s\nusage: keyline import ledger FILE.xlsx [--dry-run] [--sheet N] "
               "[--skip-errors] [--period YYYYMM | --year YYYY] [--map MAPPING.csv]\n       "
               "keyline import reports FILE.xlsx --period YYYYMM "
               "[--dry-run] [--skip-errors]\n",
               problem.c_str());
  return 2;
}

int CliFail(const Status& st) {
  std::fprintf(stderr, "错误: %s\nerror: %s\n", st.message_zh().c_str(), st.message_en().c_str());
  for (const FieldError& e : st.details()) {
    std::fprintf(stderr, "  %s: %s / %s\n", e.field.c_str(), e.message_zh.c_str(),
                 e.message_en.c_str());
  }
  return 1;
}

// The names the dry run could not match by itself, each once, with a --map line to fix it.
void PrintUnresolved(const std::vector<importing::UnresolvedValue>& list) {
  if (list.empty()) return;
  std::printf("待对应的名称 / names to map (%zu)：\n", list.size());
  for (const auto& u : list) {
    std::string rows;
    for (size_t i = 0; i < u.rows.size() && i < 10; ++i) {
      rows += (rows.empty() ? "" : ",") + std::to_string(u.rows[i]);
    }
    if (u.rows.size() > 10) rows += ",…";
    const char* status = u.mapping                                       ? "已指定 mapped"
                         : u.outcome == naming::MatchOutcome::kAmbiguous ? "多个匹配 ambiguous"
                         : u.blocking                                    ? "未登记 unknown"
                                                                         : "将新建 new";
    std::printf("  %s「%s」 %s，第%s行 / rows %s\n", importing::ValueFieldLabel(u.field).c_str(),
                u.value.c_str(), status, rows.c_str(), rows.c_str());
    for (const auto& c : u.candidates) {
      std::printf("      候选 candidate %lld %s（%s）\n", static_cast<long long>(c.id),
                  c.name.c_str(), c.detail.c_str());
    }
  }
  std::printf(
      "  在 --map 文件中写：field,value,target（单位/人员编号、名称或 new:<kind>），例如\n"
      "  write in a --map file: field,value,target (an id, a name or new:<kind>), e.g.\n"
      "    %s,%s,%s\n",
      list.front().field.c_str(), list.front().value.c_str(),
      list.front().candidates.empty()
          ? (list.front().kind == importing::ValueKind::kUnit ? "new:department" : "new:leader")
          : std::to_string(list.front().candidates.front().id).c_str());
}

void PrintDryRun(const importing::ImportView& v, const importing::SheetTable& table) {
  std::printf("试导入 / dry run: %s 工作表 %lld「%s」，表头第%lld–%lld行，数据 %zu 行\n",
              v.session.file_name.c_str(), static_cast<long long>(v.session.sheet),
              v.session.sheet < static_cast<int64_t>(v.sheet_names.size())
                  ? v.sheet_names[v.session.sheet].c_str()
                  : "",
              static_cast<long long>(table.header_first), static_cast<long long>(table.header_last),
              table.rows.size());
  std::printf("列对应 / columns:\n");
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const auto& c = table.columns[i];
    const auto& f = i < v.mapping.fields.size() ? v.mapping.fields[i] : std::nullopt;
    const importing::FieldDef* def = f ? importing::FindField(v.kind, *f) : nullptr;
    std::printf("  %-3s %s → %s\n", c.letter.c_str(), c.header.c_str(),
                def ? (std::string(def->name_zh) + " [" + std::string(def->code) + "]").c_str()
                    : "（不导入）");
  }
  const auto& s = v.plan.summary;
  std::printf("新建 %lld，更新 %lld，未变 %lld，跳过 %lld，错误 %lld\n",
              static_cast<long long>(s.create), static_cast<long long>(s.update),
              static_cast<long long>(s.unchanged), static_cast<long long>(s.skipped),
              static_cast<long long>(s.errors));
  if (!v.plan.new_owners.empty()) {
    std::printf("将新建业主单位 %zu 个 / new owner companies: %zu\n", v.plan.new_owners.size(),
                v.plan.new_owners.size());
  }
  if (v.plan.year) {
    std::printf("年度数据 / figures of: %d年%s\n", *v.plan.year,
                v.plan.month ? ("，累计截至" + std::to_string(*v.plan.month) + "月").c_str() : "");
  }
  if (!v.plan.new_leaders.empty()) {
    std::printf("将登记包抓领导 %zu 人 / new leaders: %zu\n", v.plan.new_leaders.size(),
                v.plan.new_leaders.size());
  }
  int noted = 0;
  for (const auto& r : v.plan.rows) {
    if (r.warnings.empty() || r.action == importing::RowAction::kError) continue;
    if (noted++ == 0) std::printf("提示 / warnings:\n");
    if (noted > 200) {
      std::printf("  ……\n");
      break;
    }
    for (const auto& w : r.warnings) {
      std::printf("  第%lld行 %s：%s\n      row %lld: %s\n", static_cast<long long>(r.row),
                  r.name.c_str(), w.zh.c_str(), static_cast<long long>(r.row), w.en.c_str());
    }
  }
  PrintUnresolved(v.plan.unresolved);
  int shown = 0;
  for (const auto& r : v.plan.rows) {
    if (r.action != importing::RowAction::kError) continue;
    if (shown++ == 0) std::printf("问题行 / problem rows:\n");
    if (shown > 200) {
      std::printf("  ……另有 %lld 行错误\n", static_cast<long long>(s.errors - 200));
      break;
    }
    std::string zh, en;
    for (const auto& reason : r.reasons) {
      zh += (zh.empty() ? "" : "；") + reason.zh;
      en += (en.empty() ? "" : "; ") + reason.en;
    }
    std::printf("  第%lld行 %s：%s\n      row %lld: %s\n", static_cast<long long>(r.row),
                r.name.c_str(), zh.c_str(), static_cast<long long>(r.row), en.c_str());
  }
}

}  // namespace

int ImportCommand(KeylineApp& app, const std::vector<std::string>& args) {
  if (args.size() < 2) return CliUsage("import: expected `import ledger|reports FILE.xlsx`");
  importing::ImportKind kind;
  if (args[0] == "ledger") {
    kind = importing::ImportKind::kLedger;
  } else if (args[0] == "reports") {
    kind = importing::ImportKind::kReports;
  } else {
    return CliUsage("import: unknown kind " + args[0]);
  }
  const std::string& file = args[1];
  bool dry_run = false, skip_errors = false;
  std::string map_file;
  int64_t sheet = 0;
  std::optional<int> period;
  for (size_t i = 2; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--dry-run") {
      dry_run = true;
    } else if (a == "--skip-errors") {
      skip_errors = true;
    } else if (a == "--sheet" && i + 1 < args.size()) {
      const std::string& v = args[++i];
      if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos) {
        return CliUsage("--sheet expects a sheet number (0 = the first)");
      }
      sheet = std::stoll(v);
    } else if (a == "--map" && i + 1 < args.size()) {
      map_file = args[++i];
    } else if (a == "--period" && i + 1 < args.size()) {
      auto p = Period::Parse(args[++i]);
      if (!p.ok()) return CliUsage("--period expects YYYYMM");
      period = p->value;
    } else if (a == "--year" && i + 1 < args.size() && kind == importing::ImportKind::kLedger) {
      const std::string& v = args[++i];
      if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos || v < "2000" ||
          v > "2100") {
        return CliUsage("--year expects YYYY (2000..2100)");
      }
      period = std::stoi(v);
    } else {
      return CliUsage("import: unknown option " + a);
    }
  }
  if (kind == importing::ImportKind::kReports && !period) {
    return CliUsage("import reports: --period YYYYMM is required");
  }
  if (!map_file.empty() && kind != importing::ImportKind::kLedger) {
    return CliUsage("--map applies to a ledger import only");
  }
  Caller caller = Caller::System("cli-import");
  std::vector<importing::ValueMapping> values;
  if (!map_file.empty()) {
    auto read = app.imports().ReadValueMappingFile(caller, map_file);
    if (!read.ok()) return CliFail(read.status());
    values = std::move(*read);
  }
  auto parsed = app.imports().ParseFile(caller, kind, file, sheet);
  if (!parsed.ok()) return CliFail(parsed.status());
  {
    auto view = app.imports().DryRunTable(caller, kind, parsed->second, period, values);
    if (!view.ok()) return CliFail(view.status());
    view->sheet_names = parsed->first;
    view->session.sheet = sheet;
    view->session.file_name = file;
    PrintDryRun(*view, parsed->second);
    if (dry_run) return view->plan.summary.errors > 0 ? 1 : 0;
  }  // the dry run's plan is freed before the import plans again
  auto result =
      app.imports().ApplyTable(caller, kind, parsed->second, period, skip_errors, file, values);
  if (!result.ok()) return CliFail(result.status());
  std::printf(
      "已导入 / imported: 新建 %lld，更新 %lld，未变 %lld，跳过 %lld，跳过错误行 %lld，"
      "新建业主单位 %lld，新建单位 %lld，新建人员 %lld，保存别名 %lld，新登记包抓领导 %lld\n",
      static_cast<long long>(result->created), static_cast<long long>(result->updated),
      static_cast<long long>(result->unchanged), static_cast<long long>(result->skipped),
      static_cast<long long>(result->errors_skipped),
      static_cast<long long>(result->owners_created), static_cast<long long>(result->units_created),
      static_cast<long long>(result->people_created), static_cast<long long>(result->aliases_saved),
      static_cast<long long>(result->leaders_created));
  return 0;
}

}  // namespace keyline
