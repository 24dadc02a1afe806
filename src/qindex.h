/* SPDX-License-Identifier: MIT */
/*
 * The index of the classical lines that quotes.c matches quotations against: entries for
 * every line and every run of whole clauses of a line (an exact hash and fuzzy chains by
 * first and last character), the clauses of every line, the works the sources name, the
 * three-character openings and endings of the clauses that a bare sentence is first tested
 * against, and the bit table of openings (open3) a clause amid a paragraph is first tested
 * against. It is computed from the lexicon at build time (src/data/mkqindex.c runs
 * el_qindex_build and writes the result as C, build/qindex_data.c): the program reads the
 * tables el_qindex points at and builds nothing at start-up.
 *
 * Internal: included by quotes.c, qindex.c (the builder), src/data/mkqindex.c (the generator)
 * and the unit tests. The helpers below are shared by the builder and the look-ups, which must
 * hash and walk keys alike.
 */
#ifndef EL_QINDEX_H
#define EL_QINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"
#include "util.h"

/* Shortest lexicon key (code points) matched as a clause run or fuzzily. */
#define CLAUSE_MIN_CP 6
/* Shortest quote (code points) the misquote search looks at. */
#define FUZZY_MIN_CP 4
/* Clauses of a lexicon line whose runs are index entries. */
#define LINE_MAX_CLAUSES 16
/* Bits of a keyset's bitmap. */
#define KEYSET_BITS 8192
/* log2 of the bits of the open3 table (4 KiB). */
#define OPEN3_BITS 15

/*
 * Lead-ins of the classical and saying lists of quotes.c that are not its bare lead-ins,
 * looked for only where a clause starts (古人讲天下难事，必作于易；…): scan_mid takes whole
 * clauses after them. An X-macro list, X("古人讲") …, so that quotes.c (which looks for them)
 * and the builder (which puts their nine bytes in open3) read the same words.
 */
/* clang-format off */
#define QINDEX_MID_LEADS(X)                                                                        \
    X("古人讲") X("古人曰") X("古语讲") X("古训云") X("先贤云") X("俗语说") X("常言说") X("老话说")
/* clang-format on */

/*
 * Entries are the lexicon lines themselves (full) and every run of whole clauses of a line
 * with at least CLAUSE_MIN_CP code points, so “天下大事，必作于细” matches the longer line
 * it belongs to. A clause is a run of kept characters, so the key of a run of clauses is a
 * slice of the line's own key (el_classical.key, which a unit test holds equal to
 * el_lex_normalize of the text). A hash table finds exact keys; chains by first and by last
 * character and length give the fuzzy candidates.
 *
 * The clauses of every line are kept as well, hashed by their key without a leading
 * connective (而 故 则 乃): writers drop clauses (少年智则国智，少年强则国强 keeps the first
 * and third of 梁启超's line) and add or drop a connective (治国有常，而利民为本), and such a
 * quote is found clause by clause, never taken for a misquote of the contiguous clauses it
 * happens to be two characters from. A misquote is likewise judged clause by clause.
 */
struct centry {
    uint64_t chars;      /* the characters of its key (char_bit) */
    uint32_t line;       /* index for el_lex_classical() */
    uint32_t toff, tlen; /* the entry's slice of the line's display text */
    uint32_t koff, klen; /* normalised key: a slice of the line's key (centry_key) */
    uint32_t ncp;
    uint32_t nclause; /* clauses of the line it spans */
    bool full;
};

/* A fuzzy candidate: entry ent, whose key starts (or ends) with cp and has ncp code points;
 * ocp is the character at its other end; chars the set of its characters (char_bit); next in
 * its chain + 1. */
struct cpref {
    uint64_t chars;
    uint32_t cp, ocp, ncp, ent, next;
};

/* Chains of candidates by code point and length: head[cp_slot(cp, ncp, cmask)] is a ref
 * index + 1, 0 = none. */
struct cpchain {
    const uint32_t *head;
    const struct cpref *ref;
};

/*
 * One clause of a lexicon line: its display text and key offsets, the code points of the key
 * before and after it, and its matching key key[ms..ke) (past a leading connective) of mcp
 * code points; next is the next clause with the same hash slot + 1.
 */
struct lclause {
    uint64_t chars; /* the characters of its key (char_bit) */
    uint32_t ts, te, ks, ke, cp0, cp1;
    uint32_t ms, mcp, line, next;
};

/* The name of a classical work as the sources write it (论语·学而, 论语, 学而): the slice
 * [off, off + n) of line's source; n 0 marks an empty slot. */
struct ctitle {
    uint32_t line, off, n;
};

/* A set of numbers other than 0, open addressing; 0 = empty slot. The bitmap (a bit per
   hash, 1 KiB: it stays in cache between blocks, the slots do not) answers most misses. */
struct keyset {
    const uint64_t *v;
    size_t mask;
    uint64_t bits[KEYSET_BITS / 64];
};

/* The whole index. */
struct el_qindex {
    const struct centry *e;
    size_t ne;
    const uint32_t *slots; /* entry index + 1; 0 = empty */
    size_t mask;
    size_t maxklen; /* longest key: longer clause runs of a quote cannot match */
    size_t minncp;  /* fewest code points a matching text can have */
    struct cpchain byfirst, bylast;
    size_t nref;              /* refs in each chain */
    size_t cmask;             /* chain heads - 1 */
    const struct lclause *cl; /* the clauses of all lines, line by line */
    size_t ncl;
    const uint32_t *cl0;    /* first clause of each line in cl; cl0[nlines] = ncl */
    const uint32_t *clhead; /* clause index + 1 by hash of the matching key; 0 = none */
    size_t clmask;
    const struct ctitle *titles; /* open addressing */
    size_t tmask;
    /* The first three characters of every clause of the lines that are not leaders' sayings
       (and of the clause past a leading connective), the last three before every clause end,
       as chars3 values; and the longest line's text in bytes. */
    struct keyset starts, ends;
    size_t maxtlen;
    /* The three characters a clause must open with for quotes.c's scan_mid to look at it: the
       nine bytes of every key in starts and of every QINDEX_MID_LEADS word, as a bit per hash
       (open3_bit; about one bit in twenty set), so that nearly every clause of an essay is
       passed over with one table test. */
    uint64_t open3[((size_t)1 << OPEN3_BITS) / 64];
};

/* The index of the built-in lexicon, generated at build time (build/qindex_data.c). */
extern const struct el_qindex el_qindex;

/* The key of entry e. Keys and titles are kept as offsets into the lexicon's strings, so the
 * generated tables hold no pointer the loader would have to relocate. */
static inline const char *centry_key(const struct centry *e)
{
    return el_lex_classical(e->line)->key + e->koff;
}

/* The text of title t. */
static inline const char *ctitle_text(const struct ctitle *t)
{
    return el_lex_classical(t->line)->source + t->off;
}

/* Compute the index of the built-in lexicon into *q (the generator and the tests); its arrays
 * are allocated, freed by el_qindex_free. */
void el_qindex_build(struct el_qindex *q);
void el_qindex_free(struct el_qindex *q);

/*
 * A character as one of 64 bits, so that a set of characters fits a word. An edit accounts
 * for at most one character of a quote that an entry lacks, so the bits of the quote's set
 * outside the entry's (each at least one such character) bound their distance from below:
 * more than the edits allowed rule the entry out before edit_le2.
 */
static inline uint64_t char_bit(uint32_t c)
{
    return (uint64_t)1 << ((c * 0x9E3779B1u) >> 26);
}

/* The characters of s[0..n) as a set (char_bit). */
static inline uint64_t key_chars(const char *s, size_t n)
{
    uint64_t chars = 0;
    for (size_t i = 0, k; i < n; i += k)
        chars |= char_bit(el_text_cp(s, n, i, &k));
    return chars;
}

/* Hash of a key from its length and its first and last eight bytes: constant time per key
 * (the runs of one line differ at their ends); equal keys always collide, others rarely. */
static inline size_t key_hash(const char *s, size_t n)
{
    uint64_t a = 0, b = 0;
    if (n >= 8) { /* the usual key: two words, copies of a constant size the compiler inlines */
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else {
        memcpy(&a, s, n);
        memcpy(&b, s, n);
    }
    uint64_t h = (a ^ (uint64_t)n) * 0x9E3779B97F4A7C15u ^ b * 0xC2B2AE3D27D4EB4Fu;
    return (size_t)(h ^ h >> 31);
}

/* The chain head of the candidates starting (ending) with cp of ncp code points. */
static inline size_t cp_slot(uint32_t cp, size_t ncp, size_t cmask)
{
    return (size_t)(((cp * 0x9E3779B1u) ^ ((uint32_t)ncp * 0x85EBCA6Bu)) >> 7) & cmask;
}

/* Whether the k-byte character at t is the first one of key[0..kn). */
static inline bool key_starts_with(const char *key, size_t kn, const char *t, size_t k)
{
    return k <= kn && t[0] == key[0] && (k < 2 || t[1] == key[1]) && (k < 3 || t[2] == key[2]) &&
           (k < 4 || t[3] == key[3]);
}

/*
 * Bytes of a leading connective of the key k[0..n) of a clause of ncp code points, 0 if none:
 * 而 故 则 乃 夫, or the subject or connective words 君子 是以 是故. Writers add or drop one
 * without misquoting (治国有常，而利民为本 and 治国有常，利民为本 are the same line; 安而不忘危
 * quotes 君子安而不忘危); two characters or more stay after a one-character word (而已 keeps its
 * 而), four after a word of two (君子喻于义 keeps its 君子).
 */
static inline size_t connective(const char *k, size_t n, size_t ncp)
{
    if (ncp < 3 || n < 3)
        return 0;
    const unsigned char *u = (const unsigned char *)k;
    uint32_t v = (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
    if (v == 0xE8808C || v == 0xE69585 || v == 0xE58899 || v == 0xE4B983 || v == 0xE5A4AB)
        return 3;
    if (ncp < 6 || n < 6) /* four characters stay, enough to tell a misquote (喻于义) */
        return 0;
    uint32_t w = (uint32_t)u[3] << 16 | (uint32_t)u[4] << 8 | u[5];
    if ((v == 0xE5909B && w == 0xE5AD90) ||                  /* 君子 */
        (v == 0xE698AF && (w == 0xE4BBA5 || w == 0xE69585))) /* 是以 是故 */
        return 6;
    return 0;
}

/* The three characters at u[0..9) as a number (never 0) when they are three-byte
   characters; else 0. Three, not two: two (必须, 其次, 乡村) open too many sentences. */
static inline uint64_t chars3(const unsigned char *u)
{
    if (((u[0] & 0xF0) ^ 0xE0) | ((u[3] & 0xF0) ^ 0xE0) | ((u[6] & 0xF0) ^ 0xE0) |
        ((u[1] & 0xC0) ^ 0x80) | ((u[2] & 0xC0) ^ 0x80) | ((u[4] & 0xC0) ^ 0x80) |
        ((u[5] & 0xC0) ^ 0x80) | ((u[7] & 0xC0) ^ 0x80) | ((u[8] & 0xC0) ^ 0x80))
        return 0;
    uint64_t k = 0;
    for (int i = 0; i < 9; i += 3)
        k = k << 16 |
            (uint64_t)((u[i] & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu));
    return k;
}

static inline size_t keyset_slot(size_t mask, uint64_t key)
{
    return (size_t)(key * UINT64_C(0x9E3779B97F4A7C15) >> 40) & mask;
}

/* The bit of key in the bitmap: other bits of the hash than the slot's. */
static inline size_t keyset_bit(uint64_t key)
{
    return (size_t)(key * UINT64_C(0x9E3779B97F4A7C15) >> 51) & (KEYSET_BITS - 1);
}

/* The bit in open3 of the nine bytes at u: a multiplicative hash of the bytes as a word in the
   machine's byte order, like key_hash (the generator runs on the machine that builds). */
static inline size_t open3_bit(const unsigned char *u)
{
    uint64_t w;
    memcpy(&w, u, sizeof w);
    return (size_t)(((w ^ u[8]) * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - OPEN3_BITS));
}

/* Whether key (0: none) is in ks. */
static inline bool keyset_has(const struct keyset *ks, uint64_t key)
{
    size_t b = keyset_bit(key);
    if (!key || !(ks->bits[b / 64] >> (b % 64) & 1))
        return false;
    for (size_t h = keyset_slot(ks->mask, key); ks->v[h]; h = (h + 1) & ks->mask)
        if (ks->v[h] == key)
            return true;
    return false;
}

/*
 * The next clause of a lexicon line: its text t[*p..n) walked with its key key[*q..kn) (a
 * character of the text is kept exactly when it is the next one of the key), the dropped
 * marks before the clause passed over. The clause is t[*a..*p) and key[*ka..*q), of *ncp
 * code points; false when the text has no more clause.
 */
static inline bool next_clause(const char *t, size_t n, const char *key, size_t kn, size_t *p,
                               size_t *q, size_t *a, size_t *ka, size_t *ncp)
{
    size_t k;
    for (;;) {
        if (*p >= n)
            return false;
        *a = *p, *ka = *q, *ncp = 0;
        while (*p < n && (k = el_u8_len((unsigned char)t[*p])) <= n - *p &&
               key_starts_with(key + *q, kn - *q, t + *p, k)) {
            *p += k;
            *q += k;
            ++*ncp;
        }
        if (*p != *a)
            return true;
        *p += el_u8_len((unsigned char)t[*p]); /* a dropped mark */
    }
}

#endif
