/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the round-4 fast paths of text.c, each against the plain version
 * kept here (one el_text_cp per character): el_text_count_sentences now takes the common
 * marks (，：；（） 、《》「」 “”‘’—…) inside its sixteen-byte windows, asks each alone by
 * its bytes, and takes a run of ASCII cells at once; el_text_sentence_end looks for \n ! ? and
 * the bytes of 。！？ sixteen places at a time; el_text_ncp masks its last one to sixteen bytes
 * and adds its lanes up every 254 turns; el_text_is_one_of turns most words down on their
 * first byte. Text is built from pieces that hit every third byte of the mark blocks (E2 80,
 * E3 80, EF BC), the E4 boundary at B7/B8, ASCII runs with ! ? and blanks, truncated and
 * invalid sequences, after 0 to 15 bytes of ASCII so that every piece falls at every lane.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "testrand.h"
#include "testref.h"
#include "text.h"

/* ---- the plain versions ---- */

/* ---- random text ---- */

static const char *const fixed[] = {
    "中",
    "国",
    "一",
    "不",
    "为",
    "人",
    "甲",
    "鑫",
    "。",
    "！",
    "？",
    "，",
    "、",
    "：",
    "；",
    "（",
    "）",
    "“",
    "”",
    "‘",
    "’",
    "—",
    "…",
    "《",
    "》",
    "「",
    "」",
    "　",
    "〇",
    "!",
    "?",
    "\n",
    " ",
    "\t",
    "\"",
    ")",
    "a",
    "7",
    "%",
    ".",
    "~",
    "\x7f",
    "\x01",
    "😀",
    "𠀀",
    "\xc2\xb7",
    "\xc2\xa0",
    "\xe3\x85\xa4" /* U+3164 */,
    "\xe2\x80\x8b" /* ZWSP */,
    "\xef\xbb\xbf" /* BOM */,
    "\xe3\x90\x80" /* U+3400 */,
    "\xef\xa4\x80" /* U+F900 */,
    "\x80",
    "\xbf",
    "\xff",
    "\xe3",
    "\xe3\x80",
    "\xef\xbc",
    "\xe4\xb8",
    "\xed\xa0\x80",
    "\xe0\x80\x82",
    "\xe0\xa0\x80",
    "\xc0\x8a",
};

/* One piece: a fixed one, or three bytes lead xx yy from the blocks the fast paths single
   out, every second and third byte possible (continuation bytes or not). */
static size_t piece(char *out)
{
    uint32_t r = test_below(4);
    if (r == 0) {
        static const unsigned char heads[][2] = {{0xEF, 0xBC}, {0xE3, 0x80}, {0xE2, 0x80},
                                                 {0xE4, 0xB7}, {0xE4, 0xB8}, {0xEF, 0xBD},
                                                 {0xE3, 0x81}, {0xE9, 0xBF}, {0xE4, 0x80}};
        const unsigned char *h = heads[test_below(sizeof heads / sizeof heads[0])];
        out[0] = (char)h[0];
        out[1] = (char)(test_below(8) ? h[1] : test_below(256));
        out[2] = (char)(test_below(8) ? 0x80 + test_below(64) : test_below(256));
        return 3;
    }
    if (r == 1) { /* a run of Han, to fill windows */
        size_t k = 3 * (1 + test_below(12));
        for (size_t i = 0; i < k; i += 3)
            memcpy(out + i, "\xe5\x9b\xbd", 3); /* 国 */
        return k;
    }
    const char *w = fixed[test_below(sizeof fixed / sizeof fixed[0])];
    size_t k = strlen(w);
    memcpy(out, w, k);
    return k;
}

/* Up to cap - 64 bytes: 0 to 15 bytes of ASCII, then pieces. */
static size_t random_text(char *buf, size_t cap, size_t want)
{
    size_t n = test_below(16);
    memset(buf, 'x', n);
    while (n < want && n + 64 < cap)
        n += piece(buf + n);
    return n;
}

/* ---- tests ---- */

static void check_counts(const char *s, size_t n)
{
    size_t c1 = 1, h1 = 2, s1 = 3, c2 = 1, h2 = 2, s2 = 3; /* they add to what is there */
    ref_count_sentences(s, n, &c1, &h1, &s1);
    el_text_count_sentences(s, n, &c2, &h2, &s2);
    assert_int_equal(c2, c1);
    assert_int_equal(h2, h1);
    assert_int_equal(s2, s1);
}

static void test_count_sentences_agree(void **state)
{
    (void)state;
    static char buf[4096];
    test_seed(0x5EC7104);
    for (int round = 0; round < 40000; round++) {
        size_t n = random_text(buf, sizeof buf, test_below(round % 10 ? 200 : 3000));
        check_counts(buf, n);
        /* cut anywhere: a span may end inside a character or a window */
        size_t a = test_below((uint32_t)n + 1), len = test_below((uint32_t)(n - a) + 1);
        check_counts(buf + a, len);
    }
}

/* Every mark block's three-byte shapes, at every lane of the window, between runs of Han. */
static void test_every_mark_at_every_lane(void **state)
{
    (void)state;
    static const unsigned char heads[][2] = {
        {0xEF, 0xBC}, {0xE3, 0x80}, {0xE2, 0x80}, {0xE4, 0xB7}, {0xE4, 0xB8}};
    char buf[128];
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
        for (unsigned t = 0x70; t < 0xC8; t++)
            for (size_t lead = 0; lead < 18; lead++) {
                size_t n = 0;
                memset(buf, 'x', lead % 3);
                n = lead % 3;
                for (size_t k = 0; k < lead / 3; k++, n += 3)
                    memcpy(buf + n, "书", 3);
                buf[n++] = (char)heads[h][0];
                buf[n++] = (char)heads[h][1];
                buf[n++] = (char)t;
                for (size_t k = 0; k < 12; k++, n += 3)
                    memcpy(buf + n, k == 6 ? "，" : "书", 3);
                for (size_t len = n > 40 ? n - 40 : 0; len <= n; len++)
                    check_counts(buf, len);
            }
}

static void test_sentence_end_agree(void **state)
{
    (void)state;
    static char buf[2048];
    test_seed(0x5E27E);
    for (int round = 0; round < 30000; round++) {
        size_t n = random_text(buf, sizeof buf, test_below(400));
        for (size_t a = 0; a < n; a += 1 + test_below(7)) {
            size_t len = n - a - test_below((uint32_t)(n - a) + 1) / 4;
            assert_int_equal(el_text_sentence_end(buf + a, len), ref_sentence_end(buf + a, len));
        }
    }
}

static void test_ncp_turns(void **state)
{
    (void)state;
    static char buf[9000];
    test_seed(0xC0C0);
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)test_rand();
    for (size_t a = 0; a < 16; a++)
        for (size_t len = 0; len <= 300; len++)
            assert_int_equal(el_text_ncp(buf + a, len), ref_ncp(buf + a, len));
    /* around 254 and 255 turns and twice that: the lanes' limit, all continuation bytes */
    memset(buf, 0xBF, sizeof buf);
    for (size_t len = 4040; len < 4120; len++) {
        assert_int_equal(el_text_ncp(buf, len), 0);
        assert_int_equal(el_text_ncp(buf + 3, len + 4000), 0);
    }
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)(test_below(4) ? 0x80 + test_below(64) : test_rand());
    for (size_t len = 4000; len < sizeof buf; len += 1 + test_below(13))
        assert_int_equal(el_text_ncp(buf, len), ref_ncp(buf, len));
}

static void test_is_one_of(void **state)
{
    (void)state;
    static const char *const words[] = {"分论点", "论点", "论",       "",     "分",
                                        "a",      "ab",   "\xe4\xb8", "一二", NULL};
    static const char *const some[] = {"分论点", "一二", NULL};
    static const char *const pool[] = {"分", "论", "点", "一", "二", "a", "b", "\xe4", "\xb8"};
    char buf[32];
    test_seed(0x1);
    for (int round = 0; round < 100000; round++) {
        size_t n = 0, parts = test_below(4);
        for (size_t p = 0; p < parts; p++) {
            const char *w = pool[test_below(sizeof pool / sizeof pool[0])];
            memcpy(buf + n, w, strlen(w));
            n += strlen(w);
        }
        buf[n] = 'z'; /* not a NUL after the span */
        assert_int_equal(el_text_is_one_of(buf, n, words), ref_is_one_of(buf, n, words));
        assert_int_equal(el_text_is_one_of(buf, n, some), ref_is_one_of(buf, n, some));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_sentences_agree),
        cmocka_unit_test(test_every_mark_at_every_lane),
        cmocka_unit_test(test_sentence_end_agree),
        cmocka_unit_test(test_ncp_turns),
        cmocka_unit_test(test_is_one_of),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
