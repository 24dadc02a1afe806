/* SPDX-License-Identifier: MIT */
/*
 * The fourth round of fast paths of the case extractor, each against the plain version it
 * replaced. find_mou tests sixteen offsets at a time for the three bytes of 某: checked
 * against a search byte by byte from every start, on random text full of characters that
 * share one or two of its bytes and of broken sequences. scan_marks tests pairs of marks that
 * differ in one bit on one comparison: checked against the marks spelled out, on text full of
 * their one-bit neighbours (: ＞ ‘ „ ＀ …). sub_place and town_place judge the characters
 * of a name only once a suffix is found: checked against the character-by-character versions they
 * replaced, on random names of stop characters, numerals, suffixes and the words that end
 * them. The static routines are reached by including the source: this program then takes no
 * cases.o from the library.
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

#include "testcases.h"
#include "testrand.h"

/* ---- find_mou ----------------------------------------------------------------------------- */

/* find_mou spelled out: the first offset from `from` on where the bytes of 某 are written. */
static size_t ref_find_mou(const char *s, size_t from, size_t n)
{
    for (size_t i = from; i + 3 <= n; i++)
        if (memcmp(s + i, "某", 3) == 0)
            return i;
    return n;
}

/* 某 (U+67D0, E6 9F 90), characters sharing its first two bytes (查 染 柔), its middle byte
   (E7 9F 90), its first and last (E6 99 90), its pieces, and other text. */
static void mou_text(buf *b, size_t len)
{
    static const char *const pieces[] = {"某",       "查",   "染",   "柔",   "\xE6\x9F",
                                         "\x9F\x90", "\xE6", "\x9F", "\x90", "某县",
                                         "某村",     "，",   "a",    " "};
    b->n = 0;
    while (b->n < len) {
        uint32_t r = test_below(12);
        if (r < 4)
            for (size_t k = test_below(24); k > 0; k--)
                put_han(b);
        else if (r < 6)
            put_cp3(b, 0x67C0 + test_below(0x40)); /* E6 9F xx */
        else if (r < 7)
            put_cp3(b, 0x77D0 + (test_below(2) ? 0 : 0x1000)); /* E7 9F 90, E8 9F 90 */
        else if (r < 8)
            put_cp3(b, 0x6650 + test_below(0x40) * 0x40); /* E6 xx 90 */
        else if (r < 11)
            puts_(b, pieces[test_below(sizeof pieces / sizeof *pieces)]);
        else
            for (size_t k = test_below(6); k > 0; k--)
                *EL_VEC_PUSH(*b) = (char)test_below(256);
    }
}

static void check_mou(const char *s, size_t n)
{
    char *p = exact(s, n);
    for (size_t from = 0; from <= n; from++)
        assert_int_equal(find_mou(p, from, n), ref_find_mou(p, from, n));
    free(p);
}

/* find_mou against the byte search, from every start, on random text and on every cut. */
static void test_find_mou(void **state)
{
    (void)state;
    test_seed(0x4D4F55);
    buf t = {0};
    for (int round = 0; round < 2000; round++) {
        mou_text(&t, round % 50 == 0 ? 2000 : test_below(200));
        check_mou(t.v, t.n);
        if (round % 25 == 0)
            for (size_t cut = t.n > 40 ? t.n - 40 : 0; cut < t.n; cut++)
                check_mou(t.v, cut);
    }
    /* 某 at every offset of a block and across its end. */
    for (size_t at = 0; at < 40; at++) {
        t.n = 0;
        while (t.n < at)
            *EL_VEC_PUSH(t) = 'x';
        puts_(&t, "某地推行");
        for (size_t cut = 0; cut <= t.n; cut++)
            check_mou(t.v, cut);
    }
    free(t.v);
}

/* ---- scan_marks --------------------------------------------------------------------------- */

/* The marks and their neighbours one bit away in the byte that tells them apart:
   ; ? and 7 ; “ ” and ‘ ’ „ ‟; 。 and 、 〃;
   ； ？ ！ and ： ＞ ＀ ％;
   with other bytes and broken marks. */
/* clang-format off */
static const char *const mark_pieces[] = {
    "“", "”", "。", "；", "！", "？", ";", "!", "?", "7", "3", "/", "\x1B", "\x1F", ")", "%",
    "‘", "’", "„", "‟", "†", "、", "〃", "〜", "〝", "：", "＞", "＀", "％", "，",
    "\xE2\x80", "\xEF\xBC", "\xE3\x80", "\x9D", "\x9F", "\x81",
    "\xE2\x81\x9D", "\xE3\x81\x82", "\xEF\xBD\x9F"};
/* clang-format on */

/* scan_marks against the spelled-out marks on text crowded with their one-bit neighbours. */
static void test_scan_marks_neighbours(void **state)
{
    (void)state;
    test_seed(0x4D41524B);
    struct scan a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    buf t = {0};
    for (int round = 0; round < 3000; round++) {
        pieces_text(&t, round % 20 == 0 ? 3000 : test_below(300), mark_pieces,
                    sizeof mark_pieces / sizeof *mark_pieces, false);
        for (size_t cut = t.n > 20 ? t.n - 20 : 0; cut <= t.n; cut++) {
            char *p = exact(t.v, cut);
            scan_marks(p, cut, &a);
            ref_scan_marks(p, cut, &b);
            same_marks(&a, &b);
            free(p);
        }
    }
    free(t.v);
    scan_free(&a);
    scan_free(&b);
}

/* ---- sub_place, town_place ---------------------------------------------------------------- */

/* sub_place as it was: each character held to sub_stop as it is read. */
static size_t ref_sub_place(const char *s, size_t n)
{
    size_t i = 0, k, chars = 0;
    while (i < n && chars < 6) {
        size_t suf = chars >= 1 ? prefix_of(s + i, n - i, WORDS(sub_suffix)) : 0;
        if (suf)
            return i + suf;
        uint32_t c = el_text_cp(s, n, i, &k);
        if (!el_text_is_han(c) || IN_SET(c, sub_stop))
            return 0;
        i += k;
        chars++;
    }
    return 0;
}

/* town_place as it was: each character judged as it is read. */
static size_t ref_town_place(const char *s, size_t n)
{
    size_t i = 0, k, chars = 0;
    bool numeral = false;
    while (i < n && chars <= 4) {
        size_t suf = chars >= 1 ? prefix_of(s + i, n - i, WORDS(town_suffix)) : 0;
        if (suf) {
            if (numeral)
                return 0;
            static const word word_on[] = {W("村民"), W("村委"), W("村级"), W("村干"), W("村规"),
                                           W("村务"), W("村集"), W("村容"), W("村落"), W("村庄"),
                                           W("乡村"), W("乡亲"), W("乡贤"), W("乡土"), W("乡愁"),
                                           W("镇村"), W("镇街")};
            if (prefix_of(s + i, n - i, WORDS(word_on)))
                return 0;
            return suffix_of(s, i + suf, WORDS(town_generic)) ? 0 : i + suf;
        }
        uint32_t c = el_text_cp(s, n, i, &k);
        numeral = IN_SET(c, town_numerals);
        if (!el_text_is_han(c) || (c != 0x57CE && IN_SET(c, sub_stop)) ||
            (!numeral && IN_SET(c, town_stop)))
            return 0;
        i += k;
        chars++;
    }
    return 0;
}

/* Names of town and sub-place shape: suffixes, the words that end or go on from them, stop
   characters, numerals, 城, plain Han and what is not Han. */
static void name_text(buf *b, size_t len)
{
    static const char *const pieces[] = {
        "新区",           "高新区", "开发区", "经开区",  "园区", "高新技术产业开发区",
        "经济技术开发区", "街道",   "社区",   "乡",      "镇",   "村",
        "村民",           "乡村",   "镇街",   "小镇",    "城乡", "下乡",
        "进社区",         "中心村", "城",     "周",      "东湖", "湖滨",
        "喜洲",           "，",     "a",      "\xE6\x9D"};
    b->n = 0;
    while (b->n < len) {
        uint32_t r = test_below(10);
        if (r < 2)
            put_han(b);
        else if (r < 4)
            put_cp3(b, sub_stop[test_below(sizeof sub_stop / sizeof *sub_stop)]);
        else if (r < 5)
            put_cp3(b, town_stop[test_below(sizeof town_stop / sizeof *town_stop)]);
        else if (r < 6)
            put_cp3(b, town_numerals[test_below(sizeof town_numerals / sizeof *town_numerals)]);
        else
            puts_(b, pieces[test_below(sizeof pieces / sizeof *pieces)]);
    }
}

/* sub_place and town_place against the versions they replaced, from every offset. */
static void test_sub_town(void **state)
{
    (void)state;
    test_seed(0x544F574E);
    buf t = {0};
    size_t found_sub = 0, found_town = 0;
    for (int round = 0; round < 20000; round++) {
        name_text(&t, 3 + test_below(40));
        char *p = exact(t.v, t.n);
        for (size_t i = 0; i < t.n; i++) {
            size_t a = sub_place(p + i, t.n - i), b = ref_sub_place(p + i, t.n - i);
            assert_int_equal(a, b);
            found_sub += a > 0;
            a = town_place(p + i, t.n - i);
            b = ref_town_place(p + i, t.n - i);
            assert_int_equal(a, b);
            found_town += a > 0;
        }
        free(p);
    }
    /* the texts reach both answers */
    assert_true(found_sub > 1000);
    assert_true(found_town > 1000);
    free(t.v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_mou),
        cmocka_unit_test(test_scan_marks_neighbours),
        cmocka_unit_test(test_sub_town),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
