#!/usr/bin/env python3
"""Hostile and unlucky clients against `newsgraph serve`; see server_hardening_test.sh.

Usage: server_hardening_test.py BASE SERVER_PID open|token [--bomb-mb N] [--idle N]

The server is expected to run with --threads 2 --read-timeout 2 --max-client-connections 16.
Every loop is bounded; memory is the server's peak RSS (VmHWM in /proc/PID/status).
"""
import argparse
import json
import socket
import sys
import threading
import time
import urllib.parse
import zlib

ap = argparse.ArgumentParser()
ap.add_argument("base")
ap.add_argument("pid", type=int)
ap.add_argument("mode", choices=["open", "token"])
ap.add_argument("--bomb-mb", type=int, default=200, help="size of the inflated gzip bomb")
ap.add_argument("--chunked-mb", type=int, default=60, help="size of the endless chunked body")
ap.add_argument("--idle", type=int, default=100, help="idle connections from another address")
args = ap.parse_args()
HOST, PORT = urllib.parse.urlparse(args.base).netloc.split(":")
PORT = int(PORT)
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures += 1


def peak_mb():
    with open(f"/proc/{args.pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def connect(source=None, timeout=10):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    if source:
        s.bind((source, 0))
    s.connect((HOST, PORT))
    return s


def read_response(s, limit=1 << 20):
    """Reads one response (head and Content-Length body); returns (status, body) or (0, b'')."""
    data = b""
    try:
        while b"\r\n\r\n" not in data and len(data) < limit:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1."):
            return 0, b""
        length = 0
        for line in head.split(b"\r\n")[1:]:
            k, _, v = line.partition(b":")
            if k.strip().lower() == b"content-length":
                length = int(v.strip())
        while len(body) < length:
            chunk = s.recv(65536)
            if not chunk:
                break
            body += chunk
        return int(head.split()[1]), body
    except (OSError, ValueError):
        return 0, b""


def request(method, path, body=b"", headers=None, timeout=10, source=None):
    """One request on its own connection: (status, parsed JSON or raw body)."""
    h = {"Host": f"{HOST}:{PORT}", "Connection": "close"}
    h.update(headers or {})
    if (body or method == "POST") and "Transfer-Encoding" not in h:
        h.setdefault("Content-Length", str(len(body)))
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in h.items()) + "\r\n"
    try:
        with connect(source, timeout) as s:
            s.sendall(head.encode() + body)
            status, raw = read_response(s)
    except OSError:
        return 0, None
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw


def healthz(timeout=5, source=None):
    return request("GET", "/healthz", timeout=timeout, source=source)[0] == 200


def gzip_bomb(mb):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    return b"".join(c.compress(block) for _ in range(mb)) + c.flush()


article = b"Talks in Tallinn\nMinisters met in Tallinn on Monday to discuss ferry routes across the Baltic.\n"
base_peak = peak_mb()
print(f"server peak RSS at start: {base_peak:.0f} MB", flush=True)

if args.mode == "token":
    # Item 1: authentication before the body. The head alone gets its 401; the body is never read.
    bomb = gzip_bomb(args.bomb_mb)
    with connect() as s:
        s.sendall(f"POST /v1/analyze HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nContent-Type: text/plain\r\n"
                  f"Content-Encoding: gzip\r\nContent-Length: {len(bomb)}\r\n\r\n".encode())
        status, _ = read_response(s)  # nothing of the body sent yet
    check(status == 401, f"unauthenticated head answered 401 before any body byte (got {status})")
    status, body = request("POST", "/v1/analyze", bomb, {"Content-Type": "text/plain", "Content-Encoding": "gzip"}, 60)
    grew = peak_mb() - base_peak
    check(status == 401, f"unauthenticated gzip bomb ({len(bomb) >> 10} KB → {args.bomb_mb} MB): 401 (got {status})")
    check(grew < 32, f"unauthenticated gzip bomb: server peak RSS grew {grew:.0f} MB (< 32)")
    status, _ = request("POST", "/v1/analyze", article, {"Content-Type": "text/plain", "Authorization": "Bearer s3cret",
                                                         "Origin": f"http://{HOST}:{PORT}"})
    check(status == 200, f"same-origin POST with the token: 200 (got {status})")
    sys.exit(1 if failures else 0)

# Item 1: a compressed body is limited while it is inflated.
bomb = gzip_bomb(args.bomb_mb)
status, body = request("POST", "/v1/analyze", bomb, {"Content-Type": "text/plain", "Content-Encoding": "gzip"}, 60)
grew = peak_mb() - base_peak
check(status == 413, f"gzip bomb ({len(bomb) >> 10} KB → {args.bomb_mb} MB): 413 (got {status}: {str(body)[:120]})")
check(grew < 64, f"gzip bomb: server peak RSS grew {grew:.0f} MB (< 64)")
small = zlib.compress(article)
status, body = request("POST", "/v1/analyze", small, {"Content-Type": "text/plain", "Content-Encoding": "deflate"})
check(status == 200 and isinstance(body, dict) and "Tallinn" in json.dumps(body), f"deflate body decoded: {status}")
status, _ = request("POST", "/v1/analyze", b"\x1f\x8b not gzip", {"Content-Type": "text/plain", "Content-Encoding": "gzip"})
check(status == 400, f"corrupt gzip body: 400 (got {status})")
status, _ = request("POST", "/v1/analyze", article, {"Content-Type": "text/plain", "Content-Encoding": "br"})
check(status == 415, f"unsupported Content-Encoding: 415 (got {status})")

# Item 2: chunked framing obeys the body limit.
def chunked(total_mb, piece=1 << 20):
    """Sends a chunked body of total_mb MB; returns (status, MB sent before the server stopped reading)."""
    sent = 0
    with connect(timeout=30) as s:
        s.sendall(f"POST /v1/analyze HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nContent-Type: text/plain\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n".encode())
        chunk = b"%x\r\n" % piece + (b"word " * (piece // 5 + 1))[:piece] + b"\r\n"
        try:
            while sent < total_mb << 20:
                s.sendall(chunk)
                sent += piece
            s.sendall(b"0\r\n\r\n")
        except OSError:
            pass
        return read_response(s)[0], sent >> 20


status, sent = chunked(12)
check(status == 413, f"chunked 12 MB body: 413 (got {status})")
status, sent = chunked(args.chunked_mb)
grew = peak_mb() - base_peak
check(status in (0, 413), f"chunked {args.chunked_mb} MB body: refused (got {status}, {sent} MB sent)")
check(grew < 64, f"chunked bodies: server peak RSS grew {grew:.0f} MB (< 64)")
status, _ = request("POST", "/v1/analyze", b"5\r\nhello\r\n0\r\n\r\n", {"Content-Type": "text/plain",
                                                                        "Transfer-Encoding": "chunked"})
check(status == 200, f"small chunked body read (got {status})")

# Item 4: Host and Origin.
check(request("GET", "/healthz", headers={"Host": f"evil.example:{PORT}"})[0] == 403, "Host of another name: 403")
check(request("GET", "/healthz", headers={"Host": f"localhost:{PORT}"})[0] == 200, "Host localhost: 200")
check(request("GET", "/healthz", headers={"Host": f"127.0.0.1:{PORT + 1 if PORT < 65535 else 1}"})[0] == 403,
      "Host with another port: 403")
_, before = request("GET", "/healthz")
status, _ = request("POST", "/v1/articles", article, {"Content-Type": "text/plain", "Origin": "http://evil.example"})
check(status == 403, f"cross-origin fetch POST: 403 (got {status})")
status, _ = request("POST", "/v1/articles", b"text=" + article.replace(b" ", b"+"),
                    {"Content-Type": "application/x-www-form-urlencoded", "Origin": "null"})
check(status == 403, f"form post from an opaque origin: 403 (got {status})")
status, _ = request("POST", "/v1/articles", article, {"Content-Type": "text/plain", "Sec-Fetch-Site": "cross-site"})
check(status == 403, f"Sec-Fetch-Site cross-site POST: 403 (got {status})")
_, after = request("GET", "/healthz")
check(before.get("articles") == after.get("articles"), f"nothing stored by refused writes ({after.get('articles')})")
status, _ = request("POST", "/v1/analyze", article, {"Content-Type": "text/plain", "Origin": f"http://{HOST}:{PORT}"})
check(status == 200, f"same-origin POST: 200 (got {status})")

# Item 3: slow clients and idle connections hold no worker; a slow head is cut off.
slow = []
for _ in range(10):
    s = connect(timeout=10)
    s.sendall(f"GET /v1/search?q=grain HTTP/1.1\r\nHost: {HOST}:{PORT}\r\n".encode())
    slow.append(s)
stop = threading.Event()
closed_after = {}


def trickle(i, s):
    t0 = time.time()
    while not stop.is_set() and time.time() - t0 < 12:
        try:
            s.sendall(b"X-Slow: 1\r\n")
            s.settimeout(0.5)
            if s.recv(4096) == b"":
                break
        except socket.timeout:
            continue
        except OSError:
            break
        else:
            break  # an answer (the deadline's) is also the end
    closed_after[i] = time.time() - t0


threads = [threading.Thread(target=trickle, args=(i, s)) for i, s in enumerate(slow)]
for t in threads:
    t.start()
time.sleep(0.5)
check(healthz(), "/healthz answers while 10 slow clients trickle headers (2 workers)")
status, r = request("GET", "/v1/search?q=grain", timeout=5)
check(status == 200, f"search answers while slow clients trickle (got {status})")
for t in threads:
    t.join(15)
stop.set()
longest = max(closed_after.values()) if closed_after else 99
check(len(closed_after) == 10 and longest < 10, f"slow heads cut off by the server (longest {longest:.1f} s)")
for s in slow:
    s.close()

# Item 3: /healthz and reads answer while every worker analyses a large article.
big = b"Talks in Tallinn\n" + b"Ministers met in Tallinn on Monday to discuss ferry routes across the Baltic. " * 110000
busy = [threading.Thread(target=request, args=("POST", "/v1/analyze", big, {"Content-Type": "text/plain"}, 120))
        for _ in range(6)]
for t in busy:
    t.start()
time.sleep(0.5)
check(healthz(), f"/healthz answers while 6 analyses of {len(big) >> 10} KB keep both workers busy")
check(request("GET", "/v1/search?q=grain", timeout=5)[0] == 200, "search answers while the workers are busy")
for t in busy:
    t.join(120)

idle, refused = [], 0
for _ in range(args.idle):
    try:
        idle.append(connect(source="127.0.0.2", timeout=5))
    except OSError:
        refused += 1
time.sleep(0.3)
check(healthz(), f"/healthz answers with {args.idle} idle connections open from another address")
kept = 0
for s in idle:
    try:
        s.settimeout(0.05)
        if s.recv(1024) != b"":
            pass
        else:
            continue
    except socket.timeout:
        kept += 1
        continue
    except OSError:
        continue
check(kept <= 16, f"per-address cap: {kept} of {args.idle} idle connections kept open (cap 16)")
status, body = request("GET", "/healthz", source="127.0.0.2")
check(status == 503 and body["error"]["status"] == 503, f"a connection over the cap: 503 (got {status})")
for s in idle:
    s.close()
check(healthz(source="127.0.0.2"), "the capped address is served again once its connections close")
sys.exit(1 if failures else 0)
