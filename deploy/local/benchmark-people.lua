-- wrk script for deploy/local/benchmark-people.sh. BENCH_MODE picks what each connection does:
--   authorize  GET the authorization endpoint with a signed-in session; each code goes to $BENCH_DIR/codes-<thread>
--   exchange   redeem those codes (each once); each refresh token goes to $BENCH_DIR/refresh-<thread>
--   refresh    refresh those grants, each response's rotated refresh token replacing the one it used
--   signin     post the sign-in form (the right password: every request is a full Argon2id sign-in)
--   grant      client_credentials, for comparison
-- Every thread works on files of its own, so no code or refresh token is used by two threads.
local mode = os.getenv("BENCH_MODE")
local dir = os.getenv("BENCH_DIR")
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local queue, first, last, out = {}, 1, 0, nil

local function push(v) last = last + 1; queue[last] = v end
local function pop()
  if first > last then return nil end
  local v = queue[first]; queue[first] = nil; first = first + 1
  return v
end

function init(args)
  if mode == "authorize" then
    out = io.open(dir .. "/codes-" .. id, "w")
  elseif mode == "exchange" then
    for line in io.lines(dir .. "/codes-" .. id) do push(line) end
    out = io.open(dir .. "/refresh-" .. id, "w")
  elseif mode == "refresh" then
    for line in io.lines(dir .. "/refresh-" .. id) do push(line) end
  end
end

local form = "application/x-www-form-urlencoded"

function request()
  if mode == "authorize" then
    return wrk.format("GET", os.getenv("BENCH_PATH"), { Cookie = os.getenv("SESSION_COOKIE") })
  elseif mode == "exchange" or mode == "refresh" then
    local value = pop()
    if value == nil then
      wrk.thread:stop()
      value = "none-left"
    end
    local body
    if mode == "exchange" then
      body = "grant_type=authorization_code&client_id=" .. os.getenv("CLI_CLIENT") .. "&code=" .. value
        .. "&redirect_uri=" .. os.getenv("LOOPBACK_ENC") .. "&code_verifier=" .. os.getenv("VERIFIER")
    else
      body = "grant_type=refresh_token&client_id=" .. os.getenv("CLI_CLIENT") .. "&refresh_token=" .. value
    end
    return wrk.format("POST", "/oauth2/token", { ["Content-Type"] = form }, body)
  elseif mode == "signin" then
    return wrk.format("POST", "/signin", { ["Content-Type"] = form, Cookie = os.getenv("CSRF_COOKIE") },
      "email=" .. os.getenv("EMAIL_ENC") .. "&password=" .. os.getenv("PASSWORD_ENC") .. "&csrf_token="
        .. os.getenv("CSRF_TOKEN"))
  else
    return wrk.format("POST", "/oauth2/token", { ["Content-Type"] = form,
      Authorization = "Basic " .. os.getenv("SA_BASIC") }, "grant_type=client_credentials")
  end
end

function response(status, headers, body)
  if mode == "authorize" then
    local code = (headers["Location"] or ""):match("[?&]code=([^&]+)")
    if code then out:write(code, "\n"); out:flush() end
  elseif mode == "exchange" or mode == "refresh" then
    local token = body:match('"refresh_token":"([^"]+)"')
    if token then
      if mode == "exchange" then out:write(token, "\n"); out:flush() else push(token) end
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d requests=%d seconds=%.1f\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, e.connect + e.read + e.write + e.status + e.timeout, summary.requests, seconds))
end
