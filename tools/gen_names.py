#!/usr/bin/env python3
"""Generates gen/entities/names.tsv: given names and surnames.

Source: WordNet 3.0 person instances ("Bill Gates", "William Henry Gates", "Gates"): the
first word of a multi-word lemma is a given name, the last a surname. Words that are also
common nouns for people ("king", "saint", "president") are titles, not names, and are left
out, and so is a name that is also an ordinary English word (wamerican-huge) unless at
least three people bear it.
Usage: gen_names.py OUTPUT
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import entities_sources as src  # noqa: E402

WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def main():
    out = sys.argv[1]
    wn = src.WordNet()
    person_nouns = set()
    for off, (lemmas, _, _) in wn.nouns.items():
        if not wn.is_instance(off) and src.PERSON_ROOT in wn.closure(off):
            person_nouns.update(l.lower() for l in lemmas)
    given, surnames = {}, {}
    for off, (lemmas, _, _) in wn.nouns.items():
        if not wn.is_instance(off) or src.PERSON_ROOT not in wn.closure(off):
            continue
        for l in lemmas:
            words = l.split("_")
            if len(words) < 2:
                continue
            first, last = words[0], words[-1]
            if WORD.match(first) and first.lower() not in person_nouns:
                given[first] = given.get(first, 0) + 1
            if WORD.match(last) and last.lower() not in person_nouns:
                surnames[last] = surnames.get(last, 0) + 1
    # A name that is also an ordinary word ("The", "Will") must be borne by several people.
    common = src.common_words()
    keep = lambda n, c: c >= 3 or n.lower() not in common
    rows = [[n, "given", str(c)] for n, c in given.items() if keep(n, c)]
    rows += [[n, "surname", str(c)] for n, c in surnames.items() if n not in given and keep(n, c)]
    src.write_tsv(out, [
        "Personal names: surface, given|surname, number of WordNet people bearing it.",
        "Source: WordNet 3.0 person instances (first and last words of their names).",
        "columns: name\tkind\tcount",
    ], sorted(rows))


if __name__ == "__main__":
    main()
