/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the counting the section builder does per paragraph:
 * el_text_count_sentences (and el_text_count over it) classifies sixteen bytes at a time to
 * find the end of a run of Han and tells the common marks apart by range, where the plain
 * version kept here decodes every character with el_text_cp and asks el_text_is_space,
 * el_text_is_han and el_text_is_sentence_end of it. They must agree on any bytes: every
 * three-byte shape at every position of the sixteen-byte window, long random text with
 * long runs of Han (so that windows follow one another), and random bytes.
 * Also the other helpers the builder leans on, each against its plain version: el_text_ncp
 * (sixteen bytes a turn, the tail masked from an overlapping load, or eight bytes a turn
 * without SSE2) over every length and start and past the 254-turn tally; el_text_prefix and
 * el_text_is_one_of (compared in place, without strlen) over words that share prefixes, cut
 * spans and NUL bytes; el_text_contains_any (one pass with a filter of first byte pairs)
 * against a memmem for each word, over the section builder's kind of lists and random bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "testref.h"
#include "text.h"

/* ---- the plain version: one el_text_cp per character ---- */

/* Compare the two on s[0..n); name the case when they differ. */
static void agree(const char *s, size_t n, const char *what, unsigned a, unsigned b)
{
    size_t c1 = 1, h1 = 2, s1 = 3, c2 = 1, h2 = 2, s2 = 3;
    ref_count_sentences(s, n, &c1, &h1, &s1);
    el_text_count_sentences(s, n, &c2, &h2, &s2);
    if (c1 != c2 || h1 != h2 || s1 != s2)
        print_error("%s %x %x (n %zu): %zu %zu %zu, want %zu %zu %zu\n", what, a, b, n, c2 - 1,
                    h2 - 2, s2 - 3, c1 - 1, h1 - 2, s1 - 3);
    assert_int_equal(c2, c1);
    assert_int_equal(h2, h1);
    assert_int_equal(s2, s1);
    size_t c3 = 0, h3 = 0;
    el_text_count(s, n, &c3, &h3);
    assert_int_equal(c3, c1 - 1);
    assert_int_equal(h3, h1 - 2);
}

/* Han before and after: "一二三四五六七八九十" is E4 B8 80 ... and E5 8D 81, lead bytes on
   both sides of the E4 B8 boundary. */
static const char han[] = "中国一二三四五六七八九十人民发展乡村振兴治理";

/* Third bytes of every kind: ASCII, continuation bytes that make marks (。 E3 80 82, ！ EF BC
   81, ， EF BC 8C, “” E2 80 9C/9D, ？ EF BC 9F, 〇 E3 80 87) or the edges of ranges, leads. */
static const unsigned char thirds[] = {0x00, 0x0A, 0x21, 0x7F, 0x80, 0x81, 0x82, 0x87, 0x8B,
                                       0x8C, 0x8F, 0x9C, 0x9D, 0x9F, 0xA0, 0xA4, 0xA8, 0xAF,
                                       0xB7, 0xB8, 0xBF, 0xC0, 0xE4, 0xEF, 0xFF};

/* Every lead byte E0..EF with every second byte and third bytes of each kind, whole and cut
 * short, at each of the sixteen positions of a window after a run of Han, then Han. (Every
 * well-formed one is among the code points below.) */
static void test_every_three_byte_shape(void **state)
{
    (void)state;
    char buf[128];
    for (unsigned b0 = 0xE0; b0 <= 0xEF; b0++)
        for (unsigned b1 = 0; b1 < 256; b1++)
            for (size_t t = 0; t < sizeof thirds; t++) {
                unsigned b2 = thirds[t];
                /* a prefix of 0..47 bytes of Han (cut anywhere, so it may end broken) */
                size_t pre = (b1 * 7 + b2 * 3 + b0) % 48, n = pre;
                memcpy(buf, han, pre);
                buf[n++] = (char)b0;
                buf[n++] = (char)b1;
                buf[n++] = (char)b2;
                memcpy(buf + n, han, 30);
                agree(buf, n + 30, "shape", b0 << 8 | b1, b2);
                agree(buf, pre + 3, "shape at end", b0 << 8 | b1, b2);
                if (b2 == 0) /* cut short: the lead alone, the lead and one byte */
                    for (size_t cut = 1; cut <= 2; cut++) {
                        memcpy(buf + pre + cut, han, 30);
                        agree(buf, pre + cut + 30, "cut", b0 << 8 | b1, (unsigned)cut);
                        agree(buf, pre + cut, "cut at end", b0 << 8 | b1, (unsigned)cut);
                    }
            }
}

/* Every code point from U+0080 to U+FFFF, and a few above, after runs of Han of each length. */
static void test_every_code_point(void **state)
{
    (void)state;
    char buf[128];
    for (uint32_t c = 0x80; c <= 0x10FFFF; c = c < 0xFFFF ? c + 1 : c + 0x3FF) {
        size_t pre = (c * 3) % 40, n = pre;
        memcpy(buf, han, pre - pre % 3);
        n = pre - pre % 3;
        if (c < 0x800) {
            buf[n++] = (char)(0xC0 | c >> 6);
        } else if (c < 0x10000) {
            buf[n++] = (char)(0xE0 | c >> 12);
            buf[n++] = (char)(0x80 | (c >> 6 & 0x3F));
        } else {
            buf[n++] = (char)(0xF0 | c >> 18);
            buf[n++] = (char)(0x80 | (c >> 12 & 0x3F));
            buf[n++] = (char)(0x80 | (c >> 6 & 0x3F));
        }
        buf[n++] = (char)(0x80 | (c & 0x3F));
        /* then a closer or a mark, to check what follows a sentence end */
        memcpy(buf + n, "”。乙", strlen("”。乙"));
        n += strlen("”。乙");
        memcpy(buf + n, han, 30);
        agree(buf, n + 30, "code point", c, 0);
    }
}

static const char *const pieces[] = {
    "甲",
    "书",
    "中国",
    "乡村振兴",
    "一",
    "\xe4\xb7\x80" /* U+4DC0 */,
    "\xe4\xb6\xbf" /* U+4DBF */,
    "\xe4\xb8\x80",
    "\xe9\xbf\xbf",
    "\xea\x80\x80",
    "\xe3\x90\x80",
    "〇",
    "。",
    "！",
    "？",
    "!",
    "?",
    "\n",
    "”",
    "“",
    "’",
    "）",
    ")",
    "》",
    "《",
    "】",
    "\"",
    "」",
    "』",
    "，",
    "：",
    "；",
    "、",
    "…",
    "—",
    "　",
    " ",
    "\t",
    "\r",
    "\x01",
    "a",
    "2023",
    "\xc2\xa0",
    "\xe2\x80\x8b",
    "\xe2\x80\x87" /* U+2007, a cell */,
    "\xe2\x80\xa8",
    "\xef\xbb\xbf",
    "\xe3\x85\xa4",
    "\xef\xbe\xa0",
    "\xef\xa4\x80" /* U+F900 */,
    "\xe1\x9a\x80" /* U+1680 */,
    "😀",
    "𠀀",
    "\xff",
    "\x80",
    "\xbf",
    "\xe3",
    "\xe3\x80",
    "\xef\xbc",
    "\xe4\xb8",
    "\xe4",
    "\xed\xa0\x80",
    "\xe0\x80\x82",
    "\xe0\xa0\x80",
    "\xf0\x9f",
    "\xf4\x90\x80\x80",
    "\xc0\x8a",
    "\xc3",
    "\xe3\x80\x0a",
    "\xe4\x0a\x80",
    "\xe4\xb8\x21",
    "\xef\xbc\x81",
    "\xef\xbc\x9f",
};

static uint32_t rng = 20261129;

static uint32_t next_rand(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

/* Random text of up to cap - 1 bytes: mostly Han (runs of every length), pieces between. */
static size_t random_text(char *buf, size_t cap)
{
    size_t n = 0, want = next_rand() % 200;
    unsigned han_odds = next_rand() % 10; /* of ten pieces, about this many are Han */
    for (size_t p = 0; p < want; p++) {
        const char *w = pieces[next_rand() % (sizeof pieces / sizeof pieces[0])];
        char h[4];
        if (next_rand() % 10 < han_odds) {
            /* any of U+4E00..U+9FFF */
            uint32_t c = 0x4E00 + next_rand() % (0x9FFF - 0x4E00 + 1);
            h[0] = (char)(0xE0 | c >> 12), h[1] = (char)(0x80 | (c >> 6 & 0x3F));
            h[2] = (char)(0x80 | (c & 0x3F)), h[3] = '\0';
            w = h;
        }
        size_t k = strlen(w);
        if (n + k >= cap)
            break;
        memcpy(buf + n, w, k);
        n += k;
    }
    return n;
}

/* ---- the other helpers, spelled out ---- */

/* The longest word s[0..n) starts with (strlen and memcmp), or 0. */
static size_t ref_prefix(const char *s, size_t n, const char *const *words)
{
    size_t best = 0;
    for (; *words; words++) {
        size_t k = strlen(*words);
        if (k > best && k <= n && memcmp(s, *words, k) == 0)
            best = k;
    }
    return best;
}

static void test_ncp(void **state)
{
    (void)state;
    static char buf[9000];
    /* every length up to 600 from every start in a window, over text and over random bytes */
    for (int kind = 0; kind < 2; kind++) {
        size_t n = 0;
        if (kind == 0)
            while (n < 700)
                n += random_text(buf + n, sizeof buf - n);
        else
            for (n = 0; n < 700; n++)
                buf[n] = (char)(next_rand() >> 3);
        for (size_t a = 0; a < 16; a++)
            for (size_t len = 0; len <= 600; len++)
                assert_int_equal(el_text_ncp(buf + a, len), ref_ncp(buf + a, len));
    }
    /* past 254 turns of sixteen bytes, the lanes' limit, and all continuation bytes */
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)(next_rand() >> 3);
    for (size_t len = 4000; len < sizeof buf; len += 1 + next_rand() % 97)
        assert_int_equal(el_text_ncp(buf, len), ref_ncp(buf, len));
    memset(buf, 0x80, sizeof buf);
    for (size_t len = 4050; len < 4100; len++)
        assert_int_equal(el_text_ncp(buf + 1, len), 0);
}

static const char *const some_words[] = {"分论点",   "论点", "论", "论点一", "分",
                                         "分析论证", "VX",   "v",  "（附",   "\xe4\xb8",
                                         "一",       "一二", NULL};

static void test_prefix_and_one_of(void **state)
{
    (void)state;
    char buf[64];
    const char *const empty[] = {NULL};
    const char *const with_empty[] = {"论点", "", NULL};
    for (int round = 0; round < 200000; round++) {
        /* words glued together, cut anywhere, with a NUL byte now and then */
        size_t n = 0;
        for (int w = next_rand() % 4; w > 0; w--) {
            const char *x = some_words[next_rand() % 12];
            size_t k = strlen(x);
            if (n + k > sizeof buf)
                break;
            memcpy(buf + n, x, k);
            n += k;
        }
        if (n && next_rand() % 8 == 0)
            buf[next_rand() % n] = '\0';
        size_t len = next_rand() % 3 == 0 ? next_rand() % (n + 1) : n;
        assert_int_equal(el_text_prefix(buf, len, some_words), ref_prefix(buf, len, some_words));
        assert_int_equal(el_text_is_one_of(buf, len, some_words),
                         ref_is_one_of(buf, len, some_words));
        assert_int_equal(el_text_prefix(buf, len, with_empty), ref_prefix(buf, len, with_empty));
        assert_int_equal(el_text_is_one_of(buf, len, with_empty),
                         ref_is_one_of(buf, len, with_empty));
        assert_int_equal(el_text_prefix(buf, len, empty), 0);
        assert_false(el_text_is_one_of(buf, len, empty));
    }
}

/* Whether s[0..n) contains one of the words: a memmem for each. */
static bool ref_contains_any(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++)
        if (memmem(s, n, *words, strlen(*words)))
            return true;
    return false;
}

static void test_contains_any(void **state)
{
    (void)state;
    /* CJK words sharing first characters and first byte pairs, ASCII ones, and words the filter
       leaves to memmem: one byte long, starting with a continuation byte, empty */
    static const char *const lists[][8] = {
        {"公众号", "关注", "扫码", "VX", "vx", "（附", "(附", NULL},
        {"请", "要求", "字数", "为题", "给定资料", "不少于", NULL},
        {"材料", "资料", "背景", NULL},
        {"a", "论点", NULL},
        {"\x80\x80", "\xb8\x80一", "乙", NULL},
        {"", NULL},
        {NULL},
    };
    static const char *const bits[] = {
        "公众号", "公众", "关", "关注", "扫",   "码",   "VX",   "V",  "x",  "（附", "（", "(",
        "附",     "请",   "要", "求",   "字数", "给定", "资料", "材", "料", "背景", "a",  "论点",
        "论",     "一",   "乙", "\x80", "\xb8", "\xe5", "，",   "。", "\n", " "};
    char buf[256];
    for (int round = 0; round < 200000; round++) {
        size_t n = 0;
        if (round % 4 == 3) { /* random bytes */
            for (size_t i = 0; i < 40; i++)
                buf[i] = (char)(next_rand() >> 3);
            n = next_rand() % 41;
        } else {
            for (int w = next_rand() % 12; w > 0; w--) {
                const char *x = bits[next_rand() % (sizeof bits / sizeof bits[0])];
                size_t k = strlen(x);
                if (n + k > sizeof buf)
                    break;
                memcpy(buf + n, x, k);
                n += k;
            }
        }
        size_t a = n ? next_rand() % (n + 1) : 0, b = a + next_rand() % (n - a + 1);
        for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
            assert_int_equal(el_text_contains_any(buf, n, lists[l]),
                             ref_contains_any(buf, n, lists[l]));
            assert_int_equal(el_text_contains_any(buf + a, b - a, lists[l]),
                             ref_contains_any(buf + a, b - a, lists[l]));
        }
    }
}

static void test_random_agree(void **state)
{
    (void)state;
    char buf[1024];
    for (int round = 0; round < 20000; round++) {
        size_t n = random_text(buf, sizeof buf);
        agree(buf, n, "random", (unsigned)round, 0);
        /* spans cut anywhere: every start in the first window, random ends */
        for (size_t a = 0; a < 16 && a < n; a++) {
            size_t len = next_rand() % (n - a + 1);
            agree(buf + a, len, "random span", (unsigned)round, (unsigned)a);
        }
    }
    /* random bytes */
    for (int round = 0; round < 20000; round++) {
        size_t n = next_rand() % 200;
        for (size_t i = 0; i < n; i++)
            buf[i] = (char)(next_rand() >> 3);
        agree(buf, n, "bytes", (unsigned)round, 0);
    }
}

static void test_known(void **state)
{
    (void)state;
    size_t c = 0, h = 0, s = 0;
    /* 5 + 16 Han over a window's end; a mark and a closer; a blank; a line end; a fragment */
    const char *t = "一二三四五，六七八九十一二三四五六七八九十。”\n　甲乙abc";
    el_text_count_sentences(t, strlen(t), &c, &h, &s);
    assert_int_equal(c, 5 + 1 + 15 + 2 + 2 + 3);
    assert_int_equal(h, 5 + 15 + 2);
    assert_int_equal(s, 2);
    /* U+4DC0 is no Han, U+4DBF is; U+3164 and a BOM take no cell */
    c = h = s = 0;
    t = "\xe4\xb7\x80\xe4\xb6\xbf\xe3\x85\xa4\xef\xbb\xbf一";
    el_text_count_sentences(t, strlen(t), &c, &h, &s);
    assert_int_equal(c, 3);
    assert_int_equal(h, 2);
    assert_int_equal(s, 1);
    /* blanks alone hold no sentence */
    c = h = s = 0;
    el_text_count_sentences(" \t　\n", strlen(" \t　\n"), &c, &h, &s);
    assert_int_equal(c + h + s, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known),
        cmocka_unit_test(test_every_three_byte_shape),
        cmocka_unit_test(test_every_code_point),
        cmocka_unit_test(test_random_agree),
        cmocka_unit_test(test_ncp),
        cmocka_unit_test(test_prefix_and_one_of),
        cmocka_unit_test(test_contains_any),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
