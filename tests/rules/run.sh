#!/bin/sh
# SPDX-License-Identifier: MIT
# Rule fixtures: for every rule AREA/NAME, AREA-NAME.bad.* must report it and AREA-NAME.good.*
# must not. Usage: tests/rules/run.sh BIN [RULE-FILTER]. Reads `--format jsonl` with grep only
# (no jq), so it runs anywhere the build does. Prints one line per failure and a closing
# `rules: N passed, M failed` line; exit status 1 when anything failed.
set -u
bin=${1:?usage: run.sh BIN [FILTER]}
filter=${2:-}
dir=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
for f in "$dir"/*.bad.* "$dir"/*.good.*; do
    [ -e "$f" ] || continue
    base=$(basename "$f")
    stem=${base%%.*}
    area=${stem%%-*}
    name=${stem#*-}
    rule="$area/$name"
    case $rule in *"$filter"*) ;; *) continue ;; esac
    # --no-config: fixtures must not pick up a configuration from a folder above.
    hits=$("$bin" --no-config --format jsonl --fail-on never "$f" 2>/dev/null |
        grep -o "\"rule\":\"$rule\"" | wc -l)
    case $base in
    *.bad.*) want="reports $rule"; ok=$([ "$hits" -gt 0 ] && echo 1 || echo 0) ;;
    *) want="does not report $rule"; ok=$([ "$hits" -eq 0 ] && echo 1 || echo 0) ;;
    esac
    if [ "$ok" = 1 ]; then
        pass=$((pass + 1))
    else
        echo "rules: FAILED: $base $want (got $hits)" >&2
        fail=$((fail + 1))
    fi
done
echo "rules: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
