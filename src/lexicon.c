/* SPDX-License-Identifier: MIT */
/*
 * Runtime side of the built-in lexicons: the Aho–Corasick scan over the generated tables
 * (build/lexicon_data.c, made by src/data/mklex.c) and accessors for entries, places,
 * provinces and classical quotations. Nothing is built or allocated at run time.
 */
#define EL_LEX_INTERNAL
#include "lexicon.h"

#include <string.h>
#include <unictype.h>
#include <unistr.h>

#define T (&el_lex_tables)

/* Target of the edge labelled b out of state st, 0 if none. */
static inline uint32_t step(uint32_t st, unsigned char b)
{
    const struct el_lex_state *s = &T->states[st];
    if (s->bits & EL_LEX_ST_DENSE)
        return (unsigned char)(b - 0x80) < 0x40 ? T->edge_to[s->edge + (b - 0x80)] : 0;
    const uint8_t *lab = T->edge_byte + s->edge;
    uint32_t n = s->nedge;
    if (n <= 8) {
        for (uint32_t k = 0; k < n; k++)
            if (lab[k] == b)
                return T->edge_to[s->edge + k];
        return 0;
    }
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (lab[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && lab[lo] == b ? T->edge_to[s->edge + lo] : 0;
}

/* Report every surface ending at byte offset end in state st, shortest first. */
static void report(uint32_t st, size_t end, el_lex_cb cb, void *ctx)
{
    uint32_t chain[EL_LEX_MAXCHAIN];
    size_t n = 0;
    for (uint32_t s = T->states[st].nout ? st : T->dict[st]; s; s = T->dict[s])
        chain[n++] = s; /* mklex guarantees n <= EL_LEX_MAXCHAIN */
    while (n-- > 0) {
        uint32_t s = chain[n], first = T->out_first[s];
        for (uint32_t k = 0; k < T->states[s].nout; k++) {
            const struct el_lex_entry *e = &T->entries[first + k];
            el_lex_hit h = {end - e->len, end, first + k, (enum el_lex_cat)e->cat};
            cb(ctx, &h);
        }
    }
}

void el_lex_scan(const char *s, size_t n, el_lex_cb cb, void *ctx)
{
    const unsigned char *p = (const unsigned char *)s;
    uint32_t st = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = p[i];
        if (!st) {
            /*
             * At the root, skip whole characters no surface starts with: ASCII bytes by the
             * root row, 3-byte characters (all of CJK) by a code-point bitmap. Only valid
             * sequences are skipped, so a lead byte is never jumped over.
             */
            for (;;) {
                if (b >= 0xE0 && b < 0xF0 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
                    (p[i + 2] & 0xC0) == 0x80) {
                    unsigned c = (unsigned)(b & 0x0F) << 12 | (unsigned)(p[i + 1] & 0x3F) << 6 |
                                 (p[i + 2] & 0x3F);
                    if (T->start_bmp[c >> 3] & (1u << (c & 7)))
                        break;
                    i += 3;
                } else if (T->root[b]) {
                    break;
                } else {
                    i++;
                }
                if (i >= n)
                    return;
                b = p[i];
            }
            st = T->root[b];
        } else {
            uint32_t nx;
            while (!(nx = step(st, b)) && st)
                st = T->states[st].fail;
            st = nx ? nx : T->root[b];
        }
        if (T->states[st].bits & EL_LEX_ST_OUT)
            report(st, i + 1, cb, ctx);
    }
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
