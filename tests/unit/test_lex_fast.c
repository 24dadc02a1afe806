/* SPDX-License-Identifier: MIT */
/*
 * The lexicon scan (a character-class Aho–Corasick over a double array, with an inline
 * decoder for ASCII and 3-byte UTF-8) against the straightforward definition of its output:
 * every byte occurrence of every surface, found by memcmp at every offset, sorted by end,
 * shorter first, entries in index order. Texts mix glued surfaces (overlaps, shared
 * prefixes, dangling first characters), CJK and ASCII filler, and broken UTF-8 (stray
 * continuation bytes, truncated and overlong sequences, surrogates, 4-byte characters),
 * at every short length too (the scan's tail). The document's shared pass is checked the
 * same way: el_doc_lex_scan and el_doc_lex_scan_cats over ranges against a filtered scan,
 * with the extractors' masks walked in order as they walk them (the per-mask selections).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "lexicon.h"
#include "testlex.h"

#include "testrand.h"

/* Append a random piece to t (room for 64 more bytes at t + *n). */
static void piece(char *t, size_t *n)
{
    static const char *const filler[] = {
        "的",
        "，",
        "。",
        "a",
        " ",
        "\n",
        "“",
        "”",
        "1",
        "%",
        "·",
        "—",
        "\xe4",
        "\xe4\xb8",
        "\x80",
        "\xbf",
        "\xff",
        "\xc0\xaf",
        "\xc3\xa9",
        "\xe0\x80\x80",
        "\xe0\x9f\xbf",
        "\xed\xa0\x80",
        "\xef\xbf\xbd",
        "\xf0\x9f\x98\x80",
        "\xf0\x9f",
        "\xf4\x90\x80\x80",
        "\0",
        "\xe2\x80",
    };
    size_t ne = el_lex_nentries();
    uint32_t r = test_rand() % 10;
    if (r < 5) { /* a whole surface */
        unsigned e = test_rand() % (unsigned)ne;
        size_t l = el_lex_surface_len(e);
        if (l <= 60) {
            memcpy(t + *n, el_lex_surface(e), l);
            *n += l;
        }
    } else if (r < 7) { /* the first character(s) of a surface, or its last bytes */
        unsigned e = test_rand() % (unsigned)ne;
        size_t l = el_lex_surface_len(e), k = 1 + test_rand() % (l < 12 ? l : 12);
        if (test_rand() % 2)
            memcpy(t + *n, el_lex_surface(e), k);
        else
            memcpy(t + *n, el_lex_surface(e) + l - k, k);
        *n += k;
    } else if (r < 8) { /* a random character of the BMP, or a random byte */
        uint32_t c = 0x80 + test_rand() % 0xFF80;
        if (test_rand() % 4 == 0) {
            t[(*n)++] = (char)(test_rand() & 0xFF);
        } else if (c < 0x800) {
            t[(*n)++] = (char)(0xC0 | c >> 6);
            t[(*n)++] = (char)(0x80 | (c & 0x3F));
        } else {
            t[(*n)++] = (char)(0xE0 | c >> 12);
            t[(*n)++] = (char)(0x80 | (c >> 6 & 0x3F));
            t[(*n)++] = (char)(0x80 | (c & 0x3F));
        }
    } else {
        size_t f = test_rand() % (sizeof filler / sizeof filler[0]);
        size_t l = filler[f][0] ? strlen(filler[f]) : 1; /* "\0" is one NUL byte */
        memcpy(t + *n, filler[f], l);
        *n += l;
    }
}

static void test_random_texts(void **state)
{
    (void)state;
    char text[2048 + 64];
    size_t total = 0;
    for (int round = 0; round < 600; round++) {
        size_t n = 0, want = 1 + test_rand() % (round % 10 ? 200 : 2048);
        while (n < want)
            piece(text, &n);
        total += check(text, n);
        /* every prefix of a short text: the scan's last bytes take another path */
        if (round % 20 == 0)
            for (size_t k = 0; k <= n && k < 40; k++)
                check(text, k);
    }
    assert_true(total > 5000); /* the texts did hit */
}

/* Each surface alone, with one byte of every kind glued before and after. */
static void test_each_surface(void **state)
{
    (void)state;
    static const char around[] = {'a', (char)0x80, (char)0xe4, (char)0xf0, (char)0xc3};
    size_t ne = el_lex_nentries();
    char t[512];
    for (unsigned e = 0; e < ne; e++) {
        size_t l = el_lex_surface_len(e);
        if (l + 2 > sizeof t)
            continue;
        memcpy(t + 1, el_lex_surface(e), l);
        t[0] = around[e % 5];
        t[l + 1] = around[(e / 5) % 5];
        assert_true(check(t + 1, l) >= 1);
        assert_true(check(t, l + 2) >= 1);
    }
}

/* The document's pass: ranges and category masks against a filtered scan of the range. */
static void test_doc_ranges(void **state)
{
    (void)state;
    char text[8192];
    size_t n = 0;
    while (n < sizeof text - 200) {
        piece(text, &n);
        if (test_rand() % 30 == 0)
            text[n++] = '\n';
        if (test_rand() % 90 == 0) {
            text[n++] = '\n';
            text[n++] = '\n';
        }
    }
    for (size_t i = 0; i < n; i++) /* keep the text decodable as it is */
        if (text[i] == 0 || (unsigned char)text[i] >= 0xF5 || (unsigned char)text[i] == 0xC0)
            text[i] = 'x';
    el_options opt = {0};
    el_doc *doc = el_parse("t.txt", text, n, &opt);
    assert_non_null(doc);
    assert_true(el_doc_ok(doc));
    size_t pn = doc->plain.n;
    assert_true(pn > 100);
    for (int round = 0; round < 400; round++) {
        size_t off = test_rand() % pn, len = test_rand() % (pn - off + 1);
        if (round % 4 == 0)
            len = pn - off;
        unsigned mask = round % 3 == 0 ? EL_LEX_ALL_CATS : test_rand() & EL_LEX_ALL_CATS;
        hits want = {0}, got = {0}, got_all = {0};
        el_lex_scan(doc->plain.v + off, len, keep, &want);
        el_doc_lex_scan_cats(doc, off, len, mask, keep, &got);
        el_doc_lex_scan(doc, off, len, keep, &got_all);
        assert_same(&got_all, &want);
        size_t k = 0;
        for (size_t i = 0; i < want.n; i++)
            if (mask & EL_LEX_CAT_BIT(want.v[i].cat))
                want.v[k++] = want.v[i];
        want.n = k;
        assert_same(&got, &want);
        free(want.v);
        free(got.v);
        free(got_all.v);
        if (round == 200) /* a released pass scans again */
            el_doc_lex_release(doc);
    }
    el_doc_free(doc);
}

/* A random text of about n bytes, decodable as it is, with line and paragraph breaks. */
static size_t doc_text(char *text, size_t cap)
{
    size_t n = 0;
    while (n < cap - 200) {
        piece(text, &n);
        if (test_rand() % 30 == 0)
            text[n++] = '\n';
        if (test_rand() % 90 == 0) {
            text[n++] = '\n';
            text[n++] = '\n';
        }
    }
    for (size_t i = 0; i < n; i++)
        if (text[i] == 0 || (unsigned char)text[i] >= 0xF5 || (unsigned char)text[i] == 0xC0)
            text[i] = 'x';
    return n;
}

/* el_doc_lex_scan_cats over plain[off..+len) with mask against a filtered scan of the range. */
static void check_cats(el_doc *doc, size_t off, size_t len, unsigned mask)
{
    hits want = {0}, got = {0};
    el_lex_scan(doc->plain.v + off, len, keep, &want);
    size_t k = 0;
    for (size_t i = 0; i < want.n; i++)
        if (mask & EL_LEX_CAT_BIT(want.v[i].cat))
            want.v[k++] = want.v[i];
    want.n = k;
    el_doc_lex_scan_cats(doc, off, len, mask, keep, &got);
    assert_same(&got, &want);
    free(want.v);
    free(got.v);
}

/*
 * The per-mask selections as the extractors use them: a few masks, each walked through the
 * document in consecutive ranges (paragraphs, gaps between them), interleaved; then jumps
 * back and random ranges, and more masks than the document remembers (the plain walk).
 */
static void test_doc_masks(void **state)
{
    (void)state;
#define B EL_LEX_CAT_BIT
    static const unsigned masks[] = {
        B(EL_LEX_PLACE) | B(EL_LEX_METAPHOR) | B(EL_LEX_CONTRAST) | B(EL_LEX_PROBLEM),
        B(EL_LEX_CONTRAST) | B(EL_LEX_COUNTERMEASURE),
        B(EL_LEX_PLACE) | B(EL_LEX_METAPHOR) | B(EL_LEX_CONTRAST) | B(EL_LEX_PARALLEL_FRAME),
        B(EL_LEX_SPEAKER) | B(EL_LEX_DOCUMENT) | B(EL_LEX_QUOTEVERB),
        B(EL_LEX_SPEAKER) | B(EL_LEX_DOCUMENT),
        B(EL_LEX_COLLOQUIAL) | B(EL_LEX_FIRSTPERSON),
        B(EL_LEX_PLACE),
        0,
        EL_LEX_ALL_CATS,
    };
#undef B
    enum { NM = sizeof masks / sizeof masks[0] };
    static char text[16384];
    for (int d = 0; d < 6; d++) {
        size_t n = doc_text(text, sizeof text);
        el_options opt = {0};
        el_doc *doc = el_parse("t.txt", text, n, &opt);
        assert_non_null(doc);
        assert_true(el_doc_ok(doc));
        size_t pn = doc->plain.n;
        /* consecutive ranges per mask, masks interleaved; sometimes a gap between ranges */
        size_t pos[NM] = {0};
        for (bool more = true; more;) {
            more = false;
            for (size_t m = 0; m < NM; m++) {
                if (pos[m] >= pn)
                    continue;
                more = true;
                size_t len = test_rand() % 300, gap = test_rand() % 4 == 0 ? test_rand() % 200 : 0;
                if (len > pn - pos[m])
                    len = pn - pos[m];
                check_cats(doc, pos[m], len, masks[m]);
                pos[m] += len + gap;
            }
        }
        /* jumps back and anywhere, the remembered masks and others */
        for (int round = 0; round < 300; round++) {
            size_t off = test_rand() % pn, len = test_rand() % (pn - off + 1);
            if (round % 3 == 0)
                len = len % 64;
            unsigned mask = round % 2 ? masks[test_rand() % NM] : test_rand() & EL_LEX_ALL_CATS;
            check_cats(doc, off, len, mask);
        }
        if (d % 2) { /* released selections are made again */
            el_doc_lex_release(doc);
            for (size_t m = 0; m < NM; m++)
                check_cats(doc, 0, pn, masks[m]);
        }
        el_doc_free(doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_texts),
        cmocka_unit_test(test_each_surface),
        cmocka_unit_test(test_doc_ranges),
        cmocka_unit_test(test_doc_masks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
