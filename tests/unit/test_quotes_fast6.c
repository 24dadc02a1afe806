/* SPDX-License-Identifier: MIT */
/*
 * The quote extractor's sixth round of fast paths against plain references. classical_match
 * answers texts of fewer code points than any match needs (ci_min_ncp) without a look-up; it
 * is checked against classical_match_text itself (no memo, no shortcut) on every prefix and
 * suffix of every lexicon line (so that the shortest lines, 夙夜在公, and their near misses
 * are there), on short random texts of Han, marks, ASCII and broken bytes, in every flag
 * combination. The bound itself is held to every entry of the index. el_quote_blocks, which
 * now makes room for every block at once, is checked to give the blocks of a document in
 * order whatever the room its vector had before.
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

/* Whether two answers are the same (how, line, slices), as the extractor reads them. */
static void assert_same(const struct cmatch *a, const struct cmatch *b)
{
    assert_int_equal(a->how, b->how);
    if (a->how == 0)
        return;
    assert_int_equal(a->line, b->line);
    assert_int_equal(a->toff, b->toff);
    assert_int_equal(a->tlen, b->tlen);
    assert_int_equal(a->off, b->off);
    assert_int_equal(a->len, b->len);
}

/* classical_match (memo and shortcut) against classical_match_text on t[0..n), all flags. */
static void check_text(const char *t, size_t n)
{
    for (int f = 0; f < 4; f++) {
        bool fuzzy = f & 2, anchored = f & 1;
        struct cmatch got = classical_match(t, n, fuzzy, anchored);
        struct cmatch want = n == 0 || n > CLASSICAL_MAX_BYTES
                                 ? (struct cmatch){0, 0, 0, 0, 0, n}
                                 : classical_match_text(t, n, fuzzy, anchored);
        assert_same(&got, &want);
    }
}

/* The bound: no entry has fewer code points, and it never exceeds what a misquote needs. */
static void test_min_ncp(void **state)
{
    (void)state;
    assert_true(ci->minncp >= 1);
    assert_true(ci->minncp <= FUZZY_MIN_CP);
    for (size_t i = 0; i < ci->ne; i++) {
        assert_true(ci->e[i].ncp >= ci->minncp);
        assert_int_equal(ci->e[i].ncp, el_text_ncp(centry_key(&ci->e[i]), ci->e[i].klen));
    }
}

/* Every prefix and suffix of every line (in code points), twice: the second pass is answered
 * from the memo. */
static void test_line_cuts(void **state)
{
    (void)state;
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < el_lex_nclassical(); k++) {
            const char *t = el_lex_classical(k)->text;
            size_t n = strlen(t);
            for (size_t i = 0, l; i <= n; i += l) {
                check_text(t, i);         /* prefix */
                check_text(t + i, n - i); /* suffix */
                if (i == n)
                    break;
                l = el_u8_len((unsigned char)t[i]);
                if (l > n - i)
                    l = n - i;
            }
        }
}

/* Short random texts: Han (some of them from the shortest lines), marks, ASCII, spaces and
 * broken sequences, of 0 to 20 bytes. */
static void test_random_short(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "夙",
        "夜",
        "在",
        "公",
        "有",
        "教",
        "无",
        "类",
        "民",
        "以",
        "食",
        "为",
        "天",
        "，",
        "。",
        "、",
        "“",
        "”",
        " ",
        "a",
        "Z",
        "7",
        "·",
        "\x80",
        "\xE4\xB8",
        "\xF0\x9F\x98\x80",
        "\xE3\x80\x80",
        "而",
        "学",
        "不",
        "可",
        "已",
        "！",
    };
    size_t np = sizeof pieces / sizeof pieces[0];
    test_seed(0x51A7E6);
    for (int r = 0; r < 200000; r++) {
        char t[64];
        size_t n = 0, want = test_below(21);
        while (n < want) {
            const char *p = pieces[test_below((uint32_t)np)];
            size_t l = strlen(p);
            if (n + l > sizeof t)
                break;
            memcpy(t + n, p, l);
            n += l;
        }
        check_text(t, n);
    }
}

/* The pass over texts of every length from 0 to 100 (around the filter's sixteen-offset step)
 * against the plain pairing, marks and leads packed close. */
static void test_scan_lengths(void **state)
{
    (void)state;
    static const char *const pieces[] = {"“",    "”",      "「",   "」",     "『",     "』",
                                         "\"",   "古人云", "子曰", "正所谓", "常言道", "俗话说",
                                         "诗云", "的",     "而",   "。"};
    test_seed(0x7E57);
    el_qpair_vec got = {0}, want = {0};
    el_span_vec lgot = {0}, lwant = {0};
    for (int r = 0; r < 20000; r++) {
        char t[160];
        size_t n = 0, len = test_below(101);
        while (n < len) {
            const char *p = pieces[test_below(sizeof pieces / sizeof pieces[0])];
            size_t l = strlen(p);
            if (n + l > len)
                break;
            memcpy(t + n, p, l);
            n += l;
        }
        while (n < len)
            t[n++] = 'x';
        el_quote_pairs(t, n, &got);
        ref_pairs(t, n, &want);
        assert_int_equal(got.n, want.n);
        for (size_t k = 0; k < got.n; k++) {
            assert_int_equal(got.v[k].open, want.v[k].open);
            assert_int_equal(got.v[k].close, want.v[k].close);
        }
        el_quote_leads(t, n, &lgot);
        ref_leads(t, n, &lwant);
        assert_int_equal(lgot.n, lwant.n);
        for (size_t k = 0; k < lgot.n; k++) {
            assert_int_equal(lgot.v[k].off, lwant.v[k].off);
            assert_int_equal(lgot.v[k].len, lwant.v[k].len);
        }
    }
    free(got.v);
    free(want.v);
    free(lgot.v);
    free(lwant.v);
}

/* el_quote_blocks: same blocks, in order, whatever room the vector had before. */
static void test_blocks_room(void **state)
{
    (void)state;
    static const char *const docs[] = {
        "# 标题\n\n第一段“夙夜在公”。\n\n## 一、小标题\n\n第二段。\n\n第三段。\n",
        "标题\n\n一、论点一：强化党建引领\n\n正文一。\n\n二、论点二\n\n正文二。\n\n结尾。\n",
        "",
        "只有一段，没有标题。\n",
    };
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        el_doc *doc = el_parse("t.md", docs[d], strlen(docs[d]), NULL);
        if (!el_doc_ok(doc)) {
            el_doc_free(doc);
            continue;
        }
        el_span_vec a = {0}, b = {0};
        el_quote_blocks(doc, &a);
        b.v = xgrow(b.v, &b.cap, 1, sizeof *b.v); /* less room than needed */
        el_quote_blocks(doc, &b);
        assert_int_equal(a.n, b.n);
        assert_true(a.cap >= a.n);
        for (size_t i = 0; i < a.n; i++) {
            assert_int_equal(a.v[i].off, b.v[i].off);
            assert_int_equal(a.v[i].len, b.v[i].len);
            if (i)
                assert_true(a.v[i - 1].off <= a.v[i].off);
        }
        el_quote_blocks(doc, &b); /* again, into the room it has */
        assert_int_equal(a.n, b.n);
        free(a.v);
        free(b.v);
        el_doc_free(doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_min_ncp),      cmocka_unit_test(test_line_cuts),
        cmocka_unit_test(test_random_short), cmocka_unit_test(test_blocks_room),
        cmocka_unit_test(test_scan_lengths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
