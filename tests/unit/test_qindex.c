/* SPDX-License-Identifier: MIT */
/*
 * The classical index generated at build time (build/qindex_data.c, by src/data/mkqindex.c)
 * against the builder run here, on the same lexicon: every table equal, element by element.
 * Then what quotes.c relies on, checked on the generated tables by brute force: every entry's
 * key is a slice of its line's key and is found by its exact hash, each fuzzy chain lists its
 * entries under their first or last character, every clause is in its chain, every title is a
 * slice of a source between 《 and 》, every clause of a line that may stand bare has its
 * opening in starts and its ending in ends, and open3 holds every such opening and every mid
 * lead-in (QINDEX_MID_LEADS) and few other bits.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "qindex.h"
#include "text.h"

static const struct el_qindex *gen = &el_qindex;

static void same_u32(const uint32_t *a, const uint32_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(a[i], b[i]);
}

/* The generated tables are what the builder makes now. */
static void test_generated_equals_built(void **state)
{
    (void)state;
    struct el_qindex q;
    el_qindex_build(&q);
    assert_int_equal(gen->ne, q.ne);
    assert_int_equal(gen->mask, q.mask);
    assert_int_equal(gen->maxklen, q.maxklen);
    assert_int_equal(gen->minncp, q.minncp);
    assert_int_equal(gen->nref, q.nref);
    assert_int_equal(gen->cmask, q.cmask);
    assert_int_equal(gen->ncl, q.ncl);
    assert_int_equal(gen->clmask, q.clmask);
    assert_int_equal(gen->tmask, q.tmask);
    assert_int_equal(gen->maxtlen, q.maxtlen);
    for (size_t i = 0; i < q.ne; i++) {
        const struct centry *a = &gen->e[i], *b = &q.e[i];
        assert_true(a->chars == b->chars);
        assert_int_equal(a->line, b->line);
        assert_int_equal(a->toff, b->toff);
        assert_int_equal(a->tlen, b->tlen);
        assert_int_equal(a->koff, b->koff);
        assert_int_equal(a->klen, b->klen);
        assert_int_equal(a->ncp, b->ncp);
        assert_int_equal(a->nclause, b->nclause);
        assert_int_equal(a->full, b->full);
    }
    same_u32(gen->slots, q.slots, q.mask + 1);
    same_u32(gen->byfirst.head, q.byfirst.head, q.cmask + 1);
    same_u32(gen->bylast.head, q.bylast.head, q.cmask + 1);
    for (size_t i = 0; i < q.nref; i++) {
        const struct cpref *r[2][2] = {{&gen->byfirst.ref[i], &q.byfirst.ref[i]},
                                       {&gen->bylast.ref[i], &q.bylast.ref[i]}};
        for (int k = 0; k < 2; k++) {
            assert_true(r[k][0]->chars == r[k][1]->chars);
            assert_int_equal(r[k][0]->cp, r[k][1]->cp);
            assert_int_equal(r[k][0]->ocp, r[k][1]->ocp);
            assert_int_equal(r[k][0]->ncp, r[k][1]->ncp);
            assert_int_equal(r[k][0]->ent, r[k][1]->ent);
            assert_int_equal(r[k][0]->next, r[k][1]->next);
        }
    }
    for (size_t i = 0; i < q.ncl; i++) {
        const struct lclause *a = &gen->cl[i], *b = &q.cl[i];
        assert_true(a->chars == b->chars);
        uint32_t fa[] = {a->ts,  a->te, a->ks,  a->ke,   a->cp0,
                         a->cp1, a->ms, a->mcp, a->line, a->next};
        uint32_t fb[] = {b->ts,  b->te, b->ks,  b->ke,   b->cp0,
                         b->cp1, b->ms, b->mcp, b->line, b->next};
        same_u32(fa, fb, sizeof fa / sizeof fa[0]);
    }
    same_u32(gen->cl0, q.cl0, el_lex_nclassical() + 1);
    same_u32(gen->clhead, q.clhead, q.clmask + 1);
    for (size_t i = 0; i <= q.tmask; i++) {
        assert_int_equal(gen->titles[i].line, q.titles[i].line);
        assert_int_equal(gen->titles[i].off, q.titles[i].off);
        assert_int_equal(gen->titles[i].n, q.titles[i].n);
    }
    const struct keyset *ks[2][2] = {{&gen->starts, &q.starts}, {&gen->ends, &q.ends}};
    for (int k = 0; k < 2; k++) {
        assert_int_equal(ks[k][0]->mask, ks[k][1]->mask);
        for (size_t i = 0; i <= ks[k][1]->mask; i++)
            assert_true(ks[k][0]->v[i] == ks[k][1]->v[i]);
        assert_memory_equal(ks[k][0]->bits, ks[k][1]->bits, sizeof ks[k][1]->bits);
    }
    for (size_t i = 0; i < sizeof q.open3 / sizeof q.open3[0]; i++)
        assert_true(gen->open3[i] == q.open3[i]);
    el_qindex_free(&q);
}

/* Every entry: a slice of its line's key of the code points it says, found by its hash (a key
 * listed twice is found at its first entry), and in the fuzzy chains when it is long enough. */
static void test_entries(void **state)
{
    (void)state;
    assert_true(gen->ne > el_lex_nclassical()); /* the lines and their clause runs */
    size_t full = 0;
    for (size_t i = 0; i < gen->ne; i++) {
        const struct centry *e = &gen->e[i];
        const el_classical *c = el_lex_classical(e->line);
        assert_true(e->koff + e->klen <= strlen(c->key));
        assert_true(e->toff + e->tlen <= strlen(c->text));
        const char *key = centry_key(e);
        assert_int_equal(e->ncp, el_text_ncp(key, e->klen));
        assert_true(e->ncp >= gen->minncp);
        assert_true(e->klen <= gen->maxklen);
        assert_true((e->chars & key_chars(key, e->klen)) == key_chars(key, e->klen));
        if (e->full) {
            full++;
            assert_int_equal(e->koff, 0);
            assert_int_equal(e->klen, strlen(c->key));
        }
        size_t first = SIZE_MAX;
        for (size_t h = key_hash(key, e->klen) & gen->mask; gen->slots[h];
             h = (h + 1) & gen->mask) {
            const struct centry *o = &gen->e[gen->slots[h] - 1];
            if (o->klen == e->klen && memcmp(centry_key(o), key, e->klen) == 0) {
                first = gen->slots[h] - 1;
                break;
            }
        }
        assert_true(first <= i);
        if (first == i && e->ncp >= CLAUSE_MIN_CP) {
            size_t k, j;
            uint32_t cp = el_text_cp(key, e->klen, 0, &k), lp = el_text_prev_cp(key, e->klen, &j);
            bool inf = false, inl = false;
            for (uint32_t r = gen->byfirst.head[cp_slot(cp, e->ncp, gen->cmask)]; r;
                 r = gen->byfirst.ref[r - 1].next)
                inf |= gen->byfirst.ref[r - 1].ent == i && gen->byfirst.ref[r - 1].cp == cp;
            for (uint32_t r = gen->bylast.head[cp_slot(lp, e->ncp, gen->cmask)]; r;
                 r = gen->bylast.ref[r - 1].next)
                inl |= gen->bylast.ref[r - 1].ent == i && gen->bylast.ref[r - 1].cp == lp;
            assert_true(inf);
            assert_true(inl);
        }
    }
    assert_true(full > 0 && full <= el_lex_nclassical());
}

/* Every clause is in the chain of its matching key, and the clauses of a line lie in order. */
static void test_clauses(void **state)
{
    (void)state;
    size_t nl = el_lex_nclassical();
    assert_int_equal(gen->cl0[nl], gen->ncl);
    for (size_t i = 0; i < nl; i++) {
        const char *key = el_lex_classical(i)->key;
        for (uint32_t x = gen->cl0[i]; x < gen->cl0[i + 1]; x++) {
            const struct lclause *c = &gen->cl[x];
            assert_int_equal(c->line, i);
            assert_true(c->ks <= c->ms && c->ms < c->ke && c->ke <= strlen(key));
            if (x > gen->cl0[i])
                assert_true(gen->cl[x - 1].ke <= c->ks);
            bool found = false;
            for (uint32_t r = gen->clhead[key_hash(key + c->ms, c->ke - c->ms) & gen->clmask]; r;
                 r = gen->cl[r - 1].next)
                found |= r - 1 == x;
            assert_true(found);
        }
    }
}

/* Titles are slices of sources between 《 and 》 or a middle dot, as the sources write them:
   论语 among them, and a title of no source is not. */
static void test_titles(void **state)
{
    (void)state;
    size_t n = 0;
    bool lunyu = false;
    for (size_t i = 0; i <= gen->tmask; i++) {
        const struct ctitle *t = &gen->titles[i];
        if (!t->n)
            continue;
        n++;
        const char *src = el_lex_classical(t->line)->source;
        assert_non_null(src);
        assert_true(t->off >= 2 && t->off + t->n <= strlen(src));
        const char *s = ctitle_text(t);
        /* 《 (E3 80 8A) or · (C2 B7) before it; 》 or · after it */
        assert_true(memcmp(s - 3, "\xE3\x80\x8A", 3) == 0 || memcmp(s - 2, "\xC2\xB7", 2) == 0);
        assert_true(memcmp(s + t->n, "\xE3\x80\x8B", 3) == 0 ||
                    memcmp(s + t->n, "\xC2\xB7", 2) == 0);
        lunyu |= t->n == 6 && memcmp(s, "论语", 6) == 0;
    }
    assert_true(n > 10);
    assert_true(lunyu);
}

/* Whether the nine bytes at u have their bit in the generated open3. */
static bool in_open3(const char *u)
{
    size_t x = open3_bit((const unsigned char *)u);
    return gen->open3[x / 64] >> (x % 64) & 1;
}

/* Every clause of a line that may stand bare opens a key in starts and ends one in ends, and
   its opening (and the one past its leading connective) is in open3; a line's text is never
   longer than maxtlen. */
static void test_edges(void **state)
{
    (void)state;
    for (size_t i = 0; i < el_lex_nclassical(); i++) {
        const el_classical *c = el_lex_classical(i);
        assert_true(strlen(c->text) <= gen->maxtlen);
        if (c->speaker)
            continue;
        const char *key = c->key;
        size_t kn = strlen(key);
        for (uint32_t x = gen->cl0[i]; x < gen->cl0[i + 1]; x++) {
            const struct lclause *cl = &gen->cl[x];
            if (kn - cl->ks >= 9) {
                assert_true(keyset_has(&gen->starts, chars3((const unsigned char *)key + cl->ks)));
                assert_true(in_open3(key + cl->ks));
            }
            if (kn - cl->ms >= 9)
                assert_true(in_open3(key + cl->ms));
            if (cl->ke >= 9)
                assert_true(
                    keyset_has(&gen->ends, chars3((const unsigned char *)key + cl->ke - 9)));
        }
    }
    assert_false(keyset_has(&gen->starts, 0));
}

/* The mid lead-ins are in open3, and the table stays sparse: under one bit in eight set, or a
   clause of an essay would seldom be passed over on its one test. */
#define MID_STRING(x) x,
static void test_open3(void **state)
{
    (void)state;
    static const char *const mid[] = {QINDEX_MID_LEADS(MID_STRING)};
    assert_int_equal(sizeof mid / sizeof mid[0], 8);
    for (size_t i = 0; i < sizeof mid / sizeof mid[0]; i++) {
        assert_int_equal(strlen(mid[i]), 9);
        assert_true(in_open3(mid[i]));
    }
    size_t set = 0;
    for (size_t i = 0; i < sizeof gen->open3 / sizeof gen->open3[0]; i++)
        for (uint64_t w = gen->open3[i]; w; w &= w - 1)
            set++;
    assert_true(set > 500);
    assert_true(set < ((size_t)1 << OPEN3_BITS) / 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generated_equals_built),
        cmocka_unit_test(test_entries),
        cmocka_unit_test(test_clauses),
        cmocka_unit_test(test_titles),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_open3),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
