-- GET /api/v1/projects?unit=U&stage=construction&limit=50 with a random responsible unit.
-- Env: KEYLINE_COOKIE (session cookie), BENCH_UNITS (comma-separated unit ids).
local units = {}
for id in string.gmatch(os.getenv("BENCH_UNITS") or "1", "[^,]+") do
  units[#units + 1] = id
end
local stages = {"construction", "preliminary", "construction,completed"}
wrk.headers["Cookie"] = os.getenv("KEYLINE_COOKIE")

request = function()
  local unit = units[math.random(#units)]
  local stage = stages[math.random(#stages)]
  return wrk.format("GET", "/api/v1/projects?unit=" .. unit .. "&stage=" .. stage .. "&limit=50")
end

local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT list req/s=%.0f p50_ms=%.2f p99_ms=%.2f non200=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
