// What every API handler needs: the services, and the way a request becomes a Caller.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/repositories.h"
#include "http/request.h"
#include "http/router.h"

namespace keyline {
class AuthService;
class UserService;
class ProjectService;
class ReferenceService;
class AuditLog;
class PlanService;
class ReportService;
class AttachmentService;
class ReportingSettings;
class ReportingStats;
class ReportDesk;
class WorkingCalendar;
class ProblemService;
class ProcedureService;
class BattleChartService;
class MeetingService;
class FundService;
class KeyListService;
class FactorService;
class NamingService;
class MapService;
namespace geo {
struct TileSource;
}
struct AttractionServices;
class LoginThrottle;
namespace auth {
class LoginRateLimiter;
}
class SnapshotService;
struct Snapshot;
namespace documents {
class ExportService;
class BulletinService;
class BulletinIssuer;
}  // namespace documents
namespace importing {
class ImportService;
}
namespace api {
class ImportGate;
}
namespace engine {
class IndicatorService;
class RatesService;
class RankingPublisher;
class LightsService;
class RankingService;
}  // namespace engine
}  // namespace keyline

namespace keyline::api {

struct ApiOptions {
  std::string cookie_name = "keyline_sid";
  bool cookie_secure = false;  // set true behind TLS
  // Allowed Origin for unsafe requests ("" = same host as the Host header).
  std::string allowed_origin;
};

struct ApiContext {
  ApiOptions options;
  const Clock* clock = nullptr;
  const WorkingCalendar* calendar = nullptr;
  Repositories repos;
  AuditLog* audit = nullptr;
  AuthService* auth = nullptr;
  UserService* users = nullptr;
  ProjectService* projects = nullptr;
  ReferenceService* reference = nullptr;
  PlanService* plans = nullptr;
  ReportService* reports = nullptr;
  AttachmentService* attachments = nullptr;
  ReportingSettings* reporting_settings = nullptr;
  ReportingStats* reporting_stats = nullptr;
  ReportDesk* desk = nullptr;  // to-do, prefill, compare, batch approval
  auth::LoginRateLimiter* login_limiter = nullptr;
  // The delays per (account, address): the Retry-After of a held-back pair.
  LoginThrottle* login_throttle = nullptr;
  ProblemService* problems = nullptr;  // supervision
  ProcedureService* procedures = nullptr;
  BattleChartService* battle_chart = nullptr;
  MeetingService* meetings = nullptr;  // dispatch meetings (meetings_api.cc)
  FundService* funds = nullptr;        // funds, key lists, factor guarantees
  KeyListService* key_lists = nullptr;
  FactorService* factors = nullptr;
  AttractionServices* attraction = nullptr;  // 招商引资, 三个一批, 目标任务
  // Documents out (documents_api.cc): ledger .xlsx and OC4IDS; the monthly bulletin (月度通报).
  documents::ExportService* exports = nullptr;
  documents::BulletinService* bulletins = nullptr;
  importing::ImportService* imports = nullptr;  // .xlsx imports
  // Imports at once (nullptr: no limit).
  ImportGate* import_gate = nullptr;
  NamingService* naming = nullptr;                 // aliases and name look-ups
  engine::IndicatorService* indicators = nullptr;  // indicators_api.cc
  engine::RatesService* rates = nullptr;
  // Traffic lights, forecast and dispatch list; ranking schemes and rankings.
  engine::LightsService* lights = nullptr;
  engine::RankingService* rankings = nullptr;
  // The map: the district outline and checked locations; the tile source (configuration).
  MapService* map = nullptr;
  const geo::TileSource* map_tiles = nullptr;

  // Published snapshots: 印发 of the bulletin, published rankings.
  documents::BulletinIssuer* bulletin_issuer = nullptr;
  SnapshotService* snapshots = nullptr;
  engine::RankingPublisher* ranking_publisher = nullptr;
};

// The caller behind a request: the session cookie is looked up, and for POST/PUT/PATCH/DELETE
// the X-CSRF-Token header must match the session's token and a present Origin (or
// Sec-Fetch-Site: cross-site) must not be foreign. kUnauthenticated / kForbidden otherwise.
Result<Caller> ResolveCaller(ApiContext& ctx, const http::Request& request);

// The one form of an API handler: it answers a response (JsonOk, a file, a 204) or a non-OK
// Status, which Route turns into the error envelope (Error) in one place.
using Reply = Result<http::Response>;
using ApiHandler = std::function<Reply(ApiContext&, const Caller&, http::Request&)>;
// A handler that runs without a caller (login, the session itself).
using PublicHandler = std::function<Reply(ApiContext&, http::Request&)>;

// Registers method + path: the caller is resolved (401/403 otherwise, see ResolveCaller), the
// handler runs, and a non-OK Status becomes the error envelope.
void Route(http::Router& router, ApiContext& ctx, std::string method, std::string path,
           ApiHandler handler, http::RouteOptions options = {});
// The same without resolving a caller.
void PublicRoute(http::Router& router, ApiContext& ctx, std::string method, std::string path,
                 PublicHandler handler, http::RouteOptions options = {});

// ---- helpers shared by the handler files ----

// The path parameter as a positive id; kNotFound when it is not one.
Result<int64_t> PathId(const http::Request& request, const char* name);
// 200/201 with a JSON body.
http::Response JsonOk(std::string body, int status = 200);
// The error envelope for a status.
http::Response Error(const http::Request& request, const Status& status);
// A whole decimal number of at most 18 characters (optional sign), nothing else.
bool ParseInt64(const std::string& s, int64_t* out);
// Reads "limit" (1..500, default 50) and "offset" (0..10^7) into a Page.
Status ReadPage(const http::Request& request, Page* page);
// The integer query parameter key within [min, max]: nullopt when absent and not required;
// kInvalidArgument naming the parameter otherwise.
Result<std::optional<int64_t>> QueryInt(const http::Request& request, const char* key, int64_t min,
                                        int64_t max, bool required);
// The path parameter as a period YYYYMM (2000..2100, month 01..12); kNotFound otherwise.
Result<int> PathPeriod(const http::Request& request, const char* name);
// A project's report named by the path /projects/{id}/reports/{period}.
struct ReportTarget {
  int64_t project_id = 0;
  int period = 0;
};
Result<ReportTarget> PathReportTarget(const http::Request& request);
// kInvalidArgument naming the first query parameter not in `allowed`.
Status RejectUnknownQuery(const http::Request& request,
                          std::initializer_list<std::string_view> allowed);

// Registers the handlers of each resource (one file each).
void RegisterSessionRoutes(http::Router& router, ApiContext& ctx);
void RegisterUserRoutes(http::Router& router, ApiContext& ctx);
void RegisterReferenceRoutes(http::Router& router, ApiContext& ctx);
void RegisterProjectRoutes(http::Router& router, ApiContext& ctx);
void RegisterAuditRoutes(http::Router& router, ApiContext& ctx);
void RegisterMetaRoutes(http::Router& router, ApiContext& ctx);
void RegisterPlanRoutes(http::Router& router, ApiContext& ctx);        // plans_api.cc
void RegisterReportRoutes(http::Router& router, ApiContext& ctx);      // reports_api.cc
void RegisterReportingRoutes(http::Router& router, ApiContext& ctx);   // reporting_api.cc
void RegisterReportDeskRoutes(http::Router& router, ApiContext& ctx);  // report_desk_api.cc
void RegisterAttachmentRoutes(http::Router& router, ApiContext& ctx);  // attachments_api.cc
void RegisterProblemRoutes(http::Router& router, ApiContext& ctx);
void RegisterProjectPlanRoutes(http::Router& router, ApiContext& ctx);
void RegisterMeetingRoutes(http::Router& router, ApiContext& ctx);     // meetings_api.cc
void RegisterFundRoutes(http::Router& router, ApiContext& ctx);        // funds_api.cc
void RegisterKeyListRoutes(http::Router& router, ApiContext& ctx);     // key_lists_api.cc
void RegisterFactorRoutes(http::Router& router, ApiContext& ctx);      // factors_api.cc
void RegisterAttractionRoutes(http::Router& router, ApiContext& ctx);  // leads_api.cc, ...
void RegisterDocumentRoutes(http::Router& router, ApiContext& ctx);    // documents_api.cc
void RegisterImportRoutes(http::Router& router, ApiContext& ctx);      // imports_api.cc
void RegisterIndicatorRoutes(http::Router& router, ApiContext& ctx);   // indicators_api.cc
void RegisterAliasRoutes(http::Router& router, ApiContext& ctx);
void RegisterMapRoutes(http::Router& router,
                       ApiContext& ctx);  // map_api.cc       // aliases_api.cc
// /lights, /projects/{id}/lights(+/judgements), /light-rules, /forecast, /projects/{id}/forecast,
// /dispatch-list (lights_api.cc).
void RegisterLightsRoutes(http::Router& router, ApiContext& ctx);
// /ranking-schemes, /rankings, /rankings/exemptions, published rankings (rankings_api.cc).
void RegisterRankingRoutes(http::Router& router, ApiContext& ctx);
// /export/rates.xlsx, /export/lights.xlsx, /export/rankings.xlsx (engine_exports_api.cc).
void RegisterEngineExportRoutes(http::Router& router, ApiContext& ctx);

// All of the above.
void RegisterAllRoutes(http::Router& router, ApiContext& ctx);

// The file (html, pdf or xlsx) of an issued bulletin (its kind-bulletin snapshot), as stored;
// kInternal naming the tampering when it is not what was issued (documents_api.cc).
Result<std::string> IssuedBulletinFile(documents::BulletinIssuer& issuer, const Snapshot& issued,
                                       const std::string& format);

}  // namespace keyline::api
