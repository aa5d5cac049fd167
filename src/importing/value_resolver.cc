#include "importing/value_resolver.h"

#include <algorithm>

#include "core/naming/name_key.h"
#include "importing/table_codec.h"

namespace keyline::importing {
namespace {

constexpr size_t kMappingFields = 5;

std::string_view UnitKindZh(UnitKind kind) {
  switch (kind) {
    case UnitKind::kOffice:
      return "机关";
    case UnitKind::kDepartment:
      return "部门";
    case UnitKind::kTownship:
      return "街道/镇";
    case UnitKind::kPark:
      return "园区";
    case UnitKind::kCompany:
      return "企业";
    case UnitKind::kOther:
      return "其他";
  }
  return "其他";
}

std::string Joined(const std::vector<std::string>& names, std::string_view sep) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : std::string(sep)) + n;
  return out;
}

ValueCandidate FromUnit(const naming::UnitCandidate& c) {
  std::string detail(UnitKindZh(c.kind));
  if (!c.region_name.empty()) detail += " · " + c.region_name;
  return {c.id, c.name, detail, c.score};
}

ValueCandidate FromPerson(const naming::PersonCandidate& c) {
  std::string detail = c.unit_name;
  if (!c.title.empty()) detail += (detail.empty() ? "" : " ") + c.title;
  return {c.id, c.name, detail, c.score};
}

}  // namespace

std::string_view ValueKindCode(ValueKind kind) {
  return kind == ValueKind::kUnit ? "unit" : "person";
}

std::optional<ValueKind> ValueKindOf(std::string_view field) {
  if (field == "responsible_unit" || field == "owner") return ValueKind::kUnit;
  if (field == "leader") return ValueKind::kPerson;
  return std::nullopt;
}

std::string ValueFieldLabel(std::string_view field) {
  if (field == "responsible_unit") return "责任单位";
  if (field == "owner") return "建设单位";
  if (field == "leader") return "包抓领导";
  return std::string(field);
}

std::string EncodeValueMappings(const std::vector<ValueMapping>& mappings) {
  std::vector<std::string> flat;
  flat.reserve(mappings.size() * kMappingFields);
  for (const ValueMapping& m : mappings) {
    flat.push_back(m.field);
    flat.push_back(m.value);
    flat.push_back(m.target_id ? std::to_string(*m.target_id) : "");
    flat.push_back(m.create_name);
    flat.push_back(m.create_kind);
  }
  return EncodeStrings(flat);
}

Result<std::vector<ValueMapping>> DecodeValueMappings(const std::string& text) {
  std::vector<ValueMapping> out;
  if (text.empty()) return out;
  KL_ASSIGN_OR_RETURN(std::vector<std::string> flat, DecodeStrings(text));
  if (flat.size() % kMappingFields != 0) {
    return Status::InvalidArgument("名称对应数据已损坏", "damaged value mappings");
  }
  for (size_t i = 0; i < flat.size(); i += kMappingFields) {
    ValueMapping m;
    m.field = flat[i];
    m.value = flat[i + 1];
    if (!flat[i + 2].empty()) {
      try {
        m.target_id = std::stoll(flat[i + 2]);
      } catch (...) {
        return Status::InvalidArgument("名称对应数据已损坏", "damaged value mappings");
      }
    }
    m.create_name = flat[i + 3];
    m.create_kind = flat[i + 4];
    out.push_back(std::move(m));
  }
  return out;
}

ValueResolver::ValueResolver(naming::UnitNameMatcher units, naming::PersonNameMatcher people,
                             std::vector<ValueMapping> mappings)
    : units_(std::move(units)), people_(std::move(people)), mappings_(std::move(mappings)) {}

const ValueMapping* ValueResolver::MappingFor(std::string_view field,
                                              const std::string& value) const {
  std::string key = naming::FoldName(value);
  for (const ValueMapping& m : mappings_) {
    if (m.field == field && naming::FoldName(m.value) == key) return &m;
  }
  return nullptr;
}

UnresolvedValue& ValueResolver::Note(std::string_view field, ValueKind kind,
                                     const std::string& value, int64_t row) {
  auto key = std::make_pair(std::string(field), naming::FoldName(value));
  auto [it, fresh] = seen_.emplace(key, unresolved_.size());
  if (fresh) {
    UnresolvedValue u;
    u.field = std::string(field);
    u.kind = kind;
    u.value = value;
    unresolved_.push_back(std::move(u));
  }
  UnresolvedValue& u = unresolved_[it->second];
  if (u.rows.empty() || u.rows.back() != row) u.rows.push_back(row);
  return u;
}

const naming::UnitMatch& ValueResolver::MatchUnit(const std::string& text) {
  std::string key = naming::FoldName(text);
  auto it = unit_matches_.find(key);
  if (it != unit_matches_.end()) return it->second;
  naming::UnitMatch m = units_.Resolve(text, suggested_ < kMaxSuggested);
  if (m.outcome == naming::MatchOutcome::kUnknown) ++suggested_;
  return unit_matches_.emplace(std::move(key), std::move(m)).first->second;
}

ValueResolution ValueResolver::Unit(std::string_view field, const std::string& text, int64_t row,
                                    bool blocking) {
  ValueResolution out;
  std::string label = ValueFieldLabel(field);
  const naming::UnitMatch& m = MatchUnit(text);
  auto note = [&]() -> UnresolvedValue& {
    UnresolvedValue& u = Note(field, ValueKind::kUnit, text, row);
    u.outcome = m.outcome;
    u.blocking = blocking;
    if (u.candidates.empty()) {
      for (const auto& c : m.candidates) u.candidates.push_back(FromUnit(c));
    }
    return u;
  };
  if (const ValueMapping* mapping = MappingFor(field, text)) {
    note().mapping = *mapping;
    if (mapping->target_id) {
      const naming::MatchableUnit* target = units_.Find(*mapping->target_id);
      if (!target) {
        out.problem = ValueProblem{label + "“" + text + "”对应的单位已不存在，请重新指定",
                                   "the unit chosen for \"" + text + "\" no longer exists"};
        return out;
      }
      out.id = target->id;
      out.name = target->name;
      out.unit_kind = target->kind;
      return out;
    }
    out.create = true;
    out.create_name = mapping->create_name;
    out.create_kind = mapping->create_kind;
    return out;
  }
  if (m.outcome == naming::MatchOutcome::kMatched) {
    const naming::MatchableUnit* unit = units_.Find(*m.unit_id);
    out.id = unit->id;
    out.name = unit->name;
    out.unit_kind = unit->kind;
    return out;
  }
  if (m.outcome == naming::MatchOutcome::kAmbiguous) {
    note();
    std::vector<std::string> names;
    for (const auto& c : m.candidates) names.push_back(c.name);
    out.problem = ValueProblem{
        label + "“" + text + "”可指多个单位（" + Joined(names, "、") + "），请在“名称对应”中选定",
        label == "责任单位" ? "the responsible unit \"" + text + "\" matches " +
                                  std::to_string(names.size()) + " units; choose one"
                            : "\"" + text + "\" (" + std::string(field) + ") matches " +
                                  std::to_string(names.size()) + " units; choose one"};
    return out;
  }
  if (!blocking && m.candidates.empty()) return out;
  note();
  if (blocking) {
    std::string nearest = m.candidates.empty() ? "" : m.candidates.front().name;
    out.problem = ValueProblem{
        label + "未登记：" + text +
            (nearest.empty() ? "" : "（最接近：" + nearest + "，未自动对应）") +
            "（请在“名称对应”中指定已有单位或新建）",
        (field == "responsible_unit" ? "responsible unit not registered: "
                                     : std::string(field) + " not registered: ") +
            text + (nearest.empty() ? "" : " (closest: " + nearest + ", not matched)") +
            " (map it to a unit or create it)"};
  }
  return out;
}

ValueResolution ValueResolver::Person(std::string_view field, const std::string& text, int64_t row,
                                      bool blocking) {
  ValueResolution out;
  std::string label = ValueFieldLabel(field);
  naming::PersonMatch m = people_.Resolve(text);
  auto note = [&]() -> UnresolvedValue& {
    UnresolvedValue& u = Note(field, ValueKind::kPerson, text, row);
    u.outcome = m.outcome;
    if (u.candidates.empty()) {
      for (const auto& c : m.candidates) u.candidates.push_back(FromPerson(c));
    }
    return u;
  };
  if (const ValueMapping* mapping = MappingFor(field, text)) {
    note().mapping = *mapping;
    if (mapping->target_id) {
      const naming::MatchablePerson* target = people_.Find(*mapping->target_id);
      if (!target) {
        out.problem = ValueProblem{label + "“" + text + "”对应的人员已不存在，请重新指定",
                                   "the person chosen for \"" + text + "\" no longer exists"};
        return out;
      }
      out.id = target->id;
      out.name = target->name;
      return out;
    }
    out.create = true;
    out.create_name = mapping->create_name;
    out.create_kind = mapping->create_kind;
    return out;
  }
  if (m.outcome == naming::MatchOutcome::kMatched) {
    out.id = m.person_id;
    out.name = people_.Find(*m.person_id)->name;
    return out;
  }
  if (!blocking && m.outcome != naming::MatchOutcome::kAmbiguous) {
    if (!m.candidates.empty()) note().blocking = false;
    return out;
  }
  note();
  if (m.outcome == naming::MatchOutcome::kAmbiguous) {
    std::vector<std::string> who;
    for (const auto& c : m.candidates) who.push_back(FromPerson(c).detail);
    out.problem = ValueProblem{label + "“" + text + "”有" + std::to_string(who.size()) +
                                   "位同名人员（" + Joined(who, "；") + "），请在“名称对应”中选定",
                               "\"" + text + "\" (" + std::string(field) + ") matches " +
                                   std::to_string(who.size()) + " people; choose one"};
  } else {
    out.problem = ValueProblem{
        label + "未登记：" + text + "（请在“名称对应”中指定已有人员或新建）",
        std::string(field) + " not registered: " + text + " (map it to a person or create one)"};
  }
  return out;
}

std::vector<UnresolvedValue> ValueResolver::TakeUnresolved() {
  seen_.clear();
  for (UnresolvedValue& u : unresolved_) std::sort(u.rows.begin(), u.rows.end());
  return std::move(unresolved_);
}

}  // namespace keyline::importing
