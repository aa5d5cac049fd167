// Nothing acknowledged is lost when the server dies: the keyline binary serves a fresh SQLite
// database (the demo district) as a child process, four clients submit monthly reports
// concurrently as the company qiye, the server is killed with SIGKILL in the middle of the load,
// and after a restart on the same file every report that was answered 200 is there, submitted,
// and the audit hash chain still verifies.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "testing/test_env.h"
#include "tests/http_client.h"

namespace keyline::testing {
namespace {

constexpr const char* kDemoPassword = "Keyline@2026";

// Runs `keyline ARGS` to completion; returns the exit code and appends the output to *output.
int RunKeyline(const std::string& args, std::string* output) {
  std::string cmd = std::string(KEYLINE_BINARY) + " " + args + " 2>&1 < /dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) output->append(buf.data(), n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// `keyline serve` as a child process on 127.0.0.1:0; the port is read from its first line.
class ServerProcess {
 public:
  ServerProcess(std::string db, std::string log) : db_(std::move(db)), log_(std::move(log)) {}
  ~ServerProcess() {
    if (pid_ > 0) Kill(SIGKILL);
  }

  // Starts the server and waits (up to 30 s) until it listens. Returns false with *error.
  bool Start(std::string* error) {
    std::fflush(nullptr);  // or the child's freopen writes our buffered output a second time
    pid_ = fork();
    if (pid_ < 0) {
      *error = "fork failed";
      return false;
    }
    if (pid_ == 0) {
      FILE* out = std::freopen(log_.c_str(), "w", stdout);
      if (out) dup2(fileno(stdout), STDERR_FILENO);
      execl(KEYLINE_BINARY, KEYLINE_BINARY, "--db", db_.c_str(), "serve", "--listen",
            "127.0.0.1:0", static_cast<char*>(nullptr));
      _exit(127);
    }
    const std::string marker = "listening on http://127.0.0.1:";
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      std::ifstream in(log_);
      std::stringstream text;
      text << in.rdbuf();
      std::string s = text.str();
      size_t at = s.find(marker);
      if (at != std::string::npos && s.find(' ', at + marker.size()) != std::string::npos) {
        port_ = static_cast<uint16_t>(std::stoi(s.substr(at + marker.size())));
        return true;
      }
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        *error = "the server exited: " + s;
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    *error = "the server did not start listening within 30 s";
    return false;
  }

  // Sends `sig` and reaps the process. Returns the wait status.
  int Kill(int sig) {
    int status = 0;
    if (pid_ <= 0) return status;
    kill(pid_, sig);
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

  uint16_t port() const { return port_; }

 private:
  std::string db_;
  std::string log_;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
};

struct Pair {
  int64_t project_id;
  int period;
  bool operator<(const Pair& o) const {
    return project_id != o.project_id ? project_id < o.project_id : period < o.period;
  }
};

std::string ReportPath(const Pair& p) {
  return "/api/v1/projects/" + std::to_string(p.project_id) + "/reports/" +
         std::to_string(p.period);
}

const boost::json::value* Find(const boost::json::value& v, std::initializer_list<const char*> path) {
  const boost::json::value* at = &v;
  for (const char* key : path) {
    if (!at->is_object()) return nullptr;
    at = at->as_object().if_contains(key);
    if (!at) return nullptr;
  }
  return at;
}

std::string StringAt(const boost::json::value& v, std::initializer_list<const char*> path) {
  const boost::json::value* at = Find(v, path);
  return at && at->is_string() ? std::string(at->as_string()) : "";
}

int64_t IntAt(const boost::json::value& v, std::initializer_list<const char*> path) {
  const boost::json::value* at = Find(v, path);
  return at && at->is_int64() ? at->as_int64() : -1;
}

TEST(DurabilitySqlite, AcknowledgedReportsSurviveSigkill) {
  constexpr int kClients = 4;
  constexpr int kKillAfter = 300;  // acknowledgements before the SIGKILL
  constexpr int kFirstYear = 2001, kYears = 8;  // past periods, windows opened explicitly

  TempDir dir;
  const std::string db = "sqlite:" + dir.path() + "/durability.db";
  std::string out;
  ASSERT_EQ(RunKeyline("--db " + db + " seed-demo", &out), 0) << out;

  ServerProcess first(db, dir.path() + "/server1.log");
  std::string error;
  ASSERT_TRUE(first.Start(&error)) << error;

  // Open the reporting windows of the test periods as the 发改 supervisor.
  std::vector<int> periods;
  for (int y = kFirstYear; y < kFirstYear + kYears; ++y) {
    for (int m = 1; m <= 12; ++m) periods.push_back(y * 100 + m);
  }
  {
    HttpClient fgw("127.0.0.1", first.port());
    ASSERT_EQ(fgw.Login("fgw", kDemoPassword).status, 200);
    for (int period : periods) {
      char body[160];
      std::snprintf(body, sizeof body,
                    R"({"opens_on":"%04d-%02d-01","due_on":"2099-12-30","locks_after":"2099-12-31"})",
                    period / 100, period % 100);
      HttpResult r = fgw.Request("PUT", "/api/v1/reporting/calendar/" + std::to_string(period),
                                 body);
      ASSERT_EQ(r.status, 200) << r.body;
    }
  }

  // qiye's projects under construction with an actual start date (its scope: its own projects).
  HttpClient qiye("127.0.0.1", first.port());
  ASSERT_EQ(qiye.Login("qiye", kDemoPassword).status, 200);
  HttpResult list = qiye.Get("/api/v1/projects?stage=construction&limit=500");
  ASSERT_EQ(list.status, 200) << list.body;
  std::vector<int64_t> projects;
  for (const boost::json::value& p : list.json.at("items").as_array()) {
    if (!StringAt(p, {"actual_start"}).empty()) projects.push_back(p.at("id").as_int64());
  }
  ASSERT_GE(projects.size(), 3u) << list.body;

  // Every (project, period) pair once, dealt round-robin to the clients.
  std::vector<Pair> pairs;
  for (int period : periods) {
    for (int64_t id : projects) pairs.push_back({id, period});
  }
  ASSERT_GT(static_cast<int>(pairs.size()), kKillAfter + 100);

  const std::string body =
      R"({"version":0,"completed_investment":"1.25","progress_text":"主体结构施工",)"
      R"("progress_percent":40,"workers":80,"main_works":"三层顶板浇筑","next_plan":"四层主体",)"
      R"("problems":""})";
  std::atomic<int> acked_count{0};
  std::atomic<int> attempted{0};
  std::mutex mu;
  std::vector<Pair> acked;
  std::vector<std::string> unexpected;  // answers other than 200 or a dead connection
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      HttpClient client("127.0.0.1", first.port());
      client.cookies() = qiye.cookies();
      client.set_csrf_token(qiye.csrf_token());
      for (size_t i = c; i < pairs.size(); i += kClients) {
        attempted.fetch_add(1);
        HttpResult r = client.Post(ReportPath(pairs[i]) + "/submit", body);
        if (r.status == 0) return;  // the server is gone
        std::lock_guard<std::mutex> lock(mu);
        if (r.status == 200 && StringAt(r.json, {"report", "status"}) == "submitted" &&
            IntAt(r.json, {"report", "version"}) == 1) {
          acked.push_back(pairs[i]);
          acked_count.fetch_add(1);
        } else {
          unexpected.push_back(ReportPath(pairs[i]) + ": " + std::to_string(r.status) + " " +
                               r.body);
          return;
        }
      }
    });
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(40);
  while (acked_count.load() < kKillAfter && std::chrono::steady_clock::now() < deadline) {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!unexpected.empty()) break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  int status = first.Kill(SIGKILL);
  for (std::thread& t : clients) t.join();
  ASSERT_TRUE(unexpected.empty()) << unexpected.front();
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
  ASSERT_GE(acked_count.load(), kKillAfter) << "too slow: the load did not reach the kill point";
  // The kill landed mid-load: some pairs were never attempted.
  ASSERT_LT(attempted.load(), static_cast<int>(pairs.size()));
  std::printf("[durability] %zu acknowledged of %d attempted before SIGKILL\n", acked.size(),
              attempted.load());

  // Restart on the same file: every acknowledged report is there and submitted.
  ServerProcess second(db, dir.path() + "/server2.log");
  ASSERT_TRUE(second.Start(&error)) << error;
  HttpClient reader("127.0.0.1", second.port());
  ASSERT_EQ(reader.Login("qiye", kDemoPassword).status, 200);
  std::set<Pair> acked_set(acked.begin(), acked.end());
  ASSERT_EQ(acked_set.size(), acked.size()) << "a pair was acknowledged twice";
  int missing = 0;
  for (const Pair& p : acked) {
    HttpResult r = reader.Get(ReportPath(p));
    ASSERT_EQ(r.status, 200) << ReportPath(p) << " " << r.body;
    bool ok = r.json.is_object() && r.json.at("exists").as_bool() &&
              StringAt(r.json, {"report", "status"}) == "submitted" &&
              IntAt(r.json, {"report", "version"}) == 1;
    if (!ok && ++missing <= 5) {
      ADD_FAILURE() << "acknowledged but lost: " << ReportPath(p) << " " << r.body;
    }
  }
  EXPECT_EQ(missing, 0) << "of " << acked.size() << " acknowledged reports";

  // Counted another way: what is stored is the acknowledged reports plus at most the requests
  // that were in flight when the server died (one per client).
  int64_t stored = 0;
  for (int period : periods) {
    HttpResult r = reader.Get("/api/v1/reports?period=" + std::to_string(period) + "&limit=1");
    ASSERT_EQ(r.status, 200) << r.body;
    stored += r.json.at("total").as_int64();
  }
  EXPECT_GE(stored, static_cast<int64_t>(acked.size()));
  EXPECT_LE(stored, static_cast<int64_t>(acked.size()) + kClients);

  // The server still takes writes on the recovered file.
  Pair next = pairs.back();
  if (!acked_set.count(next)) {
    HttpResult again = reader.Get(ReportPath(next));
    int64_t version = IntAt(again.json, {"report", "version"});
    if (StringAt(again.json, {"report", "status"}) != "submitted") {
      std::string b = body;
      b.replace(b.find("\"version\":0"), 11, "\"version\":" + std::to_string(version));
      HttpResult r = reader.Post(ReportPath(next) + "/submit", b);
      EXPECT_EQ(r.status, 200) << r.body;
    }
  }

  int term = second.Kill(SIGTERM);
  EXPECT_TRUE(WIFEXITED(term) || WIFSIGNALED(term));
  out.clear();
  int verify = RunKeyline("--db " + db + " audit verify", &out);
  EXPECT_EQ(verify, 0) << out;
  EXPECT_NE(out.find("intact"), std::string::npos) << out;
}

}  // namespace
}  // namespace keyline::testing
