/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the fast paths of lint.c and text.c, each against the plain version
 * it replaced, kept here: the punctuation scan (split into punct_at, asked only where may_spot
 * allows, and walked together with quote/unbalanced in one pass per span that skips letters
 * sixteen bytes a turn), the sentence length rule (which stops once the rest of a paragraph
 * cannot hold a long sentence, on the premise that its sentences' grid counts add up to
 * el_text_count's, and skips letters likewise), the notes rule and structure/conclusion-echo
 * (which probe small sets of Han pairs built from the short side instead of a set of the
 * whole essay, testing a filter bit read from a character's bytes without decoding it, and
 * look for the essay's digits eight bytes at a time), structure/argument-parallel (grid counts
 * and punctuation patterns that skip letters), the numbers written without snprintf, and
 * el_text_ncp (sixteen bytes a turn). Inputs are random drafts built from pieces that hit every
 * case, with a fixed seed so failures repeat.
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

#include "config.h"
#include "doc.h"
#include "lint.h"
#include "rules.h"
#include "section.h"
#include "text.h"

/* ---- random input ---- */

#include "testbuf.h"
#include "testclaims.h"
#include "testrand.h"
#include "testref.h"

static const char *pick(const char *const *v, size_t n)
{
    return v[test_rand() % n];
}

#define PICK(v) pick(v, sizeof v / sizeof v[0])

/* Pieces of a paragraph: Han (a small alphabet, so that pairs repeat), the paired marks, the
 * half-width marks the punctuation rule looks at, runs of dots, blanks, closers, digits. */
static const char *const para_pieces[] = {
    "甲",
    "乙",
    "丙",
    "丁",
    "戊",
    "己",
    "庚",
    "辛",
    "壬",
    "癸",
    "甲乙",
    "丙丁戊",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "【",
    "】",
    "，",
    "。",
    "！",
    "？",
    "、",
    "：",
    ",",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    ".",
    "...",
    "。。。",
    "…",
    "……",
    "………",
    "·",
    "···",
    "．．．",
    " ",
    "\t",
    "　",
    "’",
    "」",
    "』",
    "a",
    "Z",
    "7",
    "“甲乙”",
    "（丙）",
    "é",
    "😀",
    "〇",
    /* runs of two dots (half of what the ellipsis rule wants); letters of other lead bytes
       (E1, E4 below U+4E00, EA..EE, 4-byte Han); Han runs longer than sixteen bytes */
    "。。",
    "．．",
    "··",
    "..",
    "ᄀ",
    "䶵",
    "가",
    "ꀀ",
    "𠀀",
    "—",
    "甲乙丙丁戊己庚辛",
    "壬癸甲乙丙丁戊己庚辛壬癸",
};

/* A random paragraph of about n pieces (no line break). */
static void random_para(buf *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put(b, PICK(para_pieces));
}

/* Parse and analyse text as name under cfg (NULL: defaults). */
static el_doc *analyse(const char *name, const char *text, const el_config *cfg)
{
    el_doc *doc = el_parse(name, text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_analyze(doc, cfg);
    return doc;
}

/* ---- expected findings ---- */

typedef struct want {
    int rule;
    size_t src_off;
    char arg[96]; /* "" when the argument is not compared */
} want;

typedef struct wants {
    want *v;
    size_t n, cap;
} wants;

static void expect(wants *w, int rule, size_t src_off, const char *arg)
{
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->v = realloc(w->v, w->cap * sizeof *w->v);
        assert_non_null(w->v);
    }
    want *x = &w->v[w->n++];
    x->rule = rule;
    x->src_off = src_off;
    snprintf(x->arg, sizeof x->arg, "%s", arg ? arg : "");
}

static int by_want(const void *a, const void *b)
{
    const want *x = a, *y = b;
    if (x->src_off != y->src_off)
        return x->src_off < y->src_off ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule - y->rule;
    return strcmp(x->arg, y->arg);
}

/*
 * The document's findings of the rules in mask must be exactly w (arguments compared where w
 * has one). check_arg(rule) says whether the argument of that rule is compared.
 */
static void assert_findings(const el_doc *doc, wants *w, uint64_t mask, uint64_t args)
{
    wants got = {0};
    for (size_t i = 0; i < doc->findings.n; i++) {
        const el_finding *f = &doc->findings.v[i];
        if (mask >> f->rule & 1)
            expect(&got, f->rule, f->src_off, (args >> f->rule & 1) ? f->arg : NULL);
    }
    for (size_t i = 0; i < w->n; i++)
        if (!(args >> w->v[i].rule & 1))
            w->v[i].arg[0] = '\0';
    if (got.n > 1)
        qsort(got.v, got.n, sizeof *got.v, by_want);
    if (w->n > 1)
        qsort(w->v, w->n, sizeof *w->v, by_want);
    if (got.n != w->n)
        fail_msg("%zu findings where %zu were expected", got.n, w->n);
    for (size_t i = 0; i < w->n; i++) {
        if (by_want(&got.v[i], &w->v[i]) != 0)
            fail_msg("finding %zu: rule %d at %zu \"%s\", expected rule %d at %zu \"%s\"", i,
                     got.v[i].rule, got.v[i].src_off, got.v[i].arg, w->v[i].rule, w->v[i].src_off,
                     w->v[i].arg);
    }
    free(got.v);
}

#define BIT(r) ((uint64_t)1 << (r))

/* ---- the plain punctuation scan and quote/unbalanced, as they were ---- */

static bool ref_is_closing(uint32_t c)
{
    return c == 0x201D || c == 0x2019 || c == 0x300B || c == 0xFF09 || c == 0x300D || c == 0x300F ||
           c == 0x3011;
}

static bool ref_is_opening(uint32_t c)
{
    return c == 0x201C || c == 0x2018 || c == 0x300A || c == 0xFF08 || c == 0x300C || c == 0x300E ||
           c == 0x3010;
}

static bool ref_is_cjk(uint32_t c)
{
    return el_text_is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026 || c == 0x2014 ||
           c == 0x00B7;
}

static uint32_t ref_prev_ns(const char *s, size_t i)
{
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    if (i == 0)
        return 0;
    size_t st;
    return el_text_prev_cp(s, i, &st);
}

static uint32_t ref_next_ns(const char *s, size_t n, size_t i, size_t *at)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    *at = i;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
        i++;
    if (i >= n)
        return 0;
    size_t k;
    return el_text_cp(s, n, i, &k);
}

static size_t ref_run_of(const char *s, size_t n, size_t i, const char *seq, size_t k)
{
    size_t r = 0;
    while (i + k <= n && memcmp(s + i, seq, k) == 0)
        i += k, r++;
    return r;
}

static size_t ref_u8_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static void ref_punct_scan(const char *s, size_t n, el_punct_cb cb, void *ctx)
{
    static const char marks[] = ",:;?!().";
    static const char *const full[] = {"，", "：", "；", "？", "！", "（", "）", "。"};
    static const struct {
        const char *seq;
        size_t k, min;
    } dots[] = {{".", 1, 3}, {"。", 3, 3}, {"·", 2, 3}, {"．", 3, 3}, {"…", 3, 1}};
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c >= 0xE4 && c <= 0xEE) {
            i += 3;
            continue;
        }
        const char *hm = c && c < 0x80 ? strchr(marks, c) : NULL;
        if (c == '.' && i + 1 < n && u[i + 1] == '.')
            hm = NULL; /* a run of dots */
        if (hm) {
            int h = (int)(hm - marks);
            /* an ASCII " is looked through on either side (round 14: "毒瘤". 指出:"要) */
            size_t j = i;
            while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
                j--;
            uint32_t p = ref_prev_ns(s, j > 0 && s[j - 1] == '"' ? j - 1 : i);
            size_t at, at2, to = i + 1;
            uint32_t q = ref_next_ns(s, n, i + 1, &at);
            while (to < n && (s[to] == ' ' || s[to] == '\t' || s[to] == '\n'))
                to++;
            if (q == '"')
                q = ref_next_ns(s, n, to + 1, &at2);
            bool fire = false;
            size_t len = 1;
            /* after Chinese: Han, a closing mark, or an ASCII ) right after Han and right
               before any mark but ) with no space after the mark; a figure right after */
            size_t st;
            bool chinese = el_text_is_han(p) || ref_is_closing(p) ||
                           (c != ')' && at == i + 1 && i >= 2 && s[i - 1] == ')' &&
                            el_text_is_han(el_text_prev_cp(s, i - 1, &st)));
            bool figure = chinese && q >= '0' && q <= '9' && at == i + 1; /* 通报,2023年 */
            if (c == '(') {
                fire = el_text_is_han(q) || ref_is_opening(q);
            } else if (c == ')') {
                fire = el_text_is_han(p) || ref_is_closing(p);
            } else if (chinese || p == '%' || (p >= '0' && p <= '9')) {
                if (c == '?' || c == '!')
                    fire = q == 0 || ref_is_cjk(q) || q == '?' || q == '!' || figure;
                else if (c == '.')
                    fire = q == 0 || ref_is_cjk(q) || ref_is_opening(q) || figure;
                else
                    fire = el_text_is_han(q) || ref_is_opening(q) || figure;
                if (!chinese && (q == 0 || (c == '.' && p != '%')))
                    fire = false;
                if (c == '.' && el_text_list_number(s, i))
                    fire = false;
                if (fire && q != 0 && ref_is_cjk(q))
                    len = at - i;
            }
            if (fire)
                cb(ctx, EL_RULE_PUNCT_HALFWIDTH, i, len, 1, full[h]);
            i++;
            continue;
        }
        int d = c == '.' ? 0 : c == 0xE3 ? 1 : c == 0xC2 ? 2 : c == 0xEF ? 3 : c == 0xE2 ? 4 : -1;
        if (d >= 0) {
            size_t r = ref_run_of(s, n, i, dots[d].seq, dots[d].k);
            if (r > 0) {
                size_t len = r * dots[d].k;
                if (dots[d].min == 1 ? r == 1 : r >= dots[d].min)
                    cb(ctx, EL_RULE_PUNCT_ELLIPSIS, i, len, len, "……");
                i += len;
                continue;
            }
        }
        i += ref_u8_len(c);
    }
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

/* Offsets of the unmatched marks of s[0..n), in the order quote/unbalanced raises them. */
static size_t ref_unbalanced(const char *s, size_t n, size_t *out)
{
    size_t *stack = malloc((n / 3 + 1) * sizeof *stack), sp = 0, depth[4] = {0}, k = 0;
    assert_non_null(stack);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xE4 && c <= 0xEE) {
            i += 3;
            continue;
        }
        int m = ref_pair(s, n, i);
        if (m > 0) {
            stack[sp++] = i;
            depth[m - 1]++;
        } else if (m < 0) {
            int t = -m - 1;
            if (depth[t] == 0) {
                out[k++] = i;
            } else {
                for (;;) {
                    size_t o = stack[--sp];
                    int ot = ref_pair(s, n, o) - 1;
                    depth[ot]--;
                    if (ot == t)
                        break;
                    out[k++] = o;
                }
            }
        }
        i += m ? 3 : ref_u8_len(c);
    }
    for (size_t j = 0; j < sp; j++)
        out[k++] = stack[j];
    free(stack);
    return k;
}

/* ---- el_lint_punct_scan against the plain scan ---- */

typedef struct spot {
    int rule;
    size_t off, len, mark_len;
    const char *repl;
} spot;

typedef struct spots {
    spot v[4096];
    size_t n;
} spots;

static void on_spot(void *ctx, int rule, size_t off, size_t len, size_t mark_len, const char *repl)
{
    spots *S = ctx;
    assert_true(S->n < sizeof S->v / sizeof S->v[0]);
    S->v[S->n++] = (spot){rule, off, len, mark_len, repl};
}

static void test_punct_scan(void **state)
{
    (void)state;
    static const char *const bytes[] = {"\xE4", "\xE3\x80", "\xEF", "\xC2", "\x80", "\xFF", "\n"};
    static spots a, b;
    for (int round = 0; round < 3000; round++) {
        buf t = {0};
        put(&t, "");
        size_t n = test_rand() % 60;
        for (size_t i = 0; i < n; i++)
            put(&t, test_rand() % 8 ? PICK(para_pieces) : PICK(bytes)); /* some invalid bytes */
        a.n = b.n = 0;
        el_lint_punct_scan(t.v, t.n, on_spot, &a);
        ref_punct_scan(t.v, t.n, on_spot, &b);
        assert_int_equal(a.n, b.n);
        for (size_t i = 0; i < a.n; i++) {
            assert_int_equal(a.v[i].rule, b.v[i].rule);
            assert_int_equal(a.v[i].off, b.v[i].off);
            assert_int_equal(a.v[i].len, b.v[i].len);
            assert_int_equal(a.v[i].mark_len, b.v[i].mark_len);
            assert_string_equal(a.v[i].repl, b.v[i].repl);
        }
        free(t.v);
    }
}

/* ---- quote/unbalanced and the punctuation rules, walked together ---- */

typedef struct expect_ctx {
    wants *w;
    const el_doc *doc;
    size_t off; /* plain offset of the scanned span */
} expect_ctx;

static void expect_punct(void *ctx, int rule, size_t off, size_t len, size_t mark_len,
                         const char *repl)
{
    expect_ctx *E = ctx;
    char arg[96] = "";
    (void)len;
    (void)mark_len;
    if (rule == EL_RULE_PUNCT_HALFWIDTH)
        snprintf(arg, sizeof arg, "%c" EL_ARG_SEP "%s", E->doc->plain.v[E->off + off], repl);
    expect(E->w, rule, el_doc_src(E->doc, E->off + off), arg);
}

/* What quote/unbalanced and the punctuation rules find in one span of doc. */
static void expect_marks(wants *w, const el_doc *doc, el_span sp)
{
    const char *s = el_doc_str(doc, sp);
    size_t *offs = malloc((sp.len / 3 + 1) * sizeof *offs);
    assert_non_null(offs);
    size_t k = ref_unbalanced(s, sp.len, offs);
    for (size_t i = 0; i < k; i++) {
        char arg[4] = {s[offs[i]], s[offs[i] + 1], s[offs[i] + 2], '\0'};
        expect(w, EL_RULE_QUOTE_UNBALANCED, el_doc_src(doc, sp.off + offs[i]), arg);
    }
    free(offs);
    expect_ctx E = {w, doc, sp.off};
    /* the code in the span (Markdown) is left out by el_lint_punct_scan_doc, tested apart */
    el_lint_punct_scan_doc(doc, sp.off, sp.len, expect_punct, &E);
}

static void check_marks(const char *name, const char *text)
{
    el_doc *doc = analyse(name, text, NULL);
    wants w = {0};
    if (doc->title.len)
        expect_marks(&w, doc, doc->title);
    for (size_t i = 0; i < doc->paras.n; i++)
        expect_marks(&w, doc, doc->paras.v[i].txt);
    for (size_t i = 0; i < doc->sections.n; i++) { /* the headings' punctuation (round 14) */
        expect_ctx E = {&w, doc, doc->sections.v[i].title.off};
        if (el_lint_heading(doc, i))
            el_lint_punct_scan_doc(doc, E.off, doc->sections.v[i].title.len, expect_punct, &E);
    }
    uint64_t rules =
        BIT(EL_RULE_QUOTE_UNBALANCED) | BIT(EL_RULE_PUNCT_HALFWIDTH) | BIT(EL_RULE_PUNCT_ELLIPSIS);
    uint64_t args = BIT(EL_RULE_QUOTE_UNBALANCED) | BIT(EL_RULE_PUNCT_HALFWIDTH);
    size_t unbalanced = 0, punct[2] = {0};
    for (size_t i = 0; i < w.n; i++) {
        unbalanced += w.v[i].rule == EL_RULE_QUOTE_UNBALANCED;
        punct[0] += w.v[i].rule == EL_RULE_PUNCT_HALFWIDTH;
        punct[1] += w.v[i].rule == EL_RULE_PUNCT_ELLIPSIS;
    }
    /* past the caps the findings become one summary each: compare only drafts below them */
    if (unbalanced <= EL_LINT_MAX_UNBALANCED && punct[0] <= EL_LINT_MAX_PER_RULE &&
        punct[1] <= EL_LINT_MAX_PER_RULE)
        assert_findings(doc, &w, rules, args);
    free(w.v);
    el_doc_free(doc);
}

static void test_marks(void **state)
{
    (void)state;
    for (int round = 0; round < 400; round++) {
        bool md = round % 3 == 0;
        buf t = {0};
        put(&t, md ? "# " : "");
        random_para(&t, 1 + test_rand() % 6);
        put(&t, "\n\n");
        size_t np = 1 + test_rand() % 4;
        for (size_t p = 0; p < np; p++) {
            put(&t, md ? "" : "　　");
            size_t n = 1 + test_rand() % 25;
            for (size_t i = 0; i < n; i++) {
                if (md && test_rand() % 10 == 0)
                    put(&t, test_rand() % 2 ? "`甲“,（`" : "`...`"); /* code: no punctuation */
                else
                    put(&t, PICK(para_pieces));
            }
            put(&t, md ? "\n\n" : "\n");
        }
        check_marks(md ? "m.md" : "m.txt", t.v);
        free(t.v);
    }
}

/* ---- length/sentence: the scan that stops when the rest of the paragraph is short ---- */

/* (ref_sentence and ref_closer: testref.h) */

/* Pieces of any bytes at all: the premise must hold on invalid text too. */
static const char *const any_pieces[] = {"甲",
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
                                         "】",
                                         "\"",
                                         "」",
                                         "』",
                                         " ",
                                         "　",
                                         "\xEF\xBB\xBF",
                                         "\xE2\x80\x8B",
                                         "a",
                                         "，",
                                         "、",
                                         "\xE4",
                                         "\xE4\xB8",
                                         "\x80",
                                         "\xBF\xBF",
                                         "\xFF",
                                         "\xF0\x9F\x98\x80",
                                         "\xF0\x9F",
                                         "\xC0\xAF",
                                         "\xED\xA0\x80",
                                         "䷀",
                                         "㐀",
                                         "〇",
                                         "\xE3\x80\x82\x82"};

static void test_sentence_premise(void **state)
{
    (void)state;
    for (int round = 0; round < 5000; round++) {
        buf t = {0};
        put(&t, "");
        size_t n = test_rand() % 80;
        for (size_t i = 0; i < n; i++)
            put(&t, PICK(any_pieces));
        size_t chars = 0, hanzi = 0, sentences = 0, sum = 0;
        el_text_count_sentences(t.v, t.n, &chars, &hanzi, &sentences);
        for (size_t a = 0; a < t.n;) {
            size_t c, e = a + ref_sentence(t.v + a, t.n - a, &c);
            assert_true(e > a);
            assert_int_equal(e - a, el_text_sentence_end(t.v + a, t.n - a));
            sum += c;
            a = e;
        }
        assert_int_equal(sum, chars); /* the sentences' counts add up to the paragraph's */
        free(t.v);
    }
}

static void test_sentence_length(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "甲", "乙丙丁", "戊己庚辛壬", "，", "、", "。", "！", "？", "”", "）", " ", "　", "7",
        /* letters of other lead bytes; long Han runs */
        "䶵", "가", "ꀀ", "𠀀", "〇", "ᄀ", "\xE2\x80\x8B", "甲乙丙丁戊己庚辛壬癸甲乙丙丁"};
    el_config *cfg = el_config_new();
    for (int round = 0; round < 300; round++) {
        cfg->sentence_max = 3 + test_rand() % 40;
        buf t = {0};
        put(&t, "标题在此\n");
        size_t np = 1 + test_rand() % 4;
        for (size_t p = 0; p < np; p++) {
            put(&t, "　　");
            size_t n = 1 + test_rand() % 60;
            for (size_t i = 0; i < n; i++)
                put(&t, PICK(pieces));
            put(&t, "\n");
        }
        el_doc *doc = analyse("s.txt", t.v, cfg);
        wants w = {0};
        for (size_t i = 0; i < doc->paras.n; i++) {
            const el_para *p = &doc->paras.v[i];
            const char *s = el_doc_str(doc, p->txt);
            for (size_t a = 0; a < p->txt.len;) {
                size_t c, e = a + ref_sentence(s + a, p->txt.len - a, &c);
                if (c > cfg->sentence_max) {
                    char arg[64];
                    snprintf(arg, sizeof arg, "%zu" EL_ARG_SEP "%zu", c, cfg->sentence_max);
                    expect(&w, EL_RULE_LENGTH_SENTENCE, el_doc_src(doc, p->txt.off + a), arg);
                }
                a = e;
            }
            /* the paragraph rule's numbers, written without snprintf */
            if (p->chars < cfg->para_min || p->chars > cfg->para_max) {
                char arg[96];
                snprintf(arg, sizeof arg, "%zu" EL_ARG_SEP "%zu" EL_ARG_SEP "%zu", p->chars,
                         cfg->para_min, cfg->para_max);
                expect(&w, EL_RULE_LENGTH_PARAGRAPH, el_doc_src(doc, p->txt.off), arg);
            }
        }
        if (w.n <= EL_LINT_MAX_PER_RULE)
            assert_findings(doc, &w, BIT(EL_RULE_LENGTH_SENTENCE) | BIT(EL_RULE_LENGTH_PARAGRAPH),
                            BIT(EL_RULE_LENGTH_SENTENCE) | BIT(EL_RULE_LENGTH_PARAGRAPH));
        free(w.v);
        el_doc_free(doc);
        free(t.v);
    }
    el_config_free(cfg);
}

/* ---- notes/claim-not-found: quoted terms against the essay's pairs ---- */

/* Random essays and notes over the letters han[0..nhan): the claims found are those a plain
   search of the essay finds. */
static void notes_terms(const char *const *han, size_t nhan)
{
    size_t notes_seen = 0;
    for (int round = 0; round < 300; round++) {
        buf t = {0};
        put(&t, "标题");
        for (int i = 0; i < 3; i++)
            put(&t, pick(han, nhan));
        put(&t, "\n\n");
        size_t np = 1 + test_rand() % 3;
        for (size_t p = 0; p < np; p++) {
            put(&t, "　　");
            size_t n = 3 + test_rand() % 30;
            for (size_t i = 0; i < n; i++)
                put(&t, test_rand() % 6 ? pick(han, nhan) : "，");
            put(&t, "。\n\n");
        }
        put(&t, "写作分析\n\n1.\n点评：");
        size_t nt = 1 + test_rand() % 6;
        for (size_t i = 0; i < nt; i++) {
            put(&t, "“");
            size_t n = test_rand() % 6;
            for (size_t j = 0; j < n; j++)
                put(&t, test_rand() % 7 ? pick(han, nhan) : "、");
            put(&t, "”，");
        }
        put(&t, "\n");
        el_doc *doc = analyse("n.txt", t.v, NULL);
        notes_seen += doc->notes.n > 0;
        /* claims about places (the lexicon's) are not what this test is about: only those
           at an opening quotation mark are compared */
        size_t o = 0;
        for (size_t i = 0; i < doc->findings.n; i++) {
            el_finding f = doc->findings.v[i];
            if (f.rule == EL_RULE_NOTES_CLAIM_NOT_FOUND &&
                (f.src_off + 3 > doc->len || memcmp(doc->text + f.src_off, "“", 3) != 0))
                continue;
            doc->findings.v[o++] = f;
        }
        doc->findings.n = o;
        /* the essay as the rule sees it: title, headings, paragraphs */
        buf e = {0};
        put(&e, "");
        put(&e, "");
        if (doc->title.len) {
            e.n = 0;
            char *x = strndup(el_doc_str(doc, doc->title), doc->title.len);
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
        wants w = {0};
        for (size_t ni = 0; ni < doc->notes.n; ni++) {
            const char *s = el_doc_str(doc, doc->notes.v[ni].txt);
            size_t n = doc->notes.v[ni].txt.len;
            for (size_t i = 0; i + 3 <= n; i++) {
                if (memcmp(s + i, "“", 3) != 0)
                    continue;
                const char *z = memmem(s + i + 3, n - i - 3, "”", 3);
                if (z == NULL)
                    break;
                size_t a = i + 3, b = (size_t)(z - s);
                size_t cps = el_text_ncp(s + a, b - a);
                if (cps < 2 || cps > 12) /* not a term: the search goes on after its “ */
                    continue;
                if (!ref_term_in(e.v, e.n, s + a, b - a)) {
                    char *x = strndup(s + a, b - a);
                    expect(&w, EL_RULE_NOTES_CLAIM_NOT_FOUND,
                           el_doc_src(doc, doc->notes.v[ni].txt.off + i), x);
                    free(x);
                }
                i = b + 2;
            }
        }
        assert_findings(doc, &w, BIT(EL_RULE_NOTES_CLAIM_NOT_FOUND),
                        BIT(EL_RULE_NOTES_CLAIM_NOT_FOUND));
        free(w.v);
        free(e.v);
        el_doc_free(doc);
        free(t.v);
    }
    assert_true(notes_seen > 100); /* the drafts do have notes */
}

static void test_notes_terms(void **state)
{
    (void)state;
    static const char *const han[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"};
    notes_terms(han, sizeof han / sizeof han[0]);
}

/* The same with Han of every lead byte (〇 and 㐀 E3, 䶵 E4 below U+4E00, 﨎 U+FA0E EF, 𠀀
   four bytes) and letters that share the low twelve bits of their code point with a Han character
   of the alphabet (가 U+AC00 and 尀 U+5C00, 😀 U+1F600 and 嘀 U+5600): the scan's filter reads
   those bits without decoding. */
static void test_notes_terms_wide(void **state)
{
    (void)state;
    static const char *const han[] = {"甲", "〇", "㐀", "䶵", "﨎", "𠀀",
                                      "尀", "가", "嘀", "😀",  "a",  "—"};
    notes_terms(han, sizeof han / sizeof han[0]);
}

/* ---- notes/claim-not-found: numbers of the notes against the essay's ---- */

/* Whether the digits s[0..n) are a whole number of the essay (a maximal run of digits). */
static bool ref_has_number(const char *essay, size_t len, const char *s, size_t n)
{
    for (size_t i = 0; i < len;) {
        if (essay[i] < '0' || essay[i] > '9') {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && essay[j] >= '0' && essay[j] <= '9')
            j++;
        if (j - i == n && memcmp(essay + i, s, n) == 0)
            return true;
        i = j;
    }
    return false;
}

static void test_notes_numbers(void **state)
{
    (void)state;
    static const char *const pieces[] = {"甲", "乙", "丙", "，", "7", "12", "305", "2024", "9"};
    for (int round = 0; round < 300; round++) {
        buf t = {0};
        put(&t, "标题甲乙\n\n");
        size_t np = 1 + test_rand() % 3;
        for (size_t p = 0; p < np; p++) {
            put(&t, "　　甲");
            size_t n = 3 + test_rand() % (p == 0 && round % 4 == 0 ? 2000 : 30); /* long ones too */
            for (size_t i = 0; i < n; i++)
                put(&t, PICK(pieces));
            put(&t, "。\n\n");
        }
        put(&t, "写作分析\n\n1.\n点评：甲");
        size_t nn = 1 + test_rand() % 6;
        for (size_t i = 0; i < nn; i++) {
            put(&t, PICK(pieces));
            put(&t, "乙");
        }
        put(&t, "\n");
        el_doc *doc = analyse("d.txt", t.v, NULL);
        buf e = {0};
        put(&e, "");
        for (size_t i = 0; i < doc->paras.n; i++) {
            char *x = strndup(el_doc_str(doc, doc->paras.v[i].txt), doc->paras.v[i].txt.len);
            put(&e, "\n");
            put(&e, x);
            free(x);
        }
        wants w = {0};
        for (size_t ni = 0; ni < doc->notes.n; ni++) {
            const char *s = el_doc_str(doc, doc->notes.v[ni].txt);
            size_t n = doc->notes.v[ni].txt.len;
            for (size_t i = 0; i < n;) {
                if (s[i] < '0' || s[i] > '9') {
                    i++;
                    continue;
                }
                size_t j = i;
                while (j < n && s[j] >= '0' && s[j] <= '9')
                    j++;
                if (j - i >= 2 && !ref_has_number(e.v, e.n, s + i, j - i)) {
                    char *x = strndup(s + i, j - i);
                    expect(&w, EL_RULE_NOTES_CLAIM_NOT_FOUND,
                           el_doc_src(doc, doc->notes.v[ni].txt.off + i), x);
                    free(x);
                }
                i = j;
            }
        }
        /* only the claims at a digit are about numbers */
        size_t o = 0;
        for (size_t i = 0; i < doc->findings.n; i++) {
            el_finding f = doc->findings.v[i];
            char c = doc->text[f.src_off];
            if (f.rule == EL_RULE_NOTES_CLAIM_NOT_FOUND && (c < '0' || c > '9'))
                continue;
            doc->findings.v[o++] = f;
        }
        doc->findings.n = o;
        if (w.n <= EL_LINT_MAX_PER_RULE)
            assert_findings(doc, &w, BIT(EL_RULE_NOTES_CLAIM_NOT_FOUND),
                            BIT(EL_RULE_NOTES_CLAIM_NOT_FOUND));
        free(w.v);
        free(e.v);
        el_doc_free(doc);
        free(t.v);
    }
}

/* ---- structure/conclusion-echo: the conclusion's pairs against the titles' ---- */

static void conclusion_echo(const char *const *han, size_t nhan)
{
    static const char *const stop[] = {"我们", "进行", NULL}; /* two of the rule's stop pairs */
    for (int round = 0; round < 300; round++) {
        buf t = {0};
        put(&t, "# ");
        for (int i = 0; i < 2 + (int)(test_rand() % 3); i++)
            put(&t, pick(han, nhan));
        put(&t, "\n\n");
        for (int a = 0; a < 2; a++) {
            put(&t, a ? "## 二、" : "## 一、");
            for (int i = 0; i < 2 + (int)(test_rand() % 3); i++)
                put(&t, pick(han, nhan));
            put(&t, "\n\n论证论证论证。\n\n");
        }
        put(&t, "## 结语\n\n");
        size_t n = 1 + test_rand() % 8;
        for (size_t i = 0; i < n; i++)
            put(&t, test_rand() % 5 ? pick(han, nhan) : "，");
        put(&t, "。\n");
        el_doc *doc = analyse("c.md", t.v, NULL);
        int conc = -1;
        for (size_t i = 0; i < doc->sections.n && conc < 0; i++)
            if (doc->sections.v[i].kind == EL_SEC_CONCLUSION && doc->sections.v[i].npara)
                conc = (int)i;
        if (conc >= 0) {
            /* the pairs of title, theme and argument headings, as a string to search */
            buf keys = {0};
            put(&keys, "");
            el_span sp[64];
            size_t ns = 0;
            sp[ns++] = doc->title;
            sp[ns++] = doc->theme;
            for (size_t i = 0; i < doc->sections.n && ns < 64; i++)
                if (doc->sections.v[i].kind == EL_SEC_ARGUMENT)
                    sp[ns++] = doc->sections.v[i].title;
            for (size_t i = 0; i < ns; i++) {
                char *x = strndup(el_doc_str(doc, sp[i]), sp[i].len);
                put(&keys, x);
                put(&keys, "\n");
                free(x);
            }
            bool echo = false;
            const el_section *s = &doc->sections.v[conc];
            for (size_t p = s->para0; p < s->para0 + s->npara; p++) {
                const char *x = el_doc_str(doc, doc->paras.v[p].txt);
                size_t m = doc->paras.v[p].txt.len;
                uint32_t prev = 0;
                for (size_t j = 0, k; j < m; j += k) {
                    uint32_t c = el_text_cp(x, m, j, &k);
                    if (el_text_is_han(c) && prev && ref_has_pair(keys.v, keys.n, prev, c)) {
                        bool stopped = false;
                        for (size_t q = 0; stop[q]; q++)
                            stopped = stopped || (j >= 3 && memcmp(x + j - 3, stop[q], 6) == 0);
                        echo = echo || !stopped;
                    }
                    prev = el_text_is_han(c) ? c : 0;
                }
            }
            size_t got = 0;
            for (size_t i = 0; i < doc->findings.n; i++)
                got += doc->findings.v[i].rule == EL_RULE_STRUCTURE_CONCLUSION_ECHO;
            if (got != (echo ? 0u : 1u))
                fail_msg("conclusion-echo %zu time(s) for %s", got, t.v);
            free(keys.v);
        }
        el_doc_free(doc);
        free(t.v);
    }
}

static void test_conclusion_echo(void **state)
{
    (void)state;
    static const char *const han[] = {"甲", "乙", "丙", "丁", "戊", "己", "我们", "进行"};
    conclusion_echo(han, sizeof han / sizeof han[0]);
}

/* With Han of every lead byte and letters that share a Han character's filter bit (see
   test_notes_terms_wide). */
static void test_conclusion_echo_wide(void **state)
{
    (void)state;
    static const char *const han[] = {"甲", "〇", "㐀", "﨎",   "𠀀",  "尀",
                                      "가", "嘀", "😀",  "我们", "进行"};
    conclusion_echo(han, sizeof han / sizeof han[0]);
}

/* ---- structure/argument-parallel: grid counts and signatures that skip letters ---- */

/* The grid count of s[0..n), one el_text_cp per character. */
static size_t ref_grid_count(const char *s, size_t n)
{
    size_t c = 0, k;
    for (size_t i = 0; i < n; i += k)
        c += !el_text_is_space(el_text_cp(s, n, i, &k));
    return c;
}

/* The punctuation pattern of a heading outside brackets, one el_text_cp per character. */
static void ref_signature(const char *s, size_t n, char *sig, size_t cap)
{
    size_t o = 0, k;
    int depth = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i += k) {
        uint32_t c = el_text_cp(s, n, i, &k);
        char m = 0;
        if (c == 0x201C || c == 0x300A || c == 0xFF08 || c == '(')
            depth++;
        else if (c == 0x201D || c == 0x300B || c == 0xFF09 || c == ')')
            depth -= depth > 0;
        else if (depth > 0)
            continue;
        else if (c == 0xFF0C || c == ',')
            m = ',';
        else if (c == 0x3001)
            m = '`';
        else if (c == 0xFF1B || c == ';')
            m = ';';
        else if (c == 0xFF1A || c == ':')
            m = ':';
        else if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?')
            m = '.';
        else if (c == 0x2014)
            m = '-';
        if (m)
            sig[o++] = m;
    }
    sig[o] = '\0';
}

/* A heading without its marker and the marks after its last word (the rule's topic). */
static el_span ref_topic(const el_doc *doc, el_span t)
{
    const char *s = el_doc_str(doc, t);
    int num;
    size_t a = el_section_arg_marker(s, t.len, &num), z = t.len;
    if (a > z)
        a = z;
    while (z > a) {
        size_t st;
        uint32_t c = el_text_prev_cp(s, z, &st);
        if (el_text_is_han(c) || (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) ||
            (c >= '0' && c <= '9') || c == 0x201D || c == 0x300B || c == 0xFF09)
            break;
        z = st;
    }
    return (el_span){t.off + a, z - a};
}

static void test_argument_parallel(void **state)
{
    (void)state;
    static const char *const pieces[] = {"甲", "乙丙",        "丁戊己庚辛壬癸甲乙丙",
                                         "，", "、",          "；",
                                         "：", "。",          "！",
                                         "？", ",",           ";",
                                         ":",  "!",           "?",
                                         "—",  "“",           "”",
                                         "《", "》",          "（",
                                         "）", "(",           ")",
                                         " ",  "　",          "䶵",
                                         "가", "ꀀ",          "𠀀",
                                         "〇", "ᄀ",          "a",
                                         "7",  "\xE2\x80\x8B"};
    static const char *const marks[] = {"一、", "二、", "三、", "四、"};
    size_t fired = 0;
    for (int round = 0; round < 600; round++) {
        buf t = {0};
        put(&t, "# 标题甲乙\n\n开头开头开头。\n\n");
        size_t na = 2 + test_rand() % 3;
        for (size_t a = 0; a < na; a++) {
            put(&t, "## ");
            put(&t, marks[a]);
            size_t n = 1 + test_rand() % 14;
            for (size_t i = 0; i < n; i++)
                put(&t, PICK(pieces));
            put(&t, "\n\n论证论证论证。\n\n");
        }
        put(&t, "## 结语\n\n结尾结尾。\n");
        el_doc *doc = analyse("p.md", t.v, NULL);
        /* the rule, with the plain scans */
        size_t n = 0, lmin = SIZE_MAX, lmax = 0;
        bool same_sig = true, same_head = true;
        char sig0[32] = "", sig[32];
        uint32_t head0 = 0;
        for (size_t i = 0; i < doc->sections.n; i++) {
            const el_section *sec = &doc->sections.v[i];
            if (sec->kind != EL_SEC_ARGUMENT || sec->title.len == 0)
                continue;
            el_span tp = ref_topic(doc, sec->title);
            if (tp.len == 0)
                continue;
            const char *x = el_doc_str(doc, tp);
            size_t chars = ref_grid_count(x, tp.len), k;
            lmin = chars < lmin ? chars : lmin;
            lmax = chars > lmax ? chars : lmax;
            ref_signature(x, tp.len, sig, sizeof sig);
            uint32_t head = el_text_cp(x, tp.len, 0, &k);
            if (n++ == 0) {
                memcpy(sig0, sig, sizeof sig);
                head0 = head;
            } else {
                same_sig = same_sig && strcmp(sig, sig0) == 0;
                same_head = same_head && head == head0;
            }
        }
        bool len_bad = n >= 2 && lmax * 10 > lmin * 16,
             frame_bad = n >= 2 && !same_sig && !same_head;
        char expected[256] = "";
        if (len_bad && frame_bad)
            snprintf(expected, sizeof expected,
                     "长短悬殊（最长 %zu 字，最短 %zu 字），句式也不一致" EL_ARG_LANG
                     "lengths differ (%zu against %zu characters) and so do their frames",
                     lmax, lmin, lmax, lmin);
        else if (len_bad)
            snprintf(expected, sizeof expected,
                     "长短悬殊（最长 %zu 字，最短 %zu 字）" EL_ARG_LANG
                     "lengths differ (%zu against %zu characters)",
                     lmax, lmin, lmax, lmin);
        else if (frame_bad)
            snprintf(expected, sizeof expected, "%s",
                     "句式不一致（标点格局与开头用词都不同）" EL_ARG_LANG
                     "frames differ (neither punctuation pattern nor opening word is shared)");
        const char *got = NULL;
        size_t ngot = 0;
        for (size_t i = 0; i < doc->findings.n; i++)
            if (doc->findings.v[i].rule == EL_RULE_STRUCTURE_ARGUMENT_PARALLEL) {
                got = doc->findings.v[i].arg;
                ngot++;
            }
        if (ngot != (expected[0] != '\0') || (got && strcmp(got, expected) != 0))
            fail_msg("argument-parallel: got %zu \"%s\", expected \"%s\" for %s", ngot,
                     got ? got : "", expected, t.v);
        fired += ngot;
        el_doc_free(doc);
        free(t.v);
    }
    assert_true(fired > 50); /* the drafts do trip the rule */
}

/* ---- el_text_ncp: long strings and every tail ---- */

static void test_ncp(void **state)
{
    (void)state;
    static char s[9000];
    for (size_t i = 0; i < sizeof s; i++)
        s[i] = (char)test_rand();
    for (int round = 0; round < 2000; round++) {
        size_t off = test_rand() % 64, n = round < 1000 ? test_rand() % 80 : test_rand() % 8900;
        size_t expected = 0;
        for (size_t i = off; i < off + n; i++)
            expected += ((unsigned char)s[i] & 0xC0) != 0x80;
        assert_int_equal(el_text_ncp(s + off, n), expected);
    }
    /* all continuation bytes: the lanes' tallies reach 255 before they are added up */
    memset(s, 0x80, sizeof s);
    assert_int_equal(el_text_ncp(s, sizeof s), 0);
    assert_int_equal(el_text_ncp(s + 3, 16 * 255 + 5), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_punct_scan),
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_sentence_premise),
        cmocka_unit_test(test_sentence_length),
        cmocka_unit_test(test_notes_terms),
        cmocka_unit_test(test_notes_terms_wide),
        cmocka_unit_test(test_notes_numbers),
        cmocka_unit_test(test_conclusion_echo),
        cmocka_unit_test(test_conclusion_echo_wide),
        cmocka_unit_test(test_argument_parallel),
        cmocka_unit_test(test_ncp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
