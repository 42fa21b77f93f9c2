-- wrk script of deploy/bench/pages.sh: POSTs the request bodies of a file (one JSON body a line) in turn,
-- each thread from its own place; prints one JSON line of results at the end.
-- An answer carrying "errors":[{ (GraphQL errors, or a mutation payload's errors) counts as an error.
-- Arguments (after --): bodies-file path [bearer-token]
local bodies, counter, path, token = {}, 0, "/", ""
local threads = {}
failed = 0

function setup(thread) threads[#threads + 1] = thread end

function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  path, token = args[2], args[3] or ""
  counter = math.random(#bodies)
end

function request()
  counter = counter % #bodies + 1
  local headers = { ["Content-Type"] = "application/json" }
  if token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("POST", path, headers, bodies[counter])
end

function response(status, headers, body)
  if string.find(body, '"errors":[{', 1, true) then failed = failed + 1 end
end

function done(summary, latency, requests)
  local e, graphql = summary.errors, 0
  for _, thread in ipairs(threads) do graphql = graphql + thread:get("failed") end
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p99_us":%d,"graphql":%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), graphql))
end
