#!/usr/bin/env python3
"""Writes the rubric table the C and Python references read: the scale, then per sub-component
its criterion count, weight and component, then each criterion's sub-component (mean aggregation only)."""
import sys
import yaml

rubric = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
scale = rubric["scales"]["AA-E"]
print("F", scale["full"])
for letter, value in scale["values"].items():
    print("L", letter, value)
subs = []
for c, component in enumerate(rubric["components"]):
    for sub in component["subcomponents"]:
        assert sub.get("aggregation", "mean") == "mean"
        subs.append((sub, c))
for sub, c in subs:
    print("S", len(sub["criteria"]), sub["weight"], c)
for s, (sub, _) in enumerate(subs):
    for criterion in sub["criteria"]:
        print("C", criterion["id"], s)
