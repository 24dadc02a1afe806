#!/bin/sh
# SPDX-License-Identifier: MIT
# Measure the case and statistics extractors against the hand-made truth files:
# every samples/<name> that has a tests/accuracy/<name>.json is analysed with
# `BIN --format jsonl`, and tests/accuracy.c (compiled here, linked with cJSON)
# prints per-file and total precision and recall of cases and statistics, the
# agreement of polarity, names, statistic kinds and section kinds, and every
# missing or spurious item. Fails when a total precision or recall is below
# ACCURACY_MIN (default 0.95).
#
# Usage: sh tests/accuracy.sh BIN        (what `make accuracy` runs)
set -u

bin=${1:?usage: tests/accuracy.sh BIN}
root=$(cd "$(dirname "$0")/.." && pwd)
min=${ACCURACY_MIN:-0.95}
cc=${CC:-cc}
work=$(mktemp -d "${TMPDIR:-/tmp}/essaylint-accuracy.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM

cjson=$(pkg-config --cflags --libs libcjson 2>/dev/null || echo "-I/usr/include/cjson -lcjson")
# shellcheck disable=SC2086 # $cjson is a list of flags
if ! $cc -std=c11 -O1 -o "$work/accuracy" "$root/tests/accuracy.c" $cjson -lm; then
    echo "accuracy: cannot build tests/accuracy.c (needs a C compiler and libcjson)" >&2
    exit 2
fi

set --
for truth in "$root"/tests/accuracy/*.json; do
    [ -e "$truth" ] || continue
    name=$(basename "$truth" .json)
    sample="$root/samples/$name"
    if [ ! -f "$sample" ]; then
        echo "accuracy: no sample for $truth" >&2
        continue
    fi
    out="$work/$name.jsonl"
    # Exit status 1 only means a finding reached the failing severity: irrelevant here.
    "$bin" --format jsonl "$sample" >"$out" 2>"$work/$name.err"
    rc=$?
    if [ "$rc" -gt 1 ]; then
        echo "accuracy: $bin failed on $name (exit $rc):" >&2
        cat "$work/$name.err" >&2
    fi
    set -- "$@" "$truth" "$out"
done

if [ "$#" -eq 0 ]; then
    echo "accuracy: no truth files under tests/accuracy/" >&2
    exit 2
fi
"$work/accuracy" --min "$min" "$@"
