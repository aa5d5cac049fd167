-- POST /api/v1/projects: durable, audited creates. Env: KEYLINE_COOKIE, KEYLINE_CSRF,
-- BENCH_DEPARTMENT (responsible unit id), BENCH_COMPANY (owner unit id).
wrk.method = "POST"
wrk.headers["Cookie"] = os.getenv("KEYLINE_COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("KEYLINE_CSRF")
wrk.headers["Content-Type"] = "application/json"
local dept = os.getenv("BENCH_DEPARTMENT")
local company = os.getenv("BENCH_COMPANY")
local counter = 0
local thread_tag = tostring(math.random(1, 1e9))

request = function()
  counter = counter + 1
  local body = '{"name":"压测新建项目' .. thread_tag .. '-' .. counter .. '",' ..
    '"total_investment":"12345.67","level":"district","region_code":"610113",' ..
    '"industry_code":"E48","responsible_unit_id":' .. dept .. ',"owner_unit_id":' .. company ..
    ',"planned_start":"2026-06-01","planned_completion":"2027-12-31","stage":"preliminary"}'
  return wrk.format("POST", "/api/v1/projects", nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT create writes/s=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
