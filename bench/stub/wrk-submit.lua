-- wrk script for the stub benchmark (bench/stub/wrk.mjs runs it): every request is a new
-- submission, never a repeated Idempotency-Key.
--
--   wrk -t2 -c16 -d10s -s bench/stub/wrk-submit.lua http://127.0.0.1:PORT -- FILE TOKEN
--
-- FILE holds one submission a line, "<key>\t<body>". Thread i (of n) sends lines i, i+n, …, so
-- no two threads share a key. The requests are formatted in init(), before wrk starts its clock,
-- so the run itself only hands out prepared strings (wrk starts thread 0 before it runs thread 1's
-- init(), so thread 0 gets that long, some tens of ms, ahead of the clock). A thread that runs out sends GET /health
-- instead (counted as "exhausted": the run is then invalid, FILE was too short). done() prints
-- one JSON line, prefixed "WRK-RESULT ", for the driver.

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

-- CPU seconds used (user + system) by this process ("/proc/self/stat", all threads, joined ones
-- included) or by the calling thread ("/proc/thread-self/stat"): fields 14 and 15, in 1/100 s.
local function cpu_seconds(path)
  local f = io.open(path)
  local stat = f:read("*a")
  f:close()
  local rest = stat:match("%) (.*)")
  local fields = {}
  for field in rest:gmatch("%S+") do fields[#fields + 1] = field end
  return (tonumber(fields[12]) + tonumber(fields[13])) / 100
end

local requests_ = {}
local next_ = 1
local health_

function init(args)
  local file, token = args[1], args[2]
  local stride = tonumber(args[3])
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }
  local line_number = 0
  for line in io.lines(file) do
    if line_number % stride == index then
      local key, body = line:match("^(%x+)\t(.*)$")
      headers["Idempotency-Key"] = key
      requests_[#requests_ + 1] = wrk.format("POST", "/api/v1/submissions", headers, body)
    end
    line_number = line_number + 1
  end
  health_ = wrk.format("GET", "/api/v1/health")
  statuses = {}
  exhausted = 0
end

function request()
  local r = requests_[next_]
  if r == nil then
    exhausted = exhausted + 1
    return health_
  end
  requests_[next_] = nil  -- sent once; also lets the memory go
  next_ = next_ + 1
  return r
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts, exhausted_total = {}, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
    exhausted_total = exhausted_total + thread:get("exhausted")
  end
  local parts = {}
  for status, n in pairs(counts) do parts[#parts + 1] = string.format('"%d":%d', status, n) end
  -- wrk's main thread ran every init() (reading FILE, formatting the requests) and then slept
  -- until the workers were joined: the workers' CPU is the process's minus the main thread's.
  local workers_cpu = cpu_seconds("/proc/self/stat") - cpu_seconds("/proc/thread-self/stat")
  local e = summary.errors
  io.write(string.format(
    'WRK-RESULT {"seconds":%.6f,"responses":%d,"statuses":{%s},"exhausted":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"p50Ms":%.3f,"p90Ms":%.3f,"p99Ms":%.3f,"maxMs":%.3f,"cpuSeconds":%.2f}\n',
    summary.duration / 1e6, summary.requests, table.concat(parts, ","), exhausted_total,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, workers_cpu))
end
