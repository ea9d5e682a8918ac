#!/usr/bin/env python3
"""Makes the sample workbooks once, with LibreOffice Calc as a user's spreadsheet would save them
(shared strings, numbers, its own zip layout). Run from the package root:

    python3 samples/workbooks/make_workbooks.py

- kota-bandung-2024.xlsx: sakip's template filled from samples/kota-bandung-2024.xml, opened and
  saved by LibreOffice.
- kab-merauke-2024-kke.xlsx: a regency-style KKE (title block, header on row 6, KODE | NO |
  KOMPONEN | SUB-KOMPONEN | KRITERIA | BOBOT as fractions | self-assessment | final | notes |
  evidence), read with kke-layout.yaml. Final answers are those of samples/kab-merauke-2024.xml;
  the self-assessment claims one level more on every criterion answered below A.
"""
import csv
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET

import yaml  # PyYAML

ROOT = os.getcwd()
LADDER = ["E", "D", "C", "CC", "B", "BB", "A", "AA"]


def soffice(source, target_dir, filter_name):
    profile = tempfile.mkdtemp()
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", filter_name, "--outdir", target_dir, source], check=True)
    shutil.rmtree(profile, ignore_errors=True)


def bandung(out):
    work = tempfile.mkdtemp()
    subprocess.run([".build/debug/sakip", "template", "--from", "samples/kota-bandung-2024.xml",
                    "--output", f"{work}/kota-bandung-2024.xlsx"], check=True)
    soffice(f"{work}/kota-bandung-2024.xlsx", out, "xlsx:Calc MS Excel 2007 XML")


def merauke(out):
    report = ET.parse("samples/kab-merauke-2024.xml").getroot()
    answers = {a.get("criterion"): a.get("value") for a in report.iter("answer")}
    rubric = yaml.safe_load(open("rubrics/permenpanrb-88-2021.yaml", encoding="utf-8"))
    rows = [["KERTAS KERJA EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH"],
            ["Nama Instansi", "", "Pemerintah Kabupaten Merauke"],
            ["Kode Instansi", "", "kab-merauke"],
            ["Tahun", "", "2024"],
            [],
            ["KODE", "NO", "KOMPONEN", "SUB-KOMPONEN", "KRITERIA", "BOBOT",
             "PENILAIAN MANDIRI", "PENILAIAN FINAL", "CATATAN", "BUKTI DUKUNG"]]
    for c, component in enumerate(rubric["components"], 1):
        rows.append([component["id"], c, component["name"], "", "", component["weight"] / 100])
        for s, sub in enumerate(component["subcomponents"], 1):
            rows.append([sub["id"], s, "", sub["name"], "", sub["weight"] / 100])
            for k, criterion in enumerate(sub["criteria"], 1):
                final = answers.get(criterion["id"], "AA/A/BB/B/CC/C/D/E")
                claimed = final if final not in LADDER or LADDER.index(final) >= LADDER.index("A") else LADDER[LADDER.index(final) + 1]
                rows.append([criterion["id"], k, "", "", criterion["text"], "", claimed, final, "", "ada" if final in ("AA", "A") else ""])
    work = tempfile.mkdtemp()
    # LibreOffice names the sheet after the CSV file.
    path = f"{work}/KKE.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    soffice(path, work, "xlsx:Calc MS Excel 2007 XML")
    shutil.move(f"{work}/KKE.xlsx", os.path.join(out, "kab-merauke-2024-kke.xlsx"))


if __name__ == "__main__":
    out = os.path.join(ROOT, "samples/workbooks")
    bandung(out)
    merauke(out)
