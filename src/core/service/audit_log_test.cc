// AuditLog over an in-memory log: the keyed chain covers ids, so a changed, deleted, moved or
// rehashed entry is named; a deleted tail is found only with the witness; legacy entries before
// the switch-over keep verifying under the old rule.
#include "core/service/audit_log.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace keyline {
namespace {

class FakeTx final : public Tx {};
class FakeTxRunner final : public TxRunner {
 public:
  Status Read(const TxCallback& fn) override { return fn(tx_); }
  Status Write(const TxCallback& fn) override { return fn(tx_); }

 private:
  FakeTx tx_;
};

// The log as a map id → entry (what an attacker edits with SQL).
class FakeLog final : public AuditRepository {
 public:
  Result<std::optional<std::string>> LockTail(Tx&) override {
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows.rbegin()->second.hash);
  }
  Result<std::optional<std::pair<int64_t, std::string>>> LockHead(Tx&) override {
    if (rows.empty()) return std::optional<std::pair<int64_t, std::string>>();
    return std::optional<std::pair<int64_t, std::string>>(
        std::make_pair(rows.rbegin()->first, rows.rbegin()->second.hash));
  }
  Result<AuditHead> ReadHead(Tx&) override {
    if (rows.empty()) return AuditHead{};
    return AuditHead{static_cast<int64_t>(rows.size()), rows.rbegin()->first,
                     rows.rbegin()->second.hash};
  }
  Result<int64_t> Append(Tx&, const AuditEvent& e) override {
    int64_t id = e.id > 0 ? e.id : (rows.empty() ? 0 : rows.rbegin()->first) + 3;  // gaps
    if (rows.count(id)) return Status::Conflict("dup", "duplicate id");
    rows[id] = e;
    rows[id].id = id;
    return id;
  }
  Result<PageOf<AuditEvent>> List(Tx&, const AuditQuery&) override { return PageOf<AuditEvent>{}; }
  Status Scan(Tx&, const std::function<bool(const AuditEvent&)>& fn) override {
    for (const auto& [id, e] : rows) {
      if (!fn(e)) break;
    }
    return Status::Ok();
  }
  std::map<int64_t, AuditEvent> rows;
};

class AuditLogTest : public ::testing::Test {
 protected:
  AuditLogTest() : clock_(1796000000000), log_(repo_, clock_) {}

  void Keyed(int64_t from = 1) {
    AuditKeyRing ring;
    ring.keys.push_back({from, std::string(32, 'k')});
    log_.SetKeys(ring);
  }
  void Write(int n) {
    for (int i = 0; i < n; ++i) {
      clock_.Advance(1000);
      Status st = tx_.Write([&](Tx& tx) {
        return log_.Record(tx, Caller::System(), "update", "project", std::to_string(i % 5 + 1),
                           "{\"name\":\"a\"}", "{\"name\":\"b" + std::to_string(i) + "\"}");
      });
      ASSERT_TRUE(st.ok()) << st.ToString();
    }
  }
  AuditVerification Verify(std::span<const AuditWitnessMark> marks = {}) {
    auto v = log_.Verify(tx_, marks);
    EXPECT_TRUE(v.ok());
    return *v;
  }
  AuditWitnessMark Mark() {
    auto head = log_.Head(tx_);
    EXPECT_TRUE(head.ok());
    return {clock_.NowMs(), *head};
  }
  static std::vector<std::string> Codes(const AuditVerification& v) {
    std::vector<std::string> out;
    for (const auto& f : v.findings) out.push_back(f.code + "@" + std::to_string(f.id));
    return out;
  }

  ManualClock clock_;
  FakeTxRunner tx_;
  FakeLog repo_;
  AuditLog log_;
};

TEST_F(AuditLogTest, KeyedEntriesHaveContiguousIdsTheirProjectAndAKeyedHash) {
  Keyed();
  Write(4);
  ASSERT_EQ(repo_.rows.size(), 4u);
  int64_t expected = 1;
  for (const auto& [id, e] : repo_.rows) {
    EXPECT_EQ(id, expected++);
    EXPECT_GE(e.project_id, 1);
    EXPECT_EQ(e.hash, AuditLog::ComputeKeyedHash(std::string(32, 'k'), e));
    EXPECT_NE(e.hash, AuditLog::ComputeHash(e));
  }
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok()) << v.problem;
  EXPECT_EQ(v.entries, 4);
  EXPECT_EQ(v.keyed_from, 1);
  EXPECT_EQ(v.head.last_id, 4);
}

TEST_F(AuditLogTest, AnUnmappedEntityOrPayloadIsRefused) {
  Keyed();
  Status unknown = tx_.Write(
      [&](Tx& tx) { return log_.Record(tx, Caller::System(), "create", "gadget", "1", "", "{}"); });
  EXPECT_EQ(unknown.code(), ErrorCode::kInternal);
  EXPECT_NE(unknown.message_en().find("gadget"), std::string::npos);
  Status no_project = tx_.Write([&](Tx& tx) {
    return log_.Record(tx, Caller::System(), "create", "monthly_report", "1", "", "{\"id\":1}");
  });
  EXPECT_EQ(no_project.code(), ErrorCode::kInternal);
  EXPECT_TRUE(repo_.rows.empty());
}

TEST_F(AuditLogTest, AChangedEntryIsNamed) {
  Keyed();
  Write(10);
  repo_.rows[4].after_json = "{\"name\":\"forged\"}";
  AuditVerification v = Verify();
  EXPECT_EQ(Codes(v), std::vector<std::string>{"changed@4"});
  EXPECT_EQ(v.first_broken_id, 4);
  EXPECT_NE(v.findings[0].zh.find("被改动"), std::string::npos);
}

TEST_F(AuditLogTest, AChangedIdIsAMovedEntry) {
  Keyed();
  Write(10);
  std::swap(repo_.rows[3], repo_.rows[6]);  // swap two entries' contents, ids stay
  repo_.rows[3].id = 3;
  repo_.rows[6].id = 6;
  AuditVerification v = Verify();
  // The broken links after each moved entry are its consequence, not reported again.
  EXPECT_EQ(Codes(v), (std::vector<std::string>{"moved@3", "moved@6"}));
  EXPECT_NE(v.findings[0].en.find("written as #6"), std::string::npos) << v.findings[0].en;
}

TEST_F(AuditLogTest, DeletedEntriesInTheMiddleAreNamed) {
  Keyed();
  Write(10);
  repo_.rows.erase(5);
  repo_.rows.erase(6);
  AuditVerification v = Verify();
  EXPECT_EQ(Codes(v), std::vector<std::string>{"deleted@7"});
  EXPECT_NE(v.findings[0].en.find("#5–#6"), std::string::npos) << v.findings[0].en;
}

TEST_F(AuditLogTest, ADeletedTailIsFoundOnlyWithTheWitness) {
  Keyed();
  Write(10);
  std::vector<AuditWitnessMark> marks{Mark()};
  for (int64_t id = 8; id <= 10; ++id) repo_.rows.erase(id);
  EXPECT_TRUE(Verify().ok()) << "a shorter chain is a valid chain without the witness";
  AuditVerification v = Verify(marks);
  EXPECT_EQ(Codes(v), std::vector<std::string>{"truncated@8"});
  EXPECT_NE(v.findings[0].en.find("10 entries up to #10"), std::string::npos) << v.findings[0].en;
  repo_.rows.clear();
  EXPECT_EQ(Codes(Verify(marks)), std::vector<std::string>{"truncated@1"});
}

TEST_F(AuditLogTest, RewritingWithoutTheKeyIsNamedAndWithTheKeyOnlyTheWitnessSeesIt) {
  Keyed();
  Write(10);
  std::vector<AuditWitnessMark> marks{Mark()};
  // An attacker without the key edits entry 3 and recomputes every later hash by the old rule.
  repo_.rows[3].after_json = "{\"name\":\"forged\"}";
  std::string prev = repo_.rows[2].hash;
  for (auto& [id, e] : repo_.rows) {
    if (id < 3) continue;
    e.prev_hash = prev;
    e.hash = AuditLog::ComputeHash(e);
    prev = e.hash;
  }
  AuditVerification v = Verify();
  EXPECT_EQ(Codes(v), std::vector<std::string>{"rewritten@3"});
  EXPECT_NE(v.findings[0].en.find("#3–#10"), std::string::npos) << v.findings[0].en;
  // With the key (an operator holding the key file) the chain verifies, and only the witness
  // finds the rewrite.
  prev = repo_.rows[2].hash;
  for (auto& [id, e] : repo_.rows) {
    if (id < 3) continue;
    e.prev_hash = prev;
    e.hash = AuditLog::ComputeKeyedHash(std::string(32, 'k'), e);
    prev = e.hash;
  }
  EXPECT_TRUE(Verify().ok());
  EXPECT_EQ(Codes(Verify(marks)), std::vector<std::string>{"rewritten@10"});
}

TEST_F(AuditLogTest, LegacyEntriesVerifyUpToTheSwitchOverAndKeyedOnesAfter) {
  Write(4);  // no key: the old rule, ids drawn by the database (with gaps)
  ASSERT_EQ(repo_.rows.rbegin()->first, 12);
  int64_t from = repo_.rows.rbegin()->first + 1;
  Keyed(from);
  Write(3);
  EXPECT_EQ(repo_.rows.rbegin()->first, from + 2);
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok()) << v.problem;
  EXPECT_EQ(v.entries, 7);
  EXPECT_EQ(v.keyed_from, from);
  // A legacy entry edited and rehashed is still found by the link to the next entry.
  repo_.rows[6].username = "mallory";
  repo_.rows[6].hash = AuditLog::ComputeHash(repo_.rows[6]);
  EXPECT_EQ(Codes(Verify()), std::vector<std::string>{"link_broken@9"});
}

TEST_F(AuditLogTest, AWitnessCountDifferenceIsNamed) {
  Write(3);  // legacy: gaps are allowed, so a missing middle entry shows as a broken link
  std::vector<AuditWitnessMark> marks{Mark()};
  marks[0].head.count = 5;
  EXPECT_EQ(Codes(Verify(marks)), std::vector<std::string>{"witness_mismatch@9"});
}

}  // namespace
}  // namespace keyline
