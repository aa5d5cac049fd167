-- GET /api/v1/rates?set=S&period=P&group_by=unit (the five rates by unit), repeatedly.
-- Env: KEYLINE_COOKIE, BENCH_SET (fengxi|shaanxi), BENCH_PERIOD (YYYYMM).
wrk.headers["Cookie"] = os.getenv("KEYLINE_COOKIE")
local path = "/api/v1/rates?set=" .. (os.getenv("BENCH_SET") or "shaanxi") .. "&period=" ..
  (os.getenv("BENCH_PERIOD") or "202610") .. "&group_by=unit"
request = function() return wrk.format("GET", path) end
done = function(summary, latency, requests)
  io.write(string.format("RESULT rates req/s=%.0f p50_ms=%.2f p99_ms=%.2f non200=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
