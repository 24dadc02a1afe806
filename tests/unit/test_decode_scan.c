/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for decode.c's own scans: its choice between UTF-8, repaired UTF-8,
 * GB18030 (clean, or with a few stray bytes) and refusal must be the one the plain algorithm makes,
 * and its binary test (control characters counted eight bytes at a time) must judge as the plain
 * per-byte count does. Random byte strings are built from pieces chosen to hit every shape of valid
 * and invalid UTF-8 and every control character class, then decoded with the encoding left to
 * detection.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <uniconv.h>
#include <unistr.h>

#include "decode.h"
#include "doc.h"
#include "text.h"

static el_doc *decode(const char *raw, size_t len)
{
    el_doc *doc = el_doc_failed("t.txt", "x", "x");
    doc->ok = true;
    doc->error_code = NULL;
    free(doc->error_message);
    doc->error_message = NULL;
    el_decode(doc, raw, len, EL_ENC_AUTO);
    return doc;
}

/* The binary test of decode.c, one byte at a time. */
static bool ref_binary(const char *s, size_t len)
{
    size_t ctl = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        ctl += (c < 0x20 && !(c >= '\t' && c <= '\r')) || c == 0x7F;
    }
    size_t total = el_text_ncp(s, len);
    return total > 0 && ctl * 20 > total;
}

/* CRLF and CR to LF, into out; returns the length. */
static size_t fold(const char *s, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\r') {
            out[o++] = '\n';
            if (i + 1 < len && s[i + 1] == '\n')
                i++;
        } else {
            out[o++] = s[i];
        }
    }
    return o;
}

/*
 * What decode.c decided for text that is not valid UTF-8 before it counted the bad bytes
 * without a copy: repair (one U+FFFD per bad byte) after folding line ends, then GB18030 when
 * it converts cleanly and the bad bytes are many, else the repair when they are few. Returns
 * false for a refusal; else *enc, the text (malloc'd, line ends folded) and the offset of the
 * first U+FFFD put in (SIZE_MAX for none).
 */
/*
 * GB18030 with stray bytes, the slow way: at each position the shortest run of one to four
 * bytes that iconv converts on its own is a character, and a position where none does is one
 * bad byte (U+FFFD); taken when at most 4 (or one in 100) bytes are bad.
 */
static bool ref_gb18030_lenient(const char *raw, size_t len, int *enc, char **text, size_t *tlen,
                                size_t *inv)
{
    char *tmp = malloc(len + 1);
    assert_non_null(tmp);
    size_t n = fold(raw, len, tmp);
    char *out = malloc(4 * n + 4);
    assert_non_null(out);
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    assert_true(cd != (iconv_t)-1);
    size_t o = 0, nbad = 0, first_bad = SIZE_MAX;
    for (size_t pos = 0; pos < n;) {
        size_t k = 1;
        for (; k <= 4 && pos + k <= n; k++) {
            char *in = tmp + pos, *op = out + o;
            size_t il = k, ol = 8;
            iconv(cd, NULL, NULL, NULL, NULL);
            if (iconv(cd, &in, &il, &op, &ol) != (size_t)-1 && il == 0) {
                o = (size_t)(op - out);
                break;
            }
        }
        if (k <= 4 && pos + k <= n) {
            pos += k;
            continue;
        }
        if (first_bad == SIZE_MAX)
            first_bad = o;
        nbad++;
        memcpy(out + o, "\xEF\xBF\xBD", 3);
        o += 3;
        pos++;
    }
    iconv_close(cd);
    free(tmp);
    if (nbad == 0 || !(nbad <= 4 || nbad * 100 <= n) || ref_binary(out, o)) {
        free(out);
        return false;
    }
    *enc = EL_ENC_GB18030;
    *inv = first_bad;
    *tlen = o;
    *text = out;
    return true;
}

static bool ref_invalid(const char *raw, size_t len, int *enc, char **text, size_t *tlen,
                        size_t *inv)
{
    char *tmp = malloc(len + 1);
    assert_non_null(tmp);
    size_t n = fold(raw, len, tmp);
    char *rep = malloc(3 * n + 1);
    assert_non_null(rep);
    size_t o = 0, nbad = 0, first_bad = SIZE_MAX;
    for (size_t i = 0; i < n;) {
        ucs4_t uc;
        const uint8_t *u = (const uint8_t *)tmp + i;
        int k = u8_mbtouc(&uc, u, n - i);
        if (uc == 0xFFFD && !(k == 3 && u[0] == 0xEF && u[1] == 0xBF && u[2] == 0xBD)) {
            if (first_bad == SIZE_MAX)
                first_bad = o;
            nbad++;
            memcpy(rep + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            continue;
        }
        memcpy(rep + o, u, (size_t)k);
        o += (size_t)k;
        i += (size_t)k;
    }
    free(tmp);
    size_t good_multi = 0;
    for (size_t i = 0; i < o; i++)
        good_multi += ((unsigned char)rep[i] & 0xC0) == 0xC0;
    good_multi -= nbad;
    size_t cn = 0;
    uint8_t *conv = NULL;
    if (memchr(raw, '\0', len) == NULL && (nbad > good_multi / 50 + 2 || good_multi == 0) &&
        (conv = u8_conv_from_encoding("GB18030", iconveh_error, raw, len, NULL, NULL, &cn)) !=
            NULL) {
        free(rep);
        *enc = EL_ENC_GB18030;
        *inv = SIZE_MAX;
        char *t = malloc(cn + 1);
        assert_non_null(t);
        if (cn)
            memcpy(t, conv, cn);
        free(conv);
        if (ref_binary(t, cn)) {
            free(t);
            return false;
        }
        *tlen = fold(t, cn, t);
        *text = t;
        return true;
    }
    if (nbad * 10 <= len || nbad <= 4) {
        *enc = EL_ENC_UTF8;
        *inv = nbad ? first_bad : SIZE_MAX;
        if (ref_binary(rep, o)) {
            free(rep);
            return false;
        }
        *tlen = o;
        *text = rep;
        return true;
    }
    free(rep);
    if (memchr(raw, '\0', len) != NULL)
        return false;
    return ref_gb18030_lenient(raw, len, enc, text, tlen, inv);
}

static const char *const pieces[] = {
    "甲",
    "书",
    "。",
    "，",
    "a",
    "Z",
    " ",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\v",
    "\f",
    "\x01",
    "\x08",
    "\x0e",
    "\x1f",
    "\x7f",
    "\x1b",
    "\xc2\xa0",
    "\xdf\xbf",
    "\xe0\xa0\x80",
    "\xef\xbf\xbf",
    "\xed\x9f\xbf",
    "\xee\x80\x80",
    "\xf0\x90\x80\x80",
    "\xf4\x8f\xbf\xbf",
    "😀",
    "𠀀",
    "\xc0\x80",
    "\xc1\xbf",
    "\xe0\x80\x80",
    "\xe0\x9f\xbf",
    "\xed\xa0\x80",
    "\xed\xbf\xbf",
    "\xf0\x80\x80\x80",
    "\xf0\x8f\xbf\xbf",
    "\xf4\x90\x80\x80",
    "\xf5\x80",
    "\xf8",
    "\xff",
    "\x80",
    "\xbf",
    "\xc3",
    "\xe4\xb8",
    "\xf0\x9f\x98",
    "\xe4\x41\x80",
    "abcdefgh",
    "abcdefghijklmnop",
    "甲乙丙丁戊己庚辛",
    "\xc4\xe3\xba\xc3" /* 你好 in GB18030 */,
    "\xd6\xd0\xb9\xfa\xc8\xcb" /* 中国人 */,
};

/* How often each decision was taken (the random texts must reach all of them). */
static int seen_gb, seen_repaired, seen_refused;

static uint32_t rng = 4242;

static uint32_t next_rand(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

static size_t random_text(char *buf, size_t cap, bool valid_only)
{
    size_t n = 0, want = 1 + next_rand() % 30;
    for (size_t p = 0; p < want; p++) {
        const char *w = pieces[next_rand() % (sizeof pieces / sizeof pieces[0])];
        size_t k = strlen(w);
        if (valid_only && u8_check((const uint8_t *)w, k) != NULL)
            continue;
        if (n + k >= cap)
            break;
        memcpy(buf + n, w, k);
        n += k;
    }
    buf[n] = '\0';
    return n;
}

static void check_one(const char *buf, size_t n)
{
    /* (A BOM would be taken off first; the pieces hold none at the start.) */
    bool valid = u8_check((const uint8_t *)buf, n) == NULL;
    el_doc *doc = decode(buf, n);
    if (valid) {
        char folded[512];
        size_t fn = fold(buf, n, folded);
        assert_int_equal(doc->ok, !ref_binary(folded, fn));
        if (doc->ok) {
            assert_int_equal(doc->encoding, EL_ENC_UTF8);
            assert_int_equal(doc->invalid_off, SIZE_MAX);
            assert_int_equal(doc->len, fn);
            assert_memory_equal(doc->text, folded, fn);
        }
    } else {
        /* taken as invalid: repaired (an offset of the first bad byte), GB18030, or refused,
           as before bad bytes were counted without a copy */
        assert_false(doc->ok && doc->encoding == EL_ENC_UTF8 && doc->invalid_off == SIZE_MAX);
        int enc;
        char *text = NULL;
        size_t tlen = 0, inv;
        bool ok = ref_invalid(buf, n, &enc, &text, &tlen, &inv);
        seen_gb += ok && enc == EL_ENC_GB18030;
        seen_repaired += ok && enc == EL_ENC_UTF8;
        seen_refused += !ok;
        assert_int_equal(doc->ok, ok);
        if (ok) {
            assert_int_equal(doc->encoding, enc);
            assert_int_equal(doc->invalid_off, inv);
            assert_int_equal(doc->len, tlen);
            assert_memory_equal(doc->text, text, tlen);
        }
        free(text);
        if (doc->ok && doc->encoding == EL_ENC_UTF8) {
            /* repaired: its line ends folded as the input's (one per CRLF, CR or LF) */
            size_t breaks = 0, lfs = 0;
            for (size_t i = 0; i < n; i++)
                breaks += buf[i] == '\n' ? !(i > 0 && buf[i - 1] == '\r') : buf[i] == '\r';
            for (size_t i = 0; i < doc->len; i++) {
                assert_true(doc->text[i] != '\r');
                lfs += doc->text[i] == '\n';
            }
            assert_int_equal(lfs, breaks);
        }
    }
    el_doc_free(doc);
}

static void test_random_utf8(void **state)
{
    (void)state;
    char buf[256];
    for (int round = 0; round < 50000; round++) {
        size_t n = random_text(buf, sizeof buf, round % 2 == 0);
        check_one(buf, n);
    }
    assert_true(seen_gb > 100 && seen_repaired > 100 && seen_refused > 100);
}

static void test_binary_edges(void **state)
{
    (void)state;
    /* one control character in twenty code points is text, one more is binary */
    char buf[64];
    memset(buf, 'a', 40);
    buf[3] = '\x01';
    buf[17] = '\x7f';
    check_one(buf, 40);
    buf[30] = '\x02';
    check_one(buf, 40);
    el_doc *doc = decode(buf, 40);
    assert_false(doc->ok);
    el_doc_free(doc);
    /* tab, LF, VT, FF and CR are not control characters here */
    memcpy(buf, "\t\n\v\f\r\t\n\v\f\rabcdefghij", 20);
    doc = decode(buf, 20);
    assert_true(doc->ok);
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_edges),
        cmocka_unit_test(test_random_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
