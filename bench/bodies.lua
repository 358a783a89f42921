-- wrk script of the benchmarks: POSTs request bodies read from a file, one body per line, rotating
-- through them (bench/verify.sh: so that the server sees many distinct PASSporTs instead of one).
--
--   wrk -s bench/bodies.lua URL -- BODIES_FILE CONTENT_TYPE
--
-- Each wrk thread starts at its own offset in the list, so the threads do not send the same body
-- at the same moment.

local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
end

function init(args)
  local file = assert(args[1], "usage: wrk -s bodies.lua URL -- BODIES_FILE [CONTENT_TYPE]")
  bodies = {}
  for line in io.lines(file) do
    if #line > 0 then
      table.insert(bodies, line)
    end
  end
  assert(#bodies > 0, "no request bodies in " .. file)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = args[2] or "application/json"
  -- a prime stride spreads the threads' starting points over the list
  next_body = ((index or 0) * 997) % #bodies + 1
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format(nil, nil, nil, body)
end
