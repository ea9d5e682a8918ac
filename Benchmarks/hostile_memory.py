#!/usr/bin/env python3
"""Peak memory and time of sakip on the worst workbooks of issue 30, each made from the bundled
template (samples/workbooks/kota-bandung-2024.xlsx) with one part changed.

    python3 Benchmarks/hostile_memory.py .build/release/sakip [OTHER_SAKIP ...]

Prints a Markdown table: for each input and binary, the exit status, the peak resident set
(GNU time's %M) and the wall time, and the first line sakip wrote to stderr. The inputs are
written to Benchmarks/corpora/hostile (kept between runs).
"""
import os
import random
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "samples", "workbooks", "kota-bandung-2024.xlsx")
OUT = os.path.join(ROOT, "Benchmarks", "corpora", "hostile")
LKE = "xl/worksheets/sheet2.xml"


def patch(name, changes, size_lies=None):
    path = os.path.join(OUT, name)
    if os.path.exists(path):
        return path
    source = zipfile.ZipFile(SAMPLE)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in changes:
                data = changes[info.filename](data)
            target.writestr(info.filename, data)
    if size_lies:
        lie(path, size_lies)
    return path


def lie(path, part):
    """Sets the part's uncompressed size in the central directory to 1,000 bytes (its CRC stays right)."""
    data = bytearray(open(path, "rb").read())
    end = data.rfind(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16:end + 20], "little")
    while data[offset:offset + 4] == b"PK\x01\x02":
        length = int.from_bytes(data[offset + 28:offset + 30], "little")
        name = data[offset + 46:offset + 46 + length].decode()
        if name == part:
            data[offset + 24:offset + 28] = (1000).to_bytes(4, "little")
        offset += 46 + length + int.from_bytes(data[offset + 30:offset + 32], "little") + int.from_bytes(data[offset + 32:offset + 34], "little")
    open(path, "wb").write(bytes(data))


def note_cell(size):
    rng = random.Random(1)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(5000)]
    text = " ".join(rng.choice(words) for _ in range(size // 6))[:size].encode()

    def change(sheet):
        cell = b'<c r="F12" s="0" t="s"><v>29</v></c>'
        return sheet.replace(cell, cell + b'<c r="H12" t="inlineStr"><is><t>' + text + b"</t></is></c>")
    return change


def many_strings(count):
    def change(table):
        return table.replace(b"</sst>", b"".join(b"<si><t>s%d</t></si>" % i for i in range(count)) + b"</sst>")
    return change


def many_rows(first, last):
    def change(sheet):
        rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>1.1.1</t></is></c><c r="F%d" t="inlineStr"><is><t>A</t></is></c></row>' % (r, r, r)
                        for r in range(first, last))
        return sheet.replace(b"</sheetData>", rows + b"</sheetData>")
    return change


def inputs():
    os.makedirs(OUT, exist_ok=True)
    return [
        ("one 250 MB note cell (a 117 MB workbook)", [patch("note-250mb.xlsx", {LKE: note_cell(250_000_000)})]),
        ("6.7 million shared strings no cell uses", [patch("strings-6.7m.xlsx", {"xl/sharedStrings.xml": many_strings(6_700_000)})]),
        ("1,048,376 rows all answering 1.1.1", [patch("rows-1m.xlsx", {LKE: many_rows(200, 1_048_576)})]),
        ("3,000 rows all answering 1.1.1", [patch("rows-3k.xlsx", {LKE: many_rows(200, 3_200)})]),
        ("a size field that lies (a 64 MB sheet said to be 1,000 bytes)", [patch("lying-size.xlsx", {LKE: many_rows(200, 700_000)}, size_lies=LKE)]),
        ("rank --jobs 4 over four 6.7-million-string workbooks", [patch("strings-6.7m.xlsx", {})] * 4),
        ("rank --jobs 4 over four million-row workbooks", [patch("rows-1m.xlsx", {})] * 4),
    ]


def run(binary, files):
    arguments = ["rank", "--jobs", "4"] + files if len(files) > 1 else ["score"] + files
    if len(files) > 1:
        # Four copies under their own names: one file given four times is one input.
        folder = os.path.join(OUT, "four-" + os.path.basename(files[0]).split(".")[0])
        os.makedirs(folder, exist_ok=True)
        for i, f in enumerate(files):
            link = os.path.join(folder, f"copy{i}.xlsx")
            if not os.path.exists(link):
                os.link(f, link)
        arguments = ["rank", "--jobs", "4", folder]
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M", binary] + arguments, capture_output=True, text=True)
    lines = result.stderr.strip().splitlines()
    seconds, kb = lines[-1].split()[1:3]
    first = next((l for l in lines[:-1] if ": error: " in l or ": warning: " in l), "(scored)")
    first = first.replace(OUT + "/", "")
    if len(first) > 150:
        first = first[:150] + "…"
    return result.returncode, int(kb) / 1024, float(seconds), first


def main():
    binaries = sys.argv[1:] or [os.path.join(ROOT, ".build", "release", "sakip")]
    print("| input | binary | exit | peak MB | seconds | first message |")
    print("|---|---|---|---|---|---|")
    for label, files in inputs():
        for binary in binaries:
            status, mb, seconds, first = run(binary, files)
            print(f"| {label} | {os.path.relpath(binary, ROOT) if binary.startswith(ROOT) else binary} | {status} | {mb:.0f} | {seconds:.2f} | {first.replace('|', '/')} |")


if __name__ == "__main__":
    main()
