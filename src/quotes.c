/* SPDX-License-Identifier: MIT */
/*
 * Quotations of the essay's own text (title and 正文): policy quotes introduced by a
 * leader or a Party/state document (总书记强调：“…”, 《…决定》提出“…”), classical lines
 * found in the built-in lexicon (exactly, as a clause run, or misquoted by one or two
 * characters, which raises quote/misquoted), and other quoted sentences with a speaker.
 * Quoted terms (“红管家”, “最后一公里”) are names or metaphors, never quotes.
 *
 * Everything is linear in the paragraph: marks pair with a stack, lead-ins are looked up
 * in a bounded window before the opening mark, and the misquote search only compares a
 * quote with the lexicon lines of similar length sharing its first or last character
 * (an index built once, lazily, under pthread_once).
 */
#include "quotes.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "lexicon.h"
#include "rules.h"
#include "text.h"

/* Cap on quotes per file: hostile input must not grow the report without bound. */
#define EL_QUOTES_MAX 10000
/* How far before a quote (bytes) a lead-in such as 习近平总书记在…上强调 is looked for. */
#define LEAD_WINDOW 180
/* Quotes longer than this (bytes) are never lexicon lines. */
#define CLASSICAL_MAX_BYTES 1024
/* Shortest lexicon key (code points) matched as a clause run or fuzzily. */
#define CLAUSE_MIN_CP 6
/* Quote length range (code points) for the misquote search. */
#define FUZZY_MIN_CP 4
#define FUZZY_MAX_CP 40

/* ---- quotation-mark pairing ---------------------------------------------------------- */

static int by_open(const void *a, const void *b)
{
    const el_qpair *x = a, *y = b;
    return x->open < y->open ? -1 : x->open > y->open;
}

void el_quote_pairs(const char *s, size_t n, el_qpair_vec *out)
{
    /* One stack per mark family; entries are opening offsets. */
    EL_VEC(size_t) st[3] = {{0}};
    size_t ascii_open = SIZE_MAX;
    out->n = 0;
    for (size_t i = 0, k; i < n; i += k) {
        unsigned char b = (unsigned char)s[i];
        k = 1;
        if (b == '"') {
            if (ascii_open == SIZE_MAX) {
                ascii_open = i;
            } else {
                *EL_VEC_PUSH(*out) = (el_qpair){ascii_open, ascii_open + 1, i, i + 1};
                ascii_open = SIZE_MAX;
            }
            continue;
        }
        if (b < 0x80)
            continue;
        uint32_t c = el_text_cp(s, n, i, &k);
        int fam = -1;
        bool open = false;
        switch (c) {
        case 0x201C:     /* “ */
            open = true; /* fall through */
        case 0x201D:     /* ” */
            fam = 0;
            break;
        case 0x300C:     /* 「 */
            open = true; /* fall through */
        case 0x300D:
            fam = 1;
            break;
        case 0x300E:     /* 『 */
            open = true; /* fall through */
        case 0x300F:
            fam = 2;
            break;
        default:
            continue;
        }
        if (open) {
            *EL_VEC_PUSH(st[fam]) = i;
        } else if (st[fam].n) {
            size_t o = st[fam].v[--st[fam].n];
            size_t ol = el_u8_len((unsigned char)s[o]);
            *EL_VEC_PUSH(*out) = (el_qpair){o, o + ol, i, i + k};
        }
    }
    for (int f = 0; f < 3; f++)
        free(st[f].v);
    /* Pairs close innermost-first; callers want document order. */
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, by_open);
}

/* ---- small UTF-8 helpers ------------------------------------------------------------- */

/* Start of the code point ending at s[i] (i > 0). */

static bool is_hspace(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

/* Marks that end a clause for lead-in purposes. */
static bool is_clause_mark(uint32_t c)
{
    return c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0x3002 || c == 0xFF01 ||
           c == 0xFF1F || c == '!' || c == '?' || c == '\n' || c == 0x3001;
}

/* True if s[0..i) ends with the UTF-8 word w. */
static bool ends_with(const char *s, size_t i, const char *w)
{
    size_t k = strlen(w);
    return k <= i && memcmp(s + i - k, w, k) == 0;
}

/* Byte length of the longest of words that s[0..i) ends with, 0 if none. */
static size_t ends_with_one(const char *s, size_t i, const char *const *words)
{
    size_t best = 0;
    for (; *words; words++) {
        size_t k = strlen(*words);
        if (k > best && ends_with(s, i, *words))
            best = k;
    }
    return best;
}

/* True if the code point is dropped by el_lex_normalize (punctuation or space). */
static bool is_dropped(const char *s, size_t n, size_t i, size_t *k)
{
    char tmp[4];
    uint32_t c = el_text_cp(s, n, i, k);
    /* The bulk of the text: ideographs and ASCII letters and digits are always kept. */
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c < 0x80 && ((c | 0x20) - 'a' < 26 || c - '0' < 10)))
        return false;
    return el_lex_normalize(s + i, *k, tmp) == 0;
}

/* ---- the classical index -------------------------------------------------------------- */

/*
 * Entries are the lexicon lines themselves (full) and every run of whole clauses of a line
 * with at least CLAUSE_MIN_CP code points, so “天下大事，必作于细” matches the longer line
 * it belongs to. Keys live in one pool; a hash table finds exact keys and two sorted
 * (code point, entry) arrays give the fuzzy candidates by first and last character.
 */
struct centry {
    uint32_t line;       /* index for el_lex_classical() */
    uint32_t toff, tlen; /* the entry's slice of the line's display text */
    uint32_t koff, klen; /* normalised key in the pool */
    uint32_t ncp;
    bool full;
};

struct cpref {
    uint32_t cp, ent;
};

static struct {
    EL_VEC(struct centry) e;
    EL_VEC(char) pool;
    uint32_t *slots; /* entry index + 1; 0 = empty */
    size_t mask;
    size_t maxklen; /* longest key: longer clause runs of a quote cannot match */
    struct cpref *byfirst, *bylast;
    size_t nref;
} ci;

static pthread_once_t ci_once = PTHREAD_ONCE_INIT;

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* Entry index with this exact key, or -1. */
static long ci_find(const char *key, size_t len)
{
    if (!ci.slots)
        return -1;
    for (size_t h = hash_bytes(key, len) & ci.mask;; h = (h + 1) & ci.mask) {
        uint32_t v = ci.slots[h];
        if (!v)
            return -1;
        const struct centry *e = &ci.e.v[v - 1];
        if (e->klen == len && memcmp(ci.pool.v + e->koff, key, len) == 0)
            return (long)v - 1;
    }
}

/* Add a key for line (slice toff..+tlen of its text); the first entry of a key wins. */
static void ci_add(uint32_t line, const char *text, size_t toff, size_t tlen, bool full)
{
    size_t at = ci.pool.n;
    ci.pool.v = xgrow(ci.pool.v, &ci.pool.cap, at + tlen + 1, 1);
    size_t klen = el_lex_normalize(text + toff, tlen, ci.pool.v + at);
    size_t ncp = el_text_ncp(ci.pool.v + at, klen);
    if (klen == 0 || (!full && ncp < CLAUSE_MIN_CP))
        return;
    ci.pool.n += klen;
    if (klen > ci.maxklen)
        ci.maxklen = klen;
    *EL_VEC_PUSH(ci.e) = (struct centry){
        line, (uint32_t)toff, (uint32_t)tlen, (uint32_t)at, (uint32_t)klen, (uint32_t)ncp, full};
}

static int by_cp(const void *a, const void *b)
{
    const struct cpref *x = a, *y = b;
    if (x->cp != y->cp)
        return x->cp < y->cp ? -1 : 1;
    return x->ent < y->ent ? -1 : x->ent > y->ent;
}

/* Build the index once (pthread_once): a few thousand small keys, well under a millisecond. */
static void ci_build(void)
{
    size_t nl = el_lex_nclassical();
    for (size_t i = 0; i < nl; i++) {
        const el_classical *c = el_lex_classical(i);
        ci_add((uint32_t)i, c->text, 0, strlen(c->text), true);
    }
    for (size_t i = 0; i < nl; i++) {
        const char *t = el_lex_classical(i)->text;
        size_t n = strlen(t), cs[16], ce[16], nc = 0, k;
        for (size_t p = 0; p < n && nc < 16;) {
            while (p < n && is_dropped(t, n, p, &k))
                p += k;
            if (p >= n)
                break;
            cs[nc] = p;
            while (p < n && !is_dropped(t, n, p, &k))
                p += k;
            ce[nc++] = p;
        }
        for (size_t a = 0; a < nc; a++)
            for (size_t b = a; b < nc; b++)
                if (a > 0 || b + 1 < nc)
                    ci_add((uint32_t)i, t, cs[a], ce[b] - cs[a], false);
    }
    /* Hash table at most half full; duplicates (same key) keep the first entry. */
    size_t cap = 16;
    while (cap < 2 * ci.e.n + 2)
        cap *= 2;
    ci.slots = xcalloc(cap, sizeof *ci.slots);
    ci.mask = cap - 1;
    ci.byfirst = xmalloc((ci.e.n + 1) * sizeof *ci.byfirst);
    ci.bylast = xmalloc((ci.e.n + 1) * sizeof *ci.bylast);
    for (size_t i = 0; i < ci.e.n; i++) {
        const struct centry *e = &ci.e.v[i];
        const char *key = ci.pool.v + e->koff;
        if (ci_find(key, e->klen) >= 0)
            continue;
        size_t h = hash_bytes(key, e->klen) & ci.mask;
        while (ci.slots[h])
            h = (h + 1) & ci.mask;
        ci.slots[h] = (uint32_t)i + 1;
        if (e->ncp >= CLAUSE_MIN_CP) {
            size_t k, s0;
            uint32_t first = el_text_cp(key, e->klen, 0, &k);
            uint32_t last = el_text_prev_cp(key, e->klen, &s0);
            ci.byfirst[ci.nref] = (struct cpref){first, (uint32_t)i};
            ci.bylast[ci.nref++] = (struct cpref){last, (uint32_t)i};
        }
    }
    if (ci.nref) {
        qsort(ci.byfirst, ci.nref, sizeof *ci.byfirst, by_cp);
        qsort(ci.bylast, ci.nref, sizeof *ci.bylast, by_cp);
    }
}

/* First index in refs[0..n) with cp >= c. */
static size_t ref_lower(const struct cpref *refs, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (refs[mid].cp < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Decode up to max code points of s[0..n) into out; returns the count. */
static size_t decode_cps(const char *s, size_t n, uint32_t *out, size_t max)
{
    size_t m = 0, k;
    for (size_t i = 0; i < n && m < max; i += k)
        out[m++] = el_text_cp(s, n, i, &k);
    return m;
}

/* Levenshtein distance of a and b when it is <= 2, else 3 (band of width 5). */
static int edit_le2(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    enum { BIG = 3 };
    int prev[FUZZY_MAX_CP + 8], cur[FUZZY_MAX_CP + 8];
    if ((na > nb ? na - nb : nb - na) > 2 || nb > FUZZY_MAX_CP + 4)
        return BIG;
    for (size_t j = 0; j <= nb; j++)
        prev[j] = j <= 2 ? (int)j : BIG;
    for (size_t i = 1; i <= na; i++) {
        int best = BIG;
        for (size_t j = 0; j <= nb; j++) {
            if (j + 2 < i || j > i + 2) {
                cur[j] = BIG;
                continue;
            }
            int v = j == 0 ? (int)i : prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (j > 0 && cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            cur[j] = v > BIG ? BIG : v;
            if (cur[j] < best)
                best = cur[j];
        }
        if (best >= BIG)
            return BIG;
        memcpy(prev, cur, (nb + 1) * sizeof *prev);
    }
    return prev[nb];
}

/* Outcome of matching a quoted text against the lexicon. */
struct cmatch {
    int how; /* 0 none, 1 exact or clause run, 2 misquote */
    const struct centry *e;
    size_t off, len; /* the matched part of the quoted text (bytes, relative) */
};

/* Try the fuzzy candidates of one cp list; keeps the best (lowest distance) in *best. */
static void fuzzy_try(const struct cpref *refs, uint32_t c, const uint32_t *q, size_t nq,
                      int *bestd, long *beste)
{
    for (size_t r = ref_lower(refs, ci.nref, c); r < ci.nref && refs[r].cp == c; r++) {
        const struct centry *e = &ci.e.v[refs[r].ent];
        if (e->ncp + 2 < nq || e->ncp > nq + 2)
            continue;
        uint32_t kc[FUZZY_MAX_CP + 4];
        size_t nk = decode_cps(ci.pool.v + e->koff, e->klen, kc, FUZZY_MAX_CP + 4);
        int d = edit_le2(q, nq, kc, nk);
        /* Two edits only on keys of ten or more: 4 of 6 characters is another line. */
        if (d > (e->ncp >= 10 ? 2 : 1))
            continue;
        if (d < *bestd || (d == *bestd && (long)refs[r].ent < *beste)) {
            *bestd = d;
            *beste = (long)refs[r].ent;
        }
    }
}

/*
 * Match quoted text t[0..n) against the classical lexicon: its normalised key equals an
 * entry (a line or a run of its clauses); or a run of the quote's own clauses equals a
 * whole line (starting at its first clause when anchored: a bare line right after 古人云);
 * or (misquote) the key is within edit distance 1 of an entry of 6–9 code points, or 2 of
 * one of 10 or more.
 */
static struct cmatch classical_match(const char *t, size_t n, bool fuzzy, bool anchored)
{
    struct cmatch m = {0, NULL, 0, n};
    if (n == 0 || n > CLASSICAL_MAX_BYTES)
        return m;
    pthread_once(&ci_once, ci_build);
    if (ci.e.n == 0)
        return m;
    /*
     * Normalise clause by clause: the dropped marks vanish, so the key of a run of clauses
     * a..b is the contiguous slice kst[a]..ken[b] of the whole key.
     */
    char key[CLASSICAL_MAX_BYTES];
    size_t cs[8], ce[8], kst[8], ken[8], nc = 0, klen = 0, k;
    for (size_t p = 0; p < n;) {
        while (p < n && is_dropped(t, n, p, &k))
            p += k;
        if (p >= n)
            break;
        size_t a = p;
        while (p < n && !is_dropped(t, n, p, &k))
            p += k;
        size_t l = el_lex_normalize(t + a, p - a, key + klen);
        if (nc < 8) {
            cs[nc] = a;
            ce[nc] = p;
            kst[nc] = klen;
            ken[nc++] = klen + l;
        }
        klen += l;
    }
    if (klen == 0)
        return m;
    long e = ci_find(key, klen);
    if (e >= 0) {
        m.how = 1;
        m.e = &ci.e.v[e];
        return m;
    }
    /* A whole lexicon line quoted as a clause run inside a longer quote. */
    for (size_t a = 0; a < (anchored ? 1 : nc); a++)
        for (size_t b = a; b < nc; b++) {
            size_t l = ken[b] - kst[a];
            if ((a == 0 && ken[b] == klen) || l > ci.maxklen)
                continue;
            if (el_text_ncp(key + kst[a], l) < CLAUSE_MIN_CP)
                continue;
            long f = ci_find(key + kst[a], l);
            if (f >= 0 && ci.e.v[f].full) {
                m.how = 1;
                m.e = &ci.e.v[f];
                m.off = cs[a];
                m.len = ce[b] - cs[a];
                return m;
            }
        }
    if (!fuzzy)
        return m;
    size_t ncp = el_text_ncp(key, klen);
    if (ncp < FUZZY_MIN_CP || ncp > FUZZY_MAX_CP)
        return m;
    uint32_t q[FUZZY_MAX_CP];
    size_t nq = decode_cps(key, klen, q, FUZZY_MAX_CP);
    int bestd = 3;
    long beste = -1;
    fuzzy_try(ci.byfirst, q[0], q, nq, &bestd, &beste);
    fuzzy_try(ci.bylast, q[nq - 1], q, nq, &bestd, &beste);
    if (beste >= 0 && bestd >= 1 && bestd <= 2) {
        m.how = 2;
        m.e = &ci.e.v[beste];
    }
    return m;
}

/* ---- lead-ins ---------------------------------------------------------------------- */

/* Words that introduce a classical line (the quote needs no lexicon match to be classical). */
static const char *const classical_leads[] = {
    "古人云", "古语云", "古语有云", "古语道", "古人说", "古人讲",   "古人曰",
    "先贤云", "古训云", "诗云",     "子曰",   "古语讲", "古人有云", NULL,
};
/* Words that introduce a saying of nobody in particular. */
static const char *const saying_leads[] = {
    "俗话说", "常言道", "俗语说", "有人说", "人们常说", "正所谓", "常言说", "老话说", NULL,
};
/* Lead-ins before a bare (unquoted) classical line. */
static const char *const bare_leads[] = {
    "古人云", "古语有云", "古语云",   "正所谓", "俗话说", "常言道",
    "古人说", "古语道",   "古人有云", "诗云",   "子曰",   NULL,
};
/* Single-character saying verbs, accepted only before a colon. */
static const char *const short_verbs[] = {"说", "道", "云", "曰", "讲", "问", "言", NULL};
/* Endings of 《…》 titles that name a Party or state document rather than a classic. */
static const char *const doc_suffixes[] = {
    "决定", "意见", "规划", "纲要", "报告", "条例",   "法",   "通知", "方案",
    "建议", "办法", "规定", "决议", "公报", "白皮书", "计划", "纲领", "章程",
    "准则", "宪法", "讲话", "纪要", "文件", "法典",   "指南", "行动", NULL,
};
/* Adverbs that sit between a speaker and the verb (他曾说, 老李也说). */
static const char *const speaker_tails[] = {"曾经", "曾", "也", "常", "就", "所", "还", "都", NULL};
/* Openers before a speaker (正如老李所说). */
static const char *const speaker_heads[] = {"正如", "诚如", "就像", "如", NULL};

enum lead_type { LEAD_NONE, LEAD_POLICY, LEAD_CLASSICAL, LEAD_SAYING };

struct lead {
    enum lead_type type;
    bool colon;      /* a colon sits between the verb and the quote */
    el_span speaker; /* relative to the block; len 0 = none */
    el_span source;  /* 《…》 or a lexicon document, relative */
};

typedef EL_VEC(el_lex_hit) hit_vec;

static void collect_hit(void *ctx, const el_lex_hit *h)
{
    if (h->cat == EL_LEX_SPEAKER || h->cat == EL_LEX_DOCUMENT || h->cat == EL_LEX_QUOTEVERB)
        *EL_VEC_PUSH(*(hit_vec *)ctx) = *h;
}

/* First index of hits (sorted by end) with end >= e. */
static size_t hit_lower(const hit_vec *h, size_t e)
{
    size_t lo = 0, hi = h->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h->v[mid].end < e)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The longest hit of category cat ending exactly at e, or NULL. */
static const el_lex_hit *hit_ending(const hit_vec *h, size_t e, enum el_lex_cat cat)
{
    const el_lex_hit *best = NULL;
    for (size_t i = hit_lower(h, e); i < h->n && h->v[i].end == e; i++)
        if (h->v[i].cat == cat && (!best || h->v[i].start < best->start))
            best = &h->v[i];
    return best;
}

/* Start of the clause holding s[i]: just past the previous clause mark, within the window. */
static size_t clause_start(const char *s, size_t i, size_t lo)
{
    while (i > lo) {
        size_t j;
        uint32_t c = el_text_prev_cp(s, i, &j);
        if (j < lo || is_clause_mark(c))
            break;
        i = j;
    }
    return i;
}

/* Whether s[a..b) (a 《…》 title's content) names a document. */
static bool is_doc_title(const char *s, size_t a, size_t b)
{
    return ends_with_one(s + a, b - a, doc_suffixes) > 0;
}

/* The last 《…》 in s[lo..hi), as a span including the marks; len 0 if none. */
static el_span last_title(const char *s, size_t lo, size_t hi)
{
    el_span none = {0, 0};
    size_t i = hi, j;
    while (i > lo) {
        uint32_t c = el_text_prev_cp(s, i, &j);
        if (j < lo)
            return none;
        if (c == 0x300B) { /* 》 */
            size_t close = j, m = j;
            while (m > lo) {
                size_t t;
                uint32_t d = el_text_prev_cp(s, m, &t);
                if (t < lo || d == 0x300B)
                    return none;
                if (d == 0x300A) /* 《 */
                    return (el_span){t, close + 3 - t};
                m = t;
            }
            return none;
        }
        i = j;
    }
    return none;
}

/* Trim s[sp] of spaces and of the openers and adverbs around a plain speaker's name. */
static el_span trim_speaker(const char *s, el_span sp)
{
    size_t a = sp.off, b = sp.off + sp.len, k, j;
    while (a < b) {
        uint32_t c = el_text_cp(s, b, a, &k);
        if (!is_hspace(c) && c != 0x201D && c != 0x300D && c != 0x300F && c != '"' && c != 0x2019)
            break;
        a += k; /* the closing mark of an earlier quote in the same clause */
    }
    a += el_text_prefix(s + a, b - a, speaker_heads);
    for (size_t t; (t = ends_with_one(s + a, b - a, speaker_tails)) > 0 && t < b - a;)
        b -= t;
    while (b > a && is_hspace(el_text_prev_cp(s, b, &j)))
        b = j;
    /* 老李在会上说 → 老李: a place or occasion after 在 is not the speaker. */
    for (size_t p = a; p < b; p += k) {
        uint32_t c = el_text_cp(s, b, p, &k);
        if (p > a && c == 0x5728) { /* 在 */
            b = p;
            break;
        }
    }
    size_t ncp = el_text_ncp(s + a, b - a);
    bool han = ncp > 0;
    for (size_t p = a; p < b && han; p += k)
        han = el_text_is_han(el_text_cp(s, b, p, &k));
    if (!han || ncp > 10)
        return (el_span){0, 0};
    return (el_span){a, b - a};
}

/* What introduces the quote opening at s[open]. */
static struct lead find_lead(const char *s, size_t open, const hit_vec *hits)
{
    struct lead L = {LEAD_NONE, false, {0, 0}, {0, 0}};
    size_t j = open, t;
    uint32_t c;
    while (j > 0 && is_hspace(el_text_prev_cp(s, j, &t)))
        j = t;
    if (j > 0) {
        c = el_text_prev_cp(s, j, &t);
        if (c == 0xFF1A || c == ':') {
            L.colon = true;
            j = t;
        } else if (c == 0xFF0C || c == ',') {
            j = t;
        }
    }
    while (j > 0 && is_hspace(el_text_prev_cp(s, j, &t)))
        j = t;
    size_t lo = j > LEAD_WINDOW ? j - LEAD_WINDOW : 0;
    size_t cl = clause_start(s, j, lo);
    size_t w;
    if ((w = ends_with_one(s + cl, j - cl, classical_leads)) > 0) {
        L.type = LEAD_CLASSICAL;
        L.source = last_title(s, cl, j - w);
        return L;
    }
    if (ends_with_one(s + cl, j - cl, saying_leads) > 0) {
        L.type = LEAD_SAYING;
        return L;
    }
    const el_lex_hit *verb = hit_ending(hits, j, EL_LEX_QUOTEVERB);
    size_t vstart;
    if (verb && verb->start >= cl) {
        vstart = verb->start;
    } else if (L.colon && (w = ends_with_one(s + cl, j - cl, short_verbs)) > 0) {
        vstart = j - w;
    } else {
        return L;
    }
    /* The nearest speaker or document before the verb in the same clause. */
    const el_lex_hit *sp = NULL, *doc = NULL;
    for (size_t i = hit_lower(hits, vstart + 1); i-- > 0;) {
        const el_lex_hit *h = &hits->v[i];
        if (h->end <= cl)
            break;
        if (h->start < cl || h->end > vstart)
            continue;
        /* Nearest to the verb first; on equal ends the longest (习近平总书记 over 总书记). */
        if (h->cat == EL_LEX_SPEAKER &&
            (!sp || h->end > sp->end || (h->end == sp->end && h->start < sp->start)))
            sp = h;
        if (h->cat == EL_LEX_DOCUMENT &&
            (!doc || h->end > doc->end || (h->end == doc->end && h->start < doc->start)))
            doc = h;
    }
    el_span title = last_title(s, cl, vstart);
    bool doc_title = title.len && is_doc_title(s, title.off + 3, title.off + title.len - 3);
    if (sp || doc || doc_title) {
        L.type = LEAD_POLICY;
        if (sp)
            L.speaker = (el_span){sp->start, sp->end - sp->start};
        if (doc_title)
            L.source = title;
        else if (doc)
            L.source = (el_span){doc->start, doc->end - doc->start};
        return L;
    }
    if (title.len) {
        L.type = LEAD_CLASSICAL; /* 《论语》中说：“…” */
        L.source = title;
        return L;
    }
    L.type = LEAD_SAYING;
    L.speaker = trim_speaker(s, (el_span){cl, vstart - cl});
    return L;
}

/* ---- classification ------------------------------------------------------------------ */

/*
 * Word characters (Han, letters, digits) of t[0..n), and whether it holds a sentence-final
 * mark or any clause punctuation. Only the first SHAPE_BYTES are looked at, so nested marks
 * (“““…”””) stay linear; a longer text counts as a sentence (a passage, never a term).
 */
#define SHAPE_BYTES 256
static size_t text_shape(const char *t, size_t n, bool *sentence, bool *punct)
{
    size_t nw = 0, k;
    *sentence = *punct = n > SHAPE_BYTES;
    if (n > SHAPE_BYTES)
        n = SHAPE_BYTES;
    for (size_t i = 0; i < n; i += k) {
        uint32_t c = el_text_cp(t, n, i, &k);
        if (el_text_is_han(c) || (c < 0x80 && ((c | 0x20) - 'a' < 26 || c - '0' < 10)))
            nw++;
        if (el_text_is_sentence_end(c))
            *sentence = true;
        if (c == 0xFF0C || c == 0xFF1B || c == 0x3001 || c == ',' || c == ';' ||
            el_text_is_sentence_end(c))
            *punct = true;
    }
    return nw;
}

struct qstate {
    el_doc *doc;
    int misquote_rule;
    hit_vec hits;
    el_qpair_vec pairs;
};

/* Append a quote; spans relative to the block at base. Returns false at the cap. */
static bool add_quote(struct qstate *st, size_t base, enum el_quote_kind kind, el_span txt,
                      el_span speaker, el_span source, const char *source_lex)
{
    el_doc *doc = st->doc;
    if (doc->quotes.n >= EL_QUOTES_MAX)
        return false;
    el_quote *q = EL_VEC_PUSH(doc->quotes);
    q->kind = kind;
    q->txt = (el_span){base + txt.off, txt.len};
    q->speaker = speaker.len ? (el_span){base + speaker.off, speaker.len} : (el_span){0, 0};
    q->source = source.len ? (el_span){base + source.off, source.len} : (el_span){0, 0};
    q->source_lex = source_lex;
    q->section = el_doc_section_at(doc, q->txt.off);
    return true;
}

/* Raise quote/misquoted at the quote with the canonical text of the entry. */
static void raise_misquote(struct qstate *st, size_t plain_off, const struct centry *e)
{
    if (st->misquote_rule < 0)
        return;
    const char *text = el_lex_classical(e->line)->text;
    char *canon = xstrndup(text + e->toff, e->tlen);
    el_doc *doc = st->doc;
    el_finding_add(doc, st->misquote_rule, el_doc_src(doc, plain_off),
                   el_doc_section_at(doc, plain_off), canon);
    free(canon);
}

/* Quoted spans of one block (the title or a paragraph) at plain offset base. */
static void scan_pairs(struct qstate *st, const char *s, size_t n, size_t base)
{
    size_t covered = 0; /* end of the last accepted quote: quotes inside it are not quotes */
    struct lead chain = {LEAD_NONE, false, {0, 0}, {0, 0}};
    size_t chain_end = SIZE_MAX;
    for (size_t i = 0; i < st->pairs.n; i++) {
        const el_qpair *p = &st->pairs.v[i];
        size_t len = p->close - p->inner;
        if (p->open < covered || len == 0)
            continue;
        const char *t = s + p->inner;
        struct lead L = find_lead(s, p->open, &st->hits);
        if (L.type == LEAD_NONE && chain_end != SIZE_MAX) {
            /* 总书记强调：“A。”“B。”: a quote right after a policy quote shares its lead. */
            bool glued = true;
            for (size_t q = chain_end, k; q < p->open && glued; q += k) {
                uint32_t c = el_text_cp(s, p->open, q, &k);
                glued = is_hspace(c) || c == 0xFF0C || c == 0x3001 || c == ',';
            }
            if (glued)
                L = chain;
        }
        bool sentence, punct;
        size_t ncp = text_shape(t, len, &sentence, &punct); /* word characters */
        struct cmatch m = classical_match(t, len, true, false);
        el_span none = {0, 0}, txt = {p->inner, len};
        bool ok = true;
        if (m.how) {
            el_span src = L.type == LEAD_CLASSICAL ? L.source : none;
            ok = add_quote(st, base, EL_QUOTE_CLASSICAL, txt, none, src,
                           el_lex_classical(m.e->line)->source);
            if (ok && m.how == 2)
                raise_misquote(st, base + p->inner, m.e);
        } else if (L.type == LEAD_POLICY &&
                   (L.colon || punct ||
                    (ncp >= 8 &&
                     (p->end >= n || !el_text_is_han(el_text_cp(s, n, p->end, &(size_t){0})))))) {
            ok = add_quote(st, base, EL_QUOTE_POLICY, txt, L.speaker, L.source, NULL);
        } else if (L.type == LEAD_CLASSICAL && ncp >= 4) {
            ok = add_quote(st, base, EL_QUOTE_CLASSICAL, txt, none, L.source, NULL);
        } else if ((sentence && ncp >= 4) ||
                   ((L.type == LEAD_SAYING || L.type == LEAD_POLICY) && ncp >= 8)) {
            el_span sp = L.type == LEAD_SAYING || L.type == LEAD_POLICY ? L.speaker : none;
            ok = add_quote(st, base, EL_QUOTE_OTHER, txt, sp, none, NULL);
        } else {
            continue;
        }
        if (!ok)
            return;
        covered = p->end;
        if (L.type == LEAD_POLICY) {
            chain = L;
            chain_end = p->end;
        } else {
            chain_end = SIZE_MAX;
        }
    }
}

/* True if offset a lies inside a quoted span of the block (maxend: prefix maxima of ends). */
static bool in_pairs(const el_qpair_vec *pv, const size_t *maxend, size_t a)
{
    size_t lo = 0, hi = pv->n;
    while (lo < hi) { /* pairs with open <= a */
        size_t mid = lo + (hi - lo) / 2;
        if (pv->v[mid].open <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && maxend[lo - 1] > a;
}

/* Unquoted classical lines after 古人云： / 正所谓 / 俗话说 … that the lexicon knows. */
static void scan_bare(struct qstate *st, const char *s, size_t n, size_t base)
{
    pthread_once(&ci_once, ci_build);
    /* Room for the longest key plus the marks and spaces a line may have between clauses. */
    size_t maxb = 2 * ci.maxklen + 64;
    if (maxb > CLASSICAL_MAX_BYTES)
        maxb = CLASSICAL_MAX_BYTES;
    size_t *maxend = xmalloc((st->pairs.n + 1) * sizeof *maxend);
    for (size_t i = 0; i < st->pairs.n; i++)
        maxend[i] = i && maxend[i - 1] > st->pairs.v[i].end ? maxend[i - 1] : st->pairs.v[i].end;
    for (const char *const *lw = bare_leads; *lw; lw++) {
        size_t wl = strlen(*lw);
        /* Leads inside a line already examined are not looked at again: linear. */
        size_t seen = 0;
        for (const char *hit = s; (hit = memmem(hit, (size_t)(s + n - hit), *lw, wl)) != NULL;
             hit += wl) {
            if ((size_t)(hit - s) < seen)
                continue;
            size_t a = (size_t)(hit - s) + wl, k;
            while (a < n) {
                uint32_t c = el_text_cp(s, n, a, &k);
                if (!is_hspace(c) && c != 0xFF1A && c != ':' && c != 0xFF0C && c != ',')
                    break;
                a += k;
            }
            if (a >= n)
                break;
            uint32_t c = el_text_cp(s, n, a, &k);
            if (c == 0x201C || c == 0x300C || c == 0x300E || c == '"' ||
                in_pairs(&st->pairs, maxend, (size_t)(hit - s)))
                continue; /* quoted: scan_pairs has it */
            /* Bounded by the longest lexicon line, so 古人云 ×200,000 stays linear. */
            size_t lim = n - a < maxb ? n - a : maxb;
            size_t e = a + el_text_sentence_end(s + a, lim);
            seen = e;
            struct cmatch m = classical_match(s + a, e - a, true, true);
            if (!m.how)
                continue;
            size_t off = a + m.off, len = m.len < e - a - m.off ? m.len : e - a - m.off;
            /* Drop the final mark (and closers) from the span. */
            while (len > 0) {
                size_t j = el_text_back(s, off + len);
                if (j < off || !is_dropped(s, off + len, j, &k))
                    break;
                len = j - off;
            }
            if (!len)
                continue;
            el_span none = {0, 0};
            if (!add_quote(st, base, EL_QUOTE_CLASSICAL, (el_span){off, len}, none, none,
                           el_lex_classical(m.e->line)->source))
                goto done;
            if (m.how == 2)
                raise_misquote(st, base + off, m.e);
        }
    }
done:
    free(maxend);
}

static void scan_block(struct qstate *st, el_span blk)
{
    const char *s = st->doc->plain.v + blk.off;
    size_t n = blk.len;
    if (n == 0 || st->doc->quotes.n >= EL_QUOTES_MAX)
        return;
    st->hits.n = 0;
    el_doc_lex_scan(st->doc, blk.off, n, collect_hit, &st->hits);
    el_quote_pairs(s, n, &st->pairs);
    scan_pairs(st, s, n, blk.off);
    scan_bare(st, s, n, blk.off);
}

/* Whether span t lies inside one of the paragraphs of section sc. */
static bool in_section_paras(const el_doc *doc, const el_section *sc, el_span t)
{
    for (size_t i = sc->para0; i < sc->para0 + sc->npara && i < doc->paras.n; i++) {
        el_span p = doc->paras.v[i].txt;
        if (t.off >= p.off && t.off < p.off + p.len)
            return true;
    }
    return false;
}

static int by_off(const void *a, const void *b)
{
    const el_span *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

void el_quote_blocks(const el_doc *doc, el_span_vec *out)
{
    out->n = 0;
    if (doc->title.len)
        *EL_VEC_PUSH(*out) = doc->title;
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *sc = &doc->sections.v[i];
        /* Only the essay's own headings: summary sections are annotations. */
        if (!sc->title.len || sc->kind == EL_SEC_SUMMARY || in_section_paras(doc, sc, sc->title))
            continue;
        if (doc->title.len && sc->title.off == doc->title.off)
            continue;
        *EL_VEC_PUSH(*out) = sc->title;
    }
    for (size_t i = 0; i < doc->paras.n; i++)
        if (!doc->title.len || doc->paras.v[i].txt.off != doc->title.off)
            *EL_VEC_PUSH(*out) = doc->paras.v[i].txt;
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, by_off);
}

static int by_txt(const void *a, const void *b)
{
    const el_quote *x = a, *y = b;
    return x->txt.off < y->txt.off ? -1 : x->txt.off > y->txt.off;
}

void el_extract_quotes(el_doc *doc)
{
    struct qstate st = {doc, el_rule_find("quote/misquoted"), {0}, {0}};
    size_t n0 = doc->quotes.n;
    el_span_vec blocks = {0};
    el_quote_blocks(doc, &blocks);
    for (size_t i = 0; i < blocks.n; i++)
        scan_block(&st, blocks.v[i]);
    free(blocks.v);
    /* Bare lines are found after the quoted ones of their block: restore document order. */
    if (doc->quotes.n > n0)
        qsort(doc->quotes.v + n0, doc->quotes.n - n0, sizeof *doc->quotes.v, by_txt);
    free(st.hits.v);
    free(st.pairs.v);
}
