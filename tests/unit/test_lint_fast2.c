/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the second round of lint.c fast paths, each against the plain version
 * it replaced: the sentence scan that passes the marks inside a sentence with the letters
 * (is_cell, skip_cells), the marks walk that takes the stops of a sixteen-byte block from one
 * load and passes the ASCII it has nothing to do with (since replaced by mark_hits16,
 * test_lint_fast4; mark_step), the rules run only where a cheap test says they can fire
 * (quote/unattributed on spans with a “ after a colon, the style rules on documents with hits of
 * their categories), the Han pair scans (a second filter, four characters a turn, the notes' essay
 * swept only as far as asked) and the stop pairs compared as code points. lint.c is included for
 * its static functions; inputs are random, from a fixed seed, over pieces that hit every row of
 * marks the fast paths tell apart.
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
#include "testref.h"

/* ---- random text ---- */

static const char *pick(const char *const *v, size_t n)
{
    return v[test_rand() % n];
}

#define PICK(v) pick(v, sizeof v / sizeof v[0])

/* Encode c (not a surrogate) at out; its byte length. */
static size_t enc(uint32_t c, char *out)
{
    int k = u8_uctomb((uint8_t *)out, c, 4);
    assert_true(k > 0);
    out[k] = '\0';
    return (size_t)k;
}

/* A random character of the rows the fast paths tell apart: U+2000–U+206F (spaces, invisible
 * marks, “” …), U+3000–U+303F (　、。《》【】), U+3164, U+FE00–U+FFFF (，！？（）． and the
 * BOM), Han, other lead bytes, ASCII (digits, letters, the half-width marks, blanks), 4 bytes. */
static const char *random_char(char *out)
{
    static const char *const fixed[] = {"甲",       "乙",       "丙丁", "甲乙丙丁戊己庚辛壬癸甲乙",
                                        "…",        "……",       "。。", "。。。",
                                        "．．．",   "···",      "...",  ",",
                                        ":",        ";",        "?",    "!",
                                        "(",        ")",        ".",    " ",
                                        "\t",       "\n",       "7",    "42",
                                        "a",        "Z",        "#",    "%",
                                        "\xC2\xA0", "\xC2\xAD", "é",    "𠀀",
                                        "😀",        "ᄀ",       "䶵",   "가",
                                        "〇"};
    switch (test_rand() % 8) {
    case 0:
        enc(0x2000 + test_rand() % 0x70, out);
        return out;
    case 1:
        enc(0x3000 + test_rand() % 0x40, out);
        return out;
    case 2:
        enc(test_rand() % 4 ? 0xFF00 + test_rand() % 0x40 : 0xFE00 + test_rand() % 0x200, out);
        return out;
    case 3:
        enc(test_rand() % 2 ? 0x3164 : 0x2E80 + test_rand() % 0x200, out);
        return out;
    default:
        return PICK(fixed);
    }
}

static void random_text(buf *b, size_t n)
{
    char c[8];
    for (size_t i = 0; i < n; i++)
        put(b, random_char(c));
}

/* ---- is_cell, skip_cells, sentence_chars, grid_count ---- */

/* Every character is_cell passes is three bytes, takes a cell and ends no sentence. */
static void test_is_cell(void **state)
{
    (void)state;
    size_t cells = 0;
    for (uint32_t c = 0x800; c <= 0xFFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        char s[8];
        size_t k = enc(c, s);
        assert_int_equal(k, 3);
        if (!is_cell((const unsigned char *)s, 3))
            continue;
        cells++;
        if (el_text_is_space(c) || el_text_is_sentence_end(c))
            fail_msg("U+%04X is passed as a cell", (unsigned)c);
        assert_false(is_cell((const unsigned char *)s, 2)); /* cut short: no cell */
    }
    assert_true(cells > 0x9000); /* the letters and the usual marks */
}

static void test_sentences(void **state)
{
    (void)state;
    for (int round = 0; round < 6000; round++) {
        buf t = {0};
        put(&t, "");
        random_text(&t, test_rand() % (round < 3000 ? 20 : 120));
        for (size_t a = 0; a < t.n;) {
            size_t c1, c2;
            size_t e1 = sentence_chars(t.v + a, t.n - a, &c1),
                   e2 = ref_sentence(t.v + a, t.n - a, &c2);
            if (e1 != e2 || c1 != c2)
                fail_msg("sentence at %zu of \"%s\": %zu %zu, expected %zu %zu", a, t.v, e1, c1, e2,
                         c2);
            a += e2 > 0 ? e2 : 1;
        }
        size_t chars = 0, hanzi = 0;
        el_text_count(t.v, t.n, &chars, &hanzi);
        assert_int_equal(grid_count(t.v, t.n), chars);
        /* skip_cells from every character start: the first character that is no cell */
        for (size_t i = 0; i < t.n; i++) {
            if (((unsigned char)t.v[i] & 0xC0) == 0x80)
                continue;
            size_t j = i;
            while (j < t.n && is_cell((const unsigned char *)t.v + j, t.n - j))
                j += 3;
            assert_int_equal(skip_cells(t.v, t.n, i), j);
        }
        free(t.v);
    }
}

/* ---- quote/unbalanced and the punctuation rules: the plain walk ---- */

static size_t ref_u8_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Which of “” 《》 （） 【】 s[i..] is: +1+type for an opener, -1-type for a closer, else 0. */
static int ref_pair(const char *s, size_t n, size_t i)
{
    static const char *const open[] = {"“", "《", "（", "【"}, *const close[] = {"”", "》", "）",
                                                                                 "】"};
    for (int t = 0; t < 4; t++) {
        if (n - i >= 3 && memcmp(s + i, open[t], 3) == 0)
            return 1 + t;
        if (n - i >= 3 && memcmp(s + i, close[t], 3) == 0)
            return -1 - t;
    }
    return 0;
}

typedef struct want {
    int rule;
    size_t off;
    char arg[64];
} want;

typedef EL_VEC(want) wants;

static void expect(wants *w, int rule, size_t off, const char *arg)
{
    want *x = EL_VEC_PUSH(*w);
    x->rule = rule;
    x->off = off;
    snprintf(x->arg, sizeof x->arg, "%s", arg ? arg : "");
}

static int by_want(const void *a, const void *b)
{
    const want *x = a, *y = b;
    if (x->off != y->off)
        return x->off < y->off ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule - y->rule;
    return strcmp(x->arg, y->arg);
}

/* The findings of doc->findings[from..to) whose rule is in mask. */
static void collect(wants *w, const el_doc *doc, size_t from, size_t to, uint64_t mask)
{
    for (size_t i = from; i < to; i++) {
        const el_finding *f = &doc->findings.v[i];
        if (mask >> f->rule & 1)
            expect(w, f->rule, f->src_off, f->arg);
    }
}

/* a and b hold the same findings, in any order. */
static void assert_same(wants *a, wants *b, const char *text)
{
    if (a->n > 1)
        qsort(a->v, a->n, sizeof *a->v, by_want);
    if (b->n > 1)
        qsort(b->v, b->n, sizeof *b->v, by_want);
    if (a->n != b->n)
        fail_msg("%zu findings where %zu were expected in \"%s\"", a->n, b->n, text);
    for (size_t i = 0; i < a->n; i++)
        if (by_want(&a->v[i], &b->v[i]) != 0)
            fail_msg("rule %d at %zu \"%s\", expected rule %d at %zu \"%s\" in \"%s\"",
                     a->v[i].rule, a->v[i].off, a->v[i].arg, b->v[i].rule, b->v[i].off, b->v[i].arg,
                     text);
}

#define BIT(r) ((uint64_t)1 << (r))

/* The unbalanced marks of s[0..n) and the punctuation spots, one character at a time. */
static void ref_marks(wants *w, const el_doc *doc, el_span sp)
{
    const char *s = el_doc_str(doc, sp);
    size_t n = sp.len, *stack = malloc((n / 3 + 1) * sizeof *stack), top = 0, depth[4] = {0};
    assert_non_null(stack);
    for (size_t i = 0; i < n;) {
        int m = ref_pair(s, n, i);
        if (m > 0) {
            stack[top++] = i;
            depth[m - 1]++;
        } else if (m < 0) {
            int t = -m - 1;
            if (depth[t] == 0) {
                char arg[4] = {s[i], s[i + 1], s[i + 2], '\0'};
                expect(w, EL_RULE_QUOTE_UNBALANCED, el_doc_src(doc, sp.off + i), arg);
            }
            while (depth[t] > 0) {
                size_t o = stack[--top];
                int ot = ref_pair(s, n, o) - 1;
                depth[ot]--;
                if (ot == t)
                    break;
                char arg[4] = {s[o], s[o + 1], s[o + 2], '\0'};
                expect(w, EL_RULE_QUOTE_UNBALANCED, el_doc_src(doc, sp.off + o), arg);
            }
        }
        i += m ? 3 : ref_u8_len((unsigned char)s[i]);
    }
    for (size_t k = 0; k < top; k++) {
        char arg[4] = {s[stack[k]], s[stack[k] + 1], s[stack[k] + 2], '\0'};
        expect(w, EL_RULE_QUOTE_UNBALANCED, el_doc_src(doc, sp.off + stack[k]), arg);
    }
    free(stack);
}

typedef struct spot_ctx {
    wants *w;
    const el_doc *doc;
    size_t off;
} spot_ctx;

static void on_spot(void *ctx, int rule, size_t off, size_t len, size_t mark_len, const char *repl)
{
    spot_ctx *E = ctx;
    (void)len;
    (void)mark_len;
    (void)repl;
    expect(E->w, rule, el_doc_src(E->doc, E->off + off), NULL);
}

/* Analyse text; the marks rules' findings must be the plain walk's (el_lint_punct_scan_doc,
   tested against its own plain version in test_lint_fast.c, for the spots). */
static void check_marks(const char *name, const char *text)
{
    el_doc *doc = el_parse(name, text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_analyze(doc, NULL);
    wants want_v = {0}, got = {0};
    for (size_t i = 0; i <= doc->paras.n; i++) {
        el_span sp = i < doc->paras.n ? doc->paras.v[i].txt : doc->title;
        if (sp.len == 0)
            continue;
        ref_marks(&want_v, doc, sp);
        spot_ctx E = {&want_v, doc, sp.off};
        el_lint_punct_scan_doc(doc, sp.off, sp.len, on_spot, &E);
    }
    uint64_t mask =
        BIT(EL_RULE_QUOTE_UNBALANCED) | BIT(EL_RULE_PUNCT_HALFWIDTH) | BIT(EL_RULE_PUNCT_ELLIPSIS);
    collect(&got, doc, 0, doc->findings.n, mask);
    size_t per[EL_RULE_COUNT_] = {0};
    for (size_t i = 0; i < want_v.n; i++)
        per[want_v.v[i].rule]++;
    /* (past a cap the findings become a summary: compare the drafts below the caps) */
    if (per[EL_RULE_QUOTE_UNBALANCED] <= EL_LINT_MAX_UNBALANCED &&
        per[EL_RULE_PUNCT_HALFWIDTH] <= EL_LINT_MAX_PER_RULE &&
        per[EL_RULE_PUNCT_ELLIPSIS] <= EL_LINT_MAX_PER_RULE) {
        for (size_t i = 0; i < got.n; i++)
            if (got.v[i].rule != EL_RULE_QUOTE_UNBALANCED)
                got.v[i].arg[0] = '\0';
        assert_same(&got, &want_v, text);
    }
    free(want_v.v);
    free(got.v);
    el_doc_free(doc);
}

static void test_marks_rows(void **state)
{
    (void)state;
    static const char *const marks[] = {"“", "”", "《", "》", "（", "）", "【", "】", "：“", ":“"};
    for (int round = 0; round < 1500; round++) {
        bool md = round % 4 == 0;
        buf t = {0};
        put(&t, md ? "# 标题" : "标题");
        put(&t, "\n\n");
        size_t np = 1 + test_rand() % 3;
        for (size_t p = 0; p < np; p++) {
            size_t n = 1 + test_rand() % 40;
            for (size_t i = 0; i < n; i++) {
                char c[8];
                unsigned r = test_rand() % 10;
                if (md && r == 0)
                    put(&t, "`甲“,（`");
                else if (r < 3)
                    put(&t, PICK(marks));
                else
                    put(&t, random_char(c));
            }
            put(&t, "\n\n");
        }
        check_marks(md ? "m.md" : "m.txt", t.v);
        free(t.v);
    }
}

/* ---- rules run only where they can fire: against running them everywhere ---- */

/* Run fn over every span of an analysed doc as el_lint would, without the tests that skip
   spans, and collect the findings of mask it raises (then drop them). */
static void ungated(el_doc *doc, const el_config *cfg, span_fn fn, uint64_t mask, wants *w)
{
    lint L = {.doc = doc, .cfg = cfg, .span_sec = -1};
    L.para_sec = malloc((doc->paras.n + 1) * sizeof *L.para_sec);
    assert_non_null(L.para_sec);
    for (size_t i = 0; i < doc->paras.n; i++)
        L.para_sec[i] = -1;
    for (size_t s = 0; s < doc->sections.n; s++) {
        const el_section *sec = &doc->sections.v[s];
        for (size_t p = sec->para0; p < sec->para0 + sec->npara && p < doc->paras.n; p++)
            L.para_sec[p] = (int)s;
    }
    size_t from = doc->findings.n;
    each_span(&L, fn);
    collect(w, doc, from, doc->findings.n, mask);
    doc->findings.n = from;
    free(L.para_sec);
    free(L.opened.v);
}

static void check_gated(const char *name, const char *text, const el_config *cfg, span_fn fn,
                        uint64_t mask)
{
    el_doc *doc = el_parse(name, text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_analyze(doc, cfg);
    wants got = {0}, full = {0};
    collect(&got, doc, 0, doc->findings.n, mask);
    el_config defaults;
    el_config_init(&defaults);
    ungated(doc, cfg ? cfg : &defaults, fn, mask, &full);
    if (full.n < EL_LINT_MAX_PER_RULE)
        assert_same(&got, &full, text);
    free(got.v);
    free(full.v);
    el_doc_free(doc);
}

static void test_unattributed_gate(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "强调", "指出", "提出", "表示", "：“", ":“",   "“",  "”",  "：",       "总书记", "专家",
        "他",   "明确", "的",   "，",   "。",  "甲乙", "丙", "\n", "《报告》", "正如"};
    size_t fired = 0;
    for (int round = 0; round < 800; round++) {
        bool md = round % 3 == 0;
        buf t = {0};
        put(&t, "题目甲乙\n\n");
        size_t np = 1 + test_rand() % 4;
        for (size_t p = 0; p < np; p++) {
            put(&t, md ? "" : "　　");
            size_t n = 1 + test_rand() % 20;
            for (size_t i = 0; i < n; i++)
                put(&t, md && test_rand() % 12 == 0 ? "`强调：“`" : PICK(pieces));
            put(&t, md ? "\n\n" : "\n");
        }
        el_doc *doc = el_parse("u.txt", t.v, t.n, NULL);
        el_analyze(doc, NULL);
        for (size_t i = 0; i < doc->findings.n; i++)
            fired += doc->findings.v[i].rule == EL_RULE_QUOTE_UNATTRIBUTED;
        el_doc_free(doc);
        check_gated(md ? "u.md" : "u.txt", t.v, NULL, span_unattributed,
                    BIT(EL_RULE_QUOTE_UNATTRIBUTED));
        free(t.v);
    }
    assert_true(fired > 50); /* the drafts do trip the rule */
}

static void test_style_gate(void **state)
{
    (void)state;
    static const char *const pieces[] = {"甲乙", "丙",   "，",     "。",   "“",    "”",
                                         "啥",   "挺好", "我认为", "我们", "搞定", "嗯哪"};
    static const char json[] = "{\"lexicon\": {\"colloquial\": [\"嗯哪\"]}}";
    char *err = NULL;
    el_config *extra = el_config_parse("c.json", json, sizeof json - 1, &err);
    assert_non_null(extra);
    size_t fired = 0, quiet = 0;
    for (int round = 0; round < 600; round++) {
        buf t = {0};
        put(&t, "题目甲乙\n\n");
        size_t np = 1 + test_rand() % 3;
        bool plain = test_rand() % 2; /* half the drafts without any style word */
        for (size_t p = 0; p < np; p++) {
            put(&t, "　　");
            size_t n = 1 + test_rand() % 20;
            for (size_t i = 0; i < n; i++)
                put(&t, plain ? pieces[test_rand() % 6] : PICK(pieces));
            put(&t, "\n");
        }
        const el_config *cfg = round % 3 == 0 ? extra : NULL;
        el_doc *doc = el_parse("s.txt", t.v, t.n, NULL);
        el_analyze(doc, cfg);
        size_t k = 0;
        for (size_t i = 0; i < doc->findings.n; i++)
            k += doc->findings.v[i].rule == EL_RULE_STYLE_COLLOQUIAL ||
                 doc->findings.v[i].rule == EL_RULE_STYLE_FIRST_PERSON;
        fired += k;
        quiet += doc->lexcount[EL_LEX_COLLOQUIAL] + doc->lexcount[EL_LEX_FIRSTPERSON] == 0;
        el_doc_free(doc);
        check_gated("s.txt", t.v, cfg, span_style,
                    BIT(EL_RULE_STYLE_COLLOQUIAL) | BIT(EL_RULE_STYLE_FIRST_PERSON));
        free(t.v);
    }
    assert_true(fired > 100 && quiet > 100);
    el_config_free(extra);
}

/* ---- the Han pair scans ---- */

/* The stop pairs as the list of words they were (decoded one by one). */
static void test_stop_bigram(void **state)
{
    (void)state;
    static const char *const words[] = {
        "我们", "他们", "一个", "这个", "那个", "进行", "以及", "就是", "不是", "可以",
        "需要", "没有", "已经", "通过", "因此", "所以", "但是", "如果", "因为", "同时",
        "而且", "不断", "更加", "之间", "之中", "方面", "其中", "只有", "才能", "为了",
    };
    uint64_t keys[30];
    for (size_t i = 0; i < 30; i++) {
        size_t k1, k2;
        uint32_t a = el_text_cp(words[i], 6, 0, &k1), b = el_text_cp(words[i], 6, k1, &k2);
        keys[i] = (uint64_t)a << 32 | b;
        assert_true(stop_bigram(keys[i]));
    }
    for (int round = 0; round < 200000; round++) {
        uint64_t key =
            (uint64_t)(0x4E00 + test_rand() % 0x5200) << 32 | (0x4E00 + test_rand() % 0x5200);
        bool listed = false;
        for (size_t i = 0; i < 30; i++)
            listed = listed || keys[i] == key;
        assert_int_equal(stop_bigram(key), listed);
    }
}

/* probe_bigrams against one decode per character: BIGRAM_ANY's answer, and the stops of
 * BIGRAM_MARK scans gone on with from each stop (as the notes rule does). */
static void test_probe(void **state)
{
    (void)state;
    static const char *const han[] = {"甲", "乙", "丙", "〇", "㐀", "䶵", "﨎", "𠀀",
                                      "尀", "가", "嘀", "😀",  "a",  "，", "—",  "。"};
    for (int round = 0; round < 4000; round++) {
        buf t = {0}, keys = {0};
        put(&t, "");
        put(&keys, "");
        size_t n = test_rand() % (round % 2 ? 12 : 90);
        for (size_t i = 0; i < n; i++)
            put(&t, PICK(han));
        size_t nk = 1 + test_rand() % 6;
        for (size_t i = 0; i < nk; i++)
            put(&keys, PICK(han));
        for (int mode = BIGRAM_ANY; mode <= BIGRAM_MARK; mode++) {
            bigrams set;
            size_t at;
            bigrams_init(&set, keys.n / 3 + 1);
            each_bigram(keys.v, keys.n, &set, BIGRAM_INSERT, &at);
            /* the plain scan: every pair decoded, in order */
            for (size_t from = 0;;) {
                size_t want_at = 0;
                bool expect_stop = false;
                uint32_t prev = 0;
                size_t k;
                for (size_t i = from; i < t.n && !expect_stop; i += k) {
                    uint32_t c = el_text_cp(t.v, t.n, i, &k);
                    if (el_text_is_han(c) && prev) {
                        uint64_t *slot = bigram_slot(&set, (uint64_t)prev << 32 | c);
                        if (*slot && (mode == BIGRAM_ANY ? !stop_bigram(*slot & ~PAIR_SEEN)
                                                         : !(*slot & PAIR_SEEN))) {
                            expect_stop = true;
                            want_at = i;
                        }
                    }
                    prev = el_text_is_han(c) ? c : 0;
                }
                size_t got_at = 0;
                bool got = probe_bigrams(t.v + from, t.n - from, &set, mode, &got_at);
                assert_int_equal(got, expect_stop);
                if (!got)
                    break;
                assert_int_equal(from + got_at, want_at);
                if (mode == BIGRAM_ANY)
                    break;
                from += got_at; /* the mark is set: the next scan goes on from there */
            }
            bigrams_free(&set);
        }
        free(t.v);
        free(keys.v);
    }
}

/* Notes of several sections quoting terms found early, late or never in a longer essay: the
 * claims are those a plain search finds (the sweep goes only as far as the terms ask). */
static void test_notes_sweep(void **state)
{
    (void)state;
    static const char *const han[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛",
                                      "壬", "癸", "子", "丑", "寅", "卯", "𠀀", "〇"};
    size_t claims = 0, found = 0;
    for (int round = 0; round < 300; round++) {
        buf t = {0};
        put(&t, "标题甲乙\n\n");
        size_t np = 2 + test_rand() % 4;
        for (size_t p = 0; p < np; p++) {
            put(&t, "　　");
            size_t n = 5 + test_rand() % 80;
            for (size_t i = 0; i < n; i++)
                put(&t, test_rand() % 8 ? PICK(han) : "，");
            put(&t, "。\n\n");
        }
        size_t nn = 1 + test_rand() % 3;
        put(&t, "写作分析\n\n");
        for (size_t k = 0; k < nn; k++) {
            char head[32];
            snprintf(head, sizeof head, "%zu.\n点评：", k + 1);
            put(&t, head);
            size_t nt = 1 + test_rand() % 5;
            for (size_t i = 0; i < nt; i++) {
                put(&t, "“");
                size_t n = 2 + test_rand() % 5;
                for (size_t j = 0; j < n; j++)
                    put(&t, PICK(han));
                put(&t, "”，");
            }
            put(&t, "\n\n");
        }
        el_doc *doc = el_parse("n.txt", t.v, t.n, NULL);
        assert_true(el_doc_ok(doc));
        el_analyze(doc, NULL);
        /* the essay as the rule sees it */
        buf e = {0};
        put(&e, "");
        el_span first = doc->title;
        if (first.len) {
            char *x = strndup(el_doc_str(doc, first), first.len);
            put(&e, x);
            free(x);
        }
        for (size_t i = 0; i < doc->sections.n; i++)
            if (doc->sections.v[i].title.len) {
                char *x = strndup(el_doc_str(doc, doc->sections.v[i].title),
                                  doc->sections.v[i].title.len);
                put(&e, "\n");
                put(&e, x);
                free(x);
            }
        for (size_t i = 0; i < doc->paras.n; i++) {
            char *x = strndup(el_doc_str(doc, doc->paras.v[i].txt), doc->paras.v[i].txt.len);
            put(&e, "\n");
            put(&e, x);
            free(x);
        }
        wants want_v = {0}, got = {0};
        for (size_t ni = 0; ni < doc->notes.n; ni++) {
            const char *s = el_doc_str(doc, doc->notes.v[ni].txt);
            size_t n = doc->notes.v[ni].txt.len;
            for (size_t i = 0; i + 3 <= n; i++) {
                if (memcmp(s + i, "“", 3) != 0)
                    continue;
                const char *z = memmem(s + i + 3, n - i - 3, "”", 3);
                if (z == NULL)
                    break;
                size_t a = i + 3, b = (size_t)(z - s), cps = el_text_ncp(s + a, b - a);
                if (cps < 2 || cps > EL_TERM_MAX)
                    continue;
                bool has = ref_term_in(e.v, e.n, s + a, b - a);
                if (!has) {
                    char *x = strndup(s + a, b - a);
                    expect(&want_v, EL_RULE_NOTES_CLAIM_NOT_FOUND,
                           el_doc_src(doc, doc->notes.v[ni].txt.off + i), x);
                    free(x);
                }
                found += has && han_pair(s + a, b - a);
                i = b + 2;
            }
        }
        /* claims at an opening quotation mark only (not the notes' places) */
        for (size_t i = 0; i < doc->findings.n; i++) {
            const el_finding *f = &doc->findings.v[i];
            if (f->rule == EL_RULE_NOTES_CLAIM_NOT_FOUND && f->src_off + 3 <= doc->len &&
                memcmp(doc->text + f->src_off, "“", 3) == 0)
                expect(&got, f->rule, f->src_off, f->arg);
        }
        claims += want_v.n;
        if (want_v.n < EL_LINT_MAX_PER_RULE)
            assert_same(&got, &want_v, t.v);
        free(want_v.v);
        free(got.v);
        free(e.v);
        el_doc_free(doc);
        free(t.v);
    }
    assert_true(claims > 50 && found > 200); /* both outcomes, many times */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_is_cell),    cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_marks_rows), cmocka_unit_test(test_unattributed_gate),
        cmocka_unit_test(test_style_gate), cmocka_unit_test(test_stop_bigram),
        cmocka_unit_test(test_probe),      cmocka_unit_test(test_notes_sweep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
