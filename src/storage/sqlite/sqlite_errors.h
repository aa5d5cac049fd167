// Maps an SQLite result code (extended codes enabled) to a Status:
// UNIQUE/PRIMARYKEY/FOREIGNKEY -> kConflict, CHECK/NOTNULL -> kInvalidArgument,
// BUSY/LOCKED -> kUnavailable, anything else -> kInternal. The SQLite message goes into the
// English text.
#pragma once

#include <string_view>

#include "common/status.h"

namespace keyline::sqlite {

Status SqliteError(int extended_code, std::string_view sqlite_message);

}  // namespace keyline::sqlite
