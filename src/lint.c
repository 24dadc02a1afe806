/* SPDX-License-Identifier: MIT */
/*
 * The lint rules. Each rule reads the section tree and what the extractors
 * found (cases, statistics, quotes, devices, evidence flags) and raises
 * findings through el_finding_add(); a final pass then applies the
 * configuration, the inline suppression comments and the per-file cap, so
 * that no rule needs to know about any of them.
 *
 * Every scan here is linear in the text (hostile inputs: a 30 MB line, 200,000
 * unmatched quotation marks); work that compares claims against the whole text
 * is budgeted.
 */
#include "lint.h"

#include "config.h"
#include "lexicon.h"
#include "rules.h"
#include "section.h"
#include "stats.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

_Static_assert(EL_RULE_COUNT_ <= 64, "suppression masks hold one bit per rule");

/* Bytes of memmem work the notes rule may spend comparing claims against the essay. */
#define EL_NOTES_BUDGET ((size_t)200 << 20)
/* Most numbers of an essay indexed for the notes rule. */
#define EL_NOTES_MAX_NUMBERS 100000
/* Code points searched backwards for the speaker of a quotation. */
#define EL_SPEAKER_WINDOW 40
/* Longest quoted term of a note checked against the essay, in code points. */
#define EL_TERM_MAX 12
/* Bytes of a long offending run shown in a message. */
#define EL_SHOW_MAX 12

/* Byte offsets, as a growing array. */
typedef EL_VEC(size_t) offsets;

typedef struct lint {
    el_doc *doc;
    const el_config *cfg;           /* never NULL */
    el_suppress *sup;               /* inline suppression, NULL if none */
    size_t seen[EL_RULE_COUNT_];    /* findings raised per rule (after config and suppression) */
    size_t dropped[EL_RULE_COUNT_]; /* of those, beyond the cap */
    size_t drop_at[EL_RULE_COUNT_]; /* src offset of the first dropped one */
    int drop_sec[EL_RULE_COUNT_];
    int *para_sec;   /* section of each paragraph */
    int *note_sec;   /* section of each note */
    size_t span_off; /* plain offset of the span a callback scans */
    int span_sec;    /* its section */
    offsets opened;  /* room for the stack of open_marks, kept from span to span */
} lint;

static size_t cap_of(int rule)
{
    return rule == EL_RULE_QUOTE_UNBALANCED ? EL_LINT_MAX_UNBALANCED : EL_LINT_MAX_PER_RULE;
}

/*
 * Raise a finding unless its rule is off or suppressed on that line; past the rule's cap only
 * count it, so that a hostile input's millions of spots cost no memory.
 */
static void raise_at(lint *L, int rule, size_t src_off, int section, const char *arg)
{
    if (el_config_severity(L->cfg, rule) < 0)
        return;
    if (L->sup && el_suppress_match(L->sup, rule, src_off))
        return;
    if (L->seen[rule]++ >= cap_of(rule)) {
        if (L->dropped[rule]++ == 0) {
            L->drop_at[rule] = src_off;
            L->drop_sec[rule] = section;
        }
        return;
    }
    el_finding_add(L->doc, rule, src_off, section, arg);
}

static void add(lint *L, int rule, size_t plain_off, int section, const char *arg)
{
    raise_at(L, rule, el_doc_src(L->doc, plain_off), section, arg);
}

/* Write v in decimal at o, return the end (what "%zu" makes: a few thousand findings need
   their numbers, and snprintf parses its format for each). */
static char *put_num(char *o, size_t v)
{
    char d[24];
    size_t k = 0;
    do
        d[k++] = (char)('0' + v % 10);
    while ((v /= 10) > 0);
    while (k > 0)
        *o++ = d[--k];
    return o;
}

/* Write s (NUL-terminated) at o, return the end. */
static char *put_str(char *o, const char *s)
{
    size_t k = strlen(s);
    memcpy(o, s, k);
    return o + k;
}

/* Raise a finding whose argument is the numbers a, b and c (EL_ARG_SEP between). */
static void add_num(lint *L, int rule, size_t plain_off, int section, size_t a, size_t b, size_t c)
{
    char arg[80]; /* three numbers of at most 20 digits and two separators */
    char *o = put_num(arg, a);
    o = put_num(put_str(o, EL_ARG_SEP), b);
    o = put_num(put_str(o, EL_ARG_SEP), c);
    *o = '\0';
    add(L, rule, plain_off, section, arg);
}

static const char *str(const lint *L, el_span s)
{
    return el_doc_str(L->doc, s);
}

/* Plain offset where a section starts (its title or first paragraph); SIZE_MAX if neither. */
static size_t sec_start(const el_doc *doc, const el_section *s)
{
    if (s->title.len)
        return s->title.off;
    if (s->npara)
        return doc->paras.v[s->para0].txt.off;
    return SIZE_MAX;
}

/* Raise a finding at the start of section i (or of its source line). */
static void add_at_sec(lint *L, int rule, int i, const char *arg)
{
    const el_section *s = &L->doc->sections.v[i];
    size_t at = sec_start(L->doc, s);
    if (at != SIZE_MAX) {
        add(L, rule, at, i, arg);
    } else {
        size_t ln = s->line >= 1 && s->line <= L->doc->lines.n ? s->line - 1 : 0;
        raise_at(L, rule, L->doc->lines.n ? L->doc->lines.v[ln] : 0, i, arg);
    }
}

/* First occurrence of the three-byte sequence w in s[0..n), or NULL: memchr finds the lead
 * byte, rare in Chinese text for the marks looked for here (“ is E2 80 9C). */
static const char *find3(const char *s, size_t n, const char *w)
{
    for (const char *e = s + n; n >= 3;) {
        const char *p = memchr(s, w[0], n - 2);
        if (p == NULL)
            return NULL;
        if (p[1] == w[1] && p[2] == w[2])
            return p;
        s = p + 1;
        n = (size_t)(e - s);
    }
    return NULL;
}

static bool is_cjk_punct(uint32_t c)
{
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0x201C ||
           c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026 || c == 0x2014 || c == 0x00B7;
}

static bool is_cjk(uint32_t c)
{
    return el_text_is_han(c) || is_cjk_punct(c);
}

/* ---- structure ---------------------------------------------------------------------------- */

/* Title text without its argument marker and trailing punctuation/space. */
static el_span topic(const lint *L, el_span t)
{
    const char *s = str(L, t);
    int num;
    size_t m = el_section_arg_marker(s, t.len, &num);
    if (m > t.len)
        m = t.len;
    size_t a = m, z = t.len;
    while (z > a) {
        size_t st;
        uint32_t c = el_text_prev_cp(s, z, &st);
        if (el_text_is_han(c) || (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) ||
            (c >= '0' && c <= '9') || c == 0x201D || c == 0x300B || c == 0xFF09)
            break;
        z = st;
    }
    return (el_span){t.off + a, z - a};
}

#if defined(__SSE2__)
/* Bit j set where p[j] is neither a continuation byte nor a lead byte E4..EE (skip_letters'
 * test, on the sixteen bytes at p). */
static inline unsigned stops16(const char *p)
{
    /* as signed bytes: continuation bytes are below -64, E4..EE lie between E3 and EF */
    const __m128i cont = _mm_set1_epi8(-64), e3 = _mm_set1_epi8((char)0xE3),
                  ef = _mm_set1_epi8((char)0xEF);
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i dull = _mm_or_si128(_mm_cmplt_epi8(v, cont),
                                _mm_and_si128(_mm_cmpgt_epi8(v, e3), _mm_cmplt_epi8(v, ef)));
    return (unsigned)_mm_movemask_epi8(dull) ^ 0xFFFFu;
}
#endif

/*
 * Offset of the first byte of s[i..n) that is neither a continuation byte nor a lead byte
 * E4..EE (Han and the other letters: no mark, space or sentence end starts with these), n if
 * none: sixteen bytes a turn where SSE2 is there. In valid UTF-8 (as plain is), from a
 * character boundary, the bytes skipped are whole characters of three bytes each.
 */
static inline size_t skip_letters(const char *s, size_t n, size_t i)
{
#if defined(__SSE2__)
    while (n - i >= 16) {
        unsigned m = stops16(s + i);
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    /* the last bytes (and all, without SSE2): a letter at a time, its lead byte tested */
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xE4 && c <= 0xEE)
            i += 3;
        else if ((c & 0xC0) == 0x80)
            i++;
        else
            return i;
    }
    return n; /* (a letter cut short by the end: passed) */
}

/*
 * Whether the character at u (left bytes there) takes a cell of its own and is no sentence
 * end, nor space: a three-byte letter (lead E4..EE), or a mark of U+2010–U+2027 (“”‘’—…),
 * U+3001–U+303F but 。 (、《》【】) or U+FF00–U+FF3F but ！？ (，：；（）). The sentence
 * length rule counts these and looks at nothing else.
 */
static inline bool is_cell(const unsigned char *u, size_t left)
{
    if (left < 3)
        return false;
    if (u[0] >= 0xE4 && u[0] <= 0xEE)
        return true;
    if (u[0] == 0xE2)
        return u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0xA7;
    if (u[0] == 0xE3)
        return u[1] == 0x80 && u[2] != 0x80 && u[2] != 0x82;
    if (u[0] == 0xEF)
        return u[1] == 0xBC && u[2] != 0x81 && u[2] != 0x9F;
    return false;
}

#if defined(__SSE2__)
/* Bytes that must be readable at p for noncells16: the sixteen and the two after them. */
#define CELLS_READ 18

/*
 * Bit j set where p[j] is a lead byte (or ASCII) of a character that is not is_cell: is_cell's
 * test of all three bytes, for the sixteen bytes at p at once (three loads of p[0..18), no
 * branch). A continuation byte is never set, so the mask is right from any offset.
 */
static inline unsigned noncells16(const char *p)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    const __m128i second = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
    const __m128i third = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
    /* as signed bytes: continuation bytes are below -64, E4..EE lie between E3 and EF */
    __m128i lead = _mm_cmpgt_epi8(v, _mm_set1_epi8(-65));
    __m128i cell = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xE3)),
                                 _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xEF)));
    __m128i mid80 = _mm_cmpeq_epi8(second, _mm_set1_epi8((char)0x80));
    /* E2 80 90..A7 (“”‘’—…): the third byte with its top bit flipped is 0x10..0x27 */
    __m128i t = _mm_xor_si128(third, _mm_set1_epi8((char)0x80));
    __m128i dash = _mm_and_si128(_mm_cmpgt_epi8(t, _mm_set1_epi8(0x0F)),
                                 _mm_cmplt_epi8(t, _mm_set1_epi8(0x28)));
    cell = _mm_or_si128(cell, _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)),
                                            _mm_and_si128(mid80, dash)));
    /* E3 80 xx but the ideographic space and 。 */
    __m128i e3 = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3)), mid80);
    e3 = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(third, _mm_set1_epi8((char)0x80)),
                                       _mm_cmpeq_epi8(third, _mm_set1_epi8((char)0x82))),
                          e3);
    /* EF BC xx but ！ and ？ */
    __m128i ef = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)),
                               _mm_cmpeq_epi8(second, _mm_set1_epi8((char)0xBC)));
    ef = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(third, _mm_set1_epi8((char)0x81)),
                                       _mm_cmpeq_epi8(third, _mm_set1_epi8((char)0x9F))),
                          ef);
    cell = _mm_or_si128(cell, _mm_or_si128(e3, ef));
    return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(cell, lead));
}
#endif

/*
 * Offset of the first character of s[i..n) that is not is_cell, n if none (i at a character
 * boundary); every character skipped is three bytes. Sixteen bytes a turn where SSE2 is there
 * (noncells16: the marks that are cells, ，、“” and the like, cost no stop), the last ones a
 * character at a time. Inlined into its callers, which call it once a sentence: a call would
 * set up the block test's constants each time.
 */
__attribute__((always_inline)) static inline size_t skip_cells(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
#if defined(__SSE2__)
    for (; n - i >= CELLS_READ; i += 16) {
        unsigned m = noncells16(s + i);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    while (i < n && (u[i] & 0xC0) == 0x80) /* the end of a character the last block passed */
        i++;
#endif
    for (;;) {
        i = skip_letters(s, n, i);
        if (i >= n || !is_cell(u + i, n - i))
            return i;
        i += 3;
    }
}

/* Grid count of s[0..n): its code points that are not space (el_text_count's chars). */
static size_t grid_count(const char *s, size_t n)
{
    size_t c = 0, k;
    for (size_t i = 0; i < n; i += k) {
        size_t run = i;
        i = skip_cells(s, n, i);
        c += (i - run) / 3; /* letters and most marks take a cell each */
        if (i >= n)
            break;
        c += !el_text_is_space(el_text_cp(s, n, i, &k));
    }
    return c;
}

/*
 * Punctuation signature of a title: its clause separators in order, half and full width
 * folded. Quotation marks and whatever they enclose are left out: “加速度” and “最后一公里”
 * decorate the same frame.
 */
static size_t signature(const char *s, size_t n, char *sig, size_t cap)
{
    size_t o = 0, k;
    int depth = 0;
    for (size_t i = skip_letters(s, n, 0); i < n && o + 1 < cap; i = skip_letters(s, n, i + k)) {
        uint32_t c = el_text_cp(s, n, i, &k); /* (no mark is a letter) */
        char m = 0;
        if (c == 0x201C || c == 0x300A || c == 0xFF08 || c == '(') {
            depth++;
            continue;
        }
        if (c == 0x201D || c == 0x300B || c == 0xFF09 || c == ')') {
            depth -= depth > 0;
            continue;
        }
        if (depth > 0)
            continue;
        if (c == 0xFF0C || c == ',')
            m = ',';
        else if (c == 0x3001)
            m = '`';
        else if (c == 0xFF1B || c == ';')
            m = ';';
        else if (c == 0xFF1A || c == ':')
            m = ':';
        else if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?')
            m = '.';
        else if (c == 0x2014)
            m = '-';
        if (m)
            sig[o++] = m;
    }
    sig[o] = '\0';
    return o;
}

static void rule_argument_parallel(lint *L)
{
    el_doc *doc = L->doc;
    size_t n = 0, lmin = SIZE_MAX, lmax = 0;
    int first = -1;
    bool same_sig = true, same_head = true;
    char sig0[32] = "", sig[32];
    uint32_t head0 = 0;
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        if (s->kind != EL_SEC_ARGUMENT || s->title.len == 0)
            continue;
        el_span t = topic(L, s->title);
        if (t.len == 0)
            continue;
        size_t chars = grid_count(str(L, t), t.len), k;
        lmin = chars < lmin ? chars : lmin;
        lmax = chars > lmax ? chars : lmax;
        signature(str(L, t), t.len, sig, sizeof sig);
        uint32_t head = el_text_cp(str(L, t), t.len, 0, &k);
        if (n == 0) {
            first = (int)i;
            memcpy(sig0, sig, sizeof sig);
            head0 = head;
        } else {
            same_sig = same_sig && strcmp(sig, sig0) == 0;
            same_head = same_head && head == head0;
        }
        n++;
    }
    if (n < 2)
        return;
    bool len_bad = lmax * 10 > lmin * 16;
    bool frame_bad = !same_sig && !same_head;
    if (!len_bad && !frame_bad)
        return;
    char arg[256], *o = arg; /* (put_num, put_str: no format parsed for a few numbers) */
    if (len_bad) {
        o = put_num(put_str(o, "长短悬殊（最长 "), lmax);
        o = put_str(put_num(put_str(o, " 字，最短 "), lmin), " 字）");
        if (frame_bad)
            o = put_str(o, "，句式也不一致");
        o = put_num(put_str(o, EL_ARG_LANG "lengths differ ("), lmax);
        o = put_str(put_num(put_str(o, " against "), lmin), " characters)");
        if (frame_bad)
            o = put_str(o, " and so do their frames");
    } else {
        o = put_str(o, "句式不一致（标点格局与开头用词都不同）" EL_ARG_LANG
                       "frames differ (neither punctuation pattern nor opening word is shared)");
    }
    *o = '\0';
    add_at_sec(L, EL_RULE_STRUCTURE_ARGUMENT_PARALLEL, first, arg);
}

/*
 * A set of Han bigrams (two code points packed in 64 bits), open addressing, with a filter
 * over their first code points. The set holds the pairs of what is short (titles, the quoted
 * terms of notes) and the long text is scanned against it: most pairs of that text fail on
 * one bit of the filter, no table sized to the essay is cleared, and few cache lines are hit.
 */
typedef struct bigrams {
    uint64_t *v;         /* 0 = empty; PAIR_SEEN marks a pair that a BIGRAM_MARK scan found */
    size_t cap;          /* power of two */
    unsigned shift;      /* 64 - log2(cap): a pair's slot is the top bits of its hash */
    size_t n, seen;      /* pairs in the set; of those, found by BIGRAM_MARK scans */
    uint64_t first[64];  /* bit a % 4096 set: some pair of the set starts with a */
    uint64_t second[64]; /* bit b % 4096 set: some pair of the set ends with b */
    uint64_t either[64]; /* first | second: a character at either end of some pair */
    uint64_t local[256]; /* v for a set that fits (a title and its headings) */
} bigrams;

/* Flag on a stored pair (code points need 21 bits, so bit 63 is free). */
#define PAIR_SEEN ((uint64_t)1 << 63)

/* What each_bigram does with the pairs of a text. */
enum { BIGRAM_INSERT, BIGRAM_ANY, BIGRAM_MARK };

/* Make set empty, with room for max pairs at most half full (set must not move after). */
static void bigrams_init(bigrams *set, size_t max)
{
    set->cap = 16;
    set->shift = 64 - 4;
    while (set->cap < (max + 1) * 2)
        set->cap *= 2, set->shift--;
    if (set->cap <= sizeof set->local / sizeof set->local[0]) {
        set->v = set->local;
        memset(set->v, 0, set->cap * sizeof *set->v);
    } else {
        set->v = xcalloc(set->cap, sizeof *set->v);
    }
    set->n = set->seen = 0;
    memset(set->first, 0, sizeof set->first);
    memset(set->second, 0, sizeof set->second);
    memset(set->either, 0, sizeof set->either);
}

static void bigrams_free(bigrams *set)
{
    if (set->v != set->local)
        free(set->v);
    set->v = NULL;
}

/* Whether the pair key is a function-word pair (我们, 进行, 因此 …) that echoes nothing. Asked
   only of the pairs a scan finds in its set: the code points are compared as they are. */
static bool stop_bigram(uint64_t key)
{
    static const uint32_t stop[][2] = {
        {0x6211, 0x4EEC} /* 我们 */, {0x4ED6, 0x4EEC} /* 他们 */, {0x4E00, 0x4E2A} /* 一个 */,
        {0x8FD9, 0x4E2A} /* 这个 */, {0x90A3, 0x4E2A} /* 那个 */, {0x8FDB, 0x884C} /* 进行 */,
        {0x4EE5, 0x53CA} /* 以及 */, {0x5C31, 0x662F} /* 就是 */, {0x4E0D, 0x662F} /* 不是 */,
        {0x53EF, 0x4EE5} /* 可以 */, {0x9700, 0x8981} /* 需要 */, {0x6CA1, 0x6709} /* 没有 */,
        {0x5DF2, 0x7ECF} /* 已经 */, {0x901A, 0x8FC7} /* 通过 */, {0x56E0, 0x6B64} /* 因此 */,
        {0x6240, 0x4EE5} /* 所以 */, {0x4F46, 0x662F} /* 但是 */, {0x5982, 0x679C} /* 如果 */,
        {0x56E0, 0x4E3A} /* 因为 */, {0x540C, 0x65F6} /* 同时 */, {0x800C, 0x4E14} /* 而且 */,
        {0x4E0D, 0x65AD} /* 不断 */, {0x66F4, 0x52A0} /* 更加 */, {0x4E4B, 0x95F4} /* 之间 */,
        {0x4E4B, 0x4E2D} /* 之中 */, {0x65B9, 0x9762} /* 方面 */, {0x5176, 0x4E2D} /* 其中 */,
        {0x53EA, 0x6709} /* 只有 */, {0x624D, 0x80FD} /* 才能 */, {0x4E3A, 0x4E86} /* 为了 */,
    };
    uint32_t a = (uint32_t)(key >> 32), b = (uint32_t)key;
    for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
        if (stop[i][0] == a && stop[i][1] == b)
            return true;
    return false;
}

/* The slot that holds key (PAIR_SEEN aside), or the empty one where it would go. The top bits
   of the product depend on both code points (bits in the middle depended on the second
   alone, so that the pairs ending in one character, x的, x展, shared one run of slots). */
static inline uint64_t *bigram_slot(const bigrams *set, uint64_t key)
{
    size_t h = (size_t)((key * 0x9E3779B97F4A7C15u) >> set->shift);
    while (set->v[h] != 0 && (set->v[h] & ~PAIR_SEEN) != key)
        h = (h + 1) & (set->cap - 1);
    return &set->v[h];
}

/* Add the pair a, b to set (inline in each_bigram's loop, where most pairs are added). */
static inline void bigram_insert(bigrams *set, uint32_t a, uint32_t b)
{
    uint64_t key = (uint64_t)a << 32 | b, *slot = bigram_slot(set, key);
    if (*slot == 0) {
        *slot = key;
        set->n++;
        set->first[a / 64 % 64] |= (uint64_t)1 << (a % 64);
        set->second[b / 64 % 64] |= (uint64_t)1 << (b % 64);
        set->either[a / 64 % 64] |= (uint64_t)1 << (a % 64);
        set->either[b / 64 % 64] |= (uint64_t)1 << (b % 64);
    }
}

/* Handle the pair a, b of a text (see each_bigram); true when the scan may stop. */
static bool bigram_visit(bigrams *set, uint32_t a, uint32_t b, int mode)
{
    uint64_t key = (uint64_t)a << 32 | b, *slot;
    if (mode == BIGRAM_INSERT) {
        bigram_insert(set, a, b);
        return false;
    }
    slot = bigram_slot(set, key);
    if (*slot == 0)
        return false;
    if (mode == BIGRAM_ANY)
        return !stop_bigram(key);
    if (*slot & PAIR_SEEN)
        return false;
    *slot |= PAIR_SEEN;
    set->seen++;
    return true;
}

/* bigram_visit of the pair at s[i] when both its characters are Han, else false. */
static bool pair_at(const char *s, size_t n, size_t i, bigrams *set, int mode)
{
    size_t ka, kb;
    uint32_t a = el_text_cp(s, n, i, &ka);
    if (!el_text_is_han(a) || i + ka >= n)
        return false;
    uint32_t b = el_text_cp(s, n, i + ka, &kb);
    return el_text_is_han(b) && bigram_visit(set, a, b, mode);
}

/* Whether the filter bits (a % 4096, see probe_bigrams) of the character of u[0..left) that
   starts the text are set in f: false for a character of fewer than three bytes (no Han). */
static inline bool filter_at(const uint64_t *f, const unsigned char *u, size_t left)
{
    size_t k = left ? el_u8_len(u[0]) : 0;
    return k >= 3 && left >= k && (f[u[k - 2] & 0x3Fu] >> (u[k - 1] & 0x3Fu) & 1);
}

/*
 * Whether u[0], u[3], u[6] and u[9] all lead three-byte characters (E0..EF), for left >= 12
 * bytes at u: probe_bigrams' test of four characters a turn, from one load where SSE2 is there
 * and sixteen bytes are.
 */
static inline bool four_leads(const unsigned char *u, size_t left)
{
#if defined(__SSE2__)
    if (left >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
        __m128i top = _mm_and_si128(v, _mm_set1_epi8((char)0xF0));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(top, _mm_set1_epi8((char)0xE0)));
        return (m & 0x249u) == 0x249u;
    }
#endif
    (void)left;
    return u[0] - 0xE0u < 0x10u && u[3] - 0xE0u < 0x10u && u[6] - 0xE0u < 0x10u &&
           u[9] - 0xE0u < 0x10u;
}

/* Whether the filter bit (a % 4096) of the three-byte character at u is set in f. */
static inline bool filter3(const uint64_t *f, const unsigned char *u)
{
    return f[u[1] & 0x3Fu] >> (u[2] & 0x3Fu) & 1;
}

/*
 * The pairs of adjacent Han characters of s[0..n) that may be in set (BIGRAM_ANY or
 * BIGRAM_MARK, see each_bigram), visited in order; when a visit stops the scan, true, and *at
 * gets the offset of the pair's second character (where a scan may go on). A pair is decoded
 * only where both its characters pass a filter of the set (set->first, set->second), whose
 * bit for a code point a is a % 4096: the low six bits of the last two bytes of a 3- or 4-byte
 * character, read without decoding it. So the scan steps through the text by lead bytes
 * (plain is valid UTF-8), and tests one bit for nearly every character.
 */
static bool probe_bigrams(const char *s, size_t n, bigrams *set, int mode, size_t *at)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = el_u8_len(u[i]);
        if (n - i < k)
            break; /* cut short: starts no pair */
        if (filter_at(set->first, u + i, n - i) && filter_at(set->second, u + i + k, n - i - k) &&
            pair_at(s, n, i, set, mode)) {
            *at = i + k;
            return true;
        }
        i += k;
        /* The run of three-byte characters after it (nearly the whole text), four characters
           c0..c3 a turn with two tests: a pair that ends in one of them has c0 or c2 at one of
           its ends, so unless set->either has c0 or c2, none of these pairs is in the set. The
           pairs are then visited in order: from the one ending in c0 (but in the first turn,
           where the step above has visited it) to the one ending in c3. */
        size_t run = i;
        for (; n - i >= 12 && four_leads(u + i, n - i); i += 12) {
            if (!(filter3(set->either, u + i) || filter3(set->either, u + i + 6)))
                continue;
            for (size_t j = i > run ? i - 3 : i; j < i + 9; j += 3)
                if (filter3(set->first, u + j) && filter3(set->second, u + j + 3) &&
                    pair_at(s, n, j, set, mode)) {
                    *at = j + 3;
                    return true;
                }
        }
        if (i > run)
            i -= 3; /* the pair that starts at c3 of the last turn */
        /* the last ones, and the pair each starts */
        for (; n - i >= 3 && u[i] - 0xE0u < 0x10u; i += 3)
            if (filter3(set->first, u + i) && filter_at(set->second, u + i + 3, n - i - 3) &&
                pair_at(s, n, i, set, mode)) {
                *at = i + 3;
                return true;
            }
    }
    return false;
}

/*
 * Visit every pair of adjacent Han characters of s[0..n) in mode: BIGRAM_INSERT adds them to
 * set; BIGRAM_ANY returns whether any of them is in the set, stop bigrams aside (they are
 * inserted like any other, as they only ever match themselves, and skipped when found, so
 * that the stop list is consulted only on a match); BIGRAM_MARK flags those in the set with
 * PAIR_SEEN and stops, true, at the first one it is the first to flag (*at: see probe_bigrams).
 */
static bool each_bigram(const char *s, size_t n, bigrams *set, int mode, size_t *at)
{
    if (mode != BIGRAM_INSERT)
        return probe_bigrams(s, n, set, mode, at);
    const unsigned char *u = (const unsigned char *)s;
    uint32_t prev = 0;
    size_t k;
    for (size_t i = 0; i < n;) {
        /* U+4E00–U+9FFF, nearly every character: el_text_han_run has checked the bytes, so
           they decode without el_text_cp's tests */
        for (size_t e = el_text_han_run(s, n, i); i < e; i += 3) {
            uint32_t c = (u[i] & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu);
            if (prev)
                bigram_insert(set, prev, c);
            prev = c;
        }
        if (i >= n)
            break;
        uint32_t c = el_text_cp(s, n, i, &k);
        i += k;
        if (!el_text_is_han(c)) {
            prev = 0;
            continue;
        }
        if (prev)
            bigram_insert(set, prev, c);
        prev = c;
    }
    return false;
}

/* Whether a paragraph of the conclusion sections has a pair of set, stop bigrams aside. */
static bool conclusion_has(lint *L, bigrams *set)
{
    el_doc *doc = L->doc;
    size_t at;
    bool echo = false;
    for (size_t i = 0; i < doc->sections.n && !echo && set->n; i++) {
        const el_section *s = &doc->sections.v[i];
        if (s->kind != EL_SEC_CONCLUSION)
            continue;
        for (size_t p = s->para0; p < s->para0 + s->npara && !echo; p++)
            echo = each_bigram(str(L, doc->paras.v[p].txt), doc->paras.v[p].txt.len, set,
                               BIGRAM_ANY, &at);
    }
    return echo;
}

static void rule_conclusion_echo(lint *L)
{
    el_doc *doc = L->doc;
    int conc = -1;
    size_t keylen = doc->title.len + doc->theme.len;
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        if (s->kind == EL_SEC_CONCLUSION && s->npara && conc < 0)
            conc = (int)i;
        if (s->kind == EL_SEC_ARGUMENT)
            keylen += s->title.len;
    }
    if (conc < 0 || keylen == 0)
        return;
    bigrams set;
    size_t at;
    bool echo = false;
    /* The title's pairs alone first: most conclusions echo the title, whose pairs are a
       fraction of all the keys' (the headings' are most), and an echo of some of the keys is
       an echo of all of them. Only where the title is not echoed are the other keys needed. */
    if (doc->title.len && doc->title.len < keylen) {
        bigrams_init(&set, doc->title.len / 3);
        each_bigram(str(L, doc->title), doc->title.len, &set, BIGRAM_INSERT, &at);
        echo = conclusion_has(L, &set);
        bigrams_free(&set);
    }
    if (!echo) {
        bigrams_init(&set, keylen / 3); /* a Han character is at least three bytes */
        each_bigram(str(L, doc->title), doc->title.len, &set, BIGRAM_INSERT, &at);
        each_bigram(str(L, doc->theme), doc->theme.len, &set, BIGRAM_INSERT, &at);
        for (size_t i = 0; i < doc->sections.n; i++) {
            const el_section *s = &doc->sections.v[i];
            if (s->kind == EL_SEC_ARGUMENT)
                each_bigram(str(L, s->title), s->title.len, &set, BIGRAM_INSERT, &at);
        }
        echo = conclusion_has(L, &set);
        bigrams_free(&set);
    }
    if (!echo)
        add_at_sec(L, EL_RULE_STRUCTURE_CONCLUSION_ECHO, conc, NULL);
}

static void rules_structure(lint *L)
{
    el_doc *doc = L->doc;
    if (doc->title.len == 0)
        raise_at(L, EL_RULE_STRUCTURE_TITLE_MISSING, 0, -1, NULL);
    if (doc->paras.n == 0)
        return;
    size_t nintro = 0, narg = 0, nconc = 0;
    int first_arg = -1;
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        nintro += s->kind == EL_SEC_INTRO;
        nconc += s->kind == EL_SEC_CONCLUSION;
        if (s->kind == EL_SEC_ARGUMENT) {
            narg++;
            if (first_arg < 0)
                first_arg = (int)i;
        }
    }
    const el_para *p0 = &doc->paras.v[0], *pn = &doc->paras.v[doc->paras.n - 1];
    if (nintro == 0)
        add(L, EL_RULE_STRUCTURE_INTRO_MISSING, p0->txt.off, L->para_sec[0], NULL);
    if (nconc == 0)
        add(L, EL_RULE_STRUCTURE_CONCLUSION_MISSING, pn->txt.off, L->para_sec[doc->paras.n - 1],
            NULL);
    if (narg < 2 || narg > 4) {
        char arg[32];
        *put_num(arg, narg) = '\0';
        if (first_arg >= 0)
            add_at_sec(L, EL_RULE_STRUCTURE_ARGUMENT_COUNT, first_arg, arg);
        else
            add(L, EL_RULE_STRUCTURE_ARGUMENT_COUNT, p0->txt.off, L->para_sec[0], arg);
    }
    rule_argument_parallel(L);
    rule_conclusion_echo(L);
}

/* ---- length ------------------------------------------------------------------------------- */

/*
 * el_text_sentence_end(s, n) and the grid count of that sentence (el_text_count's chars) in
 * one pass: the end just past a newline, or past a final mark and the marks and closers
 * right after it, else n.
 */
static size_t sentence_chars(const char *s, size_t n, size_t *chars)
{
    size_t i = 0, c = 0, k;
    while (i < n) {
        /* Letters and the marks inside a sentence, nearly every character: counted, never an
           end. */
        size_t run = i;
        i = skip_cells(s, n, i);
        c += (i - run) / 3;
        if (i >= n)
            break;
        uint32_t cp = el_text_cp(s, n, i, &k);
        i += k;
        if (cp == '\n')
            break;
        c += !el_text_is_space(cp);
        if (el_text_is_sentence_end(cp) || (cp == '.' && el_text_dot_ends(s, n, i - 1))) {
            size_t tail; /* marks and closers are never space */
            i = el_text_end_tail(s, n, i, &tail);
            c += tail;
            break;
        }
    }
    *chars = c;
    return i;
}

/* Receives a sentence longer than the limit: its offset in the paragraph and grid count. */
typedef void (*long_fn)(void *ctx, size_t off, size_t chars);

/*
 * Call fn for each sentence of the paragraph s[0..n) (grid count chars) whose grid count is
 * over max, in order. A sentence's code points bound its grid count from above (only spaces
 * take no cell), so a sentence is counted (sentence_chars) only where they exceed max: the
 * walk otherwise asks el_text_sentence_end_ncp (the end and the code points in one pass),
 * which stops at sentence ends only. It ends once what is left of the
 * paragraph holds no more than max code points, as no sentence there can be too long.
 */
static void long_sentences(const char *s, size_t n, size_t chars, size_t max, long_fn fn, void *ctx)
{
    if (chars <= max)
        return;
    size_t rest = el_text_ncp(s, n); /* code points of s[a..n) */
    for (size_t a = 0; a < n && rest > max;) {
        size_t cps, c, e = a + el_text_sentence_end_ncp(s + a, n - a, &cps);
        if (cps > max && (e = a + sentence_chars(s + a, n - a, &c), c > max))
            fn(ctx, a, c);
        rest -= cps < rest ? cps : rest;
        a = e > a ? e : a + 1;
    }
}

/* A sentence that long_sentences found too long: the finding, in the paragraph L->span_off. */
static void long_sentence_at(void *ctx, size_t off, size_t chars)
{
    lint *L = ctx;
    char arg[64];
    *put_num(put_str(put_num(arg, chars), EL_ARG_SEP), L->cfg->sentence_max) = '\0';
    add(L, EL_RULE_LENGTH_SENTENCE, L->span_off + off, L->span_sec, arg);
}

static void rules_length(lint *L)
{
    el_doc *doc = L->doc;
    const el_config *cfg = L->cfg;
    size_t chars = doc->counts.chars;
    if (chars < cfg->len_min || chars > cfg->len_max)
        add_num(L, EL_RULE_LENGTH_TOTAL,
                doc->title.len ? doc->title.off
                : doc->paras.n ? doc->paras.v[0].txt.off
                               : 0,
                -1, chars, cfg->len_min, cfg->len_max);
    for (size_t i = 0; i < doc->paras.n; i++) {
        const el_para *p = &doc->paras.v[i];
        if (p->chars < cfg->para_min || p->chars > cfg->para_max)
            add_num(L, EL_RULE_LENGTH_PARAGRAPH, p->txt.off, L->para_sec[i], p->chars,
                    cfg->para_min, cfg->para_max);
        L->span_off = p->txt.off;
        L->span_sec = L->para_sec[i];
        long_sentences(str(L, p->txt), p->txt.len, p->chars, cfg->sentence_max, long_sentence_at,
                       L);
    }
}

/* ---- evidence ----------------------------------------------------------------------------- */

/* Order cases by initiative name, then by where they stand (the first use leads its group). */
static int by_case_key(const void *a, const void *b, void *ctx)
{
    const el_doc *doc = ctx;
    const el_case *x = &doc->cases.v[*(const size_t *)a], *y = &doc->cases.v[*(const size_t *)b];
    size_t m = x->name.len < y->name.len ? x->name.len : y->name.len;
    int c = memcmp(el_doc_str(doc, x->name), el_doc_str(doc, y->name), m);
    if (c != 0)
        return c;
    if (x->name.len != y->name.len)
        return x->name.len < y->name.len ? -1 : 1;
    return x->place.off < y->place.off ? -1 : x->place.off > y->place.off;
}

static bool same_name(const el_doc *doc, const el_case *x, const el_case *y)
{
    return x->name.len == y->name.len &&
           memcmp(el_doc_str(doc, x->name), el_doc_str(doc, y->name), x->name.len) == 0;
}

/*
 * Whether two places of one initiative are the same place written two ways: one inside the
 * other (湖北省武汉市, 武汉市, 武汉) and not in two different provinces.
 */
static bool same_place(const el_doc *doc, const el_case *x, const el_case *y)
{
    if (x->province >= 0 && y->province >= 0 && x->province != y->province)
        return false;
    const el_case *lo = x->place.len <= y->place.len ? x : y, *hi = lo == x ? y : x;
    return lo->place.len > 0 && memmem(el_doc_str(doc, hi->place), hi->place.len,
                                       el_doc_str(doc, lo->place), lo->place.len) != NULL;
}

/* Distinct places compared per initiative name: bounds the work on a hostile draft. */
#define EL_CASE_PLACES 16

/*
 * Whether two of the cases idx[0..n) have the same initiative name. Most drafts name each
 * initiative once: then no case repeats, and the sort by name is not needed. An open-addressed
 * set of the names (their index in cases), on the stack for a draft's few cases.
 */
static bool names_repeat(const el_doc *doc, const size_t *idx, size_t n)
{
    size_t local[64], cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    size_t *slot = cap <= 64 ? local : xmalloc(cap * sizeof *slot);
    for (size_t i = 0; i < cap; i++)
        slot[i] = SIZE_MAX;
    bool repeat = false;
    for (size_t i = 0; i < n && !repeat; i++) {
        const el_case *c = &doc->cases.v[idx[i]];
        const char *p = el_doc_str(doc, c->name);
        /* hashed on its length and last eight bytes (names differ most at the end: 城市书房,
           城市书屋); names that share these are told apart by same_name */
        size_t k = c->name.len < 8 ? c->name.len : 8;
        uint64_t w = 0;
        memcpy(&w, p + c->name.len - k, k);
        uint64_t h = (w ^ c->name.len) * 0x9E3779B97F4A7C15u;
        size_t at = (size_t)(h >> 40) & (cap - 1);
        while (slot[at] != SIZE_MAX && !repeat) {
            repeat = same_name(doc, &doc->cases.v[slot[at]], c);
            at = (at + 1) & (cap - 1);
        }
        slot[at] = idx[i];
    }
    if (slot != local)
        free(slot);
    return repeat;
}

static void rule_repeated_case(lint *L)
{
    el_doc *doc = L->doc;
    size_t n = 0;
    size_t *idx = xmalloc((doc->cases.n + 1) * sizeof *idx);
    for (size_t i = 0; i < doc->cases.n; i++)
        if (doc->cases.v[i].name.len && doc->cases.v[i].place.len)
            idx[n++] = i;
    if (n > 1 && !names_repeat(doc, idx, n))
        n = 0; /* each name once: no group of two */
    if (n > 1)
        qsort_r(idx, n, sizeof *idx, by_case_key, doc);
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && same_name(doc, &doc->cases.v[idx[a]], &doc->cases.v[idx[b]]))
            b++;
        const el_case *firsts[EL_CASE_PLACES]; /* the first use of each place of this name */
        size_t nfirst = 0;
        for (size_t j = a; j < b; j++) {
            const el_case *c = &doc->cases.v[idx[j]], *first = NULL;
            for (size_t k = 0; k < nfirst && first == NULL; k++)
                if (same_place(doc, firsts[k], c))
                    first = firsts[k];
            if (first == NULL) {
                if (nfirst < EL_CASE_PLACES)
                    firsts[nfirst++] = c;
                continue;
            }
            if (c->section == first->section)
                continue;
            size_t m = c->place.len + c->name.len + 8;
            char *arg = xmalloc(m);
            snprintf(arg, m, "%.*s“%.*s”", (int)c->place.len, str(L, c->place), (int)c->name.len,
                     str(L, c->name));
            add(L, EL_RULE_EVIDENCE_REPEATED_CASE, c->place.off, c->section, arg);
            free(arg);
        }
        a = b;
    }
    free(idx);
}

static void rule_region_coverage(lint *L)
{
    el_doc *doc = L->doc;
    static const char *const zh[] = {"东部", "中部", "西部", "东北"};
    size_t n = 0;
    int region = -1;
    const el_case *first = NULL;
    for (size_t i = 0; i < doc->cases.n; i++) {
        const el_case *c = &doc->cases.v[i];
        if (c->province < 0 || (size_t)c->province >= el_lex_nprovinces())
            continue;
        const el_province *pv = el_lex_province(c->province);
        if (pv == NULL)
            continue;
        if (n == 0) {
            region = (int)pv->region;
            first = c;
        } else if ((int)pv->region != region) {
            return;
        }
        n++;
    }
    if (n < 2 || region < 0 || region > 3)
        return;
    char arg[64];
    snprintf(arg, sizeof arg, "%s" EL_ARG_LANG "%s", zh[region],
             el_region_id((enum el_region)region));
    add(L, EL_RULE_EVIDENCE_REGION_COVERAGE, first->place.off, first->section, arg);
}

static void rules_evidence(lint *L)
{
    el_doc *doc = L->doc;
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        if (s->kind != EL_SEC_ARGUMENT || s->npara == 0)
            continue;
        char arg[32];
        if (s->index >= 0)
            *put_num(arg, (size_t)s->index) = '\0';
        else
            snprintf(arg, sizeof arg, "%d", s->index);
        if (!s->ev.has_case)
            add_at_sec(L, EL_RULE_EVIDENCE_NO_CASE, (int)i, arg);
        if (!s->ev.has_data)
            add_at_sec(L, EL_RULE_EVIDENCE_NO_DATA, (int)i, arg);
        if (!s->ev.has_measure)
            add_at_sec(L, EL_RULE_EVIDENCE_NO_COUNTERMEASURE, (int)i, arg);
    }
    rule_region_coverage(L);
    rule_repeated_case(L);
}

/* ---- spans of essay text ------------------------------------------------------------------ */

typedef void (*span_fn)(lint *L, const char *s, size_t n);
static void span_marks(lint *L, const char *s, size_t n);
static void heading_punct(lint *L, size_t i);

/* Run fn over the title and every paragraph, with L->span_off/span_sec set. */
static void each_span(lint *L, span_fn fn)
{
    el_doc *doc = L->doc;
    if (doc->title.len) {
        L->span_off = doc->title.off;
        L->span_sec = -1;
        fn(L, str(L, doc->title), doc->title.len);
    }
    size_t h = 0; /* the next section whose heading span_marks may scan */
    for (size_t i = 0; i < doc->paras.n; i++) {
        /* span_marks: the punctuation of the headings before the paragraph first, so that the
           findings are raised in text order (the per-rule cap keeps the first ones) */
        for (; fn == span_marks && h < doc->sections.n &&
               doc->sections.v[h].title.off < doc->paras.v[i].txt.off;
             h++)
            heading_punct(L, h);
        L->span_off = doc->paras.v[i].txt.off;
        L->span_sec = L->para_sec[i];
        fn(L, str(L, doc->paras.v[i].txt), doc->paras.v[i].txt.len);
    }
    for (; fn == span_marks && h < doc->sections.n; h++)
        heading_punct(L, h);
}

/* ---- quotes ------------------------------------------------------------------------------- */

/* The paired marks, each three bytes of UTF-8: “” 《》 （） 【】. */
#define EL_NPAIRS 4

/* Which pair s[i..] opens (+1+type) or closes (-1-type), 0 if neither. */
static inline int pair_mark(const char *s, size_t n, size_t i)
{
    if (n - i < 3)
        return 0;
    /* Asked at every E2, E3 and EF (，。、 too): the middle byte rules most out at once. */
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[1] == 0x80) {
        if (u[0] == 0xE2)
            return u[2] == 0x9C ? 1 : u[2] == 0x9D ? -1 : 0; /* “ ” */
        if (u[0] == 0xE3)
            return u[2] == 0x8A   ? 2  /* 《 */
                   : u[2] == 0x8B ? -2 /* 》 */
                   : u[2] == 0x90 ? 4  /* 【 */
                   : u[2] == 0x91 ? -4 /* 】 */
                                  : 0;
        return 0;
    }
    if (u[1] == 0xBC && u[0] == 0xEF)
        return u[2] == 0x88 ? 3 : u[2] == 0x89 ? -3 : 0; /* （ ） */
    return 0;
}

static void unbalanced_at(lint *L, const char *s, size_t off)
{
    char arg[4];
    memcpy(arg, s + off, 3);
    arg[3] = '\0';
    add(L, EL_RULE_QUOTE_UNBALANCED, L->span_off + off, L->span_sec, arg);
}

/* The paired marks still open in a span, for quote/unbalanced. */
typedef struct open_marks {
    offsets stack;           /* offsets of the openers, in order */
    size_t depth[EL_NPAIRS]; /* of those, how many of each pair */
} open_marks;

/* The mark m (pair_mark) at s[i]. Each mark is pushed and popped at most once: linear. */
static void mark_seen(lint *L, open_marks *O, const char *s, size_t n, size_t i, int m)
{
    if (m > 0) {
        *EL_VEC_PUSH(O->stack) = i;
        O->depth[m - 1]++;
        return;
    }
    int t = -m - 1;
    if (O->depth[t] == 0) {
        unbalanced_at(L, s, i);
        return;
    }
    /* Close the nearest opener of this type; openers above it are unmatched. */
    for (;;) {
        size_t o = O->stack.v[--O->stack.n];
        int ot = pair_mark(s, n, o) - 1;
        if (ot < 0 || ot >= 4)
            break; /* only openers are stacked */
        O->depth[ot]--;
        if (ot == t)
            break;
        unbalanced_at(L, s, o);
    }
}

/* The start of a span: no mark open, in the room the spans before used (no malloc each). */
static open_marks marks_start(lint *L)
{
    open_marks O = {.stack = L->opened};
    O.stack.n = 0;
    return O;
}

/* The end of the span: the openers left are unmatched. */
static void marks_end(lint *L, open_marks *O, const char *s)
{
    for (size_t k = 0; k < O->stack.n; k++)
        unbalanced_at(L, s, O->stack.v[k]);
    L->opened = O->stack;
}

static void span_unbalanced(lint *L, const char *s, size_t n)
{
    open_marks O = marks_start(L);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xE4 && c <= 0xEE) { /* Han and other letters: no mark starts with these */
            i += 3;
            continue;
        }
        int m = c == 0xE2 || c == 0xE3 || c == 0xEF ? pair_mark(s, n, i) : 0;
        if (m)
            mark_seen(L, &O, s, n, i, m);
        i += m ? 3 : el_u8_len(c);
    }
    marks_end(L, &O, s);
}

/* A word with its byte length, so that suffix tests never call strlen. */
struct word {
    const char *s;
    size_t n;
};
/* clang-format off */
#define W(lit) {lit, sizeof lit - 1}
/* clang-format on */

/* Byte length of the longest of words that s[0..n) ends with, 0 if none. */
static size_t suffix_of(const char *s, size_t n, const struct word *words)
{
    size_t best = 0;
    if (n == 0)
        return 0;
    for (; words->s; words++) /* the last byte rules out nearly every word */
        if (words->n > best && words->n <= n && words->s[words->n - 1] == s[n - 1] &&
            memcmp(s + n - words->n, words->s, words->n) == 0)
            best = words->n;
    return best;
}

static bool is_clause_end(uint32_t c)
{
    return c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == 0xFF1A || c == ',' || c == ';' ||
           c == ':' || c == 0x201D || el_text_is_sentence_end(c) || c == '\n';
}

static void on_speaker_hit(void *ctx, const el_lex_hit *h)
{
    bool *found = ctx;
    if (h->cat == EL_LEX_SPEAKER || h->cat == EL_LEX_DOCUMENT)
        *found = true;
}

/* A common noun for someone who speaks at s[0..n): its byte length, else 0. */
static size_t speaker_noun(const char *s, size_t n)
{
    static const struct word nouns[] = {
        W("书记"), W("主席"), W("总理"), W("领导"), W("同志"),   W("专家"),   W("学者"), W("人士"),
        W("代表"), W("部门"), W("政府"), W("中央"), W("国务院"), W("报告"),   W("会议"), W("文件"),
        W("讲话"), W("决定"), W("意见"), W("纲要"), W("规划"),   W("指示"),   W("古人"), W("先贤"),
        W("有人"), W("人们"), W("他"),   W("她"),   W("》"),     W("负责人"), W("干部"), W("支书"),
        W("主任"), W("局长"), W("村长"), W("市长"), W("县长"),   W("省长"),   W("部长"), W("馆长"),
        W("校长"), W("院长"), W("社长"), W("镇长"), W("乡长"),   W("区长"),   W("厅长"), W("处长"),
        W("科长"), W("队长"), W("组长")};
    /* Every noun starts with a 3-byte character: compare that as one integer first. */
    if (n < 3)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    uint32_t key = (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++) {
        const unsigned char *w = (const unsigned char *)nouns[i].s;
        if (((uint32_t)w[0] << 16 | (uint32_t)w[1] << 8 | w[2]) != key)
            continue;
        if (nouns[i].n <= n && memcmp(s, nouns[i].s, nouns[i].n) == 0)
            return nouns[i].n;
    }
    return 0;
}

/*
 * Whether s[a..z) (of the span L scans) names someone who speaks: a lexicon speaker or
 * document, or a common noun. The lexicon hits are those of the document's one scan.
 */
static bool names_speaker(lint *L, const char *s, size_t a, size_t z)
{
    bool found = false;
    el_doc_lex_scan_cats(L->doc, L->span_off + a, z - a,
                         EL_LEX_CAT_BIT(EL_LEX_SPEAKER) | EL_LEX_CAT_BIT(EL_LEX_DOCUMENT),
                         on_speaker_hit, &found);
    for (size_t j = a; j < z && !found; j += el_u8_len((unsigned char)s[j]))
        found = speaker_noun(s + j, z - j) > 0;
    return found;
}

/*
 * Offset just past the last sentence end (。！？ ! ? or a line break) of s[a..z), SIZE_MAX if
 * none; s[a..z) is whole characters of valid UTF-8, where those bytes are those characters
 * wherever they stand. Looked for from z back: only the last one starts the sentence at z, and
 * it is nearer than the bytes a forward walk would decode.
 */
static size_t last_end(const char *s, size_t a, size_t z)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t j = z; j > a; j--) {
        unsigned char c = u[j - 1];
        if (c == '\n' || c == '!' || c == '?')
            return j;
        if (j - a >= 3 && ((c == 0x82 && u[j - 2] == 0x80 && u[j - 3] == 0xE3) ||
                           ((c == 0x81 || c == 0x9F) && u[j - 2] == 0xBC && u[j - 3] == 0xEF)))
            return j;
    }
    return SIZE_MAX;
}

/* Bytes a speaker's name may straddle between two incremental look-backs. */
#define EL_SPEAKER_OVERLAP 36

/*
 * quote/unattributed: 强调/指出/提出/表示 right before ：“ when the clause before the verb is
 * empty (adverbs aside) and the sentence names nobody before it. The sentence look-back is
 * incremental (each byte is searched for a speaker about once), so the scan stays linear.
 */
static void span_unattributed(lint *L, const char *s, size_t n)
{
    static const struct word verbs[] = {W("强调"), W("指出"), W("提出"), W("表示"), {NULL, 0}};
    static const struct word colons[] = {W("："), W(":"), {NULL, 0}};
    static const struct word adverbs[] = {
        W("明确"), W("深刻"),   W("多次"), W("反复"), W("一再"), W("再次"), W("曾经"), W("曾"),
        W("也"),   W("还"),     W("更"),   W("又"),   W("都"),   W("就"),   W("要"),   W("特别"),
        W("着重"), W("进一步"), W("郑重"), W("鲜明"), W("重点"), W("亦"),   W("均"),   W("专门"),
        W("首次"), W("同样"),   W("正如"), W("诚如"), W("恰如"), W("如"),   W("就像"), W("同时"),
        W("并"),   W("而"),     W("并且"), W("此外"), W("另外"), {NULL, 0}};
    size_t sent = 0;    /* start of the current sentence */
    size_t swept = 0;   /* bytes before this were checked for sentence ends */
    size_t scanned = 0; /* the current sentence was searched for a speaker up to here */
    bool found = false; /* ... and one was found */
    for (size_t i = 0; i + 3 <= n;) {
        const char *hit = find3(s + i, n - i, "“");
        if (hit == NULL)
            break;
        size_t at = (size_t)(hit - s);
        i = at + 3;
        size_t c = suffix_of(s, at, colons);
        if (c == 0)
            continue;
        size_t vend = at - c;
        if (vend >= 3 && memcmp(s + vend - 3, "的", 3) == 0 && suffix_of(s, vend - 3, verbs))
            vend -= 3; /* 正如……强调的：“…” */
        size_t v = suffix_of(s, vend, verbs);
        if (v == 0)
            continue;
        size_t vstart = vend - v;
        /* The sentence the verb is in: each byte looked at once at most over the whole span. */
        if (swept < vstart) {
            size_t e = last_end(s, swept, vstart);
            if (e != SIZE_MAX) {
                sent = e;
                scanned = sent;
                found = false;
            }
            swept = vstart;
        }
        /* The clause before the verb (to the previous comma or sentence end). */
        size_t a = vstart, cps = 0;
        uint32_t stop = 0;
        while (a > 0 && cps <= EL_SPEAKER_WINDOW) {
            size_t st;
            uint32_t cp = el_text_prev_cp(s, a, &st);
            if (is_clause_end(cp)) {
                stop = cp;
                break;
            }
            a = st;
            cps++;
        }
        if (cps > EL_SPEAKER_WINDOW)
            continue; /* a long clause: assume it names someone */
        size_t z = vstart;
        for (size_t k; z > a && (k = suffix_of(s + a, z - a, adverbs)) > 0;)
            z -= k;
        bool speaker = false;
        for (size_t j = a, k; j < z && !speaker; j += k) {
            uint32_t cp = el_text_cp(s, z, j, &k);
            speaker = el_text_is_han(cp) || cp == 0x300B || (cp < 0x80 && cp > ' ');
        }
        /* An empty clause after a comma: the speaker may open the sentence (总书记…，强调：). */
        if (!speaker && a > sent && !el_text_is_sentence_end(stop) && stop != '\n') {
            if (!found && a > scanned) {
                size_t from =
                    scanned >= sent + EL_SPEAKER_OVERLAP ? scanned - EL_SPEAKER_OVERLAP : sent;
                while (from > sent && ((unsigned char)s[from] & 0xC0) == 0x80)
                    from--;
                found = names_speaker(L, s, from, a);
                scanned = a;
            }
            speaker = found;
        }
        if (speaker)
            continue;
        char arg[16];
        memcpy(arg, s + vstart, v);
        arg[v] = '\0';
        add(L, EL_RULE_QUOTE_UNATTRIBUTED, L->span_off + vstart, L->span_sec, arg);
    }
}

/* ---- punctuation -------------------------------------------------------------------------- */

static bool is_closing(uint32_t c)
{
    return c == 0x201D || c == 0x2019 || c == 0x300B || c == 0xFF09 || c == 0x300D || c == 0x300F ||
           c == 0x3011;
}

static bool is_opening(uint32_t c)
{
    return c == 0x201C || c == 0x2018 || c == 0x300A || c == 0xFF08 || c == 0x300C || c == 0x300E ||
           c == 0x3010;
}

/* Previous non-space code point before s[i], 0 at the start. */
static uint32_t prev_ns(const char *s, size_t i)
{
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    if (i == 0)
        return 0;
    size_t st;
    return el_text_prev_cp(s, i, &st);
}

/*
 * The character a half-width mark at s[i] stands after, for punct_at: prev_ns, but an ASCII "
 * is looked through, as an English input method writes it for “ and ” alike: in "毒瘤". and
 * "防护网",守好 the mark follows Chinese.
 */
static uint32_t prev_mark(const char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
        j--;
    return prev_ns(s, j > 0 && s[j - 1] == '"' ? j - 1 : i);
}

/*
 * Next code point at or after s[i] that is not white space (a soft line break included),
 * 0 at the end; *at gets the end of the spaces and tabs right after s[i] (what a fix removes),
 * *to the offset of the code point.
 */
static uint32_t next_ns(const char *s, size_t n, size_t i, size_t *at, size_t *to)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    *at = i;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
        i++;
    *to = i;
    if (i >= n)
        return 0;
    size_t k;
    return el_text_cp(s, n, i, &k);
}

/* The character a half-width mark at s[i] stands before: next_ns, an ASCII " looked through
   (指出:"要, 思维."打击), as prev_mark does. */
static uint32_t next_mark(const char *s, size_t n, size_t i, size_t *at)
{
    size_t to, at2;
    uint32_t q = next_ns(s, n, i, at, &to);
    return q == '"' ? next_ns(s, n, to + 1, &at2, &to) : q;
}

/* Whether s[j] is an ASCII ) right after a Han character (卡)). */
static bool han_paren(const char *s, size_t j)
{
    size_t st;
    return s[j] == ')' && j > 0 && el_text_is_han(el_text_prev_cp(s, j, &st));
}

/* Length of the run of the k-byte sequence seq starting at s[i]. */
static size_t run_of(const char *s, size_t n, size_t i, const char *seq, size_t k)
{
    size_t r = 0;
    /* k <= 3: compared inline, as nearly every mark of the text gets here once */
    while (i + k <= n && s[i] == seq[0] && (k < 2 || s[i + 1] == seq[1]) &&
           (k < 3 || s[i + 2] == seq[2]))
        i += k, r++;
    return r;
}

/* Index in ",:;?!()." (and in the full-width replacements) of an ASCII mark, -1 for others. */
static int half_mark(unsigned char c)
{
    switch (c) {
    case ',':
        return 0;
    case ':':
        return 1;
    case ';':
        return 2;
    case '?':
        return 3;
    case '!':
        return 4;
    case '(':
        return 5;
    case ')':
        return 6;
    case '.':
        return 7;
    default:
        return -1;
    }
}

/*
 * The punct/halfwidth or punct/ellipsis spot at s[i], if any, for the scan of s[0..n) (i < n,
 * s[i] not a lead byte E4..EE): report it and return the bytes to step over. The step is one
 * character, or a run of dots; span_marks relies on that.
 */
static inline size_t punct_at(const char *s, size_t n, size_t i, el_punct_cb cb, void *ctx)
{
    static const char *const full[] = {"，", "：", "；", "？", "！", "（", "）", "。"};
    /* Runs of dots, by first byte (each starts with a different one): . 。 · ． … */
    static const struct {
        const char *seq;
        size_t k, min;
    } dots[] = {{".", 1, 3}, {"。", 3, 3}, {"·", 2, 3}, {"．", 3, 3}, {"…", 3, 1}};
    unsigned char c = (unsigned char)s[i];
    int h = c < 0x80 ? half_mark(c) : -1;
    if (c == '.' && i + 1 < n && s[i + 1] == '.')
        h = -1; /* a run of dots: an ellipsis, below */
    if (h >= 0) {
        uint32_t p = prev_mark(s, i);
        size_t at;
        uint32_t q = next_mark(s, n, i + 1, &at);
        bool fire = false;
        size_t len = 1;
        /* after Chinese: Han, a closing mark, or an ASCII ) right after Han, this mark right
           after it (卡),查处: with a space after the mark, as in (…万元), then, it is English) */
        bool chinese = el_text_is_han(p) || is_closing(p) ||
                       (c != ')' && at == i + 1 && i > 0 && han_paren(s, i - 1));
        if (c == '(') {
            fire = el_text_is_han(q) || is_opening(q);
        } else if (c == ')') {
            fire = el_text_is_han(p) || is_closing(p);
        } else if (chinese || p == '%' || p - '0' < 10u) {
            /* after Chinese, or after a figure (5%,同比; 3.然后): a digit after the mark, as in
               3,200 or 3.5, is ruled out below, since the next character must be Chinese; after
               Chinese a figure may follow (通报,2023年) */
            bool figure = chinese && q - '0' < 10u && at == i + 1; /* (no space between) */
            if (c == '?' || c == '!')
                fire = q == 0 || is_cjk(q) || q == '?' || q == '!' || figure;
            else if (c == '.') /* a full stop after Chinese: at the end, or before more */
                fire = q == 0 || is_cjk(q) || is_opening(q) || figure;
            else
                fire = el_text_is_han(q) || is_opening(q) || figure;
            if (!chinese && (q == 0 || (c == '.' && p != '%')))
                fire = false; /* 1. and 4.问题导向 are list numbers: a . after a figure only
                                 after a percentage (21.1%.发展), others before Chinese */
            if (c == '.' && el_text_list_number(s, i))
                fire = false; /* so are 一. and （三）. (a 。 there would be wrong) */
            if (fire && q != 0 && is_cjk(q))
                len = at - i; /* the spaces after the mark go too */
        }
        if (fire)
            cb(ctx, EL_RULE_PUNCT_HALFWIDTH, i, len, 1, full[h]);
        return 1;
    }
    int d = c == '.' ? 0 : c == 0xE3 ? 1 : c == 0xC2 ? 2 : c == 0xEF ? 3 : c == 0xE2 ? 4 : -1;
    if (d >= 0) {
        size_t r = run_of(s, n, i, dots[d].seq, dots[d].k);
        if (r > 0) {
            size_t len = r * dots[d].k;
            /* A single … is an error; …… is right; longer runs of … are left alone. */
            bool fire = dots[d].min == 1 ? r == 1 : r >= dots[d].min;
            if (fire)
                cb(ctx, EL_RULE_PUNCT_ELLIPSIS, i, len, len, "……");
            return len;
        }
    }
    return el_u8_len(c);
}

/*
 * Whether punct_at may find a spot at s[i] (i < n, s[i] not a lead byte E4..EE), rather than
 * step over one character: a half-width mark, a …, or two of the dots that take a run of
 * three (. · 。 ．). Most characters that get past the lead byte test are ，、： and a lone
 * 。, which this rules out at once.
 */
__attribute__((always_inline)) static inline bool may_spot(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = n - i;
    switch (u[0]) {
    case ',':
    case ':':
    case ';':
    case '?':
    case '!':
    case '(':
    case '.': /* (a full stop after Chinese, or a run of dots) */
        /* between digits (3.5, 1,200, 10:30), the mark is after no Chinese and the next
           character punct_at asks for is no Chinese, nor an opening mark, nor a ? or !: no
           spot, and a step of one byte (after Chinese, a figure may follow: 通报,2023年) */
        return left < 2 || u[1] - (unsigned)'0' >= 10u || i == 0 || u[-1] - (unsigned)'0' >= 10u;
    case ')': /* (a spot after Chinese, whatever follows) */
        return true;
    case 0xC2: /* · */
        return left >= 4 && u[1] == 0xB7 && u[2] == 0xC2 && u[3] == 0xB7;
    case 0xE2: /* … */
        return left >= 3 && u[1] == 0x80 && u[2] == 0xA6;
    case 0xE3: /* 。 */
        return left >= 6 && u[1] == 0x80 && u[2] == 0x82 && u[3] == 0xE3 && u[4] == 0x80 &&
               u[5] == 0x82;
    case 0xEF: /* ． */
        return left >= 6 && u[1] == 0xBC && u[2] == 0x8E && u[3] == 0xEF && u[4] == 0xBC &&
               u[5] == 0x8E;
    default:
        return false;
    }
}

void el_lint_punct_scan(const char *s, size_t n, el_punct_cb cb, void *ctx)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        /* Han and the other letters: nothing to look at (the lead bytes of the marks are E2,
         * E3, EF and C2). */
        if (c >= 0xE4 && c <= 0xEE) {
            i += 3;
            continue;
        }
        i += may_spot(s, n, i) ? punct_at(s, n, i, cb, ctx) : el_u8_len(c);
    }
}

/* Index of the first of the sorted, disjoint spans v[0..n) that ends after x (n if none). */
static size_t span_after(const el_span *v, size_t n, size_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].off + v[mid].len <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

typedef struct shifted {
    el_punct_cb cb;
    void *ctx;
    size_t delta; /* offset of the scanned piece in the caller's span */
} shifted;

static void shift_hit(void *ctx, int rule, size_t off, size_t len, size_t mark_len,
                      const char *repl)
{
    shifted *sh = ctx;
    sh->cb(sh->ctx, rule, sh->delta + off, len, mark_len, repl);
}

void el_lint_punct_scan_doc(const el_doc *doc, size_t off, size_t n, el_punct_cb cb, void *ctx)
{
    const el_span *v = doc->verbatim.v;
    shifted sh = {cb, ctx, 0};
    size_t at = off, end = off + n;
    for (size_t k = span_after(v, doc->verbatim.n, off); at < end; k++) {
        size_t stop = k < doc->verbatim.n && v[k].off < end ? v[k].off : end;
        if (stop > at) {
            sh.delta = at - off;
            el_lint_punct_scan(doc->plain.v + at, stop - at, shift_hit, &sh);
        }
        if (stop == end)
            break;
        at = v[k].off + v[k].len;
    }
}

static void punct_hit(void *ctx, int rule, size_t off, size_t len, size_t mark_len,
                      const char *repl)
{
    lint *L = ctx;
    const char *s = el_doc_str(L->doc, (el_span){L->span_off, 0});
    char arg[64];
    (void)len;
    if (L->seen[rule] >= cap_of(rule)) { /* only counted: skip formatting the message */
        add(L, rule, L->span_off + off, L->span_sec, NULL);
        return;
    }
    if (rule == EL_RULE_PUNCT_HALFWIDTH) {
        arg[0] = s[off]; /* repl is a full-width mark: three bytes */
        *put_str(put_str(arg + 1, EL_ARG_SEP), repl) = '\0';
    } else {
        size_t show = mark_len;
        while (show > EL_SHOW_MAX)
            show--;
        while (show > 0 && show < mark_len && ((unsigned char)s[off + show] & 0xC0) == 0x80)
            show--;
        snprintf(arg, sizeof arg, "%.*s%s", (int)show, s + off, show < mark_len ? "…" : "");
    }
    add(L, rule, L->span_off + off, L->span_sec, arg);
}

static void span_punct(lint *L, const char *s, size_t n)
{
    (void)s;
    el_lint_punct_scan_doc(L->doc, L->span_off, n, punct_hit, L);
}

bool el_lint_heading(const el_doc *doc, size_t i)
{
    const el_section *sec = &doc->sections.v[i];
    el_span t = sec->title;
    if (sec->kind != EL_SEC_ARGUMENT || t.len == 0 ||
        (i > 0 && doc->sections.v[i - 1].title.off == t.off))
        return false;
    /* the section's first line is a label line (its heading), and the title comes before the
       section's paragraphs, not from the first of them (a topic sentence) */
    return sec->line >= 1 && sec->line <= doc->lines.n &&
           doc->roles[sec->line - 1] == EL_ROLE_LABEL &&
           (sec->npara == 0 || sec->para0 >= doc->paras.n ||
            t.off < doc->paras.v[sec->para0].txt.off);
}

/* The punctuation rules over heading i, if it is one (el_lint_heading): the paragraphs and
   the title are the spans of the other rules, and a heading is neither. */
static void heading_punct(lint *L, size_t i)
{
    if (!el_lint_heading(L->doc, i))
        return;
    el_span t = L->doc->sections.v[i].title;
    L->span_off = t.off;
    L->span_sec = (int)i;
    span_punct(L, str(L, t), t.len);
}

#if defined(__SSE2__)
/* Bytes that must be readable at p for mark_hits16: the sixteen, and five more after them. */
#define MARK_HITS_READ 21

/*
 * Bit j set where mark_step may do something at p[j] (a superset, from three loads of p[0..21)
 * and no branch): a lead byte E2, E3 or EF whose third byte is one of the marks mark_step
 * looks at (“”《》（）【】…, and 。 or ． only when the next character repeats it), a C2 (·)
 * or a half-width mark. Everything else, ，、 and a lone 。 included, mark_step steps over
 * without a look; a continuation byte matches none of these bytes, so the mask is right from
 * any offset, a character boundary or not.
 */
static inline unsigned mark_hits16(const char *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i third = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
    __m128i next3 = _mm_loadu_si128((const __m128i *)(const void *)(p + 5));
    __m128i pair = _mm_and_si128(third, _mm_set1_epi8((char)0xFE)); /* “” 《》 （） 【】 */
    __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(pair, _mm_set1_epi8((char)0x9C)),
                               _mm_cmpeq_epi8(pair, _mm_set1_epi8((char)0x8A)));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(pair, _mm_set1_epi8((char)0x88)));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(pair, _mm_set1_epi8((char)0x90)));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(third, _mm_set1_epi8((char)0xA6)));     /* … */
    __m128i dots = _mm_or_si128(_mm_cmpeq_epi8(third, _mm_set1_epi8((char)0x82)),  /* 。 */
                                _mm_cmpeq_epi8(third, _mm_set1_epi8((char)0x8E))); /* ． */
    hit = _mm_or_si128(hit, _mm_and_si128(dots, _mm_cmpeq_epi8(third, next3)));
    __m128i lead = _mm_or_si128(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)), _mm_set1_epi8((char)0xE2)),
        _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
    hit = _mm_or_si128(_mm_and_si128(hit, lead), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)));
    unsigned m = (unsigned)_mm_movemask_epi8(hit);
    if (_mm_movemask_epi8(v) == 0xFFFF)
        return m; /* no ASCII, nearly every block */
    /* the half-width marks but ')', not between digits (3.5, 1,200: see may_spot) */
    __m128i loud = _mm_cmpeq_epi8(v, _mm_set1_epi8(','));
    loud = _mm_or_si128(loud, _mm_cmpeq_epi8(v, _mm_set1_epi8(':')));
    loud = _mm_or_si128(loud, _mm_cmpeq_epi8(v, _mm_set1_epi8(';')));
    loud = _mm_or_si128(loud, _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
    loud = _mm_or_si128(loud, _mm_cmpeq_epi8(v, _mm_set1_epi8('!')));
    loud = _mm_or_si128(loud, _mm_cmpeq_epi8(v, _mm_set1_epi8('(')));
    loud = _mm_or_si128(loud, _mm_cmpeq_epi8(v, _mm_set1_epi8('.')));
    /* '0'..'9' moved to the bottom of the signed range, where they are the only bytes below
       -118 (as in next_digit) */
    __m128i next = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
    __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(next, _mm_set1_epi8((char)(0x80 - '0'))),
                                   _mm_set1_epi8((char)0x8A));
    __m128i digits = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))),
                                    _mm_set1_epi8((char)0x8A));
    /* a digit before lane j is one in lane j - 1; lane 0's is not looked at (kept) */
    unsigned between = (unsigned)_mm_movemask_epi8(digit) & (unsigned)_mm_movemask_epi8(digits)
                                                                << 1;
    unsigned marks = (unsigned)_mm_movemask_epi8(loud) & ~between;
    return m | marks | (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(')')));
}
#endif

/*
 * What span_marks does at s[i], a character that is no letter: the paired mark or the
 * punctuation spot there, if any. Returns the offset past what it looked at; *colon becomes
 * true at a “ right after ： or : (where quote/unattributed has something to check).
 */
__attribute__((always_inline)) static inline size_t mark_step(lint *L, open_marks *O, const char *s,
                                                              size_t n, size_t i, bool *colon)
{
    const unsigned char *u = (const unsigned char *)s + i;
    unsigned char c = u[0];
    if ((c == 0xE2 || c == 0xE3 || c == 0xEF) && n - i >= 3) {
        /* Most marks of an essay (，。、：“”) have one of these lead bytes. The few that matter
           (pair_mark's and may_spot's, told apart by the switch on all three bytes) end in a
           byte whose low six bits are in looked_at: the others, most of them, go at once. */
        const uint64_t looked_at = 1ull << 0x1C | 1ull << 0x1D | 1ull << 0x0A | 1ull << 0x0B |
                                   1ull << 0x08 | 1ull << 0x09 | 1ull << 0x10 | 1ull << 0x11 |
                                   1ull << 0x26 | 1ull << 0x02 | 1ull << 0x0E;
        if (!(looked_at >> (u[2] & 0x3F) & 1))
            return i + 3;
        int m;
        switch ((uint32_t)c << 16 | (uint32_t)u[1] << 8 | u[2]) {
        case 0xE2809C: /* “ */
            m = 1;
            if ((i >= 3 && memcmp(s + i - 3, "：", 3) == 0) || (i >= 1 && s[i - 1] == ':'))
                *colon = true;
            break;
        case 0xE2809D: /* ” */
            m = -1;
            break;
        case 0xE3808A: /* 《 */
            m = 2;
            break;
        case 0xE3808B: /* 》 */
            m = -2;
            break;
        case 0xEFBC88: /* （ */
            m = 3;
            break;
        case 0xEFBC89: /* ） */
            m = -3;
            break;
        case 0xE38090: /* 【 */
            m = 4;
            break;
        case 0xE38091: /* 】 */
            m = -4;
            break;
        case 0xE280A6: /* … */
        case 0xE38082: /* 。 */
        case 0xEFBC8E: /* ． */
            return i + (may_spot(s, n, i) ? punct_at(s, n, i, punct_hit, L) : 3);
        default:
            return i + 3; /* neither a paired mark nor a spot */
        }
        /* mark_seen's commonest cases here: an opener, a closer of the last opener */
        if (m > 0) {
            *EL_VEC_PUSH(O->stack) = i;
            O->depth[m - 1]++;
        } else if (O->stack.n > 0 && pair_mark(s, n, O->stack.v[O->stack.n - 1]) == -m) {
            O->stack.n--;
            O->depth[-m - 1]--;
        } else {
            mark_seen(L, O, s, n, i, m);
        }
        return i + 3; /* a paired mark is no punctuation spot */
    }
    return i + (may_spot(s, n, i) ? punct_at(s, n, i, punct_hit, L) : el_u8_len(c));
}

/*
 * quote/unbalanced and the punctuation rules over one span, in one walk when no code lies in
 * it (else span_unbalanced and span_punct, as the punctuation rules skip the code). The two
 * scans step alike: a character at a time (the lead byte's length) but for punct_at's runs of
 * dots, which hold no paired mark; so one walk sees what each would. Where SSE2 is there, the
 * text goes sixteen bytes a turn and mark_step is called only at the few characters that
 * mark_hits16 picks out (a paired mark, a possible spot: not at each ，、。); the last bytes
 * go a character at a time, letters skipped, and punct_at is asked only where may_spot allows.
 * quote/unattributed then runs only on a span where the walk saw a “ after a colon, as it
 * looks at nothing else.
 */
static void span_marks(lint *L, const char *s, size_t n)
{
    const el_doc *doc = L->doc;
    size_t k = span_after(doc->verbatim.v, doc->verbatim.n, L->span_off);
    if (k < doc->verbatim.n && doc->verbatim.v[k].off < L->span_off + n) {
        span_unbalanced(L, s, n);
        span_punct(L, s, n);
        span_unattributed(L, s, n);
        return;
    }
    open_marks O = marks_start(L);
    bool colon = false;
    size_t i = 0;
#if defined(__SSE2__)
    while (n - i >= MARK_HITS_READ) {
        size_t base = i;
        for (unsigned m = mark_hits16(s + base); m;) {
            i = mark_step(L, &O, s, n, base + (size_t)__builtin_ctz(m), &colon);
            if (i - base >= 16)
                break;
            m &= ~0u << (i - base); /* the hits before i are passed */
        }
        if (i - base < 16)
            i = base + 16; /* (perhaps inside a letter: skip_letters passes its last bytes) */
    }
#endif
    for (i = skip_letters(s, n, i); i < n; i = skip_letters(s, n, i))
        i = mark_step(L, &O, s, n, i, &colon);
    marks_end(L, &O, s);
    if (colon)
        span_unattributed(L, s, n);
}

/* ---- style -------------------------------------------------------------------------------- */

typedef struct hit {
    size_t start, end;
    int cat;        /* el_lex_cat */
    unsigned entry; /* lexicon entry */
} hit;

/*
 * Leftmost-longest selection over hits arriving in order of end offset, shorter first on
 * equal ends (el_lex_scan's order), in constant memory: a hit that contains the pending one
 * replaces it, one that only overlaps it is dropped.
 */
typedef struct longest {
    hit pending;
    bool has;
    void (*emit)(void *ctx, const hit *h);
    void *ctx;
} longest;

static void longest_push(longest *g, hit h)
{
    if (g->has) {
        if (h.start <= g->pending.start) {
            g->pending = h;
            return;
        }
        if (h.start < g->pending.end)
            return;
        g->emit(g->ctx, &g->pending);
    }
    g->pending = h;
    g->has = true;
}

static void longest_flush(longest *g)
{
    if (g->has)
        g->emit(g->ctx, &g->pending);
    g->has = false;
}

typedef struct style_scan {
    lint *L;
    const char *s;
    size_t n;
    longest colloquial, first;
    EL_VEC(el_span) quoted; /* the span's “…” (offsets in s), in order */
    bool quoted_found;      /* ... collected (on the first hit: most spans have none) */
} style_scan;

/* Collect the outermost “…” of s[0..n) (an unclosed one runs to the end). */
static void find_quoted(style_scan *S, size_t n)
{
    int depth = 0;
    size_t open = 0;
    for (const char *p = S->s; (p = memchr(p, 0xE2, n - (size_t)(p - S->s))) != NULL; p++) {
        size_t i = (size_t)(p - S->s);
        int m = pair_mark(S->s, n, i); /* “ is 1, ” is -1 */
        if (m == 1 && depth++ == 0)
            open = i;
        else if (m == -1 && depth > 0 && --depth == 0)
            *EL_VEC_PUSH(S->quoted) = (el_span){open, i + 3 - open};
    }
    if (depth > 0)
        *EL_VEC_PUSH(S->quoted) = (el_span){open, n - open};
}

/* Whether s[at] lies inside “…”: words in quotation marks are somebody's words or marked as
   such (群众直呼“看不懂”, “你演我看”), not the writer's own voice. */
static bool quoted_at(style_scan *S, size_t at)
{
    if (!S->quoted_found) {
        S->quoted_found = true;
        find_quoted(S, S->n);
    }
    size_t k = span_after(S->quoted.v, S->quoted.n, at);
    return k < S->quoted.n && S->quoted.v[k].off <= at;
}

static void emit_style(void *ctx, const hit *h)
{
    style_scan *S = ctx;
    if (quoted_at(S, h->start))
        return;
    int rule = h->cat == EL_LEX_COLLOQUIAL ? EL_RULE_STYLE_COLLOQUIAL : EL_RULE_STYLE_FIRST_PERSON;
    if (S->L->seen[rule] >= cap_of(rule)) { /* only counted */
        add(S->L, rule, S->L->span_off + h->start, S->L->span_sec, NULL);
        return;
    }
    char *arg = xstrndup(S->s + h->start, h->end - h->start);
    add(S->L, rule, S->L->span_off + h->start, S->L->span_sec, arg);
    free(arg);
}

static void on_style_hit(void *ctx, const el_lex_hit *h)
{
    style_scan *S = ctx;
    hit x = {h->start, h->end, (int)h->cat, h->entry};
    if (h->cat == EL_LEX_COLLOQUIAL)
        longest_push(&S->colloquial, x);
    else if (h->cat == EL_LEX_FIRSTPERSON)
        longest_push(&S->first, x);
}

typedef struct whole_word {
    size_t len;
    bool listed;
} whole_word;

static void on_word_hit(void *ctx, const el_lex_hit *h)
{
    whole_word *w = ctx;
    if (h->cat == EL_LEX_COLLOQUIAL && h->start == 0 && h->end == w->len)
        w->listed = true;
}

/* Whether the built-in lexicon already lists word as colloquial (no double report). */
static bool lexicon_colloquial(const char *word, size_t k)
{
    whole_word w = {k, false};
    el_lex_scan(word, k, on_word_hit, &w);
    return w.listed;
}

static void span_style(lint *L, const char *s, size_t n)
{
    style_scan S = {
        .L = L, .s = s, .n = n, .colloquial = {.emit = emit_style}, .first = {.emit = emit_style}};
    S.colloquial.ctx = S.first.ctx = &S;
    el_doc_lex_scan_cats(L->doc, L->span_off, n,
                         EL_LEX_CAT_BIT(EL_LEX_COLLOQUIAL) | EL_LEX_CAT_BIT(EL_LEX_FIRSTPERSON),
                         on_style_hit, &S);
    longest_flush(&S.colloquial);
    longest_flush(&S.first);
    char *const *extra;
    size_t nextra = el_config_colloquial(L->cfg, &extra);
    for (size_t w = 0; w < nextra; w++) {
        size_t k = strlen(extra[w]);
        if (k == 0 || lexicon_colloquial(extra[w], k))
            continue;
        for (size_t i = 0; i + k <= n;) {
            const char *f = memmem(s + i, n - i, extra[w], k);
            if (f == NULL)
                break;
            size_t at = (size_t)(f - s);
            emit_style(&S, &(hit){at, at + k, EL_LEX_COLLOQUIAL, 0});
            i = at + k;
        }
    }
    free(S.quoted.v);
}

/* ---- notes -------------------------------------------------------------------------------- */

typedef struct notes_ctx {
    char *essay; /* title and paragraphs, '\n'-separated */
    size_t len;
    el_doc *doc;    /* (for essay_places) */
    el_span *parts; /* what a note may point at: title, headings, paragraphs */
    size_t nparts;
    unsigned char *places; /* bitset over el_lex_nplaces() of the parts; NULL: not built */
    size_t nplaces;
    char *keys;              /* the essay's numbers without separators, back to back */
    EL_VEC(el_span) numbers; /* spans of keys, sorted by text */
    bool numbers_built;
    bool too_many;      /* the essay has more numbers than are worth indexing */
    int walks;          /* numbers looked up before the index was built */
    size_t budget;      /* bytes of memmem left */
    bigrams pairs;      /* the pairs of adjacent Han characters of the notes' quoted terms */
    size_t swept;       /* ... flagged PAIR_SEEN where essay[0..swept) has them (len: all) */
    uint32_t chars[64]; /* essay_has_char's answers: a code point, CHAR_PRESENT if there */
} notes_ctx;

/* Flag of an answer of essay_has_char (code points need 21 bits). */
#define CHAR_PRESENT ((uint32_t)1 << 31)

static void on_essay_place(void *ctx, const el_lex_hit *h)
{
    notes_ctx *N = ctx;
    if (h->cat != EL_LEX_PLACE)
        return;
    const el_lex_cand *c;
    size_t n = el_lex_place_candidates(h->entry, &c);
    for (size_t i = 0; i < n; i++)
        if (c[i].place < N->nplaces)
            N->places[c[i].place / 8] |= (unsigned char)(1u << (c[i].place % 8));
}

/*
 * The places the essay names (N->places), built on the first question: most notes name no
 * place, and their documents need not walk the essay's place hits at all. (Asked from within
 * a walk of the notes' own place hits: the document allows a walk inside a walk.)
 */
static const unsigned char *essay_places(notes_ctx *N)
{
    if (N->places == NULL) {
        N->nplaces = el_lex_nplaces();
        N->places = xcalloc(N->nplaces / 8 + 1, 1);
        for (size_t i = 0; i < N->nparts; i++)
            el_doc_lex_scan_cats(N->doc, N->parts[i].off, N->parts[i].len,
                                 EL_LEX_CAT_BIT(EL_LEX_PLACE), on_essay_place, N);
    }
    return N->places;
}

/*
 * Go on flagging the pairs of the quoted terms that the essay has (N->pairs, PAIR_SEEN), up to
 * the next pair flagged for the first time or the end of the essay. A term is found when the
 * essay has any of its pairs: the first question used to scan the whole essay for all of them,
 * where the scan only needs to go as far as the pairs asked about, and most are found early.
 */
static void sweep_on(notes_ctx *N)
{
    size_t at;
    if (probe_bigrams(N->essay + N->swept, N->len - N->swept, &N->pairs, BIGRAM_MARK, &at) &&
        N->pairs.seen < N->pairs.n)
        N->swept += at;
    else
        N->swept = N->len; /* the end, or nothing left to flag */
}

/* Whether essay[0..N->swept) has the pair a, b (one of N->pairs). */
static bool pair_seen(const notes_ctx *N, uint32_t a, uint32_t b)
{
    return (*bigram_slot(&N->pairs, (uint64_t)a << 32 | b) & PAIR_SEEN) != 0;
}

/*
 * A numbered abbreviation (“三严” for 严防、严管、严控; “四个最严”; “两个维护”; “双碳” for
 * 碳达峰、碳中和): a Chinese numeral 2–10 or 双, an optional 个, then at most four characters
 * the essay has at least that many times.
 */
static bool numbered_gloss(notes_ctx *N, const char *s, size_t n)
{
    static const char nums[] = "双两二三四五六七八九十"; /* 2, 2, 2, 3 … 10 */
    if (n < 3)
        return false;
    int want = 0;
    for (int i = 0; i < 11 && want == 0; i++)
        if (memcmp(s, nums + 3 * i, 3) == 0)
            want = i < 3 ? 2 : i;
    if (want == 0)
        return false;
    size_t k = 3;
    if (k + 3 <= n && memcmp(s + k, "个", 3) == 0)
        k += 3;
    size_t rest = el_text_ncp(s + k, n - k);
    if (rest == 0 || rest > 4)
        return false;
    int seen = 0;
    for (const char *p = N->essay, *end = N->essay + N->len; seen < want && p < end; seen++) {
        if (N->budget < N->len)
            return true; /* out of budget: stay silent rather than slow */
        N->budget -= (size_t)(end - p);
        p = memmem(p, (size_t)(end - p), s + k, n - k);
        if (p == NULL)
            break;
        p += n - k;
    }
    return seen >= want;
}

/*
 * Whether s[0..n), a term of three or more of the digits 一 to 九, glosses the essay's figures
 * by their leading digits (用“五六七八九”的数据开篇 for 50%以上…90%以上): each digit opens an
 * Arabic number of the essay (a digit not after another) or stands in it as a numeral.
 */
static bool figures_gloss(notes_ctx *N, const char *s, size_t n)
{
    static const char digits[] = "一二三四五六七八九";
    char lead[16]; /* the Arabic digit of each character */
    size_t nd = n / 3;
    if (n < 9 || n % 3 != 0 || nd > sizeof lead)
        return false;
    for (size_t i = 0; i < nd; i++) {
        lead[i] = 0;
        for (size_t k = 0; k < 9 && !lead[i]; k++)
            if (memcmp(s + 3 * i, digits + 3 * k, 3) == 0)
                lead[i] = (char)('1' + k);
        if (!lead[i])
            return false;
    }
    if (N->budget < 2 * N->len * nd)
        return true; /* out of budget: stay silent rather than slow */
    N->budget -= 2 * N->len * nd;
    const char *end = N->essay + N->len;
    for (size_t i = 0; i < nd; i++) {
        bool seen = memmem(N->essay, N->len, s + 3 * i, 3) != NULL;
        for (const char *p = N->essay; !seen && (p = memchr(p, lead[i], (size_t)(end - p))); p++)
            seen = p == N->essay || !(p[-1] >= '0' && p[-1] <= '9');
        if (!seen)
            return false;
    }
    return true;
}

/*
 * Whether the essay has the character c, encoded s[0..k): N->chars remembers the answers (a
 * term asks again at each turn of term_found's sweep). A three-byte character is looked for by
 * its last byte, which memchr finds far less often in Chinese text than a lead byte (E4–E9
 * lead nearly every character). A search paid from the notes' budget (true when it is spent:
 * silent rather than slow).
 */
static bool essay_has_char(notes_ctx *N, uint32_t c, const char *s, size_t k)
{
    uint32_t *slot = &N->chars[c % (sizeof N->chars / sizeof N->chars[0])];
    if ((*slot & ~CHAR_PRESENT) == c)
        return (*slot & CHAR_PRESENT) != 0;
    if (N->budget < N->len)
        return true;
    N->budget -= N->len;
    bool has = false;
    if (k == 3) {
        for (const char *p = N->essay + 2, *e = N->essay + N->len; !has && p < e; p++) {
            p = memchr(p, s[2], (size_t)(e - p));
            if (p == NULL)
                break;
            has = p[-2] == s[0] && p[-1] == s[1];
        }
    } else {
        has = memmem(N->essay, N->len, s, k) != NULL;
    }
    *slot = c | (has ? CHAR_PRESENT : 0);
    return has;
}

/*
 * What the pairs of adjacent Han characters of the term s[0..n) found so far say (pair_seen,
 * essay[0..N->swept)): 1 found, 0 not, -1 not yet known (sweep on). final: the sweep is over.
 *
 * The rule: a character of the term is covered when a pair it is part of is in the essay. The
 * term is found when some pair is and every run of two or more uncovered characters (a word
 * of the term the essay lacks) at least has its characters somewhere in the essay. So a note
 * may gloss (“旧邦新命” for 周虽旧邦，其命维新: 新命 uncovered, but 新 and 命 are there) and
 * may differ by a character (“一屏观天下” for 一屏看天下: 观 alone uncovered), but a term
 * whose distinctive word is not written at all is reported (“无障碍地图” where the essay has
 * 无障碍 but neither 地 nor 图; “人数地图” where it has only 人数). A term without two
 * adjacent Han characters (“以……”) is a pattern, not a claim: found.
 *
 * Before the sweep is over the verdict is often known already: more pairs found only split
 * the runs, so a run whose characters are all there stays fine, and two adjacent characters
 * the essay lacks can never be covered (no pair with them is there).
 */
static int term_verdict(notes_ctx *N, const char *s, size_t n, bool final)
{
    enum { MAX = EL_TERM_MAX + 1 };
    size_t at[MAX + 1], k, m = 0;
    uint32_t cp[MAX];
    bool han[MAX], cov[MAX] = {false}, pairs = false, seen = false;
    uint32_t prev = 0;
    for (size_t i = 0; i < n && m < MAX; i += k, m++) {
        uint32_t c = el_text_cp(s, n, i, &k);
        at[m] = i;
        cp[m] = c;
        han[m] = el_text_is_han(c);
        if (han[m] && prev) {
            pairs = true;
            if (pair_seen(N, prev, c))
                seen = cov[m - 1] = cov[m] = true;
        }
        prev = han[m] ? c : 0;
    }
    at[m] = n;
    if (!pairs)
        return 1;
    if (!seen)
        return final ? 0 : -1;
    for (size_t i = 0, j; i < m; i = j + 1) {
        for (j = i; j < m && han[j] && !cov[j]; j++)
            ;
        if (j - i >= 2 && !final)
            return -1; /* pairs further on may cover the run */
        for (size_t q = i; j - i >= 2 && q < j; q++)
            if (!essay_has_char(N, cp[q], s + at[q], at[q + 1] - at[q]))
                return 0;
    }
    return 1;
}

/* Whether the essay has a quoted term of a note (term_verdict's rule, or a gloss). */
static bool term_found(notes_ctx *N, const char *s, size_t n)
{
    if (numbered_gloss(N, s, n) || figures_gloss(N, s, n))
        return true;
    /* Each turn asks the pairs against the part of the essay swept so far, then sweeps on to
       the next pair flagged: at most one turn per pair of the notes, each over a short term. */
    for (;;) {
        int v = term_verdict(N, s, n, N->swept >= N->len);
        if (v >= 0)
            return v == 1;
        sweep_on(N);
    }
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int by_number(const void *a, const void *b, void *ctx)
{
    const char *base = ctx;
    const el_span *x = a, *y = b;
    size_t m = x->len < y->len ? x->len : y->len;
    int c = memcmp(base + x->off, base + y->off, m);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Offset of the first ASCII digit of s[i..n), n if none: sixteen bytes at a time with SSE2,
 * else eight, as essays have few digits among thousands of bytes. */
static size_t next_digit(const char *s, size_t n, size_t i)
{
#if defined(__SSE2__)
    /* sixteen bytes a turn: '0'..'9' moved to the bottom of the signed range, where they
       are the only bytes below -118 */
    for (; i < n && n - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i t = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0')));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(t, _mm_set1_epi8((char)0x8A)));
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (; i < n && n - i >= 8; i += 8) {
        uint64_t x; /* s[i] in the low byte */
        memcpy(&x, s + i, 8);
        /* digits become 0..9; then a byte's top bit stays clear only if it was below 10 (the
           sum of its low seven bits and 0x76 carries into no other byte) */
        uint64_t y = x ^ (ones * '0');
        uint64_t z = ~(((y & ~highs) + ones * 0x76) | y) & highs;
        if (z) {
            while (!(z & 0x80)) /* the lowest digit */
                z >>= 8, i++;
            return i;
        }
    }
#endif
    while (i < n && !is_digit(s[i]))
        i++;
    return i;
}

/* Length of the number at s[i] (digits, inner '.' or ','), 0 if none. */
static size_t number_at(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && (is_digit(s[j]) ||
                     ((s[j] == '.' || s[j] == ',') && j > i && j + 1 < n && is_digit(s[j + 1]))))
        j++;
    return j - i;
}

/* The number s[0..n) written without thousands separators, into out. */
static size_t number_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o < cap; i++)
        if (s[i] != ',')
            out[o++] = s[i];
    return o;
}

/* Notes' numbers looked up by walking the essay's numbers, before they are indexed: most
   essays are asked about a number or two, where sorting all of them costs more. */
#define EL_NOTES_NUMBER_WALKS 4

/* Whether the essay has a number whose key (number_key) is key[0..kn), by a walk over its
   numbers in order; true as well past EL_NOTES_MAX_NUMBERS of them (as the index says). */
static bool essay_walk_number(const notes_ctx *N, const char *key, size_t kn)
{
    size_t count = 0;
    for (size_t i = 0; (i = next_digit(N->essay, N->len, i)) < N->len;) {
        size_t k = number_at(N->essay, N->len, i);
        if (count++ >= EL_NOTES_MAX_NUMBERS)
            return true;
        char e[64];
        if (k <= sizeof e && number_key(N->essay + i, k, e, k) == kn && memcmp(e, key, kn) == 0)
            return true;
        i += k;
    }
    return false;
}

static bool essay_has_number(notes_ctx *N, const char *s, size_t n)
{
    if (!N->numbers_built && N->walks < EL_NOTES_NUMBER_WALKS) {
        char key[64];
        N->walks++;
        return essay_walk_number(N, key, number_key(s, n, key, sizeof key));
    }
    if (!N->numbers_built) {
        N->numbers_built = true;
        N->keys = xmalloc(N->len + 1);
        size_t used = 0;
        for (size_t i = 0; (i = next_digit(N->essay, N->len, i)) < N->len;) {
            size_t k = number_at(N->essay, N->len, i);
            if (N->numbers.n >= EL_NOTES_MAX_NUMBERS) {
                N->too_many = true;
                break;
            }
            size_t o = number_key(N->essay + i, k, N->keys + used, k);
            *EL_VEC_PUSH(N->numbers) = (el_span){used, o};
            used += o;
            i += k;
        }
        if (N->numbers.n > 1)
            qsort_r(N->numbers.v, N->numbers.n, sizeof *N->numbers.v, by_number, N->keys);
    }
    if (N->too_many)
        return true; /* a hostile essay: stay silent rather than build a huge index */
    char key[64];
    size_t kn = number_key(s, n, key, sizeof key);
    size_t lo = 0, hi = N->numbers.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const el_span *e = &N->numbers.v[mid];
        size_t m = e->len < kn ? e->len : kn;
        int c = memcmp(N->keys + e->off, key, m);
        if (c == 0)
            c = (e->len > kn) - (e->len < kn);
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/*
 * The 万/亿 multiplier written after the number ending at s[at] (spaces and 余/多 skipped):
 * 1 万, 2 亿, 3 万亿, 0 none. 千 is left out: it also starts units (千瓦, 千米).
 */
static int scale_after(const char *s, size_t n, size_t at)
{
    static const char *const about[] = {"余", "多", NULL};
    while (at < n && s[at] == ' ')
        at++;
    at += el_text_prefix(s + at, n - at, about);
    while (at < n && s[at] == ' ')
        at++;
    if (n - at >= 6 && memcmp(s + at, "万亿", 6) == 0)
        return 3;
    if (n - at >= 3 && memcmp(s + at, "万", 3) == 0)
        return 1;
    if (n - at >= 3 && memcmp(s + at, "亿", 3) == 0)
        return 2;
    return 0;
}

/*
 * Whether the essay writes the number s[i..i+k) of a note (found among its numbers) at the
 * same 万/亿 scale somewhere: a note's 300 余处 is not the essay's 300 万人次. A walk over the
 * essay, paid from the notes' budget (true when it is spent: silent rather than slow).
 */
static bool essay_same_scale(notes_ctx *N, const char *s, size_t n, size_t i, size_t k)
{
    if (N->budget < N->len)
        return true;
    N->budget -= N->len;
    int want = scale_after(s, n, i + k);
    char key[64], e[64];
    size_t kn = number_key(s + i, k, key, sizeof key), count = 0;
    for (size_t j = 0; (j = next_digit(N->essay, N->len, j)) < N->len;) {
        size_t m = number_at(N->essay, N->len, j);
        if (count++ >= EL_NOTES_MAX_NUMBERS)
            return true;
        if (m <= sizeof e && number_key(N->essay + j, m, e, m) == kn && memcmp(e, key, kn) == 0 &&
            scale_after(N->essay, N->len, j + m) == want)
            return true;
        j += m;
    }
    return false;
}

/*
 * Whether the essay has a statistic of value v (to a relative 1e-9), a percentage if pct,
 * whose unit starts tail[0..tn) when that starts with Han (100条 is not 近百亩): a walk over
 * them, paid from the notes' budget (true when it is spent: silent rather than slow).
 */
static bool essay_has_value(const el_doc *doc, notes_ctx *N, double v, bool pct, const char *tail,
                            size_t tn)
{
    size_t cost = 16 * (doc->stats.n + 1), k;
    if (N->budget < cost)
        return true;
    N->budget -= cost;
    bool unit = tn > 0 && el_text_is_han(el_text_cp(tail, tn, 0, &k));
    double tol = (v < 0 ? -v : v) * 1e-9;
    for (size_t i = 0; i < doc->stats.n; i++) {
        const el_stat_item *st = &doc->stats.v[i];
        double d = st->value - v;
        if (d > tol || -d > tol || pct != (st->kind == EL_STAT_PERCENT))
            continue;
        if (!unit || pct ||
            (st->unit.len > 0 && st->unit.len <= tn &&
             memcmp(el_doc_str(doc, st->unit), tail, st->unit.len) == 0))
            return true;
    }
    return false;
}

/*
 * Whether the number s[i..i+k) of a note (digits, inner , or .) is the value of one of the
 * essay's statistics, times the 万/亿 after it, with the same unit (essay_has_value): a note
 * writes in digits (1000亿元, 90%) what the essay writes in Chinese numerals (一千亿元, 九成).
 */
static bool essay_has_figure(const el_doc *doc, notes_ctx *N, const char *s, size_t n, size_t i,
                             size_t k)
{
    static const char *const mults[] = {"万亿", "亿", "万", "千", NULL};
    static const double times[] = {1e12, 1e8, 1e4, 1e3};
    static const char *const pcts[] = {"%", "％", NULL}, *const about[] = {"余", "多", NULL};
    double v = 0, scale = 0; /* scale: 0 before the point, then 0.1, 0.01, ... */
    for (size_t j = i; j < i + k; j++) {
        if (s[j] == '.')
            scale = 0.1;
        else if (is_digit(s[j]) && scale == 0)
            v = v * 10 + (s[j] - '0');
        else if (is_digit(s[j]))
            v += (s[j] - '0') * scale, scale /= 10;
    }
    size_t at = i + k, m;
    while (at < n && s[at] == ' ')
        at++;
    bool pct = el_text_prefix(s + at, n - at, pcts) > 0;
    if (!pct && (m = el_text_prefix(s + at, n - at, mults)) > 0) {
        for (size_t w = 0; mults[w]; w++)
            if (strlen(mults[w]) == m && memcmp(s + at, mults[w], m) == 0)
                v *= times[w];
        at += m;
    }
    while (at < n && s[at] == ' ')
        at++;
    at += el_text_prefix(s + at, n - at, about);
    return essay_has_value(doc, N, v, pct, s + at, n - at);
}

typedef struct note_scan {
    lint *L;
    notes_ctx *N;
    size_t note;
    const char *s;
    longest places;
} note_scan;

static void claim(lint *L, size_t note, size_t rel, const char *s, size_t n)
{
    const el_note *nt = &L->doc->notes.v[note];
    char *arg = xstrndup(s, n);
    add(L, EL_RULE_NOTES_CLAIM_NOT_FOUND, nt->txt.off + rel, L->note_sec[note], arg);
    free(arg);
}

/* A place named by a note: a claim unless one of its readings is a place of the essay. */
static void emit_note_place(void *ctx, const hit *h)
{
    note_scan *S = ctx;
    const el_lex_cand *c;
    size_t nc = el_lex_place_candidates(h->entry, &c);
    const unsigned char *places = nc > 0 ? essay_places(S->N) : NULL;
    bool found = false;
    for (size_t j = 0; j < nc && !found; j++)
        found = c[j].place < S->N->nplaces && (places[c[j].place / 8] & (1u << (c[j].place % 8)));
    if (!found && nc > 0)
        claim(S->L, S->note, h->start, S->s + h->start, h->end - h->start);
}

static void on_note_place(void *ctx, const el_lex_hit *h)
{
    note_scan *S = ctx;
    if (h->cat != EL_LEX_PLACE || (el_lex_flags(h->entry) & EL_LEX_WEAK))
        return;
    longest_push(&S->places, (hit){h->start, h->end, (int)h->cat, h->entry});
}

/* Whether a device keyword at s[at] is negated or a suggestion (缺少排比, 可加引用). */
static bool negated(const char *s, size_t at)
{
    static const char *const neg[] = {"缺", "没有", "无",   "未",   "可",   "建议", "应", "不足",
                                      "欠", "若",   "如果", "增加", "补充", "少",   "不", NULL};
    size_t a = at, cps = 0;
    while (a > 0 && cps < 8) {
        size_t st;
        uint32_t c = el_text_prev_cp(s, a, &st);
        if (!el_text_is_han(c))
            break;
        a = st;
        cps++;
    }
    for (size_t j = a; j < at; j += el_u8_len((unsigned char)s[j]))
        if (el_text_prefix(s + j, at - j, neg))
            return true;
    return false;
}

/* Whether s[0..n) holds two adjacent Han characters (a word, where a pattern such as 以……
   or 让……更…… holds none). */
static bool han_pair(const char *s, size_t n)
{
    size_t k;
    bool prev = false;
    for (size_t i = 0; i < n; i += k) {
        bool han = el_text_is_han(el_text_cp(s, n, i, &k));
        if (han && prev)
            return true;
        prev = han;
    }
    return false;
}

/* The words of a formula of the essay's form (formula_term). */
static const char *const form_words[] = {
    "动宾", "主谓", "主谓宾", "偏正", "并列",   "动补",   "述宾",   "定中", "状中", "四字",
    "短语", "名词", "动词",   "总",   "分",     "问题",   "对策",   "原因", "意义", "现象",
    "本质", "论点", "论据",   "论证", "案例",   "数据",   "引用",   "对比", "正面", "反面",
    "正例", "反例", "开头",   "结尾", "是什么", "为什么", "怎么办", NULL};

/*
 * Whether the quoted term s[0..n) of a note is a formula of the essay's form rather than words
 * of its text: two or more of form_words or patterns (an ellipsis and no word: han_pair)
 * joined by + or a dash (“动宾+动宾”, “总—分—总”, “问题+对策”, “动宾+让……更……”). Notes
 * describe a title's or an outline's shape so. Names written with + (“互联网+教育”) are
 * claims as any other term.
 */
static bool formula_term(const char *s, size_t n)
{
    size_t k, a = 0, joins = 0;
    for (size_t i = 0; i <= n; i += k) {
        uint32_t c = i < n ? el_text_cp(s, n, i, &k) : 0;
        if (i < n && !(c == '+' || c == 0xFF0B || c == 0x2014 || c == '-' || c == 0x2015))
            continue;
        if (joins == 0 && i == n)
            return false; /* no join: no formula, whatever the words (nearly every term) */
        bool word = false;
        for (size_t w = 0; form_words[w] && !word; w++)
            word = strlen(form_words[w]) == i - a && memcmp(s + a, form_words[w], i - a) == 0;
        if (!word && memmem(s + a, i - a, "…", 3) && !han_pair(s + a, i - a))
            word = true; /* a pattern: 让……更…… in “动宾+让……更……” */
        if (!word)
            return false;
        if (i == n)
            break;
        joins++;
        a = i + k;
    }
    return joins > 0;
}

/*
 * The next quoted term of a note s[0..n) from s[*i] on: “…” of 2 to EL_TERM_MAX code points,
 * its text s[*a..*z); *i moves past it. False when there is none.
 */
static bool next_term(const char *s, size_t n, size_t *i, size_t *a, size_t *z)
{
    while (*i + 3 <= n) {
        const char *o = find3(s + *i, n - *i, "“");
        if (o == NULL)
            return false;
        size_t b = (size_t)(o - s) + 3, e = b, cps = 0;
        while (e + 3 <= n && cps <= EL_TERM_MAX && memcmp(s + e, "”", 3) != 0)
            e += el_u8_len((unsigned char)s[e]), cps++;
        *i = b;
        if (e + 3 > n || cps < 2 || cps > EL_TERM_MAX)
            continue;
        *a = b;
        *z = e;
        *i = e + 3;
        return true;
    }
    return false;
}

/* The claims of note number note; terms[0..nterms) are its quoted terms (next_term's, in
   order, as offsets in the note). */
static void check_note(lint *L, notes_ctx *N, size_t note, const bool *devs, const el_span *terms,
                       size_t nterms)
{
    el_doc *doc = L->doc;
    const el_note *nt = &doc->notes.v[note];
    const char *s = str(L, nt->txt);
    size_t n = nt->txt.len;

    /* Quoted terms (《…》 titles are not claims: notes name the sources essays only adapt).
       missed[t]: term t is reported, and so one claim: its numbers are not reported again on
       their own (“2.3万个”, not “2.3万个” and “2.3”). The numbers of a term found are checked
       alone, as the term's words may be there with another figure (“500亿元”: 500). */
    bool missed_small[16], *missed = nterms <= 16 ? missed_small : xmalloc(nterms * sizeof *missed);
    for (size_t t = 0; t < nterms; t++) {
        size_t a = terms[t].off, z = a + terms[t].len;
        missed[t] = !formula_term(s + a, z - a) && !term_found(N, s + a, z - a);
        if (missed[t])
            claim(L, note, a - 3, s + a, z - a);
    }

    /* Numbers of two or more digits (a leading item number is not a claim). */
    static const char *const item_marks[] = {"、", "．", "）", NULL};
    size_t t = 0; /* the first term that does not end before i */
    for (size_t i = 0; (i = next_digit(s, n, i)) < n;) {
        size_t k = i == 0 || !is_digit(s[i - 1]) ? number_at(s, n, i) : 0;
        if (k == 0) {
            i++;
            continue;
        }
        while (t < nterms && terms[t].off + terms[t].len <= i)
            t++;
        if (t < nterms && terms[t].off <= i && missed[t]) {
            i = terms[t].off + terms[t].len; /* in a term reported: reported with it */
            continue;
        }
        size_t digits = 0;
        for (size_t j = i; j < i + k; j++)
            digits += is_digit(s[j]);
        bool item = i == 0 && i + k < n &&
                    (s[i + k] == '.' || s[i + k] == ')' ||
                     el_text_prefix(s + i + k, n - i - k, item_marks));
        /* a prompt's score, （40 分）, is no claim about the essay */
        static const char *const score[] = {"分）", "分)", " 分）", " 分)", NULL};
        if (digits >= 2 && !item && k < 40 && !el_text_prefix(s + i + k, n - i - k, score) &&
            !(essay_has_number(N, s + i, k) && essay_same_scale(N, s, n, i, k)) &&
            !essay_has_figure(doc, N, s, n, i, k)) {
            /* the message shows the number as the note writes it: 300% */
            static const char *const pct[] = {"%", "％", NULL};
            claim(L, note, i, s + i, k + el_text_prefix(s + i + k, n - i - k, pct));
        }
        i += k;
    }
    if (missed != missed_small)
        free(missed);

    /* Places (strong surfaces only), leftmost-longest. */
    note_scan S = {L, N, note, s, {.emit = emit_note_place}};
    S.places.ctx = &S;
    el_doc_lex_scan_cats(L->doc, nt->txt.off, n, EL_LEX_CAT_BIT(EL_LEX_PLACE), on_note_place, &S);
    longest_flush(&S.places);

    /* Devices the note says the essay uses; a note above the first paragraph speaks of the
       title (标题采用……，对仗工整), where no device is looked for. */
    if (doc->paras.n > 0 && nt->line < doc->paras.v[0].line)
        return;
    static const struct {
        const char *word;
        int dev; /* el_device_type, or -1 for 引用 (any quote) */
    } claims[] = {
        {"排比", EL_DEV_PARALLELISM},
        {"对偶", EL_DEV_ANTITHESIS},
        {"对仗", EL_DEV_ANTITHESIS},
        {"比喻", EL_DEV_METAPHOR},
        {"对比", EL_DEV_CONTRAST},
        {"设问", EL_DEV_RHETORICAL_QUESTION},
        {"反问", EL_DEV_RHETORICAL_QUESTION},
        {"引用", EL_DEV_CITATION},
    };
    static const char *const not_quote[] = {"数据", "案例", "事例", "实例", NULL};
    for (size_t c = 0; c < sizeof claims / sizeof claims[0]; c++) {
        if (devs[claims[c].dev])
            continue;
        for (size_t i = 0; i + 6 <= n;) {
            const char *f = memmem(s + i, n - i, claims[c].word, 6);
            if (f == NULL)
                break;
            size_t at = (size_t)(f - s);
            i = at + 6;
            if (negated(s, at))
                continue;
            if (claims[c].dev == EL_DEV_CITATION &&
                el_text_prefix(s + at + 6, n - at - 6, not_quote))
                continue;
            claim(L, note, at, claims[c].word, 6);
            break; /* once per note and device */
        }
    }
}

static void rule_notes(lint *L)
{
    el_doc *doc = L->doc;
    if (doc->notes.n == 0)
        return;
    notes_ctx N = {0};
    /* What a note may point at: the title, the sub-argument headings (a heading line is not a
       paragraph, and notes quote its words: 绘就共建共治“同心圆”) and the paragraphs. */
    EL_VEC(el_span) parts = {0};
    parts.cap = 1 + doc->sections.n + doc->paras.n; /* (no growing on the way) */
    parts.v = xmalloc(parts.cap * sizeof *parts.v);
    *EL_VEC_PUSH(parts) = doc->title;
    for (size_t i = 0; i < doc->sections.n; i++)
        if (doc->sections.v[i].title.len)
            *EL_VEC_PUSH(parts) = doc->sections.v[i].title;
    for (size_t i = 0; i < doc->paras.n; i++)
        *EL_VEC_PUSH(parts) = doc->paras.v[i].txt;
    size_t total = 0;
    for (size_t i = 0; i < parts.n; i++)
        total += parts.v[i].len + 1;
    N.essay = xmalloc(total + 1);
    for (size_t i = 0; i < parts.n; i++) {
        if (i > 0)
            N.essay[N.len++] = '\n';
        memcpy(N.essay + N.len, str(L, parts.v[i]), parts.v[i].len);
        N.len += parts.v[i].len;
    }
    N.essay[N.len] = '\0';
    N.budget = EL_NOTES_BUDGET;
    N.doc = doc;
    N.parts = parts.v;
    N.nparts = parts.n;

    bool devs[EL_DEV_CITATION + 1] = {false};
    for (size_t i = 0; i < doc->devices.n; i++)
        if ((int)doc->devices.v[i].type <= EL_DEV_CITATION)
            devs[doc->devices.v[i].type] = true;
    /* A document or work named in 《》 is cited too (《数字中国建设整体布局规划》明确提出，…). */
    devs[EL_DEV_CITATION] =
        devs[EL_DEV_CITATION] || doc->quotes.n > 0 || memmem(N.essay, N.len, "《", 3) != NULL;
    /* A counter-example is a contrast (正反对比) even when no device was recorded. */
    for (size_t i = 0; i < doc->cases.n; i++)
        devs[EL_DEV_CONTRAST] = devs[EL_DEV_CONTRAST] || doc->cases.v[i].negative;
    for (size_t i = 0; i < doc->sections.n; i++)
        devs[EL_DEV_CONTRAST] = devs[EL_DEV_CONTRAST] || doc->sections.v[i].ev.has_counter;

    /* The quoted terms of the notes, found once: terms[term0[i]..term0[i + 1]) are note i's
       (offsets in the note). Their pairs are what term_found may ask about, for sweep_on. */
    EL_VEC(el_span) terms = {0};
    size_t *term0 = xmalloc((doc->notes.n + 1) * sizeof *term0);
    size_t npairs = 0, at;
    for (size_t i = 0; i < doc->notes.n; i++) {
        const char *s = str(L, doc->notes.v[i].txt);
        size_t n = doc->notes.v[i].txt.len;
        term0[i] = terms.n;
        for (size_t j = 0, a, z; next_term(s, n, &j, &a, &z);) {
            *EL_VEC_PUSH(terms) = (el_span){a, z - a};
            npairs += (z - a) / 3;
        }
    }
    term0[doc->notes.n] = terms.n;
    bigrams_init(&N.pairs, npairs);
    for (size_t i = 0; i < doc->notes.n; i++)
        for (size_t t = term0[i]; t < term0[i + 1]; t++)
            each_bigram(str(L, doc->notes.v[i].txt) + terms.v[t].off, terms.v[t].len, &N.pairs,
                        BIGRAM_INSERT, &at);
    N.swept = N.pairs.n == 0 ? N.len : 0; /* no pair to look for: no scan */
    for (size_t i = 0; i < doc->notes.n; i++)
        check_note(L, &N, i, devs, terms.v ? terms.v + term0[i] : NULL, term0[i + 1] - term0[i]);
    free(terms.v);
    free(term0);
    free(N.numbers.v);
    free(N.keys);
    free(N.places);
    free(N.parts);
    free(N.essay);
    bigrams_free(&N.pairs);
}

/* ---- suppression -------------------------------------------------------------------------- */

/*
 * The comments work like eslint's: essaylint-disable / essaylint-enable take effect where the
 * comment stands (a comment at the end of a line leaves the text before it alone), and
 * essaylint-disable-line / essaylint-disable-next-line cover one whole line.
 */
typedef struct sup_event {
    size_t pos;    /* state: `text` offset the mask holds from; lines: 1-based line */
    uint64_t mask; /* rules disabled */
} sup_event;

typedef struct sup_unknown {
    size_t off, len; /* an unknown rule id in a comment, in `text` */
} sup_unknown;

struct el_suppress {
    const el_doc *doc;
    EL_VEC(sup_event) state; /* sorted by pos */
    EL_VEC(sup_event) lines; /* disable-line / disable-next-line: sorted by line */
    EL_VEC(sup_unknown) unknown;
    size_t first_off; /* start of the essay's first line (for file-level findings) */
};

#define ALL_RULES (EL_RULE_COUNT_ >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << EL_RULE_COUNT_) - 1))

static bool id_sep(char c)
{
    return c == ' ' || c == ',' || c == '\t' || c == '\n';
}

/*
 * Rules named in text[a..z) (ids separated by spaces or commas); all rules when none. An id
 * the table lacks is remembered for comment/unknown-rule rather than silently doing nothing.
 */
static uint64_t rule_mask(el_suppress *sup, size_t a, size_t z)
{
    const char *s = sup->doc->text;
    uint64_t m = 0;
    bool any = false;
    for (size_t i = a; i < z;) {
        while (i < z && id_sep(s[i]))
            i++;
        size_t j = i;
        while (j < z && !id_sep(s[j]))
            j++;
        if (j == i)
            break;
        if (j - i == 2 && memcmp(s + i, "--", 2) == 0)
            break; /* the rest is a reason, as in eslint */
        any = true;
        int r = el_rule_findn(s + i, j - i);
        if (r >= 0)
            m |= (uint64_t)1 << r;
        else
            *EL_VEC_PUSH(sup->unknown) = (sup_unknown){i, j - i};
        i = j;
    }
    return any ? m : ALL_RULES;
}

static bool blank_line(const el_doc *doc, size_t ln)
{
    size_t a = doc->lines.v[ln - 1];
    size_t z = ln < doc->lines.n ? doc->lines.v[ln] : doc->len;
    for (size_t i = a, k; i < z; i += k) {
        uint32_t c = el_text_cp(doc->text, doc->len, i, &k);
        if (!el_text_is_space(c))
            return false;
    }
    return true;
}

/* Apply the comment whose body is text[a..z) (between `<!--` and `-->`), opened at open. */
static void directive(el_suppress *sup, size_t open, size_t a, size_t z, uint64_t *cur)
{
    static const char *const kinds[] = {"essaylint-disable-next-line", "essaylint-disable-line",
                                        "essaylint-disable", "essaylint-enable", NULL};
    const el_doc *doc = sup->doc;
    const char *s = doc->text;
    while (a < z && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n'))
        a++;
    size_t k = el_text_prefix(s + a, z - a, kinds);
    if (k == 0 || (a + k < z && !id_sep(s[a + k])))
        return;
    uint64_t m = rule_mask(sup, a + k, z);
    if (k == strlen("essaylint-disable-next-line") || k == strlen("essaylint-disable-line")) {
        size_t target = el_lint_line(doc, open);
        if (k == strlen("essaylint-disable-next-line")) {
            target = el_lint_line(doc, z) + 1;
            while (target <= doc->lines.n && blank_line(doc, target))
                target++;
        }
        *EL_VEC_PUSH(sup->lines) = (sup_event){target, m};
        return;
    }
    *cur = k == strlen("essaylint-disable") ? *cur | m : *cur & ~m;
    *EL_VEC_PUSH(sup->state) = (sup_event){open, *cur};
}

static int by_pos(const void *a, const void *b)
{
    const sup_event *x = a, *y = b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int by_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

el_suppress *el_suppress_build(const el_doc *doc)
{
    /* Where each comment opens, in `text`: in comment blocks (Markdown HTML blocks, comment
       lines of plain text) and among the text (Markdown inline HTML). */
    EL_VEC(size_t) opens = {0};
    for (size_t b = 0; b < doc->blocks.n; b++) {
        const el_block *bl = &doc->blocks.v[b];
        if (bl->type != EL_BLOCK_HTML)
            continue;
        const char *s = el_doc_str(doc, bl->txt);
        size_t n = bl->txt.len;
        for (size_t i = 0; i + 4 <= n;) {
            const char *o = memmem(s + i, n - i, "<!--", 4);
            if (o == NULL)
                break;
            *EL_VEC_PUSH(opens) = el_doc_src(doc, bl->txt.off + (size_t)(o - s));
            const char *c = memmem(o + 4, n - (size_t)(o + 4 - s), "-->", 3);
            i = c ? (size_t)(c - s) + 3 : n;
        }
    }
    for (size_t i = 0; i < doc->comments.n; i++)
        *EL_VEC_PUSH(opens) = doc->comments.v[i];
    if (opens.n == 0)
        return NULL;
    qsort(opens.v, opens.n, sizeof *opens.v, by_size);

    el_suppress *sup = xcalloc(1, sizeof *sup);
    sup->doc = doc;
    uint64_t cur = 0;
    size_t done = 0; /* comments never overlap: a later open inside a body is text */
    for (size_t i = 0; i < opens.n; i++) {
        size_t a = opens.v[i] + 4;
        if (opens.v[i] < done || a > doc->len || memcmp(doc->text + opens.v[i], "<!--", 4) != 0)
            continue;
        const char *c = memmem(doc->text + a, doc->len - a, "-->", 3);
        size_t z = c ? (size_t)(c - doc->text) : doc->len;
        directive(sup, opens.v[i], a, z, &cur);
        done = c ? z + 3 : doc->len;
    }
    free(opens.v);
    if (sup->state.n == 0 && sup->lines.n == 0 && sup->unknown.n == 0) {
        el_suppress_free(sup);
        return NULL;
    }
    if (sup->lines.n > 1)
        qsort(sup->lines.v, sup->lines.n, sizeof *sup->lines.v, by_pos);
    size_t first = doc->title.len ? doc->title_line : doc->paras.n ? doc->paras.v[0].line : 1;
    sup->first_off = first - 1 < doc->lines.n ? doc->lines.v[first - 1] : 0;
    return sup;
}

/* Rules disabled at text offset off. */
static uint64_t mask_at(const el_suppress *sup, size_t off)
{
    size_t lo = 0, hi = sup->state.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sup->state.v[mid].pos <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint64_t m = lo ? sup->state.v[lo - 1].mask : 0;
    if (sup->lines.n == 0)
        return m;
    size_t line = el_lint_line(sup->doc, off);
    lo = 0;
    hi = sup->lines.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sup->lines.v[mid].pos < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < sup->lines.n && sup->lines.v[lo].pos == line; lo++)
        m |= sup->lines.v[lo].mask;
    return m;
}

/* Findings about the whole essay: a disable comment above the essay's first line covers them. */
static bool file_level(int rule)
{
    switch (rule) {
    case EL_RULE_STRUCTURE_TITLE_MISSING:
    case EL_RULE_STRUCTURE_INTRO_MISSING:
    case EL_RULE_STRUCTURE_CONCLUSION_MISSING:
    case EL_RULE_STRUCTURE_ARGUMENT_COUNT:
    case EL_RULE_STRUCTURE_ARGUMENT_PARALLEL:
    case EL_RULE_STRUCTURE_CONCLUSION_ECHO:
    case EL_RULE_LENGTH_TOTAL:
    case EL_RULE_EVIDENCE_REGION_COVERAGE:
    case EL_RULE_DECODE_INVALID_BYTES:
        return true;
    default:
        return false;
    }
}

bool el_suppress_match(const el_suppress *s, int rule, size_t src_off)
{
    if (s == NULL || rule < 0 || rule >= EL_RULE_COUNT_)
        return false;
    uint64_t bit = (uint64_t)1 << rule;
    if (mask_at(s, src_off) & bit)
        return true;
    return file_level(rule) && (mask_at(s, s->first_off) & bit);
}

void el_suppress_free(el_suppress *s)
{
    if (s == NULL)
        return;
    free(s->state.v);
    free(s->lines.v);
    free(s->unknown.v);
    free(s);
}

size_t el_lint_line(const el_doc *doc, size_t src_off)
{
    size_t lo = 0, hi = doc->lines.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->lines.v[mid] <= src_off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo : 1;
}

/* ---- the final pass ----------------------------------------------------------------------- */

/*
 * Configuration, suppression, then the per-rule cap over every finding (the extractors raise
 * some too); the one place severities are decided.
 */
static void finish(lint *L)
{
    el_doc *doc = L->doc;
    el_suppress *sup = L->sup;
    size_t o = 0;
    for (size_t i = 0; i < doc->findings.n; i++) {
        el_finding f = doc->findings.v[i];
        int sev = el_config_severity(L->cfg, f.rule);
        if (sev < 0 || (sup && el_suppress_match(sup, f.rule, f.src_off)))
            continue; /* its argument stays in the document's string pool */
        f.severity = sev;
        doc->findings.v[o++] = f;
    }
    doc->findings.n = o;

    el_findings_sort(doc);
    size_t kept[EL_RULE_COUNT_] = {0}, more[EL_RULE_COUNT_] = {0};
    size_t at[EL_RULE_COUNT_] = {0};
    int sec[EL_RULE_COUNT_] = {0};
    o = 0;
    for (size_t i = 0; i < doc->findings.n; i++) {
        el_finding f = doc->findings.v[i];
        if (kept[f.rule] < cap_of(f.rule)) {
            kept[f.rule]++;
            doc->findings.v[o++] = f;
            continue;
        }
        if (more[f.rule]++ == 0) {
            at[f.rule] = f.src_off;
            sec[f.rule] = f.section;
        }
    }
    doc->findings.n = o;
    for (int r = 0; r < EL_RULE_COUNT_; r++) {
        if (L->dropped[r] && (more[r] == 0 || L->drop_at[r] < at[r])) {
            at[r] = L->drop_at[r];
            sec[r] = L->drop_sec[r];
        }
        more[r] += L->dropped[r];
        if (more[r] == 0)
            continue;
        char arg[32];
        snprintf(arg, sizeof arg, EL_ARG_MORE "%zu", more[r]);
        el_finding_add(doc, r, at[r], sec[r], arg);
        doc->findings.v[doc->findings.n - 1].severity = el_config_severity(L->cfg, r);
    }
}

void el_lint(el_doc *doc, const el_config *cfg)
{
    if (!doc->ok)
        return;
    el_config defaults;
    if (cfg == NULL) {
        el_config_init(&defaults);
        cfg = &defaults;
    }
    lint L = {.doc = doc, .cfg = cfg, .sup = el_suppress_build(doc), .span_sec = -1};
    L.para_sec = xmalloc((doc->paras.n + 1) * sizeof *L.para_sec);
    L.note_sec = xmalloc((doc->notes.n + 1) * sizeof *L.note_sec);
    for (size_t i = 0; i < doc->paras.n; i++)
        L.para_sec[i] = -1;
    for (size_t i = 0; i < doc->notes.n; i++)
        L.note_sec[i] = -1;
    for (size_t s = 0; s < doc->sections.n; s++) {
        const el_section *sec = &doc->sections.v[s];
        for (size_t p = sec->para0; p < sec->para0 + sec->npara && p < doc->paras.n; p++)
            L.para_sec[p] = (int)s;
        for (size_t k = sec->note0; k < sec->note0 + sec->nnote && k < doc->notes.n; k++)
            L.note_sec[k] = (int)s;
    }

    if (L.sup)
        for (size_t i = 0; i < L.sup->unknown.n; i++) {
            char id[64];
            const sup_unknown *u = &L.sup->unknown.v[i];
            size_t n = u->len < 40 ? u->len : 40; /* cut at a character boundary */
            while (n < u->len && n > 0 && ((unsigned char)doc->text[u->off + n] & 0xC0) == 0x80)
                n--;
            snprintf(id, sizeof id, "%.*s", (int)n, doc->text + u->off);
            raise_at(&L, EL_RULE_COMMENT_UNKNOWN_RULE, u->off, -1, id);
        }
    rules_structure(&L);
    rules_length(&L);
    rules_evidence(&L);
    each_span(&L, span_marks); /* and quote/unattributed; the headings' punctuation */
    /* style: nothing to find in a document whose lexicon hits hold neither category (the
       extractors have made them) and with no colloquial words of the configuration's own */
    char *const *extra;
    if (!doc->lexed || doc->lexcount[EL_LEX_COLLOQUIAL] || doc->lexcount[EL_LEX_FIRSTPERSON] ||
        el_config_colloquial(cfg, &extra))
        each_span(&L, span_style);
    rule_notes(&L);
    finish(&L);

    el_suppress_free(L.sup);
    free(L.opened.v);
    free(L.para_sec);
    free(L.note_sec);
}
