// Command-line and environment configuration of the keyline binary.
//
//   keyline [--db URL] [--pool N] COMMAND [options]
//
// Every option has an environment fallback (KEYLINE_DB, KEYLINE_LISTEN, ...) so service
// managers can configure Keyline without a command line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace keyline {

struct Config {
  std::string db_url = "sqlite:./data/keyline.db";
  int pool_size = 8;
  // The working-day calendar CSV (date,kind,name); empty = the one compiled in.
  std::string calendar_file;
  // The audit chain's HMAC key file and witness file (docs/operations.md). Empty: next
  // to the SQLite file (<db>.audit-key, <db>.audit-witness), else ./data/<database name>.*.
  std::string audit_key_file;
  std::string audit_witness_file;

  // serve
  std::string listen_address = "127.0.0.1";
  uint16_t listen_port = 8080;
  std::string static_dir;
  int io_threads = 2;
  int worker_threads = 8;
  size_t max_queue = 512;
  bool access_log = false;
  bool cookie_secure = false;
  std::string allowed_origin;
  int session_idle_minutes = 30;
  // Password hashing: hashes at once, and how long a login waits for a slot before 503.
  int hash_concurrency = 2;
  int hash_wait_ms = 1000;
  // Connections: open connections per client address, and seconds for a new request's header.
  size_t max_connections_per_address = 64;
  int header_timeout_seconds = 10;
  // GET /metrics: "" = loopback clients only; else every client must send this bearer token
  // (env KEYLINE_METRICS_TOKEN or --metrics-token-file).
  std::string metrics_token;
  // Imports (upload / dry run / confirm) running at once; the next answers 429.
  int max_imports = 2;
  // The map's background: an XYZ/WMTS tile URL template ({z} {x} {y}, optional {s}) or a
  // 天地图 key (env KEYLINE_MAP_TILES / KEYLINE_TIANDITU_KEY); neither: a plain background.
  std::string map_tiles;
  std::string tianditu_key;

  std::string command;  // serve | migrate | seed-demo | setup | user | audit | backup | ...
  std::vector<std::string> args;  // what follows the command
};

// Parses argv (after the program name). Unknown options are errors with a bilingual message.
Result<Config> ParseConfig(const std::vector<std::string>& argv);

// The usage text printed by `keyline help` and on errors.
const char* UsageText();

}  // namespace keyline
