-- GET with Accept-Encoding: gzip (pre-built request, no Lua per request).
wrk.headers["Accept-Encoding"] = "gzip"
