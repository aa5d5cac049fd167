// Storage of published snapshots (core/model/snapshot.h): append-only. The table refuses
// UPDATE and DELETE (triggers), so a changed row can only come from outside Keyline; the
// service finds it by the hash.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/model/snapshot.h"
#include "core/ports/tx.h"

namespace keyline {

class SnapshotRepository {
 public:
  virtual ~SnapshotRepository() = default;
  // Stores s (id ignored) and returns its id; kConflict when (kind, subject, version) exists.
  virtual Result<int64_t> Insert(Tx& tx, const Snapshot& s) = 0;
  // The newest version of (kind, subject), nullopt when never published.
  virtual Result<std::optional<Snapshot>> Latest(Tx& tx, SnapshotKind kind,
                                                 const std::string& subject) = 0;
  // One version; kNotFound when absent.
  virtual Result<Snapshot> Get(Tx& tx, SnapshotKind kind, const std::string& subject,
                               int64_t version) = 0;
  // Every version of (kind, subject), oldest first, with payloads (to check their hashes).
  virtual Result<std::vector<Snapshot>> Versions(Tx& tx, SnapshotKind kind,
                                                 const std::string& subject) = 0;
  // Calls fn for every snapshot in id order; stops early when fn returns false.
  virtual Status Scan(Tx& tx, const std::function<bool(const Snapshot&)>& fn) = 0;
};

}  // namespace keyline
