/* SPDX-License-Identifier: MIT */
/*
 * Rhetorical devices of the essay's own text (title and 正文): 排比 (parallelism), 对偶
 * (antithesis), 比喻/形象表达 (metaphor), 正反对比 (contrast), 设问/反问 (rhetorical
 * question) and 引用 (citation, one per policy or classical quote, and one per known classical
 * line written bare around a question mark, which is no 设问).
 *
 * Each paragraph is cut into clauses at ，；。、！？： once; the clause-level devices
 * compare neighbours only (a frame of at most three characters, a shape of at most 24), and
 * the members of a sentence split by ；(groups of up to four clauses) are compared with
 * their neighbours alike, so the whole pass is linear. The patterns and thresholds are explained
 * where they are used: precision matters more than recall, a list of places is not a 排比. A
 * device's text keeps whole the quotation marks and brackets it opens or closes (balance_span).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "lexicon.h"
#include "quotes.h"
#include "text.h"

/* han_run tests sixteen bytes (five Han characters) at a time where SSE2 is there. */
#if defined(__SSE2__) && defined(__GNUC__)
#define DEVICES_SSE2 1
#include <emmintrin.h>
#else
#define DEVICES_SSE2 0
#endif

/* Cap on devices per file. */
#define EL_DEVICES_MAX 10000
/* Longest clause (code points) compared position by position. */
#define SHAPE_MAX 24

/*
 * Single characters that open parallel clauses (以…、让…、用…、在…中): 以 让 用 在 把 要 为
 * 从 向 对 靠 使 凭 是 有 不 无 当 将 更 多 每 既 于 给 往. They are tested for every
 * candidate run: as the cases of a switch, a few compares, where a word list would cost a
 * memcmp per word.
 */
/* clang-format off */
#define FRAME1_CPS(X)                                                                              \
    X(0x4EE5) X(0x8BA9) X(0x7528) X(0x5728) X(0x628A) X(0x8981) X(0x4E3A) X(0x4ECE) X(0x5411)    \
    X(0x5BF9) X(0x9760) X(0x4F7F) X(0x51ED) X(0x662F) X(0x6709) X(0x4E0D) X(0x65E0) X(0x5F53)    \
    X(0x5C06) X(0x66F4) X(0x591A) X(0x6BCF) X(0x65E2) X(0x4E8E) X(0x7ED9) X(0x5F80)
/* Chinese numerals and the 点 of a decimal: 〇零一二三四五六七八九十百千万亿两点. */
#define NUMERAL_CPS(X)                                                                             \
    X(0x3007) X(0x96F6) X(0x4E00) X(0x4E8C) X(0x4E09) X(0x56DB) X(0x4E94) X(0x516D) X(0x4E03)    \
    X(0x516B) X(0x4E5D) X(0x5341) X(0x767E) X(0x5343) X(0x4E07) X(0x4EBF) X(0x4E24) X(0x70B9)
/* clang-format on */
#define CP_CASE(c) case c:

static bool frame1(uint32_t c)
{
    switch (c) {
        FRAME1_CPS(CP_CASE)
        return true;
    default:
        return false;
    }
}

/* Characters before 像 that make it a noun (图像, 影像) rather than a simile. */
static const char *const xiang_nouns[] = {
    "图", "影", "肖", "好", "想", "录", "画", "偶", "雕", "塑", "头", "人", "佛",
    "群", "实", "不", "镜", "音", "成", "显", "映", "造", "石", "铜", "蜡", NULL,
};
/* Words ending a 像… simile. */
static const char *const xiang_ends[] = {"一样", "一般", "似的", NULL};
/* Words that make a 就像… clause a citation or an example, not a figure (就像总书记所说,
   就像北京这样的城市). */
static const char *const jiuxiang_not[] = {"说",   "讲",   "指出", "强调", "提到", "所",
                                           "这样", "那样", "这种", "那种", NULL};
/* Characters before 是 that make it part of a conjunction or adverb (但是, 于是, 总是). */
static const char *const is_prefix_excl[] = {"但", "可", "于", "若", "要",
                                             "凡", "总", "还", "或", NULL};

typedef EL_VEC(el_lex_hit) hit_vec;

/* A counted string in `plain`. */
struct strref {
    const char *p;
    size_t n;
};

struct clause {
    size_t start, end; /* trimmed, relative to the block */
    size_t ncp;        /* code points */
    size_t nhan;
    bool places;       /* every Han character lies inside a place name: a list, not a figure */
    bool sentence_end; /* the clause is followed by 。！？ (not ，；、) */
    bool comma_after;  /* followed by ，or ；(a pair may be a 对偶) */
    bool semi;         /* followed by ；inside the sentence: it ends a member (see members) */
    bool in_par;       /* part of a 排比 or of a two-member 对偶 already reported */
    uint32_t lead[4];  /* the first code points (min(ncp, 4) of them): frames are compared here */
};

typedef EL_VEC(struct clause) clause_vec;

struct dstate {
    el_doc *doc;
    size_t base; /* plain offset of the block being scanned */
    hit_vec hits;
    unsigned cats; /* EL_LEX_CAT_BIT of the categories among hits: passes without one skip */
    el_qpair_vec pairs;
    clause_vec cl;
    unsigned char *cov; /* per byte of the block: inside a place hit */
    size_t covcap;
    EL_VEC(el_span) meta;      /* metaphor candidates of the block */
    struct strref *case_names; /* texts of the case names, sorted */
    size_t ncase;
    size_t *evid; /* sorted plain offsets of positive evidence (statistics, positive cases) */
    size_t nevid;
    /* Gathered by split_clauses, so that later passes need not decode the block again. */
    EL_VEC(size_t) marks; /* offsets of 。！？!? and line ends: where sentences may end */
    bool semi;            /* a clause ends a member (its semi): without one, no members */
    size_t nsemi;         /* how many do: a 排比 of members wants two at least */
    EL_VEC(size_t) trig;  /* offsets of metaphor_trigger characters */
    EL_VEC(char) qbuf;    /* the quotation marks of the block, three bytes each (see note_mark) */
    EL_VEC(size_t) qmap;  /* per mark of qbuf: its offset in the block */
};

/* ---- helpers ------------------------------------------------------------------------ */

/* Append a device of plain[off..off+len) in section sec; false at the cap (or if empty). */
static bool add_device_in(el_doc *doc, enum el_device_type type, size_t off, size_t len, int sec)
{
    if (doc->devices.n >= EL_DEVICES_MAX || len == 0)
        return false;
    /* Designated: any field not named here starts zeroed. */
    *EL_VEC_PUSH(doc->devices) = (el_device){.type = type, .txt = {off, len}, .section = sec};
    return true;
}

static bool add_device(struct dstate *st, enum el_device_type type, size_t off, size_t len)
{
    el_doc *doc = st->doc;
    if (doc->devices.n >= EL_DEVICES_MAX || len == 0)
        return false;
    return add_device_in(doc, type, off, len, el_doc_section_at(doc, off));
}

/* What the clause cutting tells apart in a character, as bits of char_class. */
enum {
    CL_PAUSE = 1,  /* a clause delimiter inside a sentence: ，；、：,;: (delim 1) */
    CL_STOP = 2,   /* a sentence end: 。！？!? line end … (delim 2) */
    CL_SPACE = 4,  /* space, tab, U+3000, no-break space */
    CL_OPEN = 8,   /* an opening quotation mark or bracket: “ ‘ 「 『 （ ( " */
    CL_CLOSE = 16, /* a closing one: ” ’ 」 』 ） ) " */
    CL_QUOTE = 32, /* a quotation mark pairing looks at: “ ” 「 」 『 』 " */
    CL_COMMA = 64, /* ，, or ；; (a pair of clauses may be a 对偶) */
    CL_SEMI = 128, /* ；; */
};

/*
 * The CL_ bits of c: one switch (a few compares) where a chain of tests per predicate cost
 * several times as many. Han, nearly every character, is turned away first.
 */
static inline unsigned char_class(uint32_t c)
{
    if (c - 0x3400u <= 0x9FFFu - 0x3400u)
        return 0;
    switch (c) {
    case 0xFF0C:
    case ',':
        return CL_PAUSE | CL_COMMA;
    case 0xFF1B:
    case ';':
        return CL_PAUSE | CL_COMMA | CL_SEMI;
    case 0x3001:
    case 0xFF1A:
    case ':':
        return CL_PAUSE;
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case '!':
    case '?':
    case '\n':
    case 0x2026:
        return CL_STOP;
    case ' ':
    case '\t':
    case 0x3000:
    case 0xA0:
        return CL_SPACE;
    case 0x201C:
    case 0x300C:
    case 0x300E:
        return CL_OPEN | CL_QUOTE;
    case 0x2018:
    case 0xFF08:
    case '(':
        return CL_OPEN;
    case 0x201D:
    case 0x300D:
    case 0x300F:
        return CL_CLOSE | CL_QUOTE;
    case 0x2019:
    case 0xFF09:
    case ')':
        return CL_CLOSE;
    case '"':
        return CL_OPEN | CL_CLOSE | CL_QUOTE;
    default:
        return 0;
    }
}

/*
 * char_class by table for the marks an essay is full of: ASCII, and the three-byte blocks
 * U+2000–U+203F (E2 80 xx: “”‘’…), U+3000–U+303F (E3 80 xx: 、。「」『』 U+3000) and
 * U+FF00–U+FF3F (EF BC xx: ，；：！？（）), indexed by the low six bits of the last byte.
 */
static const unsigned char ascii_class[128] = {
    [','] = CL_PAUSE | CL_COMMA,
    [';'] = CL_PAUSE | CL_COMMA | CL_SEMI,
    [':'] = CL_PAUSE,
    ['!'] = CL_STOP,
    ['?'] = CL_STOP,
    ['\n'] = CL_STOP,
    [' '] = CL_SPACE,
    ['\t'] = CL_SPACE,
    ['('] = CL_OPEN,
    [')'] = CL_CLOSE,
    ['"'] = CL_OPEN | CL_CLOSE | CL_QUOTE,
};
static const unsigned char block_class[3][64] = {
    /* U+2000 + i: ‘ ’ “ ” … */
    {[0x18] = CL_OPEN,
     [0x19] = CL_CLOSE,
     [0x1C] = CL_OPEN | CL_QUOTE,
     [0x1D] = CL_CLOSE | CL_QUOTE,
     [0x26] = CL_STOP},
    /* U+3000 + i: U+3000 、。「」『』 */
    {[0x00] = CL_SPACE,
     [0x01] = CL_PAUSE,
     [0x02] = CL_STOP,
     [0x0C] = CL_OPEN | CL_QUOTE,
     [0x0D] = CL_CLOSE | CL_QUOTE,
     [0x0E] = CL_OPEN | CL_QUOTE,
     [0x0F] = CL_CLOSE | CL_QUOTE},
    /* U+FF00 + i: ！（），：；？ */
    {[0x01] = CL_STOP,
     [0x08] = CL_OPEN,
     [0x09] = CL_CLOSE,
     [0x0C] = CL_PAUSE | CL_COMMA,
     [0x1A] = CL_PAUSE,
     [0x1B] = CL_PAUSE | CL_COMMA | CL_SEMI,
     [0x1F] = CL_STOP},
};

/* The code point of the three bytes at u. */
static inline uint32_t cp3(const unsigned char *u)
{
    return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
}

/* The second byte of a mark of block_class, by the low four bits of its first (E2, E3, EF);
   0 for any other lead (no second byte is 0 in a character of three bytes). */
static const unsigned char block_second[16] = {[0x2] = 0x80, [0x3] = 0x80, [0xF] = 0xBC};
/* The row of block_class by the low four bits of the first byte (where block_second is set). */
static const unsigned char block_row[16] = {[0x2] = 0, [0x3] = 1, [0xF] = 2};

/*
 * The character at s[i] of s[0..n) into *c and *k (as el_text_cp) and its char_class: ASCII
 * and the marks of block_class by a look at their bytes rather than el_text_cp and the switch
 * (a paragraph has a mark every four or five characters); others the long way. Which of the
 * two kinds a character is, and which block, is as good as random: they are told apart by
 * arithmetic, not by branches.
 */
static inline unsigned class_at(const char *s, size_t n, size_t i, uint32_t *c, size_t *k)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (n - i >= 3) {
        unsigned u0 = u[0], u1 = u[1], u2 = u[2], lo = u0 & 15;
        bool ascii = u0 < 0x80;
        bool mark =
            ((u0 & 0xF0) == 0xE0) & (u1 == block_second[lo]) & (u1 != 0) & ((u2 & 0xC0) == 0x80);
        if (ascii | mark) {
            unsigned a = ascii_class[u0 & 0x7F], m = block_class[block_row[lo]][u2 & 63];
            *c = ascii ? u0 : cp3(u);
            *k = ascii ? 1 : 3;
            if (__builtin_expect(u0 == '.', 0)) /* 。 as an English input method types it */
                a = el_text_dot_ends(s, n, i) ? CL_STOP : 0;
            return ascii ? a : m;
        }
    } else if (u[0] < 0x80) {
        *c = u[0];
        *k = 1;
        return u[0] == '.' && el_text_dot_ends(s, n, i) ? CL_STOP : ascii_class[u[0]];
    }
    *c = el_text_cp(s, n, i, k);
    return char_class(*c);
}

static bool is_hspace(uint32_t c)
{
    return char_class(c) & CL_SPACE;
}

static bool is_closer(uint32_t c)
{
    return char_class(c) & CL_CLOSE;
}

/* Clause delimiters: 1 = inside a sentence (，；、：), 2 = sentence end, 0 = none. */
static inline int delim(uint32_t c)
{
    return (int)(char_class(c) & (CL_PAUSE | CL_STOP));
}

/*
 * Bracketing marks a device's text keeps whole: “” ‘’ 「」 『』 （） () 《》. Clauses are
 * trimmed of their outer marks, so a span that ends in …也要有“面子 would lose the ” that
 * closes a mark it opened.
 */
static const uint32_t span_open[] = {0x201C, 0x2018, 0x300C, 0x300E, 0xFF08, '(', 0x300A};
static const uint32_t span_close[] = {0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, ')', 0x300B};
#define NKINDS (sizeof span_open / sizeof *span_open)

/* Index in span_open (*dir 1) or span_close (*dir -1) of c; -1 for any other character. */
static int mark_kind(uint32_t c, int *dir)
{
    if (c - 0x3400u <= 0x9FFFu - 0x3400u) /* Han: the common case, turned away at once */
        return -1;
    for (size_t k = 0; k < NKINDS; k++) {
        if (c == span_open[k]) {
            *dir = 1;
            return (int)k;
        }
        if (c == span_close[k]) {
            *dir = -1;
            return (int)k;
        }
    }
    return -1;
}

/*
 * Widen s[*a..*b) over the marks just outside it that pair with a mark inside: a closing ”
 * after the span for a “ opened in it, an opening “ before it for a ” closed in it (an
 * ASCII " when the span holds an odd number). Called once per device, so the scan of the
 * span is no per-character work on the text as a whole.
 */
static void balance_span(const char *s, size_t n, size_t *a, size_t *b)
{
    int depth[NKINDS] = {0}, low[NKINDS] = {0}, dir = 0;
    size_t ascii = 0, k, j;
    /* Mostly a delimiter lies on either side: then nothing can be missing. */
    bool after =
        *b < n && (mark_kind(el_text_cp(s, n, *b, &k), &dir) >= 0 ? dir < 0 : s[*b] == '"');
    bool before =
        *a > 0 && (mark_kind(el_text_prev_cp(s, *a, &j), &dir) >= 0 ? dir > 0 : s[j] == '"');
    if (!after && !before)
        return;
    for (size_t i = *a; i < *b; i += k) {
        uint32_t c = el_text_cp(s, *b, i, &k);
        int t = mark_kind(c, &dir);
        if (t >= 0) {
            depth[t] += dir;
            if (depth[t] < low[t])
                low[t] = depth[t];
        } else if (c == '"') {
            ascii++;
        }
    }
    int need_close[NKINDS], need_open[NKINDS];
    for (size_t t = 0; t < NKINDS; t++) {
        need_close[t] = depth[t] - low[t];
        need_open[t] = -low[t];
    }
    while (*b < n) {
        uint32_t c = el_text_cp(s, n, *b, &k);
        int t = mark_kind(c, &dir);
        if (t >= 0 && dir < 0 && need_close[t] > 0) {
            need_close[t]--;
        } else if (c == '"' && ascii % 2) {
            ascii++;
        } else {
            break;
        }
        *b += k;
    }
    while (*a > 0) {
        uint32_t c = el_text_prev_cp(s, *a, &j);
        int t = mark_kind(c, &dir);
        if (t >= 0 && dir > 0 && need_open[t] > 0) {
            need_open[t]--;
        } else if (c == '"' && ascii % 2) {
            ascii++;
        } else {
            break;
        }
        *a = j;
    }
}

/* add_device for s[a..b) of the block at base, widened to keep its marks paired. */
static bool add_balanced(struct dstate *st, enum el_device_type type, const char *s, size_t n,
                         size_t base, size_t a, size_t b)
{
    balance_span(s, n, &a, &b);
    return add_device(st, type, base + a, b - a);
}

/*
 * Characters that may open a figure in find_metaphors: 插(上…翅膀), 像(…一样) and the first
 * character of each simile marker (如 犹 宛 好 恰 仿 有; keep simile_at in step).
 * Testing these once per character replaces a word-list match at every Han character.
 */
#define METAPHOR_TRIGGERS(X)                                                                       \
    X(0x63D2) X(0x50CF) X(0x5982) X(0x72B9) X(0x5B9B) X(0x597D) X(0x6070) X(0x4EFF) X(0x6709)
#define TRIGGER_BIT(c) | UINT64_C(1) << ((c)&63)
/* One bit per value of the low six bits of a trigger (of the last byte of its UTF-8 too). */
#define TRIGGER_LOW_BITS (0 METAPHOR_TRIGGERS(TRIGGER_BIT))
#define TRIGGER_ROW(c) [(c) >> 6 & 63] = UINT64_C(1) << ((c)&63),
/*
 * The triggers by their middle six bits (the middle byte of the UTF-8; no two share them,
 * test_devices_fast4 checks), a bit per last six bits in that row: 12 of the 16 bits, so of
 * the Han characters that pass, nearly all are triggers. One test where a filter on the last
 * byte alone let one character in seven through, and its branch went wrong as often.
 */
static const uint64_t trigger_rows[64] = {METAPHOR_TRIGGERS(TRIGGER_ROW)};

static inline bool metaphor_trigger(uint32_t c)
{
    /* A filter on the low six bits turns most characters away before the exact test. */
    if (!(TRIGGER_LOW_BITS >> (c & 63) & 1))
        return false;
    switch (c) {
        METAPHOR_TRIGGERS(CP_CASE)
        return true;
    default:
        return false;
    }
}

/* EL_VEC_PUSH that calls xgrow only when full: for the pushes made per character. */
#define PUSH(vec) ((vec).n < (vec).cap ? &(vec).v[(vec).n++] : EL_VEC_PUSH(vec))
/* Capacity for at least want items. */
#define RESERVE(vec, want) ((vec).v = xgrow((vec).v, &(vec).cap, (want), sizeof *(vec).v))

static bool word_at(const char *s, size_t n, size_t i, const char *w)
{
    size_t k = strlen(w);
    return i + k <= n && memcmp(s + i, w, k) == 0;
}

/* Whether the code point c is one of the single-character words. */
static bool cp_in(uint32_t c, const char *const *words)
{
    /* Each word decoded in place: four bytes reach past a character and its NUL at most. */
    for (size_t k; *words; words++)
        if (el_text_cp(*words, 4, 0, &k) == c && (*words)[k] == '\0')
            return true;
    return false;
}

/* The lexicon categories the devices look at in every block: places (lists, evidence,
   鄞州区的“X”), figures and contrast markers. The one-character parallel frames, more than
   half of all the hits, are asked of the document where a frame wants one (frame_ok). */
#define DEVICE_CATS                                                                                \
    (EL_LEX_CAT_BIT(EL_LEX_PLACE) | EL_LEX_CAT_BIT(EL_LEX_METAPHOR) |                              \
     EL_LEX_CAT_BIT(EL_LEX_CONTRAST))

/* Keep a hit (el_doc_lex_scan_cats passes those of DEVICE_CATS alone), and note its category. */
static void collect_hit(void *ctx, const el_lex_hit *h)
{
    struct dstate *st = ctx;
    *PUSH(st->hits) = *h;
    st->cats |= EL_LEX_CAT_BIT(h->cat);
}

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

/* ---- clauses ------------------------------------------------------------------------ */

/* Up to max code points of a clause. */
static size_t clause_cps(const char *s, const struct clause *c, uint32_t *out, size_t max)
{
    size_t m = 0, k;
    for (size_t i = c->start; i < c->end && m < max; i += k)
        out[m++] = el_text_cp(s, c->end, i, &k);
    return m;
}

/*
 * Bookkeeping for a character that is not Han, cls its char_class(): where sentences may end
 * (sentence marks and line ends, not …) and the quotation marks. A mark takes three bytes of
 * qbuf (an ASCII " is padded with spaces, which pairing skips), so mark x/3 holds qbuf[x].
 */
static inline void note_mark(struct dstate *st, const char *s, uint32_t c, unsigned cls, size_t i,
                             size_t k)
{
    if (cls & CL_STOP) {
        if (c != 0x2026)
            *PUSH(st->marks) = i;
    } else if (cls & CL_QUOTE) {
        if (st->qbuf.cap - st->qbuf.n < 3) /* xgrow, a call, only when full */
            RESERVE(st->qbuf, st->qbuf.n + 3);
        memcpy(st->qbuf.v + st->qbuf.n, k == 3 ? s + i : "\"  ", 3);
        st->qbuf.n += 3;
        *PUSH(st->qmap) = i;
    }
}

/* The counts of the clause being cut (split_clauses). */
struct ccount {
    size_t ncp, nhan;
    bool all_place; /* every Han character so far lies in a place name (or is 等) */
    uint32_t lead[4];
};

/* What the Han character c at s[i] adds to the clause (the one-character way, han_span's). */
static inline void count_han(struct dstate *st, struct ccount *cc, uint32_t c, size_t i)
{
    if (cc->ncp < 4)
        cc->lead[cc->ncp] = c;
    if (cc->all_place && !st->cov[i] && c != 0x7B49) /* 等 closes a list */
        cc->all_place = false;
    if (metaphor_trigger(c))
        *PUSH(st->trig) = i;
    cc->ncp++;
    cc->nhan++;
}

/* Whether the Han character whose middle and last bytes are mid and last may be a trigger
   (trigger_rows: the lead byte is left to metaphor_trigger). */
static inline bool trigger_candidate(unsigned mid, unsigned last)
{
    return trigger_rows[mid & 63] >> (last & 63) & 1;
}

/* Push the Han character at u[i] (three bytes), a trigger_candidate, onto st->trig if it is a
   figure trigger. */
static inline void note_trigger(struct dstate *st, const unsigned char *u, size_t i)
{
    if (metaphor_trigger(cp3(u + i)))
        *PUSH(st->trig) = i;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/*
 * 1 if the three low bytes of y (the first byte lowest) are a Han character U+4E00–U+9FFF:
 * lead and second byte E4 B8..E9 BF, then two continuation bytes (el_text_han_run's tests),
 * else 0. Arithmetic, no branch: where a run ends is as good as random.
 */
static inline unsigned han3_word(uint64_t y)
{
    unsigned key = ((unsigned)y & 0xFF) << 8 | ((unsigned)y >> 8 & 0xFF);
    return ((y & 0xC0C000u) == 0x808000u) & (key - 0xE4B8u <= 0xE9BFu - 0xE4B8u);
}
#endif

#if DEVICES_SSE2
/* The middle and last bytes of the UTF-8 of c, a trigger, as a 16-bit lane holds them. */
#define TRIGGER_PAIR(c) (short)((0x80 | ((c) >> 6 & 63)) | (0x80 | ((c)&63)) << 8)
#define TRIGGER_EQ(c) _mm_cmpeq_epi16(pairs, _mm_set1_epi16(TRIGGER_PAIR(c))),
#define OR10(a, b, c, d, e, f, g, h, k, z)                                                         \
    _mm_or_si128(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)),                             \
                 _mm_or_si128(_mm_or_si128(e, f), _mm_or_si128(_mm_or_si128(g, h), k)))
#define OR10_(...) OR10(__VA_ARGS__)
/* The nine compares, or'ed (the list leaves a comma after its last: a tenth argument, unused). */
#define TRIGGER_ANY OR10_(METAPHOR_TRIGGERS(TRIGGER_EQ) 0)

/*
 * han_run for the five characters that may start in the sixteen bytes at u[*i], branch-free
 * but for where the run ends: true with *i at that end if it is among them, else false with
 * *i five characters on. The tests of han3_word for every lead byte at once, then the
 * triggers by the middle and last bytes of the five characters, gathered into 16-bit lanes
 * and compared with the nine triggers' (no two triggers share them; metaphor_trigger checks
 * the lead byte of the few that match).
 */
static inline bool han_run16(struct dstate *st, const unsigned char *u, size_t *i)
{
    __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(u + *i));
    /* as signed bytes: continuation 0x80..0xBF < -64; E5..E9 = -27..-23; E4 = -28 */
    unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(w, _mm_set1_epi8(-64)));
    unsigned e59 = (unsigned)_mm_movemask_epi8(_mm_and_si128(
        _mm_cmpgt_epi8(w, _mm_set1_epi8(-28)), _mm_cmplt_epi8(w, _mm_set1_epi8(-22))));
    unsigned e4 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, _mm_set1_epi8(-28)));
    /* bytes B8..FF (or ASCII): with cont, a second byte E4 may take (U+4E00 on) */
    unsigned b8 = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(w, _mm_set1_epi8(-73)));
    unsigned good = (e59 | (e4 & (b8 & cont) >> 1)) & cont >> 1 & cont >> 2;
    unsigned fail = 0x1249u & ~good; /* characters at bytes 0, 3, 6, 9, 12 */
    unsigned run = fail ? (fail & (0u - fail)) - 1 : 0x7FFFu;
    /* The pairs of bytes 1-2, 7-8 and 13-14 are lanes 0, 3 and 6 of w shifted by a byte,
       those of bytes 4-5 and 10-11 lanes 2 and 5 of w. */
    __m128i pairs =
        _mm_or_si128(_mm_and_si128(_mm_srli_si128(w, 1), _mm_set_epi16(0, -1, 0, 0, -1, 0, 0, -1)),
                     _mm_and_si128(w, _mm_set_epi16(0, 0, -1, 0, 0, -1, 0, 0)));
    unsigned tm = (unsigned)_mm_movemask_epi8(TRIGGER_ANY);
    /* lane L gives bits 2L and 2L + 1: the characters at 0, 6, 12 and (shifted) 3, 9 */
    unsigned cand = ((tm & 0x1041u) | (tm & 0x410u) >> 1) & run;
    for (; cand; cand &= cand - 1)
        note_trigger(st, u, *i + (unsigned)__builtin_ctz(cand));
    if (fail) {
        *i += (unsigned)__builtin_ctz(fail);
        return true;
    }
    *i += 15;
    return false;
}
#endif

/*
 * Offset past the run of Han characters U+4E00–U+9FFF that starts at s[i] (the run
 * el_text_han_run finds, by the same tests), noting the figure triggers in it, each by
 * trigger_candidate first. The triggers want a look at every character of the text:
 * el_text_han_run and a second pass over the run for them took a sixth more instructions than
 * this one loop, which reads two characters per eight-byte load. Its tests are combined so
 * that one branch goes wrong where the run ends, rather than one of several. With SSE2,
 * han_run16 takes five characters per sixteen-byte load first; this loop does the last bytes.
 */
static size_t han_run(struct dstate *st, const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
#if DEVICES_SSE2
    while (n - i >= 16)
        if (han_run16(st, u, &i))
            return i;
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (n - i >= 8) {
        uint64_t x; /* bytes i..i+7, s[i] in the low byte */
        memcpy(&x, u + i, 8);
        unsigned h0 = han3_word(x), h1 = han3_word(x >> 24);
        if (!(h0 & h1)) { /* the run ends at i or i + 3 */
            if (h0 & trigger_candidate((unsigned)(x >> 8), (unsigned)(x >> 16)))
                note_trigger(st, u, i);
            return i + 3 * h0;
        }
        if (trigger_candidate((unsigned)(x >> 8), (unsigned)(x >> 16)))
            note_trigger(st, u, i);
        if (trigger_candidate((unsigned)(x >> 32), (unsigned)(x >> 40)))
            note_trigger(st, u, i + 3);
        i += 6;
    }
#endif
    while (n - i >= 3 && ((unsigned)u[i] << 8 | u[i + 1]) - 0xE4B8u <= 0xE9BFu - 0xE4B8u &&
           ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80)) < 0x40) {
        if (trigger_candidate(u[i + 1], u[i + 2]))
            note_trigger(st, u, i);
        i += 3;
    }
    return i;
}

/*
 * count_han for the run s[i..h) that han_run skipped (its triggers noted), by the piece: the
 * counts by arithmetic, the leading characters while the clause has fewer than four, the
 * place test until it fails (mostly at the first character).
 */
static inline void han_span(struct dstate *st, const unsigned char *u, size_t i, size_t h,
                            struct ccount *cc)
{
    if (cc->ncp == 0 && h - i >= 12) { /* a clause opening with four Han (most): no loop */
        cc->lead[0] = cp3(u + i);
        cc->lead[1] = cp3(u + i + 3);
        cc->lead[2] = cp3(u + i + 6);
        cc->lead[3] = cp3(u + i + 9);
    } else {
        for (size_t p = i, m = cc->ncp; m < 4 && p < h; p += 3, m++)
            cc->lead[m] = cp3(u + p);
    }
    for (size_t p = i; cc->all_place && p < h; p += 3) /* 等 (E7 AD 89) closes a list */
        if (!st->cov[p] && (u[p] != 0xE7 || u[p + 1] != 0xAD || u[p + 2] != 0x89))
            cc->all_place = false;
    cc->ncp += (h - i) / 3;
    cc->nhan += (h - i) / 3;
}

/*
 * Cut s[0..n) into clauses, trimmed of spaces and of quote marks at either end. One pass:
 * runs of Han (nearly the whole text) are skipped by han_run and counted by the piece, any
 * other character is decoded and classified once; the counts of a clause are taken on the
 * way to its delimiter, and the trimmed ends (never Han) are taken off its code-point count
 * after.
 */
static void split_clauses(struct dstate *st, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    st->cl.n = 0;
    st->marks.n = 0;
    st->trig.n = 0;
    st->qbuf.n = 0;
    st->qmap.n = 0;
    st->semi = false;
    st->nsemi = 0;
    size_t i = 0, k = 0;
    while (i < n) {
        size_t a = i;
        struct ccount cc = {0, 0, true, {0}};
        unsigned cls = 0; /* char_class of the last character that is not Han */
        uint32_t c = 0;
        bool trim_end = false; /* the character before the delimiter is a space or closing mark */
        for (;;) {
            /* A lead byte E4..E9 may start Han; any other byte is a mark, a digit or a letter,
               and no run need be tried. */
            size_t h = i < n && u[i] - 0xE4u <= 0xE9u - 0xE4u ? han_run(st, s, n, i) : i;
            if (h > i) {
                han_span(st, u, i, h, &cc);
                trim_end = false;
                i = h;
            }
            if (i >= n)
                break;
            cls = class_at(s, n, i, &c, &k);
            if (!cls && el_text_is_han(c)) { /* 〇, extension A, compatibility, beyond the BMP */
                count_han(st, &cc, c, i);
                trim_end = false;
            } else {
                note_mark(st, s, c, cls, i, k);
                if (cls & (CL_PAUSE | CL_STOP))
                    break;
                if (cc.ncp < 4)
                    cc.lead[cc.ncp] = c;
                cc.ncp++;
                trim_end = cls & (CL_SPACE | CL_CLOSE);
            }
            i += k;
        }
        size_t b = i, ncp = cc.ncp;
        /* The delimiter (at the end of the text, none: cls holds no delimiter bits then) and
           any closing marks or further delimiters after it. */
        bool end = cls & CL_STOP, comma = false, semi = false;
        if (i < n) {
            semi = cls & CL_SEMI;
            comma = cls & CL_COMMA;
            i += k;
        }
        /* Mostly Han follows: a lead byte E4..E9 starts U+4000-U+9FFF (or an invalid
           sequence, U+FFFD), no mark of char_class either way, and needs no decoding. */
        while (i < n && u[i] - 0xE4u > 0xE9u - 0xE4u) {
            unsigned c2 = class_at(s, n, i, &c, &k);
            if (!(c2 & (CL_CLOSE | CL_PAUSE | CL_STOP | CL_SPACE)))
                break;
            note_mark(st, s, c, c2, i, k);
            if (c2 & CL_STOP)
                end = true;
            i += k;
        }
        size_t cut = 0; /* code points trimmed at the front */
        if (a < b && (char_class(cc.lead[0]) & (CL_SPACE | CL_OPEN | CL_CLOSE))) {
            while (a < b) {
                c = el_text_cp(s, b, a, &k);
                if (!(char_class(c) & (CL_SPACE | CL_OPEN | CL_CLOSE)))
                    break;
                a += k;
                cut++;
            }
        }
        ncp -= cut;
        /* Most clauses end in a character that is kept: no need to step back. */
        if (trim_end) {
            while (b > a) {
                size_t j;
                c = el_text_prev_cp(s, b, &j);
                if (!(char_class(c) & (CL_SPACE | CL_CLOSE)))
                    break;
                b = j;
                ncp--;
            }
        }
        if (a >= b)
            continue;
        struct clause *cl = PUSH(st->cl);
        *cl = (struct clause){.start = a,
                              .end = b,
                              .ncp = ncp,
                              .nhan = cc.nhan,
                              .places = cc.all_place && cc.nhan > 0,
                              .sentence_end = end,
                              .comma_after = comma && !end,
                              .semi = semi && !end,
                              /* all four: entries past ncp are never read */
                              .lead = {cc.lead[0], cc.lead[1], cc.lead[2], cc.lead[3]}};
        st->semi |= cl->semi;
        st->nsemi += cl->semi;
        if (cut) { /* the first characters are past those trimmed */
            memset(cl->lead, 0, sizeof cl->lead);
            clause_cps(s, cl, cl->lead, 4);
        }
    }
}

/*
 * Whether a quoted term of the block may be a figure (find_metaphors): the block has a
 * lexicon figure, or a quotation mark follows 的 (是…的“X”). Else pairing is no use.
 */
static bool figure_possible(const struct dstate *st, const char *s)
{
    if (st->cats & EL_LEX_CAT_BIT(EL_LEX_METAPHOR))
        return true;
    for (size_t m = 0; m < st->qmap.n; m++) {
        size_t j;
        if (st->qmap.v[m] > 0 && el_text_prev_cp(s, st->qmap.v[m], &j) == 0x7684) /* 的 */
            return true;
    }
    return false;
}

/*
 * The quotation pairs of the block into st->pairs, when find_metaphors may want them.
 * Pairing looks at nothing but the sequence of marks, which split_clauses gathered into
 * qbuf: pairing that short string and mapping the offsets back gives the pairs of the block
 * without decoding it again.
 */
static void quote_pairs(struct dstate *st, const char *s)
{
    if (!st->qbuf.n || !figure_possible(st, s)) {
        st->pairs.n = 0;
        return;
    }
    el_quote_pairs(st->qbuf.v, st->qbuf.n, &st->pairs);
    for (size_t i = 0; i < st->pairs.n; i++) {
        el_qpair *p = &st->pairs.v[i];
        size_t open = st->qmap.v[p->open / 3], close = st->qmap.v[p->close / 3];
        *p = (el_qpair){open, open + (p->inner - p->open), close, close + (p->end - p->close)};
    }
}

/* Common leading Han code points of a[0..na) and b[0..nb), at most 3. */
static size_t lcp3(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t i = 0;
    while (i < 3 && i < na && i < nb && a[i] == b[i] && el_text_is_han(a[i]))
        i++;
    return i;
}

/*
 * Whether clause c (as split_clauses cut it: ncp and nhan exact) holds Han alone, three bytes
 * a character: each of its ncp characters is then the three bytes at 3 × its index.
 */
static bool han3(const struct clause *c)
{
    return c->nhan == c->ncp && c->end - c->start == 3 * c->ncp;
}

/* clause_cps for a clause as split_clauses cut it: one of Han alone (most) decoded in place. */
static size_t cut_clause_cps(const char *s, const struct clause *c, uint32_t *out, size_t max)
{
    if (!han3(c))
        return clause_cps(s, c, out, max);
    size_t m = c->ncp < max ? c->ncp : max;
    for (size_t k = 0; k < m; k++)
        out[k] = cp3((const unsigned char *)s + c->start + 3 * k);
    return m;
}

/* Whether a clause may take part in a 排比: long enough and not a list of places. */
static bool par_eligible(const struct clause *c)
{
    return c->nhan >= 4 && !c->places;
}

/* A character asked of the lexicon (frame_ok): its length, and whether it is a frame. */
struct frame_query {
    size_t len;
    bool found;
};

/* el_doc_lex_scan callback: a parallel frame over the whole character is what frame_ok asks. */
static void frame_hit(void *ctx, const el_lex_hit *h)
{
    struct frame_query *q = ctx;
    if (h->cat == EL_LEX_PARALLEL_FRAME && h->start == 0 && h->end == q->len)
        q->found = true;
}

/* Whether a frame of len code points opening clause c is a real frame. */
static bool frame_ok(const struct dstate *st, const char *s, const struct clause *c, size_t len)
{
    if (len >= 2)
        return true;
    if (len == 0)
        return false;
    size_t k;
    uint32_t first = el_text_cp(s, c->end, c->start, &k);
    if (frame1(first))
        return true;
    /* A one-character frame from the lexicon, asked of the document: few clauses get here.
       Clauses cut without a document (unit tests) have no lexicon. */
    struct frame_query q = {k, false};
    if (st->doc)
        el_doc_lex_scan(st->doc, st->base + c->start, k, frame_hit, &q);
    return q.found;
}

/* Chinese numerals and the 点 of a decimal (三点五亿, 二点五万): digits, not wording. */
static inline bool cn_numeral(uint32_t c)
{
    switch (c) {
        NUMERAL_CPS(CP_CASE)
        return true;
    default:
        return false;
    }
}

/* Whether a[k] is part of a written-out number: a numeral next to another (三点五, 两万). */
static inline bool in_number(const uint32_t *a, size_t n, size_t k)
{
    return cn_numeral(a[k]) &&
           ((k > 0 && cn_numeral(a[k - 1])) || (k + 1 < n && cn_numeral(a[k + 1])));
}

/* Particles that two clauses of one length share at one place by chance (没有文化内涵的景区,
   就像没有灵魂的躯壳, 难以留住游客的脚步): alone they make no shape. */
static bool shape_particle(uint32_t c)
{
    return c == 0x7684 || c == 0x4E86; /* 的 了 */
}

/*
 * Same shape: equal length (5..SHAPE_MAX code points), non-Han marks at the same places,
 * and either such a mark or a character shared at one position besides the first, not a
 * shape_particle (党建是引领，科技是支撑，群众是基础). *mask narrows to the shared positions.
 * Four characters are a shape only as X是Y after ，or ；(comma: the delimiter before y):
 * a linking character shared in the middle and the ends apart (技术是根，设施是桥，市场是海).
 * A shared ending lists subjects (资金不足，人才不足，技术不足), numerals count items
 * (一是党建，二是科技) and 、 joins a list: none of them is a 排比. Each X是Y part is a figure
 * too, but no metaphor is reported for it: unquoted, X是Y is mostly a plain definition.
 */
static bool same_shape(const char *s, const struct clause *x, const struct clause *y, bool comma,
                       uint32_t *mask, bool *marks)
{
    /* Han at the same places needs as many Han characters: decode only when that holds. */
    if (x->ncp != y->ncp || x->ncp < 4 || x->ncp > SHAPE_MAX || x->nhan != y->nhan ||
        (x->ncp == 4 && !comma))
        return false;
    uint32_t m = 0;
    bool mk = false;
    size_t n = x->ncp;
    if (x->nhan == n && x->end - x->start == 3 * n && y->end - y->start == 3 * n) {
        /* Han alone, three bytes a character (most clauses): the places compare as bytes,
           and lead[0] is the first character. */
        const char *p = s + x->start, *q = s + y->start;
        for (size_t i = 1; i < n; i++)
            if (memcmp(p + 3 * i, q + 3 * i, 3) == 0 &&
                !shape_particle(cp3((const unsigned char *)p + 3 * i)))
                m |= 1u << i;
        if (n == 4 &&
            (!(m & 0x6u) || (m & 0x8u) || cn_numeral(x->lead[0]) || cn_numeral(y->lead[0])))
            return false;
    } else {
        uint32_t a[SHAPE_MAX], b[SHAPE_MAX];
        n = clause_cps(s, x, a, SHAPE_MAX);
        clause_cps(s, y, b, SHAPE_MAX);
        for (size_t i = 0; i < n; i++) {
            bool ha = el_text_is_han(a[i]), hb = el_text_is_han(b[i]);
            if (ha != hb || (!ha && a[i] != b[i]))
                return false;
            if (!ha)
                mk = true;
            else if (i > 0 && a[i] == b[i] && !shape_particle(a[i]))
                m |= 1u << i;
        }
        if (n == 4 && (mk || !(m & 0x6u) || (m & 0x8u) || cn_numeral(a[0]) || cn_numeral(b[0])))
            return false;
    }
    *mask &= m;
    *marks = mk;
    return mk || *mask;
}

/* ---- parallelism and antithesis ----------------------------------------------------- */

/*
 * Whether clause c may follow prev in a framed run. Three characters are enough behind a
 * shared frame (有担当，有作为，有情怀), but only apart from a list: 不平衡、不充分、不协调
 * is one. A run stays within its sentence, or takes whole sentences (以…。以…。以…。):
 * c joins only if prev ends a sentence exactly when the head does.
 */
static bool joins(const struct clause *head, const struct clause *prev, const struct clause *c)
{
    if (c->places || c->in_par || c->nhan < 3 || prev->sentence_end != head->sentence_end)
        return false;
    if ((c->nhan < 4 || prev->nhan < 4) && !(prev->comma_after || prev->sentence_end))
        return false;
    return c->nhan >= 4 || c->ncp == 3;
}

/* End of the run of clauses after i whose openings share a frame with head (clause i). */
static size_t frame_run(const struct dstate *st, const char *s, const struct clause *head, size_t i)
{
    const struct clause *cl = st->cl.v;
    uint32_t h[3];
    size_t nh, j = i + 1, frame = 3;
    if (head->start == cl[i].start) { /* no lead-in: the first characters are in lead[] */
        nh = head->ncp < 3 ? head->ncp : 3;
        memcpy(h, cl[i].lead, sizeof h);
    } else {
        nh = clause_cps(s, head, h, 3);
    }
    while (j < st->cl.n && joins(&cl[i], &cl[j - 1], &cl[j])) {
        size_t l = lcp3(h, nh, cl[j].lead, cl[j].ncp);
        size_t f = l < frame ? l : frame;
        if (!frame_ok(st, s, head, f) || cl[j].ncp < f + 2 || head->ncp < f + 2)
            break;
        frame = f;
        j++;
    }
    /* Items joined by 、 that are the frame and a two-character word each, but for the last
       (which may run on), are a list of compounds (推动海洋渔业、海洋旅游、海洋能源融合共进;
       数字经济、数字社会、数字政府), not a 排比; a doubled frame is a subject that repeats
       (人人关心、人人参与、人人共享). */
    if (j - i >= 3 && frame >= 2 && h[0] != h[1]) {
        bool list = true;
        for (size_t t = i; t + 1 < j && list; t++)
            list = !cl[t].comma_after && !cl[t].sentence_end &&
                   (t == i ? head->ncp : cl[t].ncp) == frame + 2;
        if (list)
            return i + 1;
    }
    return j;
}

/*
 * Whether clause c ends in a place name that starts after its first character but within
 * lead code points of its start: 在上海 (a frame and a place), where the list of places
 * behind a frame (在北京，在上海，在广州都有) is no 排比 and no 对偶. Asked of a few
 * candidate clauses only; the place hits ending at c->end are found by binary search.
 */
static bool frame_place(const struct dstate *st, const struct clause *c, size_t lead)
{
    for (size_t h = hit_lower(&st->hits, c->end); h < st->hits.n && st->hits.v[h].end == c->end;
         h++) {
        const el_lex_hit *x = &st->hits.v[h];
        if (x->cat == EL_LEX_PLACE && !(el_lex_flags(x->entry) & EL_LEX_WEAK) &&
            x->start > c->start && x->start - c->start <= 3 * lead)
            return true;
    }
    return false;
}

/* 之, the classical particle of short_frame and zhi_pair. */
#define CP_ZHI 0x4E4Bu

/*
 * Whether three-character items that share, with a, the first of them, the positions in mask
 * (bit k: position k) make a 排比 rather than a list: a frame around the character that varies
 * (不信谣、不传谣、不造谣), a verb, 得 and its complement (开得动、充得上、修得好), verbs with the
 * pronoun 之 (保护之，活化之，共享之), 一 and a measure word (一家人、一本账、一盘棋). One shared
 * character otherwise makes a list (不平衡、不充分、不协调; 进企业、进社区; 市场化、法治化;
 * 获得感、幸福感).
 */
/* Characters that open the items of a 排比 framed by its first and last character (不信谣、
   不传谣、不造谣; 有温度、有力度、有深度): negations and the like, not the first character of
   a word (洗衣机、洗碗机、洗地机 and 公交车、公务车、公用车 are lists). */
static bool frame_opener(uint32_t c)
{
    switch (c) {
    case 0x4E0D: /* 不 */
    case 0x65E0: /* 无 */
    case 0x6CA1: /* 没 */
    case 0x83AB: /* 莫 */
    case 0x52FF: /* 勿 */
    case 0x6709: /* 有 */
    case 0x96F6: /* 零 */
    case 0x591A: /* 多 */
    case 0x5C11: /* 少 */
    case 0x66F4: /* 更 */
    case 0x6700: /* 最 */
    case 0x771F: /* 真 */
    case 0x5FC5: /* 必 */
    case 0x8981: /* 要 */
    case 0x80FD: /* 能 */
    case 0x6562: /* 敢 */
    case 0x8BB2: /* 讲 */
    case 0x5B88: /* 守 */
    case 0x91CD: /* 重 */
        return true;
    default:
        return false;
    }
}

static bool short_frame(const uint32_t *a, unsigned mask)
{
    return ((mask & 5u) == 5u && frame_opener(a[0])) || ((mask & 2u) && a[1] == 0x5F97) || /* 得 */
           ((mask & 4u) && a[2] == CP_ZHI) || ((mask & 1u) && a[0] == 0x4E00);             /* 一 */
}

/*
 * End of the run of three-character items from clause i, if it is a 排比 of three or more
 * (short_frame), else i + 1: the first item is the last three characters of clause i, which
 * may carry a lead-in (要引导网民做到不信谣、…), the others whole clauses of three Han
 * characters in the same sentence, joined by 、 or ，. Items differing in a numeral count
 * (第一名、第二名、第三名), places are a list, and the run stops at the first item that
 * breaks the frame: linear.
 */
static size_t short_run(const struct dstate *st, const char *s, size_t i)
{
    const struct clause *cl = st->cl.v;
    uint32_t a[3];
    size_t e = cl[i].end, k;
    for (size_t t = 3; t-- > 0; e = k) {
        if (e <= cl[i].start || !el_text_is_han(a[t] = el_text_prev_cp(s, e, &k)))
            return i + 1;
    }
    unsigned mask = 7u;
    size_t j = i + 1;
    for (; j < st->cl.n; j++) {
        const struct clause *c = &cl[j];
        if (cl[j - 1].sentence_end || c->ncp != 3 || !han3(c) || c->places || c->in_par)
            break;
        unsigned m = 0;
        bool count = false;
        for (size_t t = 0; t < 3; t++) {
            if (c->lead[t] == a[t])
                m |= 1u << t;
            else
                count |= cn_numeral(c->lead[t]) || cn_numeral(a[t]);
        }
        if (count || m == 7u || !short_frame(a, mask & m))
            break;
        mask &= m;
    }
    return j - i >= 3 ? j : i + 1;
}

/* ---- members: the halves of a sentence split by ； --------------------------------- */

/*
 * A sentence may be cut by ；into members of several clauses each, and the members rather
 * than the clauses be the parallel parts: 让教师下得去，教育才有根基；让教师留得住，教育才有
 * 未来；… (a 排比 of three members), 百年大计，教育为本；教育大计，教师为本 (a 对偶 of two).
 * A member starts a sentence or follows a ；, and ends at the next ；or sentence end.
 */

/* Most clauses a member may have to be compared with another. */
#define MEMBER_MAX 4

/* Whether clause i starts a member. */
static bool member_start(const struct dstate *st, size_t i)
{
    return i == 0 || st->cl.v[i - 1].semi || st->cl.v[i - 1].sentence_end;
}

/* Index past the last clause of the member that clause i starts. */
static size_t member_end(const struct dstate *st, size_t i)
{
    const struct clause *cl = st->cl.v;
    while (i < st->cl.n && !cl[i].semi && !cl[i].sentence_end)
        i++;
    return i < st->cl.n ? i + 1 : i;
}

/* Whether clauses a and b of two members open with a shared frame of at most *frame code
   points (narrowed here), each with two characters or more behind it. */
static bool member_frame(const struct dstate *st, const char *s, const struct clause *a,
                         const struct clause *b, size_t *frame)
{
    size_t l = lcp3(a->lead, a->ncp, b->lead, b->ncp);
    if (l < *frame)
        *frame = l;
    return a->nhan >= 3 && b->nhan >= 3 && a->ncp >= *frame + 2 && b->ncp >= *frame + 2 &&
           frame_ok(st, s, a, *frame);
}

/*
 * Whether the k clauses from q run like the k from h, the head member of a 排比: each
 * within two code points of its counterpart and no list of places, and the first clauses
 * opening with a frame shared with the head's (*frame, narrowed here; 让乡村教师…, 有…).
 * Members of two clauses with the frame in the second (设施织网，让阅读触手可及；…) are
 * find_pair_parallel's.
 */
static bool member_like(const struct dstate *st, const char *s, size_t h, size_t q, size_t k,
                        size_t *frame)
{
    const struct clause *cl = st->cl.v;
    for (size_t t = 0; t < k; t++) {
        const struct clause *a = &cl[h + t], *b = &cl[q + t];
        size_t d = a->ncp > b->ncp ? a->ncp - b->ncp : b->ncp - a->ncp;
        if (d > 2 || a->places || b->places || b->in_par || b->nhan < 2)
            return false;
    }
    return member_frame(st, s, &cl[h], &cl[q], frame);
}

/*
 * 排比 of members: three or more members in a row of as many clauses each (2..MEMBER_MAX),
 * alike as member_like says; the last may run on after its parallel clauses (…；让干部沉下
 * 去，民生才有保障，基层治理才能行稳致远), and the 排比 ends with them. Members that are a
 * frame and a place (在杭州，…；在宁波，…) are a list of cases. Each member is looked at a
 * bounded number of times: linear.
 */
static void find_member_parallel(struct dstate *st, const char *s, size_t len, size_t base)
{
    /* Most paragraphs have no ；and many one: three members need two (the first two end
       with one). */
    if (st->nsemi < 2)
        return;
    struct clause *cl = st->cl.v;
    size_t n = st->cl.n;
    for (size_t i = 0; i < n;) {
        size_t e = member_end(st, i), k = e - i;
        if (k < 2 || k > MEMBER_MAX || !cl[e - 1].semi || !member_start(st, i)) {
            i = e;
            continue;
        }
        size_t frame = 3, q = e, last = e, next = e, m = 1;
        while (q < n) {
            size_t qe = member_end(st, q), qk = qe - q;
            bool ends = !cl[qe - 1].semi; /* the sentence ends with this member */
            if ((qk != k && !(ends && qk > k)) || !member_like(st, s, i, q, k, &frame))
                break;
            m++;
            last = q + k;
            next = qe;
            if (ends)
                break;
            q = qe;
        }
        size_t np = 0;
        for (size_t t = i; m >= 3 && t < last && np < 2; t = member_end(st, t))
            np += frame_place(st, &cl[t], 3);
        if (m < 3 || np >= 2) {
            i = e;
            continue;
        }
        add_balanced(st, EL_DEV_PARALLELISM, s, len, base, cl[i].start, cl[last - 1].end);
        for (size_t t = i; t < last; t++)
            cl[t].in_par = true;
        i = next;
    }
}

/*
 * Whether clauses a and c, at the same place in two pairs of clauses, are alike: within two
 * code points in length, no list of places, not in a reported device.
 */
static bool pair_like(const struct clause *a, const struct clause *c)
{
    size_t d = a->ncp > c->ncp ? a->ncp - c->ncp : c->ncp - a->ncp;
    return d <= 2 && !c->places && !c->in_par && c->nhan >= 2;
}

/*
 * The 排比 of pairs (find_pair_parallel) whose framed clauses open at clause t, if any: added,
 * and the index past its last clause returned (past a list of places too, which is not
 * looked at again), else t. The first pair starts a sentence or member: at t with the frame
 * in its first clause, or at t - 1 with the frame in its second.
 */
static size_t pair_run(struct dstate *st, const char *s, size_t len, size_t base, size_t t)
{
    struct clause *cl = st->cl.v;
    size_t n = st->cl.n;
    if (t + 4 >= n || !el_text_is_han(cl[t].lead[0]) || cl[t].lead[0] != cl[t + 2].lead[0] ||
        cl[t].lead[0] != cl[t + 4].lead[0])
        return t;
    size_t i, f;
    if (t + 5 < n && (t == 0 || cl[t - 1].sentence_end || cl[t - 1].semi)) {
        i = t;
        f = 0;
    } else if (t > 0 && (t == 1 || cl[t - 2].sentence_end || cl[t - 2].semi)) {
        i = t - 1;
        f = 1;
    } else {
        return t;
    }
    if (cl[i + f].lead[0] == cl[i + 1 - f].lead[0] || cl[i].in_par || cl[i + 1].in_par ||
        cl[i].places || cl[i + 1].places)
        return t;
    size_t frame = 3, m = 0, np = 0;
    for (size_t p = i; p + 1 < n; p += 2, m++) {
        const struct clause *a = &cl[p], *b = &cl[p + 1];
        /* one sentence: the pair's clauses end in ，or ；, but the last one, each mark as in
           the first pair (；between the pairs makes them members) */
        if (!a->comma_after || a->semi != cl[i].semi || cl[p + 1 - f].nhan < 3 ||
            (m > 0 && (!pair_like(&cl[i], a) || !pair_like(&cl[i + 1], b))))
            break;
        if (m > 0) {
            size_t fr = frame;
            if (!member_frame(st, s, &cl[i + f], &cl[p + f], &fr) ||
                cl[p + 1 - f].lead[0] == cl[i + f].lead[0])
                break;
            frame = fr;
        }
        /* a place behind a frame (在杭州，群众办事只跑一次；…): a list of cases */
        np += frame_place(st, a, 3) || frame_place(st, b, 3);
        if (!b->comma_after || b->semi != cl[i + 1].semi) { /* the sentence ends here */
            m++;
            break;
        }
    }
    if (m < 3)
        return t;
    size_t last = i + 2 * m - 1;
    if (np < 2) {
        add_balanced(st, EL_DEV_PARALLELISM, s, len, base, cl[i].start, cl[last].end);
        for (size_t k = i; k <= last; k++)
            cl[k].in_par = true;
    }
    return last + 1;
}

/*
 * 排比 of pairs of clauses in one sentence, commas throughout: three or more pairs whose
 * clauses at one place (the first or the second) share a frame while the others do not,
 * each clause within two code points of its counterpart in the first pair (设施织网，让阅读
 * 触手可及，内容提质，让阅读入脑入心，氛围浓厚，让阅读蔚然成风), or the same with ；between
 * the pairs: members of two clauses, whose frame find_member_parallel looks for in the first
 * clauses alone. Most clauses fail the first test, which compares the first code points of
 * clauses two apart.
 */
static void find_pair_parallel(struct dstate *st, const char *s, size_t len, size_t base)
{
    struct clause *cl = st->cl.v;
    size_t n = st->cl.n;
    /* Framed clauses t, t + 2, t + 4 open alike: looked for two clauses at a time, t = c and
       t = c + 1, by arithmetic (nearly every pair of clauses fails both). */
    for (size_t c = 0; c + 5 < n; c += 2) {
        bool t0 = cl[c].lead[0] == cl[c + 2].lead[0], t1 = cl[c + 1].lead[0] == cl[c + 3].lead[0];
        if (!(t0 | t1))
            continue;
        for (size_t t = c + !t0; t <= c + t1; t++) {
            size_t e = pair_run(st, s, len, base, t);
            if (e > t) { /* on at e (or e - 1, as c steps by two) past the run: linear */
                c = e - (e - c) % 2 - 2;
                break;
            }
        }
    }
}

/* Longest lead-in (code points) before the frame in the first clause of a 排比 (它需要我们以…). */
#define LEADIN_MAX 8

/*
 * Maximal runs of >= 3 clauses sharing a frame or a shape: one 排比 each. The first clause
 * may carry a lead-in of up to LEADIN_MAX characters before the frame (我们要以…，以…，以…);
 * past the four code points a clause keeps in lead[], the head is decoded only when the two
 * clauses after it open alike, which few do.
 */
static void find_parallel(struct dstate *st, const char *s, size_t len, size_t base)
{
    struct clause *cl = st->cl.v;
    size_t n = st->cl.n;
    for (size_t i = 0; i + 2 < n;) {
        const struct clause *h = &cl[i], *nx = &cl[i + 1], *n2 = &cl[i + 2];
        /* A run of three either way has clause i + 2 like clause i + 1: as long as the head
           (same shape) or opening as clause i + 1 does (a frame). Most clauses fail here. */
        if (!(((nx->ncp == h->ncp) & (n2->ncp == h->ncp)) | (n2->lead[0] == nx->lead[0]))) {
            i++;
            continue;
        }
        /* At least three code points after the lead-in: a frame and two more (a head of fewer
           is turned away below, whatever lim then is). */
        size_t lim = h->ncp - 3;
        if (lim > LEADIN_MAX)
            lim = LEADIN_MAX;
        /* A run needs the next clause to open as the head does (else it stops at i + 1):
           most heads are turned away here without decoding them. */
        uint32_t want = nx->lead[0];
        const uint32_t *ld = h->lead;
        bool near = (ld[0] == want) | ((lim >= 1) & (ld[1] == want)) |
                    ((lim >= 2) & (ld[2] == want)) | ((lim >= 3) & (ld[3] == want));
        bool far = (lim >= 4) & (n2->lead[0] == want);
        /* A framed run of three has clause i + 2 open with the frame too (frame_run). */
        bool framed = (near | far) & el_text_is_han(want) & (n2->lead[0] == want);
        /* Three characters may open a framed run (joins checks what follows them). */
        bool opens =
            ((h->places | h->in_par) == 0) & ((h->nhan >= 4) | ((h->nhan == 3) & (h->ncp == 3)));
        /* A run of three of the same shape: the tests same_shape and its loop below make
           before any comparison of characters, for clauses i + 1 and i + 2. */
        bool shaped =
            ((unsigned)par_eligible(h) & (unsigned)par_eligible(nx) & (unsigned)par_eligible(n2)) &
            (nx->ncp == h->ncp) & (n2->ncp == h->ncp) & (nx->nhan == h->nhan) &
            (n2->nhan == h->nhan) & ((nx->in_par | n2->in_par) == 0) &
            (nx->sentence_end == h->sentence_end) & (h->ncp <= SHAPE_MAX) &
            ((h->ncp != 4) | (h->comma_after & nx->comma_after));
        /* Most clauses open no run of three either way: one test, by arithmetic, turns them
           away (nothing below changes a clause unless a run of three is found). */
        if (!(opens & (framed | shaped))) {
            i++;
            continue;
        }
        size_t j = i + 1;
        if (framed) {
            struct clause head = cl[i];
            size_t ho = 0; /* code points head.start is past cl[i].start */
            uint32_t cps[LEADIN_MAX + 1];
            for (size_t o = 0; o <= lim; o++) {
                uint32_t c;
                if (o < 4) {
                    c = cl[i].lead[o];
                } else {
                    if (!far)
                        break;
                    if (o == 4)
                        cut_clause_cps(s, &cl[i], cps, lim + 1);
                    c = cps[o];
                }
                if (c != want)
                    continue;
                for (size_t k; ho < o; ho++) {
                    el_text_cp(s, head.end, head.start, &k);
                    head.start += k;
                    head.ncp--;
                }
                size_t e = frame_run(st, s, &head, i);
                if (e > j)
                    j = e;
                if (j - i >= 3)
                    break;
            }
        }
        if (j - i >= 3) {
            /* Two clauses that are a frame and a place make the run a list of places. */
            size_t np = frame_place(st, &cl[i], LEADIN_MAX + 3);
            for (size_t k = i + 1; k < j && np < 2; k++)
                np += frame_place(st, &cl[k], 3);
            if (np >= 2)
                j = i + 1;
        }
        if (j - i < 3 && par_eligible(&cl[i])) {
            uint32_t mask = ~0u;
            bool marks = false;
            j = i + 1;
            /* As long as cl[i] (same_shape's first test, here without a call: most
               neighbours differ in length). */
            while (j < n && cl[j].ncp == cl[i].ncp && par_eligible(&cl[j]) && !cl[j].in_par &&
                   cl[j - 1].sentence_end == cl[i].sentence_end &&
                   same_shape(s, &cl[i], &cl[j], cl[j - 1].comma_after, &mask, &marks))
                j++;
        }
        if (j - i >= 3) {
            add_balanced(st, EL_DEV_PARALLELISM, s, len, base, cl[i].start, cl[j - 1].end);
            for (size_t k = i; k < j; k++)
                cl[k].in_par = true;
            i = j;
        } else {
            i++;
        }
    }
}

/*
 * 排比 of three-character items (short_run) that find_parallel leaves: a 、 list is no framed
 * run there, and three characters share no shape. A pass of its own, after find_parallel
 * (whose clauses it leaves alone). A run from clause i needs clauses i + 1 and i + 2 of three
 * code points, which few are: where clause i + 2 is not, no run starts at i or i + 1, and the
 * scan moves on two clauses at once.
 */
static void find_short_parallel(struct dstate *st, const char *s, size_t len, size_t base)
{
    struct clause *cl = st->cl.v;
    size_t n = st->cl.n;
    for (size_t i = 0; i + 2 < n;) {
        if (cl[i + 2].ncp != 3) {
            i += 2;
            continue;
        }
        const struct clause *h = &cl[i], *nx = &cl[i + 1];
        if (!((nx->ncp == 3) & (h->nhan >= 3) &
              ((h->sentence_end | nx->sentence_end | h->in_par | h->places) == 0))) {
            i++;
            continue;
        }
        size_t j = short_run(st, s, i);
        if (j - i < 3) {
            i++;
            continue;
        }
        add_balanced(st, EL_DEV_PARALLELISM, s, len, base, cl[i].start, cl[j - 1].end);
        for (size_t k = i; k < j; k++)
            cl[k].in_par = true;
        i = j;
    }
}

/* How two clauses of equal length line up, position by position (compare). */
struct lineup {
    size_t m;       /* code points of each */
    size_t same;    /* positions holding the same character (digits of numbers aside) */
    size_t samehan; /* of those, Han characters */
    size_t mid;     /* of those, Han characters neither first nor last */
    size_t later;   /* of those, Han characters after the first */
    size_t wording; /* positions that differ, but for digits of numbers on both sides */
    bool skeleton;  /* Han at the same places, other marks equal */
    bool framed; /* the same frame character first (在“小事”中…，在“细节”处…) */
    bool ends;   /* the first or the last Han character the same, and no chance_end */
};

/* Particles, pronouns and measure words: the wording of prose, which verse does without
   (村里修了路，村民笑开颜). */
static bool prose_char(uint32_t c)
{
    switch (c) {
    case 0x7684: /* 的 */
    case 0x4E86: /* 了 */
    case 0x7740: /* 着 */
    case 0x8FC7: /* 过 */
    case 0x5417: /* 吗 */
    case 0x5462: /* 呢 */
    case 0x5427: /* 吧 */
    case 0x554A: /* 啊 */
    case 0x4EEC: /* 们 */
    case 0x6211: /* 我 */
    case 0x4F60: /* 你 */
    case 0x4ED6: /* 他 */
    case 0x5979: /* 她 */
    case 0x5B83: /* 它 */
    case 0x8FD9: /* 这 */
    case 0x90A3: /* 那 */
    case 0x4E2A: /* 个 */
    case 0x628A: /* 把 */
    case 0x88AB: /* 被 */
        return true;
    default:
        return false;
    }
}

/* Whether clause c (of SHAPE_MAX code points at most) holds a prose_char. */
static bool prose(const char *s, const struct clause *c)
{
    uint32_t a[SHAPE_MAX];
    size_t m = cut_clause_cps(s, c, a, SHAPE_MAX);
    for (size_t k = 0; k < m; k++)
        if (prose_char(a[k]))
            return true;
    return false;
}

/* Characters two clauses share at their ends by chance: prose_char, adverbs and auxiliaries
   (会议结束了，大家散开了; 他来到北京，他见到老友; 要加强领导，要落实责任). */
static bool chance_end(uint32_t c)
{
    switch (c) {
    case 0x4E5F: /* 也 */
    case 0x90FD: /* 都 */
    case 0x5C31: /* 就 */
    case 0x53C8: /* 又 */
    case 0x8FD8: /* 还 */
    case 0x4E0D: /* 不 */
    case 0x662F: /* 是 */
    case 0x5728: /* 在 */
    case 0x548C: /* 和 */
    case 0x4E0E: /* 与 */
    case 0x8981: /* 要 */
    case 0x4F1A: /* 会 */
    case 0x80FD: /* 能 */
        return true;
    default:
        return prose_char(c);
    }
}

/*
 * Line up clauses x and y of equal length (at most 12 code points) and count what they
 * share. Digits of written-out numbers are not shared wording: 投入三点五亿元，带动二点五万人
 * is a pair of figures.
 */
static void compare(const char *s, const struct clause *x, const struct clause *y, struct lineup *u)
{
    uint32_t a[12], b[12];
    size_t m = cut_clause_cps(s, x, a, 12);
    cut_clause_cps(s, y, b, 12);
    *u = (struct lineup){.m = m, .skeleton = true};
    for (size_t k = 0; k < m; k++) {
        bool ha = el_text_is_han(a[k]), hb = el_text_is_han(b[k]);
        if (ha != hb || (!ha && a[k] != b[k]))
            u->skeleton = false;
        bool digits = ha && in_number(a, m, k) && in_number(b, m, k);
        if (a[k] == b[k] && !digits) {
            u->same++;
            u->samehan += ha;
            u->mid += ha && k > 0 && k + 1 < m;
            u->later += ha && k > 0;
        } else if (a[k] != b[k] && !digits) {
            u->wording++;
        }
    }
    u->framed = m > 0 && a[0] == b[0] && frame1(a[0]);
    u->ends =
        m > 0 && ((a[0] == b[0] && el_text_is_han(a[0]) && !chance_end(a[0])) ||
                  (a[m - 1] == b[m - 1] && el_text_is_han(a[m - 1]) && !chance_end(a[m - 1])));
}

/* Whether x and y may be lined up: as long, as many Han characters, no list of places. */
static inline bool pairable(const struct clause *x, const struct clause *y, size_t min)
{
    /* by arithmetic, not a branch per test: most neighbours fail one test or another */
    return ((x->in_par | y->in_par | x->places | y->places) == 0) & (x->ncp == y->ncp) &
           (x->ncp >= min) & (x->ncp <= 12) & (x->nhan >= min) & (x->nhan == y->nhan);
}

/*
 * Whether clause y is clause x with a negation (不 没 未 非 无) put in, or x is y so (凡是符合
 * 人民利益的事 / 凡是不符合人民利益的事): the 正反 pair of a two-member 对偶, whose halves are
 * one character apart in length.
 */
static bool negated_pair(const char *s, const struct clause *x, const struct clause *y)
{
    if (x->ncp + 1 == y->ncp && y->ncp <= 13 && !(x->in_par | y->in_par | x->places | y->places)) {
        size_t xl = x->end - x->start, yl = y->end - y->start, j = 0;
        if (yl != xl + 3)
            return false;
        const char *a = s + x->start, *b = s + y->start;
        while (j < xl && a[j] == b[j])
            j++;
        /* the negation, a whole character, starts where the texts first differ (a continuation
           byte, where two characters differ in a later byte, matches none) */
        static const char neg[][4] = {"不", "没", "未", "非", "无"};
        for (size_t k = 0; k < sizeof neg / sizeof neg[0]; k++)
            if (memcmp(b + j, neg[k], 3) == 0)
                return j > 0 && memcmp(a + j, b + j + 3, xl - j) == 0;
        return false;
    }
    return y->ncp + 1 == x->ncp && negated_pair(s, y, x);
}

/*
 * 对偶 of two members: a sentence that is two halves split by ；, each of two or three
 * clauses, every clause as long as its counterpart with its marks in the same places,
 * sharing a Han character in place past its first (a shared opener alone, 要…；要…, is chance)
 * and differing in wording, not in figures alone (全市新增就业两万人 / 一万人 is a pair of
 * data); two positions differ at least in all (百年大计，教育为本；教育大计，教师为本 /
 * 政务服务快一分，企业活力就多一分；法治保障强一寸，投资信心就增一寸). The pair of clauses
 * across the ；alone (教育为本；教育大计) is no 对偶.
 */
static bool find_member_antithesis(struct dstate *st, const char *s, size_t n, size_t base)
{
    if (!st->semi) /* no ；, no members */
        return true;
    struct clause *cl = st->cl.v;
    for (size_t i = 0; i < st->cl.n;) {
        size_t e = member_end(st, i), k = e - i;
        bool starts = i == 0 || cl[i - 1].sentence_end;
        if (!starts || k < 2 || k > 3 || !cl[e - 1].semi) {
            i = e;
            continue;
        }
        size_t f = member_end(st, e), differ = 0;
        bool ok = f - e == k && !cl[f - 1].semi;
        for (size_t t = 0; t < k && ok; t++) {
            struct lineup u;
            if (negated_pair(s, &cl[i + t], &cl[e + t])) {
                differ++; /* 满意的 / 不满意的 */
                continue;
            }
            ok = pairable(&cl[i + t], &cl[e + t], 3);
            if (ok) {
                compare(s, &cl[i + t], &cl[e + t], &u);
                ok = u.skeleton && u.later > 0 && u.wording > 0;
                differ += u.m - u.same;
            }
        }
        if (!ok || differ < 2) {
            i = e;
            continue;
        }
        if (!add_balanced(st, EL_DEV_ANTITHESIS, s, n, base, cl[i].start, cl[f - 1].end))
            return false;
        for (size_t t = i; t < f; t++)
            cl[t].in_par = true;
        i = f;
    }
    return true;
}

/* Longest lead-in (code points) before the first half of a 对偶 (leadin_tail): within the
   four code points a clause keeps in lead[]. */
#define LEADIN_PAIR 3

/*
 * The tail of clause x from the frame character y opens with, as long as y, into *t: a
 * lead-in before the first half of a 对偶 (我们要以节水优先为笔，以人水和谐为墨). False if y
 * opens with no frame, x holds no such character there or a mark in the lead-in, or the tail
 * and y may not be lined up (pairable).
 */
static bool leadin_tail(const char *s, const struct clause *x, const struct clause *y,
                        struct clause *t)
{
    if (y->ncp < 5 || !frame1(y->lead[0]))
        return false;
    size_t o = x->ncp - y->ncp, a = x->start, k;
    for (size_t m = 0; m < o; m++) {
        if (a >= x->end || !el_text_is_han(el_text_cp(s, x->end, a, &k)))
            return false;
        a += k;
    }
    if (a >= x->end || el_text_cp(s, x->end, a, &k) != y->lead[0])
        return false;
    *t = *x;
    t->start = a;
    t->ncp = y->ncp;
    t->nhan = x->nhan - o;
    if (!pairable(t, y, 5))
        return false;
    memset(t->lead, 0, sizeof t->lead);
    clause_cps(s, t, t->lead, 4);
    return true;
}

/*
 * The 对偶 of clauses i and i + 1 behind a lead-in (leadin_tail), 我们要以节水优先为笔，以人水
 * 和谐为墨: the halves line up with wording shared past the frame, as find_antithesis's
 * balanced pairs do. 1 if added, 0 if none, -1 at the cap.
 */
static int leadin_pair(struct dstate *st, const char *s, size_t n, size_t base, size_t i)
{
    const struct clause *x = &st->cl.v[i], *y = &st->cl.v[i + 1];
    struct clause t;
    if (!x->comma_after || !leadin_tail(s, x, y, &t))
        return 0;
    bool y_last = i + 2 == st->cl.n || y->sentence_end || y->semi;
    if (t.semi && (!member_start(st, i) || !y_last))
        return 0; /* a pair straddling two members */
    struct lineup u;
    compare(s, &t, y, &u);
    if (!u.skeleton || 3 * u.same < u.m || u.m - u.same < 2 || u.later == 0)
        return 0;
    if (frame_place(st, &t, 3) && frame_place(st, y, 3))
        return 0;
    return add_balanced(st, EL_DEV_ANTITHESIS, s, n, base, t.start, y->end) ? 1 : -1;
}

/*
 * The 对偶 of clauses i and i + 1 joined by 、 (not ，, not a sentence end): two items alone
 * between other marks, the second a clause of four to seven Han characters and the first the
 * tail of clause i as long (一体之两翼、驱动之双轮 after 发展与安全是; 立国之本、强国之基), with
 * 之 at the same place inside both and the words before it and after it differing (城乡之间、
 * 区域之间, 任务之一、内容之一 are lists, 三分之一、五分之二 fractions). 1 if added, 0 if none,
 * -1 at the cap.
 */
static int zhi_pair(struct dstate *st, const char *s, size_t n, size_t base, size_t i)
{
    const struct clause *cl = st->cl.v, *x = &cl[i], *y = &cl[i + 1];
    size_t m = y->ncp;
    if ((i > 0 && !cl[i - 1].comma_after && !cl[i - 1].sentence_end) ||
        !(y->comma_after || y->sentence_end || i + 2 == st->cl.n) || x->in_par || y->in_par ||
        x->places || y->places || m < 4 || m > 7 || x->ncp < m || !han3(y))
        return 0;
    uint32_t a[7], b[7];
    cut_clause_cps(s, y, b, 7);
    size_t e = x->end, k;
    for (size_t t = m; t-- > 0; e = k)
        if (e <= x->start || !el_text_is_han(a[t] = el_text_prev_cp(s, e, &k)))
            return 0;
    size_t z = 1;
    while (z + 1 < m && !(a[z] == CP_ZHI && b[z] == CP_ZHI))
        z++;
    if (z + 1 >= m || a[z - 1] == 0x5206 || b[z - 1] == 0x5206) /* 分之: 三分之一、五分之二 */
        return 0;
    bool before = false, after = false;
    for (size_t t = 0; t < m; t++)
        if (a[t] != b[t])
            *(t < z ? &before : &after) = true;
    if (!before || !after)
        return 0;
    return add_balanced(st, EL_DEV_ANTITHESIS, s, n, base, e, y->end) ? 1 : -1;
}

/*
 * 对偶: first the two-member kind (find_member_antithesis), then two clauses of one
 * sentence, equal in length (4..12 code points) with their marks at the same places, and
 * - sharing characters at >= 1/3 of the positions and differing at >= 2 (基层强则国家强，
 *   基层安则天下安), or
 * - opening with the same frame character, not 要, and differing at >= 4 (在“小事”中…，在“细节”
 *   处…; 要加强领导，要落实责任 lists two tasks), or
 * - being the whole sentence, of 5..7 code points each, sharing a Han character in place that
 *   is neither the first nor the last and differing at >= 3 (独木难成林，百川汇成海): so short
 *   a sentence in two equal halves is rarely plain prose, while a shared first character
 *   (社区…，社会…) or last (…结束了，…散开了) is chance.
 * Equal halves that share nothing (真相不出门，谣言跑断腿) are left alone: without parts of
 * speech they cannot be told from plain prose (社区开展服务，居民踊跃参加).
 * A pair across a ；must be two one-clause members: 百年大计，教育为本；教育大计，教师为本 pairs
 * its halves, not 教育为本 with 教育大计. Clauses of a reported 排比 are not paired again.
 */
static void find_antithesis(struct dstate *st, const char *s, size_t n, size_t base)
{
    if (!find_member_antithesis(st, s, n, base))
        return;
    struct clause *cl = st->cl.v;
    for (size_t i = 0; i + 1 < st->cl.n; i++) {
        const struct clause *x = &cl[i], *y = &cl[i + 1];
        if (!(x->comma_after & pairable(x, y, 4))) {
            /* A lead-in of one to three characters (我们要, 让我们) before the character y
               opens with: nearly every pair fails on the character. */
            size_t o = x->ncp - y->ncp;
            int r = 0;
            if (o - 1 < LEADIN_PAIR && x->lead[o] == y->lead[0])
                r = leadin_pair(st, s, n, base, i);
            /* Two items joined by 、 with 之 inside the second (zhi_pair): nearly every pair
               is joined otherwise or has no 之 there. */
            else if (!x->comma_after && !x->sentence_end && x->ncp >= y->ncp &&
                     (y->lead[2] == CP_ZHI || y->lead[1] == CP_ZHI || y->lead[3] == CP_ZHI))
                r = zhi_pair(st, s, n, base, i);
            if (r < 0)
                return;
            i += (size_t)r;
            continue;
        }
        bool y_last = i + 2 == st->cl.n || y->sentence_end || y->semi;
        if (x->semi && (!member_start(st, i) || !y_last))
            continue; /* a pair straddling two members */
        struct lineup u;
        compare(s, x, y, &u);
        size_t m = u.m, same = u.same;
        bool whole = (i == 0 || cl[i - 1].sentence_end) && (i + 2 == st->cl.n || y->sentence_end);
        bool balanced = 3 * same >= m && m - same >= 2 && u.samehan > 0;
        /* (not the modal 要: 要加强领导，要落实责任 lists tasks, as a 排比 of two would) */
        bool framed = u.framed && m - same >= 4 && x->lead[0] != 0x8981;
        /* Five or seven characters a half, the lengths of classical verse, and none of the
           particles, pronouns and adverbs of prose (村里修了路，村民笑开颜): a shared word at
           either end is enough (路通百业兴，路畅民心顺; 修好致富路，铺就幸福路). */
        bool verse =
            (m == 5 || m == 7) && x->nhan == m && u.ends && whole && !prose(s, x) && !prose(s, y);
        bool short_pair = whole && m >= 5 && m <= 7 && (u.mid > 0 || verse) && m - same >= 3;
        if (!u.skeleton || !(balanced || framed || short_pair))
            continue;
        if (frame_place(st, x, 3) && frame_place(st, y, 3))
            continue; /* 在北京市，在上海市: places, not wording */
        if (!add_balanced(st, EL_DEV_ANTITHESIS, s, n, base, x->start, y->end))
            return;
        i++;
    }
}

/* ---- metaphor ----------------------------------------------------------------------- */

/* Longest array, and largest item (bytes), sort_items sorts by insertion. */
#define INSERTION_MAX 64

/*
 * Sort base[0..n) stably: not at all when the items are in order already (as they mostly
 * are), by binary insertion from the first item out of order when the array is short (glibc's
 * qsort, a merge sort and as stable, costs several times as much there), else with qsort.
 */
static void sort_items(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    char *p = base;
    size_t i = 1;
    while (i < n && cmp(p + (i - 1) * size, p + i * size) <= 0)
        i++;
    if (i >= n)
        return;
    if (n > INSERTION_MAX || size > INSERTION_MAX) {
        qsort(base, n, size, cmp);
        return;
    }
    char tmp[INSERTION_MAX];
    for (; i < n; i++) {
        size_t j = 0, hi = i; /* past the sorted items that do not compare above item i */
        while (j < hi) {
            size_t mid = j + (hi - j) / 2;
            if (cmp(p + mid * size, p + i * size) <= 0)
                j = mid + 1;
            else
                hi = mid;
        }
        if (j < i) {
            memcpy(tmp, p + i * size, size);
            memmove(p + (j + 1) * size, p + j * size, (i - j) * size);
            memcpy(p + j * size, tmp, size);
        }
    }
}

static int cmp_span(const void *a, const void *b)
{
    const el_span *x = a, *y = b;
    if (x->off != y->off)
        return x->off < y->off ? -1 : 1;
    return x->len > y->len ? -1 : x->len < y->len;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_strref(const void *a, const void *b)
{
    const struct strref *x = a, *y = b;
    int c = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);
    return c ? c : x->n < y->n ? -1 : x->n > y->n;
}

/*
 * The case names, sorted, for O(log n) checks per candidate; built on first use, as most
 * documents never ask (and apart from the evidence, which fewer still ask for).
 */
static void index_cases(struct dstate *st)
{
    el_doc *doc = st->doc;
    if (st->case_names)
        return;
    st->case_names = xmalloc((doc->cases.n + 1) * sizeof *st->case_names);
    st->ncase = 0;
    for (size_t i = 0; i < doc->cases.n; i++) {
        el_span nm = doc->cases.v[i].name;
        if (nm.len)
            st->case_names[st->ncase++] = (struct strref){doc->plain.v + nm.off, nm.len};
    }
    if (st->ncase)
        sort_items(st->case_names, st->ncase, sizeof *st->case_names, cmp_strref);
}

/* The sorted plain offsets of positive evidence (statistics, positive cases), built on first
   use: only a contrast marker before any place asks. */
static void index_evidence(struct dstate *st)
{
    el_doc *doc = st->doc;
    if (st->evid)
        return;
    st->evid = xmalloc((doc->stats.n + doc->cases.n + 1) * sizeof *st->evid);
    st->nevid = 0;
    for (size_t i = 0; i < doc->stats.n; i++)
        st->evid[st->nevid++] = doc->stats.v[i].txt.off;
    for (size_t i = 0; i < doc->cases.n; i++)
        if (!doc->cases.v[i].negative)
            st->evid[st->nevid++] = doc->cases.v[i].place.off;
    if (st->nevid)
        sort_items(st->evid, st->nevid, sizeof *st->evid, cmp_size);
}

/* Whether s[a..b) is the name of a case (a named initiative, “红管家”). */
static bool is_case_name(struct dstate *st, const char *s, size_t a, size_t b)
{
    index_cases(st);
    size_t lo = 0, hi = st->ncase, n = b - a;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct strref *r = &st->case_names[mid];
        int c = memcmp(r->p, s + a, r->n < n ? r->n : n);
        if (!c)
            c = r->n < n ? -1 : r->n > n;
        if (!c)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* End of the clause holding s[i], at most max code points ahead. */
static size_t clause_end(const char *s, size_t n, size_t i, size_t max)
{
    size_t k;
    for (size_t m = 0; i < n && m < max; m++) {
        if (delim(el_text_cp(s, n, i, &k)))
            break;
        i += k;
    }
    return i;
}

/* 是…的“X”: a 是 earlier in the clause, 的 right before the mark, X 2–6 Han characters. */
static bool shi_de_x(struct dstate *st, const char *s, const el_qpair *p, size_t ncp)
{
    size_t j, k;
    /* ncp: code points of X. The cheap tests first: most quoted terms fail on 的. */
    if (ncp < 2 || ncp > 6 || p->open == 0 || el_text_prev_cp(s, p->open, &j) != 0x7684) /* 的 */
        return false;
    for (size_t i = p->inner; i < p->close; i += k)
        if (!el_text_is_han(el_text_cp(s, p->close, i, &k)))
            return false;
    /* A place right before 的 makes X that place's initiative (鄞州区的“红管家”). */
    for (size_t h = hit_lower(&st->hits, j); h < st->hits.n && st->hits.v[h].end == j; h++)
        if (st->hits.v[h].cat == EL_LEX_PLACE && !(el_lex_flags(st->hits.v[h].entry) & EL_LEX_WEAK))
            return false;
    for (size_t m = 0, i = j; i > 0 && m < 30; m++) {
        size_t t;
        uint32_t c = el_text_prev_cp(s, i, &t);
        if (delim(c))
            return false;
        if (c == 0x662F) { /* 是 */
            size_t u;
            uint32_t before = t > 0 ? el_text_prev_cp(s, t, &u) : 0;
            uint32_t after = el_text_cp(s, p->open, i, &k);
            if (after != 0x5426 && !cp_in(before, is_prefix_excl)) /* not 是否, 但是 */
                return !is_case_name(st, s, p->inner, p->close);
        }
        i = t;
    }
    return false;
}

/*
 * Whether a simile marker, a word whose clause is the figure (如同 犹如 宛如 好比 恰似 宛若
 * 仿佛 好似 恰如 有如), starts at s[i], c the character there (a trigger). A switch on c names
 * the second characters it may take: a list of the words cost a compare per word at every
 * trigger, and 有, 好 and 如 are common.
 */
static bool simile_at(const char *s, size_t n, size_t i, uint32_t c)
{
    size_t k;
    if (n - i < 6) /* two characters of three bytes each */
        return false;
    uint32_t d = el_text_cp(s, n, i + 3, &k);
    switch (c) {
    case 0x5982: /* 如同 */
        return d == 0x540C;
    case 0x72B9: /* 犹如 */
    case 0x6709: /* 有如 */
        return d == 0x5982;
    case 0x5B9B: /* 宛如, 宛若 */
        return d == 0x5982 || d == 0x82E5;
    case 0x597D: /* 好比, 好似 */
        return d == 0x6BD4 || d == 0x4F3C;
    case 0x6070: /* 恰似, 恰如 */
        return d == 0x4F3C || d == 0x5982;
    case 0x4EFF: /* 仿佛 */
        return d == 0x4F5B;
    default:
        return false;
    }
}

/*
 * Opposite characters, as pairs: a quoted word that differs from a quoted neighbour in one
 * such pair alone is a plain word set against it (看似是家庭的“小事”，实则是国家的“大事”),
 * not a figure. Figures that differ otherwise (“输血”/“造血”) stay figures.
 */
static const char *const opposites[] = {
    "大小", "多少", "轻重", "长短", "高低", "上下", "内外", "前后", "新旧", "难易", "快慢", "远近",
    "虚实", "有无", "得失", "好坏", "强弱", "深浅", "粗细", "宽严", "冷热", "早晚", "先后", "主次",
    "表里", "软硬", "进退", "增减", "升降", "收支", "供需", "急缓", "松紧", "正反", "真假", "是非",
    "利弊", "优劣", "公私", "古今", "明暗", "动静", "攻守", "显隐", NULL,
};

/* Whether the characters u and v (either order) are a pair of opposites. */
static bool opposite(uint32_t u, uint32_t v)
{
    for (const char *const *w = opposites; *w; w++) {
        size_t k;
        uint32_t x = el_text_cp(*w, 6, 0, &k), y = el_text_cp(*w, 6, k, &k);
        if ((x == u && y == v) || (x == v && y == u))
            return true;
    }
    return false;
}

/*
 * Whether the quoted words of pairs p and q (p before q, as quote_pairs orders them) are
 * a plain word and its opposite in one sentence: two to four Han characters each, the
 * same but for one pair of opposites in one place (“小事”/“大事”, “小家”/“大家”).
 */
static bool opposite_words(const struct dstate *st, const char *s, const el_qpair *p,
                           const el_qpair *q)
{
    size_t np = p->close - p->inner, nq = q->close - q->inner;
    if (np != nq || np < 6 || np > 12 || q->open < p->end)
        return false;
    uint32_t a[4], b[4];
    size_t m = 0, diff = 0, k, at = 0;
    /* Both hold Han characters alone, three bytes each: they step in unison. */
    for (size_t i = p->inner, j = q->inner; i < p->close && m < 4; i += 3, j += 3, m++) {
        a[m] = el_text_cp(s, p->close, i, &k);
        if (k != 3 || !el_text_is_han(a[m]))
            return false;
        b[m] = el_text_cp(s, q->close, j, &k);
        if (k != 3 || !el_text_is_han(b[m]))
            return false;
        if (a[m] != b[m]) {
            diff++;
            at = m;
        }
    }
    /* The list of opposites is asked once, of the one place that differs. */
    if (diff != 1 || !opposite(a[at], b[at]))
        return false;
    /* One sentence: no sentence end (st->marks, in order) between the two. */
    size_t lo = 0, hi = st->marks.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->marks.v[mid] < p->end)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == st->marks.n || st->marks.v[lo] >= q->open;
}

/*
 * Whether quote pair i of the block is one of two plain opposite words (opposite_words)
 * with the pair before or after it.
 */
static bool in_opposites(const struct dstate *st, const char *s, size_t i)
{
    const el_qpair *v = st->pairs.v;
    return (i > 0 && opposite_words(st, s, &v[i - 1], &v[i])) ||
           (i + 1 < st->pairs.n && opposite_words(st, s, &v[i], &v[i + 1]));
}

/* Whether a lexicon figure ends at the closing mark of pair p and starts inside it. */
static bool lex_figure(const struct dstate *st, const el_qpair *p)
{
    if (!(st->cats & EL_LEX_CAT_BIT(EL_LEX_METAPHOR))) /* pairs made for 是…的“X” alone */
        return false;
    for (size_t h = hit_lower(&st->hits, p->close); h < st->hits.n && st->hits.v[h].end == p->close;
         h++)
        if (st->hits.v[h].cat == EL_LEX_METAPHOR && st->hits.v[h].start >= p->inner)
            return true;
    return false;
}

/* Candidate metaphors of a block into st->meta; emitted once each, overlaps dropped. */
static void find_metaphors(struct dstate *st, const char *s, size_t n, size_t base)
{
    st->meta.n = 0;
    for (size_t i = 0; i < st->pairs.n; i++) {
        const el_qpair *p = &st->pairs.v[i];
        size_t len = p->close - p->inner;
        if (len > 40) /* over 10 code points: not a term (and nested marks stay linear) */
            continue;
        bool lex = lex_figure(st, p);
        /* Without a lexicon figure only 是…的“X” is one (shi_de_x): most quoted terms follow
           no 的 and need no count of their code points. */
        size_t j;
        if (!lex && (p->open == 0 || el_text_prev_cp(s, p->open, &j) != 0x7684)) /* 的 */
            continue;
        size_t ncp = el_text_ncp(s + p->inner, len);
        if (ncp < 2 || ncp > 10)
            continue;
        /* A lexicon figure is one anywhere; a 是…的“X” is none when X is set against its
           opposite. */
        if (lex || (shi_de_x(st, s, p, ncp) && !in_opposites(st, s, i)))
            *EL_VEC_PUSH(st->meta) = (el_span){p->inner, len};
    }
    for (size_t ti = 0; ti < st->trig.n; ti++) {
        size_t i = st->trig.v[ti], k;
        uint32_t c = el_text_cp(s, n, i, &k);
        if (c == 0x63D2 && word_at(s, n, i, "插上")) { /* 插上…翅膀 */
            size_t e = clause_end(s, n, i, 20);
            for (size_t q = i + 6, kk; q < e; q += kk) {
                el_text_cp(s, e, q, &kk);
                if (word_at(s, e, q, "翅膀")) {
                    size_t end = q + 6;
                    if (end < n && is_closer(el_text_cp(s, n, end, &kk)))
                        end += kk;
                    *EL_VEC_PUSH(st->meta) = (el_span){i, end - i};
                    break;
                }
            }
        } else if (c == 0x50CF) { /* 像…一样 */
            size_t t;
            if (i > 0 && cp_in(el_text_prev_cp(s, i, &t), xiang_nouns))
                continue;
            if (word_at(s, n, i + k, "素"))
                continue;
            size_t e = clause_end(s, n, i, 24), q, kk;
            bool cited = false; /* a word of jiuxiang_not in the clause */
            for (q = i + k; q < e; q += kk) {
                el_text_cp(s, e, q, &kk);
                size_t w = el_text_prefix(s + q, e - q, xiang_ends);
                if (w) {
                    if (q > i + k)
                        *EL_VEC_PUSH(st->meta) = (el_span){i, q + w - i};
                    break;
                }
                cited |= el_text_prefix(s + q, e - q, jiuxiang_not) > 0;
            }
            /* 就像 X, to the clause's end, is a simile without 一样 (景区就像没有灵魂的躯壳) */
            if (q >= e && !cited && i >= 3 && word_at(s, n, i - 3, "就") &&
                el_text_ncp(s + i + k, e - i - k) >= 3)
                *EL_VEC_PUSH(st->meta) = (el_span){i, e - i};
        } else if (simile_at(s, n, i, c)) {
            size_t e = clause_end(s, n, i, 30);
            if (el_text_ncp(s + i, e - i) >= 4)
                *EL_VEC_PUSH(st->meta) = (el_span){i, e - i};
        }
    }
    if (st->meta.n)
        sort_items(st->meta.v, st->meta.n, sizeof *st->meta.v, cmp_span);
    size_t last_end = 0;
    for (size_t i = 0; i < st->meta.n; i++) {
        el_span m = st->meta.v[i];
        if (i > 0 && m.off < last_end)
            continue;
        if (!add_device(st, EL_DEV_METAPHOR, base + m.off, m.len))
            return;
        last_end = m.off + m.len;
    }
}

/* ---- contrast and questions ---------------------------------------------------------- */

/*
 * el_text_sentence_end for the sentence starting at s[i], *m the index of the first of
 * st->marks at or after i (advanced here): it ends at that mark, and only from there is the
 * text decoded again.
 */
static size_t sentence_end_at(const struct dstate *st, const char *s, size_t n, size_t i, size_t *m)
{
    while (*m < st->marks.n && st->marks.v[*m] < i)
        ++*m;
    if (*m == st->marks.n)
        return n;
    size_t p = st->marks.v[*m];
    if (s[p] == '.') { /* in marks only where el_text_dot_ends, which needs what precedes it */
        size_t tail;
        return el_text_end_tail(s, n, p + 1, &tail);
    }
    return p + el_text_sentence_end(s + p, n - p);
}

/* Whether positive evidence (a statistic, a positive case, a place) lies in [a, b) of plain. */
static bool evidence_before(struct dstate *st, size_t a, size_t b)
{
    index_evidence(st);
    size_t lo = 0, hi = st->nevid;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->evid[mid] < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < st->nevid && st->evid[lo] < b;
}

/* Nouns that close an enumeration of problems (…、…等问题). */
static const char *const problem_nouns[] = {"问题", "短板", "瓶颈", "难题", "困境", "挑战", "不足",
                                            "困难", "风险", "隐患", "弊端", "乱象", "现象", NULL};

/*
 * The first place where the character c (three bytes of UTF-8) starts in s[0..n), or NULL:
 * memchr for its last byte, which no lead byte matches, then a look at the two before it.
 * Cheaper than memmem on sentences this short.
 */
static const char *find_han(const char *s, size_t n, const char *c)
{
    for (size_t i = 2; i < n;) {
        const char *p = memchr(s + i, c[2], n - i);
        if (p == NULL)
            return NULL;
        if (p[-2] == c[0] && p[-1] == c[1])
            return p - 2;
        i = (size_t)(p - s) + 1;
    }
    return NULL;
}

/* Words that say problems persist or loom in general (仍存在, 依然存在, 面临, 亟待解决): the
   wording of an introduction's inventory of problems, not of a counter-example to a case. */
static const char *const general_words[] = {"仍",   "依然", "依旧", "面临",     "还存在",
                                            "尚存", "亟待", "日益", "不容忽视", NULL};

/* Whether one of words (each starting with a three-byte character) occurs in s[a..e). */
static bool has_word(const char *s, size_t a, size_t e, const char *const *words)
{
    for (const char *const *w = words; *w; w++) {
        size_t wl = strlen(*w);
        for (size_t i = a; i + wl <= e;) {
            const char *p = find_han(s + i, e - i, *w);
            if (p == NULL)
                break;
            i = (size_t)(p - s);
            if (i + wl <= e && memcmp(p, *w, wl) == 0)
                return true;
            i += 3;
        }
    }
    return false;
}

/*
 * Whether s[a..e), the sentence of a contrast marker, states problems in general rather than
 * setting a counter-example against the cases: it lists them, ending in 等 and a problem
 * noun (一些地方仍存在用水粗放、管网漏损等问题; 但夜间消费仍面临业态单一等瓶颈), and names no
 * place and no anonymised one (某县, 某地一家企业): a case in it is the 反 of a 正反 pair.
 * After a place of the paragraph (after_place), a case told, such a list is a counter-example
 * to it (…设置夜间临时停车位3000余个。然而，有的地方停车难等问题突出) unless it says the
 * problems persist in general (general_words), as an introduction does after its examples.
 * Asked of contrast candidates alone.
 */
static bool problem_statement(const struct dstate *st, const char *s, size_t a, size_t e,
                              bool after_place)
{
    bool listed = false;
    for (size_t i = a; !listed && i + 3 <= e; i += 3) {
        const char *p = find_han(s + i, e - i, "等");
        if (p == NULL)
            break;
        i = (size_t)(p - s);
        listed = el_text_prefix(s + i + 3, e - i - 3, problem_nouns) > 0;
    }
    if (!listed || find_han(s + a, e - a, "某") != NULL)
        return false;
    for (size_t h = hit_lower(&st->hits, a + 1); h < st->hits.n && st->hits.v[h].end <= e; h++) {
        const el_lex_hit *x = &st->hits.v[h];
        if (x->cat == EL_LEX_PLACE && x->start >= a && !(el_lex_flags(x->entry) & EL_LEX_WEAK))
            return false;
    }
    return !after_place || has_word(s, a, e, general_words);
}

/*
 * 正反对比: the first contrast marker of the paragraph after positive material. The markers
 * (words.tsv, contrast) turn from a positive case to a counter-example (反观, 然而, 相比之下);
 * 看似…实则 is left out on purpose: it turns within one claim (看似是家庭的“小事”，实则关系
 * 国家发展的“大事”) and sets no case against another, and so does a marker before a list of
 * problems (problem_statement).
 */
static void find_contrast(struct dstate *st, const char *s, size_t n, size_t base)
{
    if (!(st->cats & EL_LEX_CAT_BIT(EL_LEX_CONTRAST))) /* most paragraphs: no marker */
        return;
    size_t first_place = SIZE_MAX, m = 0, skip = 0; /* skip: end of a problem statement */
    for (size_t i = 0; i < st->hits.n; i++) {
        const el_lex_hit *h = &st->hits.v[i];
        /* the offset first: once a place is found, few hits start before it (el_lex_flags is
           a call) */
        if (h->cat == EL_LEX_PLACE && h->start < first_place &&
            !(el_lex_flags(h->entry) & EL_LEX_WEAK))
            first_place = h->start;
        if (h->cat != EL_LEX_CONTRAST || h->start < skip)
            continue;
        /* A one-character marker (但, 却) counts only where a clause begins. */
        if (el_text_ncp(s + h->start, h->end - h->start) < 2) {
            size_t t = h->start, u;
            uint32_t c = 0;
            while (t > 0 && is_hspace(c = el_text_prev_cp(s, t, &u)))
                t = u;
            if (t > 0 && !delim(c) && !is_closer(c))
                continue;
        }
        if (first_place >= h->start && !evidence_before(st, base, base + h->start))
            continue;
        /* Markers come in order: m, the next sentence mark, only moves on. A sentence of
           problems is looked at once, whatever markers it holds. */
        size_t e = sentence_end_at(st, s, n, h->start, &m);
        if (problem_statement(st, s, h->start, e, first_place < h->start)) {
            skip = e;
            continue;
        }
        add_device(st, EL_DEV_CONTRAST, base + h->start, e - h->start);
        return;
    }
}

/* Whether plain[a..b) overlaps a classical quote (doc->quotes is in order of offset). */
static bool in_classical_quote(const el_doc *doc, size_t a, size_t b)
{
    size_t lo = 0, hi = doc->quotes.n;
    while (lo < hi) { /* first quote starting at or after b */
        size_t mid = lo + (hi - lo) / 2;
        if (doc->quotes.v[mid].txt.off < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Quotes do not nest deeply: the few before b are all that can reach into [a, b). */
    for (size_t k = lo, seen = 0; k > 0 && seen < 4; k--, seen++) {
        const el_quote *q = &doc->quotes.v[k - 1];
        if (q->kind == EL_QUOTE_CLASSICAL && q->txt.off + q->txt.len > a)
            return true;
    }
    return false;
}

/* Sentences tried either side of a question against the classical lexicon. */
#define AROUND 2
/* Text normalised for one question at most: the longest lexicon line is far shorter. */
#define CLASSICAL_BYTES 480

/*
 * A known classical line written without quotation marks (问渠那得清如许？为有源头活水来。)
 * made of whole sentences around sentence q of bound[0..nb] (sentence k is
 * s[bound[k]..bound[k + 1])): its span, the final mark dropped as a quote's text drops it,
 * or len 0. Each sentence is normalised once and the windows are slices of the result.
 */
static el_span classical_line(const char *s, const size_t *bound, size_t nb, size_t q)
{
    char buf[CLASSICAL_BYTES];
    size_t ko[2 * AROUND + 2];
    size_t p0 = q, q1 = q;
    if (bound[q + 1] - bound[q] > CLASSICAL_BYTES)
        return (el_span){0, 0};
    while (p0 > 0 && bound[q1 + 1] - bound[p0 - 1] <= CLASSICAL_BYTES)
        p0--;
    while (q1 + 1 < nb && bound[q1 + 2] - bound[p0] <= CLASSICAL_BYTES)
        q1++;
    size_t out = 0;
    for (size_t k = p0; k <= q1; k++) {
        ko[k - p0] = out;
        out += el_lex_normalize(s + bound[k], bound[k + 1] - bound[k], buf + out);
    }
    ko[q1 + 1 - p0] = out;
    for (size_t p = p0; p <= q; p++)
        for (size_t e = q; e <= q1; e++) {
            size_t ka = ko[p - p0], kb = ko[e + 1 - p0];
            if (kb == ka || !el_lex_classical_find(buf + ka, kb - ka))
                continue;
            size_t a = bound[p], z = bound[e + 1], k, j;
            while (a < z && is_hspace(el_text_cp(s, z, a, &k)))
                a += k;
            while (z > a) { /* spaces, line end and closers, then the final mark */
                uint32_t c = el_text_prev_cp(s, z, &j);
                if (!is_hspace(c) && !is_closer(c) && c != '\n')
                    break;
                z = j;
            }
            if (z > a && el_text_is_sentence_end(el_text_prev_cp(s, z, &j)))
                z = j;
            return (el_span){a, z - a};
        }
    return (el_span){0, 0};
}

/*
 * Whether the block has a question mark: split_clauses noted every ？ and ? among st->marks
 * (the sentence marks, each whole at its offset), and without one no sentence is a question.
 */
static bool has_question(const struct dstate *st, const char *s)
{
    for (size_t m = 0; m < st->marks.n; m++) {
        const unsigned char *u = (const unsigned char *)s + st->marks.v[m];
        if (u[0] == '?' || (u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x9F))
            return true;
    }
    return false;
}

/*
 * 设问/反问: every sentence ending with a question mark, but for the question mark of a
 * classical line: inside a classical quote it is the quote's, and a known line written bare
 * (without marks or a lead-in the quote extractor knows) is a citation instead.
 */
static void find_questions(struct dstate *st, const char *s, size_t n, size_t base)
{
    size_t m = 0;
    size_t back[AROUND], nback = 0; /* starts of the sentences before, the nearest first */
    for (size_t i = 0; i < n;) {
        size_t e = sentence_end_at(st, s, n, i, &m), j, k;
        size_t b = e, next = e > i ? e : n;
        uint32_t c = 0; /* the last character kept */
        /* Mostly the sentence ends with its mark (。！？, neither closer nor space): keep it. */
        if (m == st->marks.n || (c = el_text_cp(s, n, st->marks.v[m], &k)) == '\n' ||
            st->marks.v[m] + k != e) {
            while (b > i) {
                c = el_text_prev_cp(s, b, &j);
                if (!is_closer(c) && !is_hspace(c) && c != '\n')
                    break;
                b = j;
            }
        }
        if (b > i && (c == 0xFF1F || c == '?')) {
            size_t a = i;
            while (a < b && is_hspace(el_text_cp(s, b, a, &k)))
                a += k;
            size_t han = 0;
            for (size_t p = a; p < b; p += k)
                han += el_text_is_han(el_text_cp(s, b, p, &k));
            if (han >= 3 && st->doc->devices.n >= EL_DEVICES_MAX)
                return;
            if (han >= 3 && !in_classical_quote(st->doc, base + a, base + b)) {
                /* The sentences around this one: up to AROUND either side. */
                size_t bound[2 * AROUND + 2], nb = 0, mm = m;
                for (size_t t = nback; t > 0; t--)
                    bound[nb++] = back[t - 1];
                size_t q = nb;
                bound[nb++] = i;
                bound[nb] = next;
                for (size_t t = 0; t < AROUND && bound[nb] < n; t++, nb++)
                    bound[nb + 1] = sentence_end_at(st, s, n, bound[nb], &mm);
                el_span cl = classical_line(s, bound, nb, q);
                if (cl.len) {
                    if (!add_device(st, EL_DEV_CITATION, base + cl.off, cl.len))
                        return;
                    /* The rest of the line is no question: go on after it. */
                    next = cl.off + cl.len;
                    nback = 0;
                    i = next;
                    continue;
                }
                if (!add_balanced(st, EL_DEV_RHETORICAL_QUESTION, s, n, base, a, b))
                    return;
            }
        }
        if (nback == AROUND)
            nback--;
        memmove(back + 1, back, nback * sizeof *back);
        back[0] = i;
        nback++;
        i = next;
    }
}

/* ---- blocks and titles --------------------------------------------------------------- */

static void scan_block(struct dstate *st, el_span blk)
{
    const char *s = st->doc->plain.v + blk.off;
    size_t n = blk.len;
    if (n == 0 || st->doc->devices.n >= EL_DEVICES_MAX)
        return;
    st->base = blk.off;
    st->hits.n = 0;
    st->cats = 0;
    el_doc_lex_scan_cats(st->doc, blk.off, n, DEVICE_CATS, collect_hit, st);
    if (n > st->covcap) {
        free(st->cov);
        st->cov = xmalloc(n);
        st->covcap = n;
    }
    memset(st->cov, 0, n);
    if (st->cats & EL_LEX_CAT_BIT(EL_LEX_PLACE))
        for (size_t i = 0; i < st->hits.n; i++) {
            const el_lex_hit *h = &st->hits.v[i];
            if (h->cat == EL_LEX_PLACE)
                memset(st->cov + h->start, 1, h->end - h->start);
        }
    split_clauses(st, s, n);
    quote_pairs(st, s);
    find_member_parallel(st, s, n, blk.off);
    find_pair_parallel(st, s, n, blk.off);
    find_parallel(st, s, n, blk.off);
    find_short_parallel(st, s, n, blk.off);
    find_antithesis(st, s, n, blk.off);
    find_metaphors(st, s, n, blk.off);
    find_contrast(st, s, n, blk.off);
    /* Most paragraphs ask nothing: their sentences need not be cut at all. */
    if (has_question(st, s))
        find_questions(st, s, n, blk.off);
}

/* Numbering and labels before an argument title (分论点一：, 论点 1:, 一、, （一）, 首先，). */
static el_span strip_label(const char *s, el_span t)
{
    static const char *const heads[] = {"首先", "其次", "再次", "最后", "第一", "第二", "第三",
                                        "第四", "一是", "二是", "三是", "四是", NULL};
    static const char *const numerals = "一二三四五六七八九十0123456789１２３４５６７８９０";
    size_t a = t.off, b = t.off + t.len, k;
    /* A label ending in a colon within the first 10 code points. */
    for (size_t i = a, m = 0; i < b && m < 10; i += k, m++) {
        uint32_t c = el_text_cp(s, b, i, &k);
        if (c == 0xFF1A || c == ':') {
            a = i + k;
            break;
        }
    }
    for (int round = 0; round < 2; round++) {
        while (a < b) {
            uint32_t c = el_text_cp(s, b, a, &k);
            bool num = false;
            if (k <= 3) {
                char tmp[4] = {0};
                memcpy(tmp, s + a, k);
                num = c > ' ' && strstr(numerals, tmp) != NULL;
            }
            if (!is_hspace(c) && !num && c != 0x3001 && c != 0xFF08 && c != 0xFF09 && c != '(' &&
                c != ')' && c != '.' && c != 0xFF0E && c != 0xFF0C && c != ',')
                break;
            a += k;
        }
        size_t h = el_text_prefix(s + a, b - a, heads);
        if (!h)
            break;
        a += h;
    }
    return (el_span){a, b - a};
}

/* Clause code-point lengths of a title (at most 4 clauses). */
static size_t title_shape(const char *s, el_span t, size_t *lens)
{
    size_t n = 0, cur = 0, k, end = t.off + t.len;
    /* Once four clauses are measured the rest can change nothing. */
    for (size_t i = t.off; i < end && n < 4; i += k) {
        /* A run of Han (no mark of char_class) counts by its length. */
        size_t h = el_text_han_run(s, end, i);
        cur += (h - i) / 3;
        if ((i = h) >= end)
            break;
        /* one char_class for the four tests: delimiter, space, opening or closing mark */
        unsigned cls = char_class(el_text_cp(s, end, i, &k));
        if (cls & (CL_PAUSE | CL_STOP | CL_SPACE)) {
            if (cur && n < 4)
                lens[n++] = cur;
            cur = 0;
        } else if (!(cls & (CL_OPEN | CL_CLOSE))) {
            cur++;
        }
    }
    if (cur && n < 4)
        lens[n++] = cur;
    return n;
}

/* Argument titles in parallel (≥ 3, a shared frame or the same clause shape): report once. */
static void find_title_parallel(struct dstate *st)
{
    el_doc *doc = st->doc;
    const char *s = doc->plain.v;
    el_span t[16];
    int sec[16];
    size_t nt = 0;
    for (size_t i = 0; i < doc->sections.n && nt < 16; i++) {
        const el_section *sc = &doc->sections.v[i];
        if (sc->kind != EL_SEC_ARGUMENT || !sc->title.len)
            continue;
        el_span x = strip_label(s, sc->title);
        if (el_text_ncp(s + x.off, x.len) < 4)
            continue;
        sec[nt] = (int)i;
        t[nt++] = x;
    }
    if (nt < 3)
        return;
    /* Frame: the first one to three characters common to all titles. */
    size_t frame = 3;
    uint32_t f0[3];
    struct clause c0 = {.start = t[0].off, .end = t[0].off + t[0].len};
    size_t nf = clause_cps(s, &c0, f0, 3);
    if (nf < frame)
        frame = nf;
    for (size_t i = 1; i < nt && frame; i++) {
        uint32_t f[3];
        struct clause ci = {.start = t[i].off, .end = t[i].off + t[i].len};
        size_t m = clause_cps(s, &ci, f, 3), l = 0;
        while (l < frame && l < m && f[l] == f0[l] && el_text_is_han(f[l]))
            l++;
        frame = l;
    }
    bool par = frame >= 2 || (frame == 1 && frame1(f0[0]));
    if (!par) {
        /*
         * Same shape: as many clauses each; one-clause titles of exactly equal length,
         * longer ones within one character per clause, or within two when every title
         * ends in a quoted term (…“主心骨” / …“新引擎” / …“同心圆”).
         */
        bool quoted_end = true;
        for (size_t i = 0; i < nt && quoted_end; i++) {
            size_t j;
            quoted_end = is_closer(el_text_prev_cp(s, t[i].off + t[i].len, &j));
        }
        size_t l0[4], n0 = title_shape(s, t[0], l0);
        size_t slack = n0 < 2 ? 0 : quoted_end ? 2 : 1;
        par = n0 > 0 && (n0 >= 2 || l0[0] >= 4);
        for (size_t i = 1; i < nt && par; i++) {
            size_t li[4], ni = title_shape(s, t[i], li);
            if (ni != n0)
                par = false;
            for (size_t k = 0; k < ni && par; k++) {
                size_t d = li[k] > l0[k] ? li[k] - l0[k] : l0[k] - li[k];
                if (d > slack || li[k] < 2)
                    par = false;
            }
        }
    }
    if (!par || doc->devices.n >= EL_DEVICES_MAX)
        return;
    *EL_VEC_PUSH(doc->devices) =
        (el_device){.type = EL_DEV_PARALLELISM, .txt = t[0], .section = sec[0]};
}

/* ---- driver -------------------------------------------------------------------------- */

static int cmp_device(const void *a, const void *b)
{
    const el_device *x = a, *y = b;
    if (x->txt.off != y->txt.off)
        return x->txt.off < y->txt.off ? -1 : 1;
    return (int)x->type - (int)y->type;
}

void el_extract_devices(el_doc *doc)
{
    struct dstate st = {0};
    st.doc = doc;
    size_t n0 = doc->devices.n;
    /* Room for a typical essay up front, rather than a run of reallocations from 8 items. */
    size_t guess = doc->plain.n / 32 + 16;
    if (guess > 4096)
        guess = 4096;
    RESERVE(st.cl, guess);
    RESERVE(st.marks, guess / 2);
    RESERVE(st.trig, guess / 2);
    RESERVE(st.qbuf, guess);
    RESERVE(st.qmap, guess);
    RESERVE(st.hits, guess);
    el_span_vec blocks = {0};
    el_quote_blocks(doc, &blocks);
    for (size_t i = 0; i < blocks.n; i++)
        scan_block(&st, blocks.v[i]);
    free(blocks.v);
    find_title_parallel(&st);
    /* 引用: every policy or classical quote is also a citation. */
    for (size_t i = 0; i < doc->quotes.n; i++) {
        const el_quote *q = &doc->quotes.v[i];
        if (q->kind != EL_QUOTE_OTHER) /* its section, that of q->txt.off, is known */
            add_device_in(doc, EL_DEV_CITATION, q->txt.off, q->txt.len, q->section);
    }
    if (doc->devices.n > n0)
        sort_items(doc->devices.v + n0, doc->devices.n - n0, sizeof *doc->devices.v, cmp_device);
    free(st.hits.v);
    free(st.pairs.v);
    free(st.cl.v);
    free(st.cov);
    free(st.meta.v);
    free(st.marks.v);
    free(st.trig.v);
    free(st.qbuf.v);
    free(st.qmap.v);
    free(st.case_names);
    free(st.evid);
}
