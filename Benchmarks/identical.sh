#!/bin/bash
# Byte-for-byte comparison of two sakip builds on every corpus and sample, in every format
# rankings are read in: the check behind "outputs identical" in a speed change.
#   Benchmarks/identical.sh OLD_BINARY [NEW_BINARY]   (run Benchmarks/run.sh once first, for the corpora)
B=$(realpath "${1:?usage: Benchmarks/identical.sh OLD_BINARY [NEW_BINARY]}")
cd "$(dirname "$0")/.."
N=$(realpath "${2:-.build/release/sakip}")
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
fail=0
check() {
  "$B" "$@" > $out/b.out 2>$out/b.err; rb=$?
  "$N" "$@" > $out/n.out 2>$out/n.err; rn=$?
  if cmp -s $out/b.out $out/n.out && cmp -s $out/b.err $out/n.err && [ $rb = $rn ]; then echo "same: $*"; else echo "DIFFERENT: $*"; fail=1; fi
}
for f in csv json text; do
  check rank Benchmarks/corpora/1k/2024 --format $f
  check rank Benchmarks/corpora/5k/2024 --format $f
  check rank Benchmarks/corpora/5k/csv/answers.csv --format $f
  check rank Benchmarks/corpora/600/2024 --format $f
  check rank samples/partners/2024 --previous samples/partners/2023 --format $f
  check rank samples/partners/csv --format $f
  check rank samples/stages/partners --format $f
done
for d in standard excel-id; do
  check rank Benchmarks/corpora/5k/csv/answers.csv --format csv --csv-dialect $d --jobs 1
  check rank samples/partners/2024 --previous samples/partners/2023 --format csv --csv-dialect $d
  check rank samples/partners/2024 --previous samples/partners/2023 --format csv --csv-dialect $d --by component:2 --top 3
done
check score Benchmarks/corpora/600/2024 --format json
check score Benchmarks/corpora/1k/2024 --format csv
check sensitivity Benchmarks/corpora/600/2024 --samples 2000 --seed 7 --format json
check compare samples/partners/2024 --candidate samples/variants/pemanfaatan-60.yaml --format json
check gaps samples/stages/partners --format json
for x in samples/*.xml samples/stages/*.xml samples/workbooks/*.xlsx; do check score "$x" --format json; check score "$x"; done
exit $fail
