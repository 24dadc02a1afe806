/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the parse stage's branch-free scan and scratch buffers: the grid and
 * sentence count of text.c, whose span of Han and marks tells the marks of fifteen bytes
 * apart at once, is held to the plain count of testref.h on text dense in every three-byte
 * mark, 。 and the bytes around them, from every offset; and drafts on both sides of the
 * sizes el_blocks_text and el_section_build keep on the stack (lines, events) are parsed to
 * the counts the plain count gives their paragraphs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "essaylint.h"
#include "testrand.h"
#include "testref.h"
#include "text.h"

/* el_text_count_sentences of s[0..n) agrees with the plain count. */
static void check_count(const char *s, size_t n)
{
    size_t c0 = 0, h0 = 0, s0 = 0, c1 = 0, h1 = 0, s1 = 0;
    el_text_count_sentences(s, n, &c0, &h0, &s0);
    ref_count_sentences(s, n, &c1, &h1, &s1);
    if (c0 != c1 || h0 != h1 || s0 != s1) {
        fprintf(stderr, "count of %zu bytes:", n);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, " %02X", (unsigned char)s[i]);
        fprintf(stderr, "\n");
    }
    assert_int_equal(c0, c1);
    assert_int_equal(h0, h1);
    assert_int_equal(s0, s1);
}

/* Append one random piece to buf at *n (room for 4 more bytes): mostly Han and the marks of
   an essay, with every other three-byte shape, ASCII, line ends and broken bytes besides. */
static void put_piece(char *buf, size_t *n)
{
    unsigned char *u = (unsigned char *)buf + *n;
    uint32_t k = test_below(100);
    if (k < 45) { /* E4..E9: Han, and U+4000-U+4DFF where E4 is before a byte below B8 */
        u[0] = (unsigned char)(0xE4 + test_below(6));
        u[1] = (unsigned char)(0x80 + test_below(64));
        u[2] = (unsigned char)(0x80 + test_below(64));
        *n += 3;
    } else if (k < 80) { /* E2 80 xx, E3 80 xx, EF BC xx: every third byte */
        static const unsigned char heads[][2] = {{0xE2, 0x80}, {0xE3, 0x80}, {0xEF, 0xBC}};
        uint32_t h = test_below(3);
        u[0] = heads[h][0], u[1] = heads[h][1];
        u[2] = (unsigned char)(test_below(3) == 0 ? 0x82 : 0x80 + test_below(64));
        *n += 3;
    } else if (k < 85) { /* another three-byte character of the same leads, or E0 / ED */
        static const unsigned char leads[] = {0xE0, 0xE1, 0xE2, 0xE3, 0xED, 0xEE, 0xEF};
        u[0] = leads[test_below(sizeof leads)];
        u[1] = (unsigned char)(0x80 + test_below(64));
        u[2] = (unsigned char)(0x80 + test_below(64));
        *n += 3;
    } else if (k < 93) { /* ASCII: letters, digits, ! ? space, line end, controls */
        static const char ascii[] = "aZ09 .,!?\n\t\")\x01\x7F";
        u[0] = (unsigned char)ascii[test_below(sizeof ascii - 1)];
        *n += 1;
    } else if (k < 97) { /* broken: a lone continuation byte, a cut sequence, a bad lead */
        static const unsigned char bad[][2] = {{0x80, 0},    {0xBF, 0}, {0xE4, 0xB8},
                                               {0xE3, 0x80}, {0xC0, 0}, {0xFF, 0}};
        uint32_t b = test_below(6);
        u[0] = bad[b][0];
        *n += 1;
        if (bad[b][1]) {
            u[1] = bad[b][1];
            *n += 1;
        }
    } else { /* two and four bytes */
        if (test_below(2)) {
            u[0] = 0xC2, u[1] = (unsigned char)(0x80 + test_below(64));
            *n += 2;
        } else {
            u[0] = 0xF0, u[1] = 0xA0, u[2] = 0x80, u[3] = (unsigned char)(0x80 + test_below(64));
            *n += 4;
        }
    }
}

/* Random mark-heavy text, counted whole and from every offset of its first sixteen bytes
   (so each character meets each lane of the fifteen-byte blocks). */
static void test_count_random(void **state)
{
    (void)state;
    test_seed(0xC0DE4u);
    char buf[600];
    for (int round = 0; round < 4000; round++) {
        size_t n = 0, want = test_below(160);
        while (n < want)
            put_piece(buf, &n);
        for (size_t off = 0; off < 16 && off <= n; off++)
            check_count(buf + off, n - off);
    }
}

/* Each three-byte character of the marks' leads (E2 80, E3 80, EF BC, and the same leads
   with other second bytes) at each lead lane of a block of Han, with Han, a mark, 。 or
   the text's end after it. */
static void test_count_marks_every_lane(void **state)
{
    (void)state;
    static const unsigned char heads[][2] = {{0xE2, 0x80}, {0xE3, 0x80}, {0xEF, 0xBC},
                                             {0xE2, 0x81}, {0xE3, 0x81}, {0xEF, 0xBD},
                                             {0xE3, 0x82}, {0xE4, 0xB7}, {0xE4, 0xB8}};
    static const char *const after[] = {"中", "，", "。", "”", "a", ""};
    char buf[128];
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
        for (unsigned t = 0x80; t <= 0xBF; t++)
            for (size_t lane = 0; lane < 8; lane++)
                for (size_t a = 0; a < sizeof after / sizeof after[0]; a++) {
                    size_t n = 0;
                    for (size_t k = 0; k < lane; k++, n += 3)
                        memcpy(buf + n, "国", 3);
                    buf[n++] = (char)heads[h][0];
                    buf[n++] = (char)heads[h][1];
                    buf[n++] = (char)t;
                    memcpy(buf + n, after[a], strlen(after[a]));
                    n += strlen(after[a]);
                    for (size_t k = 0; k < 7; k++, n += 3)
                        memcpy(buf + n, k % 3 ? "家" : "。", 3);
                    check_count(buf, n);
                    check_count(buf, n - 21); /* the text ends after the piece */
                    check_count(buf + 1, n - 1);
                }
}

/* A plain-text draft of paras paragraphs (two lines each, the second its own paragraph after
   a blank line or not) and some blank lines: the counts of el_parse as the plain count of
   each paragraph's text gives them, on both sides of the stack buffers' sizes. */
static void test_many_lines_and_blocks(void **state)
{
    (void)state;
    static const size_t sizes[] = {1, 30, 62, 63, 64, 65, 85, 86, 127, 128, 129, 200};
    char *buf = malloc(200000);
    assert_non_null(buf);
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++)
        for (size_t blanks = 0; blanks < 3; blanks++) {
            size_t n = 0;
            for (size_t p = 0; p < sizes[z]; p++) {
                n += (size_t)sprintf(
                    buf + n, "　　第%zu段写的是生态保护，要求各方共同努力。这是一句话。\n", p);
                for (size_t b = 0; b < blanks; b++)
                    buf[n++] = '\n';
            }
            el_doc *doc = el_parse("draft.txt", buf, n, NULL);
            assert_true(el_doc_ok(doc));
            assert_int_equal(doc->lines.n, sizes[z] * (1 + blanks) + 1);
            size_t chars = 0, hanzi = 0, sentences = 0;
            for (size_t i = 0; i < doc->paras.n; i++) {
                const el_para *pa = &doc->paras.v[i];
                size_t c = 0, h = 0, s = 0;
                ref_count_sentences(doc->plain.v + pa->txt.off, pa->txt.len, &c, &h, &s);
                assert_int_equal(pa->chars, c);
                assert_int_equal(pa->hanzi, h);
                assert_int_equal(pa->sentences, s);
                chars += c, hanzi += h, sentences += s;
            }
            assert_true(doc->paras.n + 1 >= sizes[z]);
            el_counts k = el_doc_counts(doc);
            assert_true(k.chars >= chars);
            assert_int_equal(k.sentences, sentences);
            el_doc_free(doc);
        }
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_random),
        cmocka_unit_test(test_count_marks_every_lane),
        cmocka_unit_test(test_many_lines_and_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
