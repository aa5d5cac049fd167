// Loads the embedded demo district (雁塔区, Xi'an) through the same services the API uses,
// so every demo row passes the same validation and lands in the audit log.
#pragma once

#include <functional>
#include <string>

#include "common/result.h"

namespace keyline {

class ReferenceService;
class ProjectService;
class UserService;
struct Repositories;

struct DemoSeedResult {
  int regions = 0;
  int units = 0;
  int people = 0;
  int users = 0;
  int projects = 0;
  int assignments = 0;
  bool skipped = false;  // the database already had data
  std::string logins;    // printable list of demo logins (also when skipped, if they exist)
};

// The demo password of every demo account.
inline constexpr const char* kDemoPassword = "Keyline@2026";

// Seeds when the database has no units yet; otherwise returns skipped=true and changes nothing.
// Any invalid demo row is an error (the demo data is part of the product and must be valid).
Result<DemoSeedResult> SeedDemo(const Repositories& repos, ReferenceService& reference,
                                ProjectService& projects, UserService& users);

}  // namespace keyline
