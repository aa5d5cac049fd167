// The audit writer's cost (keyed chain, ids and the typed project in the hash), on a
// temporary SQLite database:
//
//   audit_write_bench [--benchmark_filter=...]
//
//   BM_Hash/legacy|keyed     the hash of one typical entry (a project update, ~600 bytes of
//                            before/after JSON): SHA-256 without id vs HMAC-SHA-256 with id
//   BM_Record/legacy|keyed   AuditLog::Record (entity parse, fact rule, head lookup, hash,
//                            INSERT), 100 entries per write transaction (the commit amortised),
//                            wall time (the SQLite writer thread does the work)
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "common/clock.h"
#include "core/service/audit_log.h"
#include "storage/repos/sql_store.h"

namespace keyline {
namespace {

std::string Payload(int n) {
  std::string json = "{\"id\":" + std::to_string(n) +
                     ",\"project_id\":42,\"name\":\"西安市雁塔区电子城街道某某产业园二期项目\","
                     "\"address\":\"电子六路与丈八东路十字东北角\",\"stage\":\"construction\"";
  for (int i = 0; i < 12; ++i) json += ",\"field_" + std::to_string(i) + "\":\"value value\"";
  return json + "}";
}

AuditEvent Typical() {
  AuditEvent e;
  e.id = 123456;
  e.at = 1796000000000;
  e.user_id = 7;
  e.username = "fgw";
  e.role = "supervisor";
  e.ip = "10.0.0.7";
  e.request_id = "req-0123456789";
  e.action = "update";
  e.entity = "monthly_report";
  e.entity_id = "9876";
  e.project_id = 42;
  e.before_json = Payload(1);
  e.after_json = Payload(2);
  e.prev_hash = std::string(64, 'a');
  return e;
}

void BM_Hash(benchmark::State& state) {
  AuditEvent e = Typical();
  std::string secret(32, 'k');
  for (auto _ : state) {
    benchmark::DoNotOptimize(state.range(0) ? AuditLog::ComputeKeyedHash(secret, e)
                                            : AuditLog::ComputeHash(e));
  }
}
BENCHMARK(BM_Hash)->ArgName("keyed")->Arg(0)->Arg(1);

void BM_Record(benchmark::State& state) {
  std::string dir = std::filesystem::temp_directory_path() /
                    ("keyline_audit_bench_" + std::to_string(state.range(0)));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto store = SqlStore::Open("sqlite:" + dir + "/bench.db", 2);
  if (!store.ok()) {
    state.SkipWithError(store.status().message_en().c_str());
    return;
  }
  SystemClock clock;
  AuditLog log(*(*store)->repos().audit, clock);
  if (state.range(0)) {
    AuditKeyRing ring;
    ring.keys.push_back({1, std::string(32, 'k')});
    log.SetKeys(ring);
  }
  Caller fgw = Caller::System("fgw");
  std::string before = Payload(1), after = Payload(2);
  int64_t n = 0;
  for (auto _ : state) {
    Status st = (*store)->repos().tx->Write([&](Tx& tx) -> Status {
      for (int i = 0; i < 100; ++i) {
        KL_RETURN_IF_ERROR(
            log.Record(tx, fgw, "update", "monthly_report", std::to_string(++n), before, after));
      }
      return Status::Ok();
    });
    if (!st.ok()) state.SkipWithError(st.message_en().c_str());
  }
  state.SetItemsProcessed(state.iterations() * 100);
  (*store)->db().Close();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_Record)
    ->ArgName("keyed")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace keyline

BENCHMARK_MAIN();
