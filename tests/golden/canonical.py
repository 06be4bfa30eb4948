#!/usr/bin/env python3
"""Reads one analysis JSON object on stdin and prints it in the golden files' canonical
form: sorted keys, two-space indent, `source` dropped (it holds the local path) and floats
rounded so that the files are stable across machines."""
import json
import sys


def canon(v):
    if isinstance(v, float):
        return round(v, 4)
    if isinstance(v, dict):
        return {k: canon(x) for k, x in v.items() if k != "source"}
    if isinstance(v, list):
        return [canon(x) for x in v]
    return v


print(json.dumps(canon(json.loads(sys.stdin.read())), indent=2, sort_keys=True, ensure_ascii=False))
