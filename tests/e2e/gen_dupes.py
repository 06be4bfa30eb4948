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


def fillers(k):
    return " ".join(filler() for _ in range(k))


def pick(*options):
    return rng.choice(options)


def base_article(i):
    # Every fixed phrase has several forms, so that unrelated articles share few word
    # runs: a band key common to more than kMaxBucketScan articles (src/stories) would
    # make stories depend on arrival order (docs/cluster.md).
    a, b, c = rng.sample(people, 3)
    pa, pb = rng.sample(places, 2)
    city = rng.choice(cities)
    ta, tb = rng.choice(titles), rng.choice(titles)
    topic = rng.choice(topics)
    day = rng.choice(days)
    paras = [
        f"{city.upper()} — {pa} {ta} {a} {pick('met', 'met with', 'held talks with', 'hosted')} {pb} {tb} {b} "
        f"in {city} on {day} {pick('to discuss', 'over', 'about', 'on')} {topic}. {fillers(2)}",
        f'"{pick("We have made", "There has been", "We saw", "We are seeing")} {pick("real", "some", "clear", "good")} '
        f'progress on {topic}," {a} {pick("told reporters", "said", "told journalists", "said in a statement")}. '
        f"{fillers(3)}",
        f"{b} {pick('accused', 'blamed', 'criticised')} {pa} {pick('of delaying', 'for stalling', 'over')} {topic} "
        f"and {pick('called on', 'urged', 'asked')} {a} to {pick('return to', 'resume', 'rejoin')} talks. {fillers(2)}",
        f"{c}, {pick('a spokesperson', 'a spokesman', 'an adviser', 'a senior official')} "
        f"{pick('for', 'of', 'in')} the {pb} government, {pick('praised', 'welcomed', 'hailed')} the "
        f"{pick('meeting', 'talks', 'visit')}. {fillers(3)}",
        f'"{pick("This is only", "It is just", "We see this as", "Today was")} {pick("a first", "an early", "one")} '
        f'step," {c} {pick("said", "added", "told reporters")}. {fillers(3)}',
        f"{fillers(3)} {fillers(2)}",
        f"{a} will {pick('travel to', 'visit', 'fly to')} {rng.choice(cities)} {pick('next week', 'on Friday', 'soon')}."
        f" {fillers(3)}",
    ]
    title = f"{pa} and {pb} {pick('hold talks', 'meet', 'confer')} on {topic}"
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
