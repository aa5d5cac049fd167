// The audit chain catches deletion and rewrite. On SQLite and PostgreSQL, an attacker
// with database access (the append-only triggers out of the way) deletes the last entry or the
// last 500, changes one entry, swaps two, empties the table, or rewrites the chain and recomputes
// every later hash without the key; Verify (and GET /api/v1/audit/verify) names each. A deleted
// tail is found with the witness file only. Every row carries the project it touched (the typed
// change feed).
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "app/audit_witness_file.h"
#include "core/service/audit_log.h"
#include "documents/xlsx_readback.h"
#include "pdf_text.h"
#include "storage/repos/sql_store.h"
#include "storage/sql/database.h"
#include "tests/api_test.h"
#include "tests/audit_tamper.h"

namespace keyline::testing {
namespace {

class AuditChain : public ApiTest {
 protected:
  KeylineApp& app() { return server().app(); }

  // Runs statements against audit_log as an attacker with database access would.
  void Attack(const std::function<Status(sql::Conn&)>& fn) {
    Status st = TamperAuditLog(app(), fn);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  void Exec(const std::string& sql, std::vector<sql::Value> params = {}) {
    Attack([&](sql::Conn& conn) { return conn.Exec(sql, params).status(); });
  }
  // Stores `e`'s content (everything but the id) in row `id`.
  static Status Overwrite(sql::Conn& conn, int64_t id, const AuditEvent& e) {
    return conn
        .Exec(
            "UPDATE audit_log SET at = $1, user_id = $2, username = $3, role = $4, ip = $5, "
            "request_id = $6, action = $7, entity = $8, entity_id = $9, before_json = $10, "
            "after_json = $11, prev_hash = $12, hash = $13, project_id = $14, lead_id = $15 "
            "WHERE id = $16",
            {e.at, e.user_id, e.username, e.role, e.ip, e.request_id, e.action, e.entity,
             e.entity_id, e.before_json, e.after_json, e.prev_hash, e.hash, e.project_id, e.lead_id,
             id})
        .status();
  }

  std::vector<AuditEvent> Rows() {
    std::vector<AuditEvent> rows;
    Status st = app().repos().tx->Read([&](Tx& tx) {
      return app().repos().audit->Scan(tx, [&](const AuditEvent& e) {
        rows.push_back(e);
        return true;
      });
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return rows;
  }

  void AddEntries(int n) {
    Status st = app().repos().tx->Write([&](Tx& tx) -> Status {
      for (int i = 0; i < n; ++i) {
        KL_RETURN_IF_ERROR(app().audit().Record(tx, Caller::System("test"), "touch", "project",
                                                Id(fx().project_road), "",
                                                "{\"n\":" + std::to_string(i) + "}"));
      }
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  void Witness() {
    Status st = app().WriteAuditWitness();
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  // Verify with the witness file (true) or without any witness (false); the codes found.
  std::vector<std::string> Found(bool witness, AuditVerification* out = nullptr) {
    std::vector<AuditWitnessMark> marks;
    if (witness) marks = *FileAuditWitness(app().audit_witness_file()).ReadMarks();
    auto v = app().audit().Verify(*app().repos().tx, marks);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    std::vector<std::string> codes;
    for (const auto& f : v->findings) codes.push_back(f.code + "@" + std::to_string(f.id));
    if (out) *out = *v;
    return codes;
  }
  using Codes = std::vector<std::string>;
};
KL_INSTANTIATE_BACKENDS(AuditChain);

TEST_P(AuditChain, TheChainIsKeyedFromTheFirstEntryAndEveryRowCarriesItsProject) {
  AuditVerification v;
  EXPECT_EQ(Found(true, &v), Codes{});
  EXPECT_EQ(v.keyed_from, 1);
  auto rows = Rows();
  ASSERT_GT(rows.size(), 10u);
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].id, static_cast<int64_t>(i + 1));
  auto fgw = As("fgw");
  std::string road = "/api/v1/projects/" + Id(fx().project_road);
  int64_t version = fgw->Get(road).json.at("version").as_int64();
  ASSERT_EQ(fgw->Patch(road, Json({{"version", version}, {"address", "丈八东路"}})).status, 200);
  HttpResult log =
      As("admin")->Get("/api/v1/audit?entity=project&entity_id=" + Id(fx().project_road));
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_EQ(log.json.at("items").at(0).at("project_id").as_int64(), fx().project_road);
}

TEST_P(AuditChain, DeletingTheLastEntryOrTheLast500IsFoundWithTheWitness) {
  auto admin = As("admin");  // logged in before the attack (a login is audited)
  AddEntries(600);
  Witness();
  int64_t last = Rows().back().id;
  Exec("DELETE FROM audit_log WHERE id = $1", {last});
  EXPECT_EQ(Found(false), Codes{}) << "without the witness a shorter chain looks whole";
  EXPECT_EQ(Found(true), Codes{"truncated@" + Id(last)});
  Exec("DELETE FROM audit_log WHERE id > $1", {last - 500});
  AuditVerification v;
  EXPECT_EQ(Found(true, &v), Codes{"truncated@" + Id(last - 499)});
  EXPECT_NE(v.findings[0].en.find("truncated"), std::string::npos) << v.findings[0].en;
  EXPECT_NE(v.findings[0].zh.find("末尾被删除"), std::string::npos) << v.findings[0].zh;
  // The web page's endpoint reads the same witness and names the same finding.
  HttpResult web = admin->Get("/api/v1/audit/verify");
  ASSERT_EQ(web.status, 200) << web.body;
  EXPECT_FALSE(web.json.at("ok").as_bool());
  EXPECT_EQ(web.json.at("findings").at(0).at("code"), "truncated");
  EXPECT_EQ(web.json.at("first_broken_id").as_int64(), last - 499);
  EXPECT_GE(web.json.at("witness_marks").as_int64(), 1);
}

TEST_P(AuditChain, EmptyingTheTableIsFoundWithTheWitness) {
  Witness();
  Exec("DELETE FROM audit_log");
  EXPECT_EQ(Found(false), Codes{});
  EXPECT_EQ(Found(true), Codes{"truncated@1"});
}

TEST_P(AuditChain, AChangedEntryIsNamedByTheApiAndVerify) {
  auto admin = As("admin");
  Exec("UPDATE audit_log SET after_json = $1 WHERE id = $2",
       {std::string("{\"x\":1}"), int64_t{5}});
  EXPECT_EQ(Found(false), Codes{"changed@5"});
  HttpResult web = admin->Get("/api/v1/audit/verify");
  EXPECT_FALSE(web.json.at("ok").as_bool());
  EXPECT_EQ(web.json.at("first_broken_id").as_int64(), 5);
  EXPECT_EQ(web.json.at("findings").at(0).at("code"), "changed");
  EXPECT_NE(web.json.at("findings").at(0).at("message_zh").as_string().find("被改动"),
            std::string::npos);
  // Changing the project an entry touched (the typed feed column) is a change too.
  Exec("UPDATE audit_log SET project_id = 999 WHERE id = 7");
  EXPECT_EQ(Found(false), (Codes{"changed@5", "changed@7"}));
}

TEST_P(AuditChain, SwappedEntriesAreNamedAsMoved) {
  auto rows = Rows();
  AuditEvent a = rows[3];  // id 4
  AuditEvent b = rows[5];  // id 6
  Attack([&](sql::Conn& conn) -> Status {
    KL_RETURN_IF_ERROR(Overwrite(conn, a.id, b));
    return Overwrite(conn, b.id, a);
  });
  AuditVerification v;
  EXPECT_EQ(Found(false, &v), (Codes{"moved@4", "moved@6"}));
  EXPECT_NE(v.findings[0].en.find("written as #6"), std::string::npos) << v.findings[0].en;
}

TEST_P(AuditChain, RewritingAndRehashingWithoutTheKeyIsNamed) {
  AddEntries(20);
  Witness();
  auto rows = Rows();
  // Change entry 8 and recompute every later hash with the plain SHA-256 rule: a consistent
  // chain to anyone without the key.
  std::string prev = rows[6].hash;
  for (size_t i = 7; i < rows.size(); ++i) {
    if (i == 7) rows[i].after_json = "{\"forged\":true}";
    rows[i].prev_hash = prev;
    rows[i].hash = AuditLog::ComputeHash(rows[i]);
    prev = rows[i].hash;
  }
  Attack([&](sql::Conn& conn) -> Status {
    for (size_t i = 7; i < rows.size(); ++i)
      KL_RETURN_IF_ERROR(Overwrite(conn, rows[i].id, rows[i]));
    return Status::Ok();
  });
  AuditVerification v;
  EXPECT_EQ(Found(false, &v), Codes{"rewritten@8"});
  EXPECT_NE(v.findings[0].en.find("without the key"), std::string::npos) << v.findings[0].en;
  EXPECT_NE(v.findings[0].en.find("#8–#" + Id(rows.back().id)), std::string::npos);
  Codes with_witness = Found(true);
  ASSERT_EQ(with_witness.size(), 2u);
  EXPECT_EQ(with_witness[1], "rewritten@" + Id(rows.back().id)) << "the witness's hash differs";
}

// The issued bulletin prints the chain head as it stood when it was issued: a copy of the head
// outside the database, in a document that is itself frozen.
TEST_P(AuditChain, AnIssuedBulletinPrintsTheChainHeadInItsFooter) {
  auto fgw = As("fgw");
  AuditHead before = *app().audit().Head(*app().repos().tx);
  ASSERT_EQ(fgw->Post("/api/v1/bulletins/202603/issue", "{}").status, 201);
  HttpResult html = fgw->Get("/api/v1/bulletins/202603");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("审计链：截至第 " + Id(before.last_id) + " 条"), std::string::npos)
      << html.body.substr(html.body.size() > 600 ? html.body.size() - 600 : 0);
  EXPECT_NE(html.body.find("hash " + before.hash), std::string::npos);
}

// The PDF and every sheet of the .xlsx of an issued bulletin carry the same head line as its
// HTML: the count, the last id and the hash that the witness recorded and `audit verify` reads.
TEST_P(AuditChain, TheIssuedPdfAndXlsxPrintTheSameChainHeadAsTheWitness) {
  auto fgw = As("fgw");
  Witness();
  auto marks = FileAuditWitness(app().audit_witness_file()).ReadMarks();
  ASSERT_TRUE(marks.ok() && !marks->empty());
  AuditHead witnessed = marks->back().head;
  auto verified = app().audit().Verify(*app().repos().tx, *marks);
  ASSERT_TRUE(verified.ok() && verified->ok());
  ASSERT_EQ(verified->head.last_id, witnessed.last_id);
  ASSERT_EQ(verified->head.hash, witnessed.hash);
  ASSERT_EQ(fgw->Post("/api/v1/bulletins/202603/issue", "{}").status, 201);
  std::string zh = "审计链：截至第" + Id(witnessed.last_id) + "条（共" +
                   std::to_string(witnessed.count) + "条），末条哈希" + witnessed.hash;

  HttpResult xlsx = fgw->Get("/api/v1/bulletins/202603?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  std::string error;
  auto sheets = documents::testing::ReadBack(xlsx.body, &error);
  ASSERT_FALSE(sheets.empty()) << error;
  for (const auto& sheet : sheets) {
    std::string last = sheet.rows.rbegin()->second.at(0).text;
    std::string flat;
    for (char ch : last)
      if (ch != ' ') flat += ch;
    EXPECT_EQ(flat.find(zh), 0u) << sheet.name << ": " << last;
  }

  HttpResult pdf = fgw->Get("/api/v1/bulletins/202603?format=pdf");
  ASSERT_EQ(pdf.status, 200);
  std::optional<std::string> text = PdfTextWithoutSpaces(pdf.body);
  if (!text) GTEST_SKIP() << "no pdftotext";
  const std::string& flat = *text;
  EXPECT_NE(flat.find(zh), std::string::npos)
      << flat.substr(flat.size() > 600 ? flat.size() - 600 : 0);

  // Published is frozen: a later write does not change the stored PDF.
  ASSERT_EQ(fgw->Post("/api/v1/bulletins/202603/issue", R"({"reason":"更正"})").status, 201);
  EXPECT_EQ(fgw->Get("/api/v1/bulletins/202603?format=pdf&version=1").body, pdf.body);
}

}  // namespace
}  // namespace keyline::testing
