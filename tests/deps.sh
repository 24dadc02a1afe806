#!/bin/sh
# SPDX-License-Identifier: MIT
# Install what essaylint needs to build and test, when a probe says it is missing.
# Probes: pkg-config for libcmark, libcjson, cmocka; a header check for libunistring.
# Usage: tests/deps.sh [extra-debian-package...]
set -u

missing=""
probe_pc() { # module package
    pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"
}
probe_header() { # header package
    printf '#include <%s>\n' "$1" | ${CC:-cc} -E -x c - >/dev/null 2>&1 || missing="$missing $2"
}
probe_cmd() { # command package
    command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}

probe_cmd cc gcc
probe_cmd make make
probe_cmd pkg-config pkg-config
if command -v pkg-config >/dev/null 2>&1; then
    probe_pc libcmark libcmark-dev
    probe_pc libcjson libcjson-dev
    probe_pc cmocka libcmocka-dev
else
    missing="$missing libcmark-dev libcjson-dev libcmocka-dev"
fi
probe_header unistr.h libunistring-dev
for extra in "$@"; do
    case "$extra" in
    clang) probe_cmd clang clang ;;
    libclang-rt-14-dev) [ -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ] ||
        ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 ||
        missing="$missing libclang-rt-14-dev" ;;
    valgrind) probe_cmd valgrind valgrind ;;
    parallel) probe_cmd parallel parallel ;;
    *) probe_cmd "$extra" "$extra" ;;
    esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "deps: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
        { echo "deps: apt-get install$missing failed" >&2; exit 1; }
    exit 0
fi
echo "deps: missing:$missing" >&2
if command -v apt-get >/dev/null 2>&1; then
    echo "deps: run as root: apt-get install$missing" >&2
else
    echo "deps: install the equivalents of the Debian packages:$missing" >&2
    echo "deps: (libunistring, cmark, cJSON and cmocka development files, and pkg-config)" >&2
fi
exit 1
