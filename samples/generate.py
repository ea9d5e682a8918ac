#!/usr/bin/env python3
"""Synthetic SAKIP reports for samples, tests and benchmarks.

Every agency, answer and indicator here is SYNTHETIC: region names are real partner regions of
Kota Bandung, but no score or answer is theirs. Deterministic: the same arguments and seed give
byte-identical files.

  generate.py single  --agency kota-bandung --year 2024 --rubric permenpanrb-88-2021 --quality 0.86 --seed 1 > f.xml
  generate.py partners --out samples/partners --years 2023 2024 --count 56 --seed 7
  generate.py corpus  --out DIR --count 25000 --seed 11 [--batch] [--csv]     (national scale)
"""
import argparse, os, random, sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("generate.py needs PyYAML: pip install pyyaml")

HERE = os.path.dirname(os.path.abspath(__file__))
RUBRICS = os.path.join(HERE, "..", "rubrics")

PARTNERS = [
    ("kota-bandung", "Pemerintah Kota Bandung", "Jawa Barat"),
    ("kab-merauke", "Pemerintah Kabupaten Merauke", "Papua Selatan"),
    ("kota-palangka-raya", "Pemerintah Kota Palangka Raya", "Kalimantan Tengah"),
    ("kab-lombok-barat", "Pemerintah Kabupaten Lombok Barat", "Nusa Tenggara Barat"),
    ("kota-banjarmasin", "Pemerintah Kota Banjarmasin", "Kalimantan Selatan"),
    ("kota-pekanbaru", "Pemerintah Kota Pekanbaru", "Riau"),
    ("kab-garut", "Pemerintah Kabupaten Garut", "Jawa Barat"),
    ("kota-bekasi", "Pemerintah Kota Bekasi", "Jawa Barat"),
    ("kab-balangan", "Pemerintah Kabupaten Balangan", "Kalimantan Selatan"),
    ("kab-bulukumba", "Pemerintah Kabupaten Bulukumba", "Sulawesi Selatan"),
    ("kab-blitar", "Pemerintah Kabupaten Blitar", "Jawa Timur"),
    ("kab-tojo-una-una", "Pemerintah Kabupaten Tojo Una-Una", "Sulawesi Tengah"),
    ("kota-pematang-siantar", "Pemerintah Kota Pematang Siantar", "Sumatera Utara"),
    ("kab-musi-rawas", "Pemerintah Kabupaten Musi Rawas", "Sumatera Selatan"),
    ("kab-pasaman-barat", "Pemerintah Kabupaten Pasaman Barat", "Sumatera Barat"),
    ("kab-madiun", "Pemerintah Kabupaten Madiun", "Jawa Timur"),
    ("kab-pati", "Pemerintah Kabupaten Pati", "Jawa Tengah"),
    ("kab-nganjuk", "Pemerintah Kabupaten Nganjuk", "Jawa Timur"),
    ("kab-padang-pariaman", "Pemerintah Kabupaten Padang Pariaman", "Sumatera Barat"),
    ("kab-bangka-selatan", "Pemerintah Kabupaten Bangka Selatan", "Kepulauan Bangka Belitung"),
    ("kab-bengkulu-tengah", "Pemerintah Kabupaten Bengkulu Tengah", "Bengkulu"),
    ("kab-majene", "Pemerintah Kabupaten Majene", "Sulawesi Barat"),
    ("kab-ngawi", "Pemerintah Kabupaten Ngawi", "Jawa Timur"),
    ("kab-kolaka-timur", "Pemerintah Kabupaten Kolaka Timur", "Sulawesi Tenggara"),
    ("kab-bandung", "Pemerintah Kabupaten Bandung", "Jawa Barat"),
    ("kab-banyumas", "Pemerintah Kabupaten Banyumas", "Jawa Tengah"),
    ("kota-cimahi", "Pemerintah Kota Cimahi", "Jawa Barat"),
    ("kab-sumedang", "Pemerintah Kabupaten Sumedang", "Jawa Barat"),
    ("kota-tasikmalaya", "Pemerintah Kota Tasikmalaya", "Jawa Barat"),
    ("kab-kuningan", "Pemerintah Kabupaten Kuningan", "Jawa Barat"),
    ("kota-cirebon", "Pemerintah Kota Cirebon", "Jawa Barat"),
    ("kab-purwakarta", "Pemerintah Kabupaten Purwakarta", "Jawa Barat"),
    ("kota-semarang", "Pemerintah Kota Semarang", "Jawa Tengah"),
    ("kab-sleman", "Pemerintah Kabupaten Sleman", "DI Yogyakarta"),
    ("kota-malang", "Pemerintah Kota Malang", "Jawa Timur"),
    ("kab-banyuwangi", "Pemerintah Kabupaten Banyuwangi", "Jawa Timur"),
    ("kota-makassar", "Pemerintah Kota Makassar", "Sulawesi Selatan"),
    ("kab-gowa", "Pemerintah Kabupaten Gowa", "Sulawesi Selatan"),
    ("kota-manado", "Pemerintah Kota Manado", "Sulawesi Utara"),
    ("kota-kupang", "Pemerintah Kota Kupang", "Nusa Tenggara Timur"),
    ("kab-sikka", "Pemerintah Kabupaten Sikka", "Nusa Tenggara Timur"),
    ("kota-ambon", "Pemerintah Kota Ambon", "Maluku"),
    ("kota-jayapura", "Pemerintah Kota Jayapura", "Papua"),
    ("kab-jayawijaya", "Pemerintah Kabupaten Jayawijaya", "Papua Pegunungan"),
    ("kota-sorong", "Pemerintah Kota Sorong", "Papua Barat Daya"),
    ("kota-pontianak", "Pemerintah Kota Pontianak", "Kalimantan Barat"),
    ("kab-kubu-raya", "Pemerintah Kabupaten Kubu Raya", "Kalimantan Barat"),
    ("kota-samarinda", "Pemerintah Kota Samarinda", "Kalimantan Timur"),
    ("kab-kutai-kartanegara", "Pemerintah Kabupaten Kutai Kartanegara", "Kalimantan Timur"),
    ("kota-tarakan", "Pemerintah Kota Tarakan", "Kalimantan Utara"),
    ("kota-jambi", "Pemerintah Kota Jambi", "Jambi"),
    ("kab-muaro-jambi", "Pemerintah Kabupaten Muaro Jambi", "Jambi"),
    ("kota-bengkulu", "Pemerintah Kota Bengkulu", "Bengkulu"),
    ("kab-lampung-selatan", "Pemerintah Kabupaten Lampung Selatan", "Lampung"),
    ("kota-metro", "Pemerintah Kota Metro", "Lampung"),
    ("kota-banda-aceh", "Pemerintah Kota Banda Aceh", "Aceh"),
]

INDICATORS = [
    ("IKU-01", "Indeks Kepuasan Masyarakat", "indeks", "positive", (70, 90)),
    ("IKU-02", "Indeks Pembangunan Manusia", "indeks", "positive", (65, 82)),
    ("IKU-03", "Persentase Penduduk Miskin", "%", "negative", (4, 14)),
    ("IKU-04", "Tingkat Pengangguran Terbuka", "%", "negative", (3, 9)),
    ("IKU-05", "Laju Pertumbuhan Ekonomi", "%", "positive", (4, 7)),
    ("IKU-06", "Laju Inflasi", "%", "range", (2, 4)),
]


def load_rubric(rubric_id):
    with open(os.path.join(RUBRICS, rubric_id + ".yaml"), encoding="utf-8") as f:
        rubric = yaml.safe_load(f)
    subs = []
    for component in rubric["components"]:
        for group in component.get("groups", [{"subcomponents": component.get("subcomponents", [])}]):
            subs.extend(group["subcomponents"])
    return rubric, subs


def nearest_letter(scale, share):
    """The letter whose value (as a share of full) is nearest to share."""
    full = float(scale["full"])
    return min(scale["values"].items(), key=lambda kv: (abs(kv[1] / full - share), -kv[1]))[0]


def clamp(x, lo=0.0, hi=1.0):
    return max(lo, min(hi, x))


def answers_for(rng, rubric, subs, quality):
    """Answers, grades and checklist items for one agency of the given latent quality (0..1)."""
    answers, grades, checklist = [], [], []
    for i, sub in enumerate(subs):
        # Pemanfaatan (use) tends to trail keberadaan (existence): quality falls along a component.
        q_sub = clamp(rng.gauss(quality - 0.03 * (i % 3), 0.06))
        aggregation = sub.get("aggregation", "mean")
        if aggregation == "grade":
            grades.append((sub["id"], nearest_letter(rubric["scales"][sub["scale"]], clamp(rng.gauss(q_sub, 0.04)))))
        for criterion in sub["criteria"]:
            if aggregation == "checklist":
                met = rng.random() < clamp(q_sub + 0.12)
                kept1 = met and rng.random() < clamp(q_sub + 0.1)
                kept5 = kept1 and rng.random() < q_sub
                checklist.append((criterion["id"], met, met and rng.random() < 0.9, kept1, kept5))
            elif aggregation == "mean":
                scale = rubric["scales"][criterion.get("scale", sub["scale"])]
                answers.append((criterion["id"], nearest_letter(scale, clamp(rng.gauss(q_sub, 0.12)))))
    return answers, grades, checklist


def indicators_for(rng, quality, count):
    result = []
    for ident, name, unit, polarity, (lo, hi) in INDICATORS[:count]:
        if polarity == "range":
            realization = round(rng.uniform(lo - 1.0, hi + 1.5), 2)
            result.append(dict(id=ident, name=name, unit=unit, polarity="positive", low=lo, high=hi, realization=realization))
            continue
        target = round(rng.uniform(lo, hi), 2)
        ratio = rng.gauss(0.9 + 0.15 * quality, 0.08)
        realization = round(target * ratio if polarity == "positive" else target / max(ratio, 0.3), 2)
        result.append(dict(id=ident, name=name, unit=unit, polarity=polarity, target=target, realization=realization))
    return result


def xml_escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def report_xml(agency, name, region, year, rubric_id, answers, grades, checklist, indicators, budget, indent="", notes=None):
    yn = lambda b: "yes" if b else "no"
    lines = [f'{indent}<report agency="{agency}" name="{xml_escape(name)}" region="{xml_escape(region)}" year="{year}" rubric="{rubric_id}">']
    if answers:
        lines.append(f"{indent}  <answers>")
        if notes is None:
            lines += [f'{indent}    <answer criterion="{c}" value="{v}"/>' for c, v in answers]
        else:
            lines += [f'{indent}    <answer criterion="{c}" value="{v}" evidence="LKE-{year}/{agency}/{c}.pdf" note="{xml_escape(notes(c))}"/>'
                      for c, v in answers]
        lines.append(f"{indent}  </answers>")
    if grades:
        lines.append(f"{indent}  <grades>")
        lines += [f'{indent}    <grade subcomponent="{s}" value="{v}"/>' for s, v in grades]
        lines.append(f"{indent}  </grades>")
    if checklist:
        lines.append(f"{indent}  <checklist>")
        lines += [f'{indent}    <item criterion="{c}" met="{yn(m)}" mandated="{yn(md)}" kept-1-year="{yn(k1)}" kept-5-years="{yn(k5)}"/>'
                  for c, m, md, k1, k5 in checklist]
        lines.append(f"{indent}  </checklist>")
    if indicators:
        lines.append(f"{indent}  <indicators>")
        for ind in indicators:
            target = f'target-low="{ind["low"]}" target-high="{ind["high"]}"' if "low" in ind else f'target="{ind["target"]}"'
            lines.append(f'{indent}    <indicator id="{ind["id"]}" name="{xml_escape(ind["name"])}" unit="{xml_escape(ind["unit"])}" '
                         f'polarity="{ind["polarity"]}" {target} realization="{ind["realization"]}"/>')
        lines.append(f"{indent}  </indicators>")
    if budget:
        lines.append(f'{indent}  <budget ceiling="{budget[0]}" realized="{budget[1]}"/>')
    lines.append(f"{indent}</report>")
    return "\n".join(lines) + "\n"


def make_report(rng, rubric_id, agency, name, region, year, quality, indicator_count=6):
    rubric, subs = load_rubric(rubric_id) if isinstance(rubric_id, str) else rubric_id
    answers, grades, checklist = answers_for(rng, rubric, subs, quality)
    indicators = indicators_for(rng, quality, indicator_count)
    ceiling = rng.randrange(800, 9000) * 1_000_000_000
    budget = (ceiling, int(ceiling * rng.uniform(0.82, 0.98)))
    return dict(agency=agency, name=name, region=region, year=year, rubric_id=rubric["id"], answers=answers, grades=grades,
                checklist=checklist, indicators=indicators, budget=budget)


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def csv_field(text):
    text = str(text)
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n\r') else text


NOTES = ["", "", "", "dokumen lengkap", 'lihat "Renstra 2021-2026", hal. 12', "perlu perbaikan, belum dipublikasikan\nsegera ditindaklanjuti"]


LONG_NOTES = ["Dokumen telah diverifikasi evaluator; lihat lampiran LKE halaman 12 dan notulen rapat evaluasi",
              "Bukti dukung lengkap dan mutakhir, diunggah ke aplikasi e-SAKIP pada triwulan IV",
              "Perlu perbaikan: dokumen belum ditandatangani kepala perangkat daerah, tindak lanjut Januari"]


def write_csv(out, reports, rng, long_notes=False):
    answers = ["agency,year,criterion,value,evidence,note"]
    indicators = ["agency,year,indicator,name,unit,polarity,target,target_low,target_high,realization,weight"]
    agencies = ["agency,name,region"]
    seen = set()
    for r in reports:
        if r["agency"] not in seen:
            seen.add(r["agency"])
            agencies.append(",".join(csv_field(x) for x in (r["agency"], r["name"], r["region"])))
        for c, v in r["answers"]:
            note = LONG_NOTES[sum(map(ord, c)) % 3] if long_notes else rng.choice(NOTES)
            evidence = f"LKE-{r['year']}/{r['agency']}/{c}.pdf" if long_notes else f"LKE-{r['year']}/{c}"
            answers.append(",".join(csv_field(x) for x in (r["agency"], r["year"], c, v, evidence, note)))
        for s, v in r["grades"]:
            answers.append(",".join(csv_field(x) for x in (r["agency"], r["year"], s, v, "", "")))
        for ind in r["indicators"]:
            target, low, high = (("", ind["low"], ind["high"]) if "low" in ind else (ind["target"], "", ""))
            indicators.append(",".join(csv_field(x) for x in (r["agency"], r["year"], ind["id"], ind["name"], ind["unit"], ind["polarity"], target, low, high, ind["realization"], 1)))
    write(os.path.join(out, "answers.csv"), "\r\n".join(answers) + "\r\n")
    write(os.path.join(out, "indicators.csv"), "\n".join(indicators) + "\n")
    write(os.path.join(out, "agencies.csv"), "\ufeff" + "\n".join(agencies) + "\n")


def cmd_single(args):
    rng = random.Random(args.seed)
    r = make_report(rng, args.rubric, args.agency, args.name, args.region, args.year, args.quality)
    sys.stdout.write('<?xml version="1.0" encoding="UTF-8"?>\n<!-- SYNTHETIC sample generated by samples/generate.py; not a real evaluation. -->\n')
    sys.stdout.write(report_xml(**{k: r[k] for k in ("agency", "name", "region", "year", "rubric_id", "answers", "grades", "checklist", "indicators", "budget")}))


def agencies_for(count):
    if count <= len(PARTNERS):
        return PARTNERS[:count]
    extra = [(f"kab-sintetis-{i:05d}", f"Pemerintah Kabupaten Sintetis {i:05d}", f"Provinsi Sintetis {i % 38:02d}") for i in range(count - len(PARTNERS))]
    return PARTNERS + extra


def cmd_partners(args):
    rng = random.Random(args.seed)
    rubric = load_rubric(args.rubric)
    agencies = agencies_for(args.count)
    base_quality = {a: clamp(rng.betavariate(5, 2.2) * 0.75 + 0.22) for a, _, _ in agencies}
    all_reports = []
    notes = (lambda c: LONG_NOTES[sum(map(ord, c)) % 3]) if args.command == "corpus" else None
    for y, year in enumerate(args.years):
        for agency, name, region in agencies:
            quality = clamp(base_quality[agency] + y * rng.gauss(0.02, 0.03))
            r = make_report(rng, rubric, agency, name, region, year, quality)
            all_reports.append(r)
            text = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- SYNTHETIC sample generated by samples/generate.py; not a real evaluation. -->\n'
            text += report_xml(**{k: r[k] for k in ("agency", "name", "region", "year", "rubric_id", "answers", "grades", "checklist", "indicators", "budget")}, notes=notes)
            if not args.no_files:
                write(os.path.join(args.out, str(year), agency + ".xml"), text)
    if args.csv:
        write_csv(os.path.join(args.out, "csv"), all_reports, rng, long_notes=notes is not None)
    if args.batch:
        body = "".join(report_xml(**{k: r[k] for k in ("agency", "name", "region", "year", "rubric_id", "answers", "grades", "checklist", "indicators", "budget")}, indent="  ", notes=notes) for r in all_reports)
        write(os.path.join(args.out, "batch.xml"), '<?xml version="1.0" encoding="UTF-8"?>\n<reports>\n' + body + "</reports>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    single = sub.add_parser("single")
    single.add_argument("--agency", required=True)
    single.add_argument("--name", required=True)
    single.add_argument("--region", default="")
    single.add_argument("--year", type=int, required=True)
    single.add_argument("--rubric", default="permenpanrb-88-2021")
    single.add_argument("--quality", type=float, default=0.75)
    single.add_argument("--seed", type=int, default=1)
    for name in ("partners", "corpus"):
        p = sub.add_parser(name)
        p.add_argument("--out", required=True)
        p.add_argument("--years", type=int, nargs="+", default=[2024])
        p.add_argument("--count", type=int, default=len(PARTNERS))
        p.add_argument("--rubric", default="permenpanrb-88-2021")
        p.add_argument("--seed", type=int, default=7)
        p.add_argument("--csv", action="store_true")
        p.add_argument("--batch", action="store_true")
        p.add_argument("--no-files", action="store_true", help="skip the one-file-per-report XML")
    args = parser.parse_args()
    {"single": cmd_single, "partners": cmd_partners, "corpus": cmd_partners}[args.command](args)


if __name__ == "__main__":
    main()
