#!/bin/sh
# SPDX-License-Identifier: MIT
# Hostile inputs, generated at test time: each must give a report or a clear error,
# within a time bound, with valid JSON, and never a crash.
# Usage: tests/hostile.sh BIN JSONCHECK   (HOSTILE_SLOW=1 under sanitizers: longer bounds)
set -u
bin=$1
jsoncheck=$2
limit=${HOSTILE_LIMIT:-15}
# Under sanitizers everything runs ~10x slower: bound it longer and scale the largest inputs
# down 4x (make check runs them at full size).
big=1
[ "${HOSTILE_SLOW:-0}" = 1 ] && limit=$((limit * 8)) && big=4
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0

# run NAME FILE...: analyse with jsonl and json; check status, time bound and JSON.
run() {
    name=$1
    shift
    start=$(date +%s)
    timeout "$limit" "$bin" --format jsonl "$@" >"$tmp/out.jsonl" 2>"$tmp/err"
    st=$?
    end=$(date +%s)
    why=""
    if [ $st -eq 124 ]; then
        why="timed out after ${limit}s"
    elif [ $st -gt 2 ]; then
        why="exit status $st (crash?)"
    else
        n=$("$jsoncheck" jsonl <"$tmp/out.jsonl") || why="invalid JSON lines"
        [ -z "$why" ] && [ "$n" -ne $# ] && why="$n reports for $# inputs"
    fi
    if [ -z "$why" ]; then
        timeout "$limit" "$bin" --format json "$@" >"$tmp/out.json" 2>/dev/null
        "$jsoncheck" json <"$tmp/out.json" >/dev/null || why="invalid JSON envelope"
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
        echo "hostile: ok   $name ($((end - start))s, exit $st)"
    else
        fail=$((fail + 1))
        echo "hostile: FAIL $name: $why" >&2
        head -c 400 "$tmp/err" >&2
    fi
}

# repeat STRING COUNT > file (no trailing newline)
repeat() {
    awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

: >"$tmp/empty.txt"
run empty "$tmp/empty.txt"
printf '  \n\t\n\343\200\200\343\200\200\n\n' >"$tmp/ws.txt"
run whitespace-only "$tmp/ws.txt"
printf 'abc\000def\000\n' >"$tmp/nul.txt"
run nul-bytes "$tmp/nul.txt"
printf '\346\240\207\351\242\230\n\377\376\375 \344\270 \n' >"$tmp/bad.md"
run invalid-utf8 "$tmp/bad.md"
printf '\344\270\255\346\226\207\344' >"$tmp/trunc.txt"
run truncated-utf8 "$tmp/trunc.txt"
printf '\377\376\007\150\230\230\012\000' >"$tmp/u16bom.txt"
run utf16-bom "$tmp/u16bom.txt"
printf 'a\000b\000c\000\012\000' >"$tmp/u16.txt"
run utf16-no-bom "$tmp/u16.txt"
repeat '基层治理，浙江省杭州市推行“红管家”，3200余件；' $((700000 / big)) >"$tmp/long.txt"
run 30mb-single-line "$tmp/long.txt"
repeat '“' 200000 >"$tmp/q1.txt"
run 200k-unmatched-quotes "$tmp/q1.txt"
repeat '《' 200000 >"$tmp/q2.md"
run 200k-unmatched-book-marks "$tmp/q2.md"
repeat '>' 50000 >"$tmp/nest.md"
echo ' 深' >>"$tmp/nest.md"
run 50k-blockquote-nesting "$tmp/nest.md"
awk 'BEGIN { for (i = 0; i < 50000; i++) { for (j = 0; j < i % 200; j++) printf "  "; print "- 项" } }' >"$tmp/list.md"
run 50k-list-nesting "$tmp/list.md"
awk 'BEGIN { for (i = 0; i < 50000; i++) print "## 分论点" i "：标题" }' >"$tmp/heads.md"
run 50k-headings "$tmp/heads.md"
repeat '1234567890' 100000 >"$tmp/digits.txt"
run 1mb-digits "$tmp/digits.txt"
repeat '99999999999999999999999999999999999999万亿元，' 20000 >"$tmp/huge.txt"
run huge-numbers "$tmp/huge.txt"
repeat '浙江省' 350000 >"$tmp/place.txt"
run 1mb-one-place "$tmp/place.txt"
repeat '某村某县某小区' 100000 >"$tmp/anon.txt"
run anonymised-places "$tmp/anon.txt"
awk 'BEGIN { for (i = 1; i < 32; i++) if (i != 10) printf "%c文字", i; print "" }' >"$tmp/ctl.txt"
run control-characters "$tmp/ctl.txt"
repeat '1.\n' 100000 >"$tmp/nums.txt"
run 100k-number-lines "$tmp/nums.txt"
repeat '。' 1000000 >"$tmp/stops.txt"
run 1m-sentence-ends "$tmp/stops.txt"
{ printf '标题\n'; repeat '分论点一：加强建设\n　　某县投入3亿元，“要”。\n结尾\n　　总之，好。\n' $((50000 / big)); } >"$tmp/sections.txt"
run 200k-sections "$tmp/sections.txt"
{ printf '标题\n'; repeat '<!--\n' $((200000 / big)); } >"$tmp/open-comments.txt"
run 200k-unclosed-comment-lines "$tmp/open-comments.txt"
{ printf '# 标题\n\n'; repeat '甲,乙<!-- essaylint-disable-line punct/halfwidth -->丙,丁\n' $((100000 / big)); } >"$tmp/inline-comments.md"
run 100k-inline-comments "$tmp/inline-comments.md"
{ printf '# 标题\n\n'; repeat '`a`甲,乙' $((300000 / big)); } >"$tmp/code-spans.md"
run 300k-code-spans "$tmp/code-spans.md"
long=$(repeat x 240)
printf '标题\n正文。\n' >"$tmp/$long.md"
run long-file-name "$tmp/$long.md"
printf '标题\n正文。\n' >"$tmp/name with spaces.txt"
run spaces-in-name "$tmp/name with spaces.txt"
printf '标题\n正文。\n' >"$tmp/$(printf 'bad\377name').txt"
run non-utf8-name "$tmp/$(printf 'bad\377name').txt"
run missing-file "$tmp/does-not-exist.md"
mkdir -p "$tmp/dir"
ln -s "$tmp/nowhere.md" "$tmp/dir/dangling.md"
ln -s "$tmp/dir" "$tmp/dir/loop"
printf '标题\n正文。\n' >"$tmp/dir/ok.md"
timeout "$limit" "$bin" --format jsonl "$tmp/dir" >"$tmp/dir.jsonl" 2>/dev/null
n=$("$jsoncheck" jsonl <"$tmp/dir.jsonl" 2>/dev/null || echo 0)
if [ "$n" -ge 2 ] && grep -q dangling "$tmp/dir.jsonl" && grep -q ok.md "$tmp/dir.jsonl"; then
    pass=$((pass + 1))
    echo "hostile: ok   folder with dangling link and loop ($n reports)"
else
    fail=$((fail + 1))
    echo "hostile: FAIL folder with dangling link and loop ($n reports)" >&2
fi
cp "$(command -v ls)" "$tmp/x.md"
"$bin" "$tmp/x.md" >/dev/null 2>"$tmp/err"
st=$?
if [ $st -eq 2 ] && grep -q 'x.md' "$tmp/err"; then
    pass=$((pass + 1))
    echo "hostile: ok   binary file named .md exits 2 and names it"
else
    fail=$((fail + 1))
    echo "hostile: FAIL binary file named .md: exit $st" >&2
fi

# Every input a fuzzer ever crashed on stays a regression test.
for f in tests/fuzz/regressions/*; do
    [ -f "$f" ] || continue
    cp "$f" "$tmp/regression.md"
    run "regression $(basename "$f")" "$tmp/regression.md"
done

echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
