/* SPDX-License-Identifier: MIT */
/*
 * Tests of the parse stage's encoding guess and of a shortcut of its word tests. el_decode,
 * given no encoding and no BOM, reads a draft as UTF-16 when the guess says so and as UTF-8
 * or GB18030 otherwise: held to a reference of that order (guess first, then read as the guess
 * says) on UTF-16 without a BOM, valid UTF-8 with and without NUL bytes, and random mixes of
 * both. el_text_prefix and el_text_is_one_of, which pass over most words on their first byte:
 * held to the plain comparisons on word lists that share first bytes, one-byte words, texts cut
 * after the first byte and texts that open with a NUL.
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

#include "decode.h"
#include "doc.h"
#include "testrand.h"
#include "text.h"

static el_doc *decode(const char *raw, size_t len, enum el_encoding forced)
{
    el_doc *doc = el_doc_failed("t.txt", "x", "x");
    doc->ok = true;
    doc->error_code = NULL;
    free(doc->error_message);
    doc->error_message = NULL;
    el_decode(doc, raw, len, forced);
    return doc;
}

/* The guess as decode.c makes it: UTF-16 without a BOM has a NUL in every other byte. */
static enum el_encoding ref_guess(const unsigned char *s, size_t len)
{
    if (len < 4 || len % 2 != 0)
        return EL_ENC_AUTO;
    size_t n = len / 2, even = 0, odd = 0;
    for (size_t i = 0; i + 1 < len; i += 2) {
        even += s[i] == 0;
        odd += s[i + 1] == 0;
    }
    if (odd * 10 >= n * 3 && even * 20 < n)
        return EL_ENC_UTF16LE;
    if (even * 10 >= n * 3 && odd * 20 < n)
        return EL_ENC_UTF16BE;
    return EL_ENC_AUTO;
}

/* Two decodings came out the same: status, encoding, error, text. */
static void assert_same(const el_doc *a, const el_doc *b)
{
    assert_int_equal(a->ok, b->ok);
    if (!a->ok) {
        assert_string_equal(a->error_code, b->error_code);
        return;
    }
    assert_int_equal(a->encoding, b->encoding);
    assert_int_equal(a->len, b->len);
    assert_memory_equal(a->text, b->text, a->len);
    assert_int_equal(a->lines.n, b->lines.n);
}

/* raw read with no encoding given agrees with the guess-first order: what the guess names when
   it names UTF-16, and the UTF-8 reading of valid UTF-8 otherwise. */
static void check_auto(const char *raw, size_t len)
{
    const unsigned char *u = (const unsigned char *)raw;
    if (len >= 2 && (u[0] == 0xFF || u[0] == 0xFE || u[0] == 0xEF))
        return; /* a BOM decides, not the guess */
    el_doc *got = decode(raw, len, EL_ENC_AUTO);
    enum el_encoding g = ref_guess(u, len);
    el_doc *want = NULL;
    if (g != EL_ENC_AUTO)
        want = decode(raw, len, g);
    else if (u8_check(u, len) == NULL)
        want = decode(raw, len, EL_ENC_UTF8);
    if (want) {
        assert_same(got, want);
        el_doc_free(want);
    } else if (got->ok) {
        assert_true(got->encoding != EL_ENC_UTF16LE && got->encoding != EL_ENC_UTF16BE);
    }
    el_doc_free(got);
}

static void test_utf16_without_bom(void **state)
{
    (void)state;
    /* ASCII in UTF-16 is valid UTF-8 too: the NULs make it UTF-16 */
    const char le[] = "T\0i\0t\0l\0e\0\n\0b\0o\0d\0y\0.\0\n\0";
    const char be[] = "\0T\0i\0t\0l\0e\0\n\0b\0o\0d\0y\0.\0\n";
    el_doc *a = decode(le, sizeof le - 1, EL_ENC_AUTO);
    el_doc *b = decode(be, sizeof be - 1, EL_ENC_AUTO);
    assert_true(a->ok && b->ok);
    assert_int_equal(a->encoding, EL_ENC_UTF16LE);
    assert_int_equal(b->encoding, EL_ENC_UTF16BE);
    assert_string_equal(a->text, "Title\nbody.\n");
    assert_string_equal(b->text, "Title\nbody.\n");
    assert_int_equal(a->lines.n, 3);
    el_doc_free(a);
    el_doc_free(b);
    check_auto(le, sizeof le - 1);
    check_auto(be, sizeof be - 1);
}

static void test_utf8_with_nul(void **state)
{
    (void)state;
    /* valid UTF-8 with a NUL, too few for UTF-16: binary, as before */
    const char s[] = "第一段文字。\0第二段。\n";
    el_doc *doc = decode(s, sizeof s - 1, EL_ENC_AUTO);
    assert_false(doc->ok);
    assert_string_equal(doc->error_code, "not_text");
    el_doc_free(doc);
    check_auto(s, sizeof s - 1);
    check_auto(s, sizeof s - 2); /* odd length: never UTF-16 */
    /* and without the NUL, plain UTF-8 */
    const char t[] = "第一段文字。\r\n第二段。\r\n";
    doc = decode(t, sizeof t - 1, EL_ENC_AUTO);
    assert_true(doc->ok);
    assert_int_equal(doc->encoding, EL_ENC_UTF8);
    assert_string_equal(doc->text, "第一段文字。\n第二段。\n");
    el_doc_free(doc);
    check_auto(t, sizeof t - 1);
}

/* Random drafts of ASCII, NULs, CJK, UTF-16 code units and stray bytes, of every length. */
static void test_auto_random(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a",    "\n",   "\r\n", "汉",   "。", "\x01",
                                         "\x7F", "\xFF", "\xC3", "\x80", "字", " "};
    char buf[512];
    test_seed(0x5EED0005);
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, want = 4 + test_below(120);
        uint32_t mode = test_below(4); /* 0, 1: UTF-16 code units; 2: UTF-8; 3: mixed */
        while (n < want && n + 8 < sizeof buf) {
            uint32_t k = test_below(100);
            if (mode < 2 || (mode == 3 && k < 30)) {
                /* a code unit: an ASCII letter or a CJK one, either byte order */
                unsigned char hi = test_below(4) == 0 ? (unsigned char)(0x4E + test_below(40)) : 0;
                unsigned char lo =
                    (unsigned char)(test_below(4) == 0 ? '\n' : 'a' + test_below(26));
                buf[n++] = (char)(mode == 1 ? hi : lo);
                buf[n++] = (char)(mode == 1 ? lo : hi);
            } else if (k < 35) {
                buf[n++] = '\0';
            } else {
                const char *p = pieces[test_below(sizeof pieces / sizeof *pieces)];
                if (mode == 2 && ((unsigned char)p[0] == 0xFF || (unsigned char)p[0] == 0xC3 ||
                                  (unsigned char)p[0] == 0x80))
                    p = "字"; /* keep these drafts valid UTF-8 */
                size_t l = strlen(p);
                memcpy(buf + n, p, l);
                n += l;
            }
        }
        check_auto(buf, n);
        check_auto(buf, n - 1);
    }
}

/* The longest word of the list s[0..n) starts with, plainly. */
static size_t ref_prefix(const char *s, size_t n, const char *const *words)
{
    size_t best = 0;
    for (; *words; words++) {
        size_t l = strlen(*words);
        if (l <= n && l > best && memcmp(s, *words, l) == 0)
            best = l;
    }
    return best;
}

static bool ref_is_one_of(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++)
        if (strlen(*words) == n && memcmp(s, *words, n) == 0)
            return true;
    return false;
}

static void test_prefix_second_byte(void **state)
{
    (void)state;
    /* first bytes shared (E4..E6), one-byte words, a word that is another's prefix */
    static const char *const words[] = {
        "总之", "总而言之", "综上", "综上所述", "一", "一是",   "与此同时", "不仅如此", "但",
        "但是", "(",        "（",   "a",        "ab", "事实上", "其中",     "其次",     NULL};
    static const char *const parts[] = {"总", "之", "综", "上",   "一",  "是", "与",
                                        "但", "(",  "（", "a",    "b",   "其", "中",
                                        "次", "事", "实", "\xE4", "\xB8"};
    char buf[64];
    test_seed(0x5EED0006);
    for (int round = 0; round < 20000; round++) {
        size_t n = 0, pieces = test_below(6);
        for (size_t k = 0; k < pieces; k++) {
            const char *p = parts[test_below(sizeof parts / sizeof *parts)];
            size_t l = strlen(p);
            memcpy(buf + n, p, l);
            n += l;
        }
        size_t cut = n ? test_below((uint32_t)n + 1) : 0; /* cut anywhere, mid-character too */
        assert_int_equal(el_text_prefix(buf, cut, words), ref_prefix(buf, cut, words));
        assert_int_equal(el_text_is_one_of(buf, cut, words), ref_is_one_of(buf, cut, words));
    }
    /* an empty word against a text that starts with a NUL byte: the word is not read past
       its end */
    static const char *const empty[] = {"", "a", NULL};
    assert_int_equal(el_text_prefix("\0a", 2, empty), ref_prefix("\0a", 2, empty));
    assert_false(el_text_is_one_of("\0a", 2, empty));
    assert_true(el_text_is_one_of("", 0, empty));
    assert_int_equal(el_text_prefix("一", 3, words), 3);
    assert_int_equal(el_text_prefix("一是", 6, words), 6);
    assert_true(el_text_is_one_of("a", 1, words));
    assert_false(el_text_is_one_of("ac", 2, words));
    assert_int_equal(el_text_prefix("ac", 2, words), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf16_without_bom),
        cmocka_unit_test(test_utf8_with_nul),
        cmocka_unit_test(test_auto_random),
        cmocka_unit_test(test_prefix_second_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
