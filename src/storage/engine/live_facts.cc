#include "storage/engine/live_facts.h"

#include <libpq-fe.h>
#include <poll.h>

#include <chrono>
#include <vector>

#include "common/date.h"
#include "storage/engine/change_feed.h"
#include "storage/engine/facts_loader.h"

namespace keyline::storage {
namespace {

constexpr const char* kMaxIdSql = "SELECT COALESCE(MAX(id), 0) FROM audit_log";
constexpr const char* kChangesSql =
    "SELECT id, project_id, lead_id FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2";
constexpr int64_t kMaxChanges = 20000;  // more than this: reload from scratch

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

LiveFacts::LiveFacts(sql::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

LiveFacts::~LiveFacts() { StopListener(); }

int32_t LiveFacts::Today() const {
  Date d = Date::FromUnixMsBeijing(clock_.NowMs());
  return d.year * 10000 + d.month * 100 + d.day;
}

Status LiveFacts::Load() {
  std::lock_guard<std::mutex> one(catch_up_mutex_);
  return LoadLocked();
}

Status LiveFacts::LoadLocked() {
  int64_t start = SteadyMs();
  engine::Facts fresh;
  int64_t seq = 0;
  KL_RETURN_IF_ERROR(db_.Read([&](sql::Conn& conn) -> Status {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kMaxIdSql, {}));
    seq = rs.GetInt(0, 0);
    KL_ASSIGN_OR_RETURN(fresh, LoadFacts(conn, Today()));
    return Status::Ok();
  }));
  {
    std::unique_lock<std::shared_mutex> write(facts_mutex_);
    facts_ = std::move(fresh);
    sequence_ = static_cast<uint64_t>(seq);
  }
  load_ms_ = SteadyMs() - start;
  loaded_at_ms_ = clock_.NowMs();
  ++full_loads_;
  return Status::Ok();
}

Status LiveFacts::CatchUp() {
  uint64_t seen = 0;
  KL_RETURN_IF_ERROR(db_.Read([&](sql::Conn& conn) -> Status {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kMaxIdSql, {}));
    seen = static_cast<uint64_t>(rs.GetInt(0, 0));
    return Status::Ok();
  }));
  if (seen <= sequence_.load()) return Status::Ok();
  std::unique_lock<std::mutex> one(catch_up_mutex_);
  uint64_t from = sequence_.load();
  if (seen <= from) return Status::Ok();  // another thread caught up meanwhile

  // One snapshot: the new audit rows and the current state of everything they touched.
  TouchedFacts touched;
  uint64_t last = from;
  bool reload = false;
  std::vector<ProjectBundle> bundles;
  std::vector<std::pair<int64_t, std::optional<engine::LeadFact>>> leads;
  int32_t today = Today();
  KL_RETURN_IF_ERROR(db_.Read([&](sql::Conn& conn) -> Status {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        conn.Query(kChangesSql, {sql::Value(static_cast<int64_t>(from)),
                                                 sql::Value(kMaxChanges + 1)}));
    if (static_cast<int64_t>(rs.size()) > kMaxChanges) {
      reload = true;
      return Status::Ok();
    }
    for (size_t r = 0; r < rs.size(); ++r) {
      AuditChange c{rs.GetInt(r, 0), rs.GetInt(r, 1), rs.GetInt(r, 2)};
      last = static_cast<uint64_t>(c.id);
      touched.Add(c);
    }
    for (int64_t lead : touched.leads) {
      KL_ASSIGN_OR_RETURN(auto l, ReadLead(conn, lead));
      if (l && l->project_id) touched.projects.insert(*l->project_id);
      leads.emplace_back(lead, std::move(l));
    }
    if (touched.projects.size() > kFullReloadProjects) {
      reload = true;
      return Status::Ok();
    }
    for (int64_t p : touched.projects) {
      KL_ASSIGN_OR_RETURN(ProjectBundle b, ReadProjectBundle(conn, p, today));
      bundles.push_back(std::move(b));
    }
    return Status::Ok();
  }));
  if (reload) return LoadLocked();
  {
    std::unique_lock<std::shared_mutex> write(facts_mutex_);
    for (const auto& b : bundles) KL_RETURN_IF_ERROR(ApplyBundle(facts_, b));
    for (const auto& [id, lead] : leads) {
      if (lead) {
        KL_RETURN_IF_ERROR(facts_.SetLead(*lead));
      } else {
        facts_.RemoveLead(id);
      }
    }
    sequence_ = last;
  }
  ++incremental_updates_;
  return Status::Ok();
}

Result<engine::FactsView> LiveFacts::Read() {
  if (full_loads_.load() == 0) {
    std::lock_guard<std::mutex> one(catch_up_mutex_);
    if (full_loads_.load() == 0) KL_RETURN_IF_ERROR(LoadLocked());
  }
  Status st = CatchUp();
  if (!st.ok()) return st;
  std::shared_lock<std::shared_mutex> read(facts_mutex_);
  uint64_t seq = sequence_.load();
  return engine::FactsView(facts_, seq, std::move(read));
}

engine::FactsStats LiveFacts::Stats() {
  engine::FactsStats s = FactsSource::Stats();  // row counts and sequence of a current view
  s.loaded_at_ms = loaded_at_ms_.load();
  s.load_ms = load_ms_.load();
  s.full_loads = full_loads_.load();
  s.incremental_updates = incremental_updates_.load();
  return s;
}

Status LiveFacts::StartListener(const std::string& pg_url) {
  if (db_.dialect() != sql::Dialect::kPostgres || listener_.joinable()) return Status::Ok();
  PGconn* conn = PQconnectdb(pg_url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string error = PQerrorMessage(conn);
    PQfinish(conn);
    return Status::Unavailable("无法建立引擎的通知连接：" + error,
                               "cannot open the engine's LISTEN connection: " + error);
  }
  PGresult* res = PQexec(conn, "LISTEN keyline_audit");
  bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  if (!ok) {
    PQfinish(conn);
    return Status::Unavailable("LISTEN 失败", "LISTEN keyline_audit failed");
  }
  stop_ = false;
  listener_ = std::thread([this, conn] {
    while (!stop_.load()) {
      pollfd fd{PQsocket(conn), POLLIN, 0};
      int n = ::poll(&fd, 1, 500);  // wake up twice a second to notice stop_
      if (n <= 0) continue;
      if (!PQconsumeInput(conn)) break;  // connection lost: Read() still catches up
      bool notified = false;
      while (PGnotify* note = PQnotifies(conn)) {
        notified = true;
        PQfreemem(note);
      }
      if (notified) (void)CatchUp();  // failures: the next Read() tries again
    }
    PQfinish(conn);
  });
  return Status::Ok();
}

void LiveFacts::StopListener() {
  stop_ = true;
  if (listener_.joinable()) listener_.join();
}

}  // namespace keyline::storage
