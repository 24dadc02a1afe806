#!/bin/sh
# SPDX-License-Identifier: MIT
# The benchmark of issue #6 (`make bench`): generate the corpus, time essaylint side by side
# with the `wc -m` decode floor in one invocation, print a Markdown table and check the five
# performance targets. The cases run in rounds (every case once per round) rather than one
# case after another, so a load that comes and goes on a shared machine hits all of them and
# the ratios hold; each figure is the median over the rounds, peak RSS the largest. MB are
# 10^6 bytes.
# Usage: tests/bench/bench.sh ESSAYLINT BUILD_DIR
# Needs BUILD_DIR/bench/gencorpus and BUILD_DIR/bench/runone (built by `make bench`).
# Environment: BENCH_RUNS (5), BENCH_STARTUP_RUNS (20), BENCH_FILES (10000), BENCH_BIG_MB (50),
# BENCH_SAMPLES (the samples/ of this tree), BENCH_STRICT=1 (exit 1 when a target fails).
# The table and the verdicts are also written to BUILD_DIR/bench.md.
set -eu

[ $# -eq 2 ] || { echo "usage: $0 ESSAYLINT BUILD_DIR" >&2; exit 2; }
essaylint=$1
build=$2
here=$(cd "$(dirname "$0")" && pwd)
samples=${BENCH_SAMPLES:-$here/../../samples}
runs=${BENCH_RUNS:-5}
startup_runs=${BENCH_STARTUP_RUNS:-20}
files=${BENCH_FILES:-10000}
big_mb=${BENCH_BIG_MB:-50}
gencorpus=$build/bench/gencorpus
runone=$build/bench/runone
corpus=$build/bench-corpus
tree=$corpus/tree
big=$corpus/big.txt

for tool in "$essaylint" "$gencorpus" "$runone"; do
    [ -x "$tool" ] || { echo "bench: $tool is missing (run make bench)" >&2; exit 2; }
done
ncpu=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)

"$gencorpus" "$samples" "$corpus" --files "$files" --big-mb "$big_mb"
nfiles=$(find "$tree" -type f | wc -l)
tree_bytes=$(($(find "$tree" -type f -print0 | xargs -0 cat | wc -c)))
big_bytes=0
[ -f "$big" ] && big_bytes=$(($(wc -c <"$big")))
# The start-up case: the smallest of the first hundred drafts (a typical one of 3-4 KB).
one=$(find "$tree" -type f | LC_ALL=C sort | head -n 100 | xargs wc -c | grep -v ' total$' |
    sort -n | awk 'NR == 1 { print $2 }')
one_bytes=$(($(wc -c <"$one")))
# essaylint refuses inputs above 64M unless told otherwise (BENCH_BIG_MB may ask for more).
maxsize=$((big_bytes / 1000000 + 64))M

runs_file=$build/bench.runs
: >"$runs_file"
# measure KEY LABEL BYTES FILES REFKEY COMMAND...: one timed run, appended to $runs_file (the
# reference case's time is the denominator of the ratio column). It may run in a subshell
# (for wc -m in the UTF-8 locale without an extra exec), so it keeps no other state.
measure() {
    key=$1 label=$2 bytes=$3 count=$4 ref=$5
    shift 5
    # Linters exit 1 when they find something; that is a success here.
    r=$("$runone" -n 1 -x 1 -o /dev/null -- "$@") ||
        { echo "bench: failed: $*" >&2; exit 2; }
    echo "$key|$label|${r% *}|${r#* }|$bytes|$count|$ref" >>"$runs_file"
}
floor='find "$1" -type f -print0 | xargs -0 cat | LC_ALL=C.UTF-8 wc -m'
# run_case KEY: the command of each case.
run_case() {
    case $1 in
    wc) measure wc "wc -m, $nfiles files" "$tree_bytes" "$nfiles" wc sh -c "$floor" sh "$tree" ;;
    j1) measure j1 "essaylint jsonl -j 1, $nfiles files" "$tree_bytes" "$nfiles" wc \
        "$essaylint" --no-progress --format jsonl -j 1 "$tree" ;;
    text1) measure text1 "essaylint text -j 1, $nfiles files" "$tree_bytes" "$nfiles" wc \
        "$essaylint" --no-progress --format text -j 1 "$tree" ;;
    jn) measure jn "essaylint jsonl -j $ncpu, $nfiles files" "$tree_bytes" "$nfiles" wc \
        "$essaylint" --no-progress --format jsonl -j "$ncpu" "$tree" ;;
    j2) measure j2 "essaylint jsonl -j 2, $nfiles files" "$tree_bytes" "$nfiles" wc \
        "$essaylint" --no-progress --format jsonl -j 2 "$tree" ;;
    wcbig) (export LC_ALL=C.UTF-8 && measure wcbig "wc -m, one $big_mb MB file" "$big_bytes" 1 \
        wcbig wc -m "$big") ;;
    big) measure big "essaylint jsonl -j 1, one $big_mb MB file" "$big_bytes" 1 wcbig \
        "$essaylint" --no-progress --max-size "$maxsize" --format jsonl -j 1 "$big" ;;
    wcone) (export LC_ALL=C.UTF-8 && measure wcone "wc -m, one draft" "$one_bytes" 1 wcone \
        wc -m "$one") ;;
    one) measure one "essaylint jsonl, one draft" "$one_bytes" 1 wcone \
        "$essaylint" --no-progress --format jsonl -j 1 "$one" ;;
    esac
}

cases="wc j1 text1 jn"
# The -j 2 target is about two threads; on a machine with more cores, measure it too.
[ "$ncpu" -gt 2 ] && cases="$cases j2"
[ "$big_bytes" -gt 0 ] && cases="$cases wcbig big"
round=1
while [ "$round" -le "$runs" ]; do
    for c in $cases; do
        echo "bench: round $round/$runs: $c" >&2
        run_case "$c"
    done
    round=$((round + 1))
done
echo "bench: start-up, $startup_runs rounds" >&2
round=1
while [ "$round" -le "$startup_runs" ]; do
    run_case wcone
    run_case one
    round=$((round + 1))
done

# One row per case, in the order of first appearance: median seconds, largest RSS.
rows=$build/bench.rows
awk -F'|' '
    !($1 in seen) { seen[$1] = ++k; order[k] = $1; info[$1] = $2 "|" $5 "|" $6 "|" $7 }
    { n = ++cnt[$1]; t[$1, n] = $3; if ($4 > rss[$1]) rss[$1] = $4 }
    END {
        for (i = 1; i <= k; i++) {
            key = order[i]; n = cnt[key]
            for (a = 2; a <= n; a++) { # insertion sort: a handful of runs
                v = t[key, a]
                for (b = a - 1; b >= 1 && t[key, b] > v; b--) t[key, b + 1] = t[key, b]
                t[key, b + 1] = v
            }
            m = n % 2 ? t[key, (n + 1) / 2] : (t[key, n / 2] + t[key, n / 2 + 1]) / 2
            split(info[key], f, "|")
            printf "%s|%s|%.6f|%d|%s|%s|%s\n", key, f[1], m, rss[key], f[2], f[3], f[4]
        }
    }' "$runs_file" >"$rows"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
version=$("$essaylint" --version 2>/dev/null | head -n 1 || true)
report=$build/bench.md
{
    echo "Measured on: ${cpu:-unknown CPU}, $ncpu CPUs, $(uname -sr); $version."
    echo "Corpus: $nfiles drafts, $tree_bytes bytes; big file $big_bytes bytes." \
        "Median of $runs rounds ($startup_runs for one draft)."
    echo
    awk -F'|' '
    { label[NR] = $2; t[NR] = $3; rss[NR] = $4; bytes[NR] = $5; n[NR] = $6; ref[NR] = $7
      tk[$1] = $3 }
    END {
        print "| case | seconds | MB/s | files/s | peak RSS MB | × wc -m |"
        print "|:--|--:|--:|--:|--:|--:|"
        for (i = 1; i <= NR; i++) {
            secs = sprintf(t[i] < 0.1 ? "%.4f" : "%.3f", t[i])
            rate = sprintf("%.0f", n[i] / t[i])
            if (n[i] == 1 && bytes[i] > 1e6)
                rate = "–" # one big file: files/s says nothing
            printf "| %s | %s | %.1f | %s | %.1f | %.2f |\n", label[i], secs,
                bytes[i] / 1e6 / t[i], rate, rss[i] * 1024 / 1e6, t[i] / tk[ref[i]]
        }
    }' "$rows"
    echo
    awk -F'|' -v ncpu="$ncpu" '
    { t[$1] = $3; rss[$1] = $4 * 1024; bytes[$1] = $5; have[$1] = 1 }
    function verdict(ok, what) { printf "- %s %s\n", ok ? "PASS" : "FAIL", what }
    END {
        r = t["j1"] / t["wc"]
        verdict(r <= 1.5, sprintf("jsonl -j 1 on the batch takes %.2f× the time of wc -m (target ≤ 1.5×)", r))
        j2 = have["j2"] ? "j2" : "jn"
        if (ncpu < 2)
            print "- SKIP -j 2 throughput: one CPU"
        else {
            r = t["j1"] / t[j2]
            verdict(r >= 1.8, sprintf("-j 2 throughput is %.2f× the -j 1 throughput (target ≥ 1.8×)", r))
        }
        verdict(t["one"] < 0.005, sprintf("one draft, start to exit: %.1f ms (target < 5 ms)", t["one"] * 1000))
        m = 0
        split("j1 text1 jn j2", k, " ")
        for (i in k)
            if (have[k[i]] && rss[k[i]] > m)
                m = rss[k[i]]
        if (have["big"]) {
            r = rss["big"] / bytes["big"]
            verdict(m < 30e6 && r < 8, sprintf("peak RSS: batch %.1f MB (target < 30 MB), big file %.1f MB = %.2f× its size (target < 8×)", m / 1e6, rss["big"] / 1e6, r))
            r = (t["big"] / bytes["big"]) / (t["j1"] / bytes["j1"])
            verdict(r <= 1.3, sprintf("linear: seconds per MB on the big file are %.2f× those of the batch (target ≤ 1.3×)", r))
        } else {
            verdict(m < 30e6, sprintf("peak RSS: batch %.1f MB (target < 30 MB); no big file", m / 1e6))
            print "- SKIP linear: no big file (BENCH_BIG_MB=0)"
        }
    }' "$rows"
} >"$report"
rm -f "$runs_file" "$rows"
cat "$report"
echo "bench: written to $report" >&2
if [ "${BENCH_STRICT:-0}" = 1 ] && grep -q '^- FAIL' "$report"; then
    exit 1
fi
exit 0
