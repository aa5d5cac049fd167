#include "app/setup_command.h"

#include <cstdio>
#include <cstdlib>

#include "app/embedded_files.h"
#include "app/keyline_app.h"
#include "core/codes/region_book.h"
#include "core/service/setup_service.h"
#include "core/service/user_service.h"

namespace keyline {
namespace {

constexpr const char* kSetupUsage =
    "usage: keyline [--db URL] setup --office NAME --region CODE --admin USERNAME\n"
    "                [--admin-name NAME] [--departments] [--towns-as-units]\n"
    "       (the admin's password is read from standard input, or prompted)\n";

int SetupUsage(const std::string& problem) {
  std::fprintf(stderr, "%s\n%s", problem.c_str(), kSetupUsage);
  return 2;
}

int SetupFail(const Status& st) {
  std::fprintf(stderr, "错误: %s\nerror: %s\n", st.message_zh().c_str(), st.message_en().c_str());
  for (const FieldError& e : st.details()) {
    // The message already says it when there is one field.
    if (st.details().size() == 1 && st.message_zh().find(e.message_zh) != std::string::npos) break;
    std::fprintf(stderr, "  %s: %s / %s\n", e.field.c_str(), e.message_zh.c_str(),
                 e.message_en.c_str());
  }
  return 1;
}

struct SetupArgs {
  SetupOptions options;
  std::string admin;
  std::string admin_name;
};

// Returns "" on success, else the problem (a usage error).
std::string ParseArgs(const std::vector<std::string>& args, SetupArgs* out) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--departments") {
      out->options.departments = true;
      continue;
    }
    if (flag == "--towns-as-units") {
      out->options.towns_as_units = true;
      continue;
    }
    std::string* target = flag == "--office"       ? &out->options.office_name
                          : flag == "--region"     ? &out->options.region_code
                          : flag == "--admin"      ? &out->admin
                          : flag == "--admin-name" ? &out->admin_name
                                                   : nullptr;
    if (target == nullptr) return "setup: unknown option " + flag;
    if (i + 1 >= args.size()) return "setup: " + flag + " needs a value";
    *target = args[++i];
  }
  std::string missing;
  if (out->options.office_name.empty()) missing += " --office";
  if (out->options.region_code.empty()) missing += " --region";
  if (out->admin.empty()) missing += " --admin";
  if (!missing.empty()) return "setup: 缺少参数 / missing:" + missing;
  return "";
}

std::string DbHint(const Config& config) {
  const std::string& url = config.db_url;
  if (url == Config().db_url) return "";
  if (url.rfind("sqlite:", 0) == 0) return "--db " + url + " ";
  return "--db <URL> ";  // a PostgreSQL URL may hold a password: not echoed
}

}  // namespace

const codes::RegionBook& ShippedRegionBook() {
  static const codes::RegionBook* book = [] {
    auto parsed = codes::RegionBook::ParseCsv(FindReferenceFile("regions-cn.csv"));
    if (!parsed.ok()) {
      std::fprintf(stderr, "reference/regions-cn.csv: %s\n", parsed.status().message_en().c_str());
      std::abort();
    }
    return new codes::RegionBook(std::move(*parsed));
  }();
  return *book;
}

int SetupCommand(const Config& config, const std::vector<std::string>& args,
                 const PasswordReader& read_password) {
  SetupArgs a;
  if (std::string problem = ParseArgs(args, &a); !problem.empty()) return SetupUsage(problem);
  auto plan = PlanSetup(ShippedRegionBook(), a.options);
  if (!plan.ok()) return SetupFail(plan.status());
  SetupAdmin admin{a.admin, a.admin_name, ""};
  admin.password = read_password("管理员密码 / admin password: ");
  if (Status st = CheckPasswordPolicy(admin.username, admin.password); !st.ok()) {
    return SetupFail(Status(st.code(), "管理员密码不符合要求：" + st.message_zh(),
                            "the admin password is too weak: " + st.message_en(), st.details()));
  }

  auto app = KeylineApp::Open(config);
  if (!app.ok()) return SetupFail(app.status());
  SetupService setup((*app)->repos(), (*app)->reference(), (*app)->users(), (*app)->audit());
  auto done = setup.Run(Caller::System("setup"), *plan, admin);
  if (!done.ok()) return SetupFail(done.status());

  const Region& region = plan->regions[plan->chain_length - 1];
  std::string chain;
  for (size_t i = 0; i < plan->chain_length; ++i) {
    chain += (i ? " › " : "") + plan->regions[i].name;
  }
  int regions = done->regions_created + done->regions_existing;
  int counties = regions - static_cast<int>(plan->chain_length) - done->towns;
  std::string below_zh = counties > 0 ? "下辖区县 " + std::to_string(counties) + " 个、" : "下辖";
  std::printf("初始设置完成 / setup done: %s (%s)\n", plan->prefix.c_str(), region.code.c_str());
  std::printf(
      "  区划 / regions   %d：%s，%s乡镇街道 %d 个（新建 %d）/ %d regions with %d "
      "towns/streets (%d new)\n",
      regions, chain.c_str(), below_zh.c_str(), done->towns, done->regions_created, regions,
      done->towns, done->regions_created);
  std::printf("  单位 / units     %d：%s（id %lld）", 1 + done->departments + done->townships,
              done->office.name.c_str(), static_cast<long long>(done->office.id));
  if (done->departments) std::printf("，部门 %d 个", done->departments);
  if (done->townships) std::printf("，乡镇街道 %d 个", done->townships);
  std::printf(" / the office, %d departments, %d towns\n", done->departments, done->townships);
  std::printf("  管理员 / admin   %s（%s），管理员，属 %s / role admin\n",
              done->admin.username.c_str(), done->admin.display_name.c_str(),
              done->office.name.c_str());
  std::printf(
      "  审计密钥 / audit key   %s（0600，请与数据库分开备份 / back it up apart from the "
      "database）\n",
      (*app)->audit_key_file().c_str());
  (void)(*app)->WriteAuditWitness();
  std::string db = DbHint(config);
  std::printf(
      "下一步 / next steps:\n"
      "  1. keyline %sserve，打开 http://127.0.0.1:8080 用 %s 登录\n"
      "     / start the server and log in as %s\n"
      "  2. 在“单位”“人员”“用户管理”中补充部门、企业、包抓领导和各单位账号\n"
      "     / add departments, companies, leaders and the other accounts (单位, 人员, 用户管理)\n"
      "  3. 导入项目台账：网页“台账导入”，或 keyline %simport ledger 台账.xlsx --dry-run\n"
      "     / import the ledger: 台账导入 in the web UI, or `import ledger FILE.xlsx --dry-run`\n",
      db.c_str(), done->admin.username.c_str(), done->admin.username.c_str(), db.c_str());
  return 0;
}

}  // namespace keyline
