#!/bin/sh
# SPDX-License-Identifier: MIT
# Run each libFuzzer harness for SECONDS with a seed corpus from samples/ and tests/,
# print its execution count, and keep any crash as a regression input.
# Usage: tests/fuzz/run.sh SECONDS FUZZER...
set -u
secs=$1
shift
seeds=build/fuzz/seeds
mkdir -p "$seeds"
for f in samples/* tests/rules/* tests/drafts/* tests/fuzz/regressions/*; do
    [ -f "$f" ] && cp "$f" "$seeds/" 2>/dev/null
done
status=0
for fz in "$@"; do
    name=$(basename "$fz")
    corpus=build/fuzz/corpus-$name
    mkdir -p "$corpus"
    log=build/fuzz/$name.log
    "$fz" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -dict=tests/fuzz/essaylint.dict -artifact_prefix=build/fuzz/"$name"- \
        "$corpus" "$seeds" >"$log" 2>&1
    st=$?
    runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1)
    if [ $st -ne 0 ]; then
        echo "fuzz: $name FOUND A PROBLEM (exit $st); see $log" >&2
        for a in build/fuzz/"$name"-*; do
            [ -f "$a" ] && cp "$a" tests/fuzz/regressions/ && echo "fuzz: kept $a in tests/fuzz/regressions/" >&2
        done
        tail -30 "$log" >&2
        status=1
    else
        echo "fuzz: $name: ${runs:-no count} in ${secs}s, no finding"
    fi
done
exit $status
