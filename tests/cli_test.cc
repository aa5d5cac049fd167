// The keyline command line, run as a real process: migrate, seed-demo, user, audit verify,
// backup, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "testing/test_env.h"
#include "tests/test_server.h"

namespace keyline::testing {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

CliRun Keyline(const std::string& args, const std::string& stdin_text = "") {
  std::string cmd = std::string(KEYLINE_BINARY) + " " + args + " 2>&1";
  std::string input_file;
  if (!stdin_text.empty()) {
    input_file =
        std::filesystem::temp_directory_path() / ("keyline_stdin_" + std::to_string(getpid()));
    FILE* f = std::fopen(input_file.c_str(), "w");
    std::fputs(stdin_text.c_str(), f);
    std::fclose(f);
    cmd += " < " + input_file;
  } else {
    cmd += " < /dev/null";
  }
  CliRun run;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) run.output.append(buf.data(), n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (!input_file.empty()) std::filesystem::remove(input_file);
  return run;
}

class Cli : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kSqlite) {
      dir_ = std::make_unique<TempDir>();
      db_ = "sqlite:" + dir_->path() + "/cli.db";
      return;
    }
    KL_ASSIGN_FRESH_PG_URL_OR_SKIP(db_);
  }
  CliRun K(const std::string& args, const std::string& input = "") {
    return Keyline("--db '" + db_ + "' " + args, input);
  }
  std::unique_ptr<TempDir> dir_;
  std::string db_;
};
INSTANTIATE_TEST_SUITE_P(Backends, Cli, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return BackendName(info.param); });

TEST_P(Cli, SeedsTheDemoDistrictOnceAndPrintsTheLogins) {
  CliRun seed = K("seed-demo");
  ASSERT_EQ(seed.exit_code, 0) << seed.output;
  EXPECT_NE(seed.output.find("Keyline@2026"), std::string::npos) << seed.output;
  EXPECT_NE(seed.output.find("fgw"), std::string::npos);
  // A year of reporting comes with it: plans and monthly reports of the projects under way.
  EXPECT_NE(seed.output.find("annual plans"), std::string::npos) << seed.output;
  EXPECT_EQ(seed.output.find(" 0 monthly reports"), std::string::npos) << seed.output;
  CliRun again = K("seed-demo");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("not empty"), std::string::npos) << again.output;
  CliRun verify = K("audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_NE(verify.output.find("intact"), std::string::npos);
}

TEST_P(Cli, ManagesUsers) {
  ASSERT_EQ(K("seed-demo").exit_code, 0);
  CliRun weak = K("user add zhangsan --role supervisor --unit 1", "short\n");
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_NE(weak.output.find("密码"), std::string::npos) << weak.output;
  CliRun add = K("user add zhangsan --role supervisor --unit 1 --display 张三", "Zhang#San2026\n");
  ASSERT_EQ(add.exit_code, 0) << add.output;
  EXPECT_EQ(K("user add zhangsan --role supervisor --unit 1", "Zhang#San2026\n").exit_code, 1)
      << "duplicate";
  EXPECT_EQ(K("user add lisi --role emperor --unit 1", "Li#Si20260\n").exit_code, 2);
  EXPECT_EQ(K("user passwd zhangsan", "Other#Pass2026\n").exit_code, 0);
  EXPECT_EQ(K("user disable zhangsan").exit_code, 0);
  CliRun list = K("user list");
  ASSERT_EQ(list.exit_code, 0);
  size_t line = list.output.find("zhangsan");
  ASSERT_NE(line, std::string::npos) << list.output;
  EXPECT_NE(list.output.find("disabled", line), std::string::npos) << list.output;
  EXPECT_EQ(K("user enable zhangsan").exit_code, 0);
  EXPECT_EQ(K("user disable nobody").exit_code, 1);
}

TEST_P(Cli, RejectsBadCommandsWithUsage) {
  CliRun bad = K("frobnicate");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("Usage"), std::string::npos);
  EXPECT_EQ(Keyline("--db ftp://x migrate").exit_code, 1);
  EXPECT_EQ(K("audit").exit_code, 2);
}

TEST_P(Cli, BacksUpTheDatabase) {
  ASSERT_EQ(K("seed-demo").exit_code, 0);
  TempDir out;
  std::string file = out.path() + "/keyline.backup";
  CliRun backup = K("backup --out " + file);
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  EXPECT_GT(std::filesystem::file_size(file), 10000u);
  EXPECT_EQ(K("backup").exit_code, 2);
}

TEST(CliSqlite, BackupIsAConsistentCopyAndTamperingIsDetected) {
  TempDir dir;
  std::string db = "sqlite:" + dir.path() + "/live.db";
  ASSERT_EQ(Keyline("--db " + db + " seed-demo").exit_code, 0);
  std::string copy = dir.path() + "/copy.db";
  CliRun backup = Keyline("--db " + db + " backup --out " + copy);
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  CliRun verify_copy = Keyline("--db sqlite:" + copy + " audit verify");
  EXPECT_EQ(verify_copy.exit_code, 0) << verify_copy.output;

  std::string sql =
      "sqlite3 " + copy +
      " \"SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type='trigger' AND "
      "tbl_name='audit_log';\" | sqlite3 " +
      copy + " && sqlite3 " + copy + " \"UPDATE audit_log SET username='mallory' WHERE id=7;\"";
  ASSERT_EQ(std::system(sql.c_str()), 0);
  CliRun broken = Keyline("--db sqlite:" + copy + " audit verify");
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  EXPECT_NE(broken.output.find("entry 7"), std::string::npos) << broken.output;
}

// Published means frozen (issue 15): the demo's held meeting froze its agenda and minutes; the
// bulletin is issued from the command line; `audit verify` checks every snapshot's hash and
// names a snapshot changed in the database.
TEST(CliSqlite, IssuesTheBulletinAndAuditVerifyFindsATamperedSnapshot) {
  TempDir dir;
  std::string file = dir.path() + "/demo.db";
  std::string db = "--db sqlite:" + file + " ";
  ASSERT_EQ(Keyline(db + "seed-demo").exit_code, 0);
  CliRun verify = Keyline(db + "audit verify");
  ASSERT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_NE(verify.output.find("published snapshots intact: 2 snapshots"), std::string::npos)
      << verify.output;
  CliRun period = Keyline(db + "bulletin issue --period 202611");
  ASSERT_EQ(period.exit_code, 0) << period.output;
  EXPECT_NE(period.output.find("version 1"), std::string::npos) << period.output;
  CliRun again = Keyline(db + "bulletin issue --period 202611");
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_NE(again.output.find("reason"), std::string::npos) << again.output;
  ASSERT_EQ(Keyline(db + "bulletin issue --period 202611 --reason 更正").exit_code, 0);
  std::string v1 = dir.path() + "/v1.html";
  CliRun out = Keyline(db + "bulletin --period 202611 --format html --version 1 --out " + v1);
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_NE(out.output.find("issued version 1"), std::string::npos) << out.output;
  EXPECT_EQ(Keyline(db + "bulletin issue --period 202611 --colour red").exit_code, 2);
  verify = Keyline(db + "audit verify");
  ASSERT_EQ(verify.exit_code, 0) << verify.output;
  // 2 of the meeting + 3 per issue (the bulletin, its PDF, its .xlsx).
  EXPECT_NE(verify.output.find("8 snapshots"), std::string::npos) << verify.output;

  std::string sql = "sqlite3 " + file +
                    " \"DROP TRIGGER snapshots_no_update; UPDATE snapshots SET payload = "
                    "REPLACE(payload, '2026', '2027') WHERE id = 5;\"";
  ASSERT_EQ(std::system(sql.c_str()), 0);
  CliRun broken = Keyline(db + "audit verify");
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  EXPECT_NE(broken.output.find("snapshot 5 TAMPERED"), std::string::npos) << broken.output;
  CliRun refused = Keyline(db + "bulletin --period 202611 --format html --version 1 --out " + v1);
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("tampered"), std::string::npos) << refused.output;
}

// Documents out (issue 7): export ledger / oc4ids and the bulletin, and their bad input.
TEST(CliSqlite, ExportsTheLedgerOc4idsAndTheBulletinOfTheDemoDistrict) {
  TempDir dir;
  std::string db = "--db sqlite:" + dir.path() + "/demo.db ";
  ASSERT_EQ(Keyline(db + "seed-demo").exit_code, 0);
  auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  std::string ledger = dir.path() + "/台账.xlsx";
  CliRun all = Keyline(db + "export ledger --out '" + ledger + "'");
  ASSERT_EQ(all.exit_code, 0) << all.output;
  std::string ledger_bytes = read(ledger);
  EXPECT_EQ(ledger_bytes.substr(0, 2), "PK");
  std::string built = dir.path() + "/built.xlsx";
  ASSERT_EQ(Keyline(db + "export ledger --stage construction --out " + built).exit_code, 0);
  EXPECT_LT(read(built).size(), ledger_bytes.size());
  std::string oc4ids = dir.path() + "/oc4ids.json";
  ASSERT_EQ(Keyline(db + "export oc4ids --out " + oc4ids).exit_code, 0);
  boost::json::value package = boost::json::parse(read(oc4ids));
  EXPECT_EQ(package.at("version"), "0.9");
  EXPECT_GT(package.at("projects").as_array().size(), 10u);
  // The demo district carries plans and reports for the current year: the bulletin of last month
  // (January in January).
  const std::chrono::year_month_day today{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  const int year = static_cast<int>(today.year());
  const int month = static_cast<int>(static_cast<unsigned>(today.month()));
  const int bulletin_month = month > 1 ? month - 1 : 1;
  const std::string period = std::to_string(year * 100 + bulletin_month);
  const bool ranked_quarter = bulletin_month >= 3;  // a complete quarter of this year before it
  for (const char* format : {"pdf", "html", "xlsx"}) {
    std::string out = dir.path() + "/bulletin." + format;
    CliRun run =
        Keyline(db + "bulletin --period " + period + " --format " + format + " --out " + out);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_GT(std::filesystem::file_size(out), 1000u) << format;
  }
  EXPECT_EQ(read(dir.path() + "/bulletin.pdf").substr(0, 5), "%PDF-");
  std::string months = bulletin_month == 1 ? "1月" : "1—" + std::to_string(bulletin_month) + "月";
  EXPECT_NE(read(dir.path() + "/bulletin.html")
                .find("关于" + std::to_string(year) + "年" + months + "全区重点项目建设情况的通报"),
            std::string::npos);
  // The five rates by unit come from the live indicator engine.
  EXPECT_NE(read(dir.path() + "/bulletin.html").find("<th>储备项目开工率</th>"), std::string::npos);
  // Rankings with the change of rank, and the red and yellow lists with reasons, from the lights
  // and rankings services. The demo scheme is quarterly: the bulletin ranks the last complete
  // quarter; before this year's first quarter is complete it has no data (units with nothing
  // to measure are not ranked) and says so.
  std::string html = read(dir.path() + "/bulletin.html");
  if (ranked_quarter) {
    EXPECT_NE(html.find("<th>名次变化</th>"), std::string::npos);
  } else {
    EXPECT_NE(html.find("暂无数据"), std::string::npos);
  }
  EXPECT_NE(html.find("（一）红灯项目"), std::string::npos);
  EXPECT_NE(html.find("<th>原因</th>"), std::string::npos);

  // Bad input: a bilingual message, a non-zero exit, no file left behind.
  CliRun future =
      Keyline(db + "bulletin --period 209901 --format pdf --out " + dir.path() + "/f.pdf");
  EXPECT_EQ(future.exit_code, 1);
  EXPECT_NE(future.output.find("the period is in the future"), std::string::npos) << future.output;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/f.pdf"));
  EXPECT_EQ(Keyline(db + "bulletin --period 202602 --format docx --out x").exit_code, 2);
  EXPECT_EQ(Keyline(db + "bulletin --period 2026-02 --out x").exit_code, 2);
  EXPECT_EQ(Keyline(db + "bulletin --period 202602 --format pdf").exit_code, 2);
  CliRun bad_stage = Keyline(db + "export ledger --stage bogus --out " + dir.path() + "/b.xlsx");
  EXPECT_EQ(bad_stage.exit_code, 1);
  EXPECT_NE(bad_stage.output.find("取值无效"), std::string::npos) << bad_stage.output;
  EXPECT_EQ(Keyline(db + "export ledger").exit_code, 2);
  EXPECT_EQ(Keyline(db + "export pdf --out x").exit_code, 2);
  EXPECT_EQ(Keyline(db + "export oc4ids --project abc --out x").exit_code, 2);
}

}  // namespace
}  // namespace keyline::testing

namespace keyline::testing {
namespace {

// keyline import ledger (issue 7): dry run, import in one transaction, re-import unchanged.
TEST_P(Cli, ImportsALedgerWithADryRunFirst) {
  std::string dir = std::string(KEYLINE_SOURCE_DIR) + "/tests/fixtures/import/";
  CliRun dry = K("import ledger '" + dir + "ledger_lxw.xlsx' --dry-run");
  ASSERT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_NE(dry.output.find("新建 40，更新 0"), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find("总投资（万元）/合计 → 总投资"), std::string::npos) << dry.output;
  CliRun done = K("import ledger '" + dir + "ledger_lxw.xlsx'");
  ASSERT_EQ(done.exit_code, 0) << done.output;
  EXPECT_NE(done.output.find("已导入"), std::string::npos) << done.output;
  CliRun again = K("import ledger '" + dir + "ledger_lxw.xlsx' --dry-run");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("新建 0，更新 0，未变 40"), std::string::npos) << again.output;
  // Error rows: exit 1, each named with its row, and nothing written without --skip-errors.
  CliRun messy = K("import ledger '" + dir + "ledger_messy.xlsx'");
  EXPECT_EQ(messy.exit_code, 1) << messy.output;
  EXPECT_NE(messy.output.find("第9行"), std::string::npos) << messy.output;
  EXPECT_NE(messy.output.find("约3亿"), std::string::npos) << messy.output;
  EXPECT_EQ(K("import ledger '" + dir + "missing.xlsx'").exit_code, 1);
  EXPECT_EQ(K("import ledger '" + dir + "ledger_lxw.xlsx' --sheet x").exit_code, 2);
  EXPECT_EQ(K("import reports '" + dir + "reports_lo.xlsx'").exit_code, 2);  // no --period
  CliRun verify = K("audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

}  // namespace
}  // namespace keyline::testing
