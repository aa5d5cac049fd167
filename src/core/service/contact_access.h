// Need to know: who reads people's phone numbers and units' contacts. The only
// place these rules live; ReferenceService applies them to every person and unit it returns.
//
//   admin, supervisor (发改)     everyone's
//   every other caller          its own unit's people and contact, its own person record
//   department, service officer + the people assigned to the projects in its scope (包抓领导,
//                                 首席服务员, 调度领导) and those projects' owner units
//   reporter (company)          + the 首席服务员 of the projects it owns
//
// Everyone else reads a person's name, title, unit and kind, and a unit's name: the phone
// (Person::phone) and contact (Unit::contact) are cleared and flagged contact_hidden, and the
// API writes them as null. Stored data never changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>

#include "common/result.h"
#include "core/model/reference.h"
#include "core/model/role.h"
#include "core/ports/repositories.h"

namespace keyline {

// The owner contacts of the projects a caller chases (the completeness list's gaps are the
// caller's own projects): the office, departments, service officers and the owner itself read
// them; a leader reads every project but no contacts.
inline bool ReadsOwnerContactsOfOwnProjects(Role role) { return role != Role::kLeader; }

class ContactAccess {
 public:
  // The rules that need no database: office roles, the caller's unit and person.
  explicit ContactAccess(const Caller& caller);

  bool MayRead(const Person& person) const;
  bool MayRead(const Unit& unit) const;
  // Adds the people and owner units of the projects in the caller's scope (a no-op for the
  // office, and after the first call). Reads the projects and their assignments valid on
  // `today` ("YYYY-MM-DD").
  Status LoadProjects(Tx& tx, ProjectRepository& projects, const std::string& today);

  // Clears phone / contact and sets contact_hidden when the caller may not read them.
  // When some item is not readable by the rules without a database, the project rules are
  // loaded first (once).
  template <typename T>
  Status Apply(Tx& tx, ProjectRepository& projects, const std::string& today, T* item) {
    if (!MayRead(*item) && !loaded_) KL_RETURN_IF_ERROR(LoadProjects(tx, projects, today));
    Hide(item);
    return Status::Ok();
  }

 private:
  void Hide(Person* person) const;
  void Hide(Unit* unit) const;

  Role role_;
  bool all_ = false;
  bool loaded_ = false;
  int64_t unit_id_ = 0;
  std::optional<int64_t> person_id_;
  std::unordered_set<int64_t> units_, people_;
};

}  // namespace keyline
