#include "tests/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "tests/openapi_validator.h"

namespace keyline::testing {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Every answer is checked against docs/api.yaml (tests/openapi_validator.h): a mismatch fails
// the running test with the request and the first difference.
void CheckAgainstContract(const std::string& method, const std::string& target,
                          const HttpResult& result) {
  const OpenApiDocument* contract = ApiContract();
  if (contract == nullptr || result.status == 0) return;
  bool is_json = result.Header("content-type").find("json") != std::string::npos;
  std::string mismatch = contract->CheckAnswer(method, target, result.status, is_json, result.json);
  if (!mismatch.empty()) {
    ADD_FAILURE() << "answer does not match docs/api.yaml: " << method << " " << target << "\n  "
                  << mismatch;
  }
}

int Connect(const std::string& host, uint16_t port, const std::string& source) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  if (!source.empty()) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &local.sin_addr);
    if (bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
      close(fd);
      return -1;
    }
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval tv{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

bool SendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

// Reads one response (headers + Content-Length body, or until close). Returns false on error.
bool ReadResponse(int fd, const std::string& method, HttpResult* out, bool* keep_alive) {
  std::string buf;
  char chunk[16384];
  size_t header_end = std::string::npos;
  while ((header_end = buf.find("\r\n\r\n")) == std::string::npos) {
    ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buf.append(chunk, static_cast<size_t>(n));
  }
  std::string head = buf.substr(0, header_end);
  std::string rest = buf.substr(header_end + 4);
  size_t line_end = head.find("\r\n");
  std::string status_line = head.substr(0, line_end);
  if (status_line.size() < 12) return false;
  out->status = std::stoi(status_line.substr(9, 3));
  size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  size_t content_length = std::string::npos;
  *keep_alive = true;
  while (pos < head.size()) {
    size_t e = head.find("\r\n", pos);
    if (e == std::string::npos) e = head.size();
    std::string line = head.substr(pos, e - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = Lower(line.substr(0, colon));
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      if (name == "content-length") content_length = std::stoul(value);
      if (name == "connection" && Lower(value) == "close") *keep_alive = false;
      out->headers.emplace_back(name, value);
    }
    pos = e + 2;
  }
  if (method == "HEAD" || out->status == 204 || out->status == 304) content_length = 0;
  if (content_length == std::string::npos) {
    *keep_alive = false;
    for (;;) {
      ssize_t n = recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      rest.append(chunk, static_cast<size_t>(n));
    }
  } else {
    while (rest.size() < content_length) {
      ssize_t n = recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      rest.append(chunk, static_cast<size_t>(n));
    }
    rest.resize(content_length);
  }
  out->body = std::move(rest);
  boost::system::error_code ec;
  if (!out->body.empty()) {
    auto v = boost::json::parse(out->body, ec);
    if (!ec) out->json = std::move(v);
  }
  return true;
}

}  // namespace

std::string HttpResult::Header(const std::string& lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) return v;
  }
  return "";
}

std::string HttpResult::ErrorCode() const {
  if (!json.is_object()) return "";
  const auto* err = json.as_object().if_contains("error");
  if (!err || !err->is_object()) return "";
  const auto* code = err->as_object().if_contains("code");
  return code && code->is_string() ? std::string(code->as_string()) : "";
}

HttpClient::HttpClient(std::string host, uint16_t port) : host_(std::move(host)), port_(port) {}

HttpClient::~HttpClient() { Close(); }

void HttpClient::Close() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

bool HttpClient::EnsureConnected() {
  if (fd_ >= 0) return true;
  fd_ = Connect(host_, port_, source_);
  return fd_ >= 0;
}

HttpResult HttpClient::Request(const std::string& method, const std::string& target,
                               const std::string& body,
                               const std::vector<std::pair<std::string, std::string>>& headers) {
  std::string req =
      method + " " + target + " HTTP/1.1\r\nHost: " + host_ + ":" + std::to_string(port_) + "\r\n";
  bool has_type = false;
  for (const auto& [k, v] : headers) {
    req += k + ": " + v + "\r\n";
    has_type = has_type || Lower(k) == "content-type";
  }
  if (!body.empty() && !has_type) req += "Content-Type: application/json\r\n";
  if (!cookies_.empty()) {
    req += "Cookie: ";
    bool first = true;
    for (const auto& [k, v] : cookies_) {
      req += (first ? "" : "; ") + k + "=" + v;
      first = false;
    }
    req += "\r\n";
  }
  if (!csrf_token_.empty()) req += "X-CSRF-Token: " + csrf_token_ + "\r\n";
  req += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;

  HttpResult result;
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!EnsureConnected()) break;
    bool keep_alive = true;
    if (SendAll(fd_, req) && ReadResponse(fd_, method, &result, &keep_alive)) {
      if (!keep_alive) Close();
      break;
    }
    Close();  // a stale keep-alive connection: retry once on a new one
    result = HttpResult();
  }
  for (const auto& [k, v] : result.headers) {
    if (k != "set-cookie") continue;
    size_t eq = v.find('=');
    size_t semi = v.find(';');
    if (eq == std::string::npos) continue;
    std::string name = v.substr(0, eq);
    std::string value =
        v.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    bool expired = v.find("Max-Age=0") != std::string::npos || value.empty();
    if (expired) {
      cookies_.erase(name);
    } else {
      cookies_[name] = value;
    }
  }
  CheckAgainstContract(method, target, result);
  return result;
}

HttpResult HttpClient::Login(const std::string& username, const std::string& password) {
  boost::json::object body{{"username", username}, {"password", password}};
  HttpResult r = Post("/api/v1/session", boost::json::serialize(body));
  if (r.status == 200 && r.json.is_object()) {
    const auto* token = r.json.as_object().if_contains("csrf_token");
    if (token && token->is_string()) csrf_token_ = std::string(token->as_string());
  }
  return r;
}

std::string HttpClient::SendRaw(const std::string& bytes) {
  int fd = Connect(host_, port_, source_);
  if (fd < 0) return "";
  SendAll(fd, bytes);
  shutdown(fd, SHUT_WR);
  std::string out;
  char chunk[4096];
  for (;;) {
    ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    out.append(chunk, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

}  // namespace keyline::testing
