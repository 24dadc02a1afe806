/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the fast scans of text.c and text.h. el_text_han_run,
 * el_text_sentence_end, el_text_count, el_text_sentences and el_text_count_sentences skip
 * whole three-byte characters and bytes that cannot start a sentence end, where the plain
 * versions kept here decode every character with el_text_cp; el_text_ncp counts two words at
 * a time. They must agree on any bytes at all, so random strings are built from pieces chosen
 * to hit every shape: Han, the sentence ends and closers, blanks, invalid and truncated
 * sequences, overlong forms and surrogates, four-byte characters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>
#include <unistr.h>

#include "testref.h"
#include "text.h"

/* ---- the plain versions: one el_text_cp per character ---- */

static size_t ref_sentences(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        size_t e = i + ref_sentence_end(s + i, n - i);
        bool content = false;
        for (size_t j = i, k; j < e && !content; j += k)
            content = !el_text_is_space(el_text_cp(s, e, j, &k));
        count += content;
        i = e;
    }
    return count;
}

/* The end of the run of U+4E00–U+9FFF at s[i], a character at a time. */
static size_t ref_han_run(const char *s, size_t n, size_t i)
{
    size_t k;
    while (i < n) {
        uint32_t c = el_text_cp(s, n, i, &k);
        if (k != 3 || c < 0x4E00 || c > 0x9FFF)
            break;
        i += k;
    }
    return i;
}

/* ---- random text ---- */

static const char *const pieces[] = {
    "甲",
    "书",
    "\xe4\xb7\x80" /* U+4DC0, not Han */,
    "\xe4\xb6\xbf" /* U+4DBF */,
    "\xe4\xb7\xbf" /* U+4DFF */,
    "\xe4\xb8\x80" /* U+4E00 */,
    "\xe9\xbf\xbf" /* U+9FFF */,
    "\xea\x80\x80" /* U+A000 */,
    "\xe3\x90\x80" /* U+3400 */,
    "\xe3\x80\x87" /* 〇 */,
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
    "，",
    "：",
    "　",
    " ",
    "a",
    "\xc2\xa0",
    "\xe2\x80\x8b" /* ZWSP */,
    "\xef\xbb\xbf" /* BOM */,
    "😀",
    "𠀀",
    "\xff",
    "\x80",
    "\xbf",
    "\xe3",
    "\xe3\x80",
    "\xef\xbc",
    "\xe4\xb8",
    "\xed\xa0\x80",
    "\xe0\x80\x82",
    "\xe0\x9c\x82",
    "\xf0\x9f",
    "\xf4\x90\x80\x80",
    "\xc0\x8a",
    "\xc3",
    "\xe3\x80\x82",
    "\xef\xbc\x81",
    "\xef\xbc\x9f",
    "\xe3\x80\x0a",
    "\xe4\x0a\x80",
    "\xe4\xb8\x21",
    "\xe2\x80\x9d",
};

static uint32_t rng = 12345;

static uint32_t next_rand(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

/* Up to cap - 1 bytes of random pieces into buf; returns the length. */
static size_t random_text(char *buf, size_t cap)
{
    size_t n = 0, want = next_rand() % 80;
    for (size_t p = 0; p < want; p++) {
        const char *w = pieces[next_rand() % (sizeof pieces / sizeof pieces[0])];
        size_t k = strlen(w);
        if (n + k >= cap)
            break;
        memcpy(buf + n, w, k);
        n += k;
    }
    buf[n] = '\0';
    return n;
}

static void test_random_agree(void **state)
{
    (void)state;
    char buf[256];
    for (int round = 0; round < 200000; round++) {
        size_t n = random_text(buf, sizeof buf);
        /* every start and every length: callers pass spans cut anywhere */
        size_t a = n ? next_rand() % n : 0, len = n - a ? next_rand() % (n - a + 1) : 0;
        const char *s = buf + a;
        size_t want = ref_sentence_end(s, len), got = el_text_sentence_end(s, len);
        if (want != got)
            print_error("sentence_end round %d: got %zu want %zu\n", round, got, want);
        assert_int_equal(got, want);
        size_t c1 = 0, h1 = 0, c2 = 0, h2 = 0;
        ref_count(s, len, &c1, &h1);
        el_text_count(s, len, &c2, &h2);
        assert_int_equal(c2, c1);
        assert_int_equal(h2, h1);
        if (round % 8 == 0)
            for (size_t j = 0; j <= len; j++)
                assert_int_equal(el_text_han_run(s, len, j), ref_han_run(s, len, j));
        size_t lead = 0; /* el_text_ncp: the bytes that are not continuation bytes */
        for (size_t i = 0; i < len; i++)
            lead += ((unsigned char)s[i] & 0xC0) != 0x80;
        assert_int_equal(el_text_ncp(s, len), lead);
        size_t want_sentences = ref_sentences(s, len);
        assert_int_equal(el_text_sentences(s, len), want_sentences);
        /* the one-pass count adds to what the caller holds */
        size_t c3 = 1, h3 = 2, s3 = 3;
        el_text_count_sentences(s, len, &c3, &h3, &s3);
        if (c3 != c1 + 1 || h3 != h1 + 2 || s3 != want_sentences + 3)
            print_error("count_sentences round %d: %zu %zu %zu, want %zu %zu %zu\n", round, c3 - 1,
                        h3 - 2, s3 - 3, c1, h1, want_sentences);
        assert_int_equal(c3, c1 + 1);
        assert_int_equal(h3, h1 + 2);
        assert_int_equal(s3, want_sentences + 3);
    }
}

static void test_known(void **state)
{
    (void)state;
    /* a sentence end inside a broken sequence is not one: E4 then 。 is U+FFFD, then 。 */
    const char *s = "甲\xe4。乙";
    assert_int_equal(el_text_sentence_end(s, strlen(s)), strlen("甲\xe4。"));
    /* a truncated 。 at the end ends nothing */
    s = "甲\xe3\x80";
    assert_int_equal(el_text_sentence_end(s, strlen(s)), strlen(s));
    /* the closers after the mark are taken */
    s = "甲？！”）乙";
    assert_int_equal(el_text_sentence_end(s, strlen(s)), strlen("甲？！”）"));
    size_t c = 0, h = 0;
    el_text_count("\xe4\xb7\x80\xe4\xb6\xbf", 6, &c, &h);
    assert_int_equal(c, 2);
    assert_int_equal(h, 1);
}

/* el_text_cp's inline three-byte path against libunistring, on every lead byte E0–EF with
 * every pair of bytes after it, and cut short. */
static void test_cp_three_bytes(void **state)
{
    (void)state;
    unsigned char b[3];
    for (unsigned b0 = 0xE0; b0 <= 0xEF; b0++)
        for (unsigned b1 = 0; b1 < 256; b1++)
            for (unsigned b2 = 0; b2 < 256; b2++) {
                b[0] = (unsigned char)b0, b[1] = (unsigned char)b1, b[2] = (unsigned char)b2;
                for (size_t n = b1 == 0 && b2 == 0 ? 1 : 3; n <= 3; n++) {
                    ucs4_t want;
                    int wl = u8_mbtouc(&want, b, n);
                    size_t len;
                    uint32_t got = el_text_cp((const char *)b, n, 0, &len);
                    if (got != want || len != (size_t)(wl > 0 ? wl : 1))
                        print_error("%02x %02x %02x (n %zu): %x/%zu, want %x/%d\n", b0, b1, b2, n,
                                    got, len, want, wl);
                    assert_int_equal(got, want);
                    assert_int_equal(len, (size_t)(wl > 0 ? wl : 1));
                }
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known),
        cmocka_unit_test(test_cp_three_bytes),
        cmocka_unit_test(test_random_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
