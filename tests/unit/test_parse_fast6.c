/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for round 12's line table: for text whose line ends are folded as it is
 * copied (valid UTF-8), the binary test now notes every line start on its way over the text,
 * and the checkpoints are made from that table, where a memchr a line used to find them. The
 * old build_posmap is kept here as the oracle and run on the decoded text; the line table, the
 * checkpoints and the verdict (text or not) must come out the same for every encoding path:
 * UTF-8 (BOM or none, CRLF and CR folded), repaired UTF-8, GB18030, UTF-16, binary data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- the version before (round 11), kept as the oracle ---- */

#define OLD_MARK_STRIDE 256

/* The old build_posmap: lines by memchr, checkpoints on the way. */
static void old_posmap(const char *s, size_t len, el_doc *out)
{
    size_t line = 1, ls = 0, next_mark = 0;
    *EL_VEC_PUSH(out->lines) = 0;
    for (;;) {
        const char *nl = memchr(s + ls, '\n', len - ls);
        size_t le = nl ? (size_t)(nl - s) : len;
        size_t from = ls, col = 1;
        while (next_mark <= le && next_mark < len) {
            size_t off = next_mark > ls ? next_mark : ls;
            while (off < le && ((unsigned char)s[off] & 0xC0) == 0x80)
                off++;
            col += el_text_ncp(s + from, off - from);
            from = off;
            *EL_VEC_PUSH(out->marks) = (el_mark){off, line, col};
            next_mark = off + OLD_MARK_STRIDE;
        }
        if (nl == NULL)
            break;
        line++;
        ls = le + 1;
        *EL_VEC_PUSH(out->lines) = ls;
    }
    if (out->marks.n == 0)
        *EL_VEC_PUSH(out->marks) = (el_mark){0, 1, 1};
}

/* ---- checks ---- */

/* Decode raw[0..len): when it is text, its line table and checkpoints are the oracle's. */
static bool check(const char *raw, size_t len, enum el_encoding forced)
{
    el_doc *doc = decode(raw, len, forced);
    bool ok = doc->ok;
    if (ok) {
        el_doc ref;
        memset(&ref, 0, sizeof ref);
        old_posmap(doc->text, doc->len, &ref);
        assert_int_equal(doc->lines.n, ref.lines.n);
        for (size_t i = 0; i < ref.lines.n; i++)
            assert_int_equal(doc->lines.v[i], ref.lines.v[i]);
        assert_int_equal(doc->marks.n, ref.marks.n);
        for (size_t i = 0; i < ref.marks.n; i++) {
            assert_int_equal(doc->marks.v[i].off, ref.marks.v[i].off);
            assert_int_equal(doc->marks.v[i].line, ref.marks.v[i].line);
            assert_int_equal(doc->marks.v[i].col, ref.marks.v[i].col);
        }
        free(ref.lines.v);
        free(ref.marks.v);
    }
    el_doc_free(doc);
    return ok;
}

static const char *const pieces[] = {
    "国", "，",           "。",         "\n",   "\n\n",     "\r\n", "\r",
    "a",  "word ",        "\t",         "\x01", "\x7f",     "😀",    "\xc2\xb7",
    "　", "\xef\xbb\xbf", "1234567890", "\x80", "\xe5\x9b",
};

/* Up to cap - 16 bytes of pieces, a line end one piece in `nl_one_in` (more or less). */
static size_t random_text(char *buf, size_t cap, size_t want, uint32_t nl_one_in)
{
    size_t n = 0;
    while (n < want && n + 16 < cap) {
        const char *w;
        uint32_t r = test_below(nl_one_in + 1);
        if (r == 0)
            w = test_below(3) ? "\n" : "\r\n";
        else
            w = pieces[test_below(sizeof pieces / sizeof pieces[0])];
        if (test_below(4))
            w = "书写";
        size_t k = strlen(w);
        memcpy(buf + n, w, k);
        n += k;
    }
    return n;
}

/* Random drafts: short lines and long ones (past a checkpoint stride), line ends of every
   kind, at every place of the thirty-two-byte turns; some bytes invalid (repaired, or another
   encoding tried), a few with a NUL (binary). */
static void test_random_drafts(void **state)
{
    (void)state;
    static char buf[20000];
    test_seed(0x11AE5);
    size_t text = 0;
    for (int round = 0; round < 4000; round++) {
        uint32_t nl = round % 3 == 0 ? 2 : round % 3 == 1 ? 20 : 400;
        size_t n = random_text(buf, sizeof buf, test_below(round % 10 ? 600 : 15000), nl);
        if (round % 50 == 7 && n > 0)
            buf[test_below((uint32_t)n)] = '\0';
        text += check(buf, n, EL_ENC_AUTO);
        check(buf, n, EL_ENC_UTF8);
        size_t a = test_below((uint32_t)n + 1);
        check(buf + a, n - a, EL_ENC_AUTO);
    }
    assert_true(text > 3000);
}

/* Line ends at every offset of a turn, alone, in pairs, and at the very end; empty text. */
static void test_line_ends_everywhere(void **state)
{
    (void)state;
    char buf[200];
    check("", 0, EL_ENC_AUTO);
    for (size_t len = 1; len < 100; len++)
        for (size_t at = 0; at < len; at++)
            for (int kind = 0; kind < 4; kind++) {
                memset(buf, 'x', len);
                buf[at] = kind == 1 ? '\r' : '\n';
                if (kind == 2 && at + 1 < len)
                    buf[at + 1] = '\n';
                if (kind == 3)
                    buf[len - 1] = '\n';
                assert_true(check(buf, len, EL_ENC_AUTO));
            }
}

/* The other paths: a BOM, GB18030 and UTF-16 (their line ends folded after the binary test). */
static void test_other_encodings(void **state)
{
    (void)state;
    static char buf[4000], conv[16000];
    test_seed(0xE2C0D);
    static const char *const codes[] = {"GB18030", "UTF-16LE", "UTF-16BE"};
    static const enum el_encoding encs[] = {EL_ENC_GB18030, EL_ENC_UTF16LE, EL_ENC_UTF16BE};
    for (int round = 0; round < 600; round++) {
        size_t n = 0;
        while (n < 300 + test_below(3000)) {
            const char *w = test_below(5) == 0 ? (test_below(2) ? "\r\n" : "\n") : "书写，";
            memcpy(buf + n, w, strlen(w));
            n += strlen(w);
        }
        /* with a BOM */
        memmove(buf + 3, buf, n);
        memcpy(buf, "\xef\xbb\xbf", 3);
        assert_true(check(buf, n + 3, EL_ENC_AUTO));
        memmove(buf, buf + 3, n);
        size_t e = (size_t)round % 3;
        iconv_t cd = iconv_open(codes[e], "UTF-8");
        assert_true(cd != (iconv_t)-1);
        char *in = buf, *out = conv;
        size_t inleft = n, outleft = sizeof conv;
        assert_true(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
        iconv_close(cd);
        size_t m = sizeof conv - outleft;
        assert_true(check(conv, m, encs[e]));
        check(conv, m, EL_ENC_AUTO); /* UTF-16 of Han has no NUL to be guessed by */
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_drafts),
        cmocka_unit_test(test_line_ends_everywhere),
        cmocka_unit_test(test_other_encodings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
