/* SPDX-License-Identifier: MIT */
/*
 * The quote extractor's second round of fast paths against plain references. The pass that
 * pairs the marks filters sixteen offsets at a time with SSE2 (candidates), whose byte tests
 * are written out by hand: every mark and the first character of every bare lead-in must pass
 * them at every position of a window, and the whole pass is checked against a byte-by-byte
 * search on random bytes drawn from those the filter looks at (so that near misses, partial
 * characters and marks glued to broken sequences are common) at every alignment. The clause
 * look-up the statistics scanner now shares (el_quote_classical_clause) is checked against a
 * list of every clause of every lexicon line, split at the characters el_lex_normalize drops,
 * on whole clauses, clauses cut short or run on, and random text.
 * This file includes quotes.c to reach its static functions.
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
#include "testquotes.h"
#include "testrand.h"

typedef EL_VEC(char) buf;

/* ---- references ------------------------------------------------------------------------ */

/* Every clause of every classical line (the runs between the characters el_lex_normalize
 * drops), normalised, in a plain list. */
static struct {
    char **key;
    size_t *len, n;
} clauses;

static void clauses_build(void)
{
    size_t cap = 0;
    for (size_t k = 0; k < el_lex_nclassical(); k++) {
        const char *t = el_lex_classical(k)->text;
        size_t n = strlen(t), a = 0;
        for (size_t i = 0; i <= n;) {
            size_t l = 1;
            char tmp[8];
            if (i < n)
                el_text_cp(t, n, i, &l);
            if (i == n || el_lex_normalize(t + i, l, tmp) == 0) {
                if (i > a) {
                    if (clauses.n == cap) {
                        cap = cap ? 2 * cap : 256;
                        clauses.key = realloc(clauses.key, cap * sizeof *clauses.key);
                        clauses.len = realloc(clauses.len, cap * sizeof *clauses.len);
                        assert_non_null(clauses.key);
                        assert_non_null(clauses.len);
                    }
                    clauses.key[clauses.n] = xmalloc(i - a + 1);
                    clauses.len[clauses.n] = el_lex_normalize(t + a, i - a, clauses.key[clauses.n]);
                    clauses.n++;
                }
                a = i + l;
            }
            i += l;
        }
    }
}

static void clauses_free(void)
{
    for (size_t i = 0; i < clauses.n; i++)
        free(clauses.key[i]);
    free(clauses.key);
    free(clauses.len);
    memset(&clauses, 0, sizeof clauses);
}

static bool ref_clause(const char *key, size_t kl)
{
    for (size_t i = 0; i < clauses.n; i++)
        if (clauses.len[i] == kl && kl && memcmp(clauses.key[i], key, kl) == 0)
            return true;
    return false;
}

/* ---- helpers --------------------------------------------------------------------------- */

static void put(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        *EL_VEC_PUSH(*b) = s[i];
}

static void check_scan(const char *s, size_t n)
{
    el_qpair_vec got = {0}, want = {0};
    el_span_vec lgot = {0}, lwant = {0};
    el_quote_pairs(s, n, &got);
    ref_pairs(s, n, &want);
    if (got.n != want.n || (got.n && memcmp(got.v, want.v, got.n * sizeof *got.v) != 0)) {
        print_error("pairs differ (%zu bytes): %zu vs %zu\n", n, got.n, want.n);
        fail();
    }
    el_quote_leads(s, n, &lgot);
    ref_leads(s, n, &lwant);
    if (lgot.n != lwant.n || (lgot.n && memcmp(lgot.v, lwant.v, lgot.n * sizeof *lgot.v) != 0)) {
        print_error("leads differ (%zu bytes): %zu vs %zu\n", n, lgot.n, lwant.n);
        fail();
    }
    free(got.v);
    free(want.v);
    free(lgot.v);
    free(lwant.v);
}

/* ---- the filter ------------------------------------------------------------------------ */

/* Every mark, '"' and the first character of every bare lead, at every offset of a window
 * between ideographs (and between ASCII letters), passes the filter. */
static void test_candidates(void **state)
{
    (void)state;
#if QUOTES_SSE2
    const char *marks[] = {"“", "”", "「", "」", "『", "』", "\""};
    const char *all[sizeof marks / sizeof marks[0] + sizeof bare_leads / sizeof bare_leads[0]];
    size_t na = 0;
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
        all[na++] = marks[m];
    for (size_t w = 0; bare_leads[w].s; w++)
        all[na++] = bare_leads[w].s;
    for (size_t a = 0; a < na; a++)
        for (int fill = 0; fill < 2; fill++)
            for (size_t k = 0; k < 16; k++) {
                unsigned char u[48];
                for (size_t i = 0; i < sizeof u; i++)
                    u[i] = fill ? (unsigned char)'a' : (unsigned char)"国"[i % 3];
                /* the character itself: the filter tests its first three bytes at most */
                size_t cl = el_u8_len((unsigned char)all[a][0]);
                memcpy(u + k, all[a], cl);
                assert_true(candidates(u, 0, true) >> k & 1);
                if (a < sizeof marks / sizeof marks[0])
                    assert_true(candidates(u, 0, false) >> k & 1);
            }
#endif
}

/* Random bytes from those the filter and the walk look at, and whole marks and leads, so that
 * near misses abound; each text checked from every start of a 16-byte window. */
static void test_scan_random(void **state)
{
    (void)state;
    static const unsigned char bytes[] = {
        0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE8, 0xE9, 0x80, 0x9C, 0x9D, 0x9E,
        0x9F, 0x8C, 0x8D, 0x8E, 0x8F, 0xA4, 0xA3, 0xA7, 0xA0, 0xAD, 0x90,
        0x97, 0xAF, 0xBF, 0xB8, 0xF0, 0xC2, '"',  'a',  ' ',  '1',  '\n',
    };
    static const char *const whole[] = {"“",      "”",        "「",     "」",     "『",     "』",
                                        "古人云", "古语有云", "正所谓", "俗话说", "常言道", "诗云",
                                        "子曰",   "古人有云", "国",     "家",     "，",     "。"};
    buf b = {0};
    test_seed(0x51AD0F);
    for (int round = 0; round < 3000; round++) {
        b.n = 0;
        size_t pad = (size_t)round % 16, len = test_below(round < 1500 ? 40 : 400);
        for (size_t i = 0; i < pad; i++)
            put(&b, "x", 1);
        while (b.n < pad + len) {
            if (test_below(3) == 0) {
                const char *w = whole[test_below(sizeof whole / sizeof whole[0])];
                put(&b, w, strlen(w));
            } else {
                char c = (char)bytes[test_below(sizeof bytes)];
                put(&b, &c, 1);
            }
        }
        check_scan(b.v ? b.v : "", b.n);
        if (b.n > pad)
            check_scan(b.v + pad, b.n - pad);
        if (round % 64 == 0)
            for (size_t n = 0; n < b.n; n++)
                check_scan(b.v, n);
    }
    free(b.v);
}

/* Long runs of text of each kind (ideographs, ASCII, marks spaced out), so that the filtered
 * steps, not the walk of the last bytes, find nearly everything. */
static void test_scan_long(void **state)
{
    (void)state;
    static const char *const kinds[] = {
        "国",          "a",      " ",  "，",     "“",
        "”",           "古人云", "子", "常言道", "\xE5\x80\x8D" /* 倍 E5 80 8D */,
        "\xE6\x80\x9D" /* 思 */};
    buf b = {0};
    test_seed(0x10C6);
    for (int round = 0; round < 400; round++) {
        b.n = 0;
        for (size_t r = test_below(60) + 1; r > 0; r--) {
            const char *k = kinds[test_below(sizeof kinds / sizeof kinds[0])];
            for (size_t t = test_below(12) + 1; t > 0; t--)
                put(&b, k, strlen(k));
        }
        check_scan(b.v, b.n);
    }
    free(b.v);
}

/* ---- the shared clause look-up ----------------------------------------------------------- */

static void check_clause(const char *t, size_t n)
{
    char key[CLASSICAL_MAX_BYTES];
    if (n > sizeof key)
        return;
    size_t kl = el_lex_normalize(t, n, key);
    assert_int_equal(el_quote_classical_clause(key, kl), ref_clause(key, kl));
}

/* Whole clauses of every line, each cut short and run on by a character, two clauses joined,
 * and random strings of lexicon characters. */
static void test_classical_clause(void **state)
{
    (void)state;
    clauses_build();
    assert_true(clauses.n > 0);
    size_t found = 0;
    for (size_t i = 0; i < clauses.n; i++) {
        const char *k = clauses.key[i];
        size_t n = clauses.len[i];
        assert_true(el_quote_classical_clause(k, n));
        found++;
        size_t last = el_text_back(k, n), first = el_u8_len((unsigned char)k[0]);
        check_clause(k, last);
        check_clause(k + first, n - first);
        char run[2 * CLASSICAL_MAX_BYTES];
        if (n + 3 <= sizeof run) {
            memcpy(run, k, n);
            memcpy(run + n, "之", 3);
            check_clause(run, n + 3);
            memcpy(run, "而", 3);
            memcpy(run + 3, k, n);
            check_clause(run, n + 3);
        }
        if (i + 1 < clauses.n && n + clauses.len[i + 1] <= sizeof run) {
            memcpy(run, k, n);
            memcpy(run + n, clauses.key[i + 1], clauses.len[i + 1]);
            check_clause(run, n + clauses.len[i + 1]);
        }
    }
    assert_true(found > 0);
    /* random runs of characters taken from the clauses */
    test_seed(0xC1A);
    buf b = {0};
    for (int round = 0; round < 20000; round++) {
        b.n = 0;
        for (size_t c = test_below(6) + 1; c > 0; c--) {
            size_t i = test_below((uint32_t)clauses.n);
            size_t n = clauses.len[i], at = 0, l;
            /* a random character of clause i */
            for (size_t skip = test_below(8); skip > 0 && at < n; skip--)
                at += el_u8_len((unsigned char)clauses.key[i][at]);
            if (at >= n)
                at = 0;
            l = el_u8_len((unsigned char)clauses.key[i][at]);
            put(&b, clauses.key[i] + at, l);
        }
        check_clause(b.v, b.n);
    }
    free(b.v);
    assert_false(el_quote_classical_clause("", 0));
    clauses_free();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_candidates),
        cmocka_unit_test(test_scan_random),
        cmocka_unit_test(test_scan_long),
        cmocka_unit_test(test_classical_clause),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
