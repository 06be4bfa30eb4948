#!/usr/bin/env python3
"""Writes examples/formats/newsroom.warc.gz: a small CC-NEWS-like WARC 1.1 archive of the
project's own invented articles, one gzip member per record (warcinfo, request/response
pairs, a 404, an image, pages in windows-1252 and GBK declared by the HTTP header).

Usage: tools/make_example_warc.py OUTPUT.warc.gz
"""
import gzip
import sys
import uuid

DATE = "2025-05-14T06:%02d:00Z"

PAGE_LATIN = """<!DOCTYPE html>
<html lang="fr"><head><title>Les ferries de la baie reprennent le service | Journal de la Baie</title>
<meta property="og:site_name" content="Journal de la Baie">
<meta name="author" content="Claire Dub\u00e9">
<meta property="article:published_time" content="2025-05-13T17:20:00+02:00"></head>
<body><nav><a href="/">Accueil</a> <a href="/region">R\u00e9gion</a></nav>
<article><h1>Les ferries de la baie reprennent le service</h1>
<p>Les ferries de la baie ont repris leur service normal mardi apr\u00e8s trois jours d\u2019interruption caus\u00e9e par une temp\u00eate, a annonc\u00e9 la compagnie maritime r\u00e9gionale.</p>
<p>Le directeur de la compagnie, Jean-No\u00ebl Marchetti, a pr\u00e9cis\u00e9 que les travers\u00e9es suppl\u00e9mentaires pr\u00e9vues pour le week-end seraient maintenues afin de r\u00e9sorber l\u2019attente.</p>
<p>Environ 2 000 voyageurs avaient \u00e9t\u00e9 bloqu\u00e9s sur l\u2019\u00eele pendant la temp\u00eate, selon la pr\u00e9fecture.</p>
</article><div class="share">Partager sur les r\u00e9seaux</div><footer>Journal de la Baie</footer></body></html>
"""

PAGE_UTF8 = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hill town opens solar co-operative</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Hill town opens solar co-operative", "datePublished": "2025-05-13T11:00:00Z",
"author": [{"@type": "Person", "name": "Daniel Okafor"}]}</script></head>
<body><header><a href="/">Upland Gazette</a></header>
<div id="cookie-consent">This site uses cookies. <button>Accept</button></div>
<main><div class="story-body">
<p>Residents of the hill town of Vell opened a solar co-operative on Tuesday, with 240 households buying shares in panels installed on the roofs of the school and the sports hall.</p>
<p>Co-operative chair Ingrid Salo said members would receive their first payments in the autumn and that a second site, on a former quarry, was being studied.</p>
<p>The regional energy agency, which lent part of the money, said the project could be copied by other small towns in the mountains.</p>
</div></main>
<aside class="related-links"><a href="/a">More energy news</a></aside></body></html>
"""

PAGE_GBK = """<!DOCTYPE html>
<html lang="zh-CN"><head><title>\u6d77\u6ee8\u5e02\u5f00\u901a\u65b0\u7535\u8f66\u7ebf\u8def</title></head>
<body><div class="nav"><a href="/">\u9996\u9875</a></div>
<div class="article-content">
<h1>\u6d77\u6ee8\u5e02\u5f00\u901a\u65b0\u7535\u8f66\u7ebf\u8def</h1>
<p>\u6d77\u6ee8\u5e02\u5468\u4e00\u5f00\u901a\u4e86\u4e00\u6761\u65b0\u7684\u7535\u8f66\u7ebf\u8def\uff0c\u8fde\u63a5\u706b\u8f66\u7ad9\u548c\u65b0\u5efa\u7684\u5927\u5b66\u6821\u533a\uff0c\u5168\u957f\u7ea6\u5341\u4e8c\u516c\u91cc\u3002</p>
<p>\u5e02\u4ea4\u901a\u5c40\u5c40\u957f\u6797\u6653\u6885\u8bf4\uff0c\u65b0\u7ebf\u8def\u6bcf\u5929\u53ef\u4ee5\u8fd0\u9001\u7ea6\u4e24\u4e07\u540d\u4e58\u5ba2\uff0c\u9ad8\u5cf0\u65f6\u6bb5\u6bcf\u4e94\u5206\u949f\u4e00\u73ed\u3002</p>
<p>\u90e8\u5206\u5c45\u6c11\u8868\u793a\uff0c\u65bd\u5de5\u671f\u95f4\u7684\u566a\u97f3\u5f71\u54cd\u4e86\u4ed6\u4eec\u7684\u751f\u6d3b\uff0c\u5e0c\u671b\u5e02\u653f\u5e9c\u7ed9\u4e88\u8865\u507f\u3002</p>
</div></body></html>
"""


def record(warc_type, headers, block, minute):
    rid = "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "newsgraph-example-%d-%s" % (minute, warc_type))
    lines = ["WARC/1.1", "WARC-Type: " + warc_type, "WARC-Record-ID: " + rid, "WARC-Date: " + DATE % minute]
    lines += headers
    lines.append("Content-Length: %d" % len(block))
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")
    return gzip.compress(head + block + b"\r\n\r\n", mtime=0)


def http(status, content_type, body):
    reason = {200: "OK", 404: "Not Found"}[status]
    head = "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (status, reason, content_type, len(body))
    return head.encode("ascii") + body


def main():
    out = []
    info = b"software: newsgraph tools/make_example_warc.py\r\nformat: WARC File Format 1.1\r\n"
    out.append(record("warcinfo", ["Content-Type: application/warc-fields"], info, 0))
    pages = [
        ("https://baie.example/ferries-reprise", "text/html; charset=windows-1252", PAGE_LATIN.encode("cp1252"), 200),
        ("https://upland.example/solar-coop", "text/html", PAGE_UTF8.encode("utf-8"), 200),
        ("https://haibin.example/tram-line", "text/html; charset=GB2312", PAGE_GBK.encode("gbk"), 200),
        ("https://upland.example/missing", "text/html", b"<html><body><p>Not found</p></body></html>", 404),
        ("https://upland.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 200),
    ]
    for i, (uri, ctype, body, status) in enumerate(pages, start=1):
        req = ("GET / HTTP/1.1\r\nHost: %s\r\n\r\n" % uri.split("/")[2]).encode("ascii")
        out.append(record("request", ["WARC-Target-URI: " + uri, "Content-Type: application/http; msgtype=request"], req, i))
        out.append(record("response", ["WARC-Target-URI: " + uri, "Content-Type: application/http; msgtype=response"],
                          http(status, ctype, body), i))
    with open(sys.argv[1], "wb") as f:
        f.write(b"".join(out))


if __name__ == "__main__":
    main()
