// The audit log: every write is recorded with who, when, before and after; the hash chain
// detects an edited entry and names it.
#include "storage/repos/sql_store.h"
#include "storage/sql/database.h"
#include "tests/api_test.h"
#include "tests/audit_tamper.h"

namespace keyline::testing {
namespace {

class AuditApi : public ApiTest {
 protected:
  // Edits one audit entry behind the application's back (bypassing the append-only triggers,
  // as an attacker with database access could).
  void Tamper(int64_t id) {
    Status st = TamperAuditLog(server().app(), [&](sql::Conn& conn) -> Status {
      KL_ASSIGN_OR_RETURN(int64_t changed,
                          conn.Exec("UPDATE audit_log SET after_json = $1 WHERE id = $2",
                                    {std::string("{\"tampered\":true}"), id}));
      if (changed != 1) return Status::Internal("no row tampered");
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.message_en();
  }
};
KL_INSTANTIATE_BACKENDS(AuditApi);

TEST_P(AuditApi, EveryWriteIsRecordedWithWhoWhenBeforeAndAfter) {
  auto fgw = As("fgw");
  std::string road = "/api/v1/projects/" + Id(fx().project_road);
  int64_t version = fgw->Get(road).json.at("version").as_int64();
  ASSERT_EQ(
      fgw->Patch(road, Json({{"version", version}, {"address", "电子六路与丈八东路"}})).status,
      200);
  auto admin = As("admin");
  HttpResult log = admin->Get("/api/v1/audit?entity=project&entity_id=" + Id(fx().project_road));
  ASSERT_EQ(log.status, 200) << log.body;
  ASSERT_GE(log.json.at("items").as_array().size(), 2u) << log.body;
  const auto& newest = log.json.at("items").at(0).as_object();
  EXPECT_EQ(newest.at("action"), "update");
  EXPECT_EQ(newest.at("username"), "fgw");
  EXPECT_EQ(newest.at("role"), "supervisor");
  EXPECT_EQ(newest.at("at").as_int64(), server().clock().NowMs());
  EXPECT_EQ(newest.at("before").at("address"), "");
  EXPECT_EQ(newest.at("after").at("address"), "电子六路与丈八东路");
  EXPECT_EQ(newest.at("hash").as_string().size(), 64u);
  const auto& created = log.json.at("items").as_array().back().as_object();
  EXPECT_EQ(created.at("action"), "create");

  HttpResult logins = admin->Get("/api/v1/audit?entity=session");
  EXPECT_GE(logins.json.at("total").as_int64(), 2) << "logins are audited";
}

TEST_P(AuditApi, TheAuditLogCannotBeChangedThroughTheDatabaseApi) {
  sql::Database& db = server().app().store().db();
  Status update = db.Write([](sql::Conn& conn) -> Status {
    return conn.Exec("UPDATE audit_log SET username = 'x' WHERE id = 1", {}).status();
  });
  EXPECT_FALSE(update.ok());
  Status del = db.Write(
      [](sql::Conn& conn) -> Status { return conn.Exec("DELETE FROM audit_log", {}).status(); });
  EXPECT_FALSE(del.ok());
}

TEST_P(AuditApi, VerifyFindsTheFirstEditedEntry) {
  auto admin = As("admin");
  HttpResult intact = admin->Get("/api/v1/audit/verify");
  ASSERT_EQ(intact.status, 200) << intact.body;
  EXPECT_TRUE(intact.json.at("ok").as_bool());
  int64_t entries = intact.json.at("entries").as_int64();
  EXPECT_GT(entries, 10);
  Tamper(5);
  HttpResult broken = admin->Get("/api/v1/audit/verify");
  EXPECT_FALSE(broken.json.at("ok").as_bool());
  EXPECT_EQ(broken.json.at("first_broken_id").as_int64(), 5);
  EXPECT_EQ(As("fgw")->Get("/api/v1/audit/verify").status, 403);
}

}  // namespace
}  // namespace keyline::testing
