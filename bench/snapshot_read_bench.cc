// Reading a published snapshot vs computing it ("reading a stored snapshot is faster
// than computing it"), on a database with the demo district (bench/run_snapshots.sh):
//
//   snapshot_read_bench --db sqlite:bench/out/snapshots.db [--period 202611] [--runs 20]
//
// For the monthly bulletin of the period, as the system (the whole area):
//   compute  BulletinService::Build + LayOutBulletin + render (HTML, PDF, .xlsx)
//   read     BulletinIssuer::Issued (the newest issued version, hash checked) + the stored file
// and for the demo ranking scheme mianyang_demo, the period's quarter:
//   compute  RankingService::Rank + RankingResultJson
//   read     RankingPublisher::Published (hash checked)
// Issues / publishes once first when nothing is stored. Prints the median and the minimum of
// `runs` runs of each, in milliseconds, and the stored sizes.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "api/api_context.h"
#include "app/config.h"
#include "app/keyline_app.h"
#include "core/service/snapshot_service.h"
#include "documents/bulletin_issue.h"
#include "documents/bulletin_render.h"
#include "documents/bulletin_service.h"
#include "engine/service/ranking_publisher.h"

namespace keyline {
namespace {

struct Timing {
  double median_ms = 0, min_ms = 0;
};

Timing Time(int runs, const std::function<bool()>& fn) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    if (!fn()) {
      std::fprintf(stderr, "a run failed\n");
      std::exit(1);
    }
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front()};
}

void Row(const char* what, const char* how, Timing t) {
  std::printf("%-28s %-8s median %9.2f ms   min %9.2f ms\n", what, how, t.median_ms, t.min_ms);
}

int Run(const std::string& db, int period, int runs) {
  Config config;
  config.db_url = db;
  auto app_or = KeylineApp::Open(config);
  if (!app_or.ok()) {
    std::fprintf(stderr, "open: %s\n", app_or.status().message_en().c_str());
    return 1;
  }
  KeylineApp& app = **app_or;
  if (auto loaded = app.LoadFacts(); loaded.ok()) {
    std::printf("engine facts loaded in %lld ms\n", static_cast<long long>(*loaded));
  }
  Caller office = Caller::System("bench");
  documents::BulletinIssuer issuer(app.bulletins(), app.snapshots(), *app.repos().tx);
  auto issued = issuer.Issued(office, period, std::nullopt);
  if (!issued.ok()) {
    std::fprintf(stderr, "read: %s\n", issued.status().message_en().c_str());
    return 1;
  }
  if (!*issued) {
    auto s = issuer.Issue(office, period, "");
    if (!s.ok()) {
      std::fprintf(stderr, "issue: %s\n", s.status().message_en().c_str());
      return 1;
    }
  }
  auto stored = issuer.Issued(office, period, std::nullopt);
  std::printf("bulletin %d: stored %zu bytes (sections and HTML), PDF %zu, .xlsx %zu (base64)\n",
              period, (*stored)->payload.size(),
              issuer.FormatSnapshot(**stored, "pdf")->payload.size(),
              issuer.FormatSnapshot(**stored, "xlsx")->payload.size());
  for (const char* format : {"html", "pdf", "xlsx"}) {
    std::string f = format;
    Timing compute = Time(runs, [&] {
      auto data = app.bulletins().Build(office, period);
      if (!data.ok()) return false;
      documents::BulletinDocument doc = documents::LayOutBulletin(*data);
      if (f == "html") return !documents::RenderBulletinHtml(doc).empty();
      return (f == "pdf" ? documents::RenderBulletinPdf(doc) : documents::RenderBulletinXlsx(doc))
          .ok();
    });
    Timing read = Time(runs, [&] {
      auto s = issuer.Issued(office, period, std::nullopt);
      return s.ok() && *s && api::IssuedBulletinFile(issuer, **s, f).ok();
    });
    std::string what = "bulletin (" + f + ")";
    Row(what.c_str(), "compute", compute);
    Row(what.c_str(), "read", read);
  }

  std::string quarter = std::to_string(period / 100) + "Q" + std::to_string((period % 100 + 2) / 3);
  engine::RankingPublisher& publisher = app.ranking_publisher();
  auto published = publisher.Published(office, "mianyang_demo", quarter, std::nullopt);
  if (published.ok() && !*published) {
    auto s = publisher.Publish(office, "mianyang_demo", quarter, "");
    if (!s.ok()) {
      std::fprintf(stderr, "publish: %s\n", s.status().message_en().c_str());
      return 1;
    }
  }
  Timing compute = Time(runs, [&] {
    auto r = app.rankings().Rank(office, "mianyang_demo", quarter);
    return r.ok() && !engine::RankingResultJson(*r).empty();
  });
  Timing read = Time(runs, [&] {
    auto s = publisher.Published(office, "mianyang_demo", quarter, std::nullopt);
    return s.ok() && *s && !(*s)->payload.empty();
  });
  std::string what = "ranking mianyang_demo " + quarter;
  Row(what.c_str(), "compute", compute);
  Row(what.c_str(), "read", read);
  return 0;
}

}  // namespace
}  // namespace keyline

int main(int argc, char** argv) {
  std::string db = "sqlite:bench/out/snapshots.db";
  int period = 202611, runs = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--db") {
      db = argv[i + 1];
    } else if (flag == "--period") {
      period = std::atoi(argv[i + 1]);
    } else if (flag == "--runs") {
      runs = std::atoi(argv[i + 1]);
    } else {
      std::fprintf(stderr, "usage: snapshot_read_bench [--db URL] [--period YYYYMM] [--runs N]\n");
      return 2;
    }
  }
  if (runs < 1 || runs > 1000) {
    std::fprintf(stderr, "runs 1..1000\n");
    return 2;
  }
  return keyline::Run(db, period, runs);
}
