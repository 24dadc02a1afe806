/* SPDX-License-Identifier: MIT */
/*
 * Built-in lexicons: the gazetteer (provinces, prefecture-level cities, county-level
 * divisions with their short forms), policy speakers and documents, the style word lists,
 * and the classical-quote table. All surfaces live in ONE Aho–Corasick automaton generated
 * at build time by src/data/mklex.c (build/lexicon_data.c), so one linear pass over a text
 * finds every occurrence of every lexicon word; nothing is built at start-up.
 *
 *     el_lex_scan(text, len, on_hit, &state);    // on_hit sees every hit, overlaps included
 *     const el_lex_cand *c;
 *     size_t n = el_lex_place_candidates(hit->entry, &c);   // 朝阳区: 北京 and 长春
 *
 * Entry, place and province indexes are small dense integers valid for the life of the
 * process; strings returned are static NUL-terminated UTF-8.
 */
#ifndef EL_LEXICON_H
#define EL_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/** Category of a lexicon surface. A surface listed under two categories is two entries. */
enum el_lex_cat {
    EL_LEX_PLACE,
    EL_LEX_SPEAKER,
    EL_LEX_DOCUMENT,
    EL_LEX_METAPHOR,
    EL_LEX_COLLOQUIAL,
    EL_LEX_FIRSTPERSON,
    EL_LEX_CONTRAST,
    EL_LEX_COUNTERMEASURE,
    EL_LEX_CLOSING,
    EL_LEX_PROBLEM,
    EL_LEX_QUOTEVERB,
    EL_LEX_PARALLEL_FRAME,
    EL_LEX_THESIS,
    EL_LEX_EXEMPLAR,
    EL_LEX_NCATS
};

/** Bit of category c in a category mask (see el_doc_lex_scan_cats). */
#define EL_LEX_CAT_BIT(c) (1u << (c))
/** Mask of every category. */
#define EL_LEX_ALL_CATS ((1u << EL_LEX_NCATS) - 1)

/** The four standard economic regions. */
enum el_region { EL_REGION_EAST, EL_REGION_CENTRAL, EL_REGION_WEST, EL_REGION_NORTHEAST };

/** Administrative level of a place. */
enum el_place_level { EL_PLACE_PROVINCE, EL_PLACE_CITY, EL_PLACE_COUNTY };

/** Surface flags (of a place candidate, or of an entry: see el_lex_flags). */
enum {
    EL_LEX_FULL = 1,  /**< the official full name (浙江省, 鄞州区) */
    EL_LEX_SHORT = 2, /**< a short form (浙江, 鄞州, 黔东南州) */
    EL_LEX_WEAK = 4   /**< short form that is also an ordinary word or a 2-character county
                           short: trust it only right after its parent city/province */
};

/** One occurrence of a surface: bytes [start, end) of the scanned buffer. */
typedef struct el_lex_hit {
    size_t start, end;
    unsigned entry;
    enum el_lex_cat cat;
} el_lex_hit;

/** Hit callback; h is valid only during the call. */
typedef void (*el_lex_cb)(void *ctx, const el_lex_hit *h);

/**
 * One pass over s[0..n): calls cb for every occurrence of every surface (overlaps included),
 * in order of end offset, shorter first on equal ends (entries of one surface in category
 * order). Offsets are relative to s. Time linear in n + hits; no allocation. Any bytes are
 * accepted: surfaces are whole UTF-8 characters, so a match never splits a valid character.
 */
void el_lex_scan(const char *s, size_t n, el_lex_cb cb, void *ctx);
/**
 * el_lex_scan that appends the hits, in the same order, to the array *v of *len items (room
 * for *cap, grown with xgrow) instead of calling back: for a caller that keeps every hit.
 */
void el_lex_scan_all(const char *s, size_t n, el_lex_hit **v, size_t *len, size_t *cap);

/** Number of surface entries; entries are numbered 0..el_lex_nentries()-1. */
size_t el_lex_nentries(void);
/** The surface text of an entry. */
const char *el_lex_surface(unsigned entry);
/** Byte length of the surface of an entry. */
size_t el_lex_surface_len(unsigned entry);
/** Category of an entry. */
enum el_lex_cat el_lex_cat_of(unsigned entry);
/**
 * Flags of an entry: FULL and SHORT are the union over its place candidates; WEAK is set
 * only if every candidate is weak. Non-place entries have no flags (0).
 */
unsigned el_lex_flags(unsigned entry);
/** Identifier of a category as written in src/data/words.tsv ("place", "parallel-frame"…). */
const char *el_lex_cat_id(enum el_lex_cat c);

/**
 * A place record. name is the display name (杭州, 黔东南州, 鄞州区), full the official name.
 * province indexes el_lex_province(); city is the place index of the prefecture-level city,
 * or -1 for provinces, cities themselves and divisions directly under a province (the
 * districts of 北京/天津/上海/重庆, 济源, 仙桃, the 海南 and 新疆 直辖 counties).
 * Codes are 6-digit NBS codes (330212). city_code: for a county, its prefecture's code, or
 * its province's code when it sits directly under the province (110000 for 北京市朝阳区);
 * for a city, its own code; 0 for a province.
 */
typedef struct el_place {
    const char *name;
    const char *full;
    unsigned char level; /**< enum el_place_level */
    short province;
    int city;
    unsigned code;
    unsigned city_code;
} el_place;

/** One reading of a place surface: which place, with this surface's flags for it. */
typedef struct el_lex_cand {
    unsigned place;
    unsigned flags;
} el_lex_cand;

/** Place readings of an entry (0 and *out = NULL for non-place entries); sorted by place. */
size_t el_lex_place_candidates(unsigned entry, const el_lex_cand **out);
/** Number of place records. */
size_t el_lex_nplaces(void);
/** Place record idx (0 <= idx < el_lex_nplaces()). */
const el_place *el_lex_place(unsigned idx);
/** Whether place lies inside (or is) place ancestor: 鄞州区 within 宁波市 and 浙江省. */
int el_lex_place_within(unsigned place, unsigned ancestor);

/** A province-level division; place is its place-record index. */
typedef struct el_province {
    const char *full;
    const char *short_name;
    enum el_region region;
    unsigned code;
    unsigned place;
} el_province;

/** Number of provinces (31: mainland China, NBS). */
size_t el_lex_nprovinces(void);
/** Province idx (0 <= idx < el_lex_nprovinces()), in code order. */
const el_province *el_lex_province(int idx);
/** Region identifier: "east" "central" "west" "northeast". */
const char *el_region_id(enum el_region r);

/**
 * A quotable line: display text, its source (《淮南子·氾论训》) for a classical line, the
 * normalised key, and for a leader's saying (src/data/sayings.tsv) the speaker (习近平) in
 * place of a source. Exactly one of source and speaker is set.
 */
typedef struct el_classical {
    const char *text;
    const char *source;
    const char *key;
    const char *speaker;
} el_classical;

/** Number of classical quotations. */
size_t el_lex_nclassical(void);
/** Quotation i, in key order. */
const el_classical *el_lex_classical(size_t i);
/** Exact lookup of a normalised key (see el_lex_normalize), NULL if absent. O(log n). */
const el_classical *el_lex_classical_find(const char *key, size_t len);

/**
 * Normalise UTF-8 text into out (capacity >= n): drops punctuation (Unicode P*, half and
 * full width) and white space, copies everything else (invalid bytes included) unchanged.
 * Returns the output length; out is not NUL-terminated.
 */
size_t el_lex_normalize(const char *s, size_t n, char *out);

#ifdef EL_LEX_INTERNAL
/* Layout of the generated tables: shared by mklex's output and lexicon.c only. */

/*
 * The automaton runs over character classes: each distinct code point used in a surface is a
 * class 1..nclass, every other character (and every invalid byte) is class 0, which has no
 * edge. Classes 1..nstart are the characters some surface starts with. The class tables are
 * one array, cls, so that the scan keeps one pointer for them: the row offsets first, then
 * the classes of ASCII, an all-zero block of 64, and blocks of 64 classes. Class of code point
 * c: cls[EL_LEX_CLS_ASCII + c] below U+0080; for U+0800..U+FFFF, whose UTF-8 is the bytes
 * b0 b1 b2, cls[cls[(b1 & 0x3F) << 8 | (b0 & 0x0F)] + (b2 & 0x3F)]; otherwise binary search
 * in other_cp. The row entry, the offset in cls of a 64-class block (the zero block for the
 * rows no surface uses and for overlong forms), is indexed by the first two bytes as a
 * little-endian load has them, less 0x80E0: no shuffling of bits per character. Of each 256
 * entries only the 16 lead bytes E0..EF are used, so CJK (E4..E9) touches one 64-byte line of
 * rows per second byte.
 */
#define EL_LEX_CLS_ASCII 0x3F10  /* cls index of the class of U+0000 */
#define EL_LEX_CLS_ZERO 0x3F90   /* cls index of the all-zero block */
#define EL_LEX_CLS_BLOCKS 0x3FD0 /* cls index of the first block of a row */

/*
 * A double array. State s is slot s; the root is slot 0 with base 0, so its edge on class c,
 * which it has exactly when 1 <= c <= nstart, leads to slot c. The edge of s on class c
 * (c > 0) leads to slot t = slots[s].base + c exactly when slots[t].check == s (s > 0);
 * otherwise s has no such edge. check is 0xFFFF in free slots, in the root and in the root's
 * children (never a state: there are fewer than 0xFFFF slots), so that a step's edge test
 * fails at the root without a test of its own; the root's edges come from nstart. A slot
 * also holds the state's failure state and what to report in it, so that a step reads one
 * 8-byte slot (one cache line) per character: out, when nonzero, is 1 + the index in outs of
 * the first hit to report, the state's hits being the outs[out - 1].count from there on,
 * already in report order (shortest surface first).
 */
struct el_lex_slot {
    uint16_t base;
    uint16_t check;
    uint16_t fail;
    uint16_t out;
};

/* One entry to report: its index, the byte length of its surface, its category; count is the
   number of hits of the state in the first of a state's outs (each state has its own list). */
struct el_lex_out {
    uint32_t entry;
    uint16_t len;
    uint8_t cat;
    uint8_t count;
};

struct el_lex_entry {
    const char *surface;
    uint16_t len;
    uint8_t cat;
    uint8_t flags;
    uint32_t cand; /* first candidate in cands */
    uint32_t ncand;
};

struct el_lex_tables {
    uint32_t nclass;     /* K */
    uint32_t nstart;     /* classes 1..nstart start a surface */
    const uint16_t *cls; /* rows, ASCII, then blocks of 64 classes (see above) */
    uint32_t nother;
    const uint32_t *other_cp; /* sorted code points from U+0080 to U+07FF and above U+FFFF */
    const uint16_t *other_cls;
    uint32_t nslots; /* every base + K is below nslots */
    const struct el_lex_slot *slots;
    const struct el_lex_out *outs;
    uint32_t nentries;
    const struct el_lex_entry *entries;
    const el_lex_cand *cands;
    uint32_t nplaces;
    const el_place *places;
    uint32_t nprovinces;
    const el_province *provinces;
    uint32_t nclassical;
    const el_classical *classical;
};

extern const struct el_lex_tables el_lex_tables;
#endif

#endif
