/* SPDX-License-Identifier: MIT */
/*
 * Runtime side of the built-in lexicons: the Aho–Corasick scan over the generated tables
 * (build/lexicon_data.c, made by src/data/mklex.c) and accessors for entries, places,
 * provinces and classical quotations. No table is built at run time; the scan allocates
 * nothing but the hit array el_lex_scan_all grows for its caller.
 */
#define EL_LEX_INTERNAL
#include "lexicon.h"
#include "text.h"
#include "util.h"

#include <string.h>
#include <unictype.h>
#include <unistr.h>

#define T (&el_lex_tables)

/* Class of code point c: 0 when no surface uses it. */
static inline uint32_t class_of(uint32_t c)
{
    if (c <= 0xFFFF)
        return T->cls_block[(uint32_t)T->cls_page[c >> 8] << 8 | (c & 0xFF)];
    uint32_t lo = 0, hi = T->nastral;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (T->astral_cp[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < T->nastral && T->astral_cp[lo] == c ? T->astral_cls[lo] : 0;
}

/*
 * Class of the character at *q (*q < e), advancing *q past it. 3-byte sequences (all of
 * CJK, checked first) and ASCII are decoded here; el_text_cp_slow decodes, strictly,
 * everything else and reads invalid bytes as U+FFFD, which is class 0 (mklex refuses it in a
 * surface). Either way one byte or a lead byte with its continuation bytes is consumed. A
 * 3-byte surrogate is not rejected here: mklex refuses surrogates too, so its class is 0.
 * A 3-byte sequence fits when *q < lim (e - 2, or the start when shorter). Forced inline:
 * the scan calls it from two places and a call per character costs more than the decoding.
 */
__attribute__((always_inline)) static inline uint32_t
class_at(const uint16_t *page, const uint16_t *block, const unsigned char **q,
         const unsigned char *lim, const unsigned char *e)
{
    const unsigned char *p = *q;
    uint32_t b = p[0], b0 = b - 0xE0u; /* b0 < 16: lead byte of a 3-byte sequence */
    if (b0 < 0x10 && p < lim) {
        uint32_t b1 = p[1] ^ 0x80u, b2 = p[2] ^ 0x80u; /* continuation bytes: below 0x40 */
        if ((b1 | b2) < 0x40) {
            uint32_t c = b0 << 12 | b1 << 6 | b2;
            if (c >= 0x800) { /* not overlong */
                *q = p + 3;
                return block[(uint32_t)page[c >> 8] << 8 | (c & 0xFF)];
            }
        }
    } else if (b < 0x80) {
        *q = p + 1;
        return block[(uint32_t)page[0] << 8 | b];
    }
    size_t k;
    uint32_t c = class_of(el_text_cp_slow((const char *)p, (size_t)(e - p), 0, &k));
    *q = p + k;
    return c;
}

/* Target of the edge labelled with class c (c > 0) out of state s (not the root), 0 if none. */
static inline uint32_t step(const struct el_lex_state *s, uint32_t c)
{
    uint32_t n = s->nedge;
    if (n <= 1) /* cls is 0, never a character's class, when there is no edge */
        return s->cls == c ? s->edge : 0;
    const uint16_t *lab = T->edge_cls + s->edge;
    uint32_t lo = 0;
    /* Halve wide lists down to a few edges, then scan (labels are sorted). */
    while (n > 8) {
        uint32_t half = n / 2;
        if (lab[lo + half] <= c)
            lo += half;
        n -= half;
    }
    for (uint32_t end = lo + n; lo < end; lo++)
        if (lab[lo] >= c)
            return lab[lo] == c ? T->edge_to[s->edge + lo] : 0;
    return 0;
}

/* Where hits go: to cb, or, when cb is NULL, onto the end of the array *v (*n items, room for
 * *cap), which the document's scan keeps whole: no call per hit. */
struct sink {
    el_lex_cb cb;
    void *ctx;
    el_lex_hit **v;
    size_t *n, *cap;
};

/* Pass on the entries whose surface ends exactly in state s, at byte offset end. */
static inline void report_state(uint32_t s, size_t end, const struct sink *k)
{
    uint32_t first = T->out_first[s], last = first + T->states[s].nout;
    for (uint32_t i = first; i < last; i++) {
        const struct el_lex_entry *e = &T->entries[i];
        el_lex_hit h = {end - e->len, end, i, (enum el_lex_cat)e->cat};
        if (k->cb) {
            k->cb(k->ctx, &h);
        } else {
            if (*k->n == *k->cap)
                *k->v = xgrow(*k->v, k->cap, *k->n + 1, sizeof **k->v);
            (*k->v)[(*k->n)++] = h;
        }
    }
}

/* Report every surface ending at byte offset end in state st, shortest first. */
static void report(uint32_t st, size_t end, const struct sink *k)
{
    uint32_t s = T->states[st].nout ? st : T->dict[st];
    if (!T->dict[s]) { /* the usual case: one state's surfaces */
        report_state(s, end, k);
        return;
    }
    uint32_t chain[EL_LEX_MAXCHAIN];
    size_t n = 0;
    for (; s; s = T->dict[s])
        chain[n++] = s; /* mklex guarantees n <= EL_LEX_MAXCHAIN */
    while (n-- > 0)
        report_state(chain[n], end, k);
}

/*
 * One step per character. class_at consumes either one byte or a lead byte with its
 * continuation bytes, so every byte a surface can start with (never a continuation byte)
 * begins a decoded character, and it decodes strictly (shortest form): a character's class is
 * nonzero only when its bytes are exactly the UTF-8 of a surface character. The matches are
 * therefore exactly the byte occurrences of the surfaces, as with a byte automaton; anything
 * invalid is class 0, which has no edge and sends the automaton back to the root.
 */
static void scan(const char *s, size_t n, const struct sink *k)
{
    if (!n)
        return;
    const unsigned char *p = (const unsigned char *)s, *q = p, *e = p + n;
    const unsigned char *lim = n > 2 ? e - 2 : p;
    const uint16_t *page = T->cls_page, *block = T->cls_block;
    const uint32_t *root = T->root;
    const struct el_lex_state *states = T->states;
    for (;;) {
        /* At the root: skip the characters no surface starts with. */
        uint32_t st;
        do {
            if (q >= e)
                return;
            st = root[class_at(page, block, &q, lim, e)];
        } while (!st);
        /* Inside a match: follow fail links until an edge or the root takes the character. */
        for (;;) {
            if (states[st].bits & EL_LEX_ST_OUT)
                report(st, (size_t)(q - p), k);
            if (q >= e)
                return;
            uint32_t c = class_at(page, block, &q, lim, e), nx;
            if (!c)
                break;
            while (!(nx = step(&states[st], c)) && (st = states[st].fail))
                ;
            st = nx ? nx : root[c];
            if (!st)
                break;
        }
    }
}

void el_lex_scan(const char *s, size_t n, el_lex_cb cb, void *ctx)
{
    struct sink k = {cb, ctx, NULL, NULL, NULL};
    scan(s, n, &k);
}

void el_lex_scan_all(const char *s, size_t n, el_lex_hit **v, size_t *len, size_t *cap)
{
    struct sink k = {NULL, NULL, v, len, cap};
    scan(s, n, &k);
}

size_t el_lex_nentries(void)
{
    return T->nentries;
}

const char *el_lex_surface(unsigned entry)
{
    return entry < T->nentries ? T->entries[entry].surface : NULL;
}

size_t el_lex_surface_len(unsigned entry)
{
    return entry < T->nentries ? T->entries[entry].len : 0;
}

enum el_lex_cat el_lex_cat_of(unsigned entry)
{
    return entry < T->nentries ? (enum el_lex_cat)T->entries[entry].cat : EL_LEX_NCATS;
}

unsigned el_lex_flags(unsigned entry)
{
    return entry < T->nentries ? T->entries[entry].flags : 0;
}

const char *el_lex_cat_id(enum el_lex_cat c)
{
    static const char *const ids[EL_LEX_NCATS] = {
        "place",       "speaker",        "document",       "metaphor", "colloquial",
        "firstperson", "contrast",       "countermeasure", "closing",  "problem",
        "quoteverb",   "parallel-frame", "thesis",
    };
    return (unsigned)c < EL_LEX_NCATS ? ids[c] : "?";
}

size_t el_lex_place_candidates(unsigned entry, const el_lex_cand **out)
{
    if (entry >= T->nentries || !T->entries[entry].ncand) {
        *out = NULL;
        return 0;
    }
    *out = T->cands + T->entries[entry].cand;
    return T->entries[entry].ncand;
}

size_t el_lex_nplaces(void)
{
    return T->nplaces;
}

const el_place *el_lex_place(unsigned idx)
{
    return idx < T->nplaces ? &T->places[idx] : NULL;
}

int el_lex_place_within(unsigned place, unsigned ancestor)
{
    if (place >= T->nplaces || ancestor >= T->nplaces)
        return 0;
    const el_place *p = &T->places[place], *a = &T->places[ancestor];
    if (place == ancestor)
        return 1;
    if (a->level == EL_PLACE_PROVINCE)
        return T->provinces[p->province].place == ancestor;
    if (a->level == EL_PLACE_CITY)
        return p->city == (int)ancestor;
    return 0;
}

size_t el_lex_nprovinces(void)
{
    return T->nprovinces;
}

const el_province *el_lex_province(int idx)
{
    return idx >= 0 && (uint32_t)idx < T->nprovinces ? &T->provinces[idx] : NULL;
}

const char *el_region_id(enum el_region r)
{
    switch (r) {
    case EL_REGION_EAST:
        return "east";
    case EL_REGION_CENTRAL:
        return "central";
    case EL_REGION_WEST:
        return "west";
    case EL_REGION_NORTHEAST:
        return "northeast";
    }
    return "?";
}

size_t el_lex_nclassical(void)
{
    return T->nclassical;
}

const el_classical *el_lex_classical(size_t i)
{
    return i < T->nclassical ? &T->classical[i] : NULL;
}

/* strcmp order between the NUL-terminated key k and the counted string s[0..n). */
static int keycmp(const char *k, const char *s, size_t n)
{
    size_t kl = strlen(k);
    int c = memcmp(k, s, kl < n ? kl : n);
    return c ? c : kl < n ? -1 : kl > n;
}

const el_classical *el_lex_classical_find(const char *key, size_t len)
{
    size_t lo = 0, hi = T->nclassical;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = keycmp(T->classical[mid].key, key, len);
        if (!c)
            return &T->classical[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

size_t el_lex_normalize(const char *s, size_t n, char *out)
{
    const uint8_t *p = (const uint8_t *)s;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        ucs4_t uc;
        int len;
        if (p[i] < 0x80) {
            uc = p[i];
            len = 1;
        } else {
            len = u8_mbtouc(&uc, p + i, n - i);
        }
        /* CJK ideographs, the bulk of the text, are never punctuation or space. */
        int drop = !(uc >= 0x4E00 && uc <= 0x9FFF) &&
                   (uc_is_property_white_space(uc) || uc_is_general_category(uc, UC_CATEGORY_P));
        if (!drop) {
            memmove(out + o, p + i, (size_t)len);
            o += (size_t)len;
        }
        i += (size_t)len;
    }
    return o;
}
