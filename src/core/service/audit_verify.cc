// AuditLog::Verify: walks the chain once, names every break it finds (changed, moved, deleted,
// rewritten without the key) and compares the head with the witness marks (truncated,
// rewritten). See audit_log.h for the two hash rules.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "common/date.h"
#include "core/service/audit_log.h"

namespace keyline {
namespace {

std::string Id(int64_t id) { return "#" + std::to_string(id); }

std::string When(int64_t at_ms) {
  Date d = Date::FromUnixMsBeijing(at_ms);
  int64_t minutes = (at_ms / 60000 + 8 * 60) % (24 * 60);  // Beijing time of day
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02lld:%02lld", d.year, d.month, d.day,
                static_cast<long long>(minutes / 60), static_cast<long long>(minutes % 60));
  return buf;
}

// Collects findings while the chain is scanned.
class Checker {
 public:
  Checker(const AuditKeyRing& keys, std::span<const AuditWitnessMark> marks) : keys_(keys) {
    for (const AuditWitnessMark& m : marks) {
      if (m.head.last_id > 0) by_id_.emplace(m.head.last_id, &m);
      if (!latest_ || m.head.last_id > latest_->head.last_id) latest_ = &m;
    }
  }

  void See(const AuditEvent& e) {
    ++count_;
    bool keyed = keys_.For(e.id) != nullptr;
    bool content_ok = AuditLog::ExpectedHash(keys_, e) == e.hash;
    bool link_ok = e.prev_hash == expected_prev_;
    bool gap = keyed && e.id != prev_id_ + 1;
    bool flagged = false;
    if (gap && e.id > prev_id_ + 1) {
      Add("deleted", e.id, false,
          "条目 " + Range(prev_id_ + 1, e.id - 1) + " 被删除（带密钥的审计链编号应连续）",
          "entries " + Range(prev_id_ + 1, e.id - 1) +
              " were deleted (the keyed chain's ids are contiguous)");
      flagged = true;
    }
    if (!content_ok) {
      if (int64_t written_as = MovedFrom(e); written_as != 0) {
        Add("moved", e.id, link_ok,
            "条目 " + Id(e.id) + " 原为条目 " + Id(written_as) + "：审计条目被调换或移动",
            "the entry stored as " + Id(e.id) + " was written as " + Id(written_as) +
                ": entries were swapped or moved");
      } else if (keyed && (e.hash == AuditLog::ComputeHash(e) ||
                           e.hash == AuditLog::ComputeKeyedHash("", e))) {
        Add("rewritten", e.id, link_ok,
            "条目 " + Id(e.id) + " 的哈希不是用审计密钥算出的：条目被改动并无密钥地重算",
            "entry " + Id(e.id) +
                " carries a hash computed without the audit key: it was changed and rehashed");
      } else {
        Add("changed", e.id, link_ok, "条目 " + Id(e.id) + " 的内容被改动（与其哈希不符）",
            "entry " + Id(e.id) + " was changed (its content does not match its hash)");
      }
      flagged = true;
    } else if (!link_ok && !flagged && !prev_flagged_) {
      Add("link_broken", e.id, false,
          "条目 " + Id(e.id) + " 之前的条目被改动、删除或插入（前序哈希不符）",
          "an entry before " + Id(e.id) +
              " was changed, deleted or inserted (its prev_hash does not match " + Id(prev_id_) +
              ")");
      flagged = true;
    }
    prev_flagged_ = flagged;
    expected_prev_ = e.hash;
    prev_id_ = e.id;
    auto [from, to] = by_id_.equal_range(e.id);
    for (auto it = from; it != to; ++it) CompareWithMark(*it->second, e);
  }

  AuditVerification Finish() {
    AuditVerification v;
    v.entries = count_;
    v.keyed_from = keys_.keyed_from();
    v.head = {count_, prev_id_, prev_id_ ? expected_prev_ : ""};
    if (latest_ && latest_->head.last_id > prev_id_) {
      const AuditHead& w = latest_->head;
      Add("truncated", prev_id_ + 1, false,
          "审计日志末尾被删除：见证（" + When(latest_->at_ms) + "）记录了截至条目 " +
              Id(w.last_id) + " 共 " + std::to_string(w.count) + " 条，数据库只有截至 " +
              Id(prev_id_) + " 的 " + std::to_string(count_) + " 条",
          "the audit log was truncated: the witness of " + When(latest_->at_ms) + " saw " +
              std::to_string(w.count) + " entries up to " + Id(w.last_id) +
              ", the database ends at " + Id(prev_id_) + " with " + std::to_string(count_));
    } else if (!keys_.keys.empty() && prev_id_ < keys_.keys.back().from_id - 1) {
      int64_t from = keys_.keys.back().from_id;
      Add("truncated", prev_id_ + 1, false,
          "审计日志末尾被删除：密钥文件记录自条目 " + Id(from) + " 起启用新密钥，数据库只到 " +
              Id(prev_id_),
          "the audit log was truncated: the key file starts a key at " + Id(from) +
              ", the database ends at " + Id(prev_id_));
    }
    for (const auto& [id, mark] : by_id_) {
      if (id <= prev_id_ && !seen_ids_.count(id)) {
        Add("deleted", id, false,
            "见证（" + When(mark->at_ms) + "）记录的条目 " + Id(id) + " 已不在数据库中",
            "entry " + Id(id) + ", recorded by the witness of " + When(mark->at_ms) +
                ", is missing from the database");
        seen_ids_.insert(id);
      }
    }
    MergeRewrittenRuns();
    std::stable_sort(findings_.begin(), findings_.end(),
                     [](const Raw& a, const Raw& b) { return a.f.id < b.f.id; });
    for (Raw& r : findings_) {
      if (v.findings.size() >= AuditLog::kMaxFindings) break;
      v.findings.push_back(std::move(r.f));
    }
    if (!v.findings.empty()) {
      v.first_broken_id = v.findings.front().id;
      v.problem = v.findings.front().en;
    }
    return v;
  }

 private:
  struct Raw {
    AuditFinding f;
    bool link_ok = false;
  };

  static std::string Range(int64_t from, int64_t to) {
    return from == to ? Id(from) : Id(from) + "–" + Id(to);
  }

  void Add(std::string code, int64_t id, bool link_ok, std::string zh, std::string en) {
    if (findings_.size() > 4 * AuditLog::kMaxFindings) return;  // enough to name the damage
    findings_.push_back({{std::move(code), id, std::move(zh), std::move(en)}, link_ok});
  }

  // The id a keyed entry was written as, when its hash verifies under a nearby id; else 0.
  int64_t MovedFrom(const AuditEvent& e) const {
    if (!keys_.For(e.id)) return 0;
    AuditEvent other = e;
    for (int64_t d = 1; d <= 16; ++d) {
      for (int64_t id : {e.id - d, e.id + d}) {
        const AuditKey* key = id > 0 ? keys_.For(id) : nullptr;
        if (!key) continue;
        other.id = id;
        if (AuditLog::ComputeKeyedHash(key->secret, other) == e.hash) return id;
      }
    }
    return 0;
  }

  void CompareWithMark(const AuditWitnessMark& m, const AuditEvent& e) {
    seen_ids_.insert(e.id);
    if (m.head.hash != e.hash) {
      Add("rewritten", e.id, false,
          "条目 " + Id(e.id) + " 与见证（" + When(m.at_ms) + "）记录的哈希不同：审计链被重写",
          "entry " + Id(e.id) + " differs from the hash the witness of " + When(m.at_ms) +
              " recorded: the chain was rewritten");
    } else if (m.head.count != count_) {
      Add("witness_mismatch", e.id, false,
          "见证（" + When(m.at_ms) + "）记录截至条目 " + Id(e.id) + " 共 " +
              std::to_string(m.head.count) + " 条，数据库有 " + std::to_string(count_) + " 条",
          "the witness of " + When(m.at_ms) + " counted " + std::to_string(m.head.count) +
              " entries up to " + Id(e.id) + ", the database has " + std::to_string(count_));
    }
  }

  // Consecutive changed entries that still link to each other, at least one of them carrying a
  // hash computed without the key, were recomputed by someone without the key: one "rewritten"
  // finding for the run instead of one per entry.
  void MergeRewrittenRuns() {
    auto in_run = [](const Raw& r) { return r.f.code == "changed" || r.f.code == "rewritten"; };
    std::vector<Raw> out;
    for (size_t i = 0; i < findings_.size();) {
      size_t j = i + 1;
      bool unkeyed = findings_[i].f.code == "rewritten";
      if (in_run(findings_[i])) {
        while (j < findings_.size() && in_run(findings_[j]) && findings_[j].link_ok &&
               findings_[j].f.id == findings_[j - 1].f.id + 1) {
          unkeyed = unkeyed || findings_[j].f.code == "rewritten";
          ++j;
        }
      }
      if (j - i >= 2 && unkeyed) {
        int64_t a = findings_[i].f.id;
        int64_t b = findings_[j - 1].f.id;
        out.push_back({{"rewritten", a,
                        "条目 " + Range(a, b) + " 的哈希不是用审计密钥算出的：审计链被无密钥地重算",
                        "entries " + Range(a, b) +
                            " do not carry the key's MAC but link to each other: the chain was "
                            "recomputed without the key"},
                       false});
      } else {
        for (size_t k = i; k < j; ++k) out.push_back(std::move(findings_[k]));
      }
      i = j;
    }
    findings_ = std::move(out);
  }

  const AuditKeyRing& keys_;
  std::multimap<int64_t, const AuditWitnessMark*> by_id_;
  const AuditWitnessMark* latest_ = nullptr;
  std::set<int64_t> seen_ids_;
  std::vector<Raw> findings_;
  std::string expected_prev_ = AuditLog::kGenesisHash;
  int64_t prev_id_ = 0;
  int64_t count_ = 0;
  bool prev_flagged_ = false;
};

}  // namespace

Result<AuditVerification> AuditLog::Verify(TxRunner& tx_runner,
                                           std::span<const AuditWitnessMark> marks) {
  Checker checker(keys_, marks);
  Status st = tx_runner.Read([&](Tx& tx) {
    return repo_.Scan(tx, [&](const AuditEvent& e) {
      checker.See(e);
      return true;
    });
  });
  if (!st.ok()) return st;
  AuditVerification v = checker.Finish();
  v.witness_marks = static_cast<int64_t>(marks.size());
  return v;
}

}  // namespace keyline
