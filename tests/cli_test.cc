// The keyline command line, run as a real process: migrate, seed-demo, setup, user, audit
// verify, backup, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "app/keyline_app.h"
#include "core/service/reference_service.h"
#include "core/service/user_service.h"
#include "testing/test_env.h"
#include "tests/cli_run.h"
#include "tests/http_client.h"
#include "tests/test_server.h"

namespace keyline::testing {
namespace {

class Cli : public FreshDatabaseTest {
 protected:
  CliRun K(const std::string& args, const std::string& input = "") {
    return Keyline("--db '" + db_ + "' " + args, input);
  }
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
  {
    CliRun seeded = K("seed-demo");
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  }
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
  {
    CliRun seeded = K("seed-demo");
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  }
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

// Published means frozen: the demo's held meeting froze its agenda and minutes; the
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

// Documents out: export ledger / oc4ids and the bulletin, and their bad input.
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

// keyline import ledger: dry run, import in one transaction, re-import unchanged.
// The office's own export comes back unchanged (text as written, full-width
// punctuation included — before, the demo's export re-imported as 143 "updates").
TEST(CliSqlite, TheDemoLedgerExportReimportsUnchanged) {
  TempDir dir;
  std::string db = "--db sqlite:" + dir.path() + "/demo.db ";
  ASSERT_EQ(Keyline(db + "seed-demo").exit_code, 0);
  std::string ledger = dir.path() + "/台账.xlsx";
  ASSERT_EQ(Keyline(db + "export ledger --out '" + ledger + "'").exit_code, 0);
  CliRun dry = Keyline(db + "import ledger '" + ledger + "' --dry-run");
  EXPECT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_NE(dry.output.find("新建 0，更新 0，未变 "), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find("，错误 0"), std::string::npos) << dry.output;
}

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

// keyline import ledger --map: short names match the demo district's units; the
// dry run lists the one it cannot place; a mapping file creates it and saves the aliases.
TEST_P(Cli, ImportsShortUnitNamesWithAMappingFile) {
  {
    CliRun seeded = K("seed-demo");
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  }
  std::string ledger =
      std::string(KEYLINE_SOURCE_DIR) + "/tests/fixtures/import/ledger_short_names.xlsx";
  CliRun dry = K("import ledger '" + ledger + "' --dry-run");
  EXPECT_EQ(dry.exit_code, 1) << dry.output;
  EXPECT_NE(dry.output.find("待对应的名称"), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find("责任单位「区大数据局」 未登记 unknown，第9行"), std::string::npos)
      << dry.output;
  EXPECT_EQ(dry.output.find("「区住建局」"), std::string::npos) << dry.output;  // matched
  EXPECT_EQ(dry.output.find("「电子城街道」"), std::string::npos) << dry.output;
  std::string map = (dir_ ? dir_->path() : std::filesystem::temp_directory_path().string()) +
                    "/map_" + std::to_string(getpid()) + ".csv";
  auto write = [&](const std::string& text) { std::ofstream(map, std::ios::binary) << text; };
  write("field,value,target\nresponsible_unit,区城改办,nonsense:x\n");
  CliRun bad = K("import ledger '" + ledger + "' --map '" + map + "'");
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("第2行"), std::string::npos) << bad.output;
  write(
      "field,value,target\nresponsible_unit,区大数据局,new:department\n"
      "responsible_unit,\"区城改办\",西安市雁塔区城中村和棚户区改造事务中心\n");
  CliRun done = K("import ledger '" + ledger + "' --map '" + map + "'");
  ASSERT_EQ(done.exit_code, 0) << done.output;
  EXPECT_NE(done.output.find("新建 7"), std::string::npos) << done.output;
  EXPECT_NE(done.output.find("新建单位 1，新建人员 0，保存别名 1"), std::string::npos)
      << done.output;
  CliRun again = K("import ledger '" + ledger + "' --dry-run");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("新建 0，更新 0，未变 7"), std::string::npos) << again.output;
  EXPECT_EQ(again.output.find("待对应的名称"), std::string::npos) << again.output;
  std::filesystem::remove(map);
  EXPECT_EQ(K("audit verify").exit_code, 0);
}

}  // namespace
}  // namespace keyline::testing

// keyline setup: a real district's first step on a blank database.
namespace keyline::testing {
namespace {

constexpr const char* kSetupPassword = "Yanta#Office2026\n";
constexpr const char* kSetupArgs =
    "setup --office 雁塔区发展和改革委员会 --region 610113 --admin wang --admin-name 王某";

// What the database holds, read in-process.
struct DbCounts {
  size_t regions = 0;
  int64_t units = 0;
  size_t users = 0;
  int64_t audit_entries = 0;
};

DbCounts Count(const std::string& db) {
  DbCounts c;
  Config config;
  config.db_url = db;
  config.pool_size = 2;
  auto app = KeylineApp::Open(config);
  EXPECT_TRUE(app.ok()) << app.status().message_en();
  if (!app.ok()) return c;
  Caller sys = Caller::System("test");
  c.regions = (*app)->reference().ListRegions(sys)->size();
  UnitQuery q;
  q.page.limit = 1;
  c.units = (*app)->reference().ListUnits(sys, q)->total;
  c.users = (*app)->users().List(sys)->size();
  c.audit_entries = (*app)->audit().Verify(*(*app)->repos().tx)->entries;
  return c;
}

TEST_P(Cli, SetupStartsADistrictOnABlankDatabase) {
  CliRun setup = K(std::string(kSetupArgs) + " --departments --towns-as-units", kSetupPassword);
  ASSERT_EQ(setup.exit_code, 0) << setup.output;
  EXPECT_NE(setup.output.find("setup done"), std::string::npos) << setup.output;
  EXPECT_NE(setup.output.find("陕西省 › 西安市 › 雁塔区"), std::string::npos) << setup.output;
  EXPECT_NE(setup.output.find("13 regions with 10 towns/streets"), std::string::npos)
      << setup.output;
  EXPECT_NE(setup.output.find("import ledger"), std::string::npos) << setup.output;
  EXPECT_EQ(setup.output.find("Yanta#Office2026"), std::string::npos);

  Config config;
  config.db_url = db_;
  config.listen_address = "127.0.0.1";
  config.listen_port = 0;
  config.pool_size = 2;
  config.worker_threads = 2;
  {
    auto app = KeylineApp::Open(config);
    ASSERT_TRUE(app.ok()) << app.status().message_en();
    Caller sys = Caller::System("test");
    ReferenceService& ref = (*app)->reference();
    // The region with its parents and the towns/streets below it.
    EXPECT_EQ(ref.GetRegion(sys, "610000")->name, "陕西省");
    EXPECT_EQ(ref.GetRegion(sys, "610100")->parent_code, "610000");
    EXPECT_EQ(ref.GetRegion(sys, "610113")->parent_code, "610100");
    auto street = ref.GetRegion(sys, "610113004");
    ASSERT_TRUE(street.ok());
    EXPECT_EQ(street->name, "电子城街道");
    EXPECT_EQ(street->parent_code, "610113");
    EXPECT_EQ(ref.ListRegions(sys)->size(), 13u);
    // The office, the usual departments with their official names, the streets as units.
    UnitQuery all;
    all.page.limit = 500;
    auto units = ref.ListUnits(sys, all);
    ASSERT_TRUE(units.ok());
    std::map<std::string, Unit> by_name;
    std::map<UnitKind, int> kinds;
    for (const Unit& u : units->items) {
      by_name[u.name] = u;
      ++kinds[u.kind];
    }
    ASSERT_EQ(by_name.count("雁塔区发展和改革委员会"), 1u);
    const Unit& office = by_name["雁塔区发展和改革委员会"];
    EXPECT_EQ(office.kind, UnitKind::kOffice);
    EXPECT_EQ(office.region_code, "610113");
    for (const char* name :
         {"西安市雁塔区住房和城乡建设局", "西安市雁塔区教育局",
          "西安市雁塔区城中村和棚户区改造事务中心", "西安市生态环境局雁塔分局"}) {
      ASSERT_EQ(by_name.count(name), 1u) << name;
      EXPECT_EQ(by_name[name].kind, UnitKind::kDepartment) << name;
    }
    ASSERT_EQ(by_name.count("西安市雁塔区电子城街道办事处"), 1u);
    EXPECT_EQ(by_name["西安市雁塔区电子城街道办事处"].region_code, "610113004");
    EXPECT_EQ(kinds[UnitKind::kOffice], 1);
    EXPECT_EQ(kinds[UnitKind::kDepartment], 18);
    EXPECT_EQ(kinds[UnitKind::kTownship], 10);

    // The admin logs in through the API and belongs to the office.
    auto port = (*app)->StartServer();
    ASSERT_TRUE(port.ok()) << port.status().message_en();
    HttpClient client("127.0.0.1", *port);
    HttpResult login = client.Login("wang", "Yanta#Office2026");
    ASSERT_EQ(login.status, 200) << login.body;
    EXPECT_EQ(login.json.at("user").at("role"), "admin");
    EXPECT_EQ(login.json.at("user").at("unit_id").as_int64(), office.id);
    EXPECT_EQ(login.json.at("user").at("display_name"), "王某");
    HttpResult listed = client.Get("/api/v1/units?kind=township");
    ASSERT_EQ(listed.status, 200) << listed.body;
    EXPECT_EQ(listed.json.at("total").as_int64(), 10);
    // An empty ledger answers, and the admin can carry on: a new department.
    EXPECT_EQ(client.Get("/api/v1/projects").status, 200);
    HttpResult created =
        client.Post("/api/v1/units",
                    R"({"name":"西安市雁塔区民政局","kind":"department","region_code":"610113"})");
    EXPECT_EQ(created.status, 201) << created.body;
    (*app)->StopServer();
  }

  // A second setup is refused and writes nothing.
  DbCounts before = Count(db_);
  CliRun again = K(std::string(kSetupArgs) + " --departments", kSetupPassword);
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_NE(again.output.find("数据库已有数据"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("already has data"), std::string::npos) << again.output;
  DbCounts after = Count(db_);
  EXPECT_EQ(after.units, before.units);
  EXPECT_EQ(after.users, before.users);
  EXPECT_EQ(after.audit_entries, before.audit_entries);
  CliRun verify = K("audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;

  // user add takes a unit's registered name as well as its id.
  CliRun by_name = K("user add jyj --role department --unit 西安市雁塔区教育局", "Jiao#Yu2026x\n");
  EXPECT_EQ(by_name.exit_code, 0) << by_name.output;
  CliRun unknown = K("user add zjj --role department --unit 区住建局", "Zhu#Jian2026x\n");
  EXPECT_EQ(unknown.exit_code, 1) << unknown.output;
  EXPECT_NE(unknown.output.find("no unit is registered"), std::string::npos) << unknown.output;
}

TEST_P(Cli, SetupRefusesBadArgumentsAndWritesNothing) {
  // Run migrations first so that the database exists for the counts (the migrations seed the
  // shipped indicator sets and rules, audited).
  ASSERT_EQ(K("migrate").exit_code, 0);
  const int64_t migrated_entries = Count(db_).audit_entries;
  CliRun unknown =
      K("setup --office 某某发展和改革委员会 --region 610199 --admin wang", kSetupPassword);
  EXPECT_EQ(unknown.exit_code, 1) << unknown.output;
  EXPECT_NE(unknown.output.find("610199 不在区划数据中"), std::string::npos) << unknown.output;
  EXPECT_NE(unknown.output.find("not in the region data"), std::string::npos) << unknown.output;
  CliRun town = K("setup --office X --region 610113004 --admin wang", kSetupPassword);
  EXPECT_EQ(town.exit_code, 1) << town.output;
  CliRun weak = K(kSetupArgs, "password\n");
  EXPECT_EQ(weak.exit_code, 1) << weak.output;
  EXPECT_NE(weak.output.find("密码"), std::string::npos) << weak.output;
  CliRun with_name = K(kSetupArgs, "wang#Office2026\n");  // contains the username
  EXPECT_EQ(with_name.exit_code, 1) << with_name.output;
  CliRun bad_name = K("setup --office X --region 610113 --admin 王", kSetupPassword);
  EXPECT_EQ(bad_name.exit_code, 1) << bad_name.output;
  EXPECT_NE(bad_name.output.find("username"), std::string::npos) << bad_name.output;
  CliRun missing = K("setup --office 雁塔区发展和改革委员会 --admin wang", kSetupPassword);
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("--region"), std::string::npos) << missing.output;
  EXPECT_EQ(K("setup --office X --region 610113 --admin wang --bogus", kSetupPassword).exit_code,
            2);
  EXPECT_EQ(K("setup --office X --region", kSetupPassword).exit_code, 2);
  DbCounts counts = Count(db_);
  EXPECT_EQ(counts.regions, 0u);
  EXPECT_EQ(counts.units, 0);
  EXPECT_EQ(counts.users, 0u);
  EXPECT_EQ(counts.audit_entries, migrated_entries);

  // Without the options: the regions and the office only; the database then is no longer empty.
  CliRun plain = K(kSetupArgs, kSetupPassword);
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  counts = Count(db_);
  EXPECT_EQ(counts.regions, 13u);
  EXPECT_EQ(counts.units, 1);
  EXPECT_EQ(counts.users, 1u);
  EXPECT_EQ(K("seed-demo").output.find("not empty") != std::string::npos, true);
}

TEST_P(Cli, SetupIsRefusedOnTheDemoDatabase) {
  {
    CliRun seeded = K("seed-demo");
    ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  }
  DbCounts before = Count(db_);
  CliRun setup = K(std::string(kSetupArgs) + " --towns-as-units", kSetupPassword);
  EXPECT_EQ(setup.exit_code, 1) << setup.output;
  EXPECT_NE(setup.output.find("projects"), std::string::npos) << setup.output;
  DbCounts after = Count(db_);
  EXPECT_EQ(after.regions, before.regions);
  EXPECT_EQ(after.units, before.units);
  EXPECT_EQ(after.audit_entries, before.audit_entries);
}

}  // namespace
}  // namespace keyline::testing
