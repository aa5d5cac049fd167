// The base of the storage contract tests of each feature: a fresh SqlStore per test on SQLite
// and, under scripts/with-pg.sh, on PostgreSQL (skipped when none is configured).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/repos/sql_store.h"
#include "testing/test_env.h"

namespace keyline::storage_test {

enum class Db { kSqlite, kPostgres };

// Fails the test (fatally) when a Status is not OK.
#define ASSERT_OK_S(expr)                        \
  do {                                           \
    ::keyline::Status kl_s_ = (expr);            \
    ASSERT_TRUE(kl_s_.ok()) << kl_s_.ToString(); \
  } while (0)

class StoreTest : public ::testing::TestWithParam<Db> {
 protected:
  // Opens the store. A subclass's SetUp calls it first and returns when it skipped or failed
  // (`if (!store_) return;`).
  void OpenStore() {
    std::string url;
    if (GetParam() == Db::kSqlite) {
      url = "sqlite:" + dir_.path() + "/keyline.db";
    } else {
      KL_ASSIGN_FRESH_PG_URL_OR_SKIP(url);
    }
    auto store = SqlStore::Open(url, 2);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  const Repositories& r() { return store_->repos(); }
  Status Write(const TxCallback& fn) { return store_->repos().tx->Write(fn); }
  Status Read(const TxCallback& fn) { return store_->repos().tx->Read(fn); }

  testing::TempDir dir_;
  std::unique_ptr<SqlStore> store_;
};

// Runs every test of Suite on both databases, named .../Sqlite and .../Postgres.
#define KL_INSTANTIATE_STORE_BACKENDS(Suite)                                               \
  INSTANTIATE_TEST_SUITE_P(                                                                \
      Backends, Suite,                                                                     \
      ::testing::Values(::keyline::storage_test::Db::kSqlite,                              \
                        ::keyline::storage_test::Db::kPostgres),                           \
      [](const auto& info) {                                                               \
        return info.param == ::keyline::storage_test::Db::kSqlite ? "Sqlite" : "Postgres"; \
      })

}  // namespace keyline::storage_test
