#include "importing/import_service.h"

#include <fstream>
#include <sstream>

#include "common/date.h"
#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
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

// Error rows block a confirmation unless the user chose to skip them.
Status RefuseErrors(const LedgerPlan& plan, bool skip_errors) {
  if (plan.summary.errors == 0 || skip_errors) return Status::Ok();
  return Status::InvalidArgument(
      "试导入仍有" + std::to_string(plan.summary.errors) +
          "行错误：请修改文件或列对应，或选择跳过错误行（skip_errors）",
      std::to_string(plan.summary.errors) +
          " rows have errors: fix the file or the mapping, or confirm with skip_errors");
}

// Counts a row that writes nothing; false for a create or an update.
bool CountedAsNotWritten(const PlanRow& row, ConfirmResult* result) {
  switch (row.action) {
    case RowAction::kCreate:
    case RowAction::kUpdate:
      return false;
    case RowAction::kUnchanged:
      ++result->unchanged;
      break;
    case RowAction::kSkip:
      ++result->skipped;
      break;
    case RowAction::kError:
      ++result->errors_skipped;
      break;
  }
  return true;
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
  bool office = caller.role == Role::kAdmin || caller.role == Role::kSupervisor;
  if (office) return Status::Ok();
  if (kind == ImportKind::kReports && caller.role == Role::kDepartment) return Status::Ok();
  return Status::Forbidden(
      kind == ImportKind::kLedger ? "只有管理员和发改部门可以导入项目台账"
                                  : "只有管理员、发改部门和行业部门可以导入月度数据",
      kind == ImportKind::kLedger ? "only admin and the 发改 office may import a ledger"
                                  : "only admin, the 发改 office and departments may import "
                                    "monthly figures");
}

Result<ImportSession> ImportService::LoadOwn(Tx& tx, const Caller& caller, int64_t id) {
  auto s = imports_.Get(tx, id);
  if (!s.ok()) return s.status().code() == ErrorCode::kNotFound ? NotFoundImport() : s.status();
  if (s->creator_id != caller.user_id && caller.role != Role::kAdmin) return NotFoundImport();
  return s;
}

Result<LedgerPlan> ImportService::Plan(Tx& tx, const SheetTable& table,
                                       const ColumnMapping& mapping, std::optional<int64_t> period,
                                       const std::vector<ValueMapping>& values) {
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
    KL_ASSIGN_OR_RETURN(std::vector<PersonNameKey> people, imports_.PersonKeys(tx));
    figures.SetPeople(people);
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
      wants_figures ? &figures : nullptr, &ledger_period);
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
    KL_ASSIGN_OR_RETURN(plan, Plan(tx, table, mapping, period, values));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return plan;
}

Result<LedgerPlan> ImportService::PlanReports(const Caller& caller, const SheetTable& table,
                                              const ColumnMapping& mapping, int period) {
  std::vector<ProjectMatchKey> keys;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(keys, imports_.ProjectKeys(tx));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  LedgerIndex index(std::move(keys), {});
  LedgerPlan plan;
  std::vector<AmountUnit> units = ColumnUnits(table);
  plan.rows.reserve(table.rows.size() + table.skipped.size());
  AddSkippedRows(table, &plan);
  std::unordered_map<int64_t, int64_t> seen;
  for (const TableRow& tr : table.rows) {
    PlanRow out;
    out.row = tr.row;
    std::string name, code;
    std::optional<Money> cumulative;
    std::string cumulative_where;
    for (size_t c = 0; c < table.columns.size() && c < mapping.fields.size(); ++c) {
      if (!mapping.fields[c] || c >= tr.cells.size() || tr.cells[c].empty()) continue;
      const std::string& field = *mapping.fields[c];
      const std::string& text = tr.cells[c];
      if (field == "name") {
        name = text;
      } else if (field == "code") {
        code = CompactText(text);
      } else if (field == "month_investment") {
        auto m = ParseAmount(text, units[c]);
        if (m.ok()) {
          out.month_investment = *m;
        } else {
          out.reasons.push_back(
              {table.columns[c].letter + "列：" + m.status().message_zh(),
               "column " + table.columns[c].letter + ": " + m.status().message_en()});
        }
      } else if (field == "cumulative") {
        auto m = ParseAmount(text, units[c]);
        cumulative_where = table.columns[c].letter;
        HeaderPeriod named = PeriodInText(table.columns[c].header);
        if (named.month && *named.month != period % 100) {
          out.reasons.push_back(
              {table.columns[c].letter + "列：表头为1-" + std::to_string(*named.month) +
                   "月累计，与导入期别" + std::to_string(period / 100) + "年" +
                   std::to_string(period % 100) + "月不符",
               "column " + table.columns[c].letter + ": the header's year to date runs to month " +
                   std::to_string(*named.month) + ", not the import's period"});
        } else if (m.ok()) {
          cumulative = *m;
        } else {
          out.reasons.push_back(
              {table.columns[c].letter + "列：" + m.status().message_zh(),
               "column " + table.columns[c].letter + ": " + m.status().message_en()});
        }
      } else if (field == "progress") {
        out.progress = text;
      } else if (field == "problems") {
        out.problems = text;
      }
    }
    out.name = name;
    out.project_code = code.empty() ? "" : NormalizedCode(code);
    std::optional<int64_t> id;
    if (!code.empty()) id = index.ByCode(code);
    if (!id && !name.empty()) id = index.ByNameOwner(name, std::nullopt);
    if (name.empty() && code.empty()) {
      out.reasons.push_back({"缺少项目代码或项目名称", "the project code or name is missing"});
    } else if (!id) {
      out.reasons.push_back({"项目不存在：" + (code.empty() ? name : code),
                             "no such project: " + (code.empty() ? name : code)});
    }
    if (id) {
      if (auto [it, fresh] = seen.emplace(*id, tr.row); !fresh) {
        out.reasons.push_back({"与第" + std::to_string(it->second) + "行是同一项目",
                               "same project as row " + std::to_string(it->second)});
      }
      auto view = reports_.Get(caller, *id, period);
      if (!view.ok()) {
        if (view.status().code() == ErrorCode::kNotFound) {
          out.reasons.push_back({"不在您的管辖范围", "not within your scope"});
        } else {
          out.reasons.push_back({view.status().message_zh(), view.status().message_en()});
        }
      } else {
        out.project_id = *id;
        const MonthlyReport& r = view->report;
        out.report_version = r.version;
        // 1–M月累计: the month's figure is the difference to the counted reports of the months
        // before (a given 本月完成投资 must agree with it).
        if (cumulative && out.reasons.empty()) {
          Money before;
          Status read = repos_.tx->Read([&](Tx& tx) -> Status {
            KL_ASSIGN_OR_RETURN(ReportTotals totals, report_rows_.Totals(tx, *id, period));
            before = totals.year_before_period;
            return Status::Ok();
          });
          if (!read.ok()) return read;
          Money month{cumulative->cents - before.cents};
          std::string where = cumulative_where + "列：";
          if (month.cents < 0) {
            out.reasons.push_back({where + "1-" + std::to_string(period % 100) + "月累计" +
                                       cumulative->ToWanString() + "万元小于此前各月已报合计" +
                                       before.ToWanString() + "万元",
                                   "column " + cumulative_where +
                                       ": the year to date is below the months already "
                                       "reported (" +
                                       before.ToWanString() + ")"});
          } else if (out.month_investment && *out.month_investment != month) {
            // Both given: the month's own figure is taken; the year to date only checks it (the
            // months before may predate Keyline).
            out.warnings.push_back(
                {where + "本月完成投资" + out.month_investment->ToWanString() +
                     "万元与“累计减此前各月已报”" + month.ToWanString() +
                     "万元不符，按本月完成投资导入",
                 "column " + cumulative_where +
                     ": this month's figure does not match the year to date less the months "
                     "before; the month's figure is imported"});
          } else if (!out.month_investment) {
            out.month_investment = month;
          }
        }
        if (!out.month_investment && out.reasons.empty()) {
          out.reasons.push_back({"本月完成投资（或1-M月累计完成投资）不能为空",
                                 "this month's investment (or the year to date) is required"});
        }
        if (!view->editable) {
          out.reasons.push_back(
              {"本期月报当前不能由您修改（状态：" +
                   std::string(EnumZh(ReportStatusTable(), r.status)) + "，窗口 " +
                   view->window.opens_on + "～" + view->window.locks_after + "）",
               "this report cannot be changed by you now (status " +
                   std::string(EnumCode(ReportStatusTable(), r.status)) + ", window " +
                   view->window.opens_on + ".." + view->window.locks_after + ")"});
        }
        if (out.month_investment && r.completed_investment != *out.month_investment) {
          out.changes.push_back({"month_investment",
                                 r.id ? r.completed_investment.ToWanString() : "",
                                 out.month_investment->ToWanString()});
        }
        if (out.progress && r.progress_text != *out.progress) {
          out.changes.push_back({"progress", r.progress_text, *out.progress});
        }
        if (out.problems && r.problems != *out.problems) {
          out.changes.push_back({"problems", r.problems, *out.problems});
        }
        if (out.reasons.empty()) {
          bool submitted = r.status == ReportStatus::kSubmitted && r.id != 0;
          out.action = r.id == 0                            ? RowAction::kCreate
                       : !out.changes.empty() || !submitted ? RowAction::kUpdate
                                                            : RowAction::kUnchanged;
        }
      }
    }
    if (!out.reasons.empty()) {
      out.action = RowAction::kError;
      ++plan.summary.errors;
    } else if (out.action == RowAction::kCreate) {
      ++plan.summary.create;
    } else if (out.action == RowAction::kUpdate) {
      ++plan.summary.update;
    } else {
      ++plan.summary.unchanged;
    }
    plan.rows.push_back(std::move(out));
  }
  // The report rules (window, status, validation: e.g. no investment before the actual start)
  // are checked by submitting every row in a transaction that is then rolled back.
  if (plan.summary.create + plan.summary.update > 0) {
    const Status kRollback = Status::Conflict("试导入回滚", "dry run rollback");
    Status trial = repos_.tx->Write([&](Tx& tx) -> Status {
      for (PlanRow& row : plan.rows) {
        if (row.action != RowAction::kCreate && row.action != RowAction::kUpdate) continue;
        Status st = SubmitRow(tx, caller, row, period);
        if (st.ok()) continue;
        row.reasons.push_back({st.message_zh(), st.message_en()});
        if (row.action == RowAction::kCreate) --plan.summary.create;
        if (row.action == RowAction::kUpdate) --plan.summary.update;
        row.action = RowAction::kError;
        ++plan.summary.errors;
      }
      return kRollback;
    });
    if (!trial.ok() && trial.message_en() != kRollback.message_en()) return trial;
  }
  std::stable_sort(plan.rows.begin(), plan.rows.end(),
                   [](const PlanRow& a, const PlanRow& b) { return a.row < b.row; });
  return plan;
}

Status ImportService::SubmitRow(Tx& tx, const Caller& caller, const PlanRow& row, int period) {
  ReportInput input;
  input.completed_investment = row.month_investment;
  input.progress_text = row.progress;
  input.problems = row.problems;
  auto submitted =
      reports_.SubmitInTx(tx, caller, *row.project_id, period, row.report_version, input);
  if (!submitted.ok() && submitted.status().code() == ErrorCode::kConflict &&
      !submitted.status().details().empty()) {
    // Warnings of the report checks: the office confirms them by importing.
    std::vector<std::string> codes;
    for (const FieldError& e : submitted.status().details()) codes.push_back(e.field);
    input.confirmed_warnings = codes;
    submitted = reports_.SubmitInTx(tx, caller, *row.project_id, period, row.report_version, input);
  }
  return submitted.status();
}

Status ImportService::ApplyReports(Tx& tx, const Caller& caller, const LedgerPlan& plan, int period,
                                   bool skip_errors, ConfirmResult* result) {
  KL_RETURN_IF_ERROR(RefuseErrors(plan, skip_errors));
  for (const PlanRow& row : plan.rows) {
    if (CountedAsNotWritten(row, result)) continue;
    Status st = SubmitRow(tx, caller, row, period);
    if (!st.ok()) {
      std::string n = std::to_string(row.row);
      return Status(st.code(), "第" + n + "行：" + st.message_zh(),
                    "row " + n + ": " + st.message_en(), st.details());
    }
    if (row.action == RowAction::kCreate) {
      ++result->created;
    } else {
      ++result->updated;
    }
  }
  return Status::Ok();
}

Result<ImportView> ImportService::View(const Caller& caller, ImportSession session) {
  ImportView v;
  auto kind = KindOf(session.kind);
  if (!kind) return Status::Internal("unknown import kind " + session.kind);
  v.kind = *kind;
  KL_ASSIGN_OR_RETURN(v.table, DecodeTable(session.table));
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

Status ImportService::Apply(Tx& tx, const Caller& caller, const LedgerPlan& plan, bool skip_errors,
                            const std::string& import_ref, ConfirmResult* result) {
  KL_RETURN_IF_ERROR(RefuseErrors(plan, skip_errors));
  int64_t now = clock_.NowMs();
  std::unordered_map<std::string, int64_t> owners, leaders;
  for (const PlanRow& row : plan.rows) {
    if (CountedAsNotWritten(row, result)) continue;
    Project project = row.project;
    if (!row.new_owner.empty()) {
      std::string key = CompactText(row.new_owner);
      auto it = owners.find(key);
      if (it == owners.end()) {
        Unit unit;
        unit.name = row.new_owner;
        unit.kind = UnitKind::kCompany;
        unit.credit_code = row.owner_code;
        unit.created_at = unit.updated_at = now;
        KL_ASSIGN_OR_RETURN(unit.id, repos_.units->Insert(tx, unit));
        unit.version = 1;
        KL_RETURN_IF_ERROR(
            audit_.Record(tx, caller, "create", "unit", std::to_string(unit.id), "", ToJson(unit)));
        it = owners.emplace(key, unit.id).first;
        ++result->owners_created;
      }
      project.owner_unit_id = it->second;
    }
    auto row_error = [&](const Status& st) {
      std::string n = std::to_string(row.row);
      return Status(st.code(), "第" + n + "行：" + st.message_zh(),
                    "row " + n + ": " + st.message_en(), st.details());
    };
    int64_t project_id = 0;
    if (row.action == RowAction::kCreate) {
      auto created = projects_.CreateInTx(tx, caller, project, "台账导入 " + import_ref);
      if (!created.ok()) return row_error(created.status());
      project_id = created->id;
      ++result->created;
    } else {
      project_id = *row.project_id;
      auto updated =
          projects_.UpdateInTx(tx, caller, *row.project_id, project.version, [&](Project& p) {
            Stage stage = p.stage;
            p = project;
            p.stage = stage;
            return Status::Ok();
          });
      if (!updated.ok()) return row_error(updated.status());
      ++result->updated;
    }
    Status figures = ApplyFigures(tx, caller, row, project_id, import_ref, &leaders);
    if (!figures.ok()) return row_error(figures);
  }
  result->leaders_created = static_cast<int64_t>(leaders.size());
  return Status::Ok();
}

Status ImportService::ApplyFigures(Tx& tx, const Caller& caller, const PlanRow& row,
                                   int64_t project_id, const std::string& import_ref,
                                   std::unordered_map<std::string, int64_t>* leaders) {
  int64_t now = clock_.NowMs();
  std::string today = projects_.Today();
  // A valid credit code for an owner registered without one.
  if (row.owner_code && row.owner_code_for_existing && row.project.owner_unit_id) {
    KL_ASSIGN_OR_RETURN(Unit unit, repos_.units->Get(tx, *row.project.owner_unit_id));
    if (!unit.credit_code) {
      Unit before = unit;
      unit.credit_code = row.owner_code;
      unit.updated_at = now;
      KL_RETURN_IF_ERROR(repos_.units->Update(tx, unit, before.version));
      unit.version = before.version + 1;
      KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "update", "unit", std::to_string(unit.id),
                                       ToJson(before), ToJson(unit)));
    }
  }
  if (row.annual_plan) {
    KL_RETURN_IF_ERROR(plans_.ImportBaselineInTx(tx, caller, project_id, row.plan_year,
                                                 *row.annual_plan, "台账导入 " + import_ref,
                                                 row.action == RowAction::kCreate));
  }
  if (row.opening_balance) {
    MonthlyReport report;
    std::optional<MonthlyReport> before;
    if (row.balance_id) {
      KL_ASSIGN_OR_RETURN(report, report_rows_.Get(tx, *row.balance_id));
      before = report;
    } else {
      report.project_id = project_id;
      report.period = row.balance_period;
      report.origin = "import";
      report.status = ReportStatus::kApproved;
      report.created_at = now;
      report.first_submitted_at = now;
      report.submitted_at = now;
      report.submitted_by = caller.user_id;
      report.reviewed_at = now;
      report.reviewed_by = caller.user_id;
    }
    report.completed_investment = *row.opening_balance;
    if (row.progress) report.progress_text = *row.progress;
    report.review_comment = "台账导入期初数（" + std::to_string(row.balance_period / 100) + "年1-" +
                            std::to_string(row.balance_period % 100) + "月累计）" + import_ref;
    report.updated_at = now;
    if (before) {
      KL_RETURN_IF_ERROR(report_rows_.Update(tx, report, before->version));
      report.version = before->version + 1;
    } else {
      KL_ASSIGN_OR_RETURN(report.id, report_rows_.Insert(tx, report));
      report.version = 1;
    }
    KL_RETURN_IF_ERROR(audit_.Record(tx, caller, before ? "update" : "import", "monthly_report",
                                     std::to_string(report.id), before ? ToJson(*before) : "",
                                     ToJson(report)));
  }
  std::optional<int64_t> leader = row.leader_id;
  if (!row.new_leader.empty()) {
    std::string key = CompactText(row.new_leader);
    auto it = leaders->find(key);
    if (it == leaders->end()) {
      Person person;
      person.name = row.new_leader;
      person.kind = PersonKind::kLeader;
      person.created_at = person.updated_at = now;
      KL_ASSIGN_OR_RETURN(person.id, repos_.people->Insert(tx, person));
      person.version = 1;
      KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "create", "person", std::to_string(person.id),
                                       "", ToJson(person)));
      it = leaders->emplace(key, person.id).first;
    }
    leader = it->second;
  }
  if (leader) {
    // The open 包抓领导 assignment ends yesterday; the new one starts today.
    std::vector<Assignment> current;
    if (row.action != RowAction::kCreate) {
      KL_ASSIGN_OR_RETURN(current, repos_.projects->ListAssignments(tx, project_id));
    }
    for (Assignment& a : current) {
      if (a.role != AssignmentRole::kLeadLeader || a.valid_to || !a.person_id) continue;
      if (*a.person_id == *leader) return Status::Ok();
      Assignment before = a;
      auto day = Date::Parse(today);
      if (day.ok()) a.valid_to = Date::FromDays(day->ToDays() - 1).ToString();
      if (a.valid_from && *a.valid_to < *a.valid_from) a.valid_to = a.valid_from;
      KL_RETURN_IF_ERROR(repos_.projects->UpdateAssignment(tx, a, before.version));
      KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "update", "assignment", std::to_string(a.id),
                                       ToJson(before), ToJson(a)));
    }
    Assignment a;
    a.project_id = project_id;
    a.role = AssignmentRole::kLeadLeader;
    a.person_id = leader;
    a.valid_from = today;
    a.note = "台账导入 " + import_ref;
    a.created_at = now;
    KL_ASSIGN_OR_RETURN(a.id, repos_.projects->InsertAssignment(tx, a));
    a.version = 1;
    KL_RETURN_IF_ERROR(
        audit_.Record(tx, caller, "create", "assignment", std::to_string(a.id), "", ToJson(a)));
  }
  return Status::Ok();
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
