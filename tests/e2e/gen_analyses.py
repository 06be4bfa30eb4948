#!/usr/bin/env python3
"""Writes N hand-built analyses (the JSON contract of `analyze --json`) as JSON Lines, with
entities from a small shared pool (so that writers contend on merging them), quotes and
CAMEO events; every fourth article is a repost of an earlier one (same events, other
boilerplate). Article 0 is SQL and quote soup. Deterministic for a seed.
usage: gen_analyses.py N [SEED] > FILE.jsonl"""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
syll = ["ka", "lo", "mi", "ran", "tor", "vel", "su", "den", "pa", "rek", "zi", "mon", "ta", "bel", "gor", "ni"]


def word():
    return "".join(rng.choice(syll) for _ in range(rng.randint(1, 3)))


people = [(word().capitalize() + " " + word().capitalize()) for _ in range(40)]
places = [word().capitalize() for _ in range(15)]
codes = ["RUR", "FRE", "USAGOV", "CHNGOV", "UNO"]
cameos = ["010", "020", "036", "040", "042", "043", "057", "111", "173", "190"]


def article(i, soup=False):
    paras = [" ".join(word() for _ in range(40)) + "." for _ in range(6)]
    if soup:
        paras[0] = "Robert'); DROP TABLE articles; -- said \"hi\" ''; NEAR(a b) * ^ $1 ?2 :x {body}: \"open"
    speaker, other = rng.sample(people, 2)
    place = rng.choice(places)
    body = "\n".join(paras)
    ents = [
        {"id": "e1", "name": speaker, "type": "PERSON", "aliases": [speaker.split()[1]], "title": "Minister",
         "country": rng.choice(codes)[:3], "mentions": [{"start": 0, "end": 5}]},
        {"id": "e2", "name": other, "type": "PERSON", "aliases": [], "title": None, "country": None,
         "mentions": [{"start": 6, "end": 9}, {"start": 20, "end": 24}]},
        {"id": "e3", "name": place, "type": "LOC", "aliases": [], "title": None, "country": None,
         "mentions": [{"start": 30, "end": 35}]},
    ]
    quotes = [{"text": " ".join(word() for _ in range(8)), "start": 40, "end": 80, "speaker": speaker,
               "speaker_id": "e1", "cue": "said"}]
    cameo = rng.choice(cameos)
    events = [{"source": speaker, "source_code": rng.choice(codes), "target": other, "target_code": rng.choice(codes),
               "cameo": cameo, "root": cameo[:2], "quad_class": 1, "goldstein": 3.0, "location": place,
               "when": "Monday", "date": None, "sentence": 0, "evidence": "met", "rule": "gen"}]
    return {"id": "art%05d" % i, "title": word().capitalize() + " " + word(), "published": "2024-%02d-%02d" % (
        1 + i % 12, 1 + i % 28), "dateline": None, "body": body, "removed": [], "sentences": [{"start": 0, "end": 10}],
        "entities": ents, "quotes": quotes, "events": events, "tone": {"score": -1.0, "positive": 1.0, "negative": 2.0}}


done = []
for i in range(n):
    if i % 4 == 3 and done:
        a = dict(rng.choice(done))
        a["id"] = "art%05d" % i
        a["body"] = "Sign up for our newsletter.\n" + a["body"] + "\nShare this story."
        a["title"] = "Repost: " + a["title"]
    else:
        a = article(i, soup=(i == 0))
        done.append(a)
    print(json.dumps(a))
