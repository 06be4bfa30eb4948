#!/usr/bin/env python3
"""Compares what two newsgraph databases hold, in terms that do not depend on the order
articles were written in or on row ids: articles, stories as groups of article ids,
events per story with their mention counts, entities merged by (normalised name, type)
with their aliases and titles, each article's entity links, and the row counts of the
per-article tables. Each DB is a SQLite file or a postgresql:// URL (read with psql).
Exits 0 when equal, 1 listing the differences.
usage: kb_compare.py DB_A DB_B"""
import os
import subprocess
import sqlite3
import sys

QUERIES = {
    "articles": "SELECT id, story_id FROM articles",
    "events": "SELECT story_id, event_key, COUNT(*), COUNT(DISTINCT article) FROM events GROUP BY story_id, event_key",
    "entities": "SELECT norm, type FROM entities",
    "names": "SELECT e.norm, e.type, n.kind, n.value FROM entity_names n JOIN entities e ON e.id = n.entity_id",
    "links": "SELECT a.id, ae.local_id, e.norm, e.type, ae.mentions FROM article_entities ae "
             "JOIN articles a ON a.rid = ae.article JOIN entities e ON e.id = ae.entity_id",
    "counts": "SELECT (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM events), "
              "(SELECT COUNT(*) FROM sketches), (SELECT COUNT(*) FROM lsh)",
    "orphans": "SELECT COUNT(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories)",
    "sketch_labels": "SELECT COUNT(*) FROM sketches k JOIN articles a ON a.rid = k.article WHERE k.story_id <> a.story_id",
    "event_labels": "SELECT COUNT(*) FROM events e JOIN articles a ON a.rid = e.article WHERE e.story_id <> a.story_id",
    "largest_bucket": "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM lsh GROUP BY band_key) AS b",
}
# Stories are the same for any order of arrival only while no LSH bucket holds more than
# this (stories::kMaxBucketScan): only the newest that many of a bucket are compared.
MAX_BUCKET_SCAN = 64


def rows(db, sql):
    if db.startswith("postgres"):
        psql = os.environ.get("PSQL", "psql")
        out = subprocess.run([psql, db, "-XAtq", "-F", "\x1f", "-c", sql], check=True, capture_output=True,
                             text=True).stdout
        return [tuple(line.split("\x1f")) for line in out.splitlines()]
    con = sqlite3.connect(db)
    try:
        return [tuple(str(v) for v in r) for r in con.execute(sql)]
    finally:
        con.close()


def dump(db):
    r = {k: rows(db, q) for k, q in QUERIES.items()}
    members = {}
    for aid, story in r["articles"]:
        members.setdefault(story, []).append(aid)
    # A story is named by its smallest article id here: story ids may differ between runs.
    key = {story: min(ids) for story, ids in members.items()}
    return {
        "articles": sorted(a for a, _ in r["articles"]),
        "stories": sorted(tuple(sorted(ids)) for ids in members.values()),
        "events": sorted((key.get(s, "?" + s), k, n, d) for s, k, n, d in r["events"]),
        "entities": sorted(r["entities"]),
        "entity names": sorted(r["names"]),
        "entity links": sorted(r["links"]),
        "row counts (mentions, quotes, events, sketches, lsh)": r["counts"],
        "articles without a story row": r["orphans"],
        "sketches with another story than their article": r["sketch_labels"],
        "events with another story than their article": r["event_labels"],
        "largest LSH bucket": int(r["largest_bucket"][0][0]),
    }


def main():
    a, b = dump(sys.argv[1]), dump(sys.argv[2])
    bad = 0
    for k in a:
        if a[k] == b[k] or k == "largest LSH bucket":
            continue
        bad += 1
        if isinstance(a[k], list) and len(a[k]) > 1:
            sa, sb = set(a[k]), set(b[k])
            print(f"DIFF {k}: {len(a[k])} vs {len(b[k])}; only in first {sorted(sa - sb)[:3]}; "
                  f"only in second {sorted(sb - sa)[:3]}")
        else:
            print(f"DIFF {k}: {a[k]} vs {b[k]}")
    for db, d in ((sys.argv[1], a), (sys.argv[2], b)):
        for k in ("articles without a story row", "sketches with another story than their article",
                  "events with another story than their article"):
            if d[k] != [("0",)]:
                bad += 1
                print(f"BAD {db}: {k}: {d[k]}")
    for db, d in ((sys.argv[1], a), (sys.argv[2], b)):
        if d["largest LSH bucket"] > MAX_BUCKET_SCAN:
            bad += 1
            print(f"BAD {db}: an LSH bucket of {d['largest LSH bucket']} articles: above {MAX_BUCKET_SCAN}, stories may "
                  "depend on arrival order; the corpus shares too much text between unrelated articles")
    print(f"{len(a['articles'])} articles, {len(a['stories'])} stories "
          f"({sum(1 for s in a['stories'] if len(s) > 1)} with near-duplicates), "
          f"{len(a['events'])} story events, {len(a['entities'])} entities: " + ("equal" if not bad else "DIFFERENT"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
