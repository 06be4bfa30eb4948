#!/usr/bin/env python3
"""Generates gen/entities/places.tsv: place names with their kind and country.

Sources: iso-codes (ISO 3166-1 countries and ISO 3166-2 subdivisions), WordNet 3.0
location instances (cities, regions, seas, islands; country by part-holonym chain) and
tzdata's zone1970.tab (time-zone cities with their country).
Usage: gen_places.py OUTPUT
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import entities_sources as src  # noqa: E402

# Lower number wins when one name has several readings.
PRIORITY = {"country": 0, "capital": 1, "city": 2, "subdivision": 3}


def main():
    out = sys.argv[1]
    wn = src.WordNet()
    countries = src.Countries(wn)
    common = src.common_words()
    rows = {}  # surface -> (priority, kind, country, canonical)

    def add(surface, kind, country, canonical):
        if not surface or "\t" in surface or not src.is_proper(surface):
            return
        rank = PRIORITY.get(kind, 4)
        old = rows.get(surface)
        if old is None or rank < old[0]:
            rows[surface] = (rank, kind, country, canonical)

    for name, a3 in countries.names.items():
        add(name, "country", a3, countries.canonical[a3])

    with open("/usr/share/iso-codes/json/iso_3166-2.json", encoding="utf-8") as f:
        subdivisions = json.load(f)["3166-2"]
    alpha2 = {c["alpha_2"]: c["alpha_3"] for c in countries.iso}
    for s in subdivisions:
        name = s["name"].split(" (")[0].split(" [")[0].strip()
        if " " not in name and name.lower() in common:
            continue
        a3 = alpha2.get(s["code"].split("-")[0], "")
        add(name, "subdivision", a3, name)

    for off, (lemmas, _, _) in wn.nouns.items():
        if not wn.is_instance(off) or not (wn.closure(off) & src.LOC_ROOTS):
            continue
        if src.PERSON_ROOT in wn.closure(off):
            continue
        hyper = wn.hypernyms(off)
        kind = src.surface(wn.nouns[hyper[0]][0][0]) if hyper else "place"
        if kind in ("national capital", "state capital", "provincial capital"):
            kind = "capital"
        elif kind in ("town", "port", "urban center", "metropolis"):
            kind = "city"
        country = countries.synset_country.get(off) or countries.country_of_synset(wn, off)
        if not country and kind in ("capital", "city"):
            # No holonym chain: a city's gloss may say ("remote city of Kazakhstan ...").
            country = countries.country_in_text(wn.nouns[off][2].split(";")[0])
        if off in countries.synset_country:
            kind = "country"
        proper = [src.surface(l) for l in lemmas if src.is_proper(src.surface(l))]
        is_country = off in countries.synset_country
        if is_country:
            proper = [p for p in proper if src.country_lemma_ok(p, proper, countries.canonical[country], common)]
        if not proper:
            continue
        canonical = countries.canonical[country] if is_country else proper[0]
        for p in proper:
            # Postal codes of states ("IN", "OR", "ME") read as words in capitals.
            if len(p) <= 2 and kind != "country":
                continue
            add(p, kind, country, canonical)

    with open("/usr/share/zoneinfo/zone1970.tab", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3:
                continue
            city = fields[2].split("/")[-1].replace("_", " ")
            a3 = alpha2.get(fields[0].split(",")[0], "")
            add(city, "city", a3, city)

    # GeoNames city names (libgeonames-common's English catalogue): no country there, so
    # only names no other source has, and none that are also ordinary words or personal
    # names ("Florence", "Mobile").
    names = set()  # words of WordNet's people's names
    for off, (lemmas, _, _) in wn.nouns.items():
        if wn.is_instance(off) and src.PERSON_ROOT in wn.closure(off):
            for l in lemmas:
                names.update(l.split("_"))
    for city in src.geonames_cities():
        if city in rows or city.lower() in common or city in names or not src.is_proper(city):
            continue
        add(city, "city", "", city)

    src.write_tsv(out, [
        "Place names: surface, kind, country (ISO 3166-1 alpha-3, empty for seas, regions",
        "that cross borders, continents), canonical name.",
        "Sources: iso-codes ISO 3166-1/3166-2, WordNet 3.0 location instances, tzdata zone1970.tab,",
        "libgeonames-common (GeoNames city names, without country).",
        "columns: surface\tkind\tcountry\tcanonical",
    ], ([s, k, c, n] for s, (_, k, c, n) in sorted(rows.items())))


if __name__ == "__main__":
    main()
