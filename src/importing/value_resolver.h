// ValueResolver: the units and people an import's cells name (责任单位, 建设单位, and 包抓领导
// for the person field "leader"), through the name matchers (core/naming) and the user's
// value mappings; and the list of values that are unknown or ambiguous, each once, with the
// sheet rows it appears on and the candidates.
//
// Use (PlanLedger, through LedgerIndex::Values()):
//   ValueResolution r = values.Unit("responsible_unit", text, row);      // a unit field
//   ValueResolution r = values.Person("leader", text, row);              // a person field
//   if (r.problem) → the row is an error with that reason (zh + en);
//   else if (r.id) → the unit/person to use;
//   else if (r.create) → the user chose to create it (r.create_name): it is created, and the
//                        value saved as its alias, when the import is confirmed.
// An unknown value of a non-blocking field (the owner: a company not yet registered is
// created, as before) has neither id, create nor problem; it is listed only when a near
// candidate exists, so that the user may choose it instead.
//
// A value mapping (what the user said a written value means) wins over the matcher. The
// mappings are checked against the database when they are saved (ImportService::SetValues)
// and again on confirmation.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/result.h"
#include "core/naming/person_name_matcher.h"
#include "core/naming/unit_name_matcher.h"

namespace keyline::importing {

enum class ValueKind { kUnit, kPerson };
std::string_view ValueKindCode(ValueKind kind);  // "unit" | "person"

// The kind of value a field holds; nullopt for fields that name no unit or person.
std::optional<ValueKind> ValueKindOf(std::string_view field);
// The field's Chinese label (责任单位, 建设单位, 包抓领导).
std::string ValueFieldLabel(std::string_view field);

// The user's answer for one written value of a field.
struct ValueMapping {
  std::string field;                 // "responsible_unit" | "owner" | "leader"
  std::string value;                 // as written in the sheet
  std::optional<int64_t> target_id;  // an existing unit / person, or
  std::string create_name;           // create a new one ("" = not creating) …
  std::string create_kind;           // … of this kind (UnitKind / PersonKind code)
};
std::string EncodeValueMappings(const std::vector<ValueMapping>& mappings);
Result<std::vector<ValueMapping>> DecodeValueMappings(const std::string& text);

struct ValueCandidate {
  int64_t id = 0;
  std::string name;
  std::string detail;  // unit: kind and region ("部门 · 雁塔区"); person: unit and title
  double score = 1;
};

struct UnresolvedValue {
  std::string field;
  ValueKind kind = ValueKind::kUnit;
  std::string value;
  naming::MatchOutcome outcome = naming::MatchOutcome::kUnknown;  // kMatched: mapped anyway
  bool blocking = true;       // its rows are errors until it is mapped
  std::vector<int64_t> rows;  // sheet rows, ascending
  std::vector<ValueCandidate> candidates;
  std::optional<ValueMapping> mapping;  // the user's answer so far
};

struct ValueProblem {
  std::string zh, en;
};

struct ValueResolution {
  std::optional<int64_t> id;
  std::string name;  // the registered name of id
  UnitKind unit_kind = UnitKind::kOther;
  bool create = false;
  std::string create_name, create_kind;
  std::optional<ValueProblem> problem;  // the row's reason
};

class ValueResolver {
 public:
  ValueResolver(naming::UnitNameMatcher units, naming::PersonNameMatcher people,
                std::vector<ValueMapping> mappings);

  // blocking=false: an unknown value is no problem (listed only with suggestions).
  ValueResolution Unit(std::string_view field, const std::string& text, int64_t row,
                       bool blocking = true);
  // blocking=false (包抓领导 of a ledger): an unknown name is no problem — the person is
  // registered on confirmation — and is listed (not blocking) only when a near candidate
  // exists; two people of that name are still a problem.
  ValueResolution Person(std::string_view field, const std::string& text, int64_t row,
                         bool blocking = true);

  // The values to show the user, in first-seen order.
  std::vector<UnresolvedValue> TakeUnresolved();

  const naming::UnitNameMatcher& units() const { return units_; }
  const naming::PersonNameMatcher& people() const { return people_; }

 private:
  // The matcher's answer for a text, once per distinct folded text; suggestions are searched
  // for the first kMaxSuggested unknown texts only (a 100,000-row sheet of new owners).
  const naming::UnitMatch& MatchUnit(const std::string& text);
  static constexpr size_t kMaxSuggested = 200;

  const ValueMapping* MappingFor(std::string_view field, const std::string& value) const;
  UnresolvedValue& Note(std::string_view field, ValueKind kind, const std::string& value,
                        int64_t row);

  naming::UnitNameMatcher units_;
  naming::PersonNameMatcher people_;
  std::vector<ValueMapping> mappings_;
  std::map<std::pair<std::string, std::string>, size_t> seen_;  // (field, value) → index
  std::vector<UnresolvedValue> unresolved_;
  std::unordered_map<std::string, naming::UnitMatch> unit_matches_;
  size_t suggested_ = 0;
};

}  // namespace keyline::importing
