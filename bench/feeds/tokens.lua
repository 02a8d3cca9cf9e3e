-- Cycles through many feed paths, one per line in the file named by TOKENS_FILE.
-- Thread k of WRK_THREADS (default 2; must match wrk -t) takes paths k+1, k+1+n, ..., so the
-- threads never overlap.
-- ONCE=1: each thread stops once it has had as many responses as it has paths, and the last
-- thread to finish ends the run (SIGINT to wrk, which then reports as usual): one pass over
-- every feed, so on a freshly started server every request renders a feed. Run it with a -d
-- longer than the pass; DONE_FILE names a scratch file the threads count themselves in.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local all = {}
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if line ~= "" then all[#all + 1] = line end
  end
  local nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
  paths = {}
  for i = id + 1, #all, nthreads do paths[#paths + 1] = all[i] end
  next_index = 1
  responses = 0
end

-- ACCEPT_ENCODING=gzip: every request asks for gzip, as calendar clients do.
local encoding = os.getenv("ACCEPT_ENCODING")
local headers = encoding and { ["Accept-Encoding"] = encoding } or nil

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path, headers)
end

if os.getenv("ONCE") == "1" then
  function response(status, headers, body)
    responses = responses + 1
    if responses == #paths then
      local nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
      local f = os.getenv("DONE_FILE")
      -- system() ignores SIGINT in wrk while the shell runs: signal from a background
      -- subshell once it has returned ($PPID stays wrk's pid there).
      os.execute(string.format(
        "echo done >> '%s'; [ $(wc -l < '%s') -ge %d ] && (sleep 0.05; kill -INT $PPID) >/dev/null 2>&1 &",
        f, f, nthreads))
      wrk.thread:stop()
    end
  end
end
