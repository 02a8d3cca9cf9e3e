#!/usr/bin/python3
"""An independent client of Cadence's JSON API (urllib + json only): reads a unit, its
compliance and its records with an API token, posts one record, and prints what it saw as JSON.
usage: read_api.py BASE_URL TOKEN UNIT AS_OF RULE DATE"""
import json
import sys
import urllib.error
import urllib.request

base, token, unit, as_of, rule, day = sys.argv[1:7]


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req) as resp:
            return resp.status, dict(resp.headers), json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), json.loads(e.read().decode("utf-8"))


out = {}
status, _, u = call("GET", "/api/v1/units/" + unit)
out["unit_status"] = status
out["unit_name"] = u.get("name")
out["children"] = [c["id"] for c in u.get("children", [])]
status, headers, posted = call("POST", "/api/v1/units/" + unit + "/records",
                               {"rule": rule, "date": day, "note": "由 Python 客户端记录",
                                "attendance": {"expected": 20, "present": 19}})
out["post_status"] = status
out["location"] = headers.get("Location")
out["posted_attendance"] = posted.get("attendance")
status, _, c = call("GET", "/api/v1/units/" + unit + "/compliance?as_of=" + as_of)
out["compliance_status"] = status
out["done"] = {r["rule"]: r.get("done") for r in c["results"] if r["unit"] == unit}
status, _, records = call("GET", "/api/v1/units/" + unit + "/records")
out["notes"] = [r["note"] for r in records["records"]]
status, headers, _ = call("GET", "/api/v1/units/" + unit)
status, _, nobody = call("GET", "/api/v1/units/nowhere")
out["unknown_unit_status"] = status
json.dump(out, sys.stdout, ensure_ascii=False)
