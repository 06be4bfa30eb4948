#!/usr/bin/env python3
"""Check the hand-written gold annotations in this folder against their articles.

    python3 tests/gold/validate.py [GOLD_DIR]      (default: the folder of this script)

For every NAME.gold.json it checks that:
  * the file is valid JSON with the fields of ../shared/eval/GOLD.md and id == NAME,
    and NAME.txt exists beside it;
  * every entity has a name, a type (PERSON/ORG/LOC), a list of aliases, a title and a
    country (null or three capital letters); no name or alias belongs to two entities of
    the same type ("Austin" may be a PERSON alias and a LOC; an also_accept entry may be
    shared, e.g. "Foreign Ministry" for two ministries);
  * every quote's text_start is an exact substring of the article and at most ten words,
    and its speaker (and every speaker_alt) is null or resolves to an entity;
  * every event's evidence is an exact substring of the article; source, target (unless
    null), source_alt, target_alt and location resolve to an entity name, alias or
    also_accept entry; cameo (and every alt_cameo) is a 3- or 4-digit code, listed in
    ../shared/cameo/cameo-labels.tsv when that file exists; root == cameo[:2];
  * boilerplate lines are whole lines of the article, duplicate sentences occur at least
    twice, restatements occur at least once.
Resolution here is exact (case-sensitive); the scorer is more lenient.
Exit status 0 when every file passes, 1 otherwise.
"""
import json
import os
import re
import sys

# CAMEO 1.1b3 codes that GOLD.md uses but cameo-labels.tsv does not list.
EXTRA_CODES = {"176"}  # attack cybernetically

TOP = ("id", "boilerplate", "duplicate_sentences", "restatements", "notes",
       "entities", "quotes", "events")


def load_codes(here):
    shared = os.environ.get("NEWSGRAPH_SHARED_DIR") or os.path.join(here, "..", "..", "..", "shared")
    for p in (os.path.join(shared, "cameo", "cameo-labels.tsv"),):
        if os.path.exists(p):
            with open(p, encoding="utf-8", errors="replace") as f:
                codes = {line.split("\t")[0].strip() for line in f if line.strip()}
            return codes | EXTRA_CODES
    return None


def check(gold_path, codes):
    errs = []
    stem = os.path.basename(gold_path)[: -len(".gold.json")]
    txt_path = os.path.join(os.path.dirname(gold_path), stem + ".txt")
    try:
        with open(gold_path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        return [f"invalid JSON: {e}"], {}
    if not os.path.exists(txt_path):
        return [f"missing article {stem}.txt"], {}
    with open(txt_path, encoding="utf-8") as f:
        text = f.read()
    lines = text.splitlines()
    for k in TOP:
        if k not in doc:
            errs.append(f"missing field {k!r}")
    if doc.get("id") != stem:
        errs.append(f"id {doc.get('id')!r} != file name {stem!r}")

    owner, types = {}, {}
    for i, e in enumerate(doc.get("entities", [])):
        where = f"entity {i} {e.get('name')!r}"
        if not e.get("name"):
            errs.append(f"{where}: no name")
        if e.get("type") not in ("PERSON", "ORG", "LOC"):
            errs.append(f"{where}: bad type {e.get('type')!r}")
        if not isinstance(e.get("aliases"), list):
            errs.append(f"{where}: aliases must be a list")
        for k in ("title", "country"):
            if k not in e:
                errs.append(f"{where}: missing {k!r}")
        c = e.get("country")
        if c is not None and not re.fullmatch(r"[A-Z]{3}", c):
            errs.append(f"{where}: bad country {c!r}")
        if e.get("type") != "PERSON" and e.get("title"):
            errs.append(f"{where}: only people have titles")
        for s in [e.get("name")] + list(e.get("aliases") or []):
            if not s:
                continue
            other = owner.get(s)
            if other is not None and other != i and types.get(other) == e.get("type"):
                errs.append(f"{where}: surface {s!r} also belongs to entity {other} of the same type")
            owner.setdefault(s, i)
        for s in e.get("also_accept") or []:
            owner.setdefault(s, i)
        types[i] = e.get("type")
        for a in e.get("aliases") or []:
            if a not in text:
                errs.append(f"{where}: alias {a!r} does not occur in the article")
        if (e.get("name") or "").casefold() not in text.casefold() and not e.get("aliases") \
                and not e.get("also_accept"):
            errs.append(f"{where}: name does not occur and there are no aliases")

    def resolves(s):
        return s in owner

    for i, q in enumerate(doc.get("quotes", [])):
        where = f"quote {i} {q.get('text_start', '')[:30]!r}"
        ts = q.get("text_start") or ""
        if not ts or ts not in text:
            errs.append(f"{where}: text_start is not an exact substring of the article")
        if len(ts.split()) > 10:
            errs.append(f"{where}: text_start longer than ten words")
        for s in [q.get("speaker")] + list(q.get("speaker_alt") or []):
            if s is not None and not resolves(s):
                errs.append(f"{where}: speaker {s!r} does not resolve")

    for i, ev in enumerate(doc.get("events", [])):
        where = f"event {i} {ev.get('source')}->{ev.get('target')} {ev.get('cameo')}"
        evd = ev.get("evidence") or ""
        if not evd or evd not in text:
            errs.append(f"{where}: evidence is not an exact substring of the article")
        if not ev.get("source") or not resolves(ev["source"]):
            errs.append(f"{where}: source {ev.get('source')!r} does not resolve")
        if ev.get("target") is not None and not resolves(ev["target"]):
            errs.append(f"{where}: target {ev.get('target')!r} does not resolve")
        for k in ("source_alt", "target_alt"):
            for s in ev.get(k) or []:
                if not resolves(s):
                    errs.append(f"{where}: {k} {s!r} does not resolve")
        if ev.get("location") is not None and not resolves(ev["location"]):
            errs.append(f"{where}: location {ev['location']!r} does not resolve")
        for c in [ev.get("cameo")] + list(ev.get("alt_cameo") or []):
            if not isinstance(c, str) or not re.fullmatch(r"\d{3,4}", c):
                errs.append(f"{where}: bad CAMEO code {c!r}")
            elif codes is not None and c not in codes:
                errs.append(f"{where}: CAMEO code {c} not in cameo-labels.tsv")
        if str(ev.get("root")) != str(ev.get("cameo", ""))[:2]:
            errs.append(f"{where}: root {ev.get('root')!r} != cameo[:2]")
        for k in ("when", "location"):
            if k not in ev:
                errs.append(f"{where}: missing {k!r}")

    for b in doc.get("boilerplate", []):
        if b not in lines:
            errs.append(f"boilerplate line not a whole line of the article: {b[:50]!r}")
    for s in doc.get("duplicate_sentences", []):
        if text.count(s) < 2:
            errs.append(f"duplicate sentence does not occur twice: {s[:50]!r}")
    for s in doc.get("restatements", []):
        if s not in text:
            errs.append(f"restatement does not occur: {s[:50]!r}")
    counts = {k: len(doc.get(k, [])) for k in ("entities", "quotes", "events")}
    return errs, counts


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    folder = argv[1] if len(argv) > 1 else here
    codes = load_codes(here)
    names = sorted(n for n in os.listdir(folder) if n.endswith(".gold.json"))
    if not names:
        print(f"{folder}: no *.gold.json files", file=sys.stderr)
        return 1
    bad = 0
    total = {"entities": 0, "quotes": 0, "events": 0}
    for n in names:
        errs, counts = check(os.path.join(folder, n), codes)
        for k, v in counts.items():
            total[k] += v
        if errs:
            bad += 1
            for e in errs:
                print(f"{n}: {e}")
    txts = {n[:-4] for n in os.listdir(folder) if n.endswith(".txt")}
    for stem in sorted(txts - {n[: -len(".gold.json")] for n in names}):
        print(f"{stem}.txt: no gold file")
        bad += 1
    print(f"{len(names)} gold files, {bad} with problems; "
          f"{total['entities']} entities, {total['quotes']} quotes, {total['events']} events"
          + ("" if codes is not None else " (CAMEO code list not found; codes checked by format only)"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
