#include "importing/ledger_plan.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_set>

#include "core/codes/project_code.h"
#include "core/service/project_rules.h"
#include "importing/cell_values.h"
#include "importing/ledger_figures.h"

namespace keyline::importing {
namespace {

std::string NameKey(const std::string& name) { return CompactText(name); }

std::string NameOwnerKey(const std::string& name, std::optional<int64_t> owner) {
  return NameKey(name) + '\x1f' + (owner ? std::to_string(*owner) : "");
}

std::string OptText(const std::optional<std::string>& v) { return v ? *v : ""; }

std::string OptDouble(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", *v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// The value of a field of a project as shown in the dry run.
std::string FieldText(const Project& p, std::string_view field,
                      const std::function<std::string(std::optional<int64_t>)>& unit_name) {
  if (field == "name") return p.name;
  if (field == "code") return OptText(p.code);
  if (field == "owner") return unit_name(p.owner_unit_id);
  if (field == "responsible_unit") return unit_name(p.responsible_unit_id);
  if (field == "address") return p.address;
  if (field == "scale_content") return p.scale_content;
  if (field == "total_investment") return p.total_investment.ToWanString();
  if (field == "planned_start") return OptText(p.planned_start);
  if (field == "planned_completion") return OptText(p.planned_completion);
  if (field == "actual_start") return OptText(p.actual_start);
  if (field == "actual_completion") return OptText(p.actual_completion);
  if (field == "stage") return std::string(EnumCode(StageTable(), p.stage));
  if (field == "level") return std::string(EnumCode(ProjectLevelTable(), p.level));
  if (field == "industry") {
    return OptText(p.industry_code) + "|" +
           std::string(EnumCode(ProjectCategoryTable(), p.category));
  }
  if (field == "nature") return std::string(EnumCode(ConstructionNatureTable(), p.nature));
  if (field == "approval_regime") {
    return std::string(EnumCode(ApprovalRegimeTable(), p.approval_regime));
  }
  if (field == "longitude") return OptDouble(p.longitude);
  if (field == "latitude") return OptDouble(p.latitude);
  if (field == "owner_credit_code") return OptText(p.owner_credit_code);
  return "";
}

std::string FieldLabelZh(const std::string& field) {
  if (const FieldDef* f = FindField(ImportKind::kLedger, field)) return std::string(f->name_zh);
  if (field == "owner_unit_id") return "建设单位";
  if (field == "responsible_unit_id") return "责任单位";
  if (field == "industry_code") return "行业代码";
  if (field == "stage") return "项目阶段";
  return field;
}

void AddStatusReasons(const Status& st, std::vector<Reason>& reasons) {
  if (st.details().empty()) {
    reasons.push_back({st.message_zh(), st.message_en()});
    return;
  }
  for (const FieldError& e : st.details()) {
    reasons.push_back({FieldLabelZh(e.field) + "：" + e.message_zh, e.field + ": " + e.message_en});
  }
}

struct RowValues {
  std::vector<std::pair<std::string, std::string>> cells;  // mapped field → text
  const std::string* Get(std::string_view field) const {
    for (const auto& [f, t] : cells)
      if (f == field) return t.empty() ? nullptr : &t;
    return nullptr;
  }
};

}  // namespace

std::string_view RowActionCode(RowAction action) {
  switch (action) {
    case RowAction::kCreate:
      return "create";
    case RowAction::kUpdate:
      return "update";
    case RowAction::kUnchanged:
      return "unchanged";
    case RowAction::kSkip:
      return "skip";
    case RowAction::kError:
      return "error";
  }
  return "error";
}

std::string NormalizedCode(const std::string& code) { return codes::NormalizeProjectCode(code); }

int ViewClass(RowAction action) {
  switch (action) {
    case RowAction::kError:
      return 0;
    case RowAction::kCreate:
    case RowAction::kUpdate:
      return 1;
    case RowAction::kSkip:
      return 2;
    case RowAction::kUnchanged:
      return 3;
  }
  return 0;
}

void KeepForView(PlanRow row, size_t view_rows, std::vector<size_t>* kept,
                 std::vector<PlanRow>* rows) {
  if (view_rows == 0) {
    rows->push_back(std::move(row));
    return;
  }
  if (kept->size() < 4) kept->resize(4);
  size_t& n = (*kept)[ViewClass(row.action)];
  if (n >= view_rows) return;
  ++n;
  row.project = Project{};
  rows->push_back(std::move(row));
}

void AddSkippedRows(const SheetTable& table, LedgerPlan* plan, size_t view_rows,
                    std::vector<size_t>* kept) {
  std::vector<size_t> own;
  for (const SkippedRow& s : table.skipped) {
    PlanRow r;
    r.row = s.row;
    r.action = RowAction::kSkip;
    r.reasons.push_back({s.reason_zh, s.reason_en});
    KeepForView(std::move(r), view_rows, kept ? kept : &own, &plan->rows);
    ++plan->summary.skipped;
  }
}

std::vector<AmountUnit> ColumnUnits(const SheetTable& table) {
  std::vector<AmountUnit> units;
  for (const TableColumn& c : table.columns) {
    units.push_back(UnitInText(c.header).value_or(table.default_unit.value_or(AmountUnit::kWan)));
  }
  return units;
}

LedgerIndex::LedgerIndex(std::vector<ExistingProjectKey> projects, std::vector<UnitKey> units,
                         std::unique_ptr<ValueResolver> values)
    : values_(std::move(values)) {
  if (!values_) {
    std::vector<naming::MatchableUnit> matchable;
    for (const auto& u : units) matchable.push_back({u.id, u.name, u.kind, std::nullopt, {}});
    values_ = std::make_unique<ValueResolver>(
        naming::UnitNameMatcher(std::move(matchable), {}),
        naming::PersonNameMatcher(std::vector<naming::MatchablePerson>{}),
        std::vector<ValueMapping>{});
  }
  for (const auto& p : projects) {
    if (p.code) by_code_.emplace(NormalizedCode(*p.code), p.id);
    by_name_owner_.emplace(NameOwnerKey(p.name, p.owner_unit_id), p.id);
    by_name_[NameKey(p.name)].push_back(p.id);
  }
  for (auto& u : units) {
    unit_keys_by_id_.emplace(u.id, NameKey(u.name));
    units_.emplace(NameKey(u.name), std::move(u));
  }
}

const UnitKey* LedgerIndex::UnitById(int64_t id) const {
  auto it = unit_keys_by_id_.find(id);
  return it == unit_keys_by_id_.end() ? nullptr : UnitByName(it->second);
}

std::optional<int64_t> LedgerIndex::ByCode(const std::string& code) const {
  auto it = by_code_.find(NormalizedCode(code));
  if (it == by_code_.end()) return std::nullopt;
  return it->second;
}

std::optional<int64_t> LedgerIndex::ByNameOwner(const std::string& name,
                                                std::optional<int64_t> owner) const {
  if (owner) {
    auto it = by_name_owner_.find(NameOwnerKey(name, owner));
    if (it == by_name_owner_.end()) return std::nullopt;
    return it->second;
  }
  auto it = by_name_.find(NameKey(name));
  if (it == by_name_.end() || it->second.size() != 1) return std::nullopt;
  return it->second.front();
}

const UnitKey* LedgerIndex::UnitByName(const std::string& name) const {
  auto it = units_.find(NameKey(name));
  return it == units_.end() ? nullptr : &it->second;
}

LedgerPlan PlanLedger(const SheetTable& table,
                      const std::vector<std::optional<std::string>>& column_fields,
                      const LedgerIndex& index,
                      const std::function<Result<Project>(int64_t)>& load_project,
                      const std::string& today, const FiguresIndex* figures,
                      const LedgerPeriod* period, size_t view_rows) {
  LedgerPlan plan;
  if (period) plan.year = period->year, plan.month = period->month;
  // One PlanRow per sheet row (about 1 KiB each): reserved once, so that a 100,000-row sheet
  // never holds two copies of the vector while it grows. A view keeps at most 4 × view_rows.
  plan.rows.reserve(view_rows ? std::min(table.rows.size() + table.skipped.size(), 4 * view_rows)
                              : table.rows.size() + table.skipped.size());
  std::vector<size_t> kept;
  std::unordered_set<std::string> new_leader_set;
  std::vector<AmountUnit> units = ColumnUnits(table);
  std::unordered_map<std::string, int64_t> seen_codes, seen_names;
  std::unordered_set<std::string> new_owner_set;
  std::unordered_map<int64_t, std::string> unit_names;
  auto unit_name = [&](std::optional<int64_t> id) -> std::string {
    if (!id) return "";
    auto it = unit_names.find(*id);
    if (it != unit_names.end()) return it->second;
    const UnitKey* u = index.UnitById(*id);
    return u ? u->name : "#" + std::to_string(*id);
  };
  AddSkippedRows(table, &plan, view_rows, &kept);

  for (const TableRow tr : table.rows) {
    PlanRow out;
    out.row = tr.row;
    std::vector<Reason>& reasons = out.reasons;
    RowValues v;
    Project draft;  // only the fields present
    std::optional<Money> total;
    std::optional<Stage> stage;
    std::optional<std::string> industry_code;
    std::optional<ProjectCategory> category;
    std::optional<ProjectLevel> level;
    std::optional<ConstructionNature> nature;
    std::optional<ApprovalRegime> regime;
    std::optional<int64_t> owner_id, responsible_id;
    std::string owner_name, new_responsible;
    std::optional<double> longitude, latitude;
    FigureCells fc;
    for (size_t c = 0; c < table.columns.size() && c < column_fields.size(); ++c) {
      if (!column_fields[c] || c >= tr.cells.size() || tr.cells[c].empty()) continue;
      const std::string& field = *column_fields[c];
      const std::string text(tr.cells[c]);
      v.cells.emplace_back(field, text);
      std::string where = table.columns[c].letter + "列";
      std::string where_en = "column " + table.columns[c].letter;
      auto bad = [&](const std::string& zh, const std::string& en) {
        reasons.push_back({where + "：" + zh, where_en + ": " + en});
      };
      if (field == "total_investment") {
        auto m = ParseAmount(text, units[c]);
        if (m.ok()) {
          total = *m;
        } else {
          bad(m.status().message_zh(), m.status().message_en());
        }
      } else if (field == "planned_start" || field == "planned_completion" ||
                 field == "actual_start" || field == "actual_completion") {
        auto d = ParseDateText(text);
        if (!d.ok()) {
          bad(d.status().message_zh(), d.status().message_en());
        } else if (field == "planned_start") {
          draft.planned_start = *d;
        } else if (field == "planned_completion") {
          draft.planned_completion = *d;
        } else if (field == "actual_start") {
          draft.actual_start = *d;
        } else {
          draft.actual_completion = *d;
        }
      } else if (field == "annual_plan") {
        fc.annual_plan = text, fc.plan_where = where, fc.plan_unit = units[c];
      } else if (field == "ytd_completed") {
        fc.ytd_completed = text, fc.ytd_where = where, fc.ytd_unit = units[c];
      } else if (field == "ytd_percent") {
        fc.ytd_percent = text, fc.percent_where = where;
      } else if (field == "progress") {
        fc.progress = text;
      } else if (field == "leader") {
        fc.leader = text;
        ValueResolution r = index.Values().Person("leader", text, tr.row, /*blocking=*/false);
        if (r.problem) {
          bad(r.problem->zh, r.problem->en);
          fc.leader.clear();  // an error row registers nobody
        } else if (r.id) {
          fc.leader_id = r.id, fc.leader_name = r.name;
        } else {
          fc.leader_name = r.create ? r.create_name : text;
        }
      } else if (field == "owner_credit_code") {
        fc.credit_code = text, fc.code_where = where;
      } else if (field == "stage") {
        fc.stage_given = true;
        stage = ParseStage(CompactText(text));
        if (!stage) bad("项目阶段无法识别：" + text, "unknown stage: " + text);
      } else if (field == "level") {
        level = ParseLevel(CompactText(text));
        if (!level) bad("项目级别无法识别：" + text, "unknown level: " + text);
      } else if (field == "nature") {
        nature = ParseNature(CompactText(text));
        if (!nature) bad("建设性质无法识别：" + text, "unknown construction nature: " + text);
      } else if (field == "approval_regime") {
        regime = ParseRegime(CompactText(text));
        if (!regime) bad("立项类型无法识别：" + text, "unknown approval regime: " + text);
      } else if (field == "industry") {
        std::string t = CompactText(text);
        if (std::optional<std::string> code = IndustryCodeOf(t)) {
          industry_code = std::move(code);
        } else {
          category = CategoryOf(t);
        }
      } else if (field == "owner") {
        owner_name = text;
        ValueResolution u = index.Values().Unit("owner", text, tr.row, /*blocking=*/false);
        if (u.problem) {
          bad(u.problem->zh, u.problem->en);
        } else if (u.id) {
          owner_id = u.id;
          unit_names[*u.id] = u.name;
        } else if (u.create) {
          owner_name = u.create_name;  // created on confirmation
        }
      } else if (field == "responsible_unit") {
        ValueResolution u = index.Values().Unit("responsible_unit", text, tr.row);
        if (u.problem) {
          bad(u.problem->zh, u.problem->en);
        } else if (u.create) {
          new_responsible = u.create_name;  // created on confirmation
        } else if (u.unit_kind == UnitKind::kCompany) {
          bad("责任单位应为部门、街道或园区，不能是企业：" + text,
              "the responsible unit must not be a company: " + text);
        } else {
          responsible_id = u.id;
          unit_names[*u.id] = u.name;
        }
      } else if (field == "longitude" || field == "latitude") {
        char* end = nullptr;
        std::string t = CompactText(text);
        double d = std::strtod(t.c_str(), &end);
        if (t.empty() || end != t.c_str() + t.size()) {
          bad("坐标应为数字：" + text, "coordinate must be a number: " + text);
        } else {
          (field == "longitude" ? longitude : latitude) = d;
        }
      } else if (field == "name") {
        draft.name = text;
      } else if (field == "code") {
        draft.code = CompactText(text);
      } else if (field == "address") {
        draft.address = text;
      } else if (field == "scale_content") {
        draft.scale_content = text;
      }
    }
    bool level_from_section = false;
    if (!level && !tr.section.empty()) {
      level = LevelOfSection(std::string(tr.section));
      level_from_section = level.has_value();
    }
    out.name = draft.name;
    if (draft.code) out.project_code = NormalizedCode(*draft.code);
    if (figures) ResolveOwnerCode(fc, *figures, &draft, &owner_id, !owner_name.empty(), &out);

    // Match.
    std::optional<int64_t> match;
    if (draft.code) match = index.ByCode(*draft.code);
    if (!match && !draft.name.empty() && (owner_id || owner_name.empty())) {
      match = index.ByNameOwner(draft.name, owner_id);
    }
    // The same project twice in the file.
    std::string dup_key = draft.code ? "c:" + out.project_code
                                     : "n:" + NameOwnerKey(draft.name, owner_id) + owner_name;
    if (!draft.code && draft.name.empty()) dup_key.clear();
    if (match) dup_key = "p:" + std::to_string(*match);
    if (!dup_key.empty()) {
      auto [it, fresh] = seen_codes.emplace(dup_key, tr.row);
      if (!fresh) {
        reasons.push_back({"与第" + std::to_string(it->second) + "行是同一项目",
                           "same project as row " + std::to_string(it->second)});
      }
    }

    Project after;
    Project before;
    if (match) {
      auto loaded = load_project(*match);
      if (!loaded.ok()) {
        AddStatusReasons(loaded.status(), reasons);
      } else {
        before = *loaded;
        after = before;
        out.project_id = *match;
        if (out.name.empty()) out.name = before.name;
        if (out.project_code.empty() && before.code) out.project_code = *before.code;
      }
    } else {
      if (draft.name.empty()) {
        reasons.push_back({"项目名称不能为空", "the project name is required"});
      }
      if (!total) {
        bool mapped = false;
        for (const auto& f : column_fields) mapped = mapped || f == "total_investment";
        if (!mapped || reasons.empty()) {
          reasons.push_back(
              {"总投资不能为空（新建项目必填）", "total investment is required for a new project"});
        }
      }
    }
    // Apply the present values.
    if (!draft.name.empty()) after.name = draft.name;
    if (draft.code) after.code = draft.code;
    if (!draft.address.empty()) after.address = draft.address;
    if (!draft.scale_content.empty()) after.scale_content = draft.scale_content;
    if (total) after.total_investment = *total;
    if (draft.planned_start) after.planned_start = draft.planned_start;
    if (draft.planned_completion) after.planned_completion = draft.planned_completion;
    if (draft.actual_start) after.actual_start = draft.actual_start;
    if (draft.actual_completion) after.actual_completion = draft.actual_completion;
    if (level) after.level = *level;
    if (nature) after.nature = *nature;
    if (regime) after.approval_regime = *regime;
    if (industry_code) after.industry_code = industry_code;
    if (category) after.category = *category;
    if (owner_id) after.owner_unit_id = owner_id;
    if (responsible_id) after.responsible_unit_id = responsible_id;
    if (longitude) after.longitude = longitude;
    if (latitude) after.latitude = latitude;
    if (draft.owner_credit_code) after.owner_credit_code = draft.owner_credit_code;
    if (stage) {
      if (match && out.project_id && *stage != before.stage) {
        reasons.push_back({"项目阶段与库中不同（库中：" +
                               std::string(EnumZh(StageTable(), before.stage)) + "，表中：" +
                               std::string(EnumZh(StageTable(), *stage)) + "），请通过阶段变更办理",
                           "the stage differs from the stored one; move the stage instead"});
      } else {
        after.stage = *stage;
      }
    }
    if (figures && period) {
      static const StoredFigures kNothingStored;
      const StoredFigures* stored = nullptr;
      if (match) {
        stored = figures->Figures(*match);
        if (!stored) stored = &kNothingStored;
      }
      PlanRowFigures(fc, *period, *figures, stored, today, &after, &out);
      if (!out.new_leader.empty() && new_leader_set.insert(NameKey(out.new_leader)).second) {
        plan.new_leaders.push_back(out.new_leader);
      }
      if (match && out.owner_code && out.owner_code_for_existing) {
        out.changes.push_back({"owner_credit_code", "", *out.owner_code});
      }
    }
    if (!owner_name.empty() && !owner_id) {
      out.new_owner = owner_name;
      if (new_owner_set.insert(NameKey(owner_name)).second) plan.new_owners.push_back(owner_name);
    }

    // The project API's rules.
    if (reasons.empty()) {
      after.warnings.clear();
      Status st = ValidateProject(&after, today);
      if (!st.ok()) AddStatusReasons(st, reasons);
      if (st.ok() && !match) {
        Status guards = CheckStageGuards(after, after.stage, today);
        if (!guards.ok()) AddStatusReasons(guards, reasons);
      }
      if (st.ok() && after.code && (!match || after.code != before.code)) {
        if (auto other = index.ByCode(*after.code); other && other != match) {
          reasons.push_back({"项目代码已被项目#" + std::to_string(*other) + "使用",
                             "project code already used by project #" + std::to_string(*other)});
        }
      }
    }

    if (!reasons.empty()) {
      out.action = RowAction::kError;
      ++plan.summary.errors;
    } else if (!match) {
      out.action = RowAction::kCreate;
      ++plan.summary.create;
      if (after.code) out.project_code = *after.code;  // new values: see `project`
    } else {
      for (const FieldDef& f : FieldsOf(ImportKind::kLedger)) {
        if (!v.Get(f.code)) continue;
        std::string old_text = FieldText(before, f.code, unit_name);
        std::string new_text = FieldText(after, f.code, unit_name);
        if (f.code == "owner" && !owner_id) new_text = owner_name;
        if (f.code == "responsible_unit" && !responsible_id) new_text = new_responsible;
        if (old_text != new_text) out.changes.push_back({std::string(f.code), old_text, new_text});
      }
      if (level_from_section && before.level != after.level) {
        out.changes.push_back(
            {"level", FieldText(before, "level", unit_name), FieldText(after, "level", unit_name)});
      }
      if (out.changes.empty()) {
        out.action = RowAction::kUnchanged;
        ++plan.summary.unchanged;
      } else {
        out.action = RowAction::kUpdate;
        ++plan.summary.update;
      }
    }
    // Only rows that write keep their project (memory: a 100,000-row re-import).
    if (!view_rows && (out.action == RowAction::kCreate || out.action == RowAction::kUpdate)) {
      out.project = std::move(after);
    }
    KeepForView(std::move(out), view_rows, &kept, &plan.rows);
  }
  std::stable_sort(plan.rows.begin(), plan.rows.end(),
                   [](const PlanRow& a, const PlanRow& b) { return a.row < b.row; });
  plan.unresolved = index.Values().TakeUnresolved();
  return plan;
}

}  // namespace keyline::importing
