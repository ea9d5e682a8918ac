#!/usr/bin/env bash
# Builds one libFuzzer target with AddressSanitizer, optimized (a debug build ran 60-250 inputs a
# second; optimized, 500 and more), and runs it.
#   Fuzz/run.sh FuzzXMLReport|FuzzCSVReport|FuzzYAMLRubric|FuzzWorkbook [SECONDS]   (default 60)
# Exits non-zero on a crash, a leak or a timeout; the input that caused it is written to
# Fuzz/crashes/ (copy it to Fuzz/regressions/TARGET/ so the tests keep it fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh FuzzXMLReport|FuzzCSVReport|FuzzYAMLRubric|FuzzWorkbook [SECONDS]}
seconds=${2:-60}
[ -d "Fuzz/corpus/$target" ] || { echo "unknown target $target" >&2; exit 2; }

export SAKIP_FUZZ=1
# The fuzz targets read files; the service and its packages are not built for them.
export SAKIP_ENGINE_ONLY=1
# A Swift trap under ASan: print it, do not start the backtracer (it faults in ASan's memory server)
export SWIFT_BACKTRACE=enable=no
swift build -c release --scratch-path .build-fuzz --product "$target" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null

# New inputs go to a scratch corpus; the committed seeds are read, never written.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p Fuzz/crashes
echo "fuzzing $target for $seconds s"
# The fuzzer's own status decides (a crash, a leak or a timeout fails); the filter only trims output.
set +e
.build-fuzz/release/"$target" "$work" "Fuzz/corpus/$target" "Fuzz/regressions/$target" \
  -dict="Fuzz/dict/$target.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="Fuzz/crashes/$target-" -print_final_stats=1 2>&1 | grep -E "^#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|ERROR|SUMMARY|Done"
status=${PIPESTATUS[0]}
set -e
exit "$status"
