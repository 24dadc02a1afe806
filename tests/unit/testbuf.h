/* SPDX-License-Identifier: MIT */
/*
 * A growing string for the tests that build random texts piece by piece (test_lint_fast*),
 * and the random pieces test_lint_fast4 and test_lint_fast5 build them from. Header-only: each
 * test file includes it once.
 */
#ifndef EL_TESTBUF_H
#define EL_TESTBUF_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "testrand.h"
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

/* Encode c (not a surrogate) at out (room for five bytes), NUL-terminated. */
static inline const char *test_enc(uint32_t c, char *out)
{
    int k = u8_uctomb((uint8_t *)out, c, 4);
    if (k <= 0)
        abort();
    out[k] = '\0';
    return out;
}

/*
 * A random character or short piece: one of the rows of marks the fast paths tell apart
 * (U+2000–U+206F, U+3000–U+303F, U+FE00–U+FFFF) or a Han character, one time in `ways` each,
 * else one of fixed[0..nfixed).
 */
static inline const char *test_piece(char *out, const char *const *fixed, size_t nfixed,
                                     uint32_t ways)
{
    switch (test_below(ways)) {
    case 0:
        return test_enc(0x2000 + test_below(0x70), out);
    case 1:
        return test_enc(0x3000 + test_below(0x40), out);
    case 2:
        return test_enc(test_below(4) ? 0xFF00 + test_below(0x40) : 0xFE00 + test_below(0x200),
                        out);
    case 3:
        return test_enc(0x4E00 + test_below(0x5200), out);
    default:
        return fixed[test_below((uint32_t)nfixed)];
    }
}

/* pieces random pieces (test_piece) appended to b, the Han 中 twice in three. */
static inline void test_text(buf *b, size_t pieces, const char *const *fixed, size_t nfixed,
                             uint32_t ways)
{
    char c[8];
    for (size_t i = 0; i < pieces; i++)
        put(b, test_below(3) ? "中" : test_piece(c, fixed, nfixed, ways));
}

#endif
