// A minimal blocking HTTP/1.1 client for the integration tests: plain POSIX sockets, one
// keep-alive connection, a cookie jar and the CSRF header, so tests drive the server exactly
// as a browser would.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

namespace keyline::testing {

struct HttpResult {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  boost::json::value json;  // parsed body when it is JSON, else null

  std::string Header(const std::string& lower_name) const;
  // Shorthand for json.at("error").at("code") as a string, or "".
  std::string ErrorCode() const;
};

class HttpClient {
 public:
  HttpClient(std::string host, uint16_t port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends a request; adds Cookie (from the jar), X-CSRF-Token (when known) and
  // Content-Type: application/json for a non-empty body unless `headers` sets it.
  HttpResult Request(const std::string& method, const std::string& target,
                     const std::string& body = "",
                     const std::vector<std::pair<std::string, std::string>>& headers = {});
  HttpResult Get(const std::string& target) { return Request("GET", target); }
  HttpResult Post(const std::string& target, const std::string& body) {
    return Request("POST", target, body);
  }
  HttpResult Patch(const std::string& target, const std::string& body) {
    return Request("PATCH", target, body);
  }
  HttpResult Delete(const std::string& target) { return Request("DELETE", target); }

  // Logs in through POST /api/v1/session and keeps the cookie and CSRF token.
  HttpResult Login(const std::string& username, const std::string& password);

  // Raw bytes in, raw response out (for malformed-request tests). Uses a new connection.
  std::string SendRaw(const std::string& bytes);

  // Connects from this local address (e.g. "127.0.0.2": Linux routes all of 127/8 to lo), so
  // the server sees another client address. Takes effect on the next connection.
  void set_source_address(std::string ip) {
    source_ = std::move(ip);
    Close();
  }
  void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }
  const std::string& csrf_token() const { return csrf_token_; }
  std::map<std::string, std::string>& cookies() { return cookies_; }

 private:
  bool EnsureConnected();
  void Close();
  std::string host_;
  uint16_t port_;
  int fd_ = -1;
  std::string source_;  // local address to bind, "" = any
  std::map<std::string, std::string> cookies_;
  std::string csrf_token_;
};

}  // namespace keyline::testing
