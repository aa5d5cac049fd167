#include "tests/demo_server.h"

#include "app/demo_attraction.h"
#include "app/demo_funds.h"
#include "app/demo_reporting.h"
#include "app/demo_seed.h"
#include "app/demo_supervision.h"

namespace keyline::testing {

std::unique_ptr<DemoServer> DemoServer::Start(std::string* error, int64_t now_ms) {
  std::unique_ptr<DemoServer> server(new DemoServer(now_ms));
  server->dir_ = std::make_unique<TempDir>();
  Config config;
  config.listen_address = "127.0.0.1";
  config.listen_port = 0;
  config.pool_size = 4;
  config.worker_threads = 4;
  config.db_url = "sqlite:" + server->dir_->path() + "/demo.db";
  auto app = KeylineApp::Open(config, &server->clock_, /*fast_hashing=*/true);
  if (!app.ok()) {
    *error = app.status().message_en();
    return nullptr;
  }
  server->app_ = std::move(*app);
  KeylineApp& a = *server->app_;
  // The same steps, in the same order, as `keyline seed-demo` (src/app/main.cc).
  auto seeded = SeedDemo(a.repos(), a.reference(), a.projects(), a.users());
  Status st = seeded.ok() ? SeedDemoSupervision(a) : seeded.status();
  if (st.ok()) {
    if (auto r = SeedDemoReporting(a); !r.ok()) st = r.status();
  }
  if (st.ok()) {
    if (auto r = SeedDemoFunds(a); !r.ok()) st = r.status();
  }
  if (st.ok()) {
    if (auto r = SeedDemoAttraction(a); !r.ok()) st = r.status();
  }
  if (!st.ok()) {
    *error = "seed-demo: " + st.message_en();
    for (const auto& d : st.details()) *error += "; " + d.field + ": " + d.message_en;
    return nullptr;
  }
  auto port = a.StartServer();
  if (!port.ok()) {
    *error = port.status().message_en();
    return nullptr;
  }
  server->port_ = *port;
  return server;
}

DemoServer::~DemoServer() {
  if (app_) app_->StopServer();
  app_.reset();
}

std::unique_ptr<HttpClient> DemoServer::LoggedIn(const std::string& username) {
  auto client = std::make_unique<HttpClient>("127.0.0.1", port_);
  if (client->Login(username, kDemoPassword).status != 200) return nullptr;
  return client;
}

}  // namespace keyline::testing
