// Published means frozen: issuing the monthly bulletin and publishing a ranking store
// snapshots that later reads serve as they were, whatever changes afterwards; re-issuing makes a
// new version with a reason and keeps the old one; writes to a published version answer 409;
// a snapshot changed in the database is refused on read and found by the audit verification.
#include "app/keyline_app.h"
#include "core/service/snapshot_service.h"
#include "tests/engine_api_test.h"
#include "tests/snapshot_tamper.h"

namespace keyline::testing {
namespace {

constexpr const char* kThreeProjects = "全区在库项目3个，总投资512,000.00万元";
constexpr const char* kFourProjects = "全区在库项目4个，总投资512,100.00万元";

class SnapshotsApi : public EngineApiTest {
 protected:
  // A fourth project of 100 万元: the data the bulletin is computed from changes.
  void AddProject() {
    HttpResult created = As("fgw")->Post(
        "/api/v1/projects", Json({{"name", "印发后新增项目"}, {"total_investment", "100"}}));
    ASSERT_EQ(created.status, 201) << created.body;
  }
  // The ranking's groups of a 200 answer (null, with a failure, otherwise).
  static boost::json::value Groups(const HttpResult& r) {
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200 || !r.json.is_object() || !r.json.as_object().contains("groups")) {
      return nullptr;
    }
    return r.json.at("groups");
  }
  static void ExpectConflict(const HttpResult& r, const char* zh) {
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(r.ErrorCode(), "conflict");
    EXPECT_NE(r.json.at("error").at("message_zh").as_string().find(zh), std::string::npos)
        << r.body;
    EXPECT_FALSE(r.json.at("error").at("message_en").as_string().empty());
  }
};
KL_INSTANTIATE_BACKENDS(SnapshotsApi);

TEST_P(SnapshotsApi, AnIssuedBulletinIsServedAsIssuedWhileThePreviewFollowsTheData) {
  auto fgw = As("fgw");
  HttpResult preview = fgw->Get("/api/v1/bulletins/202603");
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.Header("x-keyline-bulletin"), "draft");

  // Only 发改 issues.
  for (const char* who : {"edu", "leader", "company_a", "officer"}) {
    EXPECT_EQ(As(who)->Post("/api/v1/bulletins/202603/issue", "{}").status, 403) << who;
  }
  HttpResult issued = fgw->Post("/api/v1/bulletins/202603/issue", "{}");
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.json.at("version").as_int64(), 1);
  EXPECT_EQ(issued.json.at("kind"), "bulletin");
  EXPECT_EQ(issued.json.at("subject"), "202603");
  EXPECT_EQ(issued.json.at("created_by_name"), "fgw");
  EXPECT_EQ(issued.json.at("sha256").as_string().size(), 64u);
  EXPECT_TRUE(issued.json.at("intact").as_bool());
  std::string sha = std::string(issued.json.at("sha256").as_string());

  HttpResult html = fgw->Get("/api/v1/bulletins/202603");
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(html.Header("x-keyline-bulletin"), "issued");
  EXPECT_EQ(html.Header("x-keyline-snapshot-version"), "1");
  EXPECT_EQ(html.Header("x-keyline-snapshot-sha256"), sha);
  EXPECT_NE(html.body.find(kThreeProjects), std::string::npos);
  HttpResult pdf = fgw->Get("/api/v1/bulletins/202603?format=pdf");
  HttpResult xlsx = fgw->Get("/api/v1/bulletins/202603?format=xlsx");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");

  // The data changes: the issued bulletin does not, byte for byte; the preview does.
  AddProject();
  HttpResult after = fgw->Get("/api/v1/bulletins/202603");
  EXPECT_EQ(after.body, html.body);
  EXPECT_EQ(fgw->Get("/api/v1/bulletins/202603?format=pdf").body, pdf.body);
  EXPECT_EQ(fgw->Get("/api/v1/bulletins/202603?format=xlsx").body, xlsx.body);
  EXPECT_EQ(As("leader")->Get("/api/v1/bulletins/202603").body, html.body);
  HttpResult draft = fgw->Get("/api/v1/bulletins/202603?draft=1");
  ASSERT_EQ(draft.status, 200);
  EXPECT_EQ(draft.Header("x-keyline-bulletin"), "draft");
  EXPECT_NE(draft.body.find(kFourProjects), std::string::npos) << draft.body;

  // Re-issuing needs a reason, makes version 2 and keeps version 1.
  HttpResult no_reason = fgw->Post("/api/v1/bulletins/202603/issue", "{}");
  EXPECT_EQ(no_reason.status, 400) << no_reason.body;
  EXPECT_EQ(no_reason.json.at("error").at("details").at(0).at("field"), "reason");
  HttpResult v2 =
      fgw->Post("/api/v1/bulletins/202603/issue", Json({{"reason", "补录印发后新增项目"}}));
  ASSERT_EQ(v2.status, 201) << v2.body;
  EXPECT_EQ(v2.json.at("version").as_int64(), 2);
  EXPECT_NE(fgw->Get("/api/v1/bulletins/202603").body.find(kFourProjects), std::string::npos);
  HttpResult v1 = fgw->Get("/api/v1/bulletins/202603?version=1");
  ASSERT_EQ(v1.status, 200);
  EXPECT_EQ(v1.body, html.body);
  EXPECT_EQ(fgw->Get("/api/v1/bulletins/202603?version=3").status, 404);
  HttpResult versions = fgw->Get("/api/v1/bulletins/202603/versions");
  ASSERT_EQ(versions.status, 200) << versions.body;
  const auto& items = versions.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("reason"), "");
  EXPECT_EQ(items[1].at("reason"), "补录印发后新增项目");
  EXPECT_EQ(items[1].at("created_by_name"), "fgw");

  // A department still gets its own live bulletin and no issued versions.
  HttpResult own = As("edu")->Get("/api/v1/bulletins/202603");
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.Header("x-keyline-bulletin"), "draft");
  EXPECT_EQ(As("edu")->Get("/api/v1/bulletins/202603/versions").status, 403);
  EXPECT_EQ(As("edu")->Get("/api/v1/bulletins/202603?version=1").status, 403);

  // Each issue is in the audit log with its hash (the bulletin, its PDF and its .xlsx).
  HttpResult log = As("admin")->Get("/api/v1/audit?entity=snapshot");
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_EQ(log.json.at("total").as_int64(), 6);
  EXPECT_NE(log.body.find(sha), std::string::npos);
}

TEST_P(SnapshotsApi, WritesToAnIssuedBulletinAnswer409AndBadInput400) {
  auto fgw = As("fgw");
  ASSERT_EQ(fgw->Post("/api/v1/bulletins/202603/issue", "").status, 201);
  ExpectConflict(fgw->Request("PUT", "/api/v1/bulletins/202603/versions/1", "{}"), "已印发");
  ExpectConflict(fgw->Request("PATCH", "/api/v1/bulletins/202603/versions/1", "{}"), "已印发");
  ExpectConflict(fgw->Request("DELETE", "/api/v1/bulletins/202603/versions/1"), "不能修改或删除");
  EXPECT_EQ(fgw->Request("DELETE", "/api/v1/bulletins/202603/versions/2").status, 404);
  EXPECT_EQ(As("edu")->Request("DELETE", "/api/v1/bulletins/202603/versions/1").status, 403);
  EXPECT_EQ(fgw->Post("/api/v1/bulletins/202604/issue", "{}").status, 400);  // the future
  EXPECT_EQ(fgw->Post("/api/v1/bulletins/2026-3/issue", "{}").status, 400);
  EXPECT_EQ(fgw->Post("/api/v1/bulletins/202603/issue", R"({"reason":1})").status, 400);
  EXPECT_EQ(fgw->Post("/api/v1/bulletins/202603/issue", R"({"why":"x"})").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/bulletins/202603?version=0").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/bulletins/202603?draft=2").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/bulletins/202603?draft=1&version=1").status, 400);
  // The table itself refuses changes.
  Status update = server().app().store().db().Write([](sql::Conn& conn) -> Status {
    return conn.Exec("UPDATE snapshots SET reason = 'x'", {}).status();
  });
  EXPECT_FALSE(update.ok());
  Status del = server().app().store().db().Write(
      [](sql::Conn& conn) -> Status { return conn.Exec("DELETE FROM snapshots", {}).status(); });
  EXPECT_FALSE(del.ok());
}

TEST_P(SnapshotsApi, ATamperedBulletinIsRefusedAndVerifyNamesIt) {
  auto fgw = As("fgw");
  ASSERT_EQ(fgw->Post("/api/v1/bulletins/202603/issue", "{}").status, 201);
  EXPECT_TRUE(As("admin")->Get("/api/v1/audit/verify").json.at("ok").as_bool());
  auto changed = TamperSql(server().app(),
                           "UPDATE snapshots SET payload = REPLACE(payload, '512,000.00', "
                           "'612,000.00') WHERE kind = 'bulletin'");
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  ASSERT_EQ(*changed, 1);
  HttpResult read = fgw->Get("/api/v1/bulletins/202603");
  EXPECT_EQ(read.status, 500) << read.body;
  EXPECT_NE(read.json.at("error").at("message_zh").as_string().find("篡改"), std::string::npos)
      << read.body;
  EXPECT_NE(read.json.at("error").at("message_en").as_string().find("tampered"), std::string::npos);
  HttpResult versions = fgw->Get("/api/v1/bulletins/202603/versions");
  ASSERT_EQ(versions.status, 200);
  EXPECT_FALSE(versions.json.at("items").at(0).at("intact").as_bool());
  HttpResult verify = As("admin")->Get("/api/v1/audit/verify");
  ASSERT_EQ(verify.status, 200);
  EXPECT_FALSE(verify.json.at("ok").as_bool());
  EXPECT_TRUE(verify.json.at("first_broken_id").is_null());  // the chain itself is intact
  EXPECT_EQ(verify.json.at("snapshots").at("first_broken_id").as_int64(),
            versions.json.at("items").at(0).at("id").as_int64());
}

TEST_P(SnapshotsApi, APublishedRankingIsServedAsPublished) {
  server().clock().Set(At("2026-03-10"));  // February reporting still open
  auto fgw = As("fgw");
  PlanSchool("1200");
  ASSERT_EQ(fgw->Post("/api/v1/ranking-schemes", Json(MonthlyScheme())).status, 201);
  std::string q = "scheme=monthly&period=202603";
  HttpResult live = fgw->Get("/api/v1/rankings?" + q);
  ASSERT_EQ(live.status, 200) << live.body;
  EXPECT_EQ(fgw->Get("/api/v1/rankings/published?" + q).status, 404);  // not yet

  std::string publish = Json({{"scheme", "monthly"}, {"period", "202603"}});
  EXPECT_EQ(As("edu")->Post("/api/v1/rankings/publish", publish).status, 403);
  EXPECT_EQ(As("leader")->Post("/api/v1/rankings/publish", publish).status, 403);
  HttpResult v1 = fgw->Post("/api/v1/rankings/publish", publish);
  ASSERT_EQ(v1.status, 201) << v1.body;
  EXPECT_EQ(v1.json.at("subject"), "monthly:202603");

  // The school reports: the live ranking moves, the published one does not.
  auto company = As("company_a");
  SubmitSchoolFebruary(*company);
  HttpResult moved = fgw->Get("/api/v1/rankings?" + q);
  ASSERT_EQ(moved.status, 200);
  HttpResult published = fgw->Get("/api/v1/rankings/published?" + q);
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_TRUE(published.json.at("published").as_bool());
  EXPECT_EQ(published.json.at("snapshot").at("version").as_int64(), 1);
  EXPECT_EQ(Groups(published), live.json.at("groups"));
  EXPECT_NE(moved.json.at("groups"), live.json.at("groups")) << moved.body;
  EXPECT_EQ(Groups(fgw->Get("/api/v1/rankings?" + q + "&published=1")), live.json.at("groups"));
  // Every internal role reads the published list; project companies do not.
  for (const char* who : {"edu", "leader", "officer"}) {
    EXPECT_EQ(Groups(As(who)->Get("/api/v1/rankings/published?" + q)), live.json.at("groups"))
        << who;
  }
  EXPECT_EQ(company->Get("/api/v1/rankings/published?" + q).status, 403);

  // Republishing needs a reason and keeps version 1; writes to it answer 409.
  EXPECT_EQ(fgw->Post("/api/v1/rankings/publish", publish).status, 400);
  HttpResult v2 =
      fgw->Post("/api/v1/rankings/publish",
                Json({{"scheme", "monthly"}, {"period", "202603"}, {"reason", "补报"}}));
  ASSERT_EQ(v2.status, 201) << v2.body;
  EXPECT_EQ(Groups(fgw->Get("/api/v1/rankings/published?" + q)), moved.json.at("groups"));
  EXPECT_EQ(Groups(fgw->Get("/api/v1/rankings/published?" + q + "&version=1")),
            live.json.at("groups"));
  EXPECT_EQ(fgw->Get("/api/v1/rankings/versions?" + q).json.at("items").as_array().size(), 2u);
  ExpectConflict(fgw->Request("PUT", "/api/v1/rankings/published?" + q, "{}"), "已发布");
  ExpectConflict(fgw->Request("DELETE", "/api/v1/rankings/published?" + q), "已发布");
  EXPECT_EQ(
      fgw->Request("DELETE", "/api/v1/rankings/published?scheme=monthly&period=202602").status,
      404);
  EXPECT_EQ(fgw->Get("/api/v1/rankings/published?scheme=monthly&period=2026Q1").status, 400);
  EXPECT_EQ(fgw->Get("/api/v1/rankings/published?scheme=nope&period=202603").status, 404);
  EXPECT_EQ(fgw->Get("/api/v1/rankings?" + q + "&published=yes").status, 400);
}

}  // namespace
}  // namespace keyline::testing
