-- wrk script of the rollback load test (test_service_robust.cpp): posts the request body in
-- the file named by the first argument, counts who answered (X-Mapping-Engine) and every
-- answer that is not a 200 with a run that ended ok, and prints the totals of all threads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local f = io.open(args[1], "rb")
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
  v1 = 0
  v2 = 0
  bad = 0
end

function response(status, headers, body)
  if status ~= 200 or not body:find('"status":"ok"', 1, true) then
    bad = bad + 1
  end
  local engine = headers["X-Mapping-Engine"]
  if engine == "v1" then
    v1 = v1 + 1
  elseif engine == "v2" then
    v2 = v2 + 1
  end
end

function done(summary, latency, requests)
  local a, b, c = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("v1")
    b = b + t:get("v2")
    c = c + t:get("bad")
  end
  local e = summary.errors
  io.write(string.format("RESULT v1=%d v2=%d bad=%d socket=%d\n", a, b, c,
                         e.connect + e.read + e.write + e.timeout + e.status))
end
