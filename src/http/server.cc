#include "http/server.h"

#include <array>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "http/connection_limits.h"
#include "http/error_response.h"
#include "http/metrics.h"
#include "http/metrics_access.h"
#include "http/request_id.h"
#include "http/static_files.h"
#include "http/url_codec.h"
#include "http/worker_pool.h"

namespace keyline::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr size_t kMaxDrainBytes = 1 << 20;  // read and discard after an error, then close
constexpr auto kDrainTimeout = std::chrono::seconds(2);

struct SecurityHeader {
  const char* name;
  const char* value;
};
constexpr SecurityHeader kSecurityHeaders[] = {
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "same-origin"},
    {"Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"},
};

bool IsHttpParseError(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

// Control characters would let a client forge access-log lines.
std::string Printable(std::string_view s) {
  std::string out(s.substr(0, 512));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

// Handler-supplied headers must not be able to split the response.
bool IsSafeHeaderValue(std::string_view value) {
  for (char c : value) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

bool IsSafeHeaderName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == ':' || c == 0x7f) return false;
  }
  return true;
}

bool IsBodylessStatus(int status) {
  return (status >= 100 && status < 200) || status == 204 || status == 304;
}

class Connection;

class ServerCore {
 public:
  ServerCore(ServerOptions options, const Router& router)
      : options_(std::move(options)),
        router_(router),
        static_files_(options_.static_dir),
        limits_(options_.max_connections, options_.max_connections_per_address) {}
  ~ServerCore() { Stop(); }

  bool Start(std::string* error);
  void Stop();
  uint16_t port() const { return port_; }

  // Called by connections.
  const ServerOptions& options() const { return options_; }
  const Router& router() const { return router_; }
  const StaticFiles& static_files() const { return static_files_; }
  HttpMetrics& metrics() { return metrics_; }
  WorkerPool& workers() { return *workers_; }
  std::string RenderMetrics();
  void Unregister(Connection* connection, const std::string& remote_ip);

 private:
  void DoAccept();
  void OnAccept(beast::error_code ec, tcp::socket socket);

  ServerOptions options_;
  const Router& router_;
  StaticFiles static_files_;
  HttpMetrics metrics_;
  std::mutex stop_mu_;
  bool started_ = false;
  bool stopped_ = false;
  uint16_t port_ = 0;
  // Open connections, for the connection limits and for closing them in Stop(). Declared
  // before io_context_: connections still queued in the io_context unregister when it is
  // destroyed.
  ConnectionLimits limits_;
  std::mutex connections_mu_;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections_;

  net::io_context io_context_;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work_;
  std::optional<tcp::acceptor> acceptor_;
  std::optional<net::steady_timer> accept_retry_;
  std::vector<std::thread> io_threads_;
  // After io_context_: destroying queued jobs releases their connections' sockets while the
  // io_context still exists.
  std::unique_ptr<WorkerPool> workers_;
};

// One accepted socket: reads requests one at a time, dispatches, writes the response, and
// repeats while the client keeps the connection alive. Members are touched only from the
// connection's strand, except request_, which a worker owns while the handler runs.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(ServerCore* server, tcp::socket socket, std::string remote_ip)
      : server_(server), stream_(std::move(socket)), remote_ip_(std::move(remote_ip)) {
    beast::error_code ec;
    stream_.socket().set_option(tcp::no_delay(true), ec);
  }
  ~Connection() {
    if (in_flight_) server_->metrics().RequestFinished();
    server_->Unregister(this, remote_ip_);
  }

  void Start() {
    net::dispatch(stream_.get_executor(),
                  [self = shared_from_this()] { self->WaitForRequest(/*first=*/true); });
  }

  // Only from ServerCore::Stop, once no I/O thread runs.
  void Close() {
    beast::error_code ec;
    stream_.socket().close(ec);
  }

 private:
  const ServerOptions& options() const { return server_->options(); }

  // Waits for the first bytes of the next request with the idle timeout; the header must then
  // be complete within the header timeout. A fresh connection has the header timeout from
  // the accept: a socket that never sends a whole header is closed after it.
  void WaitForRequest(bool first) {
    auto header_time = std::chrono::seconds(options().header_timeout_seconds);
    if (buffer_.size() > 0 || first) header_deadline_ = Clock::now() + header_time;
    if (buffer_.size() > 0) return ReadHeader();
    if (first) {
      stream_.expires_at(header_deadline_);
    } else {
      stream_.expires_after(std::chrono::seconds(options().idle_timeout_seconds));
    }
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this(), first, header_time](
                                                       beast::error_code ec, size_t n) {
      if (ec) return self->CloseNow();
      self->buffer_.commit(n);
      if (!first) self->header_deadline_ = Clock::now() + header_time;
      self->ReadHeader();
    });
  }

  void ReadHeader() {
    request_ = Request();
    head_ = false;
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(
        std::min<size_t>(options().max_header_bytes, std::numeric_limits<uint32_t>::max())));
    parser_->body_limit(boost::none);  // enforced per route once the header is known
    stream_.expires_at(header_deadline_);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) {
      if (ec == bhttp::error::header_limit) {
        return SendEarlyError(
            431, Status::InvalidArgument("请求头过大", "request header fields too large"));
      }
      if (ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message &&
          IsHttpParseError(ec)) {
        return SendEarlyError(400, Status::InvalidArgument("请求格式错误", "malformed request"));
      }
      return CloseNow();
    }
    BeginRequest();
    auto& header = parser_->get();
    request_.method = std::string(header.method_string());
    head_ = header.method() == bhttp::verb::head;
    request_.target = std::string(header.target());
    request_.remote_ip = remote_ip_;
    request_.request_id = request_id_;
    version_ = header.version();
    for (const auto& field : header) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request_.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    if (!ParseTarget(request_.target, &request_.path, &request_.query)) {
      return SendEarlyError(400, Status::InvalidArgument("请求路径无效", "invalid request target"));
    }
    keep_alive_ = header.keep_alive();
    size_t limit = server_->router().MaxBodyFor(request_.method, request_.path);
    if (auto length = parser_->content_length(); length && *length > limit) {
      return SendEarlyError(413,
                            Status(ErrorCode::kTooLarge, "请求体过大", "request body too large"));
    }
    parser_->body_limit(limit);
    if (parser_->is_done()) return Dispatch();
    auto expect = header.find(bhttp::field::expect);
    if (expect != header.end() && beast::iequals(expect->value(), "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      return net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                              [self = shared_from_this()](beast::error_code ec, size_t) {
                                if (ec) return self->CloseNow();
                                self->ReadBody();
                              });
    }
    ReadBody();
  }

  void ReadBody() {
    stream_.expires_after(std::chrono::seconds(options().read_timeout_seconds));
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnBody(ec); });
  }

  void OnBody(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) {
      return SendEarlyError(413,
                            Status(ErrorCode::kTooLarge, "请求体过大", "request body too large"));
    }
    if (ec && ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message &&
        IsHttpParseError(ec)) {
      return SendEarlyError(400, Status::InvalidArgument("请求格式错误", "malformed request"));
    }
    if (ec) return CloseNow();
    Dispatch();
  }

  void Dispatch() {
    stream_.expires_never();  // the handler may take a while; the write sets its own timeout
    request_.body = std::move(parser_->get().body());
    parser_.reset();
    // After a large body, do not keep its buffer for the life of the connection.
    if (buffer_.capacity() > 64 * 1024) buffer_.shrink_to_fit();
    const std::string& path = request_.path;
    bool get = request_.method == "GET" || request_.method == "HEAD";
    if (get && path == "/healthz") {
      return Send(Response::Json(200, R"({"status":"ok"})"));
    }
    if (get && path == "/metrics") {
      MetricsAccess access =
          CheckMetricsAccess(remote_ip_, request_.Header("authorization"), options().metrics_token);
      if (access == MetricsAccess::kNotLoopback) {
        return Send(ErrorResponse(
            request_, Status::Forbidden("监控指标仅对本机开放（或配置访问令牌）",
                                        "metrics are served to loopback clients only (or set "
                                        "a metrics token)")));
      }
      if (access == MetricsAccess::kBadToken) {
        Response denied = ErrorResponse(
            request_, Status::Unauthenticated("缺少或错误的监控访问令牌",
                                              "missing or wrong metrics bearer token"));
        denied.headers.emplace_back("WWW-Authenticate", "Bearer");
        return Send(std::move(denied));
      }
      Response response;
      response.content_type = "text/plain; version=0.0.4; charset=utf-8";
      response.body = server_->RenderMetrics();
      return Send(std::move(response));
    }
    Router::Match match = server_->router().Find(request_);
    if (match.kind == Router::MatchKind::kFound) return RunHandler(match.handler);
    bool api = path == "/api" || path.compare(0, 5, "/api/") == 0;
    if (get && !api && server_->static_files().enabled()) {
      if (std::optional<Response> file = server_->static_files().Serve(request_)) {
        return Send(std::move(*file));
      }
    }
    if (match.kind == Router::MatchKind::kMethodNotAllowed) {
      Response response = ErrorResponse(
          request_, Status(ErrorCode::kInvalidArgument, "不支持该请求方法", "method not allowed"));
      response.status = 405;
      response.headers.emplace_back("Allow", match.allowed_methods);
      return Send(std::move(response));
    }
    Send(ErrorResponse(request_, Status::NotFound("资源不存在", "not found")));
  }

  // The handler runs on a worker with this connection's request_: nothing on the strand touches
  // request_ until the posted Send, and the post orders the worker's writes before it.
  void RunHandler(const Handler* handler) {
    auto job = [self = shared_from_this(), handler]() mutable {
      Request& request = self->request_;
      Response response;
      try {
        response = (*handler)(request);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "keyline: handler for %s %s threw: %s (request %s)\n",
                     request.method.c_str(), Printable(request.path).c_str(), e.what(),
                     request.request_id.c_str());
        response = ErrorResponse(request, Status::Internal("unexpected error"));
      } catch (...) {
        std::fprintf(stderr, "keyline: handler for %s %s threw a non-exception (request %s)\n",
                     request.method.c_str(), Printable(request.path).c_str(),
                     request.request_id.c_str());
        response = ErrorResponse(request, Status::Internal("unexpected error"));
      }
      auto executor = self->stream_.get_executor();
      net::post(executor, [self = std::move(self), response = std::move(response)]() mutable {
        self->Send(std::move(response));
      });
    };
    if (!server_->workers().TrySubmit(std::move(job))) {
      server_->metrics().RecordRejected();
      Send(ErrorResponse(
          request_, Status::Unavailable("服务器繁忙，请稍后重试", "server busy, please retry")));
    }
  }

  // Answers an error found before the request could be dispatched, then closes.
  void SendEarlyError(int http_status, const Status& status) {
    BeginRequest();
    keep_alive_ = false;
    request_.request_id = request_id_;
    Response response = ErrorResponse(request_, status);
    response.status = http_status;
    parser_.reset();
    Send(std::move(response));
  }

  void BeginRequest() {
    if (in_flight_) return;
    in_flight_ = true;
    started_ = Clock::now();
    request_id_ = NewRequestId();
    server_->metrics().RequestStarted();
  }

  void Send(Response response) {
    status_ = response.status;
    response_ = {};
    response_.version(version_ == 10 ? 10 : 11);
    response_.result(static_cast<unsigned>(response.status));
    if (!IsBodylessStatus(response.status) && IsSafeHeaderValue(response.content_type)) {
      response_.set(bhttp::field::content_type, response.content_type);
    }
    response_.set("X-Request-Id", request_id_);
    for (const SecurityHeader& h : kSecurityHeaders) response_.set(h.name, h.value);
    if (!options().csp_img_src.empty()) {
      response_.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: " +
                                                   options().csp_img_src +
                                                   "; style-src 'self' 'unsafe-inline'");
    }
    for (auto& [name, value] : response.headers) {
      if (IsSafeHeaderName(name) && IsSafeHeaderValue(value)) response_.insert(name, value);
    }
    response_.keep_alive(keep_alive_);
    if (!IsBodylessStatus(response.status)) response_.content_length(response.body.size());
    if (head_ || IsBodylessStatus(response.status)) {
      body_bytes_ = 0;
    } else {
      body_bytes_ = response.body.size();
      response_.body() = std::move(response.body);
    }
    stream_.expires_after(std::chrono::seconds(options().read_timeout_seconds));
    bhttp::async_write(
        stream_, response_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnWrite(ec); });
  }

  void OnWrite(beast::error_code ec) {
    double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    if (in_flight_) {
      in_flight_ = false;
      server_->metrics().RequestFinished();
    }
    server_->metrics().RecordResponse(status_, seconds);
    if (options().access_log) {
      std::fprintf(stderr, "%s \"%s %s\" %d %zu %.3fms %s\n", remote_ip_.c_str(),
                   Printable(request_.method.empty() ? "-" : request_.method).c_str(),
                   Printable(request_.target.empty() ? "-" : request_.target).c_str(), status_,
                   body_bytes_, seconds * 1e3, request_id_.c_str());
    }
    response_ = {};
    if (ec) return CloseNow();
    if (!keep_alive_) return GracefulClose();
    WaitForRequest(/*first=*/false);
  }

  // Half-closes, then reads and discards what the client still sends (up to a bound), so the
  // kernel does not reset the connection before the client has read our response.
  void GracefulClose() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    buffer_.consume(buffer_.size());
    stream_.expires_after(kDrainTimeout);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(drain_),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kMaxDrainBytes) return self->CloseNow();
                              self->Drain();
                            });
  }

  void CloseNow() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  ServerCore* server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> response_;
  Request request_;
  std::string remote_ip_;
  std::string request_id_;
  unsigned version_ = 11;
  bool keep_alive_ = false;
  bool head_ = false;
  bool in_flight_ = false;
  int status_ = 0;
  size_t body_bytes_ = 0;
  Clock::time_point started_;
  Clock::time_point header_deadline_;
  size_t drained_ = 0;
  std::array<char, 4096> drain_;
};

std::string ServerCore::RenderMetrics() {
  std::string out = metrics_.Render(workers_ ? workers_->depth() : 0);
  if (options_.extra_metrics) {
    try {
      out += options_.extra_metrics();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "keyline: extra_metrics threw: %s\n", e.what());
    }
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
  }
  return out;
}

void ServerCore::Unregister(Connection* connection, const std::string& remote_ip) {
  {
    std::lock_guard<std::mutex> lock(connections_mu_);
    connections_.erase(connection);
  }
  limits_.Close(remote_ip);
}

bool ServerCore::Start(std::string* error) {
  std::lock_guard<std::mutex> lock(stop_mu_);
  auto fail = [error](std::string message) {
    if (error != nullptr) *error = std::move(message);
    return false;
  };
  if (started_) return fail("server already started");
  beast::error_code ec;
  net::ip::address address = net::ip::make_address(options_.address, ec);
  if (ec) return fail("invalid listen address '" + options_.address + "': " + ec.message());
  tcp::endpoint endpoint(address, options_.port);
  acceptor_.emplace(io_context_);
  acceptor_->open(endpoint.protocol(), ec);
  if (!ec) acceptor_->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_->bind(endpoint, ec);
  if (!ec) acceptor_->listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    acceptor_.reset();
    return fail("cannot listen on " + options_.address + ":" + std::to_string(options_.port) +
                ": " + ec.message());
  }
  port_ = acceptor_->local_endpoint(ec).port();
  started_ = true;
  workers_ = std::make_unique<WorkerPool>(options_.worker_threads, options_.max_queue);
  work_.emplace(io_context_.get_executor());
  accept_retry_.emplace(io_context_);
  DoAccept();
  int threads = options_.io_threads < 1 ? 1 : options_.io_threads;
  for (int i = 0; i < threads; ++i) {
    io_threads_.emplace_back([this] {
      while (true) {
        try {
          io_context_.run();
          return;
        } catch (const std::exception& e) {
          std::fprintf(stderr, "keyline: I/O thread caught: %s\n", e.what());
        }
      }
    });
  }
  return true;
}

void ServerCore::DoAccept() {
  acceptor_->async_accept(
      net::make_strand(io_context_),
      [this](beast::error_code ec, tcp::socket socket) { OnAccept(ec, std::move(socket)); });
}

void ServerCore::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_->is_open()) return;
  if (ec) {
    // Typically EMFILE: back off briefly instead of spinning on the error.
    std::fprintf(stderr, "keyline: accept failed: %s\n", ec.message().c_str());
    accept_retry_->expires_after(std::chrono::milliseconds(50));
    accept_retry_->async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec) DoAccept();
    });
    return;
  }
  beast::error_code remote_ec;
  tcp::endpoint remote = socket.remote_endpoint(remote_ec);
  std::string remote_ip = remote_ec ? std::string() : remote.address().to_string();
  if (remote_ec || !limits_.TryOpen(remote_ip)) {
    // Over the limit (in all or for this address), or already gone: close, nothing else.
    beast::error_code ignored;
    socket.close(ignored);
  } else {
    auto connection = std::make_shared<Connection>(this, std::move(socket), std::move(remote_ip));
    {
      std::lock_guard<std::mutex> lock(connections_mu_);
      connections_.emplace(connection.get(), connection);
    }
    connection->Start();
  }
  DoAccept();
}

void ServerCore::Stop() {
  std::lock_guard<std::mutex> lock(stop_mu_);
  if (!started_ || stopped_) return;
  stopped_ = true;
  work_.reset();
  io_context_.stop();
  for (std::thread& t : io_threads_) {
    if (t.joinable()) t.join();
  }
  // No I/O thread runs now, so sockets may be closed from here.
  beast::error_code ignored;
  acceptor_->close(ignored);
  accept_retry_->cancel();
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard<std::mutex> connections_lock(connections_mu_);
    for (auto& [raw, weak] : connections_) {
      if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
  }
  for (auto& connection : open) connection->Close();
  open.clear();  // may destroy connections, which take connections_mu_
  // Running handlers finish (their responses are queued on the stopped io_context and
  // dropped with it); queued jobs are dropped.
  workers_->Stop();
}

}  // namespace

class Server::Impl : public ServerCore {
 public:
  using ServerCore::ServerCore;
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() { Stop(); }

bool Server::Start(std::string* error) { return impl_->Start(error); }

uint16_t Server::port() const { return impl_->port(); }

void Server::Stop() { impl_->Stop(); }

void Server::WaitForSignal() {
  net::io_context signal_context;
  net::signal_set signals(signal_context, SIGINT, SIGTERM);
  signals.async_wait([](beast::error_code, int) {});
  signal_context.run();
  Stop();
}

}  // namespace keyline::http
