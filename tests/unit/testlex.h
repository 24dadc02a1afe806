/* SPDX-License-Identifier: MIT */
/*
 * The lexicon scan's straightforward definition, kept once for the tests that compare the
 * automaton and the document's shared pass with it (test_lex_fast*, test_doc_fast,
 * test_lex_scan_all): a growable list of hits and its callback, every byte occurrence of every
 * surface found by memmem and put in report order, and the comparison of two hit lists.
 * Header-only: each test file includes it once, after cmocka.h.
 */
#ifndef EL_TESTLEX_H
#define EL_TESTLEX_H

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

typedef struct {
    el_lex_hit *v;
    size_t n, cap;
} hits;

static inline void push(hits *k, el_lex_hit h)
{
    if (k->n == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 64;
        k->v = realloc(k->v, k->cap * sizeof *k->v);
        assert_non_null(k->v);
    }
    k->v[k->n++] = h;
}

/* el_lex_cb collecting into the hits at ctx. */
static inline void keep(void *ctx, const el_lex_hit *h)
{
    push(ctx, *h);
}

/* Report order: by end, the shorter (later start) first, then by entry. */
static inline int cmp_hit(const void *a, const void *b)
{
    const el_lex_hit *x = a, *y = b;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->start != y->start)
        return x->start > y->start ? -1 : 1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* The reference: every occurrence of every surface in s[0..n), in report order. */
static inline hits naive(const char *s, size_t n)
{
    hits k = {0};
    size_t ne = el_lex_nentries();
    for (unsigned e = 0; e < ne; e++) {
        const char *w = el_lex_surface(e);
        size_t l = el_lex_surface_len(e);
        if (!l || l > n)
            continue;
        for (const char *p = s; (p = memmem(p, n - (size_t)(p - s), w, l)) != NULL; p++)
            push(&k, (el_lex_hit){(size_t)(p - s), (size_t)(p - s) + l, e, el_lex_cat_of(e)});
    }
    if (k.n)
        qsort(k.v, k.n, sizeof *k.v, cmp_hit);
    return k;
}

static inline void assert_same(const hits *got, const hits *want)
{
    assert_int_equal(got->n, want->n);
    for (size_t i = 0; i < want->n; i++) {
        assert_int_equal(got->v[i].start, want->v[i].start);
        assert_int_equal(got->v[i].end, want->v[i].end);
        assert_int_equal(got->v[i].entry, want->v[i].entry);
        assert_int_equal(got->v[i].cat, want->v[i].cat);
    }
}

/* Both scans of s[0..n) (by callback and into an array) against the reference; returns the
   number of hits. */
static inline size_t check(const char *s, size_t n)
{
    hits want = naive(s, n), got = {0};
    el_lex_scan(s, n, keep, &got);
    assert_same(&got, &want);
    el_lex_hit *v = NULL;
    size_t len = 0, cap = 0;
    el_lex_scan_all(s, n, &v, &len, &cap);
    hits all = {v, len, cap};
    assert_same(&all, &want);
    free(v);
    free(got.v);
    free(want.v);
    return want.n;
}

#endif
