/* SPDX-License-Identifier: MIT */
/*
 * A growing string for the tests that build random texts piece by piece (test_lint_fast*).
 * Header-only: each test file includes it once.
 */
#ifndef EL_TESTBUF_H
#define EL_TESTBUF_H

#include <string.h>

#include "util.h"

typedef EL_VEC(char) buf;

/* Append s; a NUL stays after the text, not in it. */
static inline void put(buf *b, const char *s)
{
    size_t k = strlen(s);
    b->v = xgrow(b->v, &b->cap, b->n + k + 1, 1);
    memcpy(b->v + b->n, s, k + 1);
    b->n += k;
}

#endif
