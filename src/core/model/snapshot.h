// A published snapshot (快照): the stored, immutable record of what was issued or published —
// an issued bulletin (印发的月度通报), a held meeting's agenda, issued minutes (纪要) and a
// published ranking (红黑榜). Reading a snapshot never recomputes it; re-issuing makes a new
// version with a reason and keeps the old ones. Semantics: core/service/snapshot_service.h.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "common/enum_table.h"

namespace keyline {

// kBulletinPdf and kBulletinXlsx hold an issued bulletin's PDF and .xlsx, same subject and
// version as its kBulletin snapshot (which records their hashes), so that reading the HTML never
// reads (and hashes) the binaries.
enum class SnapshotKind : uint8_t {
  kBulletin,
  kMeetingAgenda,
  kMeetingMinutes,
  kRanking,
  kBulletinPdf,
  kBulletinXlsx,
};
std::span<const EnumEntry<SnapshotKind>> SnapshotKindTable();

struct Snapshot {
  int64_t id = 0;
  SnapshotKind kind = SnapshotKind::kBulletin;
  // What was published, e.g. "202611" (a bulletin's period), "meeting:7", "fy-q:2026Q4".
  std::string subject;
  int64_t version = 0;  // 1, 2, ... per (kind, subject)
  std::string reason;   // why it was re-issued; "" for version 1
  int64_t created_by = 0;
  std::string created_by_name;  // the publisher's username, as recorded
  int64_t created_at = 0;       // ms since the epoch
  std::string payload;          // JSON text: the figures, rows and rendered documents
  std::string sha256;           // SnapshotHash of the fields above, hex
};

// The hex SHA-256 over the snapshot's canonical text: kind, subject, version, reason,
// created_by, created_by_name, created_at and payload, each length-prefixed (id and sha256
// are not covered). Equal inputs give equal hashes on every node.
std::string SnapshotHash(const Snapshot& s);

}  // namespace keyline
