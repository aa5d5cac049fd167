// The audit witness file: AuditWitnessStore (core/ports/audit_witness.h) over an append-only
// text file outside the database, one mark per line:
//
//   at=<ms since epoch> count=<entries> last_id=<newest id> hash=<newest hash>
//
// `serve` appends a mark every minute (when the head moved) and at shutdown, every writing CLI
// command at its end. Path: config.audit_witness_file, else DefaultAuditWitnessPath.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "core/ports/audit_witness.h"

namespace keyline {

class FileAuditWitness final : public AuditWitnessStore {
 public:
  explicit FileAuditWitness(std::string path) : path_(std::move(path)) {}
  const std::string& path() const { return path_; }

  // Empty when the file does not exist.
  Result<std::vector<AuditWitnessMark>> ReadMarks() override;
  // Appends (O_APPEND, fsync) unless the head equals the last mark in the file.
  Status Append(const AuditWitnessMark& mark) override;

 private:
  std::string path_;
  std::mutex mu_;
  std::optional<AuditHead> last_;  // the last mark written or read
};

// The mark as one line (without the newline), and back.
std::string FormatWitnessMark(const AuditWitnessMark& mark);
bool ParseWitnessMark(const std::string& line, AuditWitnessMark* mark);

}  // namespace keyline
