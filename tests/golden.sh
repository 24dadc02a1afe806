#!/bin/sh
# SPDX-License-Identifier: MIT
# Golden tests: every draft in samples/ has its expected JSON and text report under
# tests/golden/. `check` compares (a readable diff on mismatch), `update` regenerates.
# With SCHEMACHECK (tests/schemacheck.c), every JSON output is also validated against the
# report contract's schema, tests/report.schema.json (see the end of this file).
# Usage: tests/golden.sh check|update BIN [SCHEMACHECK]
# GOLDEN_RUNNER runs BIN under a tool (make leakcheck: valgrind --error-exitcode=99); an
# exit status of 99 (the tool found an error) fails the draft.
set -u
mode=$1
bin=$2
schemacheck=${3:-}
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

# The report contract: the JSON lines of every draft (the goldens), the --format json envelope
# of all samples plus an unreadable path (ok false, the summary), and --jsonl-input records
# (ids, bad_input lines) must validate against the schema.
schema=tests/report.schema.json
file_ref='#/$defs/file'

# must_reject NAME REASON SRC SED-SCRIPT [SCHEMACHECK-OPTIONS]: SRC edited by SED-SCRIPT must
# be rejected (status 1) with REASON among the violations, so that a validator passing
# everything fails here.
must_reject() {
    mr_name=$1
    mr_reason=$2
    mr_src=$3
    sed "$4" "$mr_src" >"$tmp/broken.doc"
    shift 4
    if cmp -s "$mr_src" "$tmp/broken.doc"; then
        echo "golden: schema self-test $mr_name: the edit did not apply to $mr_src" >&2
        return 1
    fi
    "$schemacheck" "$@" "$schema" "$tmp/broken.doc" >"$tmp/broken.out" 2>&1
    mr_st=$?
    if [ $mr_st -ne 1 ] || ! grep -qF -- "$mr_reason" "$tmp/broken.out"; then
        echo "golden: schema self-test $mr_name: not rejected with \"$mr_reason\" (status $mr_st):" >&2
        head -5 "$tmp/broken.out" >&2
        return 1
    fi
}

if [ -z "$schemacheck" ]; then
    echo "golden: schema validation skipped (no SCHEMACHECK given)" >&2
else
    ok=1
    if ! "$schemacheck" --self-test >"$tmp/schema.out" 2>&1; then
        cat "$tmp/schema.out" >&2
        ok=0
    fi
    # The drafts' JSON lines as just produced: in check mode the goldens (or the comparison
    # above failed), in update mode what was written.
    if ! "$schemacheck" --lines --ref "$file_ref" "$schema" "$tmp"/*.json >"$tmp/schema.out" 2>&1; then
        echo "golden: JSON output violates $schema:" >&2
        head -40 "$tmp/schema.out" >&2
        ok=0
    fi
    "$bin" --format json samples "$tmp/no-such-draft.md" >"$tmp/all.envelope" 2>/dev/null
    printf '%s\n' '{"id": 17, "text": "以创新驱动激活发展新动能\n\n正文一段。", "path": "c/17.txt"}' \
        'not json' '{"id": "x", "text": 5}' '[1]' '{"id": 18446744073709551615, "text": ""}' |
        "$bin" --jsonl-input --fail-on never >"$tmp/input.records" 2>/dev/null
    if ! "$schemacheck" "$schema" "$tmp/all.envelope" >"$tmp/schema.out" 2>&1 ||
        ! "$schemacheck" --lines --ref "$file_ref" "$schema" "$tmp/input.records" >>"$tmp/schema.out" 2>&1; then
        echo "golden: the json envelope or the --jsonl-input records violate $schema:" >&2
        head -40 "$tmp/schema.out" >&2
        ok=0
    fi
    # Broken documents, each one edit away from a valid one, must be rejected.
    doc=$tmp/06-culture-annotated.txt.json
    while IFS='|' read -r name reason script; do
        must_reject "$name" "$reason" "$doc" "$script" --lines --ref "$file_ref" || ok=0
    done <<'EDITS'
ok-type|expected true, got "true"|s/"ok":true/"ok":"true"/
missing-field|missing required property "encoding"|s/"encoding":"utf-8",//
renamed-field|property "format" is not allowed|s/"input_format"/"format"/
failed-with-analysis|property "error" is not allowed|s/"ok":true/"ok":false,"error":{"code":"not_found","message":"x"}/
extra-field|property "colour" is not allowed|s/"counts":{/"counts":{"colour":1,/
duplicate-key|duplicate property "path"|s/"path":"[^"]*",/&&/
severity-enum|"warn" is not one of|s/"severity":"warning"/"severity":"warn"/
section-kind|got "argumnt"|s/"kind":"argument"/"kind":"argumnt"/
evidence-missing|missing required property "evidence"|s/,"evidence":{[^}]*}//
evidence-elsewhere|property "evidence" is not allowed|s/"kind":"intro",/&"evidence":{"case":true,"data":true,"counter_example":true,"countermeasure":true},/
line-zero|is below the minimum 1|s/"line":[0-9]*/"line":0/
section-type|expected integer or null, got string|s/"section":0/"section":"0"/
region-enum|"south" is not one of|s/"region":"east"/"region":"south"/
region-twice|are equal|s/"east":\["\([^"]*\)"/"east":["\1","\1"/
stat-index|is below the minimum 0|s/"statistics":\[0\]/"statistics":[-1]/
value-type|expected number, got string|s/"value":\([0-9.]*\)/"value":"\1"/
rule-id|does not match|s/"rule":"\([a-z]*\)\//"rule":"\1./
empty-text|string shorter than 1|s/"place":"[^"]*"/"place":""/
truncated|not valid JSON|s/}$//
two-lines|an empty line|s/$/\n/
EDITS
    env=$tmp/all.envelope
    must_reject envelope-schema 'expected "essaylint/1"' "$env" 's/"schema":"essaylint\/1"/"schema":"essaylint\/2"/' || ok=0
    must_reject envelope-summary 'missing required property "failed"' "$env" 's/"failed":[0-9]*,//' || ok=0
    must_reject envelope-error 'missing required property "message"' "$env" 's/,"message":"No such file or directory"//' || ok=0
    : >"$tmp/empty.jsonl"
    "$schemacheck" --lines --ref "$file_ref" "$schema" "$tmp/empty.jsonl" >"$tmp/broken.out" 2>&1
    if [ $? -ne 1 ] || ! grep -qF "no JSON lines" "$tmp/broken.out"; then
        echo "golden: schema self-test empty-output: an empty JSON lines output was not rejected" >&2
        ok=0
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
fi

if [ "$mode" = update ]; then
    echo "golden: regenerated $dir from samples/; review with git diff"
    [ "$fail" -eq 0 ]
    exit
fi
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
