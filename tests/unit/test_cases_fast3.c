/* SPDX-License-Identifier: MIT */
/*
 * The third round of fast paths of the case extractor, each against the plain version it
 * replaced. The most searched word lists carry a mask of the bytes their words are compared
 * on first (prefix_in, suffix_in, one_in): the masks are checked against the words, and the
 * keyed searches against prefix_of, suffix_of and one_of on random text made of the lists'
 * own words, their look-alikes and random Han. in_set halves without a branch: checked against
 * a linear search on random sorted sets of every size up to 100, empty included. stat_lower
 * starts from a known lower bound and steps before it bisects: checked against a bisection of
 * the whole array from every valid bound. drop_name_stats moves nothing and allocates nothing
 * before the first statistic it drops, and sorts the names only when out of order: checked
 * against the straightforward version on random documents. The static routines are reached
 * by including the source: this program then takes no cases.o from the library.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.c"

#include "testrand.h"

/* A list with the mask of its keys, and whether they are the words' last bytes (suffix). */
typedef struct keyed_list {
    const char *name;
    const word *w;
    size_t n;
    uint64_t keys;
    bool suffix;
} keyed_list;

#define KLIST(l, suf)                                                                              \
    {                                                                                              \
#l, KEYED(l), suf                                                                          \
    }

static const keyed_list klists[] = {
    KLIST(measure_lead, true),     KLIST(measure_actor, true),  KLIST(lead_words, true),
    KLIST(place_modifiers, false), KLIST(sub_suffix, false),    KLIST(town_suffix, false),
    KLIST(list_links, false),      KLIST(common_quoted, false), KLIST(launch_verbs, true),
    KLIST(pair_links, false),
};
#define NKLISTS (sizeof klists / sizeof *klists)

/* Each mask has exactly the bits of its words' keys. */
static void test_key_masks(void **state)
{
    (void)state;
    for (size_t l = 0; l < NKLISTS; l++) {
        const keyed_list *L = &klists[l];
        uint64_t m = 0;
        for (size_t i = 0; i < L->n; i++) {
            const word *w = &L->w[i];
            assert_true(w->len >= 3);
            unsigned char key = (unsigned char)(L->suffix ? w->s[w->len - 1] : w->s[2]);
            m |= 1ULL << (key & 63);
        }
        if (m != L->keys)
            print_error("%s: mask %llx, words give %llx\n", L->name, (unsigned long long)L->keys,
                        (unsigned long long)m);
        assert_true(m == L->keys);
    }
}

typedef EL_VEC(char) buf;

static void put(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        *EL_VEC_PUSH(*b) = s[i];
}

/* A Han character drawn from the whole of the basic block. */
static void put_han(buf *b)
{
    uint32_t c = 0x4E00 + test_below(0x5200);
    char h[3] = {(char)(0xE0 | c >> 12), (char)(0x80 | (c >> 6 & 0x3F)), (char)(0x80 | (c & 0x3F))};
    put(b, h, 3);
}

/* Random text: words of list L, the same with the last byte changed (the same prefix key, a
   suffix key that may be another's), their first character alone, random Han, punctuation and
   ASCII. */
static void random_words(buf *b, const keyed_list *L, size_t pieces)
{
    b->n = 0;
    for (size_t p = 0; p < pieces; p++) {
        const word *w = &L->w[test_below((uint32_t)L->n)];
        switch (test_below(7)) {
        case 0:
        case 1:
            put(b, w->s, w->len);
            break;
        case 2: {
            char t[32];
            memcpy(t, w->s, w->len);
            t[w->len - 1] = (char)(0x80 | test_below(64));
            put(b, t, w->len);
            break;
        }
        case 3:
            put(b, w->s, 3);
            break;
        case 4:
            put_han(b);
            break;
        case 5:
            put(b, "，", 3);
            break;
        default: {
            char c = (char)('a' + test_below(26));
            put(b, &c, 1);
            break;
        }
        }
    }
}

/* prefix_in and one_in (a list of prefix keys) and suffix_in (of suffix keys) give what the
   searches they filter give, at every offset. */
static void test_keyed_search(void **state)
{
    (void)state;
    buf b = {0};
    for (size_t l = 0; l < NKLISTS; l++) {
        const keyed_list *L = &klists[l];
        for (int round = 0; round < 400; round++) {
            random_words(&b, L, 1 + test_below(12));
            /* an exact copy, so that reading past the end is seen by the sanitizers */
            char *s = xmalloc(b.n ? b.n : 1);
            memcpy(s, b.v, b.n);
            size_t n = b.n;
            for (size_t i = 0; i <= n; i++) {
                if (L->suffix) {
                    assert_int_equal(suffix_in(s, i, L->w, L->n, L->keys),
                                     suffix_of(s, i, L->w, L->n));
                    continue;
                }
                assert_int_equal(prefix_in(s + i, n - i, L->w, L->n, L->keys),
                                 prefix_of(s + i, n - i, L->w, L->n));
                for (size_t j = i; j <= n && j <= i + 30; j++)
                    assert_int_equal(one_in(s + i, j - i, L->w, L->n, L->keys),
                                     one_of(s + i, j - i, L->w, L->n));
            }
            free(s);
        }
    }
    free(b.v);
}

/* in_set against a linear search: random sorted sets of 0 to 100 code points, each tested
   with its members, their neighbours and random values. */
static void test_in_set_random(void **state)
{
    (void)state;
    uint32_t set[100];
    for (int round = 0; round < 3000; round++) {
        size_t n = test_below(101);
        uint32_t c = 0x4E00 + test_below(64);
        for (size_t i = 0; i < n; i++) {
            set[i] = c;
            c += 1 + test_below(i % 2 ? 3 : 200);
        }
        for (int t = 0; t < 300; t++) {
            uint32_t x = n && t % 2 ? set[test_below((uint32_t)n)] + test_below(3) - 1
                                    : 0x4E00 + test_below(c - 0x4E00 + 64);
            bool want = false;
            for (size_t i = 0; i < n; i++)
                want |= set[i] == x;
            assert_int_equal(in_set(x, set, n), want);
        }
    }
}

/* The first statistic at or after x, bisecting the whole array. */
static size_t ref_stat_lower(const el_doc *doc, size_t x)
{
    size_t lo = 0, hi = doc->stats.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->stats.v[mid].txt.off < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* stat_lower from every lower bound it may be given: the same index as a bisection. */
static void test_stat_lower(void **state)
{
    (void)state;
    el_doc doc;
    memset(&doc, 0, sizeof doc);
    for (int round = 0; round < 500; round++) {
        doc.stats.n = 0;
        size_t n = test_below(40), off = test_below(5);
        for (size_t i = 0; i < n; i++) {
            el_stat_item *st = EL_VEC_PUSH(doc.stats);
            memset(st, 0, sizeof *st);
            st->txt = (el_span){off, 1 + test_below(6)};
            off += test_below(3) ? test_below(20) : 0; /* equal offsets too */
        }
        for (size_t x = 0; x <= off + 2; x++) {
            size_t want = ref_stat_lower(&doc, x);
            for (size_t lo = 0; lo <= want; lo++)
                assert_int_equal(stat_lower(&doc, x, lo), want);
        }
    }
    free(doc.stats.v);
}

/* drop_name_stats as it was: every name sorted, every statistic moved, the index always made. */
static void ref_drop_name_stats(el_doc *doc)
{
    size_t nn = 0;
    for (size_t i = 0; i < doc->cases.n; i++)
        nn += doc->cases.v[i].name.len > 0;
    if (nn == 0 || doc->stats.n == 0)
        return;
    el_span *names = xmalloc(nn * sizeof *names);
    nn = 0;
    for (size_t i = 0; i < doc->cases.n; i++)
        if (doc->cases.v[i].name.len)
            names[nn++] = doc->cases.v[i].name;
    qsort(names, nn, sizeof *names, cmp_span);
    size_t *kept = xmalloc((doc->stats.n + 1) * sizeof *kept);
    size_t o = 0, k = 0, reach = 0;
    for (size_t i = 0; i < doc->stats.n; i++) {
        el_span t = doc->stats.v[i].txt;
        kept[i] = o;
        for (; k < nn && names[k].off <= t.off; k++)
            if (names[k].off + names[k].len > reach)
                reach = names[k].off + names[k].len;
        if (t.off + t.len <= reach)
            continue;
        doc->stats.v[o++] = doc->stats.v[i];
    }
    kept[doc->stats.n] = o;
    for (size_t i = 0; i < doc->cases.n; i++) {
        el_case *c = &doc->cases.v[i];
        size_t a = c->stat0, b = c->stat0 + c->nstat;
        c->stat0 = kept[a];
        c->nstat = kept[b] - kept[a];
    }
    doc->stats.n = o;
    free(kept);
    free(names);
}

/* A random document: statistics in text order, cases in text order with names (sometimes out
   of order, sometimes covering statistics) and statistic ranges. */
static void random_doc(el_doc *doc)
{
    doc->stats.n = doc->cases.n = 0;
    size_t ns = test_below(30), off = 0;
    for (size_t i = 0; i < ns; i++) {
        el_stat_item *st = EL_VEC_PUSH(doc->stats);
        memset(st, 0, sizeof *st);
        off += test_below(12);
        st->txt = (el_span){off, 1 + test_below(4)};
        st->value = (double)i;
    }
    size_t nc = test_below(8), s0 = 0, pos = 0;
    for (size_t i = 0; i < nc; i++) {
        el_case *c = EL_VEC_PUSH(doc->cases);
        memset(c, 0, sizeof *c);
        pos += test_below(30);
        if (test_below(3))
            c->name =
                (el_span){test_below(20) ? pos : test_below((uint32_t)pos + 1), 1 + test_below(10)};
        size_t a = s0 + (s0 < ns ? test_below((uint32_t)(ns - s0 + 1)) : 0);
        size_t b = a + (a < ns ? test_below((uint32_t)(ns - a + 1)) : 0);
        c->stat0 = a;
        c->nstat = b - a;
        s0 = a;
    }
}

/* drop_name_stats against the straightforward version: same statistics, same ranges. */
static void test_drop_name_stats(void **state)
{
    (void)state;
    el_doc a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    for (int round = 0; round < 20000; round++) {
        random_doc(&a);
        b.stats.n = b.cases.n = 0;
        for (size_t i = 0; i < a.stats.n; i++)
            *EL_VEC_PUSH(b.stats) = a.stats.v[i];
        for (size_t i = 0; i < a.cases.n; i++)
            *EL_VEC_PUSH(b.cases) = a.cases.v[i];
        drop_name_stats(&a);
        ref_drop_name_stats(&b);
        assert_int_equal(a.stats.n, b.stats.n);
        for (size_t i = 0; i < a.stats.n; i++) {
            assert_int_equal(a.stats.v[i].txt.off, b.stats.v[i].txt.off);
            assert_true(a.stats.v[i].value == b.stats.v[i].value);
        }
        assert_int_equal(a.cases.n, b.cases.n);
        for (size_t i = 0; i < a.cases.n; i++) {
            assert_int_equal(a.cases.v[i].stat0, b.cases.v[i].stat0);
            assert_int_equal(a.cases.v[i].nstat, b.cases.v[i].nstat);
        }
    }
    free(a.stats.v);
    free(a.cases.v);
    free(b.stats.v);
    free(b.cases.v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_masks),       cmocka_unit_test(test_keyed_search),
        cmocka_unit_test(test_in_set_random),   cmocka_unit_test(test_stat_lower),
        cmocka_unit_test(test_drop_name_stats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
