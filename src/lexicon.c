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
static uint32_t class_of(uint32_t c)
{
    if (c < 0x80)
        return T->cls[EL_LEX_CLS_ASCII + c];
    if (c >= 0x800 && c <= 0xFFFF) /* as class_at finds it from the UTF-8 bytes */
        return T->cls[T->cls[(c >> 6 & 0x3F) << 8 | (c >> 12)] + (c & 0x3F)];
    uint32_t lo = 0, hi = T->nother;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (T->other_cp[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < T->nother && T->other_cp[lo] == c ? T->other_cls[lo] : 0;
}

/*
 * Class of the character at p (p < e) << 3 | its byte length, for the shapes class_at does
 * not decode inline: el_text_cp_slow decodes strictly and reads invalid bytes as U+FFFD,
 * which is class 0 (mklex refuses it in a surface), consuming a lead byte with its
 * continuation bytes only. Out of line: rare in Chinese text, and it would crowd the scan
 * loop's registers.
 */
__attribute__((noinline)) static uint32_t class_slow(const unsigned char *p, const unsigned char *e)
{
    size_t k;
    uint32_t c = class_of(el_text_cp_slow((const char *)p, (size_t)(e - p), 0, &k));
    return c << 3 | (uint32_t)k;
}

/*
 * Class of the character at *q in the class table cls (T->cls), advancing *q past it;
 * *q + 4 <= e. ASCII and well-formed 3-byte sequences (all of CJK) are decoded here, other
 * shapes by class_slow. A 3-byte sequence is looked up from its bytes, without assembling
 * the code point (see struct el_lex_tables); overlong forms and surrogates have class 0, as a
 * strict decoder would have it. Whatever the bytes, one byte or a lead byte with its
 * continuation bytes is consumed.
 */
static inline uint32_t class_at(const uint16_t *cls, const unsigned char **q,
                                const unsigned char *e)
{
    const unsigned char *p = *q;
    /* compilers read these as one little-endian load */
    uint32_t x = p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    if ((x & 0xC0C0F0) == 0x8080E0) { /* 1110xxxx 10xxxxxx 10xxxxxx */
        *q = p + 3;
        uint16_t b01 = (uint16_t)x; /* b1 << 8 | b0 */
        /* the row entry of (b1 & 0x3F) << 8 | (b0 & 0x0F): the 0x80E0 subtracted in the
           address */
        return cls[cls[(size_t)b01 - 0x80E0] + (size_t)p[2] - 0x80];
    }
    if (!(x & 0x80)) {
        *q = p + 1;
        return cls[EL_LEX_CLS_ASCII + (x & 0x7F)];
    }
    uint32_t r = class_slow(p, e);
    *q = p + (r & 7);
    return r >> 3;
}

/* The state after reading a character of class c in state st: follow fail links until an
   edge or the root takes it. */
static inline uint32_t next_state(const struct el_lex_slot *sl, uint32_t nstart, uint32_t st,
                                  uint32_t c)
{
    if (!c) /* no edge anywhere */
        return 0;
    while (st) {
        uint32_t t = sl[st].base + c;
        if (sl[t].check == st)
            return t;
        st = sl[st].fail;
    }
    return c - 1 < nstart ? c : 0; /* the root's edge on c leads to slot c */
}

/* A hit array being filled: a local copy of the caller's, so that storing a hit does not
   make the compiler reload n and cap. */
struct hitbuf {
    el_lex_hit *v;
    size_t n, cap;
};

/*
 * Pass on the hits of a state's out field (see struct el_lex_slot), ending at byte offset end:
 * to cb, or, when cb is NULL, onto the end of b, which the document's scan keeps whole (no
 * call per hit). Inlined into each of the scan's two copies, where cb is a known NULL or not.
 */
__attribute__((always_inline)) static inline void report(uint32_t out, size_t end, el_lex_cb cb,
                                                         void *ctx, struct hitbuf *b)
{
    const struct el_lex_out *o = T->outs + (out - 1);
    uint32_t cnt = o->count;
    if (!cb) {
        if (b->n + cnt > b->cap) {
            size_t cap = b->cap; /* b's address stays in this function */
            b->v = xgrow(b->v, &cap, b->n + cnt, sizeof *b->v);
            b->cap = cap;
        }
        el_lex_hit *h = b->v + b->n;
        b->n += cnt;
        for (uint32_t i = 0; i < cnt; i++)
            h[i] = (el_lex_hit){end - o[i].len, end, o[i].entry, (enum el_lex_cat)o[i].cat};
        return;
    }
    for (uint32_t i = 0; i < cnt; i++) {
        el_lex_hit h = {end - o[i].len, end, o[i].entry, (enum el_lex_cat)o[i].cat};
        cb(ctx, &h);
    }
}

/*
 * One step per character: move the state *stp on by the character of class c, which ends at
 * byte offset end, and report the hits of the new state. class_at consumes either one byte or
 * a lead byte with its continuation bytes, so every byte a surface can start with (never a
 * continuation byte) begins a decoded character, and it decodes strictly (shortest form): a
 * character's class is nonzero only when its bytes are exactly the UTF-8 of a surface
 * character. The matches are therefore exactly the byte occurrences of the surfaces, as with
 * a byte automaton; anything invalid is class 0, which has no edge and sends the automaton
 * back to the root. Inlined into el_lex_scan and el_lex_scan_all, each with its own kind of
 * sink.
 *
 * The step is shaped for the branch predictor. Most characters either fail straight to the
 * root or are read at the root, and then whether they start a surface is a coin toss; that
 * outcome is selected without a branch (a mask), so the next state follows from the class
 * alone and the CPU runs on while the slot loads are in flight. Only the rarer outcomes
 * branch: an edge (the root's children have no check naming the root, so at the root this is
 * never taken: see struct el_lex_slot) and a failure to a state other than the root. Each
 * outcome tests for hits on its own branch, as their odds differ.
 */
__attribute__((always_inline)) static inline void step(const struct el_lex_slot *sl,
                                                       uint32_t nstart, uint32_t c, size_t end,
                                                       uint32_t *stp, el_lex_cb cb, void *ctx,
                                                       struct hitbuf *b)
{
    uint32_t st = *stp;
    uint32_t t = sl[st].base + c, f = sl[st].fail;
    if (__builtin_expect(sl[t].check == st, 0)) { /* an edge, inside a match */
        st = t;
        if (sl[st].out)
            goto out;
    } else if (__builtin_expect(f * c != 0, 0)) {
        /* a failure to another state (f * c: f && c as one branch) */
        st = next_state(sl, nstart, f, c);
        if (sl[st].out)
            goto out;
    } else { /* at or back to the root, whose edge on c leads to slot c */
        st = c & -(uint32_t)(c - 1 < nstart); /* a mask: compilers would branch on ?: */
        if (sl[st].out)
            goto out;
    }
    *stp = st;
    return;
out:
    *stp = st;
    report(sl[st].out, end, cb, ctx, b);
}

/*
 * The scan of s[0..n) from the root. The classes are read two characters ahead of the step:
 * a class costs three dependent loads (the bytes, the row, the block), and the step's
 * branches mispredict at the edges of matches, which throws away whatever follows them in
 * program order. Read before the step, the next characters' classes survive its
 * misprediction, so that the steps after it wait only on their slot loads. Over the bench
 * corpus's documents with the tables in cache this is 20% faster (one character ahead: 15%;
 * three ran out of registers); in the whole pipeline, where the tables are partly evicted
 * between documents, about 4%. Two automata interleaved over two halves of the text were
 * slower (10-15%): the branches then mispredict more, and the cold table lines stay.
 */
__attribute__((always_inline)) static inline void scan(const char *s, size_t n, el_lex_cb cb,
                                                       void *ctx, struct hitbuf *b)
{
    const unsigned char *p = (const unsigned char *)s, *q = p, *e = p + n;
    const unsigned char *lim = n > 3 ? e - 3 : p; /* q < lim: four bytes to read */
    const uint16_t *cls = T->cls;
    const struct el_lex_slot *sl = T->slots;
    const uint32_t nstart = T->nstart;
    uint32_t st = 0;
    if (q < lim) {
        /* c0, c1: the classes of the next two characters to step on, ending at e0, e1 */
        uint32_t c0 = class_at(cls, &q, e);
        const unsigned char *e0 = q;
        if (q < lim) {
            uint32_t c1 = class_at(cls, &q, e);
            const unsigned char *e1 = q;
            while (q < lim) {
                uint32_t c2 = class_at(cls, &q, e);
                step(sl, nstart, c0, (size_t)(e0 - p), &st, cb, ctx, b);
                c0 = c1;
                e0 = e1;
                c1 = c2;
                e1 = q;
            }
            step(sl, nstart, c0, (size_t)(e0 - p), &st, cb, ctx, b);
            c0 = c1;
            e0 = e1;
        }
        step(sl, nstart, c0, (size_t)(e0 - p), &st, cb, ctx, b);
    }
    /* the last bytes, too few for class_at */
    while (q < e) {
        uint32_t r = class_slow(q, e);
        q += r & 7;
        st = next_state(sl, nstart, st, r >> 3);
        if (sl[st].out)
            report(sl[st].out, (size_t)(q - p), cb, ctx, b);
    }
}

void el_lex_scan(const char *s, size_t n, el_lex_cb cb, void *ctx)
{
    scan(s, n, cb, ctx, NULL);
}

void el_lex_scan_all(const char *s, size_t n, el_lex_hit **v, size_t *len, size_t *cap)
{
    struct hitbuf b = {*v, *len, *cap};
    scan(s, n, NULL, NULL, &b);
    *v = b.v;
    *len = b.n;
    *cap = b.cap;
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
        "quoteverb",   "parallel-frame", "thesis",         "exemplar",
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
