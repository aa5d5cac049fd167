#include "testing/test_env.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

namespace keyline::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base && *base ? base : "/tmp") + "/keyline-test-XXXXXX";
  char* made = mkdtemp(templ.data());
  path_ = made ? made : templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string PgTestUrl() {
  const char* dsn = std::getenv("PG_TEST_DSN");
  return dsn ? dsn : "";
}

bool PgRequired() {
  const char* req = std::getenv("KEYLINE_REQUIRE_PG");
  return req && std::string(req) == "1";
}

std::string CreateFreshPgDatabase(std::string* error) {
  std::string base = PgTestUrl();
  if (base.empty()) {
    *error = "PG_TEST_DSN is not set";
    return "";
  }
  static std::atomic<int> counter{0};
  std::random_device rd;
  std::string name = "kl_t_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
                     std::to_string(rd() % 100000);
  PGconn* conn = PQconnectdb(base.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    *error = PQerrorMessage(conn);
    PQfinish(conn);
    return "";
  }
  PGresult* res = PQexec(conn, ("CREATE DATABASE " + name).c_str());
  bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  if (!ok) *error = PQresultErrorMessage(res);
  PQclear(res);
  PQfinish(conn);
  if (!ok) return "";
  // Replace the database name in the URL: postgresql://host:port/DB?params
  std::string url = base;
  size_t scheme = url.find("://");
  size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  size_t q = url.find('?', slash == std::string::npos ? 0 : slash);
  if (slash == std::string::npos) return url + "/" + name;
  return url.substr(0, slash + 1) + name + (q == std::string::npos ? "" : url.substr(q));
}

}  // namespace keyline::testing
