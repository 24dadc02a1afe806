#!/bin/sh
# SPDX-License-Identifier: MIT
# `make profile`: where essaylint spends its instructions, for whoever optimises next. Runs
# essaylint (jsonl, -j 1) under callgrind over the first 300 drafts of the benchmark corpus
# and prints the instruction total per input byte and the top 30 functions, inclusive and
# exclusive. Instruction counts are repeatable where wall time is not, so a change can be
# judged on one run; perf, when present, is suggested for what callgrind does not see.
# Usage: tests/bench/profile.sh ESSAYLINT BUILD_DIR
# Needs BUILD_DIR/bench/gencorpus and valgrind. Shares BUILD_DIR/bench-corpus with bench.sh
# (same BENCH_FILES, BENCH_BIG_MB, BENCH_SAMPLES); PROFILE_FILES (300) sets the subset size.
# Keeps the raw profile in BUILD_DIR/profile.callgrind.
set -eu

[ $# -eq 2 ] || { echo "usage: $0 ESSAYLINT BUILD_DIR" >&2; exit 2; }
essaylint=$1
build=$2
here=$(cd "$(dirname "$0")" && pwd)
samples=${BENCH_SAMPLES:-$here/../../samples}
count=${PROFILE_FILES:-300}
gencorpus=$build/bench/gencorpus
corpus=$build/bench-corpus
tree=$corpus/tree
subset=$build/bench-profile
out=$build/profile.callgrind

for tool in "$essaylint" "$gencorpus"; do
    [ -x "$tool" ] || { echo "profile: $tool is missing (run make profile)" >&2; exit 2; }
done
for tool in valgrind callgrind_annotate; do
    command -v "$tool" >/dev/null 2>&1 ||
        { echo "profile: $tool is missing (Debian: apt-get install valgrind)" >&2; exit 2; }
done

"$gencorpus" "$samples" "$corpus" --files "${BENCH_FILES:-10000}" --big-mb "${BENCH_BIG_MB:-50}"
# A flat copy of the first drafts, so one folder argument walks exactly them.
rm -rf "$subset"
mkdir -p "$subset"
find "$tree" -type f | LC_ALL=C sort | head -n "$count" | while IFS= read -r f; do
    rel=${f#"$tree"/}
    cp "$f" "$subset/$(echo "$rel" | tr / -)"
done
nfiles=$(find "$subset" -type f | wc -l)
bytes=$(($(find "$subset" -type f -print0 | xargs -0 cat | wc -c)))

echo "profile: callgrind over $nfiles drafts ($bytes bytes); this takes a while" >&2
st=0
valgrind -q --tool=callgrind --callgrind-out-file="$out" \
    "$essaylint" --no-progress --format jsonl -j 1 "$subset" >/dev/null || st=$?
# Exit status 1 only means essaylint found something in the drafts.
[ "$st" -le 1 ] || { echo "profile: essaylint failed under valgrind (status $st)" >&2; exit 2; }

# top LABEL INCLUSIVE: the first 30 rows of callgrind_annotate's function table, with
# directories cut from source files and objects so the names fit a terminal.
top() {
    echo
    echo "Top 30 functions, $1 (instructions):"
    callgrind_annotate --inclusive="$2" --threshold=100 --auto=no "$out" |
        awk '/file:function/ { body = 1; getline; next }
             body && NF == 0 { exit }
             body && n++ < 30 { print }' |
        sed -e 's|[^ ]*/\([^/ ]*:\)|\1|' -e 's|\[[^]]*/\([^]/]*\)\]$|[\1]|'
}

total=$(callgrind_annotate --auto=no "$out" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
awk -v t="$total" -v b="$bytes" -v n="$nfiles" 'BEGIN {
    printf "Total: %.0f instructions for %d drafts, %d bytes: %.0f per input byte\n", t, n, b, t / b
}'
top inclusive yes
top exclusive no

echo
echo "Raw profile: $out (callgrind_annotate --tree=caller $out, or kcachegrind)."
if command -v perf >/dev/null 2>&1; then
    echo "perf is installed: it samples real time (cache misses, system calls, threads) that"
    echo "callgrind does not count. Try:"
    echo "  perf record -g -o $build/perf.data $essaylint --no-progress --format jsonl -j 1 $corpus/tree >/dev/null"
    echo "  perf report -i $build/perf.data --no-children"
    echo "(if perf is refused: sysctl kernel.perf_event_paranoid=1)"
fi
