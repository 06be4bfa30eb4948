#!/usr/bin/env python3
"""Generates gen/entities/demonyms.tsv: nationality adjectives and nouns with their country
("Chinese" CHN, "Americans" USA).

Source: WordNet 3.0 adjectives with a pertainym pointer to a country ("of or relating to
China"), nouns that are members of a country (member holonym), and their plurals; the
country is the one the gloss names, else the pointer's target. Countries from iso-codes.
Then the project's additions in data/entities/demonyms_extra.tsv.
Usage: gen_demonyms.py OUTPUT
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import entities_sources as src  # noqa: E402


def plural(word):
    if word.endswith(("ese", "ss", "sh", "ch", "s", "i", "x", "z")):
        return word
    return word + "s"


def main():
    out = sys.argv[1]
    wn = src.WordNet()
    countries = src.Countries(wn)

    def country_of(target):
        return countries.synset_country.get(target) or ""

    rows = {}
    for off, (lemmas, pointers, gloss) in wn.adjs.items():
        targets = [t for s, t, pos in pointers if s == "\\" and pos == "n"]
        if not targets:
            continue
        a3 = countries.country_in_text(gloss.split(";")[0])
        if not a3:
            a3 = next((country_of(t) for t in targets if country_of(t)), "")
        if not a3:
            continue
        for l in lemmas:
            s = src.surface(l)
            if s[:1].isupper() and s not in countries.names:
                rows.setdefault(s, a3)
    for off, (lemmas, pointers, gloss) in wn.nouns.items():
        if src.PERSON_ROOT not in wn.closure(off):
            continue
        targets = [t for s, t, pos in pointers if s == "#m" and pos == "n"]
        a3 = next((country_of(t) for t in targets if country_of(t)), "")
        if not a3 or wn.is_instance(off):
            continue
        for l in lemmas:
            s = src.surface(l)
            if s[:1].isupper() and " " not in s and s not in countries.names:
                rows.setdefault(s, a3)
                rows.setdefault(plural(s), a3)
    # The project's additions (data/entities/demonyms_extra.tsv), after WordNet's.
    extra = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "entities", "demonyms_extra.tsv")
    with open(extra, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) < 2 or not fields[1]:
                continue
            rows.setdefault(fields[0], fields[1])
    src.write_tsv(out, [
        "Nationality words: surface, country (ISO 3166-1 alpha-3).",
        "Source: WordNet 3.0 pertainym adjectives and member-holonym nouns; iso-codes.",
        "columns: surface\tcountry",
    ], ([s, c] for s, c in sorted(rows.items())))


if __name__ == "__main__":
    main()
