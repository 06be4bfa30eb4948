#!/usr/bin/env python3
"""Reads one analysis JSON object on stdin and prints it in the golden files' canonical
form: sorted keys, two-space indent, the article's top-level `source` dropped (it holds the
local path) and floats rounded so that the files are stable across machines. Everything
else is kept, the events' `source` and `target` actors included: a golden file records who
did what to whom, not only the codes."""
import json
import sys


def canon(v, top=False):
    if isinstance(v, float):
        return round(v, 4)
    if isinstance(v, dict):
        return {k: canon(x) for k, x in v.items() if not (top and k == "source")}
    if isinstance(v, list):
        return [canon(x) for x in v]
    return v


print(json.dumps(canon(json.loads(sys.stdin.read()), top=True), indent=2, sort_keys=True, ensure_ascii=False))
