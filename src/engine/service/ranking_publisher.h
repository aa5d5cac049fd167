// RankingPublisher: publishing a ranking (排名及红黑榜) — "published means frozen".
//
// Publishing computes the ranking of a scheme for a period as the publisher sees it (admin and
// supervisor see the whole area) and stores it, with its red and black lists, as a snapshot
// (kind ranking, subject "<scheme>:<period label>"; core/service/snapshot_service.h). Reading
// the published ranking serves the stored JSON and never recomputes; re-publishing makes the
// next version with a reason and keeps the older ones.
//
// Who: admin and supervisor (发改) publish (kForbidden otherwise). A published ranking is an
// official list: every internal role reads it (admin, supervisor, leader, department, service
// officer); project companies are refused (kForbidden).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "core/model/role.h"
#include "core/service/snapshot_service.h"
#include "engine/service/ranking_service.h"

namespace keyline::engine {

class RankingPublisher {
 public:
  // Not owned; all must outlive the publisher.
  RankingPublisher(RankingService& rankings, SnapshotService& snapshots, TxRunner& tx)
      : rankings_(rankings), snapshots_(snapshots), tx_(tx) {}

  // Publishes the next version (reason required from version 2). kNotFound for an unknown
  // scheme, kInvalidArgument for a period that does not fit it.
  Result<Snapshot> Publish(const Caller& caller, const std::string& scheme,
                           const std::string& period, const std::string& reason);
  // The published version (the newest when version is nullopt); nullopt when never published;
  // kNotFound for an unknown version; kInternal when the stored ranking was tampered with.
  Result<std::optional<Snapshot>> Published(const Caller& caller, const std::string& scheme,
                                            const std::string& period,
                                            std::optional<int64_t> version);
  // Every published version, oldest first.
  Result<std::vector<Snapshot>> Versions(const Caller& caller, const std::string& scheme,
                                         const std::string& period);

 private:
  // "<scheme>:<period label>" after checking the scheme exists and the period fits it.
  Result<std::string> Subject(const std::string& scheme, const std::string& period);

  RankingService& rankings_;
  SnapshotService& snapshots_;
  TxRunner& tx_;
};

// The ranking as JSON (the API's shape of GET /rankings and the published payload): scheme,
// scheme_name_zh, period, previous_period, groups[{code, name_zh, rows[...]}].
std::string RankingResultJson(const RankingResult& r);

}  // namespace keyline::engine
