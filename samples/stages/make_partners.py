#!/usr/bin/env python3
"""Makes samples/stages/partners/: twelve partner regions' 2024 reports with two stages, the
agency's self-assessment and the final answers. The final answers are those of
samples/partners/2024; the self-assessment claims one or two levels more on a share of the
criteria that differs by region (a fixed seed), as inspectorates see. Run from the package root:

    python3 samples/stages/make_partners.py
"""
import os
import random
import xml.etree.ElementTree as ET

LADDER = ["E", "D", "C", "CC", "B", "BB", "A", "AA"]
SOURCE = "samples/partners/2024"
TARGET = "samples/stages/partners"


def main():
    os.makedirs(TARGET, exist_ok=True)
    rng = random.Random(2024)
    for name in sorted(os.listdir(SOURCE))[:12]:
        report = ET.parse(os.path.join(SOURCE, name)).getroot()
        answers = [(a.get("criterion"), a.get("value")) for a in report.iter("answer")]
        share = rng.choice([0.05, 0.2, 0.35, 0.5, 0.7])
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<report ' + " ".join(f'{k}="{v}"' for k, v in report.attrib.items()) + '>',
                 '  <answers stage="self">']
        for criterion, value in answers:
            claimed = value
            if rng.random() < share:
                claimed = LADDER[min(len(LADDER) - 1, LADDER.index(value) + rng.choice([1, 1, 2]))]
            lines.append(f'    <answer criterion="{criterion}" value="{claimed}"/>')
        lines.append('  </answers>')
        lines.append('  <answers stage="final">')
        lines += [f'    <answer criterion="{c}" value="{v}"/>' for c, v in answers]
        lines += ['  </answers>', '</report>', '']
        with open(os.path.join(TARGET, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))


if __name__ == "__main__":
    main()
