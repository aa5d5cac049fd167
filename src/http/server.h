// Server: the Boost.Beast HTTP/1.1 listener.
//
// - `io_threads` threads run the Asio io_context (parsing, writing, timers).
// - Handlers run on a bounded worker pool (`worker_threads`, queue of `max_queue`); when the
//   queue is full the server answers 503 with Retry-After without running the handler.
// - Limits: header bytes, per-route body bytes (413), header timeout (a request's header must
//   be complete within header_timeout_seconds of its first byte, or of the accept on a new
//   connection; else the connection is closed), read timeout for bodies and writes, keep-alive
//   idle timeout, maximum open connections in all and per client address (a connection over
//   either limit is closed at once).
// - Built-in routes: GET /healthz, GET /metrics (Prometheus text format; loopback clients only,
//   or with `metrics_token` set every client must send it as a bearer token); static files from
//   `static_dir` for GET/HEAD outside /api/ (SPA fallback to index.html; traversal-safe).
// - Every response carries X-Request-Id and the security headers (nosniff, CSP, frame deny).
// - Exceptions escaping a handler are caught, logged and answered 500 with the error envelope.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/router.h"

namespace keyline::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port; see Server::port()
  int io_threads = 2;
  int worker_threads = 8;
  size_t max_queue = 256;
  size_t max_header_bytes = 16 * 1024;
  int header_timeout_seconds = 10;
  int read_timeout_seconds = 30;
  int idle_timeout_seconds = 75;
  size_t max_connections = 10000;
  size_t max_connections_per_address = 64;
  // GET /metrics: "" = loopback clients only; else `Authorization: Bearer <token>` required.
  std::string metrics_token;
  // More img-src sources of the Content-Security-Policy, space-separated (the map's tile hosts).
  std::string csp_img_src;
  std::string static_dir;  // empty: no static files
  bool access_log = false;
  // Extra gauges appended to /metrics (e.g. database pool state); may be empty.
  std::function<std::string()> extra_metrics;
};

class Server {
 public:
  Server(ServerOptions options, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the I/O threads and workers. Returns an error if the address is taken.
  bool Start(std::string* error);
  // The bound port (useful with port 0).
  uint16_t port() const;
  // Stops accepting, closes connections, joins all threads. Idempotent.
  void Stop();
  // Blocks until SIGINT/SIGTERM, then stops.
  void WaitForSignal();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace keyline::http
