// ImportService::PlanReports: the dry run of a month's figures (kind "reports") — one row per
// project the caller sees, 本月完成投资 or 1–M月累计, checked through ReportService in a
// transaction that is rolled back. import_service.h has the contract.
#include <string>
#include <unordered_map>

#include "importing/import_service.h"

namespace keyline::importing {

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
  for (const TableRow tr : table.rows) {
    PlanRow out;
    out.row = tr.row;
    std::string name, code;
    std::optional<Money> cumulative;
    std::string cumulative_where;
    for (size_t c = 0; c < table.columns.size() && c < mapping.fields.size(); ++c) {
      if (!mapping.fields[c] || c >= tr.cells.size() || tr.cells[c].empty()) continue;
      const std::string& field = *mapping.fields[c];
      const std::string text(tr.cells[c]);
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
        if (view.status().code() == ErrorCode::kNotFound && caller.role == Role::kReporter) {
          out.foreign = true;
          std::string n = std::to_string(tr.row);
          std::string what = code.empty() ? name : code;
          out.reasons.push_back(
              {"第" + n + "行：项目“" + what + "”不是本单位的项目，不能导入",
               "row " + n + ": project " + what + " is not one of your company's projects"});
        } else if (view.status().code() == ErrorCode::kNotFound) {
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

}  // namespace keyline::importing
