-- wrk's request generator for bench/voice.ts: one Vapi message per request, each with its own
-- call and tool-call ids (and, for bookings, its own 15-minute slot), signed with the secret.
local scenario = os.getenv("BENCH_SCENARIO")
local prefix = os.getenv("BENCH_PREFIX")
local number = os.getenv("BENCH_NUMBER")
local caller = os.getenv("BENCH_CALLER")
local date = os.getenv("BENCH_DATE")
local slot0 = tonumber(os.getenv("BENCH_SLOT0") or "0")

wrk.method = "POST"
wrk.path = "/"
wrk.headers["content-type"] = "application/json"
wrk.headers["x-vapi-secret"] = os.getenv("BENCH_SECRET")

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local n = 0
failed = 0

local function message(kind, extra)
  return string.format(
    '{"message":{"type":"%s","call":{"id":"%s-%s-%d","phoneNumberId":"pn-bench","customer":{"number":"%s"}},'
      .. '"phoneNumber":{"provider":"twilio","number":"%s"},"customer":{"number":"%s"}%s}}',
    kind, prefix, id, n, caller, number, caller, extra)
end

local function tool(name, args)
  return message("tool-calls", string.format(
    ',"toolCallList":[{"id":"%s-tc-%s-%d","type":"function","function":{"name":"%s","arguments":%s}}]',
    prefix, id, n, name, args))
end

function request()
  n = n + 1
  local body
  if scenario == "assistant-request" then
    body = message("assistant-request", "")
  elseif scenario == "checkAvailability" then
    body = tool("checkAvailability", string.format('{"date":"%s","appointmentType":"cleaning"}', date))
  elseif scenario == "bookAppointment" then
    local startsAt = os.date("!%Y-%m-%dT%H:%M:%SZ", slot0 + (n - 1) * 900)
    body = tool("bookAppointment", string.format(
      '{"startsAt":"%s","appointmentType":"Cleaning","providerName":"Dr. Chen","patientName":"Bench Patient"}', startsAt))
  else
    body = message(scenario, string.format(',"status":"in-progress","timestamp":%d', n))
  end
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"error"', 1, true) then
    if failed == 0 then io.write("FIRST FAILURE ", status, " ", string.sub(body, 1, 300), "\n") end
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local failures = 0
  for _, thread in ipairs(threads) do failures = failures + thread:get("failed") end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"failed":%d,"socketErrors":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, failures, e.connect + e.read + e.write + e.timeout))
end
