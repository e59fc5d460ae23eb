-- wrk script: POSTs one GraphQL body with the access token of a tenant
-- picked at random per request, so that no single tenant's rows or cached
-- state serve the whole run.
--
--   wrk -s load.lua URL -- TOKENS_FILE BODY_FILE
--
-- TOKENS_FILE holds one access token a line, BODY_FILE the JSON request
-- body. Every request is formatted once in init(): building headers per
-- request would cost wrk CPU that the server, on the same cores, needs.
-- There is no response() callback on purpose (it makes wrk parse every
-- body in Lua and slows it down a lot); run.sh checks responses with
-- curl before and after, and wrk counts non-2xx answers itself.

local requests = {}
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

function init(args)
  local body_file = assert(io.open(args[2], "rb"))
  local body = body_file:read("*a")
  body_file:close()
  for token in io.lines(args[1]) do
    if token ~= "" then
      requests[#requests + 1] = wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. token,
      }, body)
    end
  end
  assert(#requests > 0, "no tokens in " .. args[1])
  -- Threads start within the same second: without their number they
  -- would all draw the same sequence of tenants.
  math.randomseed(os.time() * 1000 + (thread_no or 0))
end

function request()
  return requests[math.random(#requests)]
end

-- One machine-readable line for run.sh, beside wrk's own summary.
function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d non2xx=%d socket_errors=%d "
      .. "p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.status,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
