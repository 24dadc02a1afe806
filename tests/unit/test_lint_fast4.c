/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the fourth round of lint.c fast paths, each against the plain version
 * it replaced: the marks walk that stops only where mark_step has something to do
 * (mark_hits16), the sentence scan's sixteen-byte test of is_cell (noncells16, skip_cells) and
 * the Han pair scan that tests two characters of four (probe_bigrams, set->either). lint.c is
 * included for its static functions; inputs are random, from a fixed seed, over pieces that
 * hit every row of marks the fast paths tell apart.
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
#include "testrand.h"

/* ---- random text ---- */

/*
 * The fixed pieces of the random text (test_piece adds the rows of marks and Han): the rows of
 * marks the fast paths tell apart (U+2000– U+206F, U+3000–U+303F, U+FE00–U+FFFF), the paired marks
 * and the spots (runs of dots, a colon before “), Han, ASCII, and characters of two and four bytes.
 */
static const char *const text_pieces[] = {"甲",
                                          "乙",
                                          "丙丁",
                                          "甲乙丙丁戊己",
                                          "“",
                                          "”",
                                          "《",
                                          "》",
                                          "（",
                                          "）",
                                          "【",
                                          "】",
                                          "…",
                                          "……",
                                          "。",
                                          "。。",
                                          "。。。",
                                          "．",
                                          "．．．",
                                          "·",
                                          "··",
                                          "···",
                                          ".",
                                          "..",
                                          "...",
                                          ",",
                                          ":",
                                          ";",
                                          "?",
                                          "!",
                                          "(",
                                          ")",
                                          "：“",
                                          ":“",
                                          "强调：“",
                                          "，",
                                          "、",
                                          "！",
                                          "？",
                                          " ",
                                          "\t",
                                          "\n",
                                          "7",
                                          "a",
                                          "\xC2\xA0",
                                          "é",
                                          "𠀀",
                                          "😀",
                                          "〇",
                                          "　",
                                          "\xE3\x85\xA4",
                                          "\xEF\xBB\xBF"};

/* pieces random pieces (test_text). */
static void random_text(buf *b, size_t pieces)
{
    test_text(b, pieces, text_pieces, sizeof text_pieces / sizeof text_pieces[0], 10);
}

/* ---- noncells16 and skip_cells ---- */

/* skip_cells one character at a time: is_cell's test at each. */
static size_t plain_skip_cells(const char *s, size_t n, size_t i)
{
    while (i < n && is_cell((const unsigned char *)s + i, n - i))
        i += 3;
    return i;
}

static void test_skip_cells(void **state)
{
    (void)state;
    test_seed(401);
    for (int iter = 0; iter < 4000; iter++) {
        buf t = {0};
        put(&t, "");
        random_text(&t, test_below(iter % 2 ? 12 : 120));
        for (size_t i = 0; i < t.n; i++) {
            if (((unsigned char)t.v[i] & 0xC0) == 0x80)
                continue;
            assert_int_equal(skip_cells(t.v, t.n, i), plain_skip_cells(t.v, t.n, i));
        }
#if defined(__SSE2__)
        /* the mask itself, from every offset (inside characters too) */
        for (size_t i = 0; i + CELLS_READ <= t.n; i++) {
            unsigned m = noncells16(t.v + i), want = 0;
            for (unsigned j = 0; j < 16; j++) {
                const unsigned char *u = (const unsigned char *)t.v + i + j;
                if ((u[0] & 0xC0) != 0x80 && !is_cell(u, 3))
                    want |= 1u << j;
            }
            assert_int_equal(m, want);
        }
#endif
        free(t.v);
    }
}

/* ---- mark_hits16 and span_marks ---- */

#if defined(__SSE2__)
/* Every character at which mark_step does something has its bit; no continuation byte has. */
static void test_mark_hits(void **state)
{
    (void)state;
    test_seed(409);
    for (int iter = 0; iter < 4000; iter++) {
        buf t = {0};
        put(&t, "");
        random_text(&t, test_below(100));
        for (size_t i = 0; i + MARK_HITS_READ <= t.n; i++) {
            unsigned m = mark_hits16(t.v + i);
            for (unsigned j = 0; j < 16; j++) {
                size_t at = i + j;
                unsigned char c = (unsigned char)t.v[at];
                bool lead = (c & 0xC0) != 0x80;
                bool acts = lead && (pair_mark(t.v, t.n, at) != 0 || may_spot(t.v, t.n, at));
                if (acts && !(m >> j & 1))
                    fail_msg("no hit at %zu in \"%s\"", at, t.v);
                if (!lead && (m >> j & 1))
                    fail_msg("a hit on a continuation byte at %zu in \"%s\"", at, t.v);
            }
        }
        free(t.v);
    }
}
#endif

/* A finding as raised: its rule, offset and argument. */
typedef struct raised {
    int rule;
    size_t off;
    char arg[64];
} raised;

typedef EL_VEC(raised) raised_v;

/* The plain walk of the marks rules over a span: each rule on its own, as with code in it. */
static void plain_marks(lint *L, const char *s, size_t n)
{
    span_unbalanced(L, s, n);
    span_punct(L, s, n);
    span_unattributed(L, s, n);
}

/* Run fn over doc's spans as el_lint does; the findings raised, and the counts per rule. */
static void run_marks(el_doc *doc, span_fn fn, raised_v *out, size_t *seen)
{
    el_config cfg;
    el_config_init(&cfg);
    lint L = {.doc = doc, .cfg = &cfg, .span_sec = -1};
    L.para_sec = xmalloc((doc->paras.n + 1) * sizeof *L.para_sec);
    for (size_t i = 0; i < doc->paras.n; i++)
        L.para_sec[i] = -1;
    size_t from = doc->findings.n;
    each_span(&L, fn);
    for (size_t i = from; i < doc->findings.n; i++) {
        const el_finding *f = &doc->findings.v[i];
        raised *r = EL_VEC_PUSH(*out);
        r->rule = f->rule;
        r->off = f->src_off;
        snprintf(r->arg, sizeof r->arg, "%s", f->arg ? f->arg : "");
    }
    doc->findings.n = from;
    memcpy(seen, L.seen, sizeof L.seen);
    free(L.opened.v);
    free(L.para_sec);
}

/* The findings of one rule, in the order raised (the cap keeps the first ones). */
static void assert_same_rule(const raised_v *a, const raised_v *b, int rule, const char *text)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < a->n && a->v[i].rule != rule)
            i++;
        while (j < b->n && b->v[j].rule != rule)
            j++;
        if (i == a->n || j == b->n)
            break;
        if (a->v[i].off != b->v[j].off || strcmp(a->v[i].arg, b->v[j].arg) != 0)
            fail_msg("rule %d: at %zu \"%s\", expected at %zu \"%s\" in \"%s\"", rule, a->v[i].off,
                     a->v[i].arg, b->v[j].off, b->v[j].arg, text);
        i++;
        j++;
    }
    while (i < a->n && a->v[i].rule != rule)
        i++;
    while (j < b->n && b->v[j].rule != rule)
        j++;
    if (i != a->n || j != b->n)
        fail_msg("rule %d: the findings differ in number in \"%s\"", rule, text);
}

/* span_marks against the plain walk over random drafts of plain text (no code: one walk). */
static void test_span_marks(void **state)
{
    (void)state;
    test_seed(419);
    for (int iter = 0; iter < 1500; iter++) {
        buf t = {0};
        put(&t, "标题\n\n");
        for (uint32_t p = 1 + test_below(4); p > 0; p--) {
            random_text(&t, test_below(iter % 3 ? 160 : 30));
            put(&t, "\n\n");
        }
        el_doc *doc = el_parse("draft.txt", t.v, t.n, NULL);
        assert_true(el_doc_ok(doc));
        raised_v fast = {0}, plain = {0};
        size_t seen_fast[EL_RULE_COUNT_], seen_plain[EL_RULE_COUNT_];
        run_marks(doc, span_marks, &fast, seen_fast);
        run_marks(doc, plain_marks, &plain, seen_plain);
        static const int rules[] = {EL_RULE_QUOTE_UNBALANCED, EL_RULE_PUNCT_HALFWIDTH,
                                    EL_RULE_PUNCT_ELLIPSIS, EL_RULE_QUOTE_UNATTRIBUTED};
        for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
            assert_same_rule(&fast, &plain, rules[r], t.v);
            assert_int_equal(seen_fast[rules[r]], seen_plain[rules[r]]);
        }
        free(fast.v);
        free(plain.v);
        el_doc_free(doc);
        free(t.v);
    }
}

/* ---- probe_bigrams ---- */

/* probe_bigrams one character at a time: every pair visited, in order. */
static bool plain_probe(const char *s, size_t n, bigrams *set, int mode, size_t *at)
{
    for (size_t i = 0, k; i < n; i += k) {
        k = el_u8_len((unsigned char)s[i]);
        if (n - i < k)
            break;
        if (pair_at(s, n, i, set, mode)) {
            *at = i + k;
            return true;
        }
    }
    return false;
}

/* A Han-heavy piece over a small alphabet, so that pairs of the set recur in the text. */
static const char *han_piece(void)
{
    static const char *const han[] = {"甲", "乙", "丙", "丁", "戊", "我", "们", "𠀀", "𠀁", "龥",
                                      "一", "二", "三", "，", "a",  "7",  "\n", "é",  "😀",  "。"};
    return han[test_below(sizeof han / sizeof han[0])];
}

/* The same pairs inserted into two sets. */
static void two_sets(bigrams *a, bigrams *b, const char *terms, size_t n)
{
    size_t at;
    bigrams_init(a, n / 3);
    bigrams_init(b, n / 3);
    each_bigram(terms, n, a, BIGRAM_INSERT, &at);
    each_bigram(terms, n, b, BIGRAM_INSERT, &at);
}

static void test_probe_bigrams(void **state)
{
    (void)state;
    test_seed(421);
    for (int iter = 0; iter < 6000; iter++) {
        buf terms = {0}, t = {0};
        put(&terms, "");
        put(&t, "");
        for (uint32_t k = test_below(12); k > 0; k--)
            put(&terms, han_piece());
        size_t len = test_below(iter % 2 ? 20 : 200);
        for (size_t k = 0; k < len; k++)
            put(&t, test_below(6) ? han_piece() : "中");
        /* ANY: the first pair of the set (stop pairs aside) */
        bigrams a, b;
        size_t at_a = 0, at_b = 0;
        two_sets(&a, &b, terms.v, terms.n);
        bool fa = probe_bigrams(t.v, t.n, &a, BIGRAM_ANY, &at_a);
        bool fb = plain_probe(t.v, t.n, &b, BIGRAM_ANY, &at_b);
        assert_int_equal(fa, fb);
        if (fa)
            assert_int_equal(at_a, at_b);
        bigrams_free(&a);
        bigrams_free(&b);
        /* MARK: a sweep from stop to stop, as the notes rule goes on */
        two_sets(&a, &b, terms.v, terms.n);
        for (size_t from = 0;;) {
            fa = probe_bigrams(t.v + from, t.n - from, &a, BIGRAM_MARK, &at_a);
            fb = plain_probe(t.v + from, t.n - from, &b, BIGRAM_MARK, &at_b);
            assert_int_equal(fa, fb);
            if (!fa)
                break;
            assert_int_equal(at_a, at_b);
            from += at_a;
        }
        assert_int_equal(a.seen, b.seen);
        assert_int_equal(a.cap, b.cap);
        assert_memory_equal(a.v, b.v, a.cap * sizeof *a.v);
        bigrams_free(&a);
        bigrams_free(&b);
        free(terms.v);
        free(t.v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_skip_cells),
#if defined(__SSE2__)
        cmocka_unit_test(test_mark_hits),
#endif
        cmocka_unit_test(test_span_marks),
        cmocka_unit_test(test_probe_bigrams),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
