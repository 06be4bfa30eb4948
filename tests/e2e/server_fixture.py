#!/usr/bin/env python3
"""Writes a JSON Lines file of analysis contracts for the server's tests and benchmark.

The articles are invented here from templates (people, places and phrasing are made up),
with entities, quotes and events whose spans are UTF-8 byte offsets into the body, as the
pipeline writes them. Fixed seed: the same arguments give the same file.

  server_fixture.py OUT.jsonl [--count N] [--seed S]

The first articles are hand-shaped cases the tests look for: non-ASCII text before spans
(byte vs character offsets), an article whose text carries <script> and onerror= payloads
(must render as text), and two reposts of one story (same title).
"""
import argparse
import hashlib
import json
import random

PEOPLE = [
    ("Marta Kowalczyk", "Kowalczyk", "Foreign Minister", "POL", "POLGOV"),
    ("Daniel Achterberg", "Achterberg", "Prime Minister", "NLD", "NLDGOV"),
    ("Aiko Tanabe", "Tanabe", "Trade Minister", "JPN", "JPNGOV"),
    ("Rafael Quintero", "Quintero", "President", "CHL", "CHLGOV"),
    ("Nadia Benali", "Benali", "Defence Minister", "MAR", "MARGOV"),
    ("Tomás Ferreira", "Ferreira", "Finance Minister", "PRT", "PRTGOV"),
    ("Ingrid Solheim", "Solheim", "Energy Minister", "NOR", "NORGOV"),
    ("Kwame Asante", "Asante", "Foreign Minister", "GHA", "GHAGOV"),
]
ORGS = [("World Grain Council", "IGOAGR"), ("Northern Shipping Union", "BUS"), ("Coastal Rights Watch", "NGO")]
PLACES = ["Geneva", "Lisbon", "Oslo", "Accra", "Rabat", "Santiago", "Kraków", "Utrecht"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOPICS = ["grain exports", "fishing rights", "port fees", "a gas pipeline", "river pollution", "tariffs on steel"]
# (verb phrase, CAMEO code, root, quad class, Goldstein)
ACTIONS = [
    ("met", "040", "04", 1, 1.0),
    ("praised", "051", "05", 1, 3.4),
    ("criticised", "111", "11", 3, -2.0),
    ("signed an agreement with", "057", "05", 1, 8.0),
    ("threatened sanctions against", "130", "13", 4, -4.4),
    ("appealed to", "020", "02", 1, 3.0),
]
QUOTES = [
    "We will not accept an arrangement that leaves our farmers behind",
    "This is a fair deal and both sides gain from it",
    "Our patience has limits, and that limit is close",
    "The talks were frank, useful and long overdue",
    "Nobody wins a trade war, least of all the consumers",
]


class Builder:
    """Collects paragraphs and the spans of what they mention."""

    def __init__(self):
        self.body = b""
        self.entities = {}  # name -> entity dict
        self.quotes = []
        self.events = []
        self.sentences = []

    def entity(self, name, etype, title=None, country=None, alias=None):
        if name not in self.entities:
            self.entities[name] = {"id": "e%d" % (len(self.entities) + 1), "name": name, "type": etype,
                                   "aliases": [], "title": title, "country": country, "mentions": []}
        e = self.entities[name]
        if alias and alias not in e["aliases"]:
            e["aliases"].append(alias)
        return e

    def add(self, parts):
        """parts: strings, or (text, callback(start, end)) pairs whose span gets recorded."""
        if self.body:
            self.body += b"\n"
        start_sentence = len(self.body)
        for p in parts:
            if isinstance(p, str):
                self.body += p.encode()
            else:
                text, fn = p
                s = len(self.body)
                self.body += text.encode()
                fn(s, len(self.body))
        self.sentences.append({"start": start_sentence, "end": len(self.body), "paragraph": len(self.sentences)})

    def mention(self, name, etype, title=None, country=None, alias=None):
        def fn(s, e):
            self.entity(name, etype, title, country, alias)["mentions"].append({"start": s, "end": e})
        return fn


def make_article(rng, index, published, title=None, extra=None):
    b = Builder()
    a, c = rng.sample(PEOPLE, 2)
    org = rng.choice(ORGS)
    place = rng.choice(PLACES)
    day = rng.choice(DAYS)
    topic = rng.choice(TOPICS)
    act = rng.choice(ACTIONS)
    quote = rng.choice(QUOTES)
    title = title or "%s %s %s over %s" % (a[1], act[0].split()[0], c[1], topic)
    sentence_no = len(b.sentences)
    b.add([(a[0], b.mention(a[0], "PERSON", a[2], a[3])), ", the %s, " % a[2].lower(),
           (act[0], lambda s, e, act=act, a=a, c=c, place=place, day=day, n=sentence_no: b.events.append({
               "source": a[0], "source_code": a[4], "target": c[0], "target_code": c[4], "cameo": act[1],
               "root": act[2], "quad_class": act[3], "goldstein": act[4], "location": place, "when": day,
               "date": published, "sentence": n, "evidence": act[0], "evidence_start": s, "evidence_end": e,
               "rule": "pattern %s: SOURCE %s TARGET" % (act[1], act[0])})),
           " ", (c[0], b.mention(c[0], "PERSON", c[2], c[3])), " in ", (place, b.mention(place, "LOC")),
           " on %s to discuss %s." % (day, topic)])
    b.add(["“", (quote, lambda s, e, q=quote, a=a: b.quotes.append({
        "text": q, "start": s, "end": e, "speaker": a[0], "speaker_id": b.entities[a[0]]["id"], "cue": "said"})),
           ",” ", (a[1], b.mention(a[0], "PERSON", a[2], a[3], alias=a[1])), " said after the meeting."])
    b.add(["The ", (org[0], b.mention(org[0], "ORG")), " said it would follow the talks closely; ",
           (c[1], b.mention(c[0], "PERSON", c[2], c[3], alias=c[1])), " did not comment."])
    for p in extra or []:
        b.add(p)
    body = b.body.decode()
    aid = hashlib.sha1((title + "\n" + body).encode()).hexdigest()[:16]
    return {
        "id": aid, "title": title, "published": published, "dateline": None, "url": "https://example.org/news/%d" % index,
        "source": "fixture", "language": "en", "byline": None, "body": body,
        "removed": [{"kind": "boilerplate", "reason": "share line", "text": "Share this article on social media"}],
        "sentences": b.sentences, "entities": list(b.entities.values()), "quotes": b.quotes, "events": b.events,
        "tone": {"score": round(rng.uniform(-5, 3), 2), "positive": 1.0, "negative": 2.0, "polarity": 3.0,
                 "word_count": len(body.split())},
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        def day(i):
            return "2026-%02d-%02d" % (1 + (i // 28) % 12, 1 + i % 28)
        # Non-ASCII before the spans: character and byte offsets differ from here on.
        unicode_note = ["Société Générale’s analysts — in Kraków and Zürich — called it “a quiet week” 🙂."]
        first = make_article(rng, 0, day(0), extra=[unicode_note])
        f.write(json.dumps(first, ensure_ascii=False) + "\n")
        # Markup in article text must be shown as text, never run.
        xss = make_article(rng, 1, day(1), title="Payload <script>window.__xss=1</script> test",
                          extra=[['A reader wrote <img src=x onerror="window.__xss=2"> and '
                                  '<script>window.__xss=3</script> into the comment box.']])
        f.write(json.dumps(xss, ensure_ascii=False) + "\n")
        # Two reposts of one story.
        for i in (2, 3):
            f.write(json.dumps(make_article(rng, i, day(2), title="Grain council warns of shortage",
                                            extra=[["Repost %d of the wire copy." % (i - 1)]]), ensure_ascii=False) + "\n")
        for i in range(4, args.count):
            f.write(json.dumps(make_article(rng, i, day(i)), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
