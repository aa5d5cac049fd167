// BulletinIssuer: 印发 (issuing) the monthly bulletin — "published means frozen" (issue 15).
//
// Issuing builds the whole area's bulletin of a period now, renders it as HTML, PDF and .xlsx
// and stores all three, with the bulletin's sections (figures and rows as printed) as JSON, in
// a snapshot (kind bulletin, subject the period "YYYYMM"; core/service/snapshot_service.h).
// Reading an issued bulletin serves the stored bytes and never recomputes; a later change of
// the data does not change it. Re-issuing makes version N+1 with a reason and keeps the older
// versions. The draft (预览) is still BulletinService::Build, computed live.
//
// Who: admin and supervisor (发改) issue; admin, supervisor and leader read the issued
// versions (the whole area's bulletin); departments, project companies and service officers are
// refused (kForbidden) — a department's own bulletin stays a live draft of its projects.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/model/role.h"
#include "core/service/snapshot_service.h"
#include "documents/bulletin_document.h"
#include "documents/bulletin_service.h"

namespace keyline::documents {

// The parts of an issued bulletin's payload.
struct IssuedBulletinFiles {
  std::string html;
  std::string pdf;
  std::string xlsx;
};

class BulletinIssuer {
 public:
  // Not owned; all must outlive the issuer.
  BulletinIssuer(BulletinService& bulletins, SnapshotService& snapshots, TxRunner& tx)
      : bulletins_(bulletins), snapshots_(snapshots), tx_(tx) {}

  // Issues the period's bulletin as the next version (reason required from version 2;
  // kInvalidArgument field "reason"). kForbidden unless admin or supervisor; kInvalidArgument
  // for a bad period. Returns the snapshot (payload included).
  Result<Snapshot> Issue(const Caller& caller, int period, const std::string& reason);
  // The issued version (the newest when version is nullopt); nullopt when never issued;
  // kNotFound for an unknown version; kInternal when the stored bulletin was tampered with.
  Result<std::optional<Snapshot>> Issued(const Caller& caller, int period,
                                         std::optional<int64_t> version);
  // Every issued version, oldest first (payloads included; see SnapshotInfoJson).
  Result<std::vector<Snapshot>> Versions(const Caller& caller, int period);

  // True for the roles that read the issued (whole area) bulletin.
  static bool ReadsIssued(Role role);
  static std::string Subject(int period) { return std::to_string(period); }

 private:
  BulletinService& bulletins_;
  SnapshotService& snapshots_;
  TxRunner& tx_;
};

// The payload stored for an issued bulletin: {"period","title","issue_line","date_line",
// "as_of","sections":[{"heading","paragraphs","tables":[{"caption","columns","rows"}]}],
// "html","pdf_base64","xlsx_base64"}.
std::string BulletinPayload(const BulletinData& data, const BulletinDocument& doc,
                            const IssuedBulletinFiles& files);

}  // namespace keyline::documents
