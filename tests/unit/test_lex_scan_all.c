/* SPDX-License-Identifier: MIT */
/*
 * el_lex_scan_all, which appends the hits to an array, against el_lex_scan, which calls back
 * per hit: the same hits in the same order, on texts made of random lexicon surfaces, filler
 * characters and broken bytes, appended after hits already in the array.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "testlex.h"

static uint32_t rng = 77;

static uint32_t next_rand(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

static void test_same_hits(void **state)
{
    (void)state;
    static const char *const filler[] = {"的", "，", "。", "a", " ", "\n", "\xe4", "\xff", "“"};
    size_t nentries = el_lex_nentries();
    assert_true(nentries > 0);
    char text[4096];
    size_t total = 0;
    for (int round = 0; round < 2000; round++) {
        size_t n = 0;
        while (n < sizeof text - 64) {
            const char *w = next_rand() % 3 ? el_lex_surface(next_rand() % (unsigned)nentries)
                                            : filler[next_rand() % 9];
            size_t k = strlen(w);
            memcpy(text + n, w, k);
            n += k;
            if (next_rand() % 40 == 0)
                break;
        }
        hits want = {0};
        el_lex_scan(text, n, keep, &want);
        /* two hits already there stay first */
        el_lex_hit *v = malloc(2 * sizeof *v);
        assert_non_null(v);
        size_t len = 2, cap = 2;
        memset(v, 0x5a, 2 * sizeof *v);
        el_lex_scan_all(text, n, &v, &len, &cap);
        assert_int_equal(len, want.n + 2);
        assert_true(cap >= len);
        for (size_t i = 0; i < want.n; i++) {
            assert_int_equal(v[i + 2].start, want.v[i].start);
            assert_int_equal(v[i + 2].end, want.v[i].end);
            assert_int_equal(v[i + 2].entry, want.v[i].entry);
            assert_int_equal(v[i + 2].cat, want.v[i].cat);
        }
        total += want.n;
        free(v);
        free(want.v);
    }
    assert_true(total > 1000); /* the texts did hit */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_hits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
