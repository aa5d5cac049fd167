// SnapshotService over in-memory fakes: versions and reasons, the hash and the audit entry of
// each publication, tamper detection on read and by Verify (changed payload, payload and hash
// rewritten together, a deleted snapshot, a snapshot added outside Keyline).
#include "core/service/snapshot_service.h"

#include <gtest/gtest.h>

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

class FakeSnapshots final : public SnapshotRepository {
 public:
  Result<int64_t> Insert(Tx&, const Snapshot& s) override {
    for (const auto& [id, row] : rows) {
      if (row.kind == s.kind && row.subject == s.subject && row.version == s.version) {
        return Status::Conflict("重复", "duplicate");
      }
    }
    Snapshot row = s;
    row.id = next_id++;
    rows[row.id] = row;
    return row.id;
  }
  Result<std::optional<Snapshot>> Latest(Tx&, SnapshotKind kind,
                                         const std::string& subject) override {
    std::optional<Snapshot> out;
    for (const auto& [id, row] : rows) {
      if (row.kind == kind && row.subject == subject) out = row;
    }
    return out;
  }
  Result<Snapshot> Get(Tx&, SnapshotKind kind, const std::string& subject,
                       int64_t version) override {
    for (const auto& [id, row] : rows) {
      if (row.kind == kind && row.subject == subject && row.version == version) return row;
    }
    return Status::NotFound("无", "none");
  }
  Result<std::vector<Snapshot>> Versions(Tx&, SnapshotKind kind,
                                         const std::string& subject) override {
    std::vector<Snapshot> out;
    for (const auto& [id, row] : rows) {
      if (row.kind == kind && row.subject == subject) out.push_back(row);
    }
    return out;
  }
  Status Scan(Tx&, const std::function<bool(const Snapshot&)>& fn) override {
    for (const auto& [id, row] : rows) {
      if (!fn(row)) break;
    }
    return Status::Ok();
  }
  std::map<int64_t, Snapshot> rows;
  int64_t next_id = 1;
};

class FakeAudit final : public AuditRepository {
 public:
  Result<std::optional<std::string>> LockTail(Tx&) override {
    if (events.empty()) return std::optional<std::string>();
    return std::optional<std::string>(events.back().hash);
  }
  Result<std::optional<std::pair<int64_t, std::string>>> LockHead(Tx&) override {
    if (events.empty()) return std::optional<std::pair<int64_t, std::string>>();
    return std::optional<std::pair<int64_t, std::string>>(
        std::make_pair(events.back().id, events.back().hash));
  }
  Result<AuditHead> ReadHead(Tx&) override {
    if (events.empty()) return AuditHead{};
    return AuditHead{static_cast<int64_t>(events.size()), events.back().id, events.back().hash};
  }
  Result<int64_t> Append(Tx&, const AuditEvent& e) override {
    events.push_back(e);
    events.back().id = static_cast<int64_t>(events.size());
    return events.back().id;
  }
  Result<PageOf<AuditEvent>> List(Tx&, const AuditQuery&) override { return PageOf<AuditEvent>{}; }
  Status Scan(Tx&, const std::function<bool(const AuditEvent&)>& fn) override {
    for (const AuditEvent& e : events) {
      if (!fn(e)) break;
    }
    return Status::Ok();
  }
  std::vector<AuditEvent> events;
};

class SnapshotServiceTest : public ::testing::Test {
 protected:
  SnapshotServiceTest() : clock_(1796000000000), log_(audit_, clock_) {}
  Caller Fgw() {
    Caller c;
    c.user_id = 7;
    c.username = "fgw";
    c.role = Role::kSupervisor;
    return c;
  }
  Result<Snapshot> Publish(const std::string& payload, const std::string& reason = "") {
    Snapshot out;
    Status st = tx_.Write([&](Tx& tx) -> Status {
      KL_ASSIGN_OR_RETURN(
          out, service_.PublishIn(tx, Fgw(), SnapshotKind::kBulletin, "202611", payload, reason));
      return Status::Ok();
    });
    if (!st.ok()) return st;
    return out;
  }

  ManualClock clock_;
  FakeTxRunner tx_;
  FakeSnapshots repo_;
  FakeAudit audit_;
  AuditLog log_;
  SnapshotService service_{tx_, repo_, audit_, log_, clock_};
};

TEST_F(SnapshotServiceTest, FirstPublicationIsVersionOneHashedAndAudited) {
  auto s = Publish(R"({"total":"512,000.00"})");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->version, 1);
  EXPECT_EQ(s->created_by, 7);
  EXPECT_EQ(s->created_by_name, "fgw");
  EXPECT_EQ(s->created_at, 1796000000000);
  EXPECT_EQ(s->sha256.size(), 64u);
  EXPECT_EQ(s->sha256, SnapshotHash(*s));
  ASSERT_EQ(audit_.events.size(), 1u);
  EXPECT_EQ(audit_.events[0].action, "publish");
  EXPECT_EQ(audit_.events[0].entity, "snapshot");
  EXPECT_EQ(audit_.events[0].entity_id, std::to_string(s->id));
  EXPECT_NE(audit_.events[0].after_json.find("\"sha256\":\"" + s->sha256 + "\""),
            std::string::npos);
  auto latest = service_.Latest(SnapshotKind::kBulletin, "202611");
  ASSERT_TRUE(latest.ok());
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->payload, R"({"total":"512,000.00"})");
  EXPECT_FALSE(service_.Latest(SnapshotKind::kBulletin, "202610")->has_value());
  EXPECT_FALSE(service_.Latest(SnapshotKind::kRanking, "202611")->has_value());
}

TEST_F(SnapshotServiceTest, ReissuingNeedsAReasonAndKeepsTheOldVersion) {
  ASSERT_TRUE(Publish("v1").ok());
  auto again = Publish("v2");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kInvalidArgument);
  ASSERT_EQ(again.status().details().size(), 1u);
  EXPECT_EQ(again.status().details()[0].field, "reason");
  EXPECT_NE(again.status().message_zh().find("重新印发须填写原因"), std::string::npos);
  EXPECT_EQ(Publish("v2", std::string(501, 'x')).status().code(), ErrorCode::kInvalidArgument);
  auto v2 = Publish("v2", "更正教育局统计口径");
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->reason, "更正教育局统计口径");
  EXPECT_EQ(service_.Get(SnapshotKind::kBulletin, "202611", 1)->payload, "v1");
  EXPECT_EQ(service_.Latest(SnapshotKind::kBulletin, "202611")->value().payload, "v2");
  auto versions = service_.Versions(SnapshotKind::kBulletin, "202611");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ(service_.Get(SnapshotKind::kBulletin, "202611", 3).status().code(),
            ErrorCode::kNotFound);
  auto verified = service_.Verify();
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified->snapshots, 2);
  EXPECT_FALSE(verified->first_broken_id);
}

TEST_F(SnapshotServiceTest, AChangedPayloadIsRefusedOnReadAndFoundByVerify) {
  auto s = Publish(R"({"total":"512,000.00"})");
  ASSERT_TRUE(s.ok());
  repo_.rows[s->id].payload = R"({"total":"612,000.00"})";
  auto read = service_.Latest(SnapshotKind::kBulletin, "202611");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), ErrorCode::kInternal);
  EXPECT_NE(read.status().message_zh().find("篡改"), std::string::npos);
  EXPECT_NE(read.status().message_en().find("tampered"), std::string::npos);
  EXPECT_FALSE(service_.Get(SnapshotKind::kBulletin, "202611", 1).ok());
  auto v = service_.Verify();
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->first_broken_id, s->id);
  EXPECT_NE(v->problem.find("does not match its hash"), std::string::npos);
}

TEST_F(SnapshotServiceTest, RewritingPayloadAndHashTogetherIsFoundThroughTheAuditLog) {
  auto s = Publish("v1");
  ASSERT_TRUE(s.ok());
  Snapshot& row = repo_.rows[s->id];
  row.payload = "forged";
  row.sha256 = SnapshotHash(row);
  EXPECT_TRUE(service_.Latest(SnapshotKind::kBulletin, "202611").ok());  // self-consistent
  auto v = service_.Verify();
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->first_broken_id, s->id);
  EXPECT_NE(v->problem.find("audit log recorded"), std::string::npos);
}

TEST_F(SnapshotServiceTest, DeletedAndSmuggledSnapshotsAreFound) {
  auto s = Publish("v1");
  ASSERT_TRUE(s.ok());
  Snapshot copy = repo_.rows[s->id];
  repo_.rows.clear();
  auto deleted = service_.Verify();
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->first_broken_id, s->id);
  EXPECT_NE(deleted->problem.find("deleted"), std::string::npos);

  repo_.rows[s->id] = copy;
  copy.id = 99;
  copy.version = 2;
  copy.sha256 = SnapshotHash(copy);
  repo_.rows[99] = copy;
  auto smuggled = service_.Verify();
  ASSERT_TRUE(smuggled.ok());
  EXPECT_EQ(smuggled->first_broken_id, 99);
  EXPECT_NE(smuggled->problem.find("outside Keyline"), std::string::npos);
}

TEST(SnapshotHashTest, CoversEveryFieldButIdAndHash) {
  Snapshot a;
  a.subject = "202611";
  a.version = 1;
  a.payload = "{}";
  std::string base = SnapshotHash(a);
  Snapshot b = a;
  b.id = 5;
  b.sha256 = "x";
  EXPECT_EQ(SnapshotHash(b), base);
  for (auto change : std::vector<std::function<void(Snapshot&)>>{
           [](Snapshot& s) { s.kind = SnapshotKind::kRanking; },
           [](Snapshot& s) { s.subject = "202612"; }, [](Snapshot& s) { s.version = 2; },
           [](Snapshot& s) { s.reason = "r"; }, [](Snapshot& s) { s.created_by = 1; },
           [](Snapshot& s) { s.created_by_name = "x"; }, [](Snapshot& s) { s.created_at = 1; },
           [](Snapshot& s) { s.payload = "{ }"; }}) {
    Snapshot c = a;
    change(c);
    EXPECT_NE(SnapshotHash(c), base);
  }
}

}  // namespace
}  // namespace keyline
