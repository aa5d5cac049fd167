// The keyline binary: serve the API and UI, or run one administrative command.
#include <spawn.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "app/audit_key_file.h"
#include "app/audit_witness_file.h"
#include "app/config.h"
#include "app/demo_attraction.h"
#include "app/demo_funds.h"
#include "app/demo_reporting.h"
#include "app/demo_seed.h"
#include "app/demo_supervision.h"
#include "app/documents_cli.h"
#include "app/import_command.h"
#include "app/keyline_app.h"
#include "app/setup_command.h"
#include "common/version.h"
#include "core/service/audit_log.h"
#include "core/service/reference_service.h"
#include "core/service/snapshot_service.h"
#include "core/service/user_service.h"
#include "engine/facts_source.h"
#include "storage/repos/sql_store.h"

namespace keyline {
namespace {

int Fail(const Status& status) {
  std::fprintf(stderr, "错误: %s\nerror: %s\n", status.message_zh().c_str(),
               status.message_en().c_str());
  for (const FieldError& e : status.details()) {
    std::fprintf(stderr, "  %s: %s / %s\n", e.field.c_str(), e.message_zh.c_str(),
                 e.message_en.c_str());
  }
  return 1;
}

int Usage(const std::string& problem) {
  std::fprintf(stderr, "%s\n\n%s", problem.c_str(), UsageText());
  return 2;
}

// Reads a password: prompted without echo on a terminal, else the first line of stdin.
std::string ReadPassword(const char* prompt) {
  bool tty = isatty(STDIN_FILENO);
  termios old_state{};
  if (tty) {
    std::fprintf(stderr, "%s", prompt);
    tcgetattr(STDIN_FILENO, &old_state);
    termios quiet = old_state;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old_state);
    std::fprintf(stderr, "\n");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

bool ParseId(const std::string& s, int64_t* out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && *out > 0;
}

// The id of the unit registered under exactly this name (--unit 西安市雁塔区教育局).
Result<int64_t> FindUnitByName(KeylineApp& app, const std::string& name) {
  UnitQuery query;
  query.text = name;
  query.page.limit = 500;
  auto page = app.reference().ListUnits(Caller::System("cli"), query);
  if (!page.ok()) return page.status();
  std::vector<int64_t> ids;
  for (const Unit& u : page->items) {
    if (u.name == name) ids.push_back(u.id);
  }
  if (ids.size() == 1) return ids.front();
  if (ids.empty()) {
    return Status::NotFound("没有名为“" + name + "”的单位（--unit 取单位编号或登记的完整名称）",
                            "no unit is registered as \"" + name +
                                "\" (--unit takes a unit id or its exact registered name)");
  }
  std::string list;
  for (int64_t id : ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
  return Status::InvalidArgument(
      "名为“" + name + "”的单位有多个（编号 " + list + "），请用编号",
      "several units are named \"" + name + "\" (ids " + list + "): give the id");
}

int Serve(KeylineApp& app) {
  auto load_ms = app.LoadFacts();
  if (!load_ms.ok()) return Fail(load_ms.status());
  {
    auto stats = app.facts().Stats();
    std::printf("Engine loaded in %lld ms: %zu projects, %zu reports, %zu procedures\n",
                static_cast<long long>(*load_ms), stats.projects, stats.reports, stats.procedures);
  }
  auto port = app.StartServer();
  if (!port.ok()) return Fail(port.status());
  std::printf("Keyline %s listening on http://%s:%u (database %s)\n", KeylineVersion(),
              app.config().listen_address.c_str(), *port, app.config().db_url.c_str());
  std::fflush(stdout);
  app.StartEscalationTimer(60);
  app.StartAuditWitness(60);
  app.WaitForSignal();
  std::printf("Keyline stopped.\n");
  return 0;
}

int SeedDemoCommand(KeylineApp& app) {
  auto result = SeedDemo(app.repos(), app.reference(), app.projects(), app.users());
  if (!result.ok()) return Fail(result.status());
  if (Status st = result->skipped ? Status::Ok() : SeedDemoSupervision(app); !st.ok())
    return Fail(st);
  if (result->skipped) {
    std::printf("数据库已有数据，未导入演示数据 / database not empty: demo not loaded\n");
  } else {
    std::printf(
        "已导入演示区县（雁塔区）/ demo district loaded: %d regions, %d units, %d people, "
        "%d users, %d projects, %d assignments\n",
        result->regions, result->units, result->people, result->users, result->projects,
        result->assignments);
    auto reporting = SeedDemoReporting(app);
    if (!reporting.ok()) return Fail(reporting.status());
    std::printf("已导入年度计划 %d 个、月报 %d 份 / %d annual plans, %d monthly reports\n",
                reporting->plans, reporting->reports, reporting->plans, reporting->reports);
    auto funds = SeedDemoFunds(app);
    if (!funds.ok()) return Fail(funds.status());
    std::printf(
        "已导入资金 %d 笔（事项 %d 个）、重点项目名单 %d 个、要素保障 %d 项 / %d funding lines, "
        "%d events, %d key-list members, %d factor guarantees\n",
        funds->lines, funds->events, funds->key_list_members, funds->factors, funds->lines,
        funds->events, funds->key_list_members, funds->factors);
    auto attraction = SeedDemoAttraction(app);
    if (!attraction.ok()) return Fail(attraction.status());
    std::printf(
        "已导入招商线索 %d 条、招商活动 %d 场、三个一批 %d 批、目标任务 %d 项 / %d leads, %d "
        "events, %d campaign rounds, %d targets\n",
        attraction->leads, attraction->events, attraction->rounds, attraction->targets,
        attraction->leads, attraction->events, attraction->rounds, attraction->targets);
  }
  std::printf("%s", result->logins.c_str());
  return 0;
}

int UserCommand(KeylineApp& app, const std::vector<std::string>& args) {
  if (args.empty())
    return Usage("user: missing subcommand (add|passwd|disable|enable|unlock|list)");
  const std::string& sub = args[0];
  Caller cli = Caller::System("cli");
  UserService& users = app.users();
  if (sub == "list") {
    auto list = users.List(cli);
    if (!list.ok()) return Fail(list.status());
    std::printf("%-6s %-20s %-16s %-8s %-9s %s\n", "id", "username", "role", "unit", "status",
                "name");
    for (const User& u : *list) {
      std::string status = u.disabled                             ? "disabled"
                           : u.locked_until > app.clock().NowMs() ? "locked"
                                                                  : "active";
      std::printf("%-6lld %-20s %-16s %-8lld %-9s %s\n", static_cast<long long>(u.id),
                  u.username.c_str(), std::string(RoleCode(u.role)).c_str(),
                  static_cast<long long>(u.unit_id), status.c_str(), u.display_name.c_str());
    }
    return 0;
  }
  if (args.size() < 2) return Usage("user " + sub + ": missing username");
  const std::string& name = args[1];
  if (sub == "add") {
    NewUser input;
    input.username = name;
    input.display_name = name;
    for (size_t i = 2; i < args.size(); ++i) {
      const std::string& flag = args[i];
      if (i + 1 >= args.size()) return Usage(flag + " needs a value");
      const std::string& value = args[++i];
      if (flag == "--role") {
        auto role = ParseRole(value);
        if (!role)
          return Usage("--role: admin|supervisor|department|reporter|leader|service_officer");
        input.role = *role;
      } else if (flag == "--unit") {
        if (!ParseId(value, &input.unit_id)) {
          auto unit = FindUnitByName(app, value);
          if (!unit.ok()) return Fail(unit.status());
          input.unit_id = *unit;
        }
      } else if (flag == "--person") {
        int64_t id = 0;
        if (!ParseId(value, &id)) return Usage("--person expects a person id");
        input.person_id = id;
      } else if (flag == "--display") {
        input.display_name = value;
      } else {
        return Usage("user add: unknown option " + flag);
      }
    }
    if (input.unit_id == 0) return Usage("user add: --unit is required");
    input.password = ReadPassword("新密码 / new password: ");
    auto user = users.Create(cli, input);
    if (!user.ok()) return Fail(user.status());
    std::printf("created user %s (id %lld)\n", name.c_str(), static_cast<long long>(user->id));
    return 0;
  }
  if (args.size() > 2) return Usage("user " + sub + ": unexpected argument " + args[2]);
  auto user = users.GetByUsername(cli, name);
  if (!user.ok()) return Fail(user.status());
  Status st;
  if (sub == "passwd") {
    st = users.SetPassword(cli, user->id, ReadPassword("新密码 / new password: "));
  } else if (sub == "disable" || sub == "enable") {
    UserChange change;
    change.disabled = sub == "disable";
    st = users.Update(cli, user->id, user->version, change).status();
  } else if (sub == "unlock") {
    st = users.Unlock(cli, user->id);
  } else {
    return Usage("user: unknown subcommand " + sub);
  }
  if (!st.ok()) return Fail(st);
  std::printf("%s: %s done\n", name.c_str(), sub.c_str());
  return 0;
}

void PrintFindings(const AuditVerification& v) {
  for (const AuditFinding& f : v.findings) {
    std::printf("  [%s] %s\n         %s\n", f.code.c_str(), f.zh.c_str(), f.en.c_str());
  }
}

// audit verify [--witness FILE | --no-witness] | audit rotate-key. Exit 0 intact, 1 when
// something was found, 2 on usage errors, 3 when the log or the witness cannot be read.
int AuditCommand(KeylineApp& app, const std::vector<std::string>& args) {
  if (args.size() == 1 && args[0] == "rotate-key") {
    Status st =
        RotateAuditKey(app.audit_key_file(), app.audit(), *app.repos().audit, *app.repos().tx);
    if (!st.ok()) return Fail(st);
    std::printf("审计密钥已轮换 / audit key rotated: %s (copy it to every node)\n",
                app.audit_key_file().c_str());
    return 0;
  }
  if (args.empty() || args[0] != "verify") {
    return Usage(
        "audit: expected `audit verify [--witness FILE | --no-witness]` or "
        "`audit rotate-key`");
  }
  std::string witness_path = app.audit_witness_file();
  bool use_witness = true;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--no-witness") {
      use_witness = false;
    } else if (args[i] == "--witness" && i + 1 < args.size()) {
      witness_path = args[++i];
      if (!std::filesystem::exists(witness_path)) {
        Fail(Status::NotFound("审计见证文件 " + witness_path + " 不存在",
                              "audit witness file " + witness_path + " does not exist"));
        return 3;
      }
    } else {
      return Usage("audit verify: unknown option " + args[i]);
    }
  }
  std::vector<AuditWitnessMark> marks;
  if (use_witness) {
    auto read = FileAuditWitness(witness_path).ReadMarks();
    if (!read.ok()) {
      Fail(read.status());
      return 3;
    }
    marks = std::move(read).value();
  }
  auto result = app.audit().Verify(*app.repos().tx, marks);
  if (!result.ok()) {
    Fail(result.status());
    return 3;
  }
  std::string witness_note = marks.empty() ? std::string("无见证 / no witness")
                                           : std::to_string(marks.size()) +
                                                 " 个见证记录 / witness marks from " + witness_path;
  if (result->first_broken_id) {
    std::printf(
        "审计链在第 %lld 条处断裂 / audit chain BROKEN at entry %lld: %s (%lld entries "
        "checked; %s)\n",
        static_cast<long long>(*result->first_broken_id),
        static_cast<long long>(*result->first_broken_id), result->problem.c_str(),
        static_cast<long long>(result->entries), witness_note.c_str());
    PrintFindings(*result);
    return 1;
  }
  std::printf("审计链完整 / audit chain intact: %lld entries (keyed from #%lld; %s)\n",
              static_cast<long long>(result->entries), static_cast<long long>(result->keyed_from),
              witness_note.c_str());
  // Published snapshots: each one's content against its hash and the audit log's record.
  auto snapshots = app.snapshots().Verify();
  if (!snapshots.ok()) return Fail(snapshots.status());
  if (snapshots->first_broken_id) {
    std::printf("快照 %lld 已被篡改 / snapshot %lld TAMPERED: %s (%lld snapshots checked)\n",
                static_cast<long long>(*snapshots->first_broken_id),
                static_cast<long long>(*snapshots->first_broken_id), snapshots->problem.c_str(),
                static_cast<long long>(snapshots->snapshots));
    return 1;
  }
  std::printf("发布快照完整 / published snapshots intact: %lld snapshots\n",
              static_cast<long long>(snapshots->snapshots));
  return 0;
}

// PostgreSQL: pg_dump in its custom format (restore with pg_restore), run without a shell.
Status PgDump(const std::string& url, const std::string& out) {
  std::vector<std::string> argv_s = {"pg_dump", "--format=custom", "--file=" + out, url};
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ) != 0) {
    return Status::Unavailable("找不到 pg_dump，请安装 postgresql-client",
                               "pg_dump not found: install postgresql-client");
  }
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    return Status::Internal("pg_dump failed (exit " + std::to_string(WEXITSTATUS(wstatus)) + ")");
  }
  return Status::Ok();
}

int BackupCommand(KeylineApp& app, const std::vector<std::string>& args) {
  if (args.size() != 2 || args[0] != "--out") return Usage("backup: expected `backup --out FILE`");
  const std::string& url = app.config().db_url;
  bool pg = url.rfind("postgres", 0) == 0;
  Status st = pg ? PgDump(url, args[1]) : app.store().Backup(args[1]);
  if (!st.ok()) return Fail(st);
  // The audit key beside the copy (0600): a restored database verifies only with its key.
  std::error_code ec;
  std::string key_copy = args[1] + ".audit-key";
  std::filesystem::copy_file(app.audit_key_file(), key_copy,
                             std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) {
    return Fail(Status::Unavailable("无法复制审计密钥到 " + key_copy,
                                    "cannot copy the audit key to " + key_copy));
  }
  std::filesystem::permissions(
      key_copy, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  std::printf("backup written to %s (audit key: %s; keep it apart from the copy)\n",
              args[1].c_str(), key_copy.c_str());
  return 0;
}

int Run(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  auto config = ParseConfig(arguments);
  if (!config.ok())
    return Usage(config.status().message_zh() + "\n" + config.status().message_en());
  if (config->command == "help") {
    std::printf("%s", UsageText());
    return 0;
  }
  if (config->command == "version") {
    std::printf("keyline %s\n", KeylineVersion());
    return 0;
  }
  // setup checks its arguments and the password before it opens (and migrates) the database.
  if (config->command == "setup") return SetupCommand(*config, config->args, ReadPassword);
  auto app = KeylineApp::Open(*config);
  if (!app.ok()) return Fail(app.status());
  const std::string& cmd = config->command;
  if (cmd == "serve") return Serve(**app);
  if (cmd == "migrate") {
    std::printf("database %s is at the current schema\n", config->db_url.c_str());
    return 0;
  }
  if (cmd == "audit") return AuditCommand(**app, config->args);
  if (cmd == "backup") return BackupCommand(**app, config->args);
  if (cmd == "export") return ExportCommand(**app, config->args);
  int code = 2;
  if (cmd == "seed-demo")
    code = SeedDemoCommand(**app);
  else if (cmd == "user")
    code = UserCommand(**app, config->args);
  else if (cmd == "bulletin")
    code = BulletinCommand(**app, config->args);
  else if (cmd == "import")
    code = ImportCommand(**app, config->args);
  else
    return Usage("unknown command " + cmd);
  // A writing command leaves the chain head in the witness file.
  if (Status st = (*app)->WriteAuditWitness(); !st.ok()) Fail(st);
  return code;
}

}  // namespace
}  // namespace keyline

int main(int argc, char** argv) { return keyline::Run(argc, argv); }
