#include "importing/import_service.h"

#include <fstream>
#include <sstream>

#include "common/date.h"
#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
#include "core/service/capabilities.h"
#include "core/service/naming_service.h"
#include "importing/ledger_figures.h"

namespace keyline::importing {
namespace {

constexpr int64_t kKeepExpiredMs = 7LL * 24 * 3600 * 1000;

Status NotFoundImport() { return Status::NotFound("导入记录不存在", "import not found"); }

std::optional<ImportKind> KindOf(const std::string& code) {
  if (code == "ledger") return ImportKind::kLedger;
  if (code == "reports") return ImportKind::kReports;
  return std::nullopt;
}

ColumnMapping SuggestedMapping(ImportKind kind, const SheetTable& table) {
  std::vector<std::string> headers;
  for (const TableColumn& c : table.columns) headers.push_back(c.header);
  ColumnMapping m;
  m.fields = SuggestMapping(kind, headers);
  for (const auto& f : m.fields) m.sources.push_back(f ? "synonym" : "");
  return m;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::InvalidArgument("无法读取文件：" + path, "cannot read the file: " + path);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

Result<std::pair<std::vector<std::string>, SheetTable>> ParseWorkbook(std::string bytes,
                                                                      int64_t sheet,
                                                                      ImportKind kind) {
  KL_ASSIGN_OR_RETURN(std::unique_ptr<xlsx::WorkbookReader> reader,
                      xlsx::WorkbookReader::OpenBytes(std::move(bytes)));
  std::vector<std::string> names;
  for (const auto& s : reader->sheets()) names.push_back(s.name);
  if (sheet < 0 || static_cast<size_t>(sheet) >= names.size()) {
    return Status::InvalidArgument(
        "工作表序号超出范围：共" + std::to_string(names.size()) + "个工作表（从0开始）",
        "sheet out of range: the workbook has " + std::to_string(names.size()) +
            " sheets (0-based)");
  }
  KL_ASSIGN_OR_RETURN(SheetTable table, ReadTable(*reader, static_cast<size_t>(sheet), kind));
  return std::make_pair(std::move(names), std::move(table));
}

std::string ConfirmResultJson(const ConfirmResult& r) {
  JsonWriter w;
  w.BeginObject();
  w.Key("id").Int(r.id).Key("status").String("done");
  w.Key("created").Int(r.created).Key("updated").Int(r.updated);
  w.Key("unchanged").Int(r.unchanged).Key("skipped").Int(r.skipped);
  w.Key("errors_skipped").Int(r.errors_skipped).Key("owners_created").Int(r.owners_created);
  w.Key("leaders_created").Int(r.leaders_created);
  w.Key("units_created").Int(r.units_created).Key("people_created").Int(r.people_created);
  w.Key("aliases_saved").Int(r.aliases_saved);
  w.EndObject();
  return w.Take();
}

Status ImportService::CheckRole(const Caller& caller, ImportKind kind) const {
  // The rule is core/service/capabilities.h's (the same flags the web reads from GET /session).
  bool may =
      kind == ImportKind::kLedger ? MayImportLedger(caller.role) : MayImportReports(caller.role);
  if (may) return Status::Ok();
  return Status::Forbidden(
      kind == ImportKind::kLedger ? "只有管理员和发改部门可以导入项目台账"
                                  : "只有管理员、发改部门、行业部门和项目单位可以导入月度数据",
      kind == ImportKind::kLedger ? "only admin and the 发改 office may import a ledger"
                                  : "only admin, the 发改 office, departments and project "
                                    "companies may import monthly figures");
}

Result<ImportSession> ImportService::LoadOwn(Tx& tx, const Caller& caller, int64_t id) {
  auto s = imports_.Get(tx, id);
  if (!s.ok()) return s.status().code() == ErrorCode::kNotFound ? NotFoundImport() : s.status();
  if (s->creator_id != caller.user_id && caller.role != Role::kAdmin) return NotFoundImport();
  return s;
}

Result<LedgerPlan> ImportService::Plan(Tx& tx, const SheetTable& table,
                                       const ColumnMapping& mapping, std::optional<int64_t> period,
                                       const std::vector<ValueMapping>& values, size_t view_rows) {
  KL_ASSIGN_OR_RETURN(std::vector<ProjectMatchKey> keys, imports_.ProjectKeys(tx));
  KL_ASSIGN_OR_RETURN(std::vector<UnitNameKey> unit_keys, imports_.UnitKeys(tx));
  KL_ASSIGN_OR_RETURN(naming::UnitNameMatcher unit_matcher, LoadUnitMatcher(tx, repos_));
  KL_ASSIGN_OR_RETURN(naming::PersonNameMatcher person_matcher, LoadPersonMatcher(tx, repos_));
  LedgerIndex index(
      std::move(keys), std::move(unit_keys),
      std::make_unique<ValueResolver>(std::move(unit_matcher), std::move(person_matcher), values));
  std::string today = projects_.Today();
  LedgerPeriod ledger_period = ResolveLedgerPeriod(
      table, mapping.fields, period ? std::optional<int>(static_cast<int>(*period)) : std::nullopt);
  FiguresIndex figures;
  bool wants_figures = false;
  for (const auto& f : mapping.fields) {
    wants_figures =
        wants_figures || (f && (*f == "annual_plan" || *f == "ytd_completed" || *f == "progress" ||
                                *f == "leader" || *f == "owner_credit_code"));
  }
  if (wants_figures) {
    figures.SetPersonNames([&index](int64_t id) {
      const naming::MatchablePerson* p = index.Values().people().Find(id);
      return p ? p->name : std::string();
    });
    KL_ASSIGN_OR_RETURN(auto codes, imports_.UnitCreditCodes(tx));
    figures.SetOwnerCodes(codes);
    if (ledger_period.year) {
      KL_ASSIGN_OR_RETURN(auto stored, imports_.YearFigures(tx, *ledger_period.year,
                                                            ledger_period.month.value_or(0)));
      std::unordered_map<int64_t, StoredFigures> by_project;
      by_project.reserve(stored.size());
      for (auto& [id, f] : stored) by_project.emplace(id, std::move(f));
      figures.SetFigures(std::move(by_project));
    }
  }
  return PlanLedger(
      table, mapping.fields, index, [&](int64_t id) { return repos_.projects->Get(tx, id); }, today,
      wants_figures ? &figures : nullptr, &ledger_period, view_rows);
}

Result<LedgerPlan> ImportService::PlanFor(const Caller& caller, ImportKind kind,
                                          const SheetTable& table, const ColumnMapping& mapping,
                                          std::optional<int64_t> period,
                                          const std::vector<ValueMapping>& values) {
  if (kind == ImportKind::kReports) {
    if (!period) return Status::Internal("a reports import without a period");
    return PlanReports(caller, table, mapping, static_cast<int>(*period));
  }
  LedgerPlan plan;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(plan, Plan(tx, table, mapping, period, values, kViewRows));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return plan;
}

Result<ImportView> ImportService::View(const Caller& caller, ImportSession session) {
  ImportView v;
  auto kind = KindOf(session.kind);
  if (!kind) return Status::Internal("unknown import kind " + session.kind);
  v.kind = *kind;
  KL_ASSIGN_OR_RETURN(v.table, DecodeTable(session.table));
  session.table.clear();
  session.table.shrink_to_fit();
  KL_ASSIGN_OR_RETURN(v.mapping, DecodeMapping(session.mapping));
  KL_ASSIGN_OR_RETURN(v.sheet_names, DecodeStrings(session.sheets));
  v.status = session.status;
  if (v.status == "dry_run" && clock_.NowMs() > session.expires_at) v.status = "expired";
  KL_ASSIGN_OR_RETURN(std::vector<ValueMapping> values,
                      DecodeValueMappings(session.value_mappings));
  KL_ASSIGN_OR_RETURN(v.plan, PlanFor(caller, v.kind, v.table, v.mapping, session.period, values));
  session.table.clear();
  session.mapping.clear();
  v.session = std::move(session);
  return v;
}

Result<ImportView> ImportService::Upload(const Caller& caller, ImportKind kind,
                                         std::string file_name, std::string bytes, int64_t sheet,
                                         std::optional<int> period) {
  KL_RETURN_IF_ERROR(CheckRole(caller, kind));
  if (kind == ImportKind::kReports && !period) {
    return Status::InvalidArgument("缺少期别 period（YYYYMM）", "period (YYYYMM) is required");
  }
  if (file_name.size() > 255) file_name.resize(255);
  KL_ASSIGN_OR_RETURN(auto parsed, ParseWorkbook(std::move(bytes), sheet, kind));
  ImportSession s;
  s.kind = std::string(ImportKindCode(kind));
  s.status = "dry_run";
  s.creator_id = caller.user_id;
  s.file_name = std::move(file_name);
  s.sheet = sheet;
  if (period) s.period = *period;
  s.sheets = EncodeStrings(parsed.first);
  s.table = EncodeTable(parsed.second);
  s.mapping = EncodeMapping(SuggestedMapping(kind, parsed.second));
  // The dry run below plans the table decoded from the stored text, as a confirmation will:
  // the parsed rows, their stored text and SQLite's record of it are never all held at once.
  parsed.second = SheetTable{};
  s.created_at = clock_.NowMs();
  s.expires_at = s.created_at + kTtlMs;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_RETURN_IF_ERROR(imports_.DeleteExpired(tx, s.created_at - kKeepExpiredMs).status());
    KL_ASSIGN_OR_RETURN(s.id, imports_.Insert(tx, s));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return View(caller, std::move(s));
}

Result<ImportView> ImportService::Get(const Caller& caller, int64_t id) {
  ImportSession s;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(s, LoadOwn(tx, caller, id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return View(caller, std::move(s));
}

Result<ImportView> ImportService::SetMapping(const Caller& caller, int64_t id,
                                             const std::vector<MappingChange>& changes) {
  ImportSession s;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(s, LoadOwn(tx, caller, id));
    if (s.status != "dry_run") {
      return Status::Conflict("导入已确认，不能再修改列对应",
                              "the import is already confirmed; the mapping cannot change");
    }
    auto kind = KindOf(s.kind);
    if (!kind) return Status::Internal("unknown import kind");
    KL_ASSIGN_OR_RETURN(SheetTable table, DecodeTable(s.table));
    KL_ASSIGN_OR_RETURN(ColumnMapping mapping, DecodeMapping(s.mapping));
    std::vector<FieldError> errors;
    for (const MappingChange& ch : changes) {
      size_t pos = table.columns.size();
      for (size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].index == ch.column) pos = i;
      }
      std::string where = "columns[" + std::to_string(ch.column) + "]";
      if (pos == table.columns.size()) {
        errors.push_back({where, "没有这一列：" + std::to_string(ch.column),
                          "no such column: " + std::to_string(ch.column)});
        continue;
      }
      if (ch.field && !FindField(*kind, *ch.field)) {
        errors.push_back({where, "未知字段：" + ch.field->substr(0, 40),
                          "unknown field: " + ch.field->substr(0, 40)});
        continue;
      }
      mapping.fields[pos] = ch.field;
      mapping.sources[pos] = ch.field ? "user" : "";
    }
    // Each field at most once.
    for (size_t i = 0; i < mapping.fields.size() && errors.empty(); ++i) {
      for (size_t j = i + 1; j < mapping.fields.size(); ++j) {
        if (mapping.fields[i] && mapping.fields[i] == mapping.fields[j]) {
          errors.push_back({"columns",
                            "字段 " + *mapping.fields[i] + " 对应了多列（" +
                                table.columns[i].letter + "、" + table.columns[j].letter + "）",
                            "field " + *mapping.fields[i] + " is mapped to more than one column"});
          break;
        }
      }
    }
    if (!errors.empty()) {
      FieldError first = errors.front();
      return Status::InvalidArgument("列对应有误：" + first.message_zh,
                                     "invalid mapping: " + first.message_en, std::move(errors));
    }
    s.mapping = EncodeMapping(mapping);
    return imports_.UpdateMapping(tx, id, s.mapping);
  });
  if (!st.ok()) return st;
  return View(caller, std::move(s));
}

Result<ConfirmResult> ImportService::Confirm(const Caller& caller, int64_t id, bool skip_errors) {
  ConfirmResult result;
  result.id = id;
  // Monthly figures: planned through ReportService before the write transaction; every
  // submission then checks the report version it was planned on.
  std::optional<LedgerPlan> report_plan;
  {
    ImportSession s;
    Status st = repos_.tx->Read([&](Tx& tx) -> Status {
      KL_ASSIGN_OR_RETURN(s, LoadOwn(tx, caller, id));
      return Status::Ok();
    });
    if (!st.ok()) return st;
    if (s.kind == "reports" && s.status == "dry_run" && s.period) {
      KL_ASSIGN_OR_RETURN(SheetTable table, DecodeTable(s.table));
      KL_ASSIGN_OR_RETURN(ColumnMapping mapping, DecodeMapping(s.mapping));
      KL_ASSIGN_OR_RETURN(report_plan, PlanReports(caller, table, mapping, *s.period));
    }
  }
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    result = ConfirmResult{};
    result.id = id;
    KL_ASSIGN_OR_RETURN(ImportSession s, LoadOwn(tx, caller, id));
    auto kind = KindOf(s.kind);
    if (!kind) return Status::Internal("unknown import kind");
    KL_RETURN_IF_ERROR(CheckRole(caller, *kind));
    if (s.status != "dry_run") {
      return Status::Conflict("该导入已确认过", "the import has already been confirmed");
    }
    if (clock_.NowMs() > s.expires_at) {
      return Status::Conflict("该导入已过期，请重新上传文件",
                              "the import has expired; upload the file again");
    }
    if (*kind == ImportKind::kReports) {
      if (!report_plan || !s.period) return Status::Internal("reports import without a plan");
      KL_RETURN_IF_ERROR(ApplyReports(tx, caller, *report_plan, static_cast<int>(*s.period),
                                      skip_errors, &result));
    } else {
      KL_ASSIGN_OR_RETURN(SheetTable table, DecodeTable(s.table));
      KL_ASSIGN_OR_RETURN(ColumnMapping mapping, DecodeMapping(s.mapping));
      KL_ASSIGN_OR_RETURN(std::vector<ValueMapping> values, DecodeValueMappings(s.value_mappings));
      values = MappingsInUse(table, mapping, std::move(values));
      KL_RETURN_IF_ERROR(CheckValues(tx, values));
      KL_ASSIGN_OR_RETURN(values, ApplyValues(tx, caller, std::move(values), &result));
      KL_ASSIGN_OR_RETURN(LedgerPlan plan, Plan(tx, table, mapping, s.period, values));
      KL_RETURN_IF_ERROR(Apply(tx, caller, plan, skip_errors, "#" + std::to_string(id), &result));
    }
    std::string json = ConfirmResultJson(result);
    KL_RETURN_IF_ERROR(imports_.MarkDone(tx, id, json, clock_.NowMs()));
    return audit_.Record(tx, caller, "confirm", "import", std::to_string(id), "", json);
  });
  if (!st.ok()) return st;
  return result;
}

Result<std::pair<std::vector<std::string>, SheetTable>> ImportService::ParseFile(
    const Caller& caller, ImportKind kind, const std::string& path, int64_t sheet) {
  KL_RETURN_IF_ERROR(CheckRole(caller, kind));
  KL_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path));
  return ParseWorkbook(std::move(bytes), sheet, kind);
}

Result<ImportView> ImportService::DryRunTable(const Caller& caller, ImportKind kind,
                                              const SheetTable& table, std::optional<int> period,
                                              const std::vector<ValueMapping>& values) {
  KL_RETURN_IF_ERROR(CheckRole(caller, kind));
  KL_RETURN_IF_ERROR(repos_.tx->Read([&](Tx& tx) { return CheckValues(tx, values); }));
  ImportView v;
  v.kind = kind;
  v.status = "dry_run";
  v.mapping = SuggestedMapping(kind, table);
  v.session.kind = std::string(ImportKindCode(kind));
  if (period) v.session.period = *period;
  KL_ASSIGN_OR_RETURN(v.plan, PlanFor(caller, kind, table, v.mapping, v.session.period, values));
  return v;
}

Result<ConfirmResult> ImportService::ApplyTable(const Caller& caller, ImportKind kind,
                                                const SheetTable& table, std::optional<int> period,
                                                bool skip_errors, const std::string& source,
                                                const std::vector<ValueMapping>& values) {
  KL_RETURN_IF_ERROR(CheckRole(caller, kind));
  ColumnMapping mapping = SuggestedMapping(kind, table);
  if (kind == ImportKind::kReports && !period) {
    return Status::InvalidArgument("缺少期别 period（YYYYMM）", "period (YYYYMM) is required");
  }
  std::optional<LedgerPlan> report_plan;
  if (kind == ImportKind::kReports) {
    KL_ASSIGN_OR_RETURN(report_plan, PlanReports(caller, table, mapping, *period));
  }
  ConfirmResult result;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    result = ConfirmResult{};
    if (report_plan) {
      KL_RETURN_IF_ERROR(ApplyReports(tx, caller, *report_plan, *period, skip_errors, &result));
    } else {
      KL_RETURN_IF_ERROR(CheckValues(tx, values));
      KL_ASSIGN_OR_RETURN(std::vector<ValueMapping> applied,
                          ApplyValues(tx, caller, MappingsInUse(table, mapping, values), &result));
      KL_ASSIGN_OR_RETURN(LedgerPlan plan, Plan(tx, table, mapping, period, applied));
      KL_RETURN_IF_ERROR(Apply(tx, caller, plan, skip_errors, source, &result));
    }
    return audit_.Record(tx, caller, "import", std::string(ImportKindCode(kind)) + "_file", "", "",
                         ConfirmResultJson(result));
  });
  if (!st.ok()) return st;
  return result;
}

}  // namespace keyline::importing
