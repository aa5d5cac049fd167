#include "app/documents_cli.h"

#include <cstdio>
#include <fstream>

#include "api/api_context.h"
#include "api/project_input.h"
#include "app/keyline_app.h"
#include "core/service/snapshot_service.h"
#include "documents/bulletin_issue.h"
#include "documents/bulletin_render.h"
#include "documents/bulletin_service.h"
#include "documents/export_service.h"

namespace keyline {
namespace {

int Failed(const Status& st) {
  std::fprintf(stderr, "错误: %s\nerror: %s\n", st.message_zh().c_str(), st.message_en().c_str());
  for (const FieldError& e : st.details()) {
    std::fprintf(stderr, "  %s: %s / %s\n", e.field.c_str(), e.message_zh.c_str(),
                 e.message_en.c_str());
  }
  return 1;
}

int BadLine(const std::string& what) {
  std::fprintf(stderr, "命令行参数错误：%s\nbad command line: %s\n", what.c_str(), what.c_str());
  return 2;
}

// Writes the bytes to path (replacing it); the file is written to a sibling temp name first so a
// failed run leaves no half-written document.
Status WriteFile(const std::string& path, const std::string& bytes) {
  std::string tmp = path + ".part";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::remove(tmp.c_str());
      return Status::InvalidArgument("无法写入文件：" + path, "cannot write " + path);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::InvalidArgument("无法写入文件：" + path, "cannot write " + path);
  }
  return Status::Ok();
}

// "--key value" pairs; false on a dangling flag or a word that is not a flag.
bool Pairs(const std::vector<std::string>& args, size_t from,
           std::vector<std::pair<std::string, std::string>>* out, std::string* bad) {
  for (size_t i = from; i < args.size(); i += 2) {
    if (args[i].rfind("--", 0) != 0 || i + 1 >= args.size()) {
      *bad = args[i];
      return false;
    }
    out->emplace_back(args[i].substr(2), args[i + 1]);
  }
  return true;
}

int Done(const std::string& path, size_t bytes) {
  std::printf("已写入 %s（%zu 字节）/ wrote %s (%zu bytes)\n", path.c_str(), bytes, path.c_str(),
              bytes);
  return 0;
}

}  // namespace

int ExportCommand(KeylineApp& app, const std::vector<std::string>& args) {
  if (args.empty() || (args[0] != "ledger" && args[0] != "oc4ids")) {
    return BadLine(
        "export: expected `export ledger --out FILE.xlsx` or `export oc4ids --out FILE.json`");
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  std::string bad;
  if (!Pairs(args, 1, &pairs, &bad)) return BadLine("export: unexpected or incomplete " + bad);
  std::string out;
  http::Request req;
  std::vector<int64_t> ids;
  for (auto& [key, value] : pairs) {
    if (key == "out") {
      out = value;
    } else if (args[0] == "oc4ids") {
      int64_t id = 0;
      if (key != "project" || !api::ParseInt64(value, &id) || id <= 0) {
        return BadLine("export oc4ids: --project expects a project id");
      }
      ids.push_back(id);
    } else {
      std::string name = key;
      for (char& ch : name) ch = ch == '-' ? '_' : ch;
      req.query.emplace_back(name, value);
    }
  }
  if (out.empty()) return BadLine("export " + args[0] + ": --out FILE is required");
  Caller caller = Caller::System("cli");
  ProjectQuery query;
  if (args[0] == "ledger") {
    Status st = api::ReadProjectQuery(req, &query);
    if (!st.ok()) return Failed(st);
  }
  Result<std::string> bytes = args[0] == "ledger" ? app.exports().LedgerXlsx(caller, query)
                                                  : app.exports().Oc4ids(caller, ids, {});
  if (!bytes.ok()) return Failed(bytes.status());
  if (Status st = WriteFile(out, *bytes); !st.ok()) return Failed(st);
  return Done(out, bytes->size());
}

// keyline bulletin issue --period YYYYMM [--reason TEXT]: issues (印发) the next version as
// the system and prints its version and SHA-256.
int IssueBulletin(KeylineApp& app, const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string period_text, reason;
  for (auto& [key, value] : pairs) {
    if (key == "period") {
      period_text = value;
    } else if (key == "reason") {
      reason = value;
    } else {
      return BadLine("bulletin issue: unknown option --" + key);
    }
  }
  int64_t period = 0;
  if (period_text.size() != 6 || !api::ParseInt64(period_text, &period)) {
    return BadLine("bulletin issue: --period YYYYMM is required (e.g. 202610)");
  }
  documents::BulletinIssuer issuer(app.bulletins(), app.snapshots(), *app.repos().tx);
  auto issued = issuer.Issue(Caller::System("cli"), static_cast<int>(period), reason);
  if (!issued.ok()) return Failed(issued.status());
  std::printf(
      "已印发 %lld 月度通报第 %lld 版 / issued the %lld bulletin, version %lld\nsha256 %s\n",
      static_cast<long long>(period), static_cast<long long>(issued->version),
      static_cast<long long>(period), static_cast<long long>(issued->version),
      issued->sha256.c_str());
  return 0;
}

int BulletinCommand(KeylineApp& app, const std::vector<std::string>& args) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::string bad;
  bool issue = !args.empty() && args[0] == "issue";
  if (!Pairs(args, issue ? 1 : 0, &pairs, &bad)) {
    return BadLine("bulletin: unexpected or incomplete " + bad);
  }
  if (issue) return IssueBulletin(app, pairs);
  std::string period_text, format = "pdf", out, version_text, draft = "no";
  for (auto& [key, value] : pairs) {
    if (key == "period") {
      period_text = value;
    } else if (key == "format") {
      format = value;
    } else if (key == "out") {
      out = value;
    } else if (key == "version") {
      version_text = value;
    } else if (key == "draft") {
      draft = value;
    } else {
      return BadLine("bulletin: unknown option --" + key);
    }
  }
  int64_t period = 0, version = 0;
  if (period_text.size() != 6 || !api::ParseInt64(period_text, &period)) {
    return BadLine("bulletin: --period YYYYMM is required (e.g. 202610)");
  }
  if (format != "pdf" && format != "html" && format != "xlsx") {
    return BadLine("bulletin: --format must be pdf, html or xlsx");
  }
  if (!version_text.empty() && (!api::ParseInt64(version_text, &version) || version < 1)) {
    return BadLine("bulletin: --version must be a positive integer");
  }
  if (draft != "yes" && draft != "no") return BadLine("bulletin: --draft must be yes or no");
  if (out.empty()) return BadLine("bulletin: --out FILE is required");
  // The issued version unless a draft is asked for (as GET /bulletins/{period}).
  if (draft == "no") {
    documents::BulletinIssuer issuer(app.bulletins(), app.snapshots(), *app.repos().tx);
    auto issued = issuer.Issued(Caller::System("cli"), static_cast<int>(period),
                                version ? std::optional<int64_t>(version) : std::nullopt);
    if (!issued.ok()) return Failed(issued.status());
    if (*issued) {
      auto bytes = api::IssuedBulletinFile(issuer, **issued, format);
      if (!bytes.ok()) return Failed(bytes.status());
      if (Status st = WriteFile(out, *bytes); !st.ok()) return Failed(st);
      std::printf("已印发第 %lld 版 / issued version %lld\n",
                  static_cast<long long>((*issued)->version),
                  static_cast<long long>((*issued)->version));
      return Done(out, bytes->size());
    }
  }
  auto data = app.bulletins().Build(Caller::System("cli"), static_cast<int>(period));
  if (!data.ok()) return Failed(data.status());
  documents::BulletinDocument doc = documents::LayOutBulletin(*data);
  Result<std::string> bytes = format == "html"
                                  ? Result<std::string>(documents::RenderBulletinHtml(doc))
                              : format == "pdf" ? documents::RenderBulletinPdf(doc)
                                                : documents::RenderBulletinXlsx(doc);
  if (!bytes.ok()) return Failed(bytes.status());
  if (Status st = WriteFile(out, *bytes); !st.ok()) return Failed(st);
  std::printf("草稿（未印发）/ draft (not issued)\n");
  return Done(out, bytes->size());
}

}  // namespace keyline
