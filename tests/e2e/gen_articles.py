#!/usr/bin/env python3
"""Writes N plain-text articles (headline line, then paragraphs) of invented words into a
folder, for the store end-to-end tests. Every fifth article is a repost of an earlier one
with other boilerplate and headline (a near-duplicate). Deterministic for a seed.
usage: gen_articles.py DIR N [SEED]"""
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
syll = ["ka", "lo", "mi", "ran", "tor", "vel", "su", "den", "pa", "rek", "zi", "mon", "ta", "bel", "gor", "ni"]


def word():
    return "".join(rng.choice(syll) for _ in range(rng.randint(1, 3)))


def sentence():
    w = [word() for _ in range(rng.randint(8, 16))]
    return w[0].capitalize() + " " + " ".join(w[1:]) + "."


os.makedirs(out, exist_ok=True)
bodies = []
for i in range(n):
    if i % 5 == 4 and bodies:
        body = rng.choice(bodies) + "\nFollow us for more news."
        title = "Update: " + word().capitalize() + " " + word()
    else:
        body = "\n".join(" ".join(sentence() for _ in range(3)) for _ in range(6))
        bodies.append(body)
        title = word().capitalize() + " " + word() + " " + word()
    with open(os.path.join(out, "a%05d.txt" % i), "w") as f:
        f.write(title + "\n" + body + "\n")
