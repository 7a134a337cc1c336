-- wrk script for deploy/local/benchmark*.sh: by default a form POST (BENCH_BODY) with HTTP Basic client
-- authentication (BENCH_BASIC); with BENCH_BEARER set, a GET with that bearer token instead. Prints a one-line
-- machine-readable summary.
local bearer = os.getenv("BENCH_BEARER")
if bearer and bearer ~= "" then
  wrk.method = "GET"
  wrk.headers["Authorization"] = "Bearer " .. bearer
else
  wrk.method = "POST"
  wrk.body = os.getenv("BENCH_BODY")
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d requests=%d seconds=%.1f\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, e.connect + e.read + e.write + e.status + e.timeout, summary.requests, seconds))
end
