#!/usr/bin/env python3
"""Checks of the HTTP API; see server_api_test.sh. Usage: server_api_test.py BASE open|token"""
import json
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE, MODE = sys.argv[1], sys.argv[2]
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


def call(method, path, body=None, headers=None):
    req = urllib.request.Request(BASE + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def get(path):
    status, _, body = call("GET", path)
    return status, json.loads(body)


def is_error(status, body, want):
    return status == want and body.get("error", {}).get("status") == want and body["error"].get("message")


def raw(data):
    """Sends raw bytes, returns what comes back (or b'' when the server closes)."""
    host, port = urllib.parse.urlparse(BASE).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        out = b""
        try:
            while chunk := s.recv(65536):
                out += chunk
        except (ConnectionResetError, socket.timeout):
            pass
        return out


article = "Talks in Tallinn\nMinisters met in Tallinn on Monday to discuss ferry routes across the Baltic.\n"

if MODE == "token":
    status, _, body = call("POST", "/v1/analyze", article.encode(), {"Content-Type": "text/plain"})
    check(is_error(status, json.loads(body), 401), "POST without the token: 401")
    status, _, body = call("POST", "/v1/analyze", article.encode(), {"Content-Type": "text/plain", "Authorization": "Bearer wrong"})
    check(is_error(status, json.loads(body), 401), "POST with a wrong token: 401")
    status, _, body = call("POST", "/v1/analyze", article.encode(), {"Content-Type": "text/plain", "Authorization": "Bearer s3cret"})
    check(status == 200, "POST with the token: 200")
    check(get("/v1/search?q=grain")[0] == 200, "GET needs no token")
    sys.exit(1 if failures else 0)

# Health and the description.
status, health = get("/healthz")
check(status == 200 and health["status"] == "ok" and health["articles"] == 40, f"healthz: {health}")
status, spec = get("/v1/openapi.json")
paths = spec.get("paths", {})
for p in ["/v1/analyze", "/v1/articles", "/v1/search", "/v1/articles/{id}", "/v1/stories", "/v1/stories/{id}",
          "/v1/entities", "/v1/entities/{id}", "/v1/quotes", "/v1/events", "/healthz"]:
    check(p in paths, f"openapi describes {p}")

# Search, filters, facets, paging.
status, r = get("/v1/search?q=grain")
check(status == 200 and r["total"] > 0 and r["hits"], f"search grain: {r['total']} hits")
check(all("[" in h["snippet"] or "grain" in (h["title"] or "").lower() for h in r["hits"]), "snippets mark matches")
check(r["facets"]["entities"] and r["facets"]["speakers"] and r["facets"]["cameo_roots"] and r["facets"]["dates"], "four facets")
total = r["total"]
_, p1 = get("/v1/search?q=grain&limit=3&offset=0")
_, p2 = get("/v1/search?q=grain&limit=3&offset=3")
check(len(p1["hits"]) == 3 and p1["total"] == total and not {h["id"] for h in p1["hits"]} & {h["id"] for h in p2["hits"]},
      "limit/offset pages do not overlap")
speaker = r["facets"]["speakers"][0]
_, bys = get("/v1/search?" + urllib.parse.urlencode({"q": "grain", "speaker": speaker["value"]}))
check(bys["total"] == speaker["count"], f"speaker filter count matches its facet ({speaker})")
ent = r["facets"]["entities"][0]
_, bye = get("/v1/search?" + urllib.parse.urlencode({"q": "grain", "entity": ent["value"]}))
check(bye["total"] == ent["count"], f"entity filter count matches its facet ({ent})")
root = r["facets"]["cameo_roots"][0]
_, byc = get("/v1/search?" + urllib.parse.urlencode({"q": "grain", "cameo": root["value"]}))
check(byc["total"] == root["count"], f"cameo filter count matches its facet ({root})")
day = r["facets"]["dates"][0]
_, byd = get("/v1/search?" + urllib.parse.urlencode({"q": "grain", "from": day["value"], "to": day["value"]}))
check(byd["total"] == day["count"] and all(h["published"] == day["value"] for h in byd["hits"]), "date range filter")
_, none = get("/v1/search?q=zzzznotaword")
check(none["total"] == 0 and none["hits"] == [], "no match: empty result")
for bad in ["limit=-1", "limit=abc", "limit=100000", "offset=x", "from=yesterday", "to=2026-1-1"]:
    status, body = get("/v1/search?" + bad)
    check(is_error(status, body, 400), f"400 for {bad}: {body.get('error', {}).get('message')}")

# Articles.
aid = r["hits"][0]["id"]
status, a = get("/v1/articles/" + aid)
check(status == 200 and a["id"] == aid and a["entities"] and a["quotes"] and a["events"], "GET article")
check(is_error(*get("/v1/articles/doesnotexist"), 404), "unknown article: 404")

# Stories.
status, st = get("/v1/stories?limit=5")
check(status == 200 and st["stories"][0]["articles"] == 2, "stories: largest first, the repost pair")
status, s = get("/v1/stories/" + urllib.parse.quote(st["stories"][0]["id"]))
check(status == 200 and len(s["article_ids"]) == 2 and len(s["article_list"]) == 2, "story lists both reposts")
check(is_error(*get("/v1/stories/nope"), 404), "unknown story: 404")

# Entities.
status, es = get("/v1/entities?q=ferr")
check(status == 200 and es["entities"] and all("ferr" in (e["name"] + " ".join(e["aliases"])).lower() for e in es["entities"]),
      "entities?q= matches names")
eid = es["entities"][0]["id"]
status, e = get(f"/v1/entities/{eid}")
check(status == 200 and e["aliases"] and e["titles"] and e["quotes"] and e["events"] and e["co_occurring"],
      "entity page data: aliases, titles, quotes, events, co-occurring")
check(is_error(*get("/v1/entities/abc"), 400), "entity id not a number: 400")
check(is_error(*get("/v1/entities/999999"), 404), "unknown entity: 404")

# Quotes and events.
status, qs = get("/v1/quotes?" + urllib.parse.urlencode({"speaker": e["name"], "limit": 200}))
check(status == 200 and qs["quotes"] and all(q["speaker"] == e["name"] for q in qs["quotes"]), "quotes by speaker")
status, ev = get("/v1/events?" + urllib.parse.urlencode({"actor": e["name"], "limit": 5000}))
check(status == 200 and ev["events"] and all(e["name"] in (x["source"], x["target"]) for x in ev["events"]), "events by actor")
status, ev2 = get("/v1/events?cameo=13&from=2026-01-01&to=2026-06-30")
check(status == 200 and all(x["cameo"].startswith("13") and "2026-01-01" <= x["date"] <= "2026-06-30" for x in ev2["events"]),
      "events by cameo and dates")
status, net = get("/v1/network")
check(status == 200 and net["edges"] and net["nodes"], "network")

# Analyze (nothing stored) and store.
status, _, body = call("POST", "/v1/analyze", article.encode(), {"Content-Type": "text/plain"})
an = json.loads(body)
check(status == 200 and an["title"] == "Talks in Tallinn" and "ferry" in an["body"], "POST /v1/analyze text")
check(get("/healthz")[1]["articles"] == 40, "analyze stores nothing")
status, _, body = call("POST", "/v1/analyze", json.dumps({"html": "<html><head><title>Ferry talks</title></head><body>"
                       "<p>Ministers met in Tallinn on Monday to discuss ferry routes across the Baltic, the timetable for "
                       "winter crossings and the fees that ports charge the operators.</p></body></html>"}).encode(),
                       {"Content-Type": "application/json"})
an = json.loads(body)
check(status == 200 and an["title"] == "Ferry talks" and "ferry routes" in an["body"] and "<p>" not in an["body"],
      "POST /v1/analyze JSON with html")
deep = b"[" * 2_000_000 + b"]" * 2_000_000  # nesting must not exhaust the stack
for bad_body, ctype in [(b"", "text/plain"), (b"{not json", "application/json"), (b"[1,2]", "application/json"),
                        (deep, "application/json"), (b'{"text":' + b"[" * 1_000_000, "application/json")]:
    status, _, body = call("POST", "/v1/analyze", bad_body, {"Content-Type": ctype})
    check(is_error(status, json.loads(body), 400), f"400 for body {bad_body[:10]!r}")
status, _, body = call("POST", "/v1/articles", article.encode(), {"Content-Type": "text/plain"})
stored = json.loads(body)
check(status == 201 and stored["stored"] is True, "POST /v1/articles: 201")
status, _, body = call("POST", "/v1/articles", article.encode(), {"Content-Type": "text/plain"})
check(status == 200 and json.loads(body)["stored"] is False, "the same article again: 200, not stored twice")
check(get("/healthz")[1]["articles"] == 41, "stored article counted")
check(get("/v1/search?q=tallinn")[1]["total"] == 1, "stored article searchable")

# Limits and errors.
status, _, body = call("POST", "/v1/analyze", b"x" * (10 * 1024 * 1024 + 1), {"Content-Type": "text/plain"})
check(is_error(status, json.loads(body), 413), "body over 10 MB: 413")
check(is_error(*get("/v1/nothing"), 404), "unknown endpoint: 404")
status, _, body = call("DELETE", "/v1/articles/" + aid)
check(is_error(status, json.loads(body), 405), "DELETE: 405")
status, _, body = call("GET", "/v1/articles")
check(is_error(status, json.loads(body), 405), "GET on a POST endpoint: 405")

# The web UI.
status, headers, body = call("GET", "/")
check(status == 200 and b"/app.js" in body and "script-src 'self'" in headers.get("Content-Security-Policy", ""),
      "web page with a strict CSP")
for asset in ["/app.js", "/style.css"]:
    check(call("GET", asset)[0] == 200, f"asset {asset}")
check(call("GET", "/../../etc/passwd")[0] == 404, "no path traversal")

# Malformed requests do not bring the server down.
for junk in [b"\x00\xff\x13garbage\r\n\r\n", b"GET\r\n\r\n", b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\n\r\n",
             b"POST /v1/analyze HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\nabc",
             b"POST /v1/analyze HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n", b"GET /v1/search?q=%zz%00 HTTP/1.1\r\n\r\n",
             b"GET /healthz HTTP/1.1\r\n" + b"X-Long: " + b"b" * 100000 + b"\r\n\r\n"]:
    raw(junk)
check(get("/healthz")[0] == 200, "alive after malformed requests")
sys.exit(1 if failures else 0)
