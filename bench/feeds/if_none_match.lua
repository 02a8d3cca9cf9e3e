-- Conditional GET: every request carries the validator fetched beforehand by run.sh
-- (IF_NONE_MATCH=<ETag as sent, quotes included>; or IF_MODIFIED_SINCE=<HTTP date>).
-- Set at load time, so wrk still sends one pre-built request (no Lua per request).
local inm = os.getenv("IF_NONE_MATCH")
local ims = os.getenv("IF_MODIFIED_SINCE")
if inm and inm ~= "" then wrk.headers["If-None-Match"] = inm end
if ims and ims ~= "" then wrk.headers["If-Modified-Since"] = ims end
