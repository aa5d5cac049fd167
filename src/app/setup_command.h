// `keyline setup --office NAME --region CODE --admin USERNAME [--admin-name NAME]
//  [--departments] [--towns-as-units]`: a real district's first step on an empty database
// (core/service/setup_service.h), the admin's password read from standard input (or prompted).
//
// The arguments, the region (in the compiled-in reference/regions-cn.csv) and the password
// policy are checked before the database is opened, so a wrong argument touches nothing.
// Exit code 0 on success, 1 when refused (unknown region, weak password, a database that
// already has data), 2 for a bad command line.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/config.h"

namespace keyline {

namespace codes {
class RegionBook;
}

// The compiled-in region book (parsed on first use; aborts the process if the shipped file is
// broken, which the unit tests rule out).
const codes::RegionBook& ShippedRegionBook();

using PasswordReader = std::function<std::string(const char* prompt)>;

int SetupCommand(const Config& config, const std::vector<std::string>& args,
                 const PasswordReader& read_password);

}  // namespace keyline
