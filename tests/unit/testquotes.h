/* SPDX-License-Identifier: MIT */
/*
 * The plain versions of quotes.c's pairing and lead-in scans, kept once for the differential
 * tests that compare the fast paths with them (test_quotes_fast, test_quotes_fast2,
 * test_quotes_stats_fast5): every byte offset in turn, marks and lead-ins by their bytes.
 * Header-only: each test file includes it once, after cmocka.h and quotes.h.
 */
#ifndef EL_TESTQUOTES_H
#define EL_TESTQUOTES_H

#include <stdint.h>
#include <string.h>

#include "quotes.h"
#include "util.h"

/* The extractor's bare lead-ins, in its order (quotes.c, bare_leads). */
static const char *const ref_bare_leads[] = {
    "古人云", "古语有云", "古语云",   "正所谓", "俗话说", "常言道",
    "古人说", "古语道",   "古人有云", "诗云",   "子曰",   NULL,
};

/* el_quote_pairs spelled out: every byte offset in turn, marks by their bytes. */
static inline void ref_pairs(const char *s, size_t n, el_qpair_vec *out)
{
    static const char *const marks[] = {"“", "”", "「", "」", "『", "』"};
    size_t *st[3], depth[3] = {0, 0, 0}, ascii = SIZE_MAX;
    for (int f = 0; f < 3; f++)
        st[f] = xmalloc((n + 1) * sizeof *st[f]);
    out->n = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            if (ascii == SIZE_MAX) {
                ascii = i;
            } else {
                *EL_VEC_PUSH(*out) = (el_qpair){ascii, ascii + 1, i, i + 1};
                ascii = SIZE_MAX;
            }
            continue;
        }
        for (int m = 0; m < 6; m++) {
            if (n - i < 3 || memcmp(s + i, marks[m], 3) != 0)
                continue;
            int f = m / 2;
            if (m % 2 == 0)
                st[f][depth[f]++] = i;
            else if (depth[f]) {
                size_t o = st[f][--depth[f]];
                *EL_VEC_PUSH(*out) = (el_qpair){o, o + 3, i, i + 3};
            }
        }
    }
    /* In order of the opening mark (insertion sort: no two pairs share one). */
    for (size_t i = 1; i < out->n; i++)
        for (size_t j = i; j > 0 && out->v[j - 1].open > out->v[j].open; j--) {
            el_qpair t = out->v[j];
            out->v[j] = out->v[j - 1];
            out->v[j - 1] = t;
        }
    for (int f = 0; f < 3; f++)
        free(st[f]);
}

/* el_quote_leads spelled out: the bare lead-ins by memcmp at every offset, those at one
   offset in list order. */
static inline void ref_leads(const char *s, size_t n, el_span_vec *out)
{
    out->n = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t w = 0; ref_bare_leads[w]; w++) {
            size_t l = strlen(ref_bare_leads[w]);
            if (l <= n - i && memcmp(s + i, ref_bare_leads[w], l) == 0)
                *EL_VEC_PUSH(*out) = (el_span){i, l};
        }
}

#endif
