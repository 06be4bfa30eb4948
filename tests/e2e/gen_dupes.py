#!/usr/bin/env python3
"""Writes a corpus of news-like articles with many near-duplicate groups spread across
files, as JSON Lines in news-please fields (title, maintext, date_publish, url), for the
cluster and concurrent-writer tests. Invented names, places and words only.

Each group has a base article (named people and places, quotations, meetings, accusations
and appeals, so that entities, quotes and CAMEO events are found) and 0-4 variants: a
repost with boilerplate and another headline, a copy cut to 50-70 %, an edited copy (one
sentence changed), a copy with its paragraphs reordered. Some articles are round-ups that
hold two earlier bases whole: they join two groups into one story, so that the result
depends on arrival order unless stories are connected groups. Articles are shuffled and
dealt to FILES files, so the members of a group are in different files.
usage: gen_dupes.py DIR ARTICLES FILES [SEED]"""
import json
import os
import random
import sys

out, n, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
syll = ["ka", "lo", "mi", "ran", "tor", "vel", "su", "den", "pa", "rek", "zi", "mon", "ta", "bel", "gor", "ni",
        "sha", "dor", "len", "vi"]


def word():
    return "".join(rng.choice(syll) for _ in range(rng.randint(2, 3)))


def name():
    return word().capitalize() + " " + word().capitalize()


people = [name() for _ in range(300)]
places = [word().capitalize() + rng.choice(["ia", "stan", "land", "ova"]) for _ in range(60)]
cities = [word().capitalize() + rng.choice(["burg", "port", "ville", " City"]) for _ in range(80)]
titles = ["Foreign Minister", "President", "Prime Minister", "Defence Minister", "opposition leader", "Governor"]
topics = ["grain exports", "the border dispute", "water rights", "a new trade agreement", "fishing quotas",
          "the ceasefire", "rail links", "energy prices", "refugee returns", "the election timetable"]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def filler():
    w = [word() for _ in range(rng.randint(9, 15))]
    return "The " + " ".join(w) + "."


def base_article(i):
    a, b, c = rng.sample(people, 3)
    pa, pb = rng.sample(places, 2)
    city = rng.choice(cities)
    ta, tb = rng.choice(titles), rng.choice(titles)
    topic = rng.choice(topics)
    day = rng.choice(days)
    paras = [
        f"{city.upper()} — {pa} {ta} {a} met {pb} {tb} {b} in {city} on {day} to discuss {topic}. {filler()}",
        f'"We have made real progress on {topic}," {a} told reporters after the talks. {filler()} {filler()}',
        f"{b} accused {pa} of delaying {topic} and called on {a} to return to talks. {filler()}",
        f"{c}, a spokesperson for the {pb} government, praised the meeting. {filler()} {filler()}",
        f'"This is only a first step," {c} said. {filler()} {filler()}',
        f"{filler()} {filler()} {filler()}",
        f"{a} will travel to {rng.choice(cities)} next week. {filler()} {filler()}",
    ]
    title = f"{pa} and {pb} hold talks on {topic}"
    return title, paras


def variant(title, paras, kind):
    p = list(paras)
    if kind == "repost":
        p = ["Sign up for our morning newsletter."] + p + ["Share this story with your friends."]
        title = "WATCH: " + title
    elif kind == "cut":
        p = p[:max(3, int(len(p) * rng.uniform(0.5, 0.7)))]
    elif kind == "edit":
        k = rng.randrange(len(p))
        p[k] = filler() + " " + p[k]
    elif kind == "reorder":
        head, rest = p[:1], p[1:]
        rng.shuffle(rest)
        p = head + rest
    return title, p


articles = []
bases = []
while len(articles) < n:
    i = len(articles)
    if len(bases) >= 2 and rng.random() < 0.04:
        (t1, p1), (t2, p2) = rng.sample(bases, 2)
        articles.append(("Round-up: " + t1 + "; " + t2, p1 + p2))
        continue
    title, paras = base_article(i)
    bases.append((title, paras))
    articles.append((title, paras))
    for kind in rng.sample(["repost", "cut", "edit", "reorder"], rng.randint(0, 4)):
        articles.append(variant(title, paras, kind))
articles = articles[:n]
rng.shuffle(articles)

os.makedirs(out, exist_ok=True)
handles = [open(os.path.join(out, "part-%03d.jsonl" % f), "w") for f in range(files)]
for i, (title, paras) in enumerate(articles):
    doc = {"title": title, "maintext": "\n".join(paras), "date_publish": "2024-%02d-%02d" % (1 + i % 12, 1 + i % 28),
           "url": "https://news.example/%05d" % i}
    handles[rng.randrange(files)].write(json.dumps(doc) + "\n")
for h in handles:
    h.close()
