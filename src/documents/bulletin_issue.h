// BulletinIssuer: 印发 (issuing) the monthly bulletin — "published means frozen".
//
// Issuing builds the whole area's bulletin of a period now, renders it as HTML, PDF and .xlsx
// and stores them as snapshots (core/service/snapshot_service.h), all with the subject "YYYYMM"
// and the same version: kind bulletin holds the sections (figures and rows as printed, JSON),
// the HTML and the SHA-256 of the two files; kinds bulletin_pdf and bulletin_xlsx hold the files
// (so reading the HTML never reads the binaries). Reading an issued bulletin serves the stored
// bytes and never recomputes; a later change of the data does not change it. Re-issuing makes
// version N+1 with a reason and keeps the older versions. The draft (预览) is still
// BulletinService::Build, computed live.
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
#include "core/ports/repositories.h"
#include "core/service/snapshot_service.h"
#include "documents/bulletin_document.h"
#include "documents/bulletin_service.h"

namespace keyline::documents {

class BulletinIssuer {
 public:
  // Not owned; all must outlive the issuer.
  BulletinIssuer(BulletinService& bulletins, SnapshotService& snapshots, TxRunner& tx)
      : bulletins_(bulletins), snapshots_(snapshots), tx_(tx) {}

  // Issues the period's bulletin as the next version (reason required from version 2;
  // kInvalidArgument field "reason"). kForbidden unless admin or supervisor; kInvalidArgument
  // for a bad period. Returns the kind-bulletin snapshot (payload included).
  Result<Snapshot> Issue(const Caller& caller, int period, const std::string& reason);
  // The issued version (the newest when version is nullopt); nullopt when never issued;
  // kNotFound for an unknown version; kInternal when the stored bulletin was tampered with.
  Result<std::optional<Snapshot>> Issued(const Caller& caller, int period,
                                         std::optional<int64_t> version);
  // The snapshot holding `format` ("html": issued itself; "pdf", "xlsx": the file snapshot of
  // the same version), hash checked and matched against the hash issued records; kInternal
  // naming the tampering otherwise.
  Result<Snapshot> FormatSnapshot(const Snapshot& issued, const std::string& format);
  // Every issued version, oldest first (payloads included; see SnapshotInfoJson).
  Result<std::vector<Snapshot>> Versions(const Caller& caller, int period);

  // When set, each issued form (HTML, PDF and every sheet of the .xlsx) ends with the audit
  // chain's head as it stood when the bulletin was issued (a witness outside the database;
  // docs/operations.md), stored in the snapshot like the rest. Not owned.
  void SetAuditRepository(AuditRepository* audit) { audit_ = audit; }
  // The head as one plain line: "审计链：截至第 N 条（共 M 条），末条哈希 … / audit chain head: …".
  static std::string AuditHeadLine(const AuditHead& head);
  // The HTML footer paragraph for a head (AuditHeadLine, escaped-safe, small grey text).
  static std::string AuditHeadFooter(const AuditHead& head);

  // True for the roles that read the issued (whole area) bulletin.
  static bool ReadsIssued(Role role);
  static std::string Subject(int period) { return std::to_string(period); }

 private:
  BulletinService& bulletins_;
  SnapshotService& snapshots_;
  TxRunner& tx_;
  AuditRepository* audit_ = nullptr;
};

// The payload of the kind-bulletin snapshot: {"period","scope","title","issue_line","date_line",
// "as_of","sections":[{"heading","paragraphs","tables":[{"caption","columns","rows"}]}],"html",
// "pdf_sha256","xlsx_sha256"} (the hashes of the file snapshots).
std::string BulletinPayload(const BulletinData& data, const BulletinDocument& doc,
                            const std::string& html, const std::string& pdf_sha256,
                            const std::string& xlsx_sha256);
// The payload of a file snapshot: {"format","base64"}.
std::string BulletinFilePayload(const std::string& format, const std::string& bytes);

}  // namespace keyline::documents
