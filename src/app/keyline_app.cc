#include "app/keyline_app.h"

#include <fstream>
#include <sstream>
#include <string>

#include "api/api_context.h"
#include "api/import_gate.h"
#include "app/audit_key_file.h"
#include "app/audit_witness_file.h"
#include "app/embedded_files.h"
#include "app/escalation_timer.h"
#include "auth/login_rate_limiter.h"
#include "auth/random_token_source.h"
#include "auth/sodium_password_hasher.h"
#include "core/calendar/working_calendar.h"
#include "core/geo/map_service.h"
#include "core/service/attachment_service.h"
#include "core/service/attraction_services.h"
#include "core/service/audit_log.h"
#include "core/service/auth_service.h"
#include "core/service/battle_chart_service.h"
#include "core/service/factor_service.h"
#include "core/service/fund_service.h"
#include "core/service/key_list_service.h"
#include "core/service/meeting_service.h"
#include "core/service/naming_service.h"
#include "core/service/plan_service.h"
#include "core/service/problem_service.h"
#include "core/service/procedure_service.h"
#include "core/service/project_service.h"
#include "core/service/reference_service.h"
#include "core/service/report_desk.h"
#include "core/service/report_service.h"
#include "core/service/reporting_settings.h"
#include "core/service/reporting_stats.h"
#include "core/service/session_cache.h"
#include "core/service/snapshot_service.h"
#include "core/service/user_service.h"
#include "documents/bulletin_issue.h"
#include "documents/bulletin_service.h"
#include "documents/engine_indicator_source.h"
#include "documents/engine_lights_source.h"
#include "documents/export_service.h"
#include "engine/indicator_catalogue.h"
#include "engine/service/db_indicator_catalogue.h"
#include "engine/service/indicator_service.h"
#include "engine/service/lights_service.h"
#include "engine/service/ranking_publisher.h"
#include "engine/service/ranking_service.h"
#include "engine/service/rates_service.h"
#include "http/router.h"
#include "http/server.h"
#include "importing/import_service.h"
#include "storage/engine/live_facts.h"
#include "storage/engine/sql_engine_repositories.h"
#include "storage/repos/lights_sql_repositories.h"
#include "storage/repos/map_outline_repository.h"
#include "storage/repos/sql_store.h"

namespace keyline {
namespace {

// The calendar from config.calendar_file, or the compiled-in reference/holidays-cn.csv.
Result<WorkingCalendar> LoadCalendar(const Config& config) {
  if (config.calendar_file.empty()) {
    return WorkingCalendar::ParseCsv(FindReferenceFile("holidays-cn.csv"));
  }
  std::ifstream in(config.calendar_file, std::ios::binary);
  if (!in) {
    return Status::InvalidArgument("无法读取工作日历文件 " + config.calendar_file,
                                   "cannot read the calendar file " + config.calendar_file);
  }
  std::stringstream text;
  text << in.rdbuf();
  return WorkingCalendar::ParseCsv(text.str());
}

}  // namespace

struct KeylineApp::State {
  Config config;
  SystemClock system_clock;
  const Clock* clock = nullptr;
  WorkingCalendar calendar;
  std::unique_ptr<SqlStore> store;
  std::unique_ptr<auth::SodiumPasswordHasher> hasher;
  auth::RandomTokenSource tokens;
  std::unique_ptr<auth::LoginRateLimiter> limiter;
  std::unique_ptr<LoginThrottle> throttle;  // growing delays per (account, address)
  SessionCache session_cache;
  std::unique_ptr<AuditLog> audit;
  std::string audit_key_file;
  std::unique_ptr<FileAuditWitness> audit_witness;  // the chain head outside the db
  std::unique_ptr<EscalationTimer> witness_timer;
  std::unique_ptr<AuthService> auth;
  std::unique_ptr<UserService> users;
  std::unique_ptr<ProjectService> projects;
  std::unique_ptr<ReferenceService> reference;
  std::unique_ptr<NamingService> naming;  // aliases, name look-ups
  std::unique_ptr<ReportingSettings> reporting_settings;
  std::unique_ptr<PlanService> plans;
  std::unique_ptr<ReportService> reports;
  std::unique_ptr<AttachmentService> attachments;
  std::unique_ptr<ReportingStats> reporting_stats;
  std::unique_ptr<ReportDesk> desk;
  std::unique_ptr<ProblemService> problems;
  std::unique_ptr<ProcedureService> procedures;
  std::unique_ptr<BattleChartService> battle_chart;
  NoRedProjects red_projects;  // until the traffic-light issue: see core/ports/red_projects.h
  std::unique_ptr<MeetingService> meetings;
  std::unique_ptr<FundService> funds;
  std::unique_ptr<KeyListService> key_lists;
  std::unique_ptr<FactorService> factors;
  std::unique_ptr<AttractionServices> attraction;  // 招商引资, 三个一批, 目标任务
  std::unique_ptr<EscalationTimer> escalation_timer;
  std::unique_ptr<importing::ImportService> imports;  // .xlsx imports
  std::unique_ptr<api::ImportGate> import_gate;       // imports at once
  std::unique_ptr<storage::LiveFacts> live_facts;     // the engine's facts
  std::unique_ptr<IndicatorRepository> indicator_repo;
  std::unique_ptr<EngineLookups> engine_lookups;
  std::unique_ptr<engine::DbIndicatorCatalogue> indicators;
  std::unique_ptr<engine::IndicatorService> indicator_service;
  std::unique_ptr<engine::RatesService> rates;
  // Traffic lights, rankings, forecast, dispatch list (bound to the live facts)
  engine::LightsRedProjectSource lights_red;
  std::unique_ptr<LightsRepository> lights_repo;
  std::unique_ptr<RankingRepository> ranking_repo;
  std::unique_ptr<engine::LightsService> lights;
  std::unique_ptr<engine::RankingService> rankings;
  std::unique_ptr<engine::RankingPublisher> ranking_publisher;  // published rankings
  // Documents out. The bulletin's 五率 come from the live engine (engine_rates), its
  // rankings and red/yellow lists from the lights and rankings services (engine_lights).
  std::unique_ptr<documents::ExportService> exports;
  documents::NoIndicatorSource no_indicators;
  std::unique_ptr<documents::EngineIndicatorSource> engine_rates;
  std::unique_ptr<documents::LightsRankingSource> engine_lights;
  std::unique_ptr<documents::BulletinService> bulletins;
  std::unique_ptr<SnapshotService> snapshots;  // published means frozen
  std::unique_ptr<documents::BulletinIssuer> bulletin_issuer;
  // The map: tile source (configuration), district outline, checked locations.
  geo::TileSource map_tiles;
  std::unique_ptr<MapOutlineRepository> map_outlines;
  std::unique_ptr<MapService> map;
  api::ApiContext api;
  http::Router router;
  std::unique_ptr<http::Server> server;
};

KeylineApp::KeylineApp() : state_(std::make_unique<State>()) {}

KeylineApp::~KeylineApp() {
  StopServer();
  if (state_ && state_->live_facts) state_->live_facts->StopListener();
  if (state_ && state_->store) state_->store->db().Close();
}

Result<std::unique_ptr<KeylineApp>> KeylineApp::Open(const Config& config, const Clock* clock,
                                                     bool fast_hashing) {
  std::unique_ptr<KeylineApp> app(new KeylineApp());
  State& s = *app->state_;
  s.config = config;
  s.clock = clock ? clock : &s.system_clock;
  // A bad tile source stops the start with its message.
  KL_ASSIGN_OR_RETURN(s.map_tiles, geo::ResolveTileSource(config.map_tiles, config.tianditu_key));
  KL_ASSIGN_OR_RETURN(s.calendar, LoadCalendar(config));
  KL_ASSIGN_OR_RETURN(s.store, SqlStore::Open(config.db_url, config.pool_size));
  const Repositories& repos = s.store->repos();
  s.hasher = std::make_unique<auth::SodiumPasswordHasher>(fast_hashing, config.hash_concurrency,
                                                          config.hash_wait_ms);
  s.limiter = std::make_unique<auth::LoginRateLimiter>(*s.clock);
  s.throttle = std::make_unique<LoginThrottle>(*s.clock);
  s.audit = std::make_unique<AuditLog>(*repos.audit, *s.clock);
  // Before anything writes: the keyed chain's key (created on the first start) and the witness.
  s.audit_key_file =
      config.audit_key_file.empty() ? DefaultAuditKeyPath(config.db_url) : config.audit_key_file;
  KL_RETURN_IF_ERROR(
      LoadOrCreateAuditKey(s.audit_key_file, *s.audit, *repos.audit, *repos.tx).status());
  s.audit_witness = std::make_unique<FileAuditWitness>(config.audit_witness_file.empty()
                                                           ? DefaultAuditWitnessPath(config.db_url)
                                                           : config.audit_witness_file);
  s.audit->SetWitness(s.audit_witness.get());
  AuthOptions auth_options;
  auth_options.session_idle_minutes = config.session_idle_minutes;
  s.auth = std::make_unique<AuthService>(repos, *s.audit, *s.hasher, s.tokens, s.session_cache,
                                         *s.throttle, *s.clock, auth_options);
  s.users = std::make_unique<UserService>(repos, *s.audit, *s.hasher, *s.clock);
  s.users->UseLoginThrottle(s.throttle.get());
  s.users->OnSessionsEnded([cache = &s.session_cache](int64_t id) { cache->EvictUser(id); });
  s.projects = std::make_unique<ProjectService>(repos, *s.audit, *s.clock);
  s.reference = std::make_unique<ReferenceService>(repos, *s.audit, *s.clock);
  const ReportingRepositories& reporting = s.store->reporting();
  s.reporting_settings = std::make_unique<ReportingSettings>(*repos.tx, *reporting.settings,
                                                             *s.audit, s.calendar, *s.clock);
  s.plans = std::make_unique<PlanService>(repos, *reporting.plans, *s.audit, *s.clock);
  s.reports =
      std::make_unique<ReportService>(repos, reporting, *s.reporting_settings, *s.audit, *s.clock);
  s.attachments =
      std::make_unique<AttachmentService>(repos, reporting, *s.reports, *s.audit, *s.clock);
  s.reporting_stats =
      std::make_unique<ReportingStats>(repos, reporting, *s.reporting_settings, *s.clock);
  s.desk = std::make_unique<ReportDesk>(repos, reporting, *s.reports, *s.reporting_stats,
                                        *s.reporting_settings, *s.clock);
  s.problems = std::make_unique<ProblemService>(repos, *s.audit, *s.clock, s.calendar);
  s.procedures = std::make_unique<ProcedureService>(repos, *s.audit, *s.clock, s.calendar);
  s.battle_chart = std::make_unique<BattleChartService>(repos, *s.audit, *s.clock, s.calendar);
  s.meetings = std::make_unique<MeetingService>(repos, *s.audit, *s.clock, *s.problems,
                                                *s.battle_chart, s.lights_red);
  s.snapshots = std::make_unique<SnapshotService>(*repos.tx, s.store->snapshots(), *repos.audit,
                                                  *s.audit, *s.clock);
  s.meetings->SetSnapshots(*s.snapshots);
  const FundsRepositories& funds = s.store->funds();
  s.funds = std::make_unique<FundService>(repos, funds, *s.audit, *s.clock, s.calendar);
  s.key_lists = std::make_unique<KeyListService>(repos, funds, *s.audit, *s.clock);
  s.factors = std::make_unique<FactorService>(repos, funds, *s.audit, *s.clock);
  s.attraction = std::make_unique<AttractionServices>(
      repos, s.store->attraction(), *reporting.plans, *s.projects, *s.audit, *s.clock);
  s.live_facts = std::make_unique<storage::LiveFacts>(s.store->db(), *s.clock);
  s.indicator_repo = storage::NewSqlIndicatorRepository();
  s.engine_lookups = storage::NewSqlEngineLookups();
  s.indicators = std::make_unique<engine::DbIndicatorCatalogue>(*repos.tx, *s.indicator_repo);
  s.indicator_service =
      std::make_unique<engine::IndicatorService>(*repos.tx, *s.indicator_repo, *s.audit, *s.clock);
  KL_RETURN_IF_ERROR(s.indicator_service->EnsureBuiltins());
  s.rates = std::make_unique<engine::RatesService>(*repos.tx, *s.engine_lookups, *s.live_facts,
                                                   *s.indicators, *s.clock);
  s.lights_repo = storage::NewSqlLightsRepository();
  s.ranking_repo = storage::NewSqlRankingRepository();
  LightsRepositories lights_repos{s.lights_repo.get(), s.ranking_repo.get()};
  s.lights = std::make_unique<engine::LightsService>(
      repos, lights_repos, *s.audit, *s.clock, *s.live_facts, *s.reporting_settings, s.calendar);
  s.rankings = std::make_unique<engine::RankingService>(repos, lights_repos, *s.audit, *s.clock,
                                                        *s.live_facts, *s.indicators);
  s.lights_red.Bind(s.lights.get());
  s.ranking_publisher =
      std::make_unique<engine::RankingPublisher>(*s.rankings, *s.snapshots, *repos.tx);
  s.api.ranking_publisher = s.ranking_publisher.get();
  KL_RETURN_IF_ERROR(s.problems->EnsureBuiltinTemplates());
  KL_RETURN_IF_ERROR(s.procedures->EnsureBuiltinTemplates());

  s.api.options.cookie_secure = config.cookie_secure;
  s.api.options.allowed_origin = config.allowed_origin;
  s.api.clock = s.clock;
  s.api.calendar = &s.calendar;
  s.api.repos = repos;
  s.api.audit = s.audit.get();
  s.api.auth = s.auth.get();
  s.api.users = s.users.get();
  s.api.projects = s.projects.get();
  s.api.reference = s.reference.get();
  s.naming = std::make_unique<NamingService>(repos, *s.audit, *s.clock);
  s.api.naming = s.naming.get();
  s.api.plans = s.plans.get();
  s.api.reports = s.reports.get();
  s.api.attachments = s.attachments.get();
  s.api.reporting_settings = s.reporting_settings.get();
  s.api.reporting_stats = s.reporting_stats.get();
  s.api.desk = s.desk.get();
  s.api.login_limiter = s.limiter.get();
  s.api.login_throttle = s.throttle.get();
  s.api.problems = s.problems.get();
  s.api.procedures = s.procedures.get();
  s.api.battle_chart = s.battle_chart.get();
  s.api.meetings = s.meetings.get();
  s.api.funds = s.funds.get();
  s.api.key_lists = s.key_lists.get();
  s.api.factors = s.factors.get();
  s.api.attraction = s.attraction.get();
  s.exports = std::make_unique<documents::ExportService>(repos, *s.projects, *s.clock);
  s.bulletins = std::make_unique<documents::BulletinService>(
      repos, *s.projects, *s.reporting_stats, *s.problems, *s.exports, s.no_indicators, *s.clock);
  s.engine_rates = std::make_unique<documents::EngineIndicatorSource>(*s.indicators, *s.live_facts,
                                                                      repos, s.no_indicators);
  s.engine_lights =
      std::make_unique<documents::LightsRankingSource>(*s.lights, *s.rankings, *s.engine_rates);
  s.bulletins->SetIndicatorSource(*s.engine_lights);
  s.api.exports = s.exports.get();
  s.api.bulletins = s.bulletins.get();
  s.bulletin_issuer =
      std::make_unique<documents::BulletinIssuer>(*s.bulletins, *s.snapshots, *repos.tx);
  s.bulletin_issuer->SetAuditRepository(repos.audit);
  s.api.bulletin_issuer = s.bulletin_issuer.get();
  s.api.snapshots = s.snapshots.get();
  s.imports =
      std::make_unique<importing::ImportService>(repos, s.store->imports(), *s.projects, *s.reports,
                                                 *s.plans, *reporting.reports, *s.audit, *s.clock);
  s.api.imports = s.imports.get();
  s.import_gate = std::make_unique<api::ImportGate>(config.max_imports);
  s.api.import_gate = s.import_gate.get();
  s.api.indicators = s.indicator_service.get();
  s.api.rates = s.rates.get();
  s.api.lights = s.lights.get();
  s.api.rankings = s.rankings.get();
  s.map_outlines = storage::NewSqlMapOutlineRepository();
  s.map = std::make_unique<MapService>(*repos.tx, *s.map_outlines, *s.projects, *s.audit, *s.clock);
  s.api.map = s.map.get();
  s.api.map_tiles = &s.map_tiles;
  api::RegisterAllRoutes(s.router, s.api);
  // The API contract itself, without login.
  s.router.Add("GET", "/api/v1/openapi.yaml", [](http::Request&) {
    http::Response r = http::Response::Json(200, std::string(ApiDocument()));
    r.content_type = "application/yaml; charset=utf-8";
    return r;
  });
  return app;
}

Result<uint16_t> KeylineApp::StartServer() {
  State& s = *state_;
  if (s.server) return s.server->port();
  http::ServerOptions options;
  options.address = s.config.listen_address;
  options.port = s.config.listen_port;
  options.io_threads = s.config.io_threads;
  options.worker_threads = s.config.worker_threads;
  options.max_queue = s.config.max_queue;
  options.static_dir = s.config.static_dir;
  options.access_log = s.config.access_log;
  options.header_timeout_seconds = s.config.header_timeout_seconds;
  options.max_connections_per_address = s.config.max_connections_per_address;
  options.metrics_token = s.config.metrics_token;
  options.csp_img_src = geo::CspImgSources(s.map_tiles);  // the browser fetches the tiles
  // The dummy hash for unknown usernames, now rather than on the first such login.
  KL_RETURN_IF_ERROR(s.auth->WarmUp());
  SqlStore* store = s.store.get();
  options.extra_metrics = [store] { return store->Metrics(); };
  s.server = std::make_unique<http::Server>(options, s.router);
  std::string error;
  if (!s.server->Start(&error)) {
    s.server.reset();
    return Status::Unavailable("无法监听 " + s.config.listen_address + ":" +
                                   std::to_string(s.config.listen_port) + "：" + error,
                               "cannot listen on " + s.config.listen_address + ":" +
                                   std::to_string(s.config.listen_port) + ": " + error);
  }
  return s.server->port();
}

void KeylineApp::StartEscalationTimer(int seconds) {
  State& s = *state_;
  if (s.escalation_timer || seconds <= 0) return;
  ProblemService* problems = s.problems.get();
  s.escalation_timer = std::make_unique<EscalationTimer>(std::chrono::seconds(seconds), [problems] {
    auto report = problems->Sweep(Caller::System("escalation"));
    (void)report;  // failures are retried on the next tick
  });
}

void KeylineApp::StartAuditWitness(int seconds) {
  State& s = *state_;
  if (s.witness_timer || seconds <= 0) return;
  s.witness_timer = std::make_unique<EscalationTimer>(std::chrono::seconds(seconds), [this] {
    (void)WriteAuditWitness();  // retried on the next tick
  });
}

Status KeylineApp::WriteAuditWitness() {
  State& s = *state_;
  KL_ASSIGN_OR_RETURN(AuditHead head, s.audit->Head(*s.store->repos().tx));
  return s.audit_witness->Append(AuditWitnessMark{s.clock->NowMs(), std::move(head)});
}

const std::string& KeylineApp::audit_key_file() const { return state_->audit_key_file; }
const std::string& KeylineApp::audit_witness_file() const { return state_->audit_witness->path(); }

void KeylineApp::StopServer() {
  if (state_ && state_->escalation_timer) state_->escalation_timer.reset();
  if (state_ && state_->witness_timer) {
    state_->witness_timer.reset();
    (void)WriteAuditWitness();  // the head at shutdown
  }
  if (state_ && state_->server) {
    state_->server->Stop();
    state_->server.reset();
  }
}

void KeylineApp::WaitForSignal() {
  if (state_->server) state_->server->WaitForSignal();
}

const Repositories& KeylineApp::repos() const { return state_->store->repos(); }
const http::Router& KeylineApp::router() const { return state_->router; }
AuditLog& KeylineApp::audit() { return *state_->audit; }
AuthService& KeylineApp::auth() { return *state_->auth; }
UserService& KeylineApp::users() { return *state_->users; }
ProjectService& KeylineApp::projects() { return *state_->projects; }
ReferenceService& KeylineApp::reference() { return *state_->reference; }
PlanService& KeylineApp::plans() { return *state_->plans; }
ReportService& KeylineApp::reports() { return *state_->reports; }
ReportingSettings& KeylineApp::reporting_settings() { return *state_->reporting_settings; }
ProblemService& KeylineApp::problems() { return *state_->problems; }
ProcedureService& KeylineApp::procedures() { return *state_->procedures; }
BattleChartService& KeylineApp::battle_chart() { return *state_->battle_chart; }
MeetingService& KeylineApp::meetings() { return *state_->meetings; }
FundService& KeylineApp::funds() { return *state_->funds; }
KeyListService& KeylineApp::key_lists() { return *state_->key_lists; }
FactorService& KeylineApp::factors() { return *state_->factors; }
AttractionServices& KeylineApp::attraction() { return *state_->attraction; }
const Clock& KeylineApp::clock() const { return *state_->clock; }
const WorkingCalendar& KeylineApp::calendar() const { return state_->calendar; }
const Config& KeylineApp::config() const { return state_->config; }
importing::ImportService& KeylineApp::imports() { return *state_->imports; }
api::ImportGate& KeylineApp::import_gate() { return *state_->import_gate; }

SqlStore& KeylineApp::store() { return *state_->store; }
documents::ExportService& KeylineApp::exports() { return *state_->exports; }
documents::BulletinService& KeylineApp::bulletins() { return *state_->bulletins; }
SnapshotService& KeylineApp::snapshots() { return *state_->snapshots; }
engine::RankingService& KeylineApp::rankings() { return *state_->rankings; }
engine::RankingPublisher& KeylineApp::ranking_publisher() { return *state_->ranking_publisher; }
engine::FactsSource& KeylineApp::facts() { return *state_->live_facts; }
engine::IndicatorCatalogue& KeylineApp::indicators() { return *state_->indicators; }

Result<int64_t> KeylineApp::LoadFacts() {
  State& s = *state_;
  KL_RETURN_IF_ERROR(s.live_facts->Load());
  if (s.store->db().dialect() == sql::Dialect::kPostgres) {
    KL_RETURN_IF_ERROR(s.live_facts->StartListener(s.config.db_url));
  }
  return s.live_facts->Stats().load_ms;
}

}  // namespace keyline
