#!/usr/bin/env bash
# Side-by-side benchmarks of sakip against C, numpy and Python references; writes Benchmarks/RESULTS.md.
# Installs what it needs (gcc, libxml2-dev, GNU time, a Python venv with numpy, scipy, lxml, PyYAML, SALib).
# SAKIP_BENCH_QUICK=1 skips the national-scale runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bench=$root/Benchmarks
build=$bench/.build-reference
corpora=$bench/corpora
mkdir -p "$build" "$corpora"

need=()
command -v gcc >/dev/null || need+=(gcc)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev pkg-config)
[ -x /usr/bin/time ] || need+=(time)
command -v valgrind >/dev/null || need+=(valgrind)
command -v strip >/dev/null || need+=(binutils)
python3 -c 'import venv' 2>/dev/null || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -x "$bench/.venv/bin/python" ]; then
  python3 -m venv "$bench/.venv"
fi
"$bench/.venv/bin/python" -c 'import numpy, scipy, lxml, yaml, SALib' 2>/dev/null ||
  "$bench/.venv/bin/pip" install -q numpy scipy lxml pyyaml SALib
py=$bench/.venv/bin/python

echo "building sakip (release)"
swift build -c release --static-swift-stdlib >/dev/null
echo "building the C references"
flags=$(pkg-config --cflags --libs libxml-2.0)
gcc -O2 -pthread -o "$build/sax_reference" "$bench/reference/sax_reference.c" $flags
gcc -O2 -o "$build/csv_reference" "$bench/reference/csv_reference.c"
"$py" "$bench/reference/rubric_table.py" "$root/rubrics/permenpanrb-88-2021.yaml" > "$build/rubric.tsv"

# Corpora from the sample generator (kept between runs; delete Benchmarks/corpora to rebuild).
generate() { # name count seed extra...
  local name=$1 count=$2 seed=$3; shift 3
  if [ ! -f "$corpora/$name/.done" ]; then
    echo "generating $count reports into Benchmarks/corpora/$name"
    rm -rf "${corpora:?}/$name"
    "$py" "$root/samples/generate.py" corpus --out "$corpora/$name" --count "$count" --seed "$seed" "$@"
    touch "$corpora/$name/.done"
  fi
}
generate 5k 5000 11 --csv --batch
generate 1k 1000 12
generate 600 600 14
[ "${SAKIP_BENCH_QUICK:-0}" = 1 ] || generate 25k 25000 13

"$py" "$bench/bench.py"
# Sobol' indices against SALib (same model, written again in numpy), appended to RESULTS.md.
"$py" "$bench/sobol_salib.py" "$root/.build/release/sakip" "$root/samples/partners/2024" \
  "$root/rubrics/permenpanrb-88-2021.yaml" 8192 "$corpora/600/2024" >> "$bench/RESULTS.md"
