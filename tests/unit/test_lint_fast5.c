/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the fifth round of lint.c fast paths, each against the plain version
 * it replaced: the sentence length walk that counts a sentence only where its code points
 * exceed the limit (long_sentences), the punctuation filter that passes over a half-width mark
 * before a digit (may_spot, mark_hits16), the notes' number look-up that walks the essay before
 * it indexes it (essay_walk_number), and the pair set whose slots now hash both characters
 * (bigram_slot), through the notes' term look-ups (term_found). lint.c is included for its static
 * functions; inputs are random, from a fixed seed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "doc.h"
#include "lint.c"

#include "testbuf.h"
#include "testclaims.h"
#include "testrand.h"

/* ---- random text ---- */

/*
 * The fixed pieces of the random text (test_piece adds the rows of marks and Han): sentence ends
 * and closers, the spaces and invisible characters that take no cell, half-width marks before and
 * after digits, runs of dots, Han, and characters of two and four bytes.
 */
static const char *const text_pieces[] = {"甲",
                                          "乙",
                                          "丙丁",
                                          "。",
                                          "！",
                                          "？",
                                          "!",
                                          "?",
                                          "\n",
                                          "”",
                                          "’",
                                          "）",
                                          ")",
                                          "》",
                                          "」",
                                          "』",
                                          "】",
                                          "\"",
                                          "“",
                                          "（",
                                          "，",
                                          "、",
                                          "：",
                                          "；",
                                          ",",
                                          ".",
                                          ":",
                                          ";",
                                          "(",
                                          "3.5",
                                          "1,200",
                                          "10:30",
                                          ",7",
                                          ".5",
                                          "?2",
                                          "!9",
                                          "(1)",
                                          "…",
                                          "……",
                                          "...",
                                          "。。。",
                                          "．．．",
                                          "··",
                                          " ",
                                          "\t",
                                          "　",
                                          "7",
                                          "42",
                                          "a",
                                          "é",
                                          "𠀀",
                                          "😀",
                                          "〇",
                                          "\xC2\xA0",
                                          "\xE3\x85\xA4",
                                          "\xEF\xBB\xBF",
                                          "\xE2\x80\x8B",
                                          "\xE2\x80\xA8",
                                          "\r"};

/* pieces random pieces (test_text). */
static void random_text(buf *b, size_t pieces)
{
    test_text(b, pieces, text_pieces, sizeof text_pieces / sizeof text_pieces[0], 12);
}

/* ---- long_sentences ---- */

typedef struct found {
    size_t off[512], chars[512];
    size_t n;
} found;

static void collect(void *ctx, size_t off, size_t chars)
{
    found *f = ctx;
    assert_true(f->n < 512);
    f->off[f->n] = off;
    f->chars[f->n++] = chars;
}

/* The walk long_sentences replaced: every sentence counted until what is left of the
   paragraph's grid count is no more than max. */
static void plain_long_sentences(const char *s, size_t n, size_t chars, size_t max, found *f)
{
    size_t left = chars;
    for (size_t a = 0; a < n && left > max;) {
        size_t c;
        size_t e = a + sentence_chars(s + a, n - a, &c);
        if (c > max)
            collect(f, a, c);
        left = c < left ? left - c : 0;
        a = e > a ? e : a + 1;
    }
}

static void test_long_sentences(void **state)
{
    (void)state;
    static const size_t maxes[] = {0, 1, 2, 3, 5, 8, 13, 30, 60, 120};
    test_seed(501);
    size_t fired = 0;
    for (int iter = 0; iter < 4000; iter++) {
        buf t = {0};
        put(&t, "");
        random_text(&t, test_below(iter % 2 ? 40 : 400));
        size_t chars = 0, hanzi = 0;
        el_text_count(t.v, t.n, &chars, &hanzi);
        for (size_t m = 0; m < sizeof maxes / sizeof maxes[0]; m++) {
            found fast = {.n = 0}, plain = {.n = 0};
            long_sentences(t.v, t.n, chars, maxes[m], collect, &fast);
            plain_long_sentences(t.v, t.n, chars, maxes[m], &plain);
            if (fast.n != plain.n)
                fail_msg("max %zu: %zu long sentences, expected %zu in \"%s\"", maxes[m], fast.n,
                         plain.n, t.v);
            for (size_t k = 0; k < fast.n; k++) {
                assert_int_equal(fast.off[k], plain.off[k]);
                assert_int_equal(fast.chars[k], plain.chars[k]);
            }
            fired += fast.n;
        }
        free(t.v);
    }
    assert_true(fired > 1000);
}

/* ---- may_spot before a digit ---- */

typedef struct spot {
    int rule;
    size_t off, len, mark_len;
    char repl[16];
} spot;

typedef EL_VEC(spot) spots;

static void on_spot(void *ctx, int rule, size_t off, size_t len, size_t mark_len, const char *repl)
{
    spots *v = ctx;
    spot *x = EL_VEC_PUSH(*v);
    x->rule = rule;
    x->off = off;
    x->len = len;
    x->mark_len = mark_len;
    snprintf(x->repl, sizeof x->repl, "%s", repl ? repl : "");
}

/* el_lint_punct_scan with no filter: punct_at asked at every character but the letters. */
static void plain_punct_scan(const char *s, size_t n, el_punct_cb cb, void *ctx)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xE4 && c <= 0xEE)
            i += 3;
        else
            i += punct_at(s, n, i, cb, ctx);
    }
}

static void assert_same_spots(const spots *a, const spots *b, const char *text)
{
    if (a->n != b->n)
        fail_msg("%zu spots, expected %zu in \"%s\"", a->n, b->n, text);
    for (size_t k = 0; k < a->n; k++)
        if (a->v[k].rule != b->v[k].rule || a->v[k].off != b->v[k].off ||
            a->v[k].len != b->v[k].len || a->v[k].mark_len != b->v[k].mark_len ||
            strcmp(a->v[k].repl, b->v[k].repl) != 0)
            fail_msg("spot %zu at %zu, expected at %zu in \"%s\"", k, a->v[k].off, b->v[k].off,
                     text);
}

static void test_punct_digits(void **state)
{
    (void)state;
    test_seed(503);
    size_t total = 0;
    for (int iter = 0; iter < 6000; iter++) {
        buf t = {0};
        put(&t, "");
        random_text(&t, test_below(iter % 2 ? 20 : 200));
        spots fast = {0}, plain = {0};
        el_lint_punct_scan(t.v, t.n, on_spot, &fast);
        plain_punct_scan(t.v, t.n, on_spot, &plain);
        assert_same_spots(&fast, &plain, t.v);
        total += fast.n;
        free(fast.v);
        free(plain.v);
        free(t.v);
    }
    assert_true(total > 1000);
}

#if defined(__SSE2__)
/* span_marks' sixteen-byte test finds every character where punct_at, unfiltered, reports. */
static void test_mark_hits_digits(void **state)
{
    (void)state;
    test_seed(505);
    for (int iter = 0; iter < 3000; iter++) {
        buf t = {0};
        put(&t, "");
        random_text(&t, test_below(100));
        spots all = {0};
        plain_punct_scan(t.v, t.n, on_spot, &all);
        for (size_t k = 0; k < all.n; k++) {
            size_t at = all.v[k].off;
            /* every block of sixteen that holds at and can be read whole */
            for (size_t i = at >= 15 ? at - 15 : 0; i <= at && i + MARK_HITS_READ <= t.n; i++)
                if (!(mark_hits16(t.v + i) >> (at - i) & 1))
                    fail_msg("no hit at %zu (block %zu) in \"%s\"", at, i, t.v);
        }
        free(all.v);
        free(t.v);
    }
}
#endif

/* ---- essay_walk_number ---- */

static void test_number_walk(void **state)
{
    (void)state;
    static const char *const pieces[] = {"1",  "2",  "12", "120", "1,200", "3.5", "35",  ",",  ".",
                                         "。", "年", "万", " ",   "1,2",   "12.", "0.5", "05", "%"};
    test_seed(507);
    for (int iter = 0; iter < 3000; iter++) {
        buf e = {0}, q = {0};
        put(&e, "");
        for (uint32_t k = test_below(60); k > 0; k--)
            put(&e, pieces[test_below(sizeof pieces / sizeof pieces[0])]);
        notes_ctx N = {.essay = e.v, .len = e.n};
        N.walks = EL_NOTES_NUMBER_WALKS; /* the index at once */
        for (int k = 0; k < 20; k++) {
            q.n = 0;
            put(&q, "");
            for (uint32_t j = 1 + test_below(3); j > 0; j--)
                put(&q, pieces[test_below(6)]);
            char key[64];
            size_t kn = number_key(q.v, q.n, key, sizeof key);
            bool walked = essay_walk_number(&N, key, kn);
            bool indexed = essay_has_number(&N, q.v, q.n);
            if (walked != indexed)
                fail_msg("\"%s\" in \"%s\": walk %d, index %d", q.v, e.v, walked, indexed);
        }
        free(N.numbers.v);
        free(N.keys);
        free(e.v);
        free(q.v);
    }
}

/* ---- term_found over the pair set ---- */

static void test_terms(void **state)
{
    (void)state;
    static const char *const han[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛",
                                      "壬", "癸", "子", "丑", "寅", "𠀀", "，", "a"};
    test_seed(509);
    size_t yes = 0, no = 0;
    for (int iter = 0; iter < 3000; iter++) {
        buf e = {0}, terms[6];
        put(&e, "");
        for (uint32_t k = test_below(iter % 2 ? 30 : 400); k > 0; k--)
            put(&e, han[test_below(sizeof han / sizeof han[0])]);
        size_t nt = 1 + test_below(6), npairs = 0;
        for (size_t t = 0; t < nt; t++) {
            terms[t] = (buf){0};
            put(&terms[t], "");
            for (uint32_t k = 2 + test_below(5); k > 0; k--)
                put(&terms[t], han[test_below(sizeof han / sizeof han[0])]);
            npairs += terms[t].n / 3;
        }
        notes_ctx N = {.essay = e.v, .len = e.n, .budget = EL_NOTES_BUDGET};
        size_t at;
        bigrams_init(&N.pairs, npairs);
        for (size_t t = 0; t < nt; t++)
            each_bigram(terms[t].v, terms[t].n, &N.pairs, BIGRAM_INSERT, &at);
        N.swept = N.pairs.n == 0 ? N.len : 0;
        /* the terms asked in turn, some twice, as the notes ask them */
        for (size_t k = 0; k < 2 * nt; k++) {
            const buf *t = &terms[test_below((uint32_t)nt)];
            bool fast = term_found(&N, t->v, t->n);
            bool plain = ref_term_in(e.v, e.n, t->v, t->n);
            if (fast != plain)
                fail_msg("term \"%s\" in \"%s\": %d, expected %d", t->v, e.v, fast, plain);
            yes += plain;
            no += !plain;
        }
        bigrams_free(&N.pairs);
        for (size_t t = 0; t < nt; t++)
            free(terms[t].v);
        free(e.v);
    }
    assert_true(yes > 1000 && no > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_sentences),
        cmocka_unit_test(test_punct_digits),
#if defined(__SSE2__)
        cmocka_unit_test(test_mark_hits_digits),
#endif
        cmocka_unit_test(test_number_walk),
        cmocka_unit_test(test_terms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
