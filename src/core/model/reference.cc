#include "core/model/reference.h"

namespace keyline {

std::string_view UnitKindCode(UnitKind kind) {
  switch (kind) {
    case UnitKind::kOffice:
      return "office";
    case UnitKind::kDepartment:
      return "department";
    case UnitKind::kTownship:
      return "township";
    case UnitKind::kPark:
      return "park";
    case UnitKind::kCompany:
      return "company";
    case UnitKind::kOther:
      return "other";
  }
  return "other";
}

std::optional<UnitKind> ParseUnitKind(std::string_view code) {
  for (UnitKind k : {UnitKind::kOffice, UnitKind::kDepartment, UnitKind::kTownship, UnitKind::kPark,
                     UnitKind::kCompany, UnitKind::kOther}) {
    if (UnitKindCode(k) == code) return k;
  }
  return std::nullopt;
}

std::string_view PersonKindCode(PersonKind kind) {
  switch (kind) {
    case PersonKind::kLeader:
      return "leader";
    case PersonKind::kCadre:
      return "cadre";
    case PersonKind::kContact:
      return "contact";
  }
  return "contact";
}

std::optional<PersonKind> ParsePersonKind(std::string_view code) {
  for (PersonKind k : {PersonKind::kLeader, PersonKind::kCadre, PersonKind::kContact}) {
    if (PersonKindCode(k) == code) return k;
  }
  return std::nullopt;
}

}  // namespace keyline
