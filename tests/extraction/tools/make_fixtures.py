#!/usr/bin/env python3
"""Writes the extraction fixtures: tests/extraction/{tuning,frozen}/NAME.html and
NAME.expected.txt, from the invented articles (articles_*.py) rendered through the site
templates (templates.py).

    python3 tests/extraction/tools/make_fixtures.py            # the tuning pages
    python3 tests/extraction/tools/make_fixtures.py --frozen   # the frozen pages (refuses to overwrite)

The frozen pages were written once, before the extractor was tuned, and are scored but not
looked at while tuning; do not regenerate them (the templates may have grown since).
Hand-written pages (tests/extraction/tuning/*.html without an entry here) are left alone."""
import os
import sys
import zlib
import random

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_model import expected_body  # noqa: E402
from templates import TEMPLATES  # noqa: E402

FROZEN = [
    ("wordpress_ferry", "wordpress", "f01", {"consent": "cookiebot"}),
    ("arc_trains", "arc", "f02", {}),
    ("drupal_waiting", "drupal", "f03", {}),
    ("nextjs_solar", "nextjs", "f04", {"visible": 3}),
    ("amp_pass", "amp", "f05", {"consent": True}),
    ("regional_library", "regional", "f06", {"consent": "onetrust"}),
    ("divbr_fishermen", "divbr", "f07", {"consent": "didomi"}),
    ("regional_damp", "regional", "f08", {"consent": "quantcast"}),
    ("divbr_bakery", "divbr", "f09", {}),
    ("sports_league", "sports", "f10", {}),
    ("listicle_recycling", "listicle", "f11", {}),
    ("blox_sewage", "blox", "f12", {}),
    ("ghost_buses", "ghost", "f13", {}),
    ("substack_phone", "substack", "f14", {"consent": "sourcepoint"}),
    ("wirephoto_dock", "wirephoto", "f15", {}),
    ("magazine_doors", "magazine", "f16", {}),
]


def write(out_dir, pages, articles, overwrite):
    os.makedirs(out_dir, exist_ok=True)
    by_slug = {a.slug: a for a in articles}
    for name, template, slug, opts in pages:
        a = by_slug[slug]
        html_path = os.path.join(out_dir, name + ".html")
        if os.path.exists(html_path) and not overwrite:
            sys.exit(f"{html_path} exists: frozen fixtures are not regenerated")
        rng = random.Random(zlib.crc32(name.encode()))
        with open(html_path, "w", encoding="utf-8") as f:
            f.write(TEMPLATES[template](a, opts, rng))
        with open(os.path.join(out_dir, name + ".expected.txt"), "w", encoding="utf-8") as f:
            f.write(expected_body(a))


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if "--frozen" in sys.argv:
        from articles_frozen import ARTICLES
        write(os.path.join(here, "frozen"), FROZEN, ARTICLES, overwrite=False)
    else:
        from articles_tuning import ARTICLES, PAGES
        write(os.path.join(here, "tuning"), PAGES, ARTICLES, overwrite=True)


if __name__ == "__main__":
    main()
