/* SPDX-License-Identifier: MIT */
/*
 * The plain rule of notes/claim-not-found for a note's quoted term (lint.c's term_verdict),
 * kept once for the differential tests that compare the fast paths with it (test_lint_fast,
 * test_lint_fast2, test_lint_fast5): byte searches of the essay, no index, no sweep.
 * Header-only: include after text.h and unistr.h.
 */
#ifndef EL_TESTCLAIMS_H
#define EL_TESTCLAIMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <unistr.h>

#include "text.h"

/* Whether the essay has the pair of adjacent Han characters a, b: a search of its bytes. */
static inline bool ref_has_pair(const char *essay, size_t len, uint32_t a, uint32_t b)
{
    uint8_t pat[8];
    int k = u8_uctomb(pat, a, 4), m = u8_uctomb(pat + k, b, 4);
    return memmem(essay, len, pat, (size_t)(k + m)) != NULL;
}

/* A quoted term's verdict, plainly (term_verdict's rule): some pair of adjacent Han characters
   of the term is in the essay, and every run of two or more characters that no such pair
   covers has each of its characters in the essay; a term with no pair is found. */
static inline bool ref_term_in(const char *essay, size_t len, const char *s, size_t n)
{
    uint32_t c[16];
    size_t m = 0, k;
    for (size_t i = 0; i < n && m < 16; i += k)
        c[m++] = el_text_cp(s, n, i, &k);
    bool cov[16] = {false}, any = false, has = false;
    for (size_t i = 0; i + 1 < m; i++)
        if (el_text_is_han(c[i]) && el_text_is_han(c[i + 1])) {
            any = true;
            if (ref_has_pair(essay, len, c[i], c[i + 1]))
                has = cov[i] = cov[i + 1] = true;
        }
    if (!any)
        return true;
    if (!has)
        return false;
    for (size_t i = 0, j; i < m; i = j + 1) {
        for (j = i; j < m && el_text_is_han(c[j]) && !cov[j]; j++)
            ;
        for (size_t q = i; j - i >= 2 && q < j; q++) {
            uint8_t p[4];
            int l = u8_uctomb(p, c[q], 4);
            if (memmem(essay, len, p, (size_t)l) == NULL)
                return false;
        }
    }
    return true;
}

#endif
