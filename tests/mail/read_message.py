#!/usr/bin/python3
"""Reads an email file with Python's email package and prints what the tests check, as JSON."""
import email
import email.header
import email.policy
import json
import sys

raw = open(sys.argv[1], "rb").read()
msg = email.message_from_bytes(raw, policy=email.policy.default)


def tree(part):
    node = {"type": part.get_content_type(), "params": dict(part.get_params() or [])}
    if part.is_multipart():
        node["parts"] = [tree(p) for p in part.iter_parts()]
    else:
        node["content"] = part.get_content() if part.get_content_maintype() == "text" else ""
        node["filename"] = part.get_filename() or ""
        node["cte"] = part.get("Content-Transfer-Encoding", "")
    return node


out = {name: str(msg.get(name, "")) for name in
       ["Subject", "From", "To", "Reply-To", "Date", "Message-ID", "MIME-Version",
        "Auto-Submitted", "X-Cadence-Key"]}
# policy.default's address parser puts a space between adjacent encoded-words in a display name,
# which RFC 2047 §6.2 says to drop; decode_header follows the RFC.
raw = dict(msg.raw_items())
for name in ["From", "To"]:
    out[name + "_rfc2047"] = str(email.header.make_header(email.header.decode_header(raw.get(name, ""))))
out["to_names"] = [a.display_name for a in msg["To"].addresses] if msg["To"] else []
out["from_name"] = msg["From"].addresses[0].display_name if msg["From"] else ""
out["defects"] = [str(d) for d in msg.defects] + [str(d) for p in msg.walk() for d in p.defects]
out["tree"] = tree(msg)
print(json.dumps(out, ensure_ascii=False))
