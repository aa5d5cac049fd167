// ImportService: the value mappings of an import — the user's answer for each unit
// or person name the dry run could not match by itself — checked, stored with the session,
// and applied inside the confirming transaction (new units/people, aliases).
#include <fstream>
#include <set>

#include "core/model/json.h"
#include "core/naming/name_key.h"
#include "core/service/naming_service.h"
#include "importing/import_service.h"

namespace keyline::importing {
namespace {

constexpr size_t kMaxValueChars = 200;

size_t Chars(const std::string& s) { return naming::CodePoints(s).size(); }

UnitKind DefaultUnitKind(const std::string& field) {
  return field == "owner" ? UnitKind::kCompany : UnitKind::kDepartment;
}

}  // namespace

Status ImportService::CheckValues(Tx& tx, const std::vector<ValueMapping>& values) {
  std::vector<FieldError> errors;
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < values.size(); ++i) {
    const ValueMapping& m = values[i];
    std::string at = "values[" + std::to_string(i) + "]";
    auto error = [&](const std::string& field, const std::string& zh, const std::string& en) {
      errors.push_back({at + field, "第" + std::to_string(i + 1) + "项：" + zh,
                        "entry " + std::to_string(i + 1) + ": " + en});
    };
    std::optional<ValueKind> kind = ValueKindOf(m.field);
    if (!kind) {
      error(".field",
            "未知字段：" + m.field.substr(0, 40) + "（可用 responsible_unit、owner、leader）",
            "unknown field: " + m.field.substr(0, 40) + " (responsible_unit, owner or leader)");
      continue;
    }
    std::string key = naming::FoldName(m.value);
    if (key.empty() || Chars(m.value) > kMaxValueChars) {
      error(".value", "表中的名称不能为空且不超过200字", "the value is required (max 200)");
      continue;
    }
    if (!seen.emplace(m.field, key).second) {
      error(".value", "“" + m.value + "”重复指定", "\"" + m.value + "\" is mapped twice");
      continue;
    }
    bool creating = !m.create_name.empty();
    if (m.target_id.has_value() == creating) {
      error("", "请指定已有单位/人员或新建（二选一）",
            "give either an existing unit/person or a new one");
      continue;
    }
    std::string label = ValueFieldLabel(m.field);
    if (*kind == ValueKind::kUnit) {
      UnitKind unit_kind = DefaultUnitKind(m.field);
      if (m.target_id) {
        auto unit = repos_.units->Get(tx, *m.target_id);
        if (!unit.ok()) {
          error(".unit_id", "单位不存在：#" + std::to_string(*m.target_id),
                "no such unit: #" + std::to_string(*m.target_id));
          continue;
        }
        unit_kind = unit->kind;
      } else {
        if (Chars(m.create_name) > kMaxValueChars || naming::FoldName(m.create_name).empty()) {
          error(".create.name", "新建单位名称不能为空且不超过200字",
                "the new unit's name is required (max 200)");
          continue;
        }
        if (!m.create_kind.empty()) {
          auto parsed = ParseUnitKind(m.create_kind);
          if (!parsed) {
            error(".create.kind", "单位类型无效：" + m.create_kind.substr(0, 20),
                  "invalid unit kind: " + m.create_kind.substr(0, 20));
            continue;
          }
          unit_kind = *parsed;
        }
      }
      if (m.field == "responsible_unit" && unit_kind == UnitKind::kCompany) {
        error(m.target_id ? ".unit_id" : ".create.kind",
              "责任单位应为部门、街道或园区，不能是企业（" + m.value + "）",
              "the responsible unit must not be a company (" + m.value + ")");
      }
    } else {
      if (m.target_id) {
        if (!repos_.people->Get(tx, *m.target_id).ok()) {
          error(".person_id", "人员不存在：#" + std::to_string(*m.target_id),
                "no such person: #" + std::to_string(*m.target_id));
        }
      } else if (Chars(m.create_name) > 50 || naming::FoldName(m.create_name).empty()) {
        error(".create.name", "新建人员姓名不能为空且不超过50字",
              "the new person's name is required (max 50)");
      } else if (!m.create_kind.empty() && !ParsePersonKind(m.create_kind)) {
        error(".create.kind", "人员类型无效：" + m.create_kind.substr(0, 20),
              "invalid person kind: " + m.create_kind.substr(0, 20));
      }
    }
    (void)label;
  }
  if (errors.empty()) return Status::Ok();
  FieldError first = errors.front();
  return Status::InvalidArgument("名称对应有误：" + first.message_zh,
                                 "invalid value mapping: " + first.message_en, std::move(errors));
}

Result<std::vector<ValueMapping>> ImportService::ApplyValues(Tx& tx, const Caller& caller,
                                                             std::vector<ValueMapping> values,
                                                             ConfirmResult* result) {
  int64_t now = clock_.NowMs();
  for (ValueMapping& m : values) {
    std::optional<ValueKind> kind = ValueKindOf(m.field);
    if (!kind) continue;
    AliasOwner owner = *kind == ValueKind::kUnit ? AliasOwner::kUnit : AliasOwner::kPerson;
    if (!m.target_id) {
      if (*kind == ValueKind::kUnit) {
        Unit unit;
        unit.name = m.create_name;
        unit.kind = ParseUnitKind(m.create_kind).value_or(DefaultUnitKind(m.field));
        unit.created_at = unit.updated_at = now;
        KL_ASSIGN_OR_RETURN(unit.id, repos_.units->Insert(tx, unit));
        unit.version = 1;
        KL_RETURN_IF_ERROR(
            audit_.Record(tx, caller, "create", "unit", std::to_string(unit.id), "", ToJson(unit)));
        m.target_id = unit.id;
        ++result->units_created;
      } else {
        Person person;
        person.name = m.create_name;
        person.kind = ParsePersonKind(m.create_kind).value_or(PersonKind::kLeader);
        person.created_at = person.updated_at = now;
        KL_ASSIGN_OR_RETURN(person.id, repos_.people->Insert(tx, person));
        person.version = 1;
        KL_RETURN_IF_ERROR(audit_.Record(tx, caller, "create", "person", std::to_string(person.id),
                                         "", ToJson(person)));
        m.target_id = person.id;
        ++result->people_created;
      }
      m.create_name.clear();
      m.create_kind.clear();
    }
    auto saved = SaveAlias(tx, repos_, audit_, caller, owner, *m.target_id, m.value, now,
                           AliasSaveMode::kLenient);
    if (!saved.ok()) {
      const Status& st = saved.status();
      return Status(st.code() == ErrorCode::kNotFound ? ErrorCode::kInvalidArgument : st.code(),
                    ValueFieldLabel(m.field) + "“" + m.value + "”：" + st.message_zh(),
                    m.field + " \"" + m.value + "\": " + st.message_en(), st.details());
    }
    if (*saved) ++result->aliases_saved;
  }
  return values;
}

Result<ImportView> ImportService::SetValues(const Caller& caller, int64_t id,
                                            std::vector<ValueMapping> values) {
  ImportSession s;
  Status st = repos_.tx->Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(s, LoadOwn(tx, caller, id));
    if (s.status != "dry_run") {
      return Status::Conflict("导入已确认，不能再修改名称对应",
                              "the import is already confirmed; the value mappings cannot change");
    }
    if (s.kind != "ledger") {
      return Status::InvalidArgument("只有项目台账导入有名称对应",
                                     "only a ledger import has value mappings");
    }
    KL_RETURN_IF_ERROR(CheckValues(tx, values));
    s.value_mappings = EncodeValueMappings(values);
    return imports_.UpdateValueMappings(tx, id, s.value_mappings);
  });
  if (!st.ok()) return st;
  return View(caller, std::move(s));
}

}  // namespace keyline::importing

namespace keyline::importing {
namespace {

// One CSV record: fields separated by commas, "quoted" fields with "" for a quote.
std::vector<std::string> CsvFields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  for (std::string& f : out) {
    while (!f.empty() && (f.back() == ' ' || f.back() == '\t')) f.pop_back();
    size_t start = f.find_first_not_of(" \t");
    f = start == std::string::npos ? "" : f.substr(start);
  }
  return out;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && s.size() <= 18 && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

Result<std::vector<ValueMapping>> ImportService::ReadValueMappingFile(const Caller& caller,
                                                                      const std::string& path) {
  KL_RETURN_IF_ERROR(CheckRole(caller, ImportKind::kLedger));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("无法读取文件：" + path, "cannot read the file: " + path);
  std::vector<ValueMapping> out;
  Status st = repos_.tx->Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(naming::UnitNameMatcher units, LoadUnitMatcher(tx, repos_));
    KL_ASSIGN_OR_RETURN(naming::PersonNameMatcher people, LoadPersonMatcher(tx, repos_));
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // BOM
      std::vector<std::string> f = CsvFields(line);
      if (f.size() == 1 && f[0].empty()) continue;
      if (n == 1 && f[0] == "field") continue;  // header
      auto bad = [&](const std::string& zh, const std::string& en) {
        return Status::InvalidArgument(path + " 第" + std::to_string(n) + "行：" + zh,
                                       path + " line " + std::to_string(n) + ": " + en);
      };
      if (f.size() != 3) return bad("应为 field,value,target 三列", "expected field,value,target");
      std::optional<ValueKind> kind = ValueKindOf(f[0]);
      if (!kind) {
        return bad("未知字段 " + f[0] + "（可用 responsible_unit、owner、leader）",
                   "unknown field " + f[0] + " (responsible_unit, owner, leader)");
      }
      ValueMapping m;
      m.field = f[0];
      m.value = f[1];
      const std::string& target = f[2];
      if (target.rfind("new:", 0) == 0) {
        m.create_name = f[1];
        m.create_kind = target.substr(4);
      } else if (AllDigits(target)) {
        m.target_id = std::stoll(target);
      } else if (*kind == ValueKind::kUnit) {
        naming::UnitMatch match = units.Resolve(target, false);
        if (!match.unit_id) {
          return bad("找不到唯一的单位：" + target, "no single unit is named " + target);
        }
        m.target_id = match.unit_id;
      } else {
        naming::PersonMatch match = people.Resolve(target);
        if (!match.person_id) {
          return bad("找不到唯一的人员：" + target, "no single person is named " + target);
        }
        m.target_id = match.person_id;
      }
      out.push_back(std::move(m));
    }
    return CheckValues(tx, out);
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace keyline::importing

namespace keyline::importing {

std::vector<ValueMapping> MappingsInUse(const SheetTable& table, const ColumnMapping& mapping,
                                        std::vector<ValueMapping> values) {
  if (values.empty()) return values;
  std::set<std::pair<std::string, std::string>> written;  // (field, folded value)
  for (size_t c = 0; c < table.columns.size() && c < mapping.fields.size(); ++c) {
    const std::optional<std::string>& field = mapping.fields[c];
    if (!field || !ValueKindOf(*field)) continue;
    for (const TableRow row : table.rows) {
      if (c < row.cells.size() && !row.cells[c].empty()) {
        written.emplace(*field, naming::FoldName(row.cells[c]));
      }
    }
  }
  std::erase_if(values, [&](const ValueMapping& m) {
    return !written.count({m.field, naming::FoldName(m.value)});
  });
  return values;
}

}  // namespace keyline::importing
