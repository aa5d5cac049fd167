#include "app/config.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <type_traits>

namespace keyline {
namespace {

Status Bad(const std::string& what) {
  return Status::InvalidArgument("命令行参数错误：" + what, "bad command line: " + what);
}

bool ParseIntInRange(const std::string& s, int64_t lo, int64_t hi, int64_t* out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && *out >= lo && *out <= hi;
}

Status ParseListen(const std::string& value, Config* c) {
  size_t colon = value.rfind(':');
  if (colon == std::string::npos) return Bad("--listen expects HOST:PORT");
  int64_t port = 0;
  if (!ParseIntInRange(value.substr(colon + 1), 0, 65535, &port)) {
    return Bad("--listen port must be 0..65535");
  }
  c->listen_address = value.substr(0, colon);
  c->listen_port = static_cast<uint16_t>(port);
  return Status::Ok();
}

const char* Env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

// The first line of the file, without surrounding white space.
Status ReadTokenFile(const std::string& path, std::string* token) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line)) return Bad("cannot read --metrics-token-file " + path);
  size_t begin = line.find_first_not_of(" \t\r");
  size_t end = line.find_last_not_of(" \t\r");
  if (begin == std::string::npos) return Bad("--metrics-token-file " + path + " is empty");
  *token = line.substr(begin, end - begin + 1);
  if (token->size() < 16) return Bad("the metrics token needs at least 16 characters");
  return Status::Ok();
}

}  // namespace

const char* UsageText() {
  return R"(keyline — 重点项目全生命周期监管平台 / key investment project supervision

Usage: keyline [--db URL] [--pool N] COMMAND [options]

  --db URL           sqlite:PATH (default sqlite:./data/keyline.db) or postgresql://...
                     (env KEYLINE_DB)
  --pool N           database connections (default 8)
  --calendar FILE    working-day calendar CSV replacing the compiled-in one (date,kind,name;
                     env KEYLINE_CALENDAR)
  --audit-key FILE   the audit chain's HMAC key, created (0600) when missing; default next to
                     the SQLite file (<db>.audit-key), else ./data/<database>.audit-key
                     (env KEYLINE_AUDIT_KEY)
  --audit-witness FILE
                     the audit chain's witness file (the chain head, appended every minute);
                     default <db>.audit-witness beside the key (env KEYLINE_AUDIT_WITNESS)

Commands:
  serve [--listen HOST:PORT] [--static DIR] [--workers N] [--access-log]
        [--cookie-secure] [--allowed-origin URL] [--session-idle-minutes N]
        [--map-tiles URL-TEMPLATE | --tianditu-key KEY]
        [--hash-concurrency N] [--hash-wait-ms N] [--max-connections-per-address N]
        [--header-timeout-seconds N] [--metrics-token-file FILE] [--max-imports N]
                     run the HTTP server (default 127.0.0.1:8080; env KEYLINE_LISTEN,
                     KEYLINE_STATIC_DIR, KEYLINE_METRICS_TOKEN, KEYLINE_MAX_IMPORTS);
                     --max-imports: .xlsx imports at once, the next answers 429 (default 2)
  migrate            create or upgrade the database schema
  seed-demo          load the demo district (雁塔区) into an empty database
  setup --office NAME --region CODE --admin USERNAME [--admin-name NAME]
        [--departments] [--towns-as-units]
                     start your own district on an empty database: the region (GB/T 2260,
                     e.g. 610113) with its parents and its towns/streets, the office's unit
                     and the first admin (password from standard input); --departments adds
                     the usual departments (西安市雁塔区住房和城乡建设局 …), --towns-as-units
                     the towns/streets as units. Refused on a database with data.
  user add NAME --role ROLE --unit UNIT [--display NAME] [--person PERSON_ID]
                     UNIT: a unit id or its exact registered name
  user passwd NAME   set a password (read from standard input, or prompted)
  user disable NAME | user enable NAME | user unlock NAME | user list
  audit verify [--witness FILE | --no-witness]
                     recompute the audit chain (keyed HMAC, ids, witness: a changed, deleted,
                     moved or truncated entry, a rewritten chain) and the published snapshots'
                     hashes; exit 0 intact, 1 with what was found, 3 when it cannot be read
  audit rotate-key   start a new audit key at the next entry (servers stopped; keeps old keys)
  backup --out FILE  SQLite: consistent online copy; PostgreSQL: runs pg_dump -Fc
  export ledger --out FILE.xlsx [--stage S --unit ID --region CODE ...]
                     the ledger (filters of GET /projects) in the office .xlsx layout
  export oc4ids --out FILE.json [--project ID]...
                     an OC4IDS 0.9 project package (all projects, or the ones named)
  bulletin --period YYYYMM --format pdf|html|xlsx --out FILE [--version N] [--draft yes]
                     the monthly bulletin (月度通报): the issued version, else the draft
  bulletin issue --period YYYYMM [--reason TEXT]
                     issue (印发) the bulletin: a new version, frozen (reason from version 2)
  version            print the version
  import ledger FILE.xlsx [--dry-run] [--sheet N] [--skip-errors] [--map MAPPING.csv]
  import reports FILE.xlsx --period YYYYMM [--dry-run] [--skip-errors]
                     import a project ledger / a month's figures from .xlsx: prints the dry
                     run (columns, summary, problem rows), then imports in one transaction;
                     exit 1 on error rows (use --skip-errors to import the others);
                     --map: field,value,target lines for names the dry run lists as
                     unknown/ambiguous (target: an id, a name or new:<kind>)
)";
}

Result<Config> ParseConfig(const std::vector<std::string>& argv) {
  Config c;
  if (const char* v = Env("KEYLINE_DB")) c.db_url = v;
  if (const char* v = Env("KEYLINE_STATIC_DIR")) c.static_dir = v;
  if (const char* v = Env("KEYLINE_CALENDAR")) c.calendar_file = v;
  if (const char* v = Env("KEYLINE_AUDIT_KEY")) c.audit_key_file = v;
  if (const char* v = Env("KEYLINE_AUDIT_WITNESS")) c.audit_witness_file = v;
  if (const char* v = Env("KEYLINE_LISTEN")) KL_RETURN_IF_ERROR(ParseListen(v, &c));
  if (const char* v = Env("KEYLINE_METRICS_TOKEN")) {
    c.metrics_token = v;
    if (c.metrics_token.size() < 16) return Bad("the metrics token needs at least 16 characters");
  }
  if (const char* v = Env("KEYLINE_MAP_TILES")) c.map_tiles = v;
  if (const char* v = Env("KEYLINE_TIANDITU_KEY")) c.tianditu_key = v;
  if (const char* v = Env("KEYLINE_MAX_IMPORTS")) {
    int64_t n = 0;
    if (!ParseIntInRange(v, 1, 64, &n)) return Bad("KEYLINE_MAX_IMPORTS must be 1..64");
    c.max_imports = static_cast<int>(n);
  }

  size_t i = 0;
  auto value = [&](const std::string& flag) -> Result<std::string> {
    if (i + 1 >= argv.size()) return Bad(flag + " needs a value");
    return argv[++i];
  };
  // The value of flag as a whole number within [lo, hi], stored into *field.
  auto ranged = [&](const std::string& flag, int64_t lo, int64_t hi, auto* field) -> Status {
    KL_ASSIGN_OR_RETURN(std::string v, value(flag));
    int64_t n = 0;
    if (!ParseIntInRange(v, lo, hi, &n)) {
      return Bad(flag + " must be " + std::to_string(lo) + ".." + std::to_string(hi));
    }
    *field = static_cast<std::remove_pointer_t<decltype(field)>>(n);
    return Status::Ok();
  };
  for (; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (!c.command.empty()) {
      // Options of serve are parsed here; other commands get their arguments raw.
      if (c.command != "serve") {
        c.args.push_back(a);
        continue;
      }
      int64_t n = 0;
      if (a == "--listen") {
        KL_ASSIGN_OR_RETURN(std::string v, value(a));
        KL_RETURN_IF_ERROR(ParseListen(v, &c));
      } else if (a == "--static") {
        KL_ASSIGN_OR_RETURN(c.static_dir, value(a));
      } else if (a == "--workers") {
        KL_ASSIGN_OR_RETURN(std::string v, value(a));
        if (!ParseIntInRange(v, 1, 256, &n)) return Bad("--workers must be 1..256");
        c.worker_threads = static_cast<int>(n);
      } else if (a == "--io-threads") {
        KL_ASSIGN_OR_RETURN(std::string v, value(a));
        if (!ParseIntInRange(v, 1, 64, &n)) return Bad("--io-threads must be 1..64");
        c.io_threads = static_cast<int>(n);
      } else if (a == "--session-idle-minutes") {
        KL_ASSIGN_OR_RETURN(std::string v, value(a));
        if (!ParseIntInRange(v, 1, 24 * 60, &n)) return Bad("--session-idle-minutes 1..1440");
        c.session_idle_minutes = static_cast<int>(n);
      } else if (a == "--hash-concurrency") {
        KL_RETURN_IF_ERROR(ranged(a, 1, 64, &c.hash_concurrency));
      } else if (a == "--hash-wait-ms") {
        KL_RETURN_IF_ERROR(ranged(a, 0, 60000, &c.hash_wait_ms));
      } else if (a == "--max-connections-per-address") {
        KL_RETURN_IF_ERROR(ranged(a, 1, 100000, &c.max_connections_per_address));
      } else if (a == "--header-timeout-seconds") {
        KL_RETURN_IF_ERROR(ranged(a, 1, 600, &c.header_timeout_seconds));
      } else if (a == "--metrics-token-file") {
        KL_ASSIGN_OR_RETURN(std::string v, value(a));
        KL_RETURN_IF_ERROR(ReadTokenFile(v, &c.metrics_token));
      } else if (a == "--max-imports") {
        KL_ASSIGN_OR_RETURN(std::string v, value(a));
        if (!ParseIntInRange(v, 1, 64, &n)) return Bad("--max-imports must be 1..64");
        c.max_imports = static_cast<int>(n);
      } else if (a == "--access-log") {
        c.access_log = true;
      } else if (a == "--cookie-secure") {
        c.cookie_secure = true;
      } else if (a == "--allowed-origin") {
        KL_ASSIGN_OR_RETURN(c.allowed_origin, value(a));
      } else if (a == "--map-tiles") {
        KL_ASSIGN_OR_RETURN(c.map_tiles, value(a));
      } else if (a == "--tianditu-key") {
        KL_ASSIGN_OR_RETURN(c.tianditu_key, value(a));
      } else {
        return Bad("unknown serve option " + a);
      }
      continue;
    }
    if (a == "--db") {
      KL_ASSIGN_OR_RETURN(c.db_url, value(a));
    } else if (a == "--pool") {
      KL_ASSIGN_OR_RETURN(std::string v, value(a));
      int64_t n = 0;
      if (!ParseIntInRange(v, 1, 256, &n)) return Bad("--pool must be 1..256");
      c.pool_size = static_cast<int>(n);
    } else if (a == "--calendar") {
      KL_ASSIGN_OR_RETURN(c.calendar_file, value(a));
    } else if (a == "--audit-key") {
      KL_ASSIGN_OR_RETURN(c.audit_key_file, value(a));
    } else if (a == "--audit-witness") {
      KL_ASSIGN_OR_RETURN(c.audit_witness_file, value(a));
    } else if (a == "--help" || a == "-h" || a == "help") {
      c.command = "help";
    } else if (a == "--version") {
      c.command = "version";
    } else if (!a.empty() && a[0] == '-') {
      return Bad("unknown option " + a);
    } else {
      c.command = a;
    }
  }
  if (c.command.empty()) c.command = "help";
  static const char* kCommands[] = {"serve", "migrate", "seed-demo", "user",
                                    "audit", "backup",  "version",   "help"};
  bool known = false;
  for (const char* k : kCommands) known = known || c.command == k;
  known = known || c.command == "export" || c.command == "bulletin";  // documents out
  known = known || c.command == "import";                             // import ledger|reports
  known = known || c.command == "setup";                              // a district's first step
  if (!known) return Bad("unknown command " + c.command);
  return c;
}

}  // namespace keyline
