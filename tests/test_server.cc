#include "tests/test_server.h"

#include "core/service/project_service.h"
#include "core/service/reference_service.h"
#include "core/service/user_service.h"

namespace keyline::testing {

std::string BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "sqlite" : "postgres";
}

// 2026-03-16 10:00 Beijing time: a fixed "now" so dates and lockouts are deterministic.
TestServer::TestServer() : clock_(1773626400000) {}

TestServer::~TestServer() {
  if (app_) app_->StopServer();
  app_.reset();
}

std::unique_ptr<TestServer> TestServer::Start(Backend backend, std::string* skip_reason,
                                              const TestServerOptions& options) {
  std::unique_ptr<TestServer> server(new TestServer());
  Config config;
  config.listen_address = "127.0.0.1";
  config.listen_port = 0;
  config.pool_size = 4;
  config.worker_threads = 4;
  // The audit key and witness files live in the test's directory on both backends.
  server->dir_ = std::make_unique<TempDir>();
  config.audit_key_file = server->dir_->path() + "/keyline.audit-key";
  config.audit_witness_file = server->dir_->path() + "/keyline.audit-witness";
  if (backend == Backend::kSqlite) {
    config.db_url = "sqlite:" + server->dir_->path() + "/keyline.db";
  } else {
    if (PgTestUrl().empty()) {
      *skip_reason = "PG_TEST_DSN not set";
      return nullptr;
    }
    std::string error;
    config.db_url = CreateFreshPgDatabase(&error);
    if (config.db_url.empty()) {
      *skip_reason = "cannot create a PostgreSQL test database: " + error;
      return nullptr;
    }
  }
  if (options.configure) options.configure(config);
  auto app = KeylineApp::Open(config, &server->clock_, options.fast_hashing);
  if (!app.ok()) {
    *skip_reason = "cannot open " + config.db_url + ": " + app.status().message_en();
    return nullptr;
  }
  server->app_ = std::move(*app);
  std::string error;
  if (!server->BuildFixture(&error)) {
    *skip_reason = "fixture: " + error;
    return nullptr;
  }
  auto port = server->app_->StartServer();
  if (!port.ok()) {
    *skip_reason = port.status().message_en();
    return nullptr;
  }
  server->port_ = *port;
  return server;
}

bool TestServer::BuildFixture(std::string* error) {
  Caller sys = Caller::System("fixture");
  ReferenceService& ref = app_->reference();
  ProjectService& projects = app_->projects();
  UserService& users = app_->users();
  auto fail = [&](const Status& st) {
    *error = st.message_en();
    for (const auto& d : st.details()) *error += "; " + d.field + ": " + d.message_en;
    return false;
  };
#define FIXTURE_TRY(var, expr) \
  auto var = (expr);           \
  if (!var.ok()) return fail(var.status())

  FIXTURE_TRY(city, ref.CreateRegion(sys, Region{"610100", "西安市", std::nullopt, 0}));
  FIXTURE_TRY(district, ref.CreateRegion(sys, Region{"610113", "雁塔区", "610100", 0}));
  auto unit = [&](std::string name, UnitKind kind, std::optional<std::string> credit) {
    Unit u;
    u.name = std::move(name);
    u.kind = kind;
    u.credit_code = std::move(credit);
    u.region_code = "610113";
    return ref.CreateUnit(sys, u);
  };
  FIXTURE_TRY(office, unit("雁塔区发展和改革委员会", UnitKind::kOffice, std::nullopt));
  FIXTURE_TRY(edu, unit("雁塔区教育局", UnitKind::kDepartment, std::nullopt));
  FIXTURE_TRY(build, unit("雁塔区住房和城乡建设局", UnitKind::kDepartment, std::nullopt));
  FIXTURE_TRY(company_a, unit("西安甲建设有限公司", UnitKind::kCompany, "91350200776049653A"));
  FIXTURE_TRY(company_b, unit("西安乙置业有限公司", UnitKind::kCompany, "91350500798359476R"));
  fixture_.office = office->id;
  fixture_.dept_edu = edu->id;
  fixture_.dept_build = build->id;
  fixture_.company_a = company_a->id;
  fixture_.company_b = company_b->id;

  auto person = [&](std::string name, std::string title, int64_t unit_id, PersonKind kind) {
    Person p;
    p.name = std::move(name);
    p.title = std::move(title);
    p.unit_id = unit_id;
    p.kind = kind;
    return ref.CreatePerson(sys, p);
  };
  FIXTURE_TRY(leader, person("王副区长", "副区长", office->id, PersonKind::kLeader));
  FIXTURE_TRY(officer, person("李服务", "首席服务员", edu->id, PersonKind::kCadre));
  fixture_.leader_person = leader->id;
  fixture_.officer_person = officer->id;

  struct Account {
    const char* name;
    Role role;
    int64_t unit;
    std::optional<int64_t> person;
  };
  const Account accounts[] = {
      {"admin", Role::kAdmin, office->id, std::nullopt},
      {"fgw", Role::kSupervisor, office->id, std::nullopt},
      {"edu", Role::kDepartment, edu->id, std::nullopt},
      {"build", Role::kDepartment, build->id, std::nullopt},
      {"company_a", Role::kReporter, company_a->id, std::nullopt},
      {"company_b", Role::kReporter, company_b->id, std::nullopt},
      {"leader", Role::kLeader, office->id, leader->id},
      {"officer", Role::kServiceOfficer, edu->id, officer->id},
  };
  for (const Account& a : accounts) {
    NewUser u;
    u.username = a.name;
    u.display_name = a.name;
    u.role = a.role;
    u.unit_id = a.unit;
    u.person_id = a.person;
    u.password = kFixturePassword;
    FIXTURE_TRY(created, users.Create(sys, u));
  }

  auto project = [&](std::string name, int64_t owner, int64_t responsible, Stage stage,
                     int64_t wan) {
    Project p;
    p.name = std::move(name);
    p.level = ProjectLevel::kDistrict;
    p.region_code = "610113";
    p.owner_unit_id = owner;
    p.responsible_unit_id = responsible;
    p.total_investment = Money::FromWan(wan);
    p.stage = stage;
    p.planned_start = "2026-01-01";
    p.planned_completion = "2027-12-31";
    if (stage == Stage::kConstruction) p.actual_start = "2026-02-01";
    return projects.Create(sys, p, "fixture");
  };
  FIXTURE_TRY(school, project("雁塔区第四中学建设项目", company_a->id, edu->id,
                              Stage::kConstruction, 30000));
  FIXTURE_TRY(road,
              project("电子六路建设项目", company_b->id, build->id, Stage::kPreliminary, 52000));
  FIXTURE_TRY(mall, project("西安荟聚项目", company_b->id, build->id, Stage::kReserve, 430000));
  fixture_.project_school = school->id;
  fixture_.project_road = road->id;
  fixture_.project_mall = mall->id;

  auto assign = [&](int64_t project_id, AssignmentRole role, std::optional<int64_t> person_id,
                    std::optional<int64_t> unit_id) {
    Assignment a;
    a.project_id = project_id;
    a.role = role;
    a.person_id = person_id;
    a.unit_id = unit_id;
    a.valid_from = "2026-01-01";
    return projects.AddAssignment(sys, a);
  };
  FIXTURE_TRY(a1, assign(school->id, AssignmentRole::kLeadLeader, leader->id, std::nullopt));
  FIXTURE_TRY(a2,
              assign(school->id, AssignmentRole::kChiefServiceOfficer, officer->id, std::nullopt));
  FIXTURE_TRY(a3, assign(mall->id, AssignmentRole::kCooperatingUnit, std::nullopt, edu->id));
#undef FIXTURE_TRY
  return true;
}

std::unique_ptr<HttpClient> TestServer::LoggedIn(const std::string& username) {
  auto client = std::make_unique<HttpClient>("127.0.0.1", port_);
  HttpResult r = client->Login(username, kFixturePassword);
  if (r.status != 200) return nullptr;
  return client;
}

std::unique_ptr<HttpClient> TestServer::Anonymous() {
  return std::make_unique<HttpClient>("127.0.0.1", port_);
}

}  // namespace keyline::testing
