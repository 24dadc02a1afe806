/* SPDX-License-Identifier: MIT */
/*
 * More fast paths of the case extractor against plain references. The scan of group ends and
 * quotation marks tests sixteen offsets at a time (SSE2) and looks only at those that may
 * start a mark: it is checked against a byte loop that compares every offset with each mark,
 * on long texts (many blocks) of marks, look-alike punctuation sharing their lead bytes, broken
 * marks, Han, ASCII and random bytes, shifted to every alignment and cut at every length of
 * a block's tail. The lexicon walks of a paragraph and of the evidence pass ask only for the
 * categories their callbacks keep: checked against the same callbacks fed every hit, on
 * random documents made of words of every category. The static routines are reached by
 * including the source: this program then takes no cases.o from the library.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.c"

/* ---- random text ------------------------------------------------------------------------ */

#include "testcases.h"
#include "testrand.h"

/* The marks, punctuation sharing their lead and second bytes, broken marks, other bytes. */
static const char *const mark_pieces[] = {
    "“",
    "”",
    "。",
    "；",
    "！",
    "？",
    ";",
    "!",
    "?",
    "，",
    "、",
    "《",
    "》",
    "：",
    "（",
    "）",
    "「",
    "」",
    "—",
    "…",
    "‘",
    "’",
    "〃",
    "\xE2\x80",
    "\xE2",
    "\xE3\x80",
    "\xEF\xBC",
    "\xEF",
    "\x80",
    "\x9C",
    "\x9D",
    "\x82",
    "a",
    "1",
    " ",
    "\"",
    "\xF0\x9F\x98\x80",
    "é",
};

/* A text of about len bytes: runs of Han between pieces, now and then random bytes. */
static void mark_text(buf *b, size_t len)
{
    b->n = 0;
    for (size_t k = test_below(16); k > 0; k--) /* shift the text against the blocks */
        put_han(b);
    while (b->n < len) {
        uint32_t r = test_below(10);
        if (r < 5)
            for (size_t k = test_below(12); k > 0; k--)
                put_han(b);
        else if (r < 9)
            puts_(b, mark_pieces[test_below(sizeof mark_pieces / sizeof *mark_pieces)]);
        else
            for (size_t k = test_below(8); k > 0; k--)
                *EL_VEC_PUSH(*b) = (char)test_below(256);
    }
}

/* ---- scan_marks ------------------------------------------------------------------------- */

static void check_marks(const char *s, size_t n, struct scan *a, struct scan *b)
{
    char *p = exact(s, n);
    scan_marks(p, n, a);
    ref_scan_marks(p, n, b);
    same_marks(a, b);
    free(p);
}

/* Long texts: many blocks, then every cut of the last block or two. */
static void test_scan_marks_long(void **state)
{
    (void)state;
    struct scan a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    buf t = {0};
    for (int round = 0; round < 3000; round++) {
        mark_text(&t, round % 10 == 0 ? 4000 : 40 + test_below(400));
        check_marks(t.v, t.n, &a, &b);
        if (round % 20 == 0)
            for (size_t cut = t.n > 40 ? t.n - 40 : 0; cut < t.n; cut++)
                check_marks(t.v, cut, &a, &b);
    }
    /* A mark at every offset of a block and across its end, in Han and in ASCII. */
    static const char *const marks[] = {"“", "”", "。", "；", "！", "？", ";", "!", "?"};
    for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
        for (size_t at = 0; at < 40; at++)
            for (int ascii = 0; ascii < 2; ascii++) {
                t.n = 0;
                while (t.n < at)
                    *EL_VEC_PUSH(t) = ascii ? 'x' : (char)0x80;
                puts_(&t, marks[m]);
                puts_(&t, "我们要坚持人民至上”");
                for (size_t cut = 0; cut <= t.n; cut++)
                    check_marks(t.v, cut, &a, &b);
            }
    /* More than sixteen “ open: the deeper ones are not kept. */
    t.n = 0;
    for (int k = 0; k < 40; k++)
        puts_(&t, k < 20 ? "“甲" : "乙”");
    check_marks(t.v, t.n, &a, &b);
    free(t.v);
    scan_free(&a);
    scan_free(&b);
}

/* ---- lexicon categories ----------------------------------------------------------------- */

/* Words of every lexicon category, places of every level, punctuation and look-alikes. */
static const char *const doc_words[] = {
    "浙江省", "宁波市",   "鄞州区",   "长春市",     "朝阳区",   "北京",   "上海",   "广东",
    "深圳市", "南山区",   "某县",     "某村",       "某地",     "杭州市", "黄山市", "安徽省",
    "街道",   "社区",     "反观",     "然而",       "但是",     "但",     "不但",   "却",
    "冷却",   "忘却",     "相比之下", "个别",       "部分地方", "问题",   "缺乏",   "滞后",
    "短板",   "流于形式", "压舱石",   "最后一公里", "主心骨",   "未来需", "建议",   "应当",
    "应该",   "要",       "应",       "要素",       "应急",     "更要",   "还要",   "必须",
    "亟需",   "务必",     "政府要",   "部门应",     "以",       "让",     "坚持",   "推动",
    "强调",   "指出",     "说",       "总书记",     "《决定》", "总之",   "我认为", "啥",
    "唯有",   "关键在于", "推行",     "“红管家”",   "模式",     "，",     "。",     "、",
    "；",     "：",       "“",        "”",          "等",       "与",     "和",     "城市",
    "在",     "从",       "经验",     "做法",       "3200",     "余件",   "我们",   "人民",
    "群众",   "治理",
};

/* A random document: a title, then paragraphs of words. */
static void doc_text(buf *b)
{
    b->n = 0;
    puts_(b, "以基层治理推动高质量发展\n\n");
    for (size_t p = 1 + test_below(6); p > 0; p--) {
        for (size_t w = test_below(120); w > 0; w--)
            puts_(b, doc_words[test_below(sizeof doc_words / sizeof *doc_words)]);
        puts_(b, "。\n\n");
    }
    *EL_VEC_PUSH(*b) = 0;
    b->n--;
}

/* The hits of a paragraph as on_hit sorts them, fed every hit of the lexicon. */
static void ref_scan_para(el_doc *doc, size_t base, size_t n, struct scan *sc)
{
    sc->places.n = sc->metaphors.n = 0;
    sc->contrast.n = sc->problems.n = sc->ends.n = sc->quotes.n = sc->que.n = 0;
    sc->ments.n = sc->cments.n = 0;
    sc->s = doc->plain.v + base;
    el_doc_lex_scan(doc, base, n, on_hit, sc);
    sort_hits(&sc->places);
    sort_hits(&sc->metaphors);
    sort_offs(&sc->contrast);
    sort_offs(&sc->problems);
    sort_offs(&sc->que);
}

static void same_hits(const hit_vec *a, const hit_vec *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        assert_int_equal(a->v[i].start, b->v[i].start);
        assert_int_equal(a->v[i].end, b->v[i].end);
        assert_int_equal(a->v[i].entry, b->v[i].entry);
        assert_int_equal(a->v[i].cat, b->v[i].cat);
    }
}

static void same_offs(const off_vec *a, const off_vec *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++)
        assert_int_equal(a->v[i], b->v[i]);
}

/* scan_para and the evidence walk (only their categories) against every hit. */
static void test_lex_cats(void **state)
{
    (void)state;
    struct scan a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    buf t = {0};
    size_t nhits = 0;
    for (int round = 0; round < 300; round++) {
        doc_text(&t);
        el_doc *doc = el_parse("t.txt", t.v, t.n, NULL);
        assert_true(el_doc_ok(doc));
        for (size_t p = 0; p < doc->paras.n; p++) {
            el_span s = doc->paras.v[p].txt;
            scan_para(doc, s.off, s.len, &a);
            ref_scan_para(doc, s.off, s.len, &b);
            same_hits(&a.places, &b.places);
            same_hits(&a.metaphors, &b.metaphors);
            same_offs(&a.contrast, &b.contrast);
            same_offs(&a.problems, &b.problems);
            same_offs(&a.que, &b.que);
            nhits += a.places.n + a.contrast.n + a.problems.n;
            /* the evidence flags, from each starting state */
            for (int k = 0; k < 4; k++) {
                struct evscan e1 = {doc->plain.v + s.off, s.len, k & 1, k >> 1 & 1, false};
                struct evscan e2 = e1;
                el_doc_lex_scan_cats(doc, s.off, s.len, EVIDENCE_CATS, on_evidence_hit, &e1);
                el_doc_lex_scan(doc, s.off, s.len, on_evidence_hit, &e2);
                assert_int_equal(e1.counter, e2.counter);
                assert_int_equal(e1.measure, e2.measure);
                assert_int_equal(e1.example, e2.example);
            }
        }
        el_doc_free(doc);
    }
    assert_true(nhits > 1000); /* the documents did hold words of those categories */
    free(t.v);
    scan_free(&a);
    scan_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan_marks_long),
        cmocka_unit_test(test_lex_cats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
