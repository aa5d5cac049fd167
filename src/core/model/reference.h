// Reference data: regions (GB/T 2260), units (departments, townships, parks, companies)
// and people (leaders, cadres, contacts).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace keyline {

struct Region {
  std::string code;  // 6 digits (GB/T 2260) or 9/12 (statistical divisions)
  std::string name;
  std::optional<std::string> parent_code;
  int64_t version = 0;
};

enum class UnitKind { kOffice, kDepartment, kTownship, kPark, kCompany, kOther };
std::string_view UnitKindCode(UnitKind kind);
std::optional<UnitKind> ParseUnitKind(std::string_view code);

struct Unit {
  int64_t id = 0;
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::optional<std::string> credit_code;  // 统一社会信用代码, validated strictly on write
  std::optional<std::string> region_code;
  std::optional<int64_t> parent_id;
  std::string contact;  // free text: person and phone
  bool active = true;
  // Read only: the caller may not read `contact` (need to know, core/service/contact_access.h);
  // it is cleared and written as null. Never stored.
  bool contact_hidden = false;
  int64_t version = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

enum class PersonKind { kLeader, kCadre, kContact };
std::string_view PersonKindCode(PersonKind kind);
std::optional<PersonKind> ParsePersonKind(std::string_view code);

struct Person {
  int64_t id = 0;
  std::string name;
  std::string title;  // 职务
  std::optional<int64_t> unit_id;
  PersonKind kind = PersonKind::kContact;
  std::string phone;
  bool active = true;
  // Read only: the caller may not read `phone` (need to know, core/service/contact_access.h);
  // it is cleared and written as null. Never stored.
  bool contact_hidden = false;
  int64_t version = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

}  // namespace keyline
