/* SPDX-License-Identifier: MIT */
/*
 * The lexicon scan's branch-shaped step against the straightforward definition of its output
 * (every byte occurrence of every surface by memcmp, sorted by end, shorter first, entries in
 * index order). The step selects "at or back to the root" with a mask and branches only on an
 * edge or on a failure to another match, and it relies on the root's children having a check
 * that never names the root: the tables are checked for that layout, and texts are built to
 * drive every outcome, densely: surfaces glued so that one's last characters begin another
 * (failures to states other than the root), surfaces cut short before a character that is
 * or is not a start (failures to the root), start characters in a row, and broken UTF-8 and
 * 4-byte characters between them, up to the end of the buffer (the scan's tail).
 */
#define EL_LEX_INTERNAL
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "testlex.h"
#include "testrand.h"

/* Byte length of the UTF-8 character at s (surfaces are valid UTF-8). */
static size_t char_len(const char *s)
{
    unsigned char b = (unsigned char)*s;
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Number of characters of surface e. */
static size_t char_count(unsigned e)
{
    const char *w = el_lex_surface(e);
    size_t l = el_lex_surface_len(e), n = 0;
    for (size_t i = 0; i < l; i += char_len(w + i))
        n++;
    return n;
}

/* Byte length of the first k characters of surface e. */
static size_t prefix_len(unsigned e, size_t k)
{
    const char *w = el_lex_surface(e);
    size_t i = 0;
    while (k-- && i < el_lex_surface_len(e))
        i += char_len(w + i);
    return i;
}

/* The table layout the step relies on: no check names the root (slot 0), the root's children
   (slots 1..nstart) have none, and every other check names a state that has the slot as its
   edge on some class. */
static void test_layout(void **state)
{
    (void)state;
    const struct el_lex_tables *t = &el_lex_tables;
    assert_true(t->nstart >= 1 && t->nstart <= t->nclass);
    size_t states = 1;
    for (uint32_t i = 0; i < t->nslots; i++) {
        uint32_t ck = t->slots[i].check;
        assert_int_not_equal(ck, 0);
        if (i >= 1 && i <= t->nstart) {
            assert_int_equal(ck, 0xFFFF);
            states++;
            continue;
        }
        if (ck == 0xFFFF)
            continue;
        states++;
        assert_true(ck < t->nslots);
        assert_true(i > t->slots[ck].base && i - t->slots[ck].base <= t->nclass);
    }
    assert_true(states > t->nstart);
}

/* Surfaces whose first character is the character at s (l bytes), up to max of them. */
static size_t starting_with(const char *s, size_t l, unsigned *out, size_t max)
{
    size_t ne = el_lex_nentries(), n = 0;
    for (unsigned e = 0; e < ne && n < max; e++)
        if (el_lex_surface_len(e) > l && !memcmp(el_lex_surface(e), s, l))
            out[n++] = e;
    return n;
}

/* Each surface followed by a surface that starts with its last character, and by one that
   starts with its last two: the automaton leaves a match for another, not for the root. And
   each surface less its last character followed by a start character and by a non-start
   one: a failure to the root, then the root's step. */
static void test_glued(void **state)
{
    (void)state;
    size_t ne = el_lex_nentries();
    char t[1024];
    unsigned next[16];
    size_t total = 0;
    for (unsigned e = 0; e < ne; e++) {
        const char *w = el_lex_surface(e);
        size_t l = el_lex_surface_len(e), nc = char_count(e);
        if (l > 200)
            continue;
        for (size_t back = 1; back <= 2 && back < nc; back++) {
            size_t from = prefix_len(e, nc - back), k = l - from;
            size_t m = starting_with(w + from, char_len(w + from), next, 16);
            if (!m)
                continue;
            unsigned f = next[test_below((uint32_t)m)];
            size_t fl = el_lex_surface_len(f);
            if (fl > 400)
                continue;
            memcpy(t, w, l);
            /* the second surface glued on after its first (shared) characters */
            size_t shared = back == 2 && fl > k && !memcmp(el_lex_surface(f), w + from, k)
                                ? k
                                : char_len(w + from);
            memcpy(t + l, el_lex_surface(f) + shared, fl - shared);
            total += check(t, l + fl - shared);
        }
        if (nc >= 2) {
            size_t cut = prefix_len(e, nc - 1);
            memcpy(t, w, cut);
            /* then a start character (the first of a random surface); then a character
               that is in no surface, and the whole surface */
            unsigned s = test_below((uint32_t)ne);
            size_t sl = char_len(el_lex_surface(s));
            memcpy(t + cut, el_lex_surface(s), sl);
            total += check(t, cut + sl);
            memcpy(t + cut, "\xe2\x80\xbb", 3); /* ※ */
            memcpy(t + cut + 3, w, l);
            total += check(t, cut + 3 + l);
        }
    }
    assert_true(total > ne);
}

/* Append a random piece to t (room for 64 more bytes at t + *n): mostly surface characters,
   whole surfaces, prefixes and suffixes of them, with broken UTF-8 and 4-byte characters. */
static void piece(char *t, size_t *n)
{
    static const char *const odd[] = {
        "\xe4",
        "\xe4\xb8",
        "\x80",
        "\xbf",
        "\xff",
        "\xc0\xaf",
        "\xc2\xb7",
        "\xe0\x80\x80",
        "\xed\xa0\x80",
        "\xef\xbf\xbd",
        "\xf0\x9f\x98\x80",
        "\xf0\xa0\x80\x80",
        "\xf0\x9f",
        "\xf4\x90\x80\x80",
        "a",
        "\n",
        "，",
        "的",
    };
    size_t ne = el_lex_nentries();
    unsigned e = test_below((uint32_t)ne);
    const char *w = el_lex_surface(e);
    size_t l = el_lex_surface_len(e);
    uint32_t r = test_below(10);
    if (r < 3 && l <= 60) { /* a whole surface */
        memcpy(t + *n, w, l);
        *n += l;
    } else if (r < 6) { /* its first characters */
        size_t k = prefix_len(e, 1 + test_below((uint32_t)char_count(e)));
        if (k <= 60) {
            memcpy(t + *n, w, k);
            *n += k;
        }
    } else if (r < 8) { /* its last characters */
        size_t nc = char_count(e), k = prefix_len(e, test_below((uint32_t)nc));
        if (l - k <= 60) {
            memcpy(t + *n, w + k, l - k);
            *n += l - k;
        }
    } else {
        const char *o = odd[test_below(sizeof odd / sizeof *odd)];
        size_t k = strlen(o);
        memcpy(t + *n, o, k);
        *n += k;
    }
}

static void test_dense_texts(void **state)
{
    (void)state;
    char text[1024 + 64];
    size_t total = 0;
    test_seed(0x5EED5);
    for (int round = 0; round < 800; round++) {
        size_t n = 0, want = 1 + test_below(round % 8 ? 160 : 1024);
        while (n < want)
            piece(text, &n);
        total += check(text, n);
        if (round % 25 == 0) /* every end: the tail takes over in any state */
            for (size_t k = 0; k <= n && k < 48; k++)
                check(text, k);
    }
    assert_true(total > 3000);
}

/* Random bytes, and random characters of every length: the step on class 0 everywhere. */
static void test_random_bytes(void **state)
{
    (void)state;
    char text[600];
    test_seed(0xB17E5);
    for (int round = 0; round < 300; round++) {
        size_t n = 0;
        while (n < 500) {
            uint32_t r = test_below(4);
            if (r == 0) {
                text[n++] = (char)test_rand();
            } else {
                uint32_t c = r == 1 ? 0x4E00 + test_below(0x5200) : test_below(0x110000);
                if (c >= 0xD800 && c < 0xE000)
                    c = 0x4E00;
                if (c < 0x80) {
                    text[n++] = (char)c;
                } else if (c < 0x800) {
                    text[n++] = (char)(0xC0 | c >> 6);
                    text[n++] = (char)(0x80 | (c & 0x3F));
                } else if (c < 0x10000) {
                    text[n++] = (char)(0xE0 | c >> 12);
                    text[n++] = (char)(0x80 | (c >> 6 & 0x3F));
                    text[n++] = (char)(0x80 | (c & 0x3F));
                } else {
                    text[n++] = (char)(0xF0 | c >> 18);
                    text[n++] = (char)(0x80 | (c >> 12 & 0x3F));
                    text[n++] = (char)(0x80 | (c >> 6 & 0x3F));
                    text[n++] = (char)(0x80 | (c & 0x3F));
                }
            }
        }
        check(text, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_glued),
        cmocka_unit_test(test_dense_texts),
        cmocka_unit_test(test_random_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
