#!/bin/sh
# SPDX-License-Identifier: MIT
# Golden tests: every draft in samples/ has its expected JSON and text report under
# tests/golden/. `check` compares (a readable diff on mismatch), `update` regenerates.
# Usage: tests/golden.sh check|update BIN
# GOLDEN_RUNNER runs BIN under a tool (make leakcheck: valgrind --error-exitcode=99); an
# exit status of 99 (the tool found an error) fails the draft.
set -u
mode=$1
bin=$2
dir=tests/golden
mkdir -p "$dir"
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One JSON member per line, so a diff points at the field that changed.
split_json() {
    sed 's/,"/,\n"/g; s/\[{/[\n{/g; s/}\]/}\n]/g' "$1"
}

for f in samples/*; do
    case "$f" in *.md | *.markdown | *.txt) ;; *) continue ;; esac
    name=$(basename "$f")
    ${GOLDEN_RUNNER:-} "$bin" --format jsonl "$f" >"$tmp/$name.json" 2>"$tmp/$name.err"
    st1=$?
    ${GOLDEN_RUNNER:-} "$bin" --format text --color=never "$f" >"$tmp/$name.txt" 2>>"$tmp/$name.err"
    st2=$?
    if [ $st1 -eq 99 ] || [ $st2 -eq 99 ]; then
        echo "golden: $f: ${GOLDEN_RUNNER%% *} found an error:" >&2
        head -40 "$tmp/$name.err" >&2
        fail=$((fail + 1))
        continue
    fi
    if [ "$mode" = update ]; then
        cp "$tmp/$name.json" "$dir/$name.json"
        cp "$tmp/$name.txt" "$dir/$name.txt"
        continue
    fi
    ok=1
    for ext in json txt; do
        if [ ! -f "$dir/$name.$ext" ]; then
            echo "golden: $dir/$name.$ext is missing (run make golden)" >&2
            ok=0
        elif ! cmp -s "$tmp/$name.$ext" "$dir/$name.$ext"; then
            echo "golden: $f: $ext output differs from $dir/$name.$ext:" >&2
            if [ "$ext" = json ]; then
                split_json "$dir/$name.json" >"$tmp/want"
                split_json "$tmp/$name.json" >"$tmp/got"
                diff -u "$tmp/want" "$tmp/got" | head -60 >&2
            else
                diff -u "$dir/$name.txt" "$tmp/$name.txt" | head -60 >&2
            fi
            ok=0
        fi
    done
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
# The GB18030+CRLF twin must report exactly what its UTF-8 original reports
# (counts, every position), but for its path and encoding.
twin() {
    sed 's/"path":"[^"]*"//; s/"encoding":"[^"]*"//' "$1"
}
a=$tmp/01-rural-plain.txt.json
b=$tmp/02-rural-plain-gb18030-crlf.txt.json
if [ "$mode" = check ] && [ -s "$a" ] && [ -s "$b" ]; then
    if [ "$(twin "$a")" = "$(twin "$b")" ]; then
        pass=$((pass + 1))
    else
        echo "golden: the GB18030+CRLF twin differs from its UTF-8 original" >&2
        fail=$((fail + 1))
    fi
fi

if [ "$mode" = update ]; then
    echo "golden: regenerated $dir from samples/; review with git diff"
    exit 0
fi
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
