// KeylineApp: the composition root. Opens the database, wires the services, the API
// handlers and the HTTP server. Used by main (serve and the CLI commands) and by the
// integration tests, which run the real server in-process on 127.0.0.1:0.
#pragma once

#include <memory>
#include <string>

#include "app/config.h"
#include "common/clock.h"
#include "common/result.h"
#include "core/ports/repositories.h"

namespace keyline {

class AuditLog;
class AuthService;
class UserService;
class ProjectService;
class ReferenceService;
class PlanService;
class ReportService;
class ReportingSettings;
class ProblemService;
class ProcedureService;
class BattleChartService;
class MeetingService;
class SnapshotService;
class FundService;
class KeyListService;
class FactorService;
struct AttractionServices;
class SqlStore;
class WorkingCalendar;
namespace http {
class Server;
class Router;
}  // namespace http
namespace documents {
class ExportService;
class BulletinService;
}  // namespace documents
namespace importing {
class ImportService;
}
namespace api {
class ImportGate;
}
namespace engine {
class FactsSource;
class IndicatorCatalogue;
class RankingService;
class RankingPublisher;
}  // namespace engine

class KeylineApp {
 public:
  ~KeylineApp();

  // Opens (and migrates) the database named by config.db_url and builds the services.
  // clock: nullptr for the system clock; tests pass a ManualClock (not owned).
  // fast_hashing: weaker argon2id limits for tests only.
  static Result<std::unique_ptr<KeylineApp>> Open(const Config& config,
                                                  const Clock* clock = nullptr,
                                                  bool fast_hashing = false);

  // Starts the HTTP server (config.listen_*); returns the bound port.
  Result<uint16_t> StartServer();
  void StopServer();
  void WaitForSignal();
  // Runs the escalation sweep (提级督办) every `seconds` on a background thread until
  // StopServer or destruction; `serve` starts it with 60.
  void StartEscalationTimer(int seconds);
  // Appends the audit chain head to the witness file every `seconds` (when it moved) on a
  // background thread until StopServer, which writes a last mark; `serve` starts it with 60.
  void StartAuditWitness(int seconds);
  // Appends the current head to the witness file now (writing CLI commands call it at the end).
  Status WriteAuditWitness();
  // The audit key and witness files in use (config or their defaults).
  const std::string& audit_key_file() const;
  const std::string& audit_witness_file() const;

  const Repositories& repos() const;
  const http::Router& router() const;  // every route (the API contract test lists them)
  AuditLog& audit();
  AuthService& auth();
  UserService& users();
  ProjectService& projects();
  ReferenceService& reference();
  PlanService& plans();
  ReportService& reports();
  ReportingSettings& reporting_settings();
  ProblemService& problems();
  ProcedureService& procedures();
  BattleChartService& battle_chart();
  MeetingService& meetings();
  FundService& funds();
  KeyListService& key_lists();
  FactorService& factors();
  AttractionServices& attraction();  // 招商引资, 三个一批, 目标任务
  const Clock& clock() const;
  const WorkingCalendar& calendar() const;
  const Config& config() const;
  SqlStore& store();
  documents::ExportService& exports();      // ledger .xlsx, OC4IDS
  documents::BulletinService& bulletins();  // 月度通报
  SnapshotService& snapshots();             // published snapshots
  engine::RankingService& rankings();
  engine::RankingPublisher& ranking_publisher();  // published rankings
  importing::ImportService& imports();            // .xlsx imports
  // Imports at once (config.max_imports).
  api::ImportGate& import_gate();
  // The engine's live facts (loaded on the first read or by LoadFacts) and the
  // indicator definitions.
  engine::FactsSource& facts();
  engine::IndicatorCatalogue& indicators();
  // Loads the facts from the database now (serve calls it before listening) and, on
  // PostgreSQL, starts the LISTEN thread that keeps an idle node current. Returns the load
  // time in milliseconds.
  Result<int64_t> LoadFacts();

 private:
  KeylineApp();
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace keyline
