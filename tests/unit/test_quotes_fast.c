/* SPDX-License-Identifier: MIT */
/*
 * The quote extractor's fast paths against plain references. The pass that pairs quotation
 * marks and finds the bare lead-ins (古人云) skips four three-byte characters at a time with a
 * table test and runs of ASCII at once; it is checked against a byte-by-byte search (a mark or
 * a lead never starts with a continuation byte, so looking at every offset finds the same ones)
 * on random text made of marks (balanced, unbalanced, nested), leads and their prefixes,
 * characters that share a table entry with a mark or a lead, ideographs, punctuation, ASCII,
 * two- and four-byte characters and broken UTF-8, cut at every length. The blocks are merged in
 * order of offset rather than sorted: checked against a stable sort. The per-thread memo of
 * lexicon matches is checked by extracting the same documents with a cold memo (a new thread)
 * and a warm, overfull one. The lexicon walk of a block asks only for the categories of
 * speakers, documents and quote verbs: checked against every hit filtered by category.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "doc.h"
#include "lexicon.h"
#include "quotes.h"
#include "rules.h"
#include "util.h"

#include "testquotes.h"

/* ---- references ------------------------------------------------------------------------ */

/* ---- random text --------------------------------------------------------------------- */

#include "testrand.h"

typedef EL_VEC(char) buf;

static void put(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        *EL_VEC_PUSH(*b) = s[i];
}

/* Pieces of text: marks, leads and their prefixes, look-alikes, ordinary text, broken bytes. */
static const char *const pieces[] = {
    "“",
    "”",
    "「",
    "」",
    "『",
    "』",
    "\"",
    "“",
    "”",
    "“",
    "”",
    "古人",
    "古语",
    "古语有",
    "古人有",
    "正所",
    "俗话",
    "常言",
    "诗",
    "子",
    "古",
    "正",
    "常",
    "云",
    "曰",
    "说",
    "道",
    "谓",
    "而", /* E8 80 8C: shares the table entry of 「 */
    "丸", /* E4 B8 B8: shares the last two bytes of 常 */
    "〜",
    "‌", /* E3 80 9C, E2 80 8C: the last two bytes of “ and 「 under other leads */
    "的",
    "国",
    "治",
    "家",
    "，",
    "。",
    "、",
    "《",
    "》",
    "：",
    "——",
    "…",
    "（",
    "）",
    " ",
    "  ",
    "\t",
    "a",
    "Z",
    "1",
    "2035",
    "\n",
    "·",
    "é",
    "😀",
    "𠀀",
    "\x80",
    "\xBF",
    "\xE2",
    "\xE2\x80",
    "\xE3\x80",
    "\xE5\x8F",
    "\xF0\x9F",
    "\xFF",
    "\xC0\x80",
    "\xED\xA0\x80",
    "\xEF\xBB\xBF",
    NULL,
};

static size_t npieces(void)
{
    size_t n = 0;
    while (pieces[n])
        n++;
    return n;
}

/* A random text of up to max pieces, with runs of ideographs between them. */
static void random_text(buf *b, size_t max)
{
    static const char *const han[] = {"我", "们", "要", "坚", "持", "人", "民", "至", "上", "大"};
    size_t np = npieces(), k = test_rand() % (max + 1);
    b->n = 0;
    for (size_t i = 0; i < k; i++) {
        if (test_rand() % 3 == 0)
            for (size_t r = test_rand() % 20; r > 0; r--)
                put(b, han[test_rand() % 10], 3);
        const char *p = pieces[test_rand() % np];
        if (test_rand() % 8 == 0) { /* a lead whole, or a character that looks like a lead's */
            p = ref_bare_leads[test_rand() % 11];
        } else if (test_rand() % 16 == 0) {
            /* the first character of a lead under another lead byte (E4..E9) */
            const char *l = ref_bare_leads[test_rand() % 11];
            char c[3] = {(char)(0xE4 + test_rand() % 6), l[1], l[2]};
            put(b, c, 3);
            continue;
        }
        put(b, p, strlen(p));
    }
}

static void check_pairs(const char *s, size_t n)
{
    el_qpair_vec got = {0}, want = {0};
    el_quote_pairs(s, n, &got);
    ref_pairs(s, n, &want);
    if (got.n != want.n || (got.n && memcmp(got.v, want.v, got.n * sizeof *got.v) != 0)) {
        print_error("pairs differ on [%.*s] (%zu bytes): %zu vs %zu\n", (int)n, s, n, got.n,
                    want.n);
        fail();
    }
    free(got.v);
    free(want.v);
}

static void check_leads(const char *s, size_t n)
{
    el_span_vec got = {0}, want = {0};
    el_quote_leads(s, n, &got);
    ref_leads(s, n, &want);
    if (got.n != want.n || (got.n && memcmp(got.v, want.v, got.n * sizeof *got.v) != 0)) {
        print_error("leads differ on [%.*s] (%zu bytes): %zu vs %zu\n", (int)n, s, n, got.n,
                    want.n);
        fail();
    }
    free(got.v);
    free(want.v);
}

/* ---- the pass over the marks ---------------------------------------------------------- */

static void test_pairs_fixed(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "",
        "“",
        "”“",
        "甲“乙”丙“丁“戊”己”「庚」\"辛\"“壬",
        "“““深””",
        "『「“我们”」』『『』",
        "\"a\"b\"",
        "古人云：“天下为公”。俗话说，子曰学而时习之",
        "我们要坚持人民至上我们要坚持人民至上“我们要坚持人民至上”我们要坚持人民至上",
        "而而而而而而「而」而而而而而而而而",
        "丸丸丸丸丸丸常言道丸丸丸丸丸丸",
        "12345678901234567890\"1234\"56789012345678901234567890",
        "\xE2\x80\xE2\x80\x9C甲\xE2\x80\x9D\xF0\x9F\xE3\x80\x8C乙\xE3\x80\x8D",
        NULL,
    };
    for (const char *const *c = cases; *c; c++)
        for (size_t n = 0; n <= strlen(*c); n++) { /* every cut, broken characters included */
            check_pairs(*c, n);
            check_leads(*c, n);
        }
}

static void test_pairs_random(void **state)
{
    (void)state;
    buf b = {0};
    for (int round = 0; round < 4000; round++) {
        random_text(&b, round < 2000 ? 12 : 120);
        check_pairs(b.v ? b.v : "", b.n);
        check_leads(b.v ? b.v : "", b.n);
        /* Shorter cuts reach the tail loops from every offset. */
        if (round % 16 == 0)
            for (size_t n = 0; n < b.n; n++) {
                check_pairs(b.v, n);
                check_leads(b.v, n);
            }
    }
    free(b.v);
}

/* ---- blocks in order ------------------------------------------------------------------- */

/* el_quote_blocks' choice of blocks, stably sorted by offset: the order it must give. */
static bool in_paras(const el_doc *doc, const el_section *sc, el_span t)
{
    for (size_t i = sc->para0; i < sc->para0 + sc->npara && i < doc->paras.n; i++)
        if (t.off >= doc->paras.v[i].txt.off &&
            t.off < doc->paras.v[i].txt.off + doc->paras.v[i].txt.len)
            return true;
    return false;
}

static void ref_blocks(const el_doc *doc, el_span_vec *out)
{
    out->n = 0;
    if (doc->title.len)
        *EL_VEC_PUSH(*out) = doc->title;
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *sc = &doc->sections.v[i];
        if (!sc->title.len || sc->kind == EL_SEC_SUMMARY || in_paras(doc, sc, sc->title) ||
            (doc->title.len && sc->title.off == doc->title.off))
            continue;
        *EL_VEC_PUSH(*out) = sc->title;
    }
    for (size_t i = 0; i < doc->paras.n; i++)
        if (!doc->title.len || doc->paras.v[i].txt.off != doc->title.off)
            *EL_VEC_PUSH(*out) = doc->paras.v[i].txt;
    for (size_t i = 1; i < out->n; i++)
        for (size_t j = i; j > 0 && out->v[j - 1].off > out->v[j].off; j--) {
            el_span t = out->v[j];
            out->v[j] = out->v[j - 1];
            out->v[j - 1] = t;
        }
}

static void test_blocks_order(void **state)
{
    (void)state;
    static const char *const docs[] = {
        "# 以数字之力，绘治理新图\n\n开头段落，提出论点。\n\n## 一、强化党建引领\n\n"
        "第一段分论点。\n\n## 二、坚持人民至上\n\n第二段分论点。\n\n### 小标题\n\n"
        "又一段。\n\n结尾段落。\n",
        "标题\n\n第一段。\n\n一、分论点一\n\n第二段。\n\n二、分论点二\n\n第三段。\n",
        "只有一段。\n",
        "",
        NULL,
    };
    for (const char *const *d = docs; *d; d++)
        for (int md = 0; md < 2; md++) {
            el_doc *doc = el_parse(md ? "t.md" : "t.txt", *d, strlen(*d), NULL);
            el_span_vec got = {0}, want = {0};
            el_quote_blocks(doc, &got);
            ref_blocks(doc, &want);
            assert_int_equal(got.n, want.n);
            if (got.n)
                assert_memory_equal(got.v, want.v, got.n * sizeof *got.v);
            free(got.v);
            free(want.v);
            el_doc_free(doc);
        }
}

/* ---- the lexicon hits of a block ------------------------------------------------------ */

/* The categories quotes.c asks the lexicon walk for (QUOTE_CATS): its hit collector kept
 * exactly these when it was fed every hit. */
#define QUOTE_CATS_REF                                                                             \
    (EL_LEX_CAT_BIT(EL_LEX_SPEAKER) | EL_LEX_CAT_BIT(EL_LEX_DOCUMENT) |                            \
     EL_LEX_CAT_BIT(EL_LEX_QUOTEVERB))

typedef EL_VEC(el_lex_hit) hit_vec;

static void keep_all(void *ctx, const el_lex_hit *h)
{
    *EL_VEC_PUSH(*(hit_vec *)ctx) = *h;
}

/* The old collector: every hit offered, those of the three categories kept. */
static void keep_quote_cats(void *ctx, const el_lex_hit *h)
{
    if (h->cat == EL_LEX_SPEAKER || h->cat == EL_LEX_DOCUMENT || h->cat == EL_LEX_QUOTEVERB)
        *EL_VEC_PUSH(*(hit_vec *)ctx) = *h;
}

/* The walk restricted to the quotes' categories against every hit filtered, over the blocks
 * of random documents of speakers, documents, quote verbs, other lexicon words and marks. */
static void test_quote_cats(void **state)
{
    (void)state;
    static const char *const words[] = {
        "习近平总书记", "总书记", "有关负责人", "老李", "古人",   "《决定》", "《民法典》",
        "《人民日报》", "强调",   "指出",       "提出", "说",     "讲",       "写道",
        "规定",         "称",     "号称",       "：",   "“",      "”",        "。",
        "，",           "浙江省", "宁波市",     "然而", "问题",   "建议",     "要",
        "坚持",         "以",     "最后一公里", "总之", "我认为", "古人云",   "俗话说",
        "我们",         "人民",   "治理",       "\n\n",
    };
    buf b = {0};
    size_t total = 0;
    for (int round = 0; round < 300; round++) {
        b.n = 0;
        put(&b, "以人民为中心\n\n", strlen("以人民为中心\n\n"));
        for (size_t w = test_rand() % 400; w > 0; w--) {
            const char *p = words[test_rand() % (sizeof words / sizeof *words)];
            put(&b, p, strlen(p));
        }
        el_doc *doc = el_parse("t.txt", b.v ? b.v : "", b.n, NULL);
        el_span_vec blocks = {0};
        el_quote_blocks(doc, &blocks);
        for (size_t i = 0; i < blocks.n; i++) {
            hit_vec got = {0}, want = {0};
            el_doc_lex_scan_cats(doc, blocks.v[i].off, blocks.v[i].len, QUOTE_CATS_REF, keep_all,
                                 &got);
            el_doc_lex_scan(doc, blocks.v[i].off, blocks.v[i].len, keep_quote_cats, &want);
            assert_int_equal(got.n, want.n);
            if (got.n)
                assert_memory_equal(got.v, want.v, got.n * sizeof *got.v);
            total += got.n;
            free(got.v);
            free(want.v);
        }
        free(blocks.v);
        el_doc_free(doc);
    }
    assert_true(total > 1000); /* the documents did hold such words */
    free(b.v);
}

/* ---- the memo of lexicon matches ------------------------------------------------------- */

/* A document quoting lexicon lines whole, misquoted and bare after a lead, with terms. */
static char *memo_doc(size_t from, size_t count, size_t variant)
{
    buf b = {0};
    size_t nl = el_lex_nclassical();
    for (size_t i = from; i < from + count && nl; i++) {
        const char *t = el_lex_classical(i % nl)->text;
        size_t n = strlen(t);
        char line[1024];
        if (n >= sizeof line - 16)
            continue;
        memcpy(line, t, n);
        if ((i + variant) % 3 == 1 && n >= 6 && ((unsigned char)line[3] & 0xF0) == 0xE0)
            memcpy(line + 3, "之", 3); /* a misquote, most likely */
        const char *lead = (i + variant) % 4 == 0 ? "古人云：" : "";
        put(&b, "他说：", strlen("他说："));
        put(&b, lead, strlen(lead));
        if (*lead == '\0')
            put(&b, "“", 3);
        put(&b, line, n);
        if (*lead == '\0')
            put(&b, "”", 3);
        char term[64];
        int tn = snprintf(term, sizeof term, "“术语%zu号”和“%s”。\n\n", (i * 7919 + variant) % 5000,
                          i % 2 ? "最后一公里" : "一网通办");
        put(&b, term, (size_t)tn);
    }
    *EL_VEC_PUSH(b) = '\0';
    return b.v;
}

/* What el_extract_quotes made of a document, as text, for comparison. */
static char *extract(const char *text)
{
    el_doc *doc = el_parse("t.txt", text, strlen(text), NULL);
    el_extract_quotes(doc);
    buf b = {0};
    char line[256];
    for (size_t i = 0; i < doc->quotes.n; i++) {
        const el_quote *q = &doc->quotes.v[i];
        int n = snprintf(line, sizeof line, "q %d %zu+%zu %zu+%zu %zu+%zu %s\n", (int)q->kind,
                         q->txt.off, q->txt.len, q->speaker.off, q->speaker.len, q->source.off,
                         q->source.len, q->source_lex ? q->source_lex : "-");
        put(&b, line, (size_t)n);
    }
    for (size_t i = 0; i < doc->findings.n; i++) {
        const el_finding *f = &doc->findings.v[i];
        int n = snprintf(line, sizeof line, "f %d %zu ", f->rule, f->src_off);
        put(&b, line, (size_t)n);
        if (f->arg)
            put(&b, f->arg, strlen(f->arg));
        put(&b, "\n", 1);
    }
    *EL_VEC_PUSH(b) = '\0';
    el_doc_free(doc);
    return b.v;
}

struct cold {
    const char *text;
    char *out;
};

static void *extract_cold(void *arg)
{
    struct cold *c = arg;
    c->out = extract(c->text);
    return NULL;
}

static void test_memo(void **state)
{
    (void)state;
    size_t nl = el_lex_nclassical();
    for (size_t v = 0; v < 3; v++) {
        char *text = memo_doc(v * 97, nl < 120 ? nl : 120, v);
        struct cold c = {text, NULL};
        pthread_t th; /* a new thread starts with an empty memo */
        assert_int_equal(pthread_create(&th, NULL, extract_cold, &c), 0);
        assert_int_equal(pthread_join(th, NULL), 0);
        /* Fill this thread's memo past its size with other texts, then extract again. */
        char *other = memo_doc(v * 31 + 5, 2 * nl + 1500, v + 1);
        free(extract(other));
        char *warm = extract(text), *again = extract(text);
        assert_string_equal(c.out, warm);
        assert_string_equal(c.out, again);
        assert_true(strstr(c.out, "q ") != NULL);
        free(c.out);
        free(warm);
        free(again);
        free(other);
        free(text);
    }
}

/*
 * Lines as the later clause of a longer text, quoted (“今有人言，…。”) and bare after a lead
 * (古人云：今有人言，…。): the same text, matched anchored at its first clause when bare and
 * not when quoted, so the two must not share a memo slot.
 */
static char *runs_doc(bool bare)
{
    buf b = {0};
    for (size_t i = 0; i < el_lex_nclassical(); i++) {
        const char *t = el_lex_classical(i)->text;
        size_t n = strlen(t);
        /* One sentence: its final mark dropped, none inside. */
        if (n > 3 && (memcmp(t + n - 3, "。", 3) == 0 || memcmp(t + n - 3, "！", 3) == 0 ||
                      memcmp(t + n - 3, "？", 3) == 0))
            n -= 3;
        char line[128];
        if (n >= sizeof line)
            continue;
        memcpy(line, t, n);
        line[n] = '\0';
        if (strstr(line, "。") || strstr(line, "！") || strstr(line, "？") || strstr(line, "“"))
            continue;
        const char *open = bare ? "古人云：今有人言，" : "“今有人言，";
        const char *close = bare ? "。\n\n" : "。”\n\n";
        put(&b, open, strlen(open));
        put(&b, line, n);
        put(&b, close, strlen(close));
    }
    *EL_VEC_PUSH(b) = '\0';
    return b.v;
}

static void test_memo_flags(void **state)
{
    (void)state;
    char *quoted = runs_doc(false), *bare = runs_doc(true);
    struct cold c = {bare, NULL};
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, extract_cold, &c), 0);
    assert_int_equal(pthread_join(th, NULL), 0);
    char *q = extract(quoted), *warm = extract(bare);
    assert_string_equal(c.out, warm);
    assert_string_not_equal(c.out, q); /* the quoted texts are found, the bare ones are not */
    free(c.out);
    free(q);
    free(warm);
    free(quoted);
    free(bare);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pairs_fixed),  cmocka_unit_test(test_pairs_random),
        cmocka_unit_test(test_blocks_order), cmocka_unit_test(test_memo),
        cmocka_unit_test(test_memo_flags),   cmocka_unit_test(test_quote_cats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
