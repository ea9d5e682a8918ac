#!/usr/bin/env python3
"""Python reference for `sakip rank` over XML: lxml parses every report, numpy computes each
report's total (sub-component mean x weight, summed per component) and the ranking.

  pipeline_reference.py RUBRIC_TABLE FILE_LIST > totals.csv   ("agency,year,total" per report)
"""
import sys

import numpy as np
from lxml import etree
from scipy.stats import rankdata


def main():
    letters, criteria, subs, full = {}, {}, [], 100.0
    for line in open(sys.argv[1]):
        kind, *rest = line.split()
        if kind == "F":
            full = float(rest[0])
        elif kind == "L":
            letters[rest[0]] = float(rest[1])
        elif kind == "S":
            subs.append((int(rest[0]), float(rest[1]), int(rest[2])))
        elif kind == "C":
            criteria[rest[0]] = (len(criteria), int(rest[1]))
    files = [line.strip() for line in open(sys.argv[2]) if line.strip()]
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    values = np.zeros((len(files), len(criteria)))
    keys = []
    for i, path in enumerate(files):
        root = etree.parse(path, parser).getroot()
        keys.append((root.get("agency"), root.get("year")))
        for answer in root.iter("answer"):
            index = criteria.get(answer.get("criterion"))
            if index is not None:
                values[i, index[0]] = letters[answer.get("value")]
    sub_of = np.array([s for _, s in sorted(criteria.values())])
    raw = np.zeros((len(files), len(subs)))
    for s in range(len(subs)):
        raw[:, s] = values[:, sub_of == s].sum(axis=1)
    counts = np.array([n for n, _, _ in subs], dtype=float)
    weights = np.array([w for _, w, _ in subs])
    sub_scores = raw * weights / (counts * full)
    totals = np.zeros(len(files))
    for c in sorted({c for _, _, c in subs}):
        totals += sub_scores[:, [c == k for _, _, k in subs]].sum(axis=1)
    ranks = rankdata(-totals, method="min")
    order = np.argsort(ranks, kind="stable")
    out = sys.stdout
    for i in order:
        out.write(f"{keys[i][0]},{keys[i][1]},{float(totals[i])!r}\n")


if __name__ == "__main__":
    main()
