/* SPDX-License-Identifier: MIT */
/*
 * The seventh round of fast paths of the quote extractor, each against the plain version it
 * replaced, kept here verbatim. clause_start steps back over runs of ideographs five at a
 * time (han_back, han3_bits): checked against the walk testing one character at a time, at
 * every offset and window of random text crowded with what han3 tells apart (lead bytes E3
 * to EA, E4 around its second byte B8, broken sequences, clause marks, ASCII). key_hash
 * copies the words of a key of eight bytes or more with a constant size: checked against the
 * copies of a variable size at every length. This file includes quotes.c to reach its static
 * functions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quotes.c"

#include "testrand.h"

typedef EL_VEC(char) tbuf;

static void tput(tbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        *EL_VEC_PUSH(*b) = s[i];
}

/* The UTF-8 of a code point from U+0800 to U+FFFF (three bytes). */
static void tput3(tbuf *b, uint32_t c)
{
    char h[3] = {(char)(0xE0 | c >> 12), (char)(0x80 | (c >> 6 & 0x3F)), (char)(0x80 | (c & 0x3F))};
    tput(b, h, 3);
}

/* An exact copy in a heap block of its own size, so that a read past it is caught (asan). */
static char *exact_copy(const char *s, size_t n)
{
    char *p = malloc(n ? n : 1);
    assert_non_null(p);
    if (n)
        memcpy(p, s, n);
    return p;
}

/* ---- clause_start ------------------------------------------------------------------------ */

/* clause_start as it was: one character at a time. */
static size_t ref_clause_start(const char *s, size_t i, size_t lo)
{
    while (i > lo) {
        if (i - lo >= 3 && han3(s, i, i - 3)) { /* an ideograph, never a mark: the usual case */
            i -= 3;
            continue;
        }
        size_t j;
        uint32_t c = el_text_prev_cp(s, i, &j);
        if (j < lo || is_clause_mark(c))
            break;
        i = j;
    }
    return i;
}

/* Text of runs of ideographs and of what han3 must tell from them. */
static void han_text(tbuf *b, size_t len)
{
    static const char *const pieces[] = {
        "，",           "。", "、", "；", "！", "？", ",",        ";",    "!",    "?",
        "\n",           "“",  "”",  "a",  "1",  " ",  "\xE4\xB8", "\xB8", "\x80", "\xE9",
        "\xEA\xB0\x80", "·"};
    b->n = 0;
    while (b->n < len) {
        uint32_t r = test_below(16);
        if (r < 7) { /* a run of common ideographs */
            for (size_t k = 1 + test_below(20); k > 0; k--)
                tput3(b, 0x4E00 + test_below(0x5200));
        } else if (r < 8) {
            tput3(b, 0x4DC0 + test_below(0x80)); /* E4 B7 xx and E4 B8 xx: either side of 一 */
        } else if (r < 9) {
            tput3(b, 0x3000 + test_below(0x1000)); /* E3: kana, marks, Han of extension A */
        } else if (r < 10) {
            tput3(b, 0x9F00 + test_below(0x1100)); /* E9 end, EA start */
        } else if (r < 11) {
            char x = (char)test_below(256);
            tput(b, &x, 1);
        } else {
            const char *p = pieces[test_below(sizeof pieces / sizeof *pieces)];
            tput(b, p, strlen(p));
        }
    }
}

static void check_clause(const char *t, size_t n)
{
    char *s = exact_copy(t, n);
    for (size_t i = 0; i <= n; i++) {
        /* the window the extractor uses, and every narrower one near i */
        size_t los[] = {i > LEAD_WINDOW ? i - LEAD_WINDOW : 0,
                        0,
                        i,
                        i > 16 ? i - 16 : 0,
                        i > 15 ? i - 15 : 0,
                        i > 17 ? i - 17 : 0,
                        i > 40 ? i - 40 : 0,
                        test_below((uint32_t)i + 1)};
        for (size_t k = 0; k < sizeof los / sizeof *los; k++)
            assert_int_equal(clause_start(s, i, los[k]), ref_clause_start(s, i, los[k]));
    }
    free(s);
}

static void test_clause_start(void **state)
{
    (void)state;
    test_seed(0x434C4155);
    tbuf t = {0};
    for (int round = 0; round < 4000; round++) {
        han_text(&t, round % 50 == 0 ? 1200 : test_below(200));
        check_clause(t.v, t.n);
    }
    /* A run of ideographs with one other character at every place of a sixteen-byte step. */
    for (size_t at = 0; at < 40; at++)
        for (int what = 0; what < 6; what++) {
            t.n = 0;
            for (size_t k = 0; k < 20; k++) {
                if (k * 3 == at || (what >= 3 && k * 3 + 1 == at)) {
                    static const char *const odd[] = {"，", "a", "\xE4\xB7\xBF"};
                    tput(&t, odd[what % 3], strlen(odd[what % 3]));
                }
                tput(&t, "中", 3);
            }
            check_clause(t.v, t.n);
        }
    free(t.v);
}

/* ---- key_hash ---------------------------------------------------------------------------- */

/* key_hash as it was: copies of a variable size. */
static size_t ref_key_hash(const char *s, size_t n)
{
    uint64_t a = 0, b = 0;
    size_t m = n < 8 ? n : 8;
    memcpy(&a, s, m);
    memcpy(&b, s + n - m, m);
    uint64_t h = (a ^ (uint64_t)n) * 0x9E3779B97F4A7C15u ^ b * 0xC2B2AE3D27D4EB4Fu;
    return (size_t)(h ^ h >> 31);
}

static void test_key_hash(void **state)
{
    (void)state;
    test_seed(0x4B455948);
    char buf[80];
    for (int round = 0; round < 20000; round++) {
        size_t n = test_below(sizeof buf + 1);
        for (size_t i = 0; i < n; i++)
            buf[i] = (char)test_below(256);
        char *s = exact_copy(buf, n);
        assert_int_equal(key_hash(s, n), ref_key_hash(s, n));
        free(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clause_start),
        cmocka_unit_test(test_key_hash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
