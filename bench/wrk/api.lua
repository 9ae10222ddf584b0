-- wrk script of bench/api-throughput.sh; one scenario per run, chosen by the environment:
--   SCENARIO  list | get | post | mixed | page (a plain GET of WRK_PATH, for the bare app) | page-post (a POST of WRK_PATH)
--   AUTH      file of header lines ("Authorization: Bearer ..." or "X-Api-Key: ..."); requests rotate over them,
--             so one line is one company and 100 lines spread the load over 100 companies
--   IDS       file of task ids for get and mixed (random pick per request)
--   DELAY_MS  pause before each request on a connection (a paced run below saturation); 0 = as fast as possible
-- done() prints one line the script parses: "RESULT <req/s> <p50 ms> <p99 ms> <non-2xx> <socket errors>".
local scenario = os.getenv("SCENARIO") or "page"
local path = os.getenv("WRK_PATH") or "/"
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")

local function lines(file)
  local out = {}
  if file and file ~= "" then
    for line in io.lines(file) do
      if line ~= "" then out[#out + 1] = line end
    end
  end
  return out
end

local auth, ids, counter = {}, {}, 0

function init(args)
  for _, line in ipairs(lines(os.getenv("AUTH"))) do
    local name, value = line:match("^([^:]+):%s*(.*)$")
    auth[#auth + 1] = { [name] = value }
  end
  ids = lines(os.getenv("IDS"))
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000)
end

local function headers(extra)
  counter = counter + 1
  local h = {}
  if #auth > 0 then
    for k, v in pairs(auth[(counter % #auth) + 1]) do h[k] = v end
  end
  if extra then
    for k, v in pairs(extra) do h[k] = v end
  end
  return h
end

local function list() return wrk.format("GET", "/api/v1/tasks?limit=50", headers()) end
local function get() return wrk.format("GET", "/api/v1/tasks/" .. ids[math.random(#ids)], headers()) end
local function post()
  local body = string.format('{"title":"Bench task %d","description":"Created by the api-throughput benchmark to measure writes.","priority":"high","tags":["bench","load"]}', counter)
  return wrk.format("POST", "/api/v1/tasks", headers({ ["Content-Type"] = "application/json" }), body)
end

function request()
  if scenario == "list" then return list() end
  if scenario == "get" then return get() end
  if scenario == "post" then return post() end
  if scenario == "page-post" then return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, "{}") end
  if scenario == "mixed" then
    -- 80 % reads (half list, half get by id), 20 % creates
    local r = math.random(10)
    if r <= 2 then return post() end
    if r <= 6 then return list() end
    return get()
  end
  return wrk.format("GET", path, headers())
end

if delay_ms > 0 then
  function delay() return delay_ms end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
