#include "storage/repos/sql_store.h"

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "storage/repos/attraction_sql_repositories.h"
#include "storage/repos/funds_sql_repositories.h"
#include "storage/repos/migrations.h"
#include "storage/repos/reporting_sql_repositories.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"
#include "storage/repos/supervision_sql.h"
#include "storage/sql/database_url.h"

namespace keyline {
namespace {

// Transactions this thread has open. A transaction opened inside another waits for a second
// pooled connection while holding the first: once every connection is held by a caller waiting
// in the same place, nobody moves. Such a call is counted, and refused when
// KEYLINE_STRICT_TX=1 (the tests set it) so that it fails a test instead of hanging a server.
thread_local int open_transactions = 0;

bool NestedTransactionsRefused() {
  static const bool refused = [] {
    const char* v = std::getenv("KEYLINE_STRICT_TX");
    return v != nullptr && std::string_view(v) == "1";
  }();
  return refused;
}

class OpenTransaction {
 public:
  OpenTransaction() { ++open_transactions; }
  ~OpenTransaction() { --open_transactions; }
  OpenTransaction(const OpenTransaction&) = delete;
  OpenTransaction& operator=(const OpenTransaction&) = delete;
};

// Runs core callbacks in SQL transactions and counts them.
class SqlTxRunner final : public TxRunner {
 public:
  explicit SqlTxRunner(sql::Database& db) : db_(db) {}

  Status Read(const TxCallback& fn) override {
    KL_RETURN_IF_ERROR(CheckNotNested());
    reads_.fetch_add(1, std::memory_order_relaxed);
    Status st = db_.Read([&](sql::Conn& conn) {
      OpenTransaction open;  // on the thread that runs fn (SQLite writes run on their own)
      storage::SqlTx tx(conn);
      return fn(tx);
    });
    if (!st.ok()) read_errors_.fetch_add(1, std::memory_order_relaxed);
    return st;
  }

  Status Write(const TxCallback& fn) override {
    KL_RETURN_IF_ERROR(CheckNotNested());
    writes_.fetch_add(1, std::memory_order_relaxed);
    Status st = db_.Write([&](sql::Conn& conn) {
      OpenTransaction open;  // on the thread that runs fn (SQLite writes run on their own)
      storage::SqlTx tx(conn);
      return fn(tx);
    });
    if (!st.ok()) write_errors_.fetch_add(1, std::memory_order_relaxed);
    return st;
  }

  std::string Metrics() const {
    auto line = [](const char* name, const char* kind, const std::atomic<int64_t>& v) {
      return std::string("keyline_db_transactions_total{kind=\"") + kind + "\",result=\"" + name +
             "\"} " + std::to_string(v.load(std::memory_order_relaxed)) + "\n";
    };
    return "# TYPE keyline_db_transactions_total counter\n" + line("all", "read", reads_) +
           line("error", "read", read_errors_) + line("all", "write", writes_) +
           line("error", "write", write_errors_) +
           "# TYPE keyline_db_nested_transactions_total counter\n"
           "keyline_db_nested_transactions_total " +
           std::to_string(nested_.load(std::memory_order_relaxed)) + "\n";
  }

 private:
  Status CheckNotNested() {
    if (open_transactions == 0) return Status::Ok();
    nested_.fetch_add(1, std::memory_order_relaxed);
    if (!NestedTransactionsRefused()) return Status::Ok();
    return Status::Internal("a transaction was opened inside another on the same thread");
  }

  sql::Database& db_;
  std::atomic<int64_t> reads_{0};
  std::atomic<int64_t> read_errors_{0};
  std::atomic<int64_t> writes_{0};
  std::atomic<int64_t> write_errors_{0};
  std::atomic<int64_t> nested_{0};
};

Status SqliteBackup(const std::string& source, const std::string& dest) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(source.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Internal("backup: cannot open " + source + ": " + msg);
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_stmt* stmt = nullptr;
  rc = sqlite3_prepare_v2(db, "VACUUM INTO ?1", -1, &stmt, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, dest.c_str(), static_cast<int>(dest.size()), SQLITE_TRANSIENT);
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  std::string msg = rc == SQLITE_OK ? "" : sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  if (rc != SQLITE_OK) return Status::Internal("backup: VACUUM INTO failed: " + msg);
  return Status::Ok();
}

}  // namespace

struct SqlStore::Impl {
  explicit Impl(sql::Database& db) : tx(db) {}
  SqlTxRunner tx;
  std::unique_ptr<RegionRepository> regions = storage::NewSqlRegionRepository();
  std::unique_ptr<UnitRepository> units = storage::NewSqlUnitRepository();
  std::unique_ptr<PersonRepository> people = storage::NewSqlPersonRepository();
  std::unique_ptr<UserRepository> users = storage::NewSqlUserRepository();
  std::unique_ptr<SessionRepository> sessions = storage::NewSqlSessionRepository();
  std::unique_ptr<ProjectRepository> projects = storage::NewSqlProjectRepository();
  std::unique_ptr<AuditRepository> audit = storage::NewSqlAuditRepository();
  std::unique_ptr<ImportRepository> imports = storage::NewSqlImportRepository();
  std::unique_ptr<AliasRepository> aliases = storage::NewSqlAliasRepository();
  std::unique_ptr<SnapshotRepository> snapshots = storage::NewSqlSnapshotRepository();
  std::unique_ptr<PlanRepository> plans = storage::NewSqlPlanRepository();
  std::unique_ptr<ReportingSettingsRepository> reporting_settings =
      storage::NewSqlReportingSettingsRepository();
  std::unique_ptr<ReportRepository> reports = storage::NewSqlReportRepository();
  std::unique_ptr<AttachmentRepository> attachments = storage::NewSqlAttachmentRepository();
  std::unique_ptr<ProcedureRepository> procedures = storage::NewSqlProcedureRepository();
  std::unique_ptr<MilestoneRepository> milestones = storage::NewSqlMilestoneRepository();
  std::unique_ptr<ProblemRepository> problems = storage::NewSqlProblemRepository();
  std::unique_ptr<MeetingRepository> meetings = storage::NewSqlMeetingRepository();
  std::unique_ptr<FundRepository> funds = storage::NewSqlFundRepository();
  std::unique_ptr<KeyListRepository> key_lists = storage::NewSqlKeyListRepository();
  std::unique_ptr<FactorRepository> factors = storage::NewSqlFactorRepository();
  std::unique_ptr<LeadRepository> leads = storage::NewSqlLeadRepository();
  std::unique_ptr<ContractRepository> contracts = storage::NewSqlContractRepository();
  std::unique_ptr<CampaignRepository> campaigns = storage::NewSqlCampaignRepository();
  std::unique_ptr<TargetRepository> targets = storage::NewSqlTargetRepository();
};

SqlStore::SqlStore(std::string url, std::unique_ptr<sql::Database> db)
    : url_(std::move(url)), db_(std::move(db)), impl_(std::make_unique<Impl>(*db_)) {
  repos_.tx = &impl_->tx;
  repos_.regions = impl_->regions.get();
  repos_.units = impl_->units.get();
  repos_.people = impl_->people.get();
  repos_.users = impl_->users.get();
  repos_.sessions = impl_->sessions.get();
  repos_.projects = impl_->projects.get();
  repos_.audit = impl_->audit.get();
  repos_.aliases = impl_->aliases.get();
  reporting_.plans = impl_->plans.get();
  reporting_.settings = impl_->reporting_settings.get();
  reporting_.reports = impl_->reports.get();
  reporting_.attachments = impl_->attachments.get();
  repos_.procedures = impl_->procedures.get();
  repos_.milestones = impl_->milestones.get();
  repos_.problems = impl_->problems.get();
  repos_.meetings = impl_->meetings.get();
  funds_.funds = impl_->funds.get();
  funds_.key_lists = impl_->key_lists.get();
  funds_.factors = impl_->factors.get();
  attraction_.leads = impl_->leads.get();
  attraction_.contracts = impl_->contracts.get();
  attraction_.campaigns = impl_->campaigns.get();
  attraction_.targets = impl_->targets.get();
}

ImportRepository& SqlStore::imports() { return *impl_->imports; }
SnapshotRepository& SqlStore::snapshots() { return *impl_->snapshots; }

SqlStore::~SqlStore() {
  if (db_) db_->Close();
}

Result<std::unique_ptr<SqlStore>> SqlStore::Open(const std::string& url, int pool_size) {
  KL_ASSIGN_OR_RETURN(std::unique_ptr<sql::Database> db, sql::OpenDatabase(url, pool_size));
  Status st = Migrate(*db);
  if (!st.ok()) {
    db->Close();
    return st;
  }
  return std::unique_ptr<SqlStore>(new SqlStore(url, std::move(db)));
}

Status SqlStore::Backup(const std::string& dest_path) {
  if (db_->dialect() == sql::Dialect::kPostgres) {
    return Status::InvalidArgument("PostgreSQL 数据库请使用 pg_dump 备份",
                                   "use pg_dump to back up a PostgreSQL database");
  }
  if (dest_path.empty()) {
    return Status::InvalidArgument("备份路径不能为空", "the backup path is empty");
  }
  std::error_code ec;
  if (std::filesystem::exists(dest_path, ec)) {
    return Status::InvalidArgument("备份文件已存在：" + dest_path,
                                   "the backup file already exists: " + dest_path);
  }
  KL_ASSIGN_OR_RETURN(sql::DatabaseUrl parsed, sql::ParseDatabaseUrl(url_));
  return SqliteBackup(parsed.sqlite_path, dest_path);
}

std::string SqlStore::Metrics() const { return impl_->tx.Metrics(); }

}  // namespace keyline
