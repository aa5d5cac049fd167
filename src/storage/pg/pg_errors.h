// Maps a PostgreSQL SQLSTATE to a Status:
//   23505 unique, 23503 foreign key               -> kConflict
//   23514 check, 23502 not null, 22xxx data       -> kInvalidArgument
//   40001 serialization, 40P01 deadlock, 55P03 lock not available, 57014 query cancelled,
//   08xxx connection (except 08P01 protocol misuse) -> kUnavailable
//   anything else                                  -> kInternal
// The server's message goes into the English text.
#pragma once

#include <string_view>

#include "common/status.h"

namespace keyline::pg {

Status PgError(std::string_view sqlstate, std::string_view server_message);

// True for the SQLSTATEs a write transaction is retried on (40001, 40P01).
bool IsRetryableSqlState(std::string_view sqlstate);

}  // namespace keyline::pg
