/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the fast paths of decoding and block splitting, each against the
 * straightforward routine it replaced, kept here as the reference: the delimiter-run scanner
 * of the Markdown reader (two memchr passes instead of a test of every byte), the binary test
 * of decode.c (control characters counted sixteen bytes at a time) and its count of bad UTF-8
 * bytes, which stops as soon as the text is surely not damaged UTF-8. Inputs are long (up to
 * some kilobytes) and built from segments of one style each (GB18030, UTF-8 Chinese, ASCII,
 * control characters, stray bytes, CRLF/CR/LF), so the decisions fall on every side of their
 * thresholds and the early stop happens both before a clean GB18030 conversion and before
 * one that fails.
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

#include "blocks.h"
#include "decode.h"
#include "doc.h"
#include "text.h"

#include "testrand.h"

/* ---- delimiter runs ---------------------------------------------------------------------- */

/* The runs of two or more `*` or `_` of s[0..n), one byte at a time (the loop blocks_md.c had):
 * their starts and ends into a[] and z[]; returns their number. */
static size_t ref_delim_runs(const char *s, size_t n, size_t *a, size_t *z)
{
    size_t k = 0, i = 0;
    while (i < n) {
        char c = s[i];
        if (c != '*' && c != '_') {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && s[j] == c)
            j++;
        if (j - i >= 2) {
            a[k] = i;
            z[k] = j;
            k++;
        }
        i = j;
    }
    return k;
}

static void check_delims(const char *s, size_t n)
{
    size_t *ra = malloc((n / 2 + 1) * sizeof *ra), *rz = malloc((n / 2 + 1) * sizeof *rz);
    assert_non_null(ra);
    assert_non_null(rz);
    size_t want = ref_delim_runs(s, n, ra, rz), got = 0, from = 0, a, z;
    el_delim_scan d;
    el_blocks_delim_start(&d, s, n);
    while (el_blocks_delim_next(&d, from, &a, &z)) {
        assert_true(got < want);
        assert_int_equal(a, ra[got]);
        assert_int_equal(z, rz[got]);
        got++;
        from = z;
    }
    assert_int_equal(got, want);
    free(ra);
    free(rz);
}

static void test_delim_random(void **state)
{
    (void)state;
    static const char *const bits[] = {"*", "**", "***", "_", "__", "*_",  "_*",
                                       "a", "中", "“",   " ", "\n", "abc", "红管家"};
    char buf[1024];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0, want = test_rand() % 120;
        for (size_t p = 0; p < want; p++) {
            const char *w = bits[test_rand() % (sizeof bits / sizeof bits[0])];
            size_t k = strlen(w);
            if (n + k >= sizeof buf)
                break;
            memcpy(buf + n, w, k);
            n += k;
        }
        check_delims(buf, n);
        /* and every prefix of a short one: a run cut by the end of the literal */
        if (round % 50 == 0)
            for (size_t m = 0; m <= n && m < 64; m++)
                check_delims(buf, m);
    }
}

static void test_delim_edges(void **state)
{
    (void)state;
    check_delims("", 0);
    check_delims("*", 1);
    check_delims("**", 2);
    check_delims("__**", 4);
    check_delims("*_*_*_", 6);
    check_delims("宁波推行**“红管家”**做法", strlen("宁波推行**“红管家”**做法"));
    /* single `*` all along and `__` only at the end: each mark is searched once */
    size_t n = 200000;
    char *s = malloc(n + 2);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 2 ? 'a' : '*';
    memcpy(s + n, "__", 2);
    check_delims(s, n + 2);
    free(s);
}

/* ---- decoding ---------------------------------------------------------------------------- */

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
    if (memchr(s, '\0', len) != NULL)
        return true;
    size_t ctl = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        ctl += (c < 0x20 && !(c >= '\t' && c <= '\r')) || c == 0x7F;
    }
    size_t total = 0;
    for (size_t i = 0; i < len; i++)
        total += ((unsigned char)s[i] & 0xC0) != 0x80;
    return ctl > 0 && ctl * 20 > total;
}

/* CRLF and CR to LF, into out (which may be s); returns the length. */
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

/* UTF-8 with one U+FFFD per bad byte, of s[0..n); counts bad bytes, well-formed multi-byte
 * characters and the output offset of the first U+FFFD. */
static char *ref_repair(const char *s, size_t n, size_t *o_len, size_t *nbad, size_t *good_multi,
                        size_t *first_bad)
{
    char *rep = malloc(3 * n + 1);
    assert_non_null(rep);
    size_t o = 0;
    *nbad = *good_multi = 0;
    *first_bad = SIZE_MAX;
    for (size_t i = 0; i < n;) {
        ucs4_t uc;
        const uint8_t *u = (const uint8_t *)s + i;
        int k = u8_mbtouc(&uc, u, n - i);
        if (uc == 0xFFFD && !(k == 3 && u[0] == 0xEF && u[1] == 0xBF && u[2] == 0xBD)) {
            if (*first_bad == SIZE_MAX)
                *first_bad = o;
            ++*nbad;
            memcpy(rep + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            continue;
        }
        *good_multi += k > 1;
        memcpy(rep + o, u, (size_t)k);
        o += (size_t)k;
        i += (size_t)k;
    }
    *o_len = o;
    return rep;
}

/* What el_decode decides for text that is not valid UTF-8, from a full count of its bad bytes.
 * 0: refused; 1: GB18030 converted cleanly (*text, *tlen); 2: repaired UTF-8 (*text, *tlen,
 * *inv); 3: GB18030 with stray bytes or refused (left to decode.c's lenient reader, which this
 * test does not replace). */
static int ref_invalid(const char *raw, size_t len, char **text, size_t *tlen, size_t *inv)
{
    size_t nbad, good_multi, first_bad, o;
    char *rep = ref_repair(raw, len, &o, &nbad, &good_multi, &first_bad);
    free(rep);
    bool nul = memchr(raw, '\0', len) != NULL;
    size_t cn = 0;
    uint8_t *conv = NULL;
    if (!nul && (nbad > good_multi / 50 + 2 || good_multi == 0) &&
        (conv = u8_conv_from_encoding("GB18030", iconveh_error, raw, len, NULL, NULL, &cn)) !=
            NULL) {
        char *t = malloc(cn + 1);
        assert_non_null(t);
        if (cn)
            memcpy(t, conv, cn);
        free(conv);
        if (ref_binary(t, cn)) { /* tested before the line ends are folded */
            free(t);
            return 0;
        }
        *tlen = fold(t, cn, t);
        *text = t;
        *inv = SIZE_MAX;
        return 1;
    }
    if (nbad * 10 <= len || nbad <= 4) {
        char *tmp = malloc(len + 1);
        assert_non_null(tmp);
        size_t fn = fold(raw, len, tmp);
        rep = ref_repair(tmp, fn, &o, &nbad, &good_multi, &first_bad);
        free(tmp);
        if (ref_binary(rep, o)) {
            free(rep);
            return 0;
        }
        *text = rep;
        *tlen = o;
        *inv = nbad ? first_bad : SIZE_MAX;
        return 2;
    }
    return nul ? 0 : 3;
}

/* Pieces by style: a segment of the text draws from one list. */
static const char *const gb_bits[] = {"\xc4\xe3\xba\xc3",
                                      "\xd6\xd0\xb9\xfa\xc8\xcb",
                                      "\xa1\xa3",
                                      "\xa3\xac",
                                      "\xb5\xc4",
                                      "a",
                                      " ",
                                      "2024"};
static const char *const u8_bits[] = {"甲", "书", "。", "，",       "中国人民",     "“",
                                      "”",  "😀",  "𠀀", "\xc2\xa0", "\xef\xbf\xbd", "a"};
static const char *const ascii_bits[] = {"a", "Z", " ", "the ", "1. ", "abcdefghijklmnop", "\t"};
static const char *const ctl_bits[] = {"\x01", "\x08", "\x0e", "\x1f", "\x7f",    "\x1b",
                                       "\v",   "\f",   "\t",   "\x9f", "\xc2\x9f"};
static const char *const bad_bits[] = {"\xff",     "\x80",     "\xbf",         "\xc3",
                                       "\xe4\xb8", "\xf5\x80", "\xed\xa0\x80", "\xc0\x80"};
static const char *const nl_bits[] = {"\n", "\r", "\r\n", "\n\n", "\r\r\n"};

typedef struct style {
    const char *const *bits;
    size_t n;
} style;

#define STYLE(a)                                                                                   \
    {                                                                                              \
        a, sizeof a / sizeof a[0]                                                                  \
    }
static const style styles[] = {STYLE(gb_bits),  STYLE(u8_bits),  STYLE(ascii_bits),
                               STYLE(ctl_bits), STYLE(bad_bits), STYLE(nl_bits)};

/* A text of segments, each of one style: weights[] gives each style's share of segments. */
static size_t random_long(char *buf, size_t cap, const unsigned *weights)
{
    unsigned total = 0;
    for (size_t s = 0; s < 6; s++)
        total += weights[s];
    size_t n = 0;
    buf[n++] = 'x'; /* no BOM, and no UTF-16 look */
    size_t segs = 1 + test_rand() % 40;
    for (size_t g = 0; g < segs; g++) {
        unsigned r = test_rand() % total, s = 0;
        while (r >= weights[s])
            r -= weights[s++];
        size_t len = s >= 3 ? 1 + test_rand() % 3 : 1 + test_rand() % 200;
        for (size_t p = 0; p < len; p++) {
            const char *w = styles[s].bits[test_rand() % styles[s].n];
            size_t k = strlen(w);
            if (n + k >= cap)
                return n;
            memcpy(buf + n, w, k);
            n += k;
        }
    }
    return n;
}

static int seen[4], seen_valid, seen_binary;

static void check_decode(const char *buf, size_t n)
{
    el_doc *doc = decode(buf, n);
    if (u8_check((const uint8_t *)buf, n) == NULL) {
        char *folded = malloc(n + 1);
        assert_non_null(folded);
        size_t fn = fold(buf, n, folded);
        bool binary = ref_binary(folded, fn);
        seen_valid++;
        seen_binary += binary;
        assert_int_equal(doc->ok, !binary);
        if (doc->ok) {
            assert_int_equal(doc->encoding, EL_ENC_UTF8);
            assert_int_equal(doc->len, fn);
            assert_memory_equal(doc->text, folded, fn);
        }
        free(folded);
        el_doc_free(doc);
        return;
    }
    char *text = NULL;
    size_t tlen = 0, inv = SIZE_MAX;
    int r = ref_invalid(buf, n, &text, &tlen, &inv);
    seen[r]++;
    switch (r) {
    case 0:
        assert_false(doc->ok);
        break;
    case 1:
    case 2:
        assert_true(doc->ok);
        assert_int_equal(doc->encoding, r == 1 ? EL_ENC_GB18030 : EL_ENC_UTF8);
        assert_int_equal(doc->invalid_off, inv);
        assert_int_equal(doc->len, tlen);
        assert_memory_equal(doc->text, text, tlen);
        break;
    default:
        assert_true(!doc->ok || (doc->encoding == EL_ENC_GB18030 && doc->invalid_off != SIZE_MAX));
        break;
    }
    free(text);
    el_doc_free(doc);
}

static void test_decode_long_random(void **state)
{
    (void)state;
    /* gb, utf-8, ascii, control, bad, line ends */
    static const unsigned mixes[][6] = {
        {10, 0, 3, 0, 0, 2}, {10, 0, 3, 0, 1, 2}, {8, 2, 3, 0, 1, 2},  {0, 10, 3, 0, 1, 2},
        {0, 10, 3, 2, 0, 2}, {0, 10, 3, 4, 1, 2}, {3, 0, 10, 0, 1, 2}, {1, 8, 8, 1, 1, 3},
        {0, 0, 10, 3, 0, 1}, {4, 4, 4, 4, 4, 4},
    };
    enum { CAP = 12000 };
    char *buf = malloc(CAP);
    assert_non_null(buf);
    for (int round = 0; round < 6000; round++) {
        size_t n = random_long(buf, CAP, mixes[round % (sizeof mixes / sizeof mixes[0])]);
        check_decode(buf, n);
        /* a NUL somewhere: never GB18030, and binary if valid (in a text long enough not to
           look like UTF-16 with it) */
        if (round % 97 == 0 && n > 16) {
            buf[1 + test_rand() % (n - 1)] = '\0';
            check_decode(buf, n);
        }
    }
    free(buf);
    assert_true(seen[0] > 50 && seen[1] > 50 && seen[2] > 50 && seen[3] > 20);
    assert_true(seen_valid > 200 && seen_binary > 50 && seen_valid - seen_binary > 50);
}

/* Long valid UTF-8 with control characters around one in twenty code points: the binary test
 * on both sides of its threshold, every control byte at every position of a 16-byte word. */
static void test_binary_threshold(void **state)
{
    (void)state;
    enum { CAP = 4096 };
    char *buf = malloc(CAP + 8);
    assert_non_null(buf);
    for (int round = 0; round < 4000; round++) {
        size_t n = 0, target = 64 + test_rand() % (CAP - 128);
        while (n + 4 < target) {
            unsigned r = test_rand() % 40;
            if (r < 2) {
                buf[n++] = (char)ctl_bits[test_rand() % 6][0];
            } else if (r < 20) {
                memcpy(buf + n, "\xe4\xb8\x80", 3); /* 一: continuation bytes 0x80 to 0x9f */
                buf[n + 2] = (char)(0x80 + test_rand() % 0x40);
                n += 3;
            } else if (r < 22) {
                buf[n++] = (char)"\t\n\v\f\r"[test_rand() % 5];
            } else {
                buf[n++] = (char)('a' + test_rand() % 26);
            }
        }
        buf[0] = 'x';
        check_decode(buf, n);
    }
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_delim_edges),
        cmocka_unit_test(test_delim_random),
        cmocka_unit_test(test_binary_threshold),
        cmocka_unit_test(test_decode_long_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
