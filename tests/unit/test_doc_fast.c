/* SPDX-License-Identifier: MIT */
/*
 * The document's fast paths against their straightforward versions. el_doc_section_at
 * bisects with a probe that reads only where a section starts: it is checked against the
 * bisection it replaced (each probe computing the whole range) on random section tables,
 * in order, with empty sections, titles before or after the paragraphs, and out of order.
 * The lexicon selections share one pool that never moves, with a selection of its own past
 * the pool's room: masks that take most of the hits (so the room runs out), more masks than
 * the document remembers, and a callback that makes a new selection while another is walked
 * are checked against a filtered scan of each range.
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

/* ---- el_doc_section_at --------------------------------------------------------------- */

/* The range of a section as the reference computes it: its title and paragraphs. */
static bool ref_range(const el_doc *doc, const el_section *sec, size_t *lo, size_t *hi)
{
    *lo = SIZE_MAX;
    *hi = 0;
    if (sec->npara) {
        *lo = doc->paras.v[sec->para0].txt.off;
        const el_para *last = &doc->paras.v[sec->para0 + sec->npara - 1];
        *hi = last->txt.off + last->txt.len;
    }
    if (sec->title.len) {
        if (sec->title.off < *lo)
            *lo = sec->title.off;
        if (sec->title.off + sec->title.len > *hi)
            *hi = sec->title.off + sec->title.len;
    }
    return *lo != SIZE_MAX;
}

/* The bisection el_doc_section_at had, each probe computing a section's whole range. */
static int ref_section_at(const el_doc *doc, size_t plain_off)
{
    size_t lo = 0, hi = doc->sections.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, m = mid, a, z;
        while (m > lo && !ref_range(doc, &doc->sections.v[m], &a, &z))
            m--;
        if (!ref_range(doc, &doc->sections.v[m], &a, &z) || a > plain_off)
            hi = m;
        else
            lo = mid + 1;
    }
    for (size_t i = lo; i-- > 0;) {
        size_t a, z;
        if (!ref_range(doc, &doc->sections.v[i], &a, &z))
            continue;
        return plain_off >= a && plain_off <= z ? (int)i : -1;
    }
    return -1;
}

/* A random section table over about end bytes: in text order unless shuffled. */
static void random_sections(el_doc *doc, size_t nsec, bool shuffled, size_t *end)
{
    doc->sections.n = doc->paras.n = 0;
    size_t pos = test_below(5);
    for (size_t s = 0; s < nsec; s++) {
        el_section sec = {0};
        sec.para0 = doc->paras.n;
        if (test_below(4) == 0) { /* a title before the paragraphs */
            sec.title = (el_span){pos, 1 + test_below(20)};
            pos += sec.title.len + test_below(3);
        }
        size_t np = test_below(5) == 0 ? 0 : 1 + test_below(4);
        for (size_t p = 0; p < np; p++) {
            el_para para = {0};
            para.txt = (el_span){pos, test_below(60)};
            pos += para.txt.len + test_below(4);
            *EL_VEC_PUSH(doc->paras) = para;
        }
        sec.npara = np;
        if (test_below(8) == 0) { /* a title after them (an odd label) */
            sec.title = (el_span){pos, 1 + test_below(10)};
            pos += sec.title.len + 1;
        }
        if (shuffled && test_below(3) == 0) /* anywhere */
            sec.title = (el_span){test_below((uint32_t)pos + 1), test_below(30)};
        *EL_VEC_PUSH(doc->sections) = sec;
    }
    if (shuffled)
        for (size_t s = doc->sections.n; s > 1; s--) {
            size_t j = test_below((uint32_t)s);
            el_section t = doc->sections.v[s - 1];
            doc->sections.v[s - 1] = doc->sections.v[j];
            doc->sections.v[j] = t;
        }
    *end = pos;
}

static void test_section_at(void **state)
{
    (void)state;
    test_seed(0xD0C5EC7);
    el_doc *doc = el_parse("s.txt", "x", 1, NULL);
    assert_non_null(doc);
    free(doc->sections.v);
    free(doc->paras.v);
    doc->sections.v = NULL;
    doc->sections.n = doc->sections.cap = 0;
    doc->paras.v = NULL;
    doc->paras.n = doc->paras.cap = 0;
    for (int round = 0; round < 3000; round++) {
        size_t end, nsec = test_below(round < 100 ? 4 : 24);
        random_sections(doc, nsec, round % 3 == 2, &end);
        for (size_t off = 0; off <= end + 2; off++)
            assert_int_equal(el_doc_section_at(doc, off), ref_section_at(doc, off));
        assert_int_equal(el_doc_section_at(doc, SIZE_MAX), ref_section_at(doc, SIZE_MAX));
    }
    el_doc_free(doc);
}

/* ---- lexicon selections ----------------------------------------------------------------- */

/* A text of lexicon surfaces glued with filler, about cap bytes. */
static size_t lex_text(char *t, size_t cap)
{
    static const char *const filler[] = {"的", "，", "。", "在", "x", " ", "\n", "\n\n", "和"};
    size_t n = 0, ne = el_lex_nentries();
    while (n + 80 < cap) {
        if (test_below(3)) {
            const char *w = el_lex_surface(test_below((uint32_t)ne));
            size_t l = strlen(w);
            if (l < 60) {
                memcpy(t + n, w, l);
                n += l;
            }
        } else {
            const char *f = filler[test_below(sizeof filler / sizeof filler[0])];
            memcpy(t + n, f, strlen(f));
            n += strlen(f);
        }
    }
    return n;
}

/* el_doc_lex_scan_cats's hits over plain[off..+len) with mask, from a scan of the range. */
static hits want_cats(const el_doc *doc, size_t off, size_t len, unsigned mask)
{
    hits want = {0};
    el_lex_scan(doc->plain.v + off, len, keep, &want);
    size_t k = 0;
    for (size_t i = 0; i < want.n; i++)
        if (mask & EL_LEX_CAT_BIT(want.v[i].cat))
            want.v[k++] = want.v[i];
    want.n = k;
    return want;
}

static void check_cats(el_doc *doc, size_t off, size_t len, unsigned mask)
{
    hits want = want_cats(doc, off, len, mask), got = {0};
    el_doc_lex_scan_cats(doc, off, len, mask, keep, &got);
    assert_same(&got, &want);
    free(want.v);
    free(got.v);
}

/* A callback that, at its first hit, scans another range with another mask. */
struct nested {
    el_doc *doc;
    unsigned mask;
    size_t off, len;
    bool done;
    hits outer;
};

static void on_nested(void *ctx, const el_lex_hit *h)
{
    struct nested *ns = ctx;
    keep(&ns->outer, h);
    if (ns->done)
        return;
    ns->done = true;
    check_cats(ns->doc, ns->off, ns->len, ns->mask);
}

static void test_pool(void **state)
{
    (void)state;
    test_seed(0x9001);
    static char text[24000];
    size_t owned = 0, pooled = 0;
    for (int d = 0; d < 12; d++) {
        size_t n = lex_text(text, sizeof text);
        el_doc *doc = el_parse("p.txt", text, n, NULL);
        assert_non_null(doc);
        assert_true(el_doc_ok(doc));
        size_t pn = doc->plain.n;
        assert_true(pn > 1000);
        /* masks that take most of the hits: past the pool's room within a few */
        unsigned masks[12];
        for (int m = 0; m < 12; m++)
            masks[m] = EL_LEX_ALL_CATS & ~EL_LEX_CAT_BIT(m) & ~(d % 2 ? 0 : test_rand());
        for (int round = 0; round < 400; round++) {
            unsigned mask = masks[test_below(12)];
            size_t off = test_below((uint32_t)pn), len = test_below((uint32_t)(pn - off + 1));
            if (round % 5 == 0) { /* a new selection made from inside the walk of another */
                struct nested ns = {doc, masks[test_below(12)] ^ (unsigned)round, 0, 0, false, {0}};
                ns.mask &= EL_LEX_ALL_CATS;
                ns.off = test_below((uint32_t)pn);
                ns.len = pn - ns.off;
                hits want = want_cats(doc, off, len, mask);
                el_doc_lex_scan_cats(doc, off, len, mask, on_nested, &ns);
                assert_same(&ns.outer, &want);
                free(want.v);
                free(ns.outer.v);
            } else
                check_cats(doc, off, len, mask);
        }
        for (int m = 0; m < 12; m++) /* whole document, each mask, selected or walked */
            check_cats(doc, 0, pn, masks[m]);
        for (unsigned k = 0; k < doc->nlexsel; k++) {
            owned += doc->lexsel[k].own;
            pooled += !doc->lexsel[k].own;
        }
        if (d % 3 == 0) { /* released and made again */
            el_doc_lex_release(doc);
            for (int m = 11; m >= 0; m--)
                check_cats(doc, 0, pn, masks[m]);
        }
        el_doc_free(doc);
    }
    assert_true(owned > 0 && pooled > 0); /* both kinds of selection were checked */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_section_at),
        cmocka_unit_test(test_pool),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
