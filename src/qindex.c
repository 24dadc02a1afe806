/* SPDX-License-Identifier: MIT */
/*
 * The builder of the classical index (qindex.h) from the lexicon's classical lines. It runs
 * at build time, in src/data/mkqindex.c, which writes what it builds as C; the program links
 * the generated tables and never calls this (a static library member nobody references is
 * left out), and the unit tests call it to hold the generated tables equal to a fresh build.
 *
 * A few hundred lines, about two thousand entries. The key of a line is its text without the
 * dropped marks, and a dropped mark is never a kept character: a character of the text is kept
 * exactly when it is the next one of the key. So the clauses are found by walking both,
 * without decoding (next_clause), and every key of the index is a slice of a line's key.
 */
#include "qindex.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "util.h"

/* The fewest code points a text must have to match: an exact key is an entry's (as many kept
 * code points as the entry), a clause run or kept clauses have CLAUSE_MIN_CP or more, a
 * misquote FUZZY_MIN_CP or more. Kept code points are some of the text's, so a text of fewer
 * code points (“蛋糕”, “加速度”: most quoted terms) never matches, and classical_match
 * answers it without a look-up. */
static size_t min_ncp(const struct centry *e, size_t ne)
{
    size_t m = FUZZY_MIN_CP < CLAUSE_MIN_CP ? FUZZY_MIN_CP : CLAUSE_MIN_CP;
    for (size_t i = 0; i < ne; i++)
        if (e[i].ncp < m)
            m = e[i].ncp;
    return m;
}

/* Insert the slice [off, off + n) of line's source into the open-addressed title set t of
 * mask + 1 slots (no duplicates). */
static void title_add(struct ctitle *t, size_t mask, size_t line, size_t off, size_t n)
{
    if (n == 0)
        return;
    const char *s = el_lex_classical(line)->source + off;
    for (size_t h = key_hash(s, n) & mask;; h = (h + 1) & mask) {
        if (!t[h].n) {
            t[h] = (struct ctitle){(uint32_t)line, (uint32_t)off, (uint32_t)n};
            return;
        }
        if (t[h].n == n && memcmp(ctitle_text(&t[h]), s, n) == 0)
            return;
    }
}

/*
 * The works named by the sources of the lexicon: every 《…》 of a source, whole and each part
 * between middle dots (《礼记·大学》 gives 礼记·大学, 礼记 and 大学). A few hundred slices of
 * the sources, nothing copied. The sources write the dot as U+00B7 (C2 B7); only E3 and C2
 * bytes need a look.
 */
static void build_titles(struct el_qindex *q)
{
    size_t nl = el_lex_nclassical(), cap = 64;
    while (cap < 8 * nl)
        cap *= 2;
    struct ctitle *t = xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < nl; i++) {
        const unsigned char *u = (const unsigned char *)el_lex_classical(i)->source;
        const char *s = (const char *)u;
        if (s == NULL) /* a leader's saying: a speaker, no work */
            continue;
        size_t open = SIZE_MAX, part = 0, n = strlen(s);
        for (size_t p = 0; p + 2 < n; p += el_u8_len(u[p])) {
            if (u[p] != 0xE3 && u[p] != 0xC2)
                continue;
            if (u[p] == 0xE3 && u[p + 1] == 0x80 && u[p + 2] == 0x8A) { /* 《 */
                open = part = p + 3;
            } else if (u[p] == 0xE3 && u[p + 1] == 0x80 && u[p + 2] == 0x8B && /* 》 */
                       open != SIZE_MAX) {
                title_add(t, cap - 1, i, open, p - open);
                if (part > open)
                    title_add(t, cap - 1, i, part, p - part);
                open = SIZE_MAX;
            } else if (u[p] == 0xC2 && u[p + 1] == 0xB7 && open != SIZE_MAX) {
                title_add(t, cap - 1, i, part, p - part);
                part = p + 2;
            }
        }
    }
    q->titles = t;
    q->tmask = cap - 1;
}

/* Add key (never 0) to the set of slots v (mask + 1 of them) and bitmap bits. */
static void keyset_add(uint64_t *v, size_t mask, uint64_t *bits, uint64_t key)
{
    size_t b = keyset_bit(key);
    bits[b / 64] |= UINT64_C(1) << (b % 64);
    size_t h = keyset_slot(mask, key);
    while (v[h] && v[h] != key)
        h = (h + 1) & mask;
    v[h] = key;
}

/*
 * What a bare sentence is tested against first: the first three characters of every clause of
 * the lines (and of the clause past a leading connective) in starts, the last three before
 * every clause end in ends, and the longest line's text. A run of whole clauses, the entries a
 * bare sentence can match, starts and ends so: a superset, so that most blocks never look
 * further. Leaders' sayings are never taken bare and are left out.
 */
static void build_edges(struct el_qindex *q)
{
    size_t nl = el_lex_nclassical(), cap = 64;
    while (cap < 8 * nl)
        cap *= 2;
    uint64_t *sv = xcalloc(cap, sizeof *sv), *ev = xcalloc(cap, sizeof *ev);
    memset(q->starts.bits, 0, sizeof q->starts.bits);
    memset(q->ends.bits, 0, sizeof q->ends.bits);
    q->maxtlen = 0;
    for (size_t i = 0; i < nl; i++) {
        const el_classical *c = el_lex_classical(i);
        const char *t = c->text, *key = c->key;
        size_t n = strlen(t), kn = strlen(key), p = 0, qk = 0, a, ka, ncp;
        if (n > q->maxtlen)
            q->maxtlen = n;
        if (c->speaker)
            continue;
        while (next_clause(t, n, key, kn, &p, &qk, &a, &ka, &ncp)) {
            size_t ms = ka + connective(key + ka, qk - ka, ncp);
            if (kn - ka >= 9)
                keyset_add(sv, cap - 1, q->starts.bits, chars3((const unsigned char *)key + ka));
            if (ms != ka && kn - ms >= 9)
                keyset_add(sv, cap - 1, q->starts.bits, chars3((const unsigned char *)key + ms));
            if (qk >= 9)
                keyset_add(ev, cap - 1, q->ends.bits, chars3((const unsigned char *)key + qk - 9));
        }
    }
    q->starts.v = sv;
    q->ends.v = ev;
    q->starts.mask = q->ends.mask = cap - 1;
}

/* Set the bit of the nine bytes at u in open3. */
static void open3_add(uint64_t *open3, const unsigned char *u)
{
    size_t x = open3_bit(u);
    open3[x / 64] |= (uint64_t)1 << (x % 64);
}

/* The mid lead-ins as strings; each is three characters, the nine bytes open3 hashes. */
#define MID_STRING(x) x,
#define MID_IS_NINE(x) _Static_assert(sizeof(x) == 10, "a mid lead-in is three characters");
QINDEX_MID_LEADS(MID_IS_NINE)

/* open3 from the clause openings that starts holds (the first nine bytes of the key at every
   clause of a line that is no leader's saying, and past its leading connective), taken from
   the clauses of the index (build_entries first), and the mid lead-ins. */
static void build_open3(struct el_qindex *q)
{
    static const char *const mid[] = {QINDEX_MID_LEADS(MID_STRING)};
    memset(q->open3, 0, sizeof q->open3);
    for (size_t i = 0; q->cl0 && i < el_lex_nclassical(); i++) {
        const el_classical *c = el_lex_classical(i);
        if (c->speaker)
            continue;
        size_t kn = strlen(c->key);
        for (uint32_t x = q->cl0[i]; x < q->cl0[i + 1]; x++) {
            if (kn - q->cl[x].ks >= 9)
                open3_add(q->open3, (const unsigned char *)c->key + q->cl[x].ks);
            if (q->cl[x].ms != q->cl[x].ks && kn - q->cl[x].ms >= 9)
                open3_add(q->open3, (const unsigned char *)c->key + q->cl[x].ms);
        }
    }
    for (size_t i = 0; i < sizeof mid / sizeof mid[0]; i++)
        open3_add(q->open3, (const unsigned char *)mid[i]);
}

/* The entries, their exact hash and fuzzy chains, and the clause chains. */
static void build_entries(struct el_qindex *q)
{
    size_t nl = el_lex_nclassical();
    uint32_t *cl0 = xmalloc((nl + 1) * sizeof *cl0); /* first clause of each line in cl */
    size_t *nclauses = xmalloc((nl + 1) * sizeof *nclauses);
    EL_VEC(struct lclause) cl = {0};
    EL_VEC(struct centry) e = {0};
    size_t maxklen = 0;
    /* Full lines first (the first entry of a key wins), recording their clauses. */
    for (size_t i = 0; i < nl; i++) {
        const el_classical *c = el_lex_classical(i);
        const char *t = c->text, *key = c->key;
        size_t n = strlen(t), kn = strlen(key), p = 0, qk = 0, a, ka, cn, ncp = 0, nc = 0;
        cl0[i] = (uint32_t)cl.n;
        while (next_clause(t, n, key, kn, &p, &qk, &a, &ka, &cn)) {
            size_t c0 = ncp;
            ncp += cn;
            if (nc++ < LINE_MAX_CLAUSES) {
                size_t ms = ka + connective(key + ka, qk - ka, ncp - c0);
                *EL_VEC_PUSH(cl) = (struct lclause){key_chars(key + ka, qk - ka),
                                                    (uint32_t)a,
                                                    (uint32_t)p,
                                                    (uint32_t)ka,
                                                    (uint32_t)qk,
                                                    (uint32_t)c0,
                                                    (uint32_t)ncp,
                                                    (uint32_t)ms,
                                                    (uint32_t)(ncp - c0 - (ms - ka) / 3),
                                                    (uint32_t)i,
                                                    0};
            }
        }
        nclauses[i] = nc;
        if (kn == 0)
            continue;
        /* The clauses' keys lie back to back from 0: their union is the key's, when they end
         * where the key does and none was left out. */
        uint64_t chars = 0;
        if (nc <= LINE_MAX_CLAUSES && nc > 0 && cl.v[cl.n - 1].ke == kn)
            for (size_t x = cl0[i]; x < cl.n; x++)
                chars |= cl.v[x].chars;
        else
            chars = key_chars(key, kn);
        if (kn > maxklen)
            maxklen = kn;
        *EL_VEC_PUSH(e) = (struct centry){
            chars, (uint32_t)i, 0, (uint32_t)n, 0, (uint32_t)kn, (uint32_t)ncp, (uint32_t)nc, true};
    }
    cl0[nl] = (uint32_t)cl.n;
    /* Then every other run of whole clauses, line by line. */
    for (size_t i = 0; i < nl; i++) {
        const struct lclause *c = cl.v + cl0[i];
        size_t nc = cl0[i + 1] - cl0[i];
        for (size_t a = 0; a < nc; a++) {
            uint64_t chars = 0; /* of clauses a..b, whose keys lie back to back */
            for (size_t b = a; b < nc; b++) {
                uint32_t ncp = c[b].cp1 - c[a].cp0;
                chars |= c[b].chars;
                if ((a == 0 && b + 1 == nclauses[i]) || ncp < CLAUSE_MIN_CP)
                    continue;
                *EL_VEC_PUSH(e) =
                    (struct centry){chars,   (uint32_t)i,       c[a].ts, c[b].te - c[a].ts,
                                    c[a].ks, c[b].ke - c[a].ks, ncp,     (uint32_t)(b - a + 1),
                                    false};
            }
        }
    }
    free(nclauses);
    /* Hash table at most half full; duplicates (same key) keep the first entry. */
    size_t hcap = 16;
    while (hcap < 2 * e.n + 2)
        hcap *= 2;
    uint32_t *slots = xcalloc(hcap, sizeof *slots);
    size_t mask = hcap - 1, cmask = hcap / 2 - 1;
    uint32_t *fhead = xcalloc(hcap / 2, sizeof *fhead), *lhead = xcalloc(hcap / 2, sizeof *lhead);
    struct cpref *fref = xcalloc(e.n + 1, sizeof *fref), *lref = xcalloc(e.n + 1, sizeof *lref);
    size_t nref = 0;
    for (size_t i = 0; i < e.n; i++) {
        const struct centry *x = &e.v[i];
        const char *key = centry_key(x);
        size_t h = key_hash(key, x->klen) & mask;
        bool dup = false;
        for (; slots[h]; h = (h + 1) & mask) {
            const struct centry *o = &e.v[slots[h] - 1];
            if (o->klen == x->klen && memcmp(centry_key(o), key, x->klen) == 0) {
                dup = true;
                break;
            }
        }
        if (dup)
            continue;
        slots[h] = (uint32_t)i + 1;
        if (x->ncp >= CLAUSE_MIN_CP) {
            size_t k, s0;
            uint32_t first = el_text_cp(key, x->klen, 0, &k);
            uint32_t last = el_text_prev_cp(key, x->klen, &s0);
            size_t f = cp_slot(first, x->ncp, cmask), l = cp_slot(last, x->ncp, cmask);
            fref[nref] = (struct cpref){x->chars, first, last, x->ncp, (uint32_t)i, fhead[f]};
            lref[nref] = (struct cpref){x->chars, last, first, x->ncp, (uint32_t)i, lhead[l]};
            nref++;
            fhead[f] = lhead[l] = (uint32_t)nref;
        }
    }
    /* Clause chains, built from the last clause back so that each lists lines in order. */
    size_t ccap = 16;
    while (ccap < 2 * cl.n + 2)
        ccap *= 2;
    uint32_t *clhead = xcalloc(ccap, sizeof *clhead);
    for (size_t i = nl; i-- > 0;) {
        const char *key = el_lex_classical(i)->key;
        for (size_t x = cl0[i + 1]; x-- > cl0[i];) {
            struct lclause *c = &cl.v[x];
            size_t h = key_hash(key + c->ms, c->ke - c->ms) & (ccap - 1);
            c->next = clhead[h];
            clhead[h] = (uint32_t)x + 1;
        }
    }
    q->e = e.v;
    q->ne = e.n;
    q->slots = slots;
    q->mask = mask;
    q->maxklen = maxklen;
    q->minncp = min_ncp(e.v, e.n);
    q->byfirst = (struct cpchain){fhead, fref};
    q->bylast = (struct cpchain){lhead, lref};
    q->nref = nref;
    q->cmask = cmask;
    q->cl = cl.v;
    q->ncl = cl.n;
    q->cl0 = cl0;
    q->clhead = clhead;
    q->clmask = ccap - 1;
}

void el_qindex_build(struct el_qindex *q)
{
    memset(q, 0, sizeof *q);
    build_entries(q);
    build_titles(q);
    build_edges(q);
    build_open3(q);
}

/* The builder's arrays are its own: the const of the view is for the generated tables. */
static void release(const void *p)
{
    free((void *)(uintptr_t)p);
}

void el_qindex_free(struct el_qindex *q)
{
    release(q->e);
    release(q->slots);
    release(q->byfirst.head);
    release(q->byfirst.ref);
    release(q->bylast.head);
    release(q->bylast.ref);
    release(q->cl);
    release(q->cl0);
    release(q->clhead);
    release(q->titles);
    release(q->starts.v);
    release(q->ends.v);
    memset(q, 0, sizeof *q);
}
