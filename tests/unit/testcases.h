/* SPDX-License-Identifier: MIT */
/*
 * Helpers of the cases tests that include cases.c (test_cases_fast2, test_cases_fast4), after
 * it: a growing byte string with random Han, exact-size copies for asan, and
 * the marks scan spelled out (ref_scan_marks) with the comparison of its result.
 */
#ifndef EL_TESTCASES_H
#define EL_TESTCASES_H

#include "testrand.h"

typedef EL_VEC(char) buf;

static inline void put(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        *EL_VEC_PUSH(*b) = s[i];
}

static inline void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* The UTF-8 of a code point of the basic plane from U+0800 on (three bytes). */
static inline void put_cp3(buf *b, uint32_t c)
{
    char h[3] = {(char)(0xE0 | c >> 12), (char)(0x80 | (c >> 6 & 0x3F)), (char)(0x80 | (c & 0x3F))};
    put(b, h, 3);
}

/* A Han character drawn from the whole of the basic block. */
static inline void put_han(buf *b)
{
    put_cp3(b, 0x4E00 + test_below(0x5200));
}

/* About len bytes of random text into b: runs of Han between pieces (one of the np), now and
   then random bytes; with shift, up to fifteen ASCII letters first, to move the text against
   sixteen-byte blocks. */
static inline void pieces_text(buf *b, size_t len, const char *const *pieces, size_t np,
                               bool shift)
{
    b->n = 0;
    for (size_t k = shift ? test_below(16) : 0; k > 0; k--)
        *EL_VEC_PUSH(*b) = (char)('a' + test_below(26));
    while (b->n < len) {
        uint32_t r = test_below(10);
        if (r < 4)
            for (size_t k = test_below(10); k > 0; k--)
                put_han(b);
        else if (r < 9)
            puts_(b, pieces[test_below(np)]);
        else
            for (size_t k = test_below(6); k > 0; k--)
                *EL_VEC_PUSH(*b) = (char)test_below(256);
    }
}

/* An exact copy in a heap block of its own size, so that a read past it is caught (asan). */
static inline char *exact(const char *s, size_t n)
{
    char *p = malloc(n ? n : 1);
    assert_non_null(p);
    if (n)
        memcpy(p, s, n);
    return p;
}

/* scan_marks spelled out: every offset compared with every mark, by its bytes. */
static inline void ref_scan_marks(const char *s, size_t n, struct scan *sc)
{
    static const char *const ends[] = {"。", "；", "！", "？", ";", "!", "?"};
    size_t stack[16], depth = 0;
    sc->ends.n = sc->quotes.n = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
            size_t l = strlen(ends[k]);
            if (l <= n - i && memcmp(s + i, ends[k], l) == 0)
                *EL_VEC_PUSH(sc->ends) = i;
        }
        /* an ASCII . after Chinese text (or a " or ) after it), before no letter and no dot */
        if (s[i] == '.' && i > 0 &&
            ((unsigned char)s[i - 1] >= 0x80 || s[i - 1] == '"' || s[i - 1] == ')') &&
            !(i + 1 < n && (s[i + 1] == '.' || (s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
                            (s[i + 1] >= 'A' && s[i + 1] <= 'Z'))))
            *EL_VEC_PUSH(sc->ends) = i;
        if (n - i >= 3 && memcmp(s + i, "“", 3) == 0 && depth < 16)
            stack[depth++] = i;
        if (n - i >= 3 && memcmp(s + i, "”", 3) == 0 && depth > 0) {
            size_t o = stack[--depth];
            *EL_VEC_PUSH(sc->quotes) = (qpair){o, o + 3, i};
        }
    }
    /* in order of the opening mark (insertion sort: no two pairs share one) */
    for (size_t i = 1; i < sc->quotes.n; i++)
        for (size_t j = i; j > 0 && sc->quotes.v[j - 1].open > sc->quotes.v[j].open; j--) {
            qpair t = sc->quotes.v[j];
            sc->quotes.v[j] = sc->quotes.v[j - 1];
            sc->quotes.v[j - 1] = t;
        }
}

static inline void same_marks(const struct scan *a, const struct scan *b)
{
    assert_int_equal(a->ends.n, b->ends.n);
    for (size_t i = 0; i < a->ends.n; i++)
        assert_int_equal(a->ends.v[i], b->ends.v[i]);
    assert_int_equal(a->quotes.n, b->quotes.n);
    for (size_t i = 0; i < a->quotes.n; i++) {
        assert_int_equal(a->quotes.v[i].open, b->quotes.v[i].open);
        assert_int_equal(a->quotes.v[i].inner, b->quotes.v[i].inner);
        assert_int_equal(a->quotes.v[i].close, b->quotes.v[i].close);
    }
}

#endif
