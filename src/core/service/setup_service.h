// SetupService: a real district's first step (`keyline setup`). On an empty database (no
// units, accounts or projects) it writes a SetupPlan — regions, the office, departments,
// towns as units — and the first admin account in ONE transaction, every row audited as the
// API would audit it (the same validation through ReferenceService and UserService), closed by
// a "setup" audit entry. On a database with data, or on any invalid row or password, nothing
// is written.
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "core/model/account.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"
#include "core/service/setup_plan.h"

namespace keyline {

class ReferenceService;
class UserService;

struct SetupAdmin {
  std::string username;
  std::string display_name;  // empty: the username
  std::string password;
};

struct SetupResult {
  int regions_created = 0;
  int regions_existing = 0;  // regions already in the database, left as they were
  int towns = 0;             // of regions_created + regions_existing: towns/streets (9 digits)
  Unit office;
  int departments = 0;
  int townships = 0;
  User admin;
};

class SetupService {
 public:
  SetupService(const Repositories& repos, ReferenceService& reference, UserService& users,
               AuditLog& audit)
      : repos_(repos), reference_(reference), users_(users), audit_(audit) {}

  // kInvalidArgument for a weak password or a bad username (checked before the transaction);
  // kConflict when the database already has units, accounts or projects.
  Result<SetupResult> Run(const Caller& caller, const SetupPlan& plan, const SetupAdmin& admin);

 private:
  Repositories repos_;
  ReferenceService& reference_;
  UserService& users_;
  AuditLog& audit_;
};

}  // namespace keyline
