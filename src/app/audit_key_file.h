// The audit key file: the HMAC secret of the keyed audit chain (core/service/audit_log.h), kept
// outside the database, mode 0600. One line per key:
//
//   # comment
//   from=<first audit id> key=<64 hex digits>
//
// The first line's `from` is the switch-over id: entries before it keep the legacy rule. A
// rotation (`keyline audit rotate-key`) appends a line starting at the next id; old lines stay,
// since older entries verify with their key. Paths: config.audit_key_file, else next to the
// SQLite file (<db>.audit-key), else ./data/<database name>.audit-key for PostgreSQL.
#pragma once

#include <string>

#include "common/result.h"
#include "core/ports/tx.h"
#include "core/service/audit_log.h"

namespace keyline {

std::string DefaultAuditKeyPath(const std::string& db_url);
std::string DefaultAuditWitnessPath(const std::string& db_url);

// Reads and checks a key file: NotFound when absent; InvalidArgument (zh + en, naming the line)
// when malformed, or when group or others may read it.
Result<AuditKeyRing> ReadAuditKeyFile(const std::string& path);

// Loads the key into `log`; when the file is missing, creates it (32 random bytes, 0600, the
// directory created if needed) with from = the newest entry's id + 1 and, when the log already
// has entries, records an audit_chain entry naming the switch-over. Refuses (Conflict) to create
// a key for a log whose newest entry is already keyed: the key file was lost; restore it.
// Returns true when it created the key.
Result<bool> LoadOrCreateAuditKey(const std::string& path, AuditLog& log, AuditRepository& repo,
                                  TxRunner& tx);

// Rotation: under the appenders' lock, appends a fresh key starting at the next id to the file
// and records an audit_chain "rotate_key" entry as the first entry under it. Run with every
// server stopped; copy the file to every node afterwards.
Status RotateAuditKey(const std::string& path, AuditLog& log, AuditRepository& repo, TxRunner& tx);

}  // namespace keyline
