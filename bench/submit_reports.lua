-- POST /api/v1/projects/{id}/reports/{period}/submit: month-end peak of durable, audited
-- monthly-report submissions, each a version-0 report for a (project, period) pair that no
-- other request of the run uses.
-- Env: KEYLINE_COOKIE, KEYLINE_CSRF (a reporter session: bench_company), BENCH_REPORT_IDS (file
-- with one project id per line, all owned by that company and under construction),
-- BENCH_PERIODS (comma-separated YYYYMM whose reporting windows are open), BENCH_WRK_THREADS
-- (wrk -t, default 2), BENCH_CHECK=1 to count statuses and print the first failure bodies
-- (costs wrk CPU; leave it off when measuring).
-- Thread t of T takes pairs t, t+T, t+2T, ... of the sequence (period 1: every project, then
-- period 2: every project, ...), so pairs never repeat within a run; bench/run_reports.sh gives
-- each run fresh periods. When the pairs run out the script wraps around and the server
-- answers 409 (visible as non2xx).
wrk.method = "POST"
wrk.headers["Cookie"] = os.getenv("KEYLINE_COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("KEYLINE_CSRF")
wrk.headers["Content-Type"] = "application/json"

local ids = {}
for line in io.lines(os.getenv("BENCH_REPORT_IDS")) do
  if line ~= "" then ids[#ids + 1] = line end
end
local periods = {}
for p in string.gmatch(os.getenv("BENCH_PERIODS") or "", "[^,]+") do periods[#periods + 1] = p end
assert(#ids > 0 and #periods > 0, "BENCH_REPORT_IDS and BENCH_PERIODS are required")
local nthreads = tonumber(os.getenv("BENCH_WRK_THREADS") or "2")
local pairs_total = #ids * #periods

local body = '{"version":0,"completed_investment":"12.34","progress_text":"主体结构施工",' ..
  '"progress_percent":40,"workers":120,"main_works":"完成三层顶板浇筑，二次结构砌筑",' ..
  '"next_plan":"四层主体结构施工","problems":""}'

-- Main state: give each thread its index.
local threads = {}
local next_tid = 0
function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  threads[#threads + 1] = thread
end

-- Thread state.
local k = 0
wrapped = 0
bad = 0
first_errors = ""

request = function()
  local n = (tid or 0) + k * nthreads
  k = k + 1
  if n >= pairs_total then wrapped = wrapped + 1 end
  n = n % pairs_total
  local period = periods[math.floor(n / #ids) + 1]
  local project = ids[n % #ids + 1]
  return wrk.format("POST", "/api/v1/projects/" .. project .. "/reports/" .. period .. "/submit",
    nil, body)
end

if os.getenv("BENCH_CHECK") == "1" then
  response = function(status, headers, resp)
    if status ~= 200 then
      bad = bad + 1
      if bad <= 3 then first_errors = first_errors .. status .. " " .. resp .. "\n" end
    end
  end
end

done = function(summary, latency, requests)
  local wraps = 0
  for _, t in ipairs(threads) do
    wraps = wraps + (t:get("wrapped") or 0)
    local errs = t:get("first_errors")
    if errs and errs ~= "" then io.write("first failures:\n" .. errs) end
  end
  if wraps > 0 then
    io.write(string.format("WARNING: %d requests reused a (project, period) pair; give the run " ..
      "more periods\n", wraps))
  end
  io.write(string.format("RESULT submit reports/s=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d " ..
    "errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
