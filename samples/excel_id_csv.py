#!/usr/bin/env python3
"""Rewrites long-form CSV files as Excel saves them in an Indonesian locale: ';' between fields,
',' as the decimal mark in numbers, a UTF-8 BOM and CRLF line ends. Used to make
samples/partners/csv-id/ from samples/partners/csv/:

    python3 samples/excel_id_csv.py samples/partners/csv samples/partners/csv-id
"""
import csv
import os
import re
import sys

NUMBER = re.compile(r"^-?\d+\.\d+$")


def convert(source, target):
    with open(source, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    with open(target, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        for row in rows:
            writer.writerow([cell.replace(".", ",") if NUMBER.match(cell) else cell for cell in row])


def main():
    source, target = sys.argv[1], sys.argv[2]
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(source)):
        if name.endswith(".csv"):
            convert(os.path.join(source, name), os.path.join(target, name))


if __name__ == "__main__":
    main()
