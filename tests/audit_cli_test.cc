// The keyed audit chain from the command line, on SQLite and PostgreSQL: `keyline audit verify`
// exit codes with and without the witness file, key rotation, and an existing (unkeyed) database
// migrating to the keyed chain at a recorded switch-over point.
#include <filesystem>
#include <fstream>

#include "app/audit_key_file.h"
#include "app/audit_witness_file.h"
#include "app/keyline_app.h"
#include "core/service/audit_log.h"
#include "storage/repos/sql_store.h"
#include "storage/sql/database.h"
#include "tests/audit_tamper.h"
#include "tests/cli_run.h"

namespace keyline::testing {
namespace {

class AuditCli : public FreshDatabaseTest {
 protected:
  CliRun K(const std::string& args) { return Keyline("--db '" + db_ + "' " + args); }
  Config Conf() {
    Config config;
    config.db_url = db_;
    config.pool_size = 2;
    return config;
  }
  // Deletes the audit entries from the witness file's last mark on (the tail the last command
  // left), in-process, triggers out of the way.
  void DeleteWitnessedTail() {
    auto app = KeylineApp::Open(Conf());
    ASSERT_TRUE(app.ok()) << app.status().ToString();
    auto marks = FileAuditWitness((*app)->audit_witness_file()).ReadMarks();
    ASSERT_TRUE(marks.ok() && !marks->empty()) << (*app)->audit_witness_file();
    int64_t from = marks->back().head.last_id;
    Status st = TamperAuditLog(**app, [&](sql::Conn& conn) {
      return conn.Exec("DELETE FROM audit_log WHERE id >= $1", {from}).status();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, AuditCli,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return BackendName(info.param); });

TEST_P(AuditCli, VerifyExitCodesWithAndWithoutTheWitness) {
  {
    CliRun seeded = K("seed-demo");
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  }  // leaves a witness mark
  CliRun intact = K("audit verify");
  EXPECT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_NE(intact.output.find("audit chain intact"), std::string::npos) << intact.output;
  EXPECT_NE(intact.output.find("witness marks"), std::string::npos) << intact.output;

  DeleteWitnessedTail();
  CliRun truncated = K("audit verify");
  EXPECT_EQ(truncated.exit_code, 1) << truncated.output;
  EXPECT_NE(truncated.output.find("[truncated]"), std::string::npos) << truncated.output;
  EXPECT_NE(truncated.output.find("末尾被删除"), std::string::npos) << truncated.output;
  CliRun blind = K("audit verify --no-witness");
  EXPECT_EQ(blind.exit_code, 0) << "without a witness a shorter chain is whole: " << blind.output;
  EXPECT_NE(blind.output.find("no witness"), std::string::npos) << blind.output;

  EXPECT_EQ(K("audit verify --witness /nonexistent/witness").exit_code, 3);
  EXPECT_EQ(K("audit verify --bogus").exit_code, 2);
  EXPECT_EQ(K("audit check").exit_code, 2);
}

TEST_P(AuditCli, RotatingTheKeyKeepsOlderEntriesVerifiable) {
  {
    CliRun seeded = K("seed-demo");
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  }
  CliRun rotated = K("audit rotate-key");
  ASSERT_EQ(rotated.exit_code, 0) << rotated.output;
  ASSERT_EQ(K("bulletin issue --period 202611").exit_code, 0);  // entries under the new key
  CliRun verify = K("audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  auto app = KeylineApp::Open(Conf());
  ASSERT_TRUE(app.ok());
  auto ring = ReadAuditKeyFile((*app)->audit_key_file());
  ASSERT_TRUE(ring.ok()) << ring.status().ToString();
  ASSERT_EQ(ring->keys.size(), 2u);
  EXPECT_EQ(ring->keys[0].from_id, 1);
  EXPECT_GT(ring->keys[1].from_id, 100);
  EXPECT_NE(ring->keys[0].secret, ring->keys[1].secret);
  auto perms = std::filesystem::status((*app)->audit_key_file()).permissions();
  EXPECT_EQ(perms & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

// A database written before the keyed chain (no key, plain SHA-256 chain) keeps its entries
// verifying under the old rule; the first start creates the key from the next id and says so in the
// log; a lost key file is refused, not silently replaced.
TEST_P(AuditCli, AnUnkeyedDatabaseSwitchesOverAtARecordedPoint) {
  {
    auto store = SqlStore::Open(db_, 2);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ManualClock clock(1796000000000);
    AuditLog legacy(*(*store)->repos().audit, clock);  // no key: the pre-issue-17 rule
    Status st = (*store)->repos().tx->Write([&](Tx& tx) -> Status {
      for (int i = 0; i < 5; ++i) {
        KL_RETURN_IF_ERROR(
            legacy.Record(tx, Caller::System(), "create", "unit", std::to_string(i + 1), "", "{}"));
      }
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
    (*store)->db().Close();
  }
  std::string key_file;
  {
    auto app = KeylineApp::Open(Conf());
    ASSERT_TRUE(app.ok()) << app.status().ToString();
    key_file = (*app)->audit_key_file();
    auto v = (*app)->audit().Verify(*(*app)->repos().tx);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->ok()) << v->problem;
    EXPECT_EQ(v->keyed_from, 6);
    AuditQuery q;
    q.entity = "audit_chain";
    PageOf<AuditEvent> chain;
    ASSERT_TRUE((*app)
                    ->repos()
                    .tx
                    ->Read([&](Tx& tx) -> Status {
                      KL_ASSIGN_OR_RETURN(chain, (*app)->repos().audit->List(tx, q));
                      return Status::Ok();
                    })
                    .ok());
    ASSERT_EQ(chain.items.size(), 1u);
    EXPECT_EQ(chain.items[0].id, 6);
    EXPECT_NE(chain.items[0].after_json.find("\"entries_before\":5"), std::string::npos);
  }
  EXPECT_EQ(K("audit verify").exit_code, 0);
  std::filesystem::remove(key_file);
  auto refused = KeylineApp::Open(Conf());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::kConflict);
  EXPECT_NE(refused.status().message_en().find("missing"), std::string::npos);
  EXPECT_NE(refused.status().message_zh().find("不存在"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(key_file)) << "no new key was made";
}

}  // namespace
}  // namespace keyline::testing
