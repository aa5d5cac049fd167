#include "http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <latch>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "http/error_response.h"
#include "testing/test_env.h"

namespace keyline::http {
namespace {

struct HttpReply {
  bool ok = false;  // a complete response was read
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// A blocking HTTP/1.1 client over one POSIX socket, enough to drive the server byte by byte.
class RawClient {
 public:
  // source: the local address to connect from (e.g. "127.0.0.2"; all of 127/8 is lo).
  explicit RawClient(uint16_t port, const char* source = nullptr, const char* host = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (source != nullptr) {
      sockaddr_in local{};
      local.sin_family = AF_INET;
      ::inet_pton(AF_INET, source, &local.sin_addr);
      if (::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) return;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    ::inet_pton(AF_INET, host, &addr.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawClient() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool connected() const { return connected_; }

  bool Send(const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
      ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return true;
  }

  // Reads one response (Content-Length framed; no body for HEAD when head is true).
  HttpReply Read(bool head = false) {
    HttpReply reply;
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return reply;
    }
    std::string head_text = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    size_t line_end = head_text.find("\r\n");
    std::string status_line = head_text.substr(0, line_end);
    if (status_line.size() < 12 || status_line.compare(0, 5, "HTTP/") != 0) return reply;
    reply.status = std::stoi(status_line.substr(9, 3));
    size_t pos = line_end == std::string::npos ? head_text.size() : line_end + 2;
    while (pos < head_text.size()) {
      size_t next = head_text.find("\r\n", pos);
      if (next == std::string::npos) next = head_text.size();
      std::string line = head_text.substr(pos, next - pos);
      size_t colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        size_t v = colon + 1;
        while (v < line.size() && line[v] == ' ') ++v;
        reply.headers[name] = line.substr(v);
      }
      pos = next + 2;
    }
    size_t length = 0;
    if (!reply.Header("content-length").empty() && !head) {
      length = std::stoul(reply.Header("content-length"));
    }
    while (buffer_.size() < length) {
      if (!Fill()) return reply;
    }
    reply.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    reply.ok = true;
    return reply;
  }

  // True when the server closes the connection (EOF or reset) within the receive timeout.
  bool WaitClosed() {
    while (Fill()) {
    }
    return closed_;
  }

 private:
  bool Fill() {
    char chunk[8192];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) {
      closed_ = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
      return false;
    }
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
  std::string buffer_;
};

std::string Get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "\r\n";
}

std::string Post(const std::string& target, const std::string& body) {
  return "POST " + target + " HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n" +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

HttpReply RoundTrip(uint16_t port, const std::string& request) {
  RawClient client(port);
  EXPECT_TRUE(client.connected());
  EXPECT_TRUE(client.Send(request));
  return client.Read(request.compare(0, 5, "HEAD ") == 0);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Counters are updated when a write completes, which may be just after the client has the
// response; scrape until `needle` shows up (or give up after a second).
HttpReply ScrapeUntil(uint16_t port, const std::string& needle) {
  HttpReply metrics;
  for (int i = 0; i < 100; ++i) {
    metrics = RoundTrip(port, Get("/metrics"));
    if (Contains(metrics.body, needle)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return metrics;
}

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.address = "127.0.0.1";
    options_.port = 0;
    options_.io_threads = 2;
    options_.worker_threads = 2;
    options_.read_timeout_seconds = 5;
    options_.idle_timeout_seconds = 5;
    router_.Add("GET", "/api/v1/items/{id}", [](Request& r) {
      return Response::Json(200, "{\"id\":\"" + r.path_params["id"] + "\"}");
    });
    router_.Add("POST", "/api/v1/items", [](Request& r) { return Response::Json(201, r.body); });
    router_.Add("GET", "/api/v1/echo", [](Request& r) {
      std::string out;
      for (const auto& [k, v] : r.query) out += k + "=" + v + ";";
      out += "path=" + r.path + ";ua=" + std::string(r.Header("user-agent")) + ";ip=" + r.remote_ip;
      Response res;
      res.content_type = "text/plain";
      res.body = out;
      res.headers.emplace_back("Set-Cookie", "a=b; HttpOnly");
      return res;
    });
    router_.Add("POST", "/api/v1/small",
                [this](Request&) {
                  small_runs_++;
                  return Response::Json(200, "{}");
                },
                {.max_body_bytes = 16});
    router_.Add("GET", "/api/v1/throw",
                [](Request&) -> Response { throw std::runtime_error("boom"); });
    router_.Add("GET", "/api/v1/inject", [](Request&) {
      Response res = Response::Json(200, "{}");
      res.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: owned=1");
      res.headers.emplace_back("X-Fine", "yes");
      return res;
    });
    router_.Add("GET", "/api/v1/error", [](Request& r) {
      return ErrorResponse(r, Status::Conflict("版本冲突", "version conflict"));
    });
  }

  void TearDown() override {
    if (server_) server_->Stop();
  }

  uint16_t StartServer() {
    server_ = std::make_unique<Server>(options_, router_);
    std::string error;
    EXPECT_TRUE(server_->Start(&error)) << error;
    EXPECT_NE(server_->port(), 0);
    return server_->port();
  }

  ServerOptions options_;
  Router router_;
  std::unique_ptr<Server> server_;
  std::atomic<int> small_runs_{0};
};

TEST_F(ServerTest, RouteWithPathParams) {
  uint16_t port = StartServer();
  HttpReply r = RoundTrip(port, Get("/api/v1/items/42"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"id":"42"})");
  EXPECT_EQ(r.Header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(r.Header("x-request-id").size(), 16u);
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.Header("x-frame-options"), "DENY");
  EXPECT_EQ(r.Header("referrer-policy"), "same-origin");
  EXPECT_EQ(r.Header("content-security-policy"),
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
}

TEST_F(ServerTest, PostBodyReachesHandler) {
  uint16_t port = StartServer();
  HttpReply r = RoundTrip(port, Post("/api/v1/items", R"({"name":"雁塔"})"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, R"({"name":"雁塔"})");
}

TEST_F(ServerTest, ChunkedBodyReachesHandler) {
  uint16_t port = StartServer();
  HttpReply r = RoundTrip(port,
                          "POST /api/v1/items HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n"
                          "\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, "hello world");
}

TEST_F(ServerTest, QueryHeadersAndRemoteIp) {
  uint16_t port = StartServer();
  HttpReply r = RoundTrip(port, Get("/api/v1/%65cho?q=a+b%20c&k=%E9%9B%81", "User-Agent: t/1\r\n"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "q=a b c;k=雁;path=/api/v1/echo;ua=t/1;ip=127.0.0.1");
  EXPECT_EQ(r.Header("set-cookie"), "a=b; HttpOnly");
  EXPECT_EQ(r.Header("content-type"), "text/plain");
}

TEST_F(ServerTest, BadPercentEncodingIs400) {
  uint16_t port = StartServer();
  for (const char* target : {"/api/v1/echo%zz", "/api/v1/echo%00", "/api/v1/echo?q=%4"}) {
    HttpReply r = RoundTrip(port, Get(target));
    ASSERT_TRUE(r.ok) << target;
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_TRUE(Contains(r.body, R"("code":"invalid_argument")")) << r.body;
  }
}

TEST_F(ServerTest, UnknownRouteIs404Envelope) {
  uint16_t port = StartServer();
  HttpReply r = RoundTrip(port, Get("/api/v1/nothing", "Accept-Language: en\r\n"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(Contains(r.body, R"({"error":{"code":"not_found","message":"not found")")) << r.body;
  EXPECT_TRUE(Contains(r.body, "\"request_id\":\"" + r.Header("x-request-id") + "\""));
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  uint16_t port = StartServer();
  HttpReply r = RoundTrip(port, Post("/api/v1/items/3", "{}"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("allow"), "GET, HEAD");
  EXPECT_TRUE(Contains(r.body, R"("error":{"code":)")) << r.body;
}

TEST_F(ServerTest, HeadUsesGetRouteWithoutBody) {
  uint16_t port = StartServer();
  RawClient client(port);
  ASSERT_TRUE(client.Send("HEAD /api/v1/items/7 HTTP/1.1\r\nHost: t\r\n\r\n"));
  HttpReply head = client.Read(/*head=*/true);
  ASSERT_TRUE(head.ok);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-length"), "10");
  // Nothing but the next response follows on the connection.
  ASSERT_TRUE(client.Send(Get("/api/v1/items/8")));
  EXPECT_EQ(client.Read().body, R"({"id":"8"})");
}

TEST_F(ServerTest, UnsafeHandlerHeadersAreDropped) {
  uint16_t port = StartServer();
  HttpReply r = RoundTrip(port, Get("/api/v1/inject"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("x-evil"), "");
  EXPECT_EQ(r.Header("set-cookie"), "");
  EXPECT_EQ(r.Header("x-fine"), "yes");
}

TEST_F(ServerTest, HandlerErrorEnvelopePassesThrough) {
  uint16_t port = StartServer();
  HttpReply r = RoundTrip(port, Get("/api/v1/error"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(Contains(r.body, R"("code":"conflict","message":"版本冲突")")) << r.body;
}

TEST_F(ServerTest, OversizedBodyIs413AndHandlerNotRun) {
  uint16_t port = StartServer();
  HttpReply r = RoundTrip(port, Post("/api/v1/small", std::string(100, 'x')));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(Contains(r.body, R"("code":"too_large")")) << r.body;
  EXPECT_EQ(r.Header("connection"), "close");

  // Chunked: the limit is enforced while reading.
  std::string chunked =
      "POST /api/v1/small HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
      "20\r\n" +
      std::string(32, 'y') + "\r\n0\r\n\r\n";
  r = RoundTrip(port, chunked);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 413);

  r = RoundTrip(port, Post("/api/v1/small", "{}"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(small_runs_.load(), 1);
}

TEST_F(ServerTest, ExpectContinueGetsInterimResponse) {
  uint16_t port = StartServer();
  RawClient client(port);
  ASSERT_TRUE(
      client.Send("POST /api/v1/items HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: "
                  "100-continue\r\n\r\n"));
  HttpReply interim = client.Read();
  ASSERT_TRUE(interim.ok);
  EXPECT_EQ(interim.status, 100);
  ASSERT_TRUE(client.Send("{}"));
  HttpReply r = client.Read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 201);
}

TEST_F(ServerTest, OversizedHeaderIsRejected) {
  options_.max_header_bytes = 1024;
  uint16_t port = StartServer();
  RawClient client(port);
  ASSERT_TRUE(client.Send(Get("/api/v1/items/1", "X-Big: " + std::string(4000, 'a') + "\r\n")));
  HttpReply r = client.Read();
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.status == 431 || r.status == 400) << r.status;
  EXPECT_TRUE(client.WaitClosed());
}

TEST_F(ServerTest, KeepAliveServesSeveralRequests) {
  uint16_t port = StartServer();
  RawClient client(port);
  ASSERT_TRUE(client.Send(Get("/api/v1/items/1")));
  HttpReply first = client.Read();
  ASSERT_TRUE(first.ok);
  EXPECT_EQ(first.body, R"({"id":"1"})");
  ASSERT_TRUE(client.Send(Get("/api/v1/items/2")));
  HttpReply second = client.Read();
  ASSERT_TRUE(second.ok);
  EXPECT_EQ(second.body, R"({"id":"2"})");
  EXPECT_NE(first.Header("x-request-id"), second.Header("x-request-id"));
  // Pipelined requests are answered in order.
  ASSERT_TRUE(client.Send(Get("/api/v1/items/3") + Get("/api/v1/items/4")));
  EXPECT_EQ(client.Read().body, R"({"id":"3"})");
  EXPECT_EQ(client.Read().body, R"({"id":"4"})");
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  options_.access_log = true;  // exercised here; the line goes to stderr
  uint16_t port = StartServer();
  RawClient client(port);
  ASSERT_TRUE(client.Send(Get("/api/v1/items/1", "Connection: close\r\n")));
  HttpReply r = client.Read();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(client.WaitClosed());
}

TEST_F(ServerTest, IdleConnectionIsClosed) {
  options_.idle_timeout_seconds = 1;
  uint16_t port = StartServer();
  RawClient client(port);
  ASSERT_TRUE(client.Send(Get("/api/v1/items/1")));
  ASSERT_TRUE(client.Read().ok);
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.WaitClosed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
}

TEST_F(ServerTest, HealthzAndMetrics) {
  int extra_calls = 0;
  options_.extra_metrics = [&extra_calls] {
    ++extra_calls;
    return std::string("keyline_db_pool_idle 3\n");
  };
  uint16_t port = StartServer();
  HttpReply health = RoundTrip(port, Get("/healthz"));
  ASSERT_TRUE(health.ok);
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  ASSERT_TRUE(RoundTrip(port, Get("/api/v1/nothing")).ok);

  // Scrapes count as 2xx themselves, so only the 4xx line has a stable value.
  HttpReply metrics = ScrapeUntil(port, "keyline_http_requests_total{code=\"4xx\"} 1\n");
  ASSERT_TRUE(metrics.ok);
  EXPECT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_TRUE(Contains(metrics.body, "keyline_http_requests_total{code=\"4xx\"} 1\n"))
      << metrics.body;
  EXPECT_TRUE(Contains(metrics.body, "# TYPE keyline_http_requests_total counter\n"));
  EXPECT_TRUE(Contains(metrics.body, "keyline_http_requests_total{code=\"2xx\"} "));
  EXPECT_TRUE(Contains(metrics.body, "# TYPE keyline_http_request_duration_seconds histogram\n"));
  EXPECT_TRUE(
      Contains(metrics.body, "keyline_http_request_duration_seconds_bucket{le=\"0.005\"} "));
  EXPECT_TRUE(Contains(metrics.body, "keyline_http_request_duration_seconds_bucket{le=\"+Inf\"} "));
  EXPECT_TRUE(Contains(metrics.body, "keyline_http_request_duration_seconds_sum "));
  EXPECT_TRUE(Contains(metrics.body, "keyline_http_request_duration_seconds_count "));
  EXPECT_TRUE(
      Contains(metrics.body, "# TYPE keyline_http_in_flight gauge\nkeyline_http_in_flight "));
  EXPECT_TRUE(Contains(metrics.body, "keyline_http_rejected_total 0\n"));
  EXPECT_TRUE(Contains(metrics.body, "keyline_worker_queue_depth 0\n"));
  EXPECT_TRUE(Contains(metrics.body, "keyline_db_pool_idle 3\n"));
  EXPECT_GE(extra_calls, 1);
}

// One client holding many idle sockets (the issue: 10,050 from one address starved everybody
// until the read timeout) gets its per-address share only; other addresses are served at once,
// and the idle sockets are closed after the header timeout.
TEST_F(ServerTest, IdleSocketsFromOneAddressDoNotStarveOthers) {
  options_.max_connections = 100;
  options_.max_connections_per_address = 16;
  options_.header_timeout_seconds = 2;
  options_.read_timeout_seconds = 30;
  uint16_t port = StartServer();
  std::vector<std::unique_ptr<RawClient>> idle;
  for (int i = 0; i < 300; ++i) {
    idle.push_back(std::make_unique<RawClient>(port, "127.0.0.2"));
    ASSERT_TRUE(idle.back()->connected()) << "socket " << i;
  }
  ASSERT_TRUE(idle[5]->Send("GET /api/v1/items/1 HTTP/1.1\r\nHost: t"));  // never finished
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    HttpReply r = RoundTrip(port, Get("/api/v1/items/" + std::to_string(i)));
    ASSERT_TRUE(r.ok) << "request " << i << " from 127.0.0.1";
    EXPECT_EQ(r.status, 200);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2))
      << "127.0.0.1 is served while 127.0.0.2 holds its sockets";
  // Over the cap: closed at once.
  EXPECT_TRUE(idle.back()->WaitClosed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  // Within the cap: closed when the header timeout passes, partial header or none.
  EXPECT_TRUE(idle[0]->WaitClosed());
  EXPECT_TRUE(idle[5]->WaitClosed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  idle.clear();
  // The closed sockets gave their slots back: 127.0.0.2 is served again.
  HttpReply again;
  for (int i = 0; i < 50 && !again.ok; ++i) {
    RawClient client(port, "127.0.0.2");
    if (client.Send(Get("/healthz"))) again = client.Read();
    if (!again.ok) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(again.ok);
  EXPECT_EQ(again.status, 200);
}

// A header trickled in slower than the header timeout closes the connection even though
// bytes keep arriving (the read timeout alone would never fire).
TEST_F(ServerTest, SlowHeaderIsCutOffAtTheHeaderTimeout) {
  options_.header_timeout_seconds = 1;
  options_.read_timeout_seconds = 30;
  uint16_t port = StartServer();
  RawClient client(port);
  auto start = std::chrono::steady_clock::now();
  std::string request = Get("/api/v1/items/1");
  bool closed_early = false;
  for (size_t i = 0; i + 4 < request.size(); ++i) {
    if (!client.Send(request.substr(i, 1))) {
      closed_early = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(3)) break;
  }
  EXPECT_TRUE(closed_early || client.WaitClosed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
}

TEST_F(ServerTest, MetricsNeedTheBearerTokenWhenOneIsSet) {
  options_.metrics_token = "0123456789abcdef-metrics";
  uint16_t port = StartServer();
  HttpReply none = RoundTrip(port, Get("/metrics"));
  ASSERT_TRUE(none.ok);
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.Header("www-authenticate"), "Bearer");
  EXPECT_TRUE(Contains(none.body, "metrics bearer token")) << none.body;
  EXPECT_FALSE(Contains(none.body, "keyline_http_requests_total"));
  HttpReply wrong =
      RoundTrip(port, Get("/metrics", "Authorization: Bearer 0123456789abcdef-metricX\r\n"));
  EXPECT_EQ(wrong.status, 401);
  HttpReply right =
      RoundTrip(port, Get("/metrics", "Authorization: Bearer 0123456789abcdef-metrics\r\n"));
  EXPECT_EQ(right.status, 200);
  EXPECT_TRUE(Contains(right.body, "keyline_http_requests_total")) << right.body;
  EXPECT_EQ(RoundTrip(port, Get("/healthz")).status, 200) << "healthz stays open";
}

// A non-loopback address of this machine, or "" when it has none.
std::string NonLoopbackAddress() {
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0) return "";
  std::string found;
  for (ifaddrs* a = list; a != nullptr && found.empty(); a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, text, sizeof text);
    if (std::string(text).rfind("127.", 0) != 0) found = text;
  }
  ::freeifaddrs(list);
  return found;
}

TEST_F(ServerTest, MetricsAreRefusedToNonLoopbackClients) {
  std::string address = NonLoopbackAddress();
  if (address.empty()) GTEST_SKIP() << "no non-loopback IPv4 address on this machine";
  options_.address = "0.0.0.0";
  uint16_t port = StartServer();
  RawClient remote(port, nullptr, address.c_str());
  ASSERT_TRUE(remote.connected()) << address;
  ASSERT_TRUE(remote.Send(Get("/metrics")));
  HttpReply refused = remote.Read();
  ASSERT_TRUE(refused.ok);
  EXPECT_EQ(refused.status, 403) << "from " << address;
  EXPECT_TRUE(Contains(refused.body, "loopback")) << refused.body;
  EXPECT_FALSE(Contains(refused.body, "keyline_http_requests_total"));
  ASSERT_TRUE(remote.Send(Get("/healthz")));
  EXPECT_EQ(remote.Read().status, 200);
  EXPECT_EQ(RoundTrip(port, Get("/metrics")).status, 200) << "loopback is served";
}

TEST_F(ServerTest, HandlerExceptionIs500Envelope) {
  uint16_t port = StartServer();
  HttpReply r = RoundTrip(port, Get("/api/v1/throw"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 500);
  EXPECT_TRUE(Contains(r.body, R"("code":"internal")")) << r.body;
  EXPECT_FALSE(Contains(r.body, "boom"));
  // The server keeps serving.
  EXPECT_EQ(RoundTrip(port, Get("/api/v1/items/5")).status, 200);
}

TEST_F(ServerTest, MalformedRequestsDoNotCrash) {
  uint16_t port = StartServer();
  for (const std::string& junk :
       {std::string("GARBAGE\r\n\r\n"), std::string("GET\r\n\r\n"),
        std::string("GET /x HTTP/9.9\r\n\r\n"), std::string("\x16\x03\x01\x02\x00", 5),
        std::string("GET /api/v1/items/1 HTTP/1.1\r\nBad Header\r\n\r\n"),
        std::string("POST /api/v1/items HTTP/1.1\r\nContent-Length: abc\r\n\r\n"),
        std::string("POST /api/v1/items HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")}) {
    RawClient client(port);
    ASSERT_TRUE(client.Send(junk));
    HttpReply r = client.Read();
    if (r.ok) {
      EXPECT_EQ(r.status, 400) << junk;
    }
    EXPECT_TRUE(client.WaitClosed()) << junk;
  }
  EXPECT_EQ(RoundTrip(port, Get("/healthz")).status, 200);
}

TEST_F(ServerTest, QueueFullIs503WithoutRunningHandler) {
  options_.worker_threads = 1;
  options_.max_queue = 1;
  std::latch started(1);
  std::latch release(1);
  std::atomic<int> runs{0};
  router_.Add("GET", "/api/v1/block", [&](Request&) {
    if (runs.fetch_add(1) == 0) {
      started.count_down();
      release.wait();
    }
    return Response::Json(200, "{}");
  });
  uint16_t port = StartServer();

  RawClient running(port);
  ASSERT_TRUE(running.Send(Get("/api/v1/block")));
  started.wait();  // the only worker is busy
  RawClient queued(port);
  ASSERT_TRUE(queued.Send(Get("/api/v1/block")));
  // Wait until the second request sits in the queue.
  ScrapeUntil(port, "keyline_worker_queue_depth 1\n");
  HttpReply rejected = RoundTrip(port, Get("/api/v1/block"));
  ASSERT_TRUE(rejected.ok);
  EXPECT_EQ(rejected.status, 503);
  EXPECT_EQ(rejected.Header("retry-after"), "1");
  EXPECT_TRUE(Contains(rejected.body, R"("code":"unavailable")")) << rejected.body;

  release.count_down();
  EXPECT_EQ(running.Read().status, 200);
  EXPECT_EQ(queued.Read().status, 200);
  EXPECT_EQ(runs.load(), 2);
  HttpReply m = ScrapeUntil(port, "keyline_http_requests_total{code=\"5xx\"} 1\n");
  EXPECT_TRUE(Contains(m.body, "keyline_http_rejected_total 1\n")) << m.body;
  EXPECT_TRUE(Contains(m.body, "keyline_http_requests_total{code=\"5xx\"} 1\n"));
}

TEST_F(ServerTest, StopIsIdempotentAndPortIsReleased) {
  uint16_t port = StartServer();
  RawClient idle(port);  // an open keep-alive connection must not block Stop
  ASSERT_TRUE(idle.connected());
  server_->Stop();
  server_->Stop();
  EXPECT_TRUE(idle.WaitClosed());
  ServerOptions again = options_;
  again.port = port;
  Server second(again, router_);
  std::string error;
  EXPECT_TRUE(second.Start(&error)) << error;
}

TEST_F(ServerTest, StartFailsWhenPortTaken) {
  uint16_t port = StartServer();
  ServerOptions clash = options_;
  clash.port = port;
  Server second(clash, router_);
  std::string error;
  EXPECT_FALSE(second.Start(&error));
  EXPECT_FALSE(error.empty());
}

class StaticServerTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    root_ = std::filesystem::path(temp_.path()) / "www";
    WriteFile(root_ / "index.html", "<!doctype html><title>Keyline</title>");
    WriteFile(root_ / "assets" / "app.3f2a.js", "console.log(1)");
    WriteFile(root_ / "assets" / "app.css", "body{}");
    WriteFile(root_ / "docs" / "index.html", "docs index");
    WriteFile(std::filesystem::path(temp_.path()) / "secret", "TOP SECRET");
    WriteFile(std::filesystem::path(temp_.path()) / "wwwsecret" / "x.txt", "SIBLING SECRET");
    std::filesystem::create_symlink(std::filesystem::path(temp_.path()) / "secret",
                                    root_ / "link.txt");
    options_.static_dir = root_.string();
  }

  keyline::testing::TempDir temp_;
  std::filesystem::path root_;
};

TEST_F(StaticServerTest, ServesFilesWithTypesAndCaching) {
  uint16_t port = StartServer();
  HttpReply index = RoundTrip(port, Get("/"));
  ASSERT_TRUE(index.ok);
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>Keyline</title>");
  EXPECT_EQ(index.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.Header("cache-control"), "no-cache");
  EXPECT_EQ(index.Header("x-frame-options"), "DENY");

  HttpReply js = RoundTrip(port, Get("/assets/app.3f2a.js"));
  ASSERT_TRUE(js.ok);
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_TRUE(Contains(js.Header("cache-control"), "max-age=31536000"));

  EXPECT_EQ(RoundTrip(port, Get("/assets/app.css")).Header("content-type"),
            "text/css; charset=utf-8");
  EXPECT_EQ(RoundTrip(port, Get("/docs/")).body, "docs index");
  EXPECT_EQ(RoundTrip(port, Get("/docs")).body, "docs index");

  HttpReply head = RoundTrip(port, "HEAD /assets/app.css HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_TRUE(head.ok);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-length"), "6");
  EXPECT_EQ(head.body, "");
}

TEST_F(StaticServerTest, SpaFallbackAndMissingAssets) {
  uint16_t port = StartServer();
  HttpReply route = RoundTrip(port, Get("/projects/12/edit?tab=2"));
  ASSERT_TRUE(route.ok);
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, "<!doctype html><title>Keyline</title>");
  EXPECT_EQ(route.Header("cache-control"), "no-cache");

  EXPECT_EQ(RoundTrip(port, Get("/assets/missing.js")).status, 404);
  // API paths never fall back to the client.
  HttpReply api = RoundTrip(port, Get("/api/v1/unknown"));
  EXPECT_EQ(api.status, 404);
  EXPECT_TRUE(Contains(api.body, R"("code":"not_found")"));
  // Static files are read-only.
  EXPECT_EQ(RoundTrip(port, Post("/index.html", "{}")).status, 404);
}

TEST_F(StaticServerTest, TraversalNeverLeavesStaticDir) {
  uint16_t port = StartServer();
  for (const char* target :
       {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fsecret", "/..%2f..%2fsecret",
        "/assets/../../secret", "/%2E%2E/secret", "/..\\secret", "/..%5csecret",
        "/assets/..%2f..%2fsecret", "/../wwwsecret/x.txt", "/link.txt", "//etc/passwd",
        "/%2fetc%2fpasswd", "/./../secret"}) {
    RawClient client(port);
    ASSERT_TRUE(client.Send(Get(target)));
    HttpReply r = client.Read();
    if (!r.ok) continue;  // closing is an acceptable answer
    EXPECT_FALSE(Contains(r.body, "SECRET")) << target;
    EXPECT_FALSE(Contains(r.body, "root:")) << target;
    if (r.status == 200) {
      // Only the SPA shell may come back.
      EXPECT_EQ(r.body, "<!doctype html><title>Keyline</title>") << target;
    }
  }
}

}  // namespace
}  // namespace keyline::http
