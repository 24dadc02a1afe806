/* SPDX-License-Identifier: MIT */
/*
 * The lexicon scan's class lookup and slot layout against byte comparison. A 3-byte character
 * is classed from a row table indexed by its first two bytes as they lie in memory, and a
 * step reads base, check, failure and output from one 16-bit slot: a wrong row, block or
 * field shows as a surface found where its bytes are not, or missed where they are. Checked
 * for every 3-byte sequence E0..EF 80..BF 80..BF (overlong forms and surrogates included)
 * alone, against the surfaces equal to it; for every surface whose second character has
 * three bytes, with that character replaced by each other of its row, of its lead byte and
 * with each other lead byte (the surface is found exactly when nothing changed); and for
 * every surface after and before neighbours of its first character, where the automaton
 * enters or leaves through that lookup.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

typedef struct {
    el_lex_hit v[64];
    size_t n;
} few;

static void keep(void *ctx, const el_lex_hit *h)
{
    few *k = ctx;
    if (k->n < 64)
        k->v[k->n] = *h;
    k->n++;
}

/* Whether a scan of s[0..n) reports entry e over [start, start + its length). */
static bool found(const char *s, size_t n, unsigned e, size_t start)
{
    few k = {.n = 0};
    el_lex_scan(s, n, keep, &k);
    assert_true(k.n <= 64);
    for (size_t i = 0; i < k.n; i++)
        if (k.v[i].entry == e && k.v[i].start == start)
            return true;
    return false;
}

/* Every 3-byte sequence alone: the hits are exactly the surfaces equal to its bytes (the
   one-character surfaces are ASCII: no sequence is found, whatever its class). */
static void test_every_sequence(void **state)
{
    (void)state;
    size_t ne = el_lex_nentries(), n3 = 0;
    unsigned *three = malloc(ne * sizeof *three); /* the one-character surfaces, in order */
    assert_non_null(three);
    for (unsigned e = 0; e < ne; e++)
        if (el_lex_surface_len(e) == 3)
            three[n3++] = e;
    for (unsigned b0 = 0xE0; b0 <= 0xEF; b0++)
        for (unsigned b1 = 0x80; b1 <= 0xBF; b1++)
            for (unsigned b2 = 0x80; b2 <= 0xBF; b2++) {
                const char s[3] = {(char)b0, (char)b1, (char)b2};
                few k = {.n = 0};
                el_lex_scan(s, 3, keep, &k);
                size_t want = 0;
                for (size_t i = 0; i < n3; i++)
                    if (!memcmp(el_lex_surface(three[i]), s, 3)) {
                        assert_true(want < k.n);
                        assert_int_equal(k.v[want].entry, three[i]);
                        assert_int_equal(k.v[want].start, 0);
                        assert_int_equal(k.v[want].end, 3);
                        want++;
                    }
                assert_int_equal(k.n, want);
            }
    free(three);
}

/* Each surface with its second character replaced by the others of its row and lead byte. */
static void test_row_neighbours(void **state)
{
    (void)state;
    size_t ne = el_lex_nentries();
    size_t checked = 0;
    for (unsigned e = 0; e < ne; e++) {
        const unsigned char *w = (const unsigned char *)el_lex_surface(e);
        size_t l = el_lex_surface_len(e);
        size_t c1 = (w[0] & 0xF0) == 0xE0 ? 3 : 1; /* where the second character starts */
        if (l < c1 + 3 || (w[c1] & 0xF0) != 0xE0 || l > 60)
            continue;
        char t[64];
        memcpy(t, w, l);
        for (unsigned v = 0; v < 144; v++) {
            /* v < 64: the third byte (same row); below 128 the second byte (same lead byte);
               then the lead byte */
            unsigned char b0 = v < 128 ? w[c1] : (unsigned char)(0xE0 + v - 128);
            unsigned char b1 = v < 64 || v >= 128 ? w[c1 + 1] : (unsigned char)(0x80 + v - 64);
            unsigned char b2 = v < 64 ? (unsigned char)(0x80 + v) : w[c1 + 2];
            t[c1] = (char)b0;
            t[c1 + 1] = (char)b1;
            t[c1 + 2] = (char)b2;
            bool same = b0 == w[c1] && b1 == w[c1 + 1] && b2 == w[c1 + 2];
            assert_int_equal(found(t, l, e, 0), same);
        }
        checked++;
    }
    assert_true(checked > 1000);
}

/* Each surface glued after and before every sequence of its first character's row: found. */
static void test_glued(void **state)
{
    (void)state;
    size_t ne = el_lex_nentries();
    for (unsigned e = 0; e < ne; e++) {
        const unsigned char *w = (const unsigned char *)el_lex_surface(e);
        size_t l = el_lex_surface_len(e);
        if (l > 50 || (w[0] & 0xF0) != 0xE0)
            continue;
        char t[64];
        for (unsigned b2 = 0x80; b2 <= 0xBF; b2 += 7) {
            t[0] = (char)w[0]; /* a neighbour of its first character, then the surface */
            t[1] = (char)w[1];
            t[2] = (char)b2;
            memcpy(t + 3, w, l);
            assert_true(found(t, l + 3, e, 3));
            memcpy(t, w, l); /* the surface, then the neighbour */
            t[l] = (char)w[0];
            t[l + 1] = (char)w[1];
            t[l + 2] = (char)b2;
            assert_true(found(t, l + 3, e, 0));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_sequence),
        cmocka_unit_test(test_row_neighbours),
        cmocka_unit_test(test_glued),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
