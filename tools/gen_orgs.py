#!/usr/bin/env python3
"""Generates gen/entities/orgs.tsv: organisation names (with acronyms as aliases of the
same synset) and the country their WordNet gloss names.

Source: WordNet 3.0 noun synsets under organization (08008335) with proper-noun lemmas,
e.g. "Central Intelligence Agency" / "CIA"; countries from iso-codes for gloss matching.
Usage: gen_orgs.py OUTPUT
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import entities_sources as src  # noqa: E402

GOVERNMENT = re.compile(r"(?:of|in) the ([A-Z][\w.]*(?: [A-Z][\w.]*)*) "
                        r"(?:government|federal government|armed forces|military|Congress)")


def main():
    out = sys.argv[1]
    wn = src.WordNet()
    countries = src.Countries(wn)
    # Organisations, and the legislatures and governments WordNet files under other groups.
    org_roots = {src.ORG_ROOT}
    for off, (lemmas, _, _) in wn.nouns.items():
        if lemmas[0] in ("legislature", "bureaucracy") or lemmas[:2] == ["government", "authorities"]:
            org_roots.add(off)
    demonyms = {}
    for off, (lemmas, pointers, gloss) in wn.adjs.items():
        targets = [t for s, t, pos in pointers if s == "\\" and pos == "n"]
        a3 = next((countries.synset_country[t] for t in targets if t in countries.synset_country), "")
        for l in lemmas:
            if a3 and l[:1].isupper() and "_" not in l:
                demonyms.setdefault(l, a3)
    demonym_re = re.compile(r"\b(" + "|".join(sorted(map(re.escape, demonyms), key=len, reverse=True)) + r")\b")

    def demonym_in(text):
        m = demonym_re.search(text)
        return demonyms[m.group(1)] if m else ""

    # Nouns WordNet writes in lower case somewhere ("army", "senate", "pentagon").
    common = {l for lemmas, _, _ in wn.nouns.values() for l in lemmas if l.islower()}
    rows = {}
    for off, (lemmas, _, gloss) in wn.nouns.items():
        closure = wn.closure(off) | {off}
        if not (closure & org_roots) or src.PERSON_ROOT in closure:
            continue
        proper = [src.surface(l) for l in lemmas if src.is_proper(src.surface(l))]
        proper = [p for p in proper if p not in countries.names]
        if not proper:
            continue
        # Canonical: the first (most usual) form that is not an acronym.
        full = [p for p in proper if not p.replace(".", "").isupper()]
        canonical = full[0] if full else proper[0]
        hyper = wn.hypernyms(off)
        kind = src.surface(wn.nouns[hyper[0]][0][0]) if hyper else "organization"
        # The country only when the class or the gloss says whose institution it is
        # ("United States intelligence agency", "... of the United States government").
        country = countries.country_in_text(kind)
        if not country:
            m = GOVERNMENT.search(gloss)
            country = countries.country_in_text(m.group(0)) if m else ""
        if not country:
            # "the Israeli unicameral parliament", "the federal department in the United
            # States that ...": a country named early in the gloss.
            country = countries.country_in_text(gloss[:80]) or demonym_in(gloss[:80])
        for p in proper:
            # A lone ordinary word ("Army", "Senate") names such a body in any country.
            generic = " " not in p and p.lower() in common
            # Of two bodies with one name, the one whose country is known wins.
            if p not in rows or (not rows[p][1] and country and not generic):
                rows[p] = (kind, "" if generic else country, canonical)
    src.write_tsv(out, [
        "Organisation names: surface, kind (WordNet class), country named by the WordNet gloss",
        "(ISO 3166-1 alpha-3 or empty), canonical name (longest non-acronym form of the synset).",
        "Source: WordNet 3.0 synsets under organization; countries from iso-codes.",
        "columns: surface\tkind\tcountry\tcanonical",
    ], ([s, k, c, n] for s, (k, c, n) in sorted(rows.items())))


if __name__ == "__main__":
    main()
