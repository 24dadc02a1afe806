#!/bin/sh
# SPDX-License-Identifier: MIT
# Command-line tests: output formats and their shapes, -j determinism, stdin, JSONL input,
# exit status, folders with broken entries, ignore files and --exclude, closed pipes and
# full disks, summaries and CSV, and a GNU parallel run. Each case prints one line; the
# last line is "N passed, M failed" and the exit status is non-zero on any failure.
# Usage: tests/cli/run.sh BIN   (run from anywhere; drafts come from samples/ when it has
# some, else from tests/cli/fixtures/)
set -u
[ $# -ge 1 ] || { echo "usage: $0 BIN" >&2; exit 2; }
case $1 in /*) bin=$1 ;; *) bin=$(pwd)/$1 ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0
skip=0

ok() { pass=$((pass + 1)); echo "cli: ok   $1"; }
no() { fail=$((fail + 1)); echo "cli: FAIL $1" >&2; }
skipped() { skip=$((skip + 1)); echo "cli: skip $1"; }
# check NAME COMMAND...: the case passes when the command succeeds.
check() {
    name=$1
    shift
    if "$@"; then ok "$name"; else no "$name"; fi
}

if ! command -v python3 >/dev/null 2>&1; then
    echo "cli: python3 is needed to check JSON shapes" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
# py CODE FILE...: run a Python check; it fails by raising.
py() {
    code=$1
    shift
    python3 -c "import json, sys, csv, io
$code" "$@"
}

# The drafts: samples/ when it is there, else our own fixtures.
src=$root/samples
if ! ls "$src"/*.md "$src"/*.txt >/dev/null 2>&1; then
    src=$here/fixtures
fi
drafts=$tmp/drafts
mkdir -p "$drafts"
cp "$src"/*.md "$src"/*.txt "$drafts"/ 2>/dev/null
cp "$here"/fixtures/bad.md "$drafts"/zz-bad.md
ndrafts=$(ls "$drafts" | wc -l)
cd "$tmp" || exit 1

# ---- formats ----------------------------------------------------------------------------

"$bin" --format json drafts >json.out 2>/dev/null
check "json: one document, envelope as the contract" py '
d = json.load(open(sys.argv[1]))
assert d["schema"] == "essaylint/1" and isinstance(d["version"], str)
assert len(d["files"]) == int(sys.argv[2])
s = d["summary"]
assert s["files"] == int(sys.argv[2]) and s["failed"] == 0
assert set(s["findings"]) == {"error", "warning", "info"} and isinstance(s["chars"], int)
for f in d["files"]:
    assert f["ok"] is True and f["path"].startswith("drafts/")
    for k in ("encoding", "input_format", "counts", "title", "theme", "sections", "cases",
              "statistics", "quotes", "devices", "regions", "findings"):
        assert k in f, k
' json.out "$ndrafts"

"$bin" --format jsonl drafts >jsonl.out 2>jsonl.err
check "jsonl: one FILE object per line, in sorted order, nothing on stderr" py '
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == int(sys.argv[2]), len(lines)
paths = [json.loads(l)["path"] for l in lines]
assert paths == sorted(paths), paths
assert open(sys.argv[3]).read() == ""
' jsonl.out "$ndrafts" jsonl.err

"$bin" --format jsonl --summary drafts >/dev/null 2>summary.err
check "jsonl --summary: the SUMMARY object on stderr" py '
s = json.loads(open(sys.argv[1]).read())
assert s["files"] == int(sys.argv[2])
' summary.err "$ndrafts"

"$bin" --format sarif drafts missing.md >sarif.out 2>/dev/null
check "sarif: 2.1.0 shape, every rule, locations, failed input as a notification" py '
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1.0" and d["$schema"].startswith("https://")
run = d["runs"][0]
drv = run["tool"]["driver"]
assert drv["name"] == "essaylint" and drv["version"]
rules = drv["rules"]
assert rules and len({r["id"] for r in rules}) == len(rules)
for r in rules:
    assert r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
    assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
assert run["results"], "no results"
for res in run["results"]:
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    assert res["level"] in ("error", "warning", "note") and res["message"]["text"]
    pl = res["locations"][0]["physicalLocation"]
    assert pl["artifactLocation"]["uri"].startswith("drafts/")
    assert run["artifacts"][pl["artifactLocation"]["index"]]["location"]["uri"] == pl["artifactLocation"]["uri"]
    assert pl["region"]["startLine"] >= 1 and pl["region"]["startColumn"] >= 1
assert len(run["artifacts"]) == int(sys.argv[2]) + 1
inv = run["invocations"][0]
assert inv["executionSuccessful"] is False
notes = inv["toolExecutionNotifications"]
assert len(notes) == 1 and notes[0]["descriptor"]["id"] == "not_found"
assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.md"
' sarif.out "$ndrafts"

"$bin" --list-rules >rules.out
check "--list-rules: every rule of the SARIF driver, aligned" py '
ids = [r["id"] for r in json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"]]
lines = open(sys.argv[2]).read().splitlines()
assert [l.split()[0] for l in lines] == ids
assert len({l.index(l.split()[1], len(l.split()[0])) for l in lines}) == 1
' sarif.out rules.out

"$bin" --color=always drafts/zz-bad.md >color.out 2>/dev/null
"$bin" drafts/zz-bad.md >plain.out 2>/dev/null
NO_COLOR=1 "$bin" --color=always drafts/zz-bad.md >nocolor.out 2>/dev/null
check "text: colour only when asked (auto is off in a pipe)" \
    sh -c 'grep -q "$(printf "\033")" color.out && ! grep -q "$(printf "\033")" plain.out &&
           grep -q "$(printf "\033")" nocolor.out'
check "text: path:line:col: severity: message [rule] lines, then a summary line" \
    sh -c 'grep -Eq "^drafts/zz-bad.md:[0-9]+:[0-9]+: (error|warning|info): .* \[[a-z]+/[a-z-]+\]$" plain.out &&
           tail -n 1 plain.out | grep -q "1"'

"$bin" --width 80 drafts >wrap80.out 2>/dev/null
"$bin" --width 0 drafts >wrap0.out 2>/dev/null
check "text --width 80: every line fits 80 columns; continuation lines rejoin to the unwrapped output" py '
import unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
wrapped = open(sys.argv[1]).read().splitlines()
plain = open(sys.argv[2]).read().splitlines()
assert max(width(l) for l in wrapped) <= 80, max(wrapped, key=width)
assert any(l.startswith("    ") and not l.startswith("     ") for l in wrapped)
joined = []
for l in wrapped:
    if l.startswith("    ") and joined and ": " not in l[:4] and ":" in joined[-1] and "[" not in joined[-1]:
        sep = " " if joined[-1].endswith(":") else ""
        joined[-1] += sep + l[4:]
    else:
        joined.append(l)
assert joined == plain, [(a, b) for a, b in zip(joined, plain) if a != b][:2]
' wrap80.out wrap0.out

# ---- summary and csv --------------------------------------------------------------------

"$bin" --summary --lang en drafts >table.out 2>/dev/null
check "--summary: header, one row per file, totals" py '
lines = open(sys.argv[1]).read().splitlines()
assert lines[0].split() == ["path", "chars", "args", "cases", "stats", "quotes", "errors", "warnings"]
assert len(lines) == int(sys.argv[2]) + 3, len(lines)
assert lines[-1].startswith(sys.argv[2] + " files")
' table.out "$ndrafts"

mkdir -p csvdir
cp drafts/zz-bad.md 'csvdir/a, "quoted".md'
"$bin" --format csv csvdir drafts/zz-bad.md nowhere.md >csv.out 2>/dev/null
check "csv: RFC 4180 (CRLF, quoted fields), one row per input" py '
raw = open(sys.argv[1], newline="").read()
assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", "")
rows = list(csv.reader(io.StringIO(raw, newline="")))
assert rows[0][:4] == ["path", "ok", "error", "chars"]
assert rows[1][0] == "csvdir/a, \"quoted\".md" and rows[1][1] == "true"
assert rows[2][0] == "drafts/zz-bad.md" and int(rows[2][8]) >= 1
assert rows[3][:3] == ["nowhere.md", "false", "not_found"]
assert len(rows) == 4
' csv.out

# ---- -j determinism ---------------------------------------------------------------------

mkdir -p many
i=0
while [ $i -lt 3 ]; do
    for f in drafts/*; do cp "$f" "many/c$i-$(basename "$f")"; done
    i=$((i + 1))
done
while [ "$(ls many | wc -l)" -lt 30 ]; do
    for f in drafts/*; do cp "$f" "many/d$i-$(basename "$f")"; done
    i=$((i + 1))
done
same=1
for fmt in text json jsonl sarif csv; do
    "$bin" -j 1 --format $fmt many >j1.$fmt 2>/dev/null
    "$bin" -j 4 --format $fmt many >j4.$fmt 2>/dev/null
    "$bin" -j 13 --format $fmt many >j13.$fmt 2>/dev/null
    cmp -s j1.$fmt j4.$fmt && cmp -s j1.$fmt j13.$fmt || same=0
done
check "-j 1, -j 4 and -j 13 byte-identical in every format ($(ls many | wc -l) files)" [ $same = 1 ]

# ---- stdin ------------------------------------------------------------------------------

"$bin" --format jsonl - <drafts/zz-bad.md >stdin1.out 2>/dev/null
"$bin" --format jsonl --stdin-filename class/essay.md - <"$here"/fixtures/plain.txt >stdin2.out 2>/dev/null
"$bin" --format jsonl --stdin-filename essay.txt <"$here"/fixtures/good.md >stdin3.out 2>/dev/null
check "stdin: '-' is the path; --stdin-filename names it and picks the format" py '
a = json.loads(open(sys.argv[1]).read())
b = json.loads(open(sys.argv[2]).read())
c = json.loads(open(sys.argv[3]).read())
assert a["path"] == "-" and a["ok"]
assert b["path"] == "class/essay.md" and b["input_format"] == "markdown"
assert c["path"] == "essay.txt" and c["input_format"] == "text"
' stdin1.out stdin2.out stdin3.out

# ---- --jsonl-input ----------------------------------------------------------------------

py '
import glob
out = open("records.jsonl", "w")
texts = []
for p in sorted(glob.glob("drafts/*")):
    try:
        texts.append((p, open(p, encoding="utf-8").read()))
    except UnicodeDecodeError:
        pass  # records carry text, not bytes: leave out drafts in other encodings
for i, (p, text) in enumerate(texts):
    rid = i if i % 2 else "r%d" % i
    out.write(json.dumps({"id": rid, "text": text, "path": p}, ensure_ascii=False) + "\n")
    if i == 1:
        out.write("{\"id\": \"broken\", \"text\": \n")
        out.write("\n")
        out.write(json.dumps({"id": [1, {"k": None}], "text": "节约用水\n\n人人有责。", "format": "text"}, ensure_ascii=False) + "\n")
        out.write(json.dumps({"id": 7.5, "text": 3}) + "\n")
'
"$bin" --jsonl-input <records.jsonl >records.out 2>records.err
st=$?
check "--jsonl-input: one report per record carrying its id; bad lines give bad_input" py '
recs = []
for line in open(sys.argv[1]):
    line = line.strip()
    if line:
        try:
            recs.append(json.loads(line))
        except ValueError:
            recs.append(None)
outs = [json.loads(l) for l in open(sys.argv[2])]
assert len(outs) == len(recs) and len(recs) >= 6, (len(outs), len(recs))
for r, o in zip(recs, outs):
    if r is None:
        # not JSON as a whole, but its "id" member came before the break
        assert o["id"] == "broken" and o["ok"] is False and o["error"]["code"] == "bad_input"
        assert o["error"]["line"] == 3 and "line 3" in o["error"]["message"]
    elif not isinstance(r.get("text"), str):
        assert o["id"] == r["id"] and o["error"]["code"] == "bad_input" and o["error"]["line"] == 6
    else:
        assert o["id"] == r["id"] and o["ok"] is True
        assert o["path"] == r.get("path", "-")
        if r.get("format") == "text":
            assert o["input_format"] == "text"
' records.jsonl records.out
check "--jsonl-input: exit 2 when a line was bad, with the line numbers on stderr" \
    sh -c "[ $st -eq 2 ] && grep -q 'line 3' records.err && grep -q 'line 6' records.err"

# Numbers beyond a double's 53 bits come back as written; a refused long line keeps its id.
printf '%s\n' '{"id": 9007199254740993, "text": "x"}' '{"id":12345678901234567890,"text":"y"}' \
    "{\"id\": 31, \"text\": \"$(printf '%05000d' 0)\"}" >bigid.jsonl
"$bin" --jsonl-input --max-size 1K <bigid.jsonl >bigid.out 2>/dev/null
check "--jsonl-input: numeric ids copied as written, also on a line over --max-size" sh -c '
    sed -n 1p bigid.out | grep -q "^{\"id\":9007199254740993," &&
    sed -n 2p bigid.out | grep -q "^{\"id\":12345678901234567890," &&
    sed -n 3p bigid.out | grep -q "^{\"id\":31,.*\"bad_input\""'

if command -v parallel >/dev/null 2>&1; then
    parallel --will-cite --pipe -N 2 "$bin" --jsonl-input <records.jsonl >par.out 2>/dev/null
    check "GNU parallel --pipe -N 2: the same set of ids" py '
a = sorted(json.dumps(json.loads(l)["id"]) for l in open(sys.argv[1]))
b = sorted(json.dumps(json.loads(l)["id"]) for l in open(sys.argv[2]))
assert a == b, (a, b)
' records.out par.out
else
    skipped "GNU parallel is not installed (Debian package parallel)"
fi

# ---- exit status ------------------------------------------------------------------------

"$bin" "$here"/fixtures/good.md >/dev/null 2>&1
s0=$?
"$bin" drafts/zz-bad.md >/dev/null 2>&1
s1=$?
"$bin" --fail-on never drafts/zz-bad.md >/dev/null 2>&1
s1n=$?
"$bin" --fail-on warning "$here"/fixtures/good.md >/dev/null 2>&1
s1w=$?
"$bin" drafts/zz-bad.md no-such-file.md >/dev/null 2>&1
s2=$?
"$bin" --format yaml drafts >/dev/null 2>&1
s2u=$?
"$bin" >/dev/null 2>&1
s2a=$?
check "exit status: 0 clean, 1 finding at --fail-on, 2 unreadable input or usage error" \
    [ "$s0 $s1 $s1n $s1w $s2 $s2u $s2a" = "0 1 0 1 2 2 2" ]

printf '{"rules": 5}\n' >badcfg.json
"$bin" --config badcfg.json drafts/zz-bad.md >/dev/null 2>cfg.err
st=$?
check "--config with a bad file: message naming it on stderr, exit 2" \
    sh -c "[ $st -eq 2 ] && grep -q badcfg.json cfg.err"

# ---- folders with broken entries ------------------------------------------------------

mkdir -p walk/sub walk/locked
cp drafts/zz-bad.md walk/a.md
cp drafts/zz-bad.md walk/sub/b.txt
cp drafts/zz-bad.md walk/unreadable.md
printf 'not a draft\n' >walk/notes.pdf
ln -s "$tmp/nowhere.md" walk/dangling.md
ln -s .. walk/sub/loop
cp drafts/zz-bad.md walk/locked/c.md
"$bin" --format jsonl walk >walk.out 2>walk.err
check "folder walk: dangling link and symlink loop reported once each, in sorted order" py '
out = [json.loads(l) for l in open(sys.argv[1])]
paths = [o["path"] for o in out]
assert len(paths) == len(set(paths)), paths
want = ["walk/a.md", "walk/dangling.md", "walk/locked/c.md", "walk/sub/b.txt", "walk/sub/loop",
        "walk/unreadable.md"]
assert paths == want, paths
byp = {o["path"]: o for o in out}
assert byp["walk/dangling.md"]["error"]["code"] == "not_found"
assert byp["walk/sub/loop"]["error"]["code"] == "symlink_loop"
' walk.out
# Permissions do not apply to root: as root, run this case as nobody (setpriv, util-linux),
# with a copy of the binary in the test folder, which nobody may enter.
asuser=""
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
    cp "$bin" "$tmp/essaylint-nobody" && chmod 755 "$tmp" "$tmp/essaylint-nobody" &&
        asuser="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" -eq 0 ] && [ -z "$asuser" ]; then
    skipped "unreadable file and folder without permission (root without setpriv: permissions do not apply)"
else
    chmod 000 walk/unreadable.md walk/locked
    if [ -n "$asuser" ]; then
        $asuser "$tmp/essaylint-nobody" --format jsonl walk >walk2.out 2>/dev/null
    else
        "$bin" --format jsonl walk >walk2.out 2>/dev/null
    fi
    st=$?
    chmod 755 walk/locked
    chmod 644 walk/unreadable.md
    check "folder walk: unreadable file and folder without permission reported as permission" py '
out = {json.loads(l)["path"]: json.loads(l) for l in open(sys.argv[1])}
assert out["walk/unreadable.md"]["error"]["code"] == "permission"
assert out["walk/locked"]["error"]["code"] == "permission"
assert int(sys.argv[2]) == 2
' walk2.out $st
fi
"$bin" --format sarif walk >walk.sarif 2>/dev/null
"$bin" --format csv walk >walk.csv 2>/dev/null
"$bin" --summary walk >walk.table 2>/dev/null
check "folder walk: every path in every format (sarif artifacts, csv rows, table rows)" py '
paths = [json.loads(l)["path"] for l in open(sys.argv[1])]
run = json.load(open(sys.argv[2]))["runs"][0]
assert [a["location"]["uri"] for a in run["artifacts"]] == paths
assert len(run["invocations"][0]["toolExecutionNotifications"]) == 2
rows = list(csv.reader(open(sys.argv[3], newline="")))[1:]
assert [r[0] for r in rows] == paths
table = open(sys.argv[4]).read().splitlines()[1:1 + len(paths)]
assert [t.split()[0] for t in table] == paths
' walk.out walk.sarif walk.csv walk.table

# A file that vanishes between the walk and the read: a path named twice is read once.
"$bin" --format jsonl walk/a.md walk/a.md walk/gone.md >twice.out 2>/dev/null
check "the same path given twice is reported once; a vanished file is reported" py '
paths = [json.loads(l)["path"] for l in open(sys.argv[1])]
assert paths == ["walk/a.md", "walk/gone.md"], paths
' twice.out

# ---- ignore files and --exclude -------------------------------------------------------

mkdir -p ign/drafts/old ign/build ign/deep/a/b ign/keep
for f in top.md skip.txt drafts/x.md drafts/y.tmp.md drafts/old/o.md build/z.md deep/a/b/d.md \
    deep/a/b/e.md keep/k.md keep/important.md; do
    cp drafts/zz-bad.md "ign/$f"
done
printf '# comments and blank lines are skipped\n\n*.txt\nbuild/\n/keep/*.md\n!/keep/important.md\ndeep/**/e.md\n' \
    >ign/.essaylintignore
printf '*.tmp.md\n' >ign/drafts/.essaylintignore
"$bin" --format jsonl ign >ign.out 2>/dev/null
"$bin" --format jsonl --exclude old --exclude 'ign/top*' ign >ex.out 2>/dev/null
"$bin" --format jsonl --no-ignore ign >noign.out 2>/dev/null
check ".essaylintignore: patterns, dir/, !negation, **, anchored /x, nested files" py '
p = [json.loads(l)["path"] for l in open(sys.argv[1])]
assert p == ["ign/deep/a/b/d.md", "ign/drafts/old/o.md", "ign/drafts/x.md",
             "ign/keep/important.md", "ign/top.md"], p
' ign.out
check "--exclude GLOB (repeatable; names at any depth, or the whole path)" py '
p = [json.loads(l)["path"] for l in open(sys.argv[1])]
assert p == ["ign/deep/a/b/d.md", "ign/drafts/x.md", "ign/keep/important.md"], p
' ex.out
check "--no-ignore reads every draft" py '
assert len(open(sys.argv[1]).read().splitlines()) == 10
' noign.out

# ---- pipes and full disks -------------------------------------------------------------

"$bin" many 2>head.err | head -c 100 >/dev/null
check "a closed pipe (| head -c 100) ends quietly" [ ! -s head.err ]
( "$bin" --format jsonl many 2>head2.err; echo $? >head2.st ) | head -n 1 >/dev/null
check "a closed pipe ends with the run's status (not 141), no message" \
    sh -c '[ ! -s head2.err ] && [ "$(cat head2.st)" -le 2 ]'
if [ -w /dev/full ]; then
    "$bin" --format json many >/dev/full 2>full.err
    st=$?
    check "> /dev/full: a write error on stderr, exit 2" \
        sh -c "[ $st -eq 2 ] && grep -q 'write error' full.err"
    for opt in --help --version --list-rules; do
        "$bin" $opt >/dev/full 2>full.err
        st=$?
        check "$opt > /dev/full: a write error on stderr, exit 2" \
            sh -c "[ $st -eq 2 ] && grep -q 'write error' full.err"
    done
else
    skipped "/dev/full is not available"
fi

# ---- progress bar -----------------------------------------------------------------------

if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
    script -qec "'$bin' --format jsonl many >/dev/null" /dev/null >tty.out 2>&1
    "$bin" --format jsonl many >/dev/null 2>notty.err
    check "progress bar on a terminal's stderr only" \
        sh -c 'grep -q "essaylint \[" tty.out && [ ! -s notty.err ]'
else
    skipped "no script(1) to give the binary a terminal"
fi

# ---- --fix-dry-run ----------------------------------------------------------------------

cp drafts/zz-bad.md fixme.md
cp fixme.md fixme.orig
"$bin" --fix-dry-run fixme.md >diff.out 2>/dev/null
check "--fix-dry-run: a diff on stdout, the file untouched" \
    sh -c 'grep -q "^+++ " diff.out && grep -q "^-" diff.out && cmp -s fixme.md fixme.orig'
"$bin" --fix fixme.md >/dev/null 2>&1
"$bin" --format jsonl fixme.md >fixed.out 2>/dev/null
check "--fix: half-width punctuation fixed in place, nothing else changed" py '
f = json.loads(open(sys.argv[1]).read())
assert not [x for x in f["findings"] if x["rule"] in ("punct/halfwidth", "punct/ellipsis")]
' fixed.out
"$bin" --fix - <fixme.md >/dev/null 2>&1
check "--fix on standard input is a usage error" [ $? -eq 2 ]

# The diff is in the draft's own bytes: patch(1) turns a GB18030 draft with CRLF endings and
# no final newline into exactly what --fix writes, and code is left as written.
printf '书香社会\r\n　　书房越建越多,借阅量却不见增长...\r\n　　没有问题。\r\n　　末行,无换行' |
    iconv -f UTF-8 -t GB18030 >gbfix.txt
cp gbfix.txt gbfix.patched
cp gbfix.txt gbfix.fixed
"$bin" --fix-dry-run gbfix.txt >gbfix.diff 2>/dev/null
"$bin" --fix gbfix.fixed >/dev/null 2>&1
check "--fix-dry-run: patch applies the diff to a GB18030/CRLF draft as --fix would" \
    sh -c 'patch -s gbfix.patched <gbfix.diff && cmp -s gbfix.patched gbfix.fixed &&
        ! cmp -s gbfix.fixed gbfix.txt'
printf '# 书香社会\n\n正文,有`a,b`代码...\n\n```\n代码,块...\n```\n\n    缩进,代码\n' >code.md
cp code.md code.orig
"$bin" --fix code.md >/dev/null 2>&1
check "--fix leaves Markdown code spans and code blocks as written" \
    sh -c 'printf "# 书香社会\n\n正文，有\`a,b\`代码……\n\n\`\`\`\n代码,块...\n\`\`\`\n\n    缩进,代码\n" |
        cmp -s - code.md'

# --fix writes a temporary file beside the draft and renames it: the mode is kept, and a
# failed write (file size limit, full disk) leaves the original byte for byte, no temp behind.
for i in 1 2 3 4 5 6 7 8; do cat drafts/zz-bad.md; done >mode.md
chmod 640 mode.md
"$bin" --fix mode.md >/dev/null 2>&1
check "--fix keeps the file's mode" [ "$(stat -c %a mode.md)" = 640 ]

mkdir -p fsize
for i in 1 2 3 4 5 6 7 8; do cat drafts/zz-bad.md; done >fsize/big.md
cp fsize/big.md big.orig
(
    trap '' XFSZ
    ulimit -f 2
    exec "$bin" --fix fsize/big.md
) >/dev/null 2>fsize.err
st=$?
check "--fix past the file size limit: exit 2, original intact, no temporary file left" \
    sh -c "[ $st -eq 2 ] && cmp -s fsize/big.md big.orig && [ \$(ls -A fsize | wc -l) -eq 1 ] &&
           grep -q 'fsize/big.md' fsize.err"

mkdir -p fullfs
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs fullfs 2>/dev/null; then
    cp big.orig fullfs/draft.md
    cp fullfs/draft.md full.orig
    # Fill the rest of the disk so the fixed copy cannot be written.
    dd if=/dev/zero of=fullfs/filler bs=1k count=1024 >/dev/null 2>&1
    "$bin" --fix fullfs/draft.md >/dev/null 2>fullfs.err
    st=$?
    cmp -s fullfs/draft.md full.orig
    same=$?
    left=$(ls -A fullfs | wc -l)
    umount fullfs
    check "--fix on a full disk (tmpfs): exit 2, original intact, no temporary file left" \
        sh -c "[ $st -eq 2 ] && [ $same -eq 0 ] && [ $left -eq 2 ] && grep -q 'fullfs/draft.md' fullfs.err"
else
    skipped "--fix on a full disk: mounting a small tmpfs needs root"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
