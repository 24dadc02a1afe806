/* SPDX-License-Identifier: MIT */
/*
 * Quotations of the essay's own text (title and 正文): policy quotes introduced by a
 * leader or a Party/state document (总书记强调：“…”, 《…决定》提出“…”, 《中国教育现代化
 * 2035》提出“…”), classical lines found in the built-in lexicon (exactly, as a clause run,
 * as some of a line's clauses with others dropped, or misquoted by one or two characters,
 * judged clause by clause, which raises quote/misquoted) or introduced by a classical work
 * the lexicon's sources name (《论语》中说) or by a lead in the classical register (古人有言,
 * 孔子曰, 《菜根谭》有云: classical though the lexicon lacks the line, and no misquote), and
 * other quoted sentences with a speaker or a title that is neither (《人民日报》评论指出).
 * Without quotation marks, a classical line is taken after a bare lead-in (古人云：…), at a
 * block's first or last sentence, and amid a paragraph as whole clauses matched exactly
 * (治理之道，千里之堤，溃于蚁穴，小问题…; 古人讲天下难事，必作于易；…，基层…).
 * 规定 and 称 introduce a quote only after a speaker or a document (《民法典》规定：,
 * 有关负责人称：), never in the words they end (号称, 堪称). Quoted terms (“红管家”,
 * “最后一公里”) are names or metaphors, never quotes, and so is a question in quotation marks
 * that nobody is said to ask (“村里有没有一个能取件的地方？”这是村民最关心的问题): the essay's
 * 设问.
 *
 * Everything is linear in the paragraph: one pass pairs the marks and finds the lead-ins of
 * bare lines and the clause starts that open a clause of the lexicon (a bit table over their
 * first three characters), lead-ins of quotes are looked up in a bounded window before the
 * opening mark,
 * and the misquote search only compares a quote with a bounded number of lexicon lines: those
 * sharing a clause with it and those with an entry of similar length sharing its first or
 * last character (qindex.h: an index of the lexicon computed at build time, which the program
 * only reads). The answers for short quoted texts are kept per thread, since the drafts of one
 * exam quote the same terms over and over, and the lead-in of a short quoted term is looked
 * for only where it could make the term a quote (after a colon).
 */
#include "quotes.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "config.h"
#include "lexicon.h"
#include "qindex.h"
#include "rules.h"
#include "text.h"

/* The pass that pairs the marks filters sixteen offsets at a time where SSE2 is there (see
 * candidates), and the walk back to a clause's start steps over five ideographs at a time
 * (han_back); make portable checks the walks alone. */
#if defined(__SSE2__) && defined(__GNUC__)
#define QUOTES_SSE2 1
#include <emmintrin.h>
#else
#define QUOTES_SSE2 0
#endif

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
/* Clauses of a lexicon line whose runs are index entries. */
#define LINE_MAX_CLAUSES 16

/* ---- word lists ---------------------------------------------------------------------- */

/* A word with its byte length, so that suffix tests never call strlen. */
struct word {
    const char *s;
    size_t n;
};
/* clang-format off */
#define W(lit) {lit, sizeof lit - 1}
/* clang-format on */

/*
 * The lists searched by their ends are written once as X-macros (DOC_SUFFIXES(X) X("决定") …)
 * that give both the list and, as a constant, the mask of the last bytes of its words (mod 64:
 * continuation bytes in CJK, told apart by their low six bits) that ends_with_one tests first,
 * as cases.c does with its word lists: the compiler computes every mask, the program builds
 * none. The bare lead-ins give look_leads, lead_first and lead_hash the same way (below).
 */
#define WORD_ITEM(x) W(x),
#define LAST_KEY(x) | (uint64_t)1 << ((unsigned char)(x)[sizeof(x) - 2] & 63)
/* A word list and the last bytes (mod 64) of its words, so most ends fail in one test. */
struct wordlist {
    const struct word *w;
    uint64_t last;
};
/* clang-format off */
/* The list of the X-macro list NAME(X), ended by {NULL, 0}, with its mask. */
#define WORDLIST(NAME) {(const struct word[]){NAME(WORD_ITEM) {NULL, 0}}, 0 NAME(LAST_KEY)}

/* Words that introduce a classical line (the quote needs no lexicon match to be classical). */
#define CLASSICAL_LEADS(X)                                                                         \
    X("古人云") X("古语云") X("古语有云") X("古语道") X("古人说") X("古人讲") X("古人曰")          \
    X("先贤云") X("古训云") X("诗云") X("子曰") X("古语讲") X("古人有云")
/* Words that introduce a saying of nobody in particular. */
#define SAYING_LEADS(X)                                                                            \
    X("俗话说") X("常言道") X("俗语说") X("有人说") X("人们常说") X("正所谓") X("常言说")          \
    X("老话说")
/* Lead-ins before a bare (unquoted) classical line. None ends with its own first character,
 * so occurrences of one lead never overlap. X(a, word): a is passed through (look_leads). */
#define BARE_LEADS(X, a)                                                                           \
    X(a, "古人云") X(a, "古语有云") X(a, "古语云") X(a, "正所谓") X(a, "俗话说") X(a, "常言道")    \
    X(a, "古人说") X(a, "古语道") X(a, "古人有云") X(a, "诗云") X(a, "子曰")
/* Single-character saying verbs, accepted only before a colon. */
#define SHORT_VERBS(X) X("说") X("道") X("云") X("曰") X("讲") X("问") X("言")
/* Endings of 《…》 titles that name a Party or state document (classics are told apart first:
 * 《孙子兵法》 ends with 法). */
#define DOC_SUFFIXES(X)                                                                            \
    X("决定") X("意见") X("规划") X("纲要") X("报告") X("条例") X("法") X("通知") X("方案")        \
    X("建议") X("办法") X("规定") X("决议") X("公报") X("白皮书") X("计划") X("纲领") X("章程")    \
    X("准则") X("宪法") X("讲话") X("纪要") X("文件") X("法典") X("指南") X("行动") X("要点")      \
    X("细则") X("措施") X("摘编")
/* Verbs that introduce a quote only after a speaker, a document or a 《…》 title
 * (《民法典》规定：, 有关负责人称：): alone they are nouns or end other words (规定 the noun,
 * 号称, 堪称, 简称). */
#define WEAK_VERBS(X) X("规定") X("称")
/* Verbs of the classical register: a 《…》 title or a speaker before them (《菜根谭》有云,
 * 孔子曰) cites a classic. */
#define ARCHAIC_VERBS(X) X("云") X("曰") X("有云") X("有言")
/* Adverbs that sit between a speaker and the verb (他曾说, 老李也说). */
#define SPEAKER_TAILS(X) X("曾经") X("曾") X("也") X("常") X("就") X("所") X("还") X("都")
/* What a policy quote often opens with after its verb (强调，要“…”; 指出必须“…”): words of the
 * quote's own sentence, not of its lead, stepped over to reach the verb. */
#define MODAL_WORDS(X) X("要") X("必须") X("应当") X("应该") X("务必") X("就要") X("更要")
/* clang-format on */

#define BARE_ITEM(a, x) W(x),
static const struct word bare_leads[] = {BARE_LEADS(BARE_ITEM, ){NULL, 0}};
/* Lead-ins of the classical and saying lists that are not bare_leads, looked for only where a
 * clause starts: the list of qindex.h, whose builder puts them in open3 too. */
static const struct word mid_leads[] = {QINDEX_MID_LEADS(WORD_ITEM){NULL, 0}};

static const struct wordlist wl_classical = WORDLIST(CLASSICAL_LEADS),
                             wl_saying = WORDLIST(SAYING_LEADS), wl_short = WORDLIST(SHORT_VERBS),
                             wl_doc = WORDLIST(DOC_SUFFIXES), wl_tails = WORDLIST(SPEAKER_TAILS),
                             wl_weak = WORDLIST(WEAK_VERBS), wl_archaic = WORDLIST(ARCHAIC_VERBS),
                             wl_modal = WORDLIST(MODAL_WORDS);
/* Characters before 称 that make it part of a word, not "says" (号称 堪称 简称 俗称 …); not 人
 * (负责人称 is a speaker's verb) nor 学 官 相 (大学称, 法官称, 首相称). */
static const char *const cheng_words[] = {
    "号", "堪", "简", "俗", "统", "并", "被", "昵", "戏", "爱", "通", "对",
    "职", "名", "泛", "美", "合", "尊", "谦", "别", "又", "亦", "或", "可",
    "誉", "著", "素", "自", "匀", "指", "改", "敬", "雅", "全", NULL,
};
/* Speakers that stand for the classics (古人有言, 正如古人所说, 先贤有言). */
static const char *const ancient_speakers[] = {
    "古人", "古语", "古话", "古训", "先贤", "先哲", "先人", "前人", "圣人", "古圣先贤", NULL,
};
/* Openers that make the words before 规定/称 a reference, not a speaker (按照有关规定：). */
static const char *const weak_not_speaker[] = {"按照", "根据", "依照", "依据",
                                               "遵照", "按",   "依",   NULL};
/* Words for people that name no one: never the speaker of a classic. */
static const char *const pronouns[] = {"我",   "我们", "咱们", "你",   "你们", "他",   "她",
                                       "他们", "她们", "大家", "人们", "有人", "我国", NULL};
/* Openers before a speaker (正如老李所说, 据报道称). */
static const char *const speaker_heads[] = {"正如", "诚如", "就像", "如", "据", NULL};

/*
 * The three-byte characters that need a closer look, as a bitmap indexed by their second byte
 * (as it is: no masking in the scan loop) of words over their third (mod 64): the marks
 * (“” E2 80 9C/9D, 「」『』 E3 80 8C..8F) and, in look_leads, the first characters of the
 * bare lead-ins and the clause marks after which scan_mid looks too. Everything else, nearly
 * all of the text, is skipped with one table test a character. Only rows 0x80..0xBF are ever
 * read, and only they are set.
 */
#define MARK_BITS ((uint64_t)3 << 0x1C | (uint64_t)15 << 0x0C) /* row 0x80 */
/* ，；：！？ (EF BC 8C/9B/9A/81/9F), row 0xBC */
#define CLAUSE_MARK_BITS                                                                           \
    ((uint64_t)1 << 0x0C | (uint64_t)1 << 0x1B | (uint64_t)1 << 0x1A | (uint64_t)1 << 0x01 |       \
     (uint64_t)1 << 0x1F)
static const uint64_t look_marks[256] = {[0x80] = MARK_BITS};
/* Row r of look_leads: the marks, the clause marks and the bit of every bare lead whose first
   character has r for its second byte, as constant expressions. */
/* clang-format off */
#define LEAD_ROW_BIT(r, x)                                                                         \
    | ((unsigned char)(x)[1] == (r) ? (uint64_t)1 << ((unsigned char)(x)[2] & 63) : 0)
#define LOOK_ROW(r)                                                                                \
    [r] = ((r) == 0x80 ? MARK_BITS : 0) | ((r) == 0xBC ? CLAUSE_MARK_BITS : 0)                     \
          BARE_LEADS(LEAD_ROW_BIT, r)
/* clang-format on */
#define LOOK_ROWS4(r) LOOK_ROW(r), LOOK_ROW(r + 1), LOOK_ROW(r + 2), LOOK_ROW(r + 3)
#define LOOK_ROWS16(r) LOOK_ROWS4(r), LOOK_ROWS4(r + 4), LOOK_ROWS4(r + 8), LOOK_ROWS4(r + 12)
static const uint64_t look_leads[256] = {LOOK_ROWS16(0x80), LOOK_ROWS16(0x90), LOOK_ROWS16(0xA0),
                                         LOOK_ROWS16(0xB0)};
/* The first character of each bare lead, as its three bytes in one word, and the set of those
 * characters by the sum of their bytes mod 64, which tells most characters that share their
 * last two bytes with one (look_leads) from it. */
#define LEAD_FIRST(a, x)                                                                           \
    ((uint32_t)(unsigned char)(x)[0] << 16 | (uint32_t)(unsigned char)(x)[1] << 8 |                \
     (uint32_t)(unsigned char)(x)[2]),
#define LEAD_HASH_BIT(a, x)                                                                        \
    | (uint64_t)1 << (((unsigned char)(x)[0] + (unsigned char)(x)[1] + (unsigned char)(x)[2]) & 63)
static const uint32_t lead_first[sizeof bare_leads / sizeof bare_leads[0]] = {
    BARE_LEADS(LEAD_FIRST, )};
static const uint64_t lead_hash = 0 BARE_LEADS(LEAD_HASH_BIT, );

/* The index of the lexicon's lines (qindex.h), generated at build time. */
static const struct el_qindex *const ci = &el_qindex;

/* Whether the three characters at u (nine bytes readable) may open a clause scan_mid takes:
 * those of the classical index's clause openings (ci->starts) and the mid_leads, as the bit
 * table the generator computed (qindex.h, open3). pair_scan tests the three characters after
 * each clause mark against it, so nearly every clause is passed over with one table test. */
static inline bool open3_has(const unsigned char *u)
{
    size_t x = open3_bit(u);
    return (ci->open3[x / 64] >> (x % 64)) & 1;
}

/* ends_with_one past its test of the last byte. */
static size_t ends_with_scan(const char *s, size_t i, const struct wordlist *l)
{
    size_t best = 0;
    for (const struct word *w = l->w; w->s; w++)
        if (w->n > best && w->n <= i && w->s[w->n - 1] == s[i - 1] &&
            memcmp(s + i - w->n, w->s, w->n) == 0)
            best = w->n;
    return best;
}

/* Byte length of the longest word of l that s[0..i) ends with, 0 if none. Most
 * ends are told apart by their last byte, inline. */
static inline size_t ends_with_one(const char *s, size_t i, const struct wordlist *l)
{
    if (i == 0 || !((l->last >> ((unsigned char)s[i - 1] & 63)) & 1))
        return 0;
    return ends_with_scan(s, i, l);
}

/* ---- quotation-mark pairing ---------------------------------------------------------- */

static int by_open(const void *a, const void *b)
{
    const el_qpair *x = a, *y = b;
    return x->open < y->open ? -1 : x->open > y->open;
}

/* An occurrence of bare_leads[lead] at byte offset at. */
struct leadhit {
    size_t lead, at;
};
typedef EL_VEC(struct leadhit) leadhit_vec;
/* Offsets where a clause scan_mid may look at starts (after a clause mark). */
typedef EL_VEC(size_t) offset_vec;

/* Masks over four bytes in memory order (whatever the byte order of a word): a three-byte
 * character is lead & F0 == E0 followed by two bytes & C0 == 80. */
static const union {
    unsigned char b[4];
    uint32_t w;
} wide3_mask = {{0xF0, 0xC0, 0xC0, 0}}, wide3_bits = {{0xE0, 0x80, 0x80, 0}};
/* The same for two three-byte characters in a row, over eight bytes. */
static const union {
    unsigned char b[8];
    uint64_t w;
} wide6_mask = {{0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0, 0}},
  wide6_bits = {{0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0, 0}};

/* Whether the three-byte character at c needs a closer look (look_marks or look_leads). */
static inline bool marked(const uint64_t *look, const unsigned char *c)
{
    return (look[c[1]] >> (c[2] & 63)) & 1;
}

/* A stack of opening offsets, on the stack of the caller until it outgrows small. */
struct mstack {
    size_t *v, n, cap;
    size_t small[8];
};

/* Double the room of a full stack. */
static void mstack_grow(struct mstack *m)
{
    size_t cap = 2 * m->cap;
    size_t *v = xmalloc(cap * sizeof *v);
    memcpy(v, m->v, m->n * sizeof *v);
    if (m->v != m->small)
        free(m->v);
    m->v = v;
    m->cap = cap;
}

static inline void mstack_push(struct mstack *m, size_t x)
{
    if (m->n == m->cap)
        mstack_grow(m);
    m->v[m->n++] = x;
}

/* The state of pair_scan: one stack of opening offsets per mark family, the pending ASCII
 * quote, and what it appends to. */
struct pscan {
    const unsigned char *u;
    size_t n;
    struct mstack st[3];
    size_t ascii_open;
    el_qpair_vec *out;
    leadhit_vec *leads;
    offset_vec *cstarts; /* with leads: clause starts whose three characters are in open3 */
};

/*
 * A character that may be a clause mark at offset i (a full-width form, lead byte EF: ，；：！？
 * among them): the offset after it when the three characters there are in open3 (scan_mid checks
 * the mark). Inlined: it runs at every comma.
 */
__attribute__((always_inline)) static inline void clause_mark(struct pscan *ps, size_t i)
{
    size_t a = i + 3;
    if (ps->n - a >= 9 && open3_has(ps->u + a))
        *EL_VEC_PUSH(*ps->cstarts) = a;
}

/* What starts at byte offset i, told from the bytes there alone: an ASCII quote, a mark (paired
 * or stacked), or (ps->leads) bare lead-ins and (ps->cstarts, where the marks are walked, not
 * filtered: candidates leaves them to clause_mark) a clause mark; anything else is ignored.
 * Inlined: a call cost more than the test of most offsets. */
__attribute__((always_inline)) static inline void visit(struct pscan *ps, size_t i)
{
    const unsigned char *u = ps->u;
    size_t n = ps->n;
    unsigned char b = u[i];
    if (b == '"') {
        if (ps->ascii_open == SIZE_MAX) {
            ps->ascii_open = i;
        } else {
            *EL_VEC_PUSH(*ps->out) = (el_qpair){ps->ascii_open, ps->ascii_open + 1, i, i + 1};
            ps->ascii_open = SIZE_MAX;
        }
        return;
    }
    if (n - i < 3)
        return;
    unsigned char c1 = u[i + 1], c2 = u[i + 2];
    int fam = -1;
    if (b == 0xE2 && c1 == 0x80 && (c2 == 0x9C || c2 == 0x9D))
        fam = 0;
    else if (b == 0xE3 && c1 == 0x80 && c2 >= 0x8C && c2 <= 0x8F)
        fam = 1 + ((c2 - 0x8C) >> 1);
    if (fam >= 0) {
        struct mstack *st = &ps->st[fam];
        bool open = b == 0xE2 ? c2 == 0x9C : !(c2 & 1);
        if (open) {
            mstack_push(st, i);
        } else if (st->n) {
            size_t o = st->v[--st->n];
            size_t ol = el_u8_len(u[o]);
            *EL_VEC_PUSH(*ps->out) = (el_qpair){o, o + ol, i, i + 3};
        }
    } else if (b == 0xEF) {
        if (ps->cstarts)
            clause_mark(ps, i);
    } else if (ps->leads && ((lead_hash >> ((b + c1 + c2) & 63)) & 1)) {
        uint32_t v = (uint32_t)b << 16 | (uint32_t)c1 << 8 | c2;
        for (size_t w = 0; bare_leads[w].s; w++)
            if (lead_first[w] == v && bare_leads[w].n <= n - i &&
                memcmp(u + i, bare_leads[w].s, bare_leads[w].n) == 0)
                *EL_VEC_PUSH(*ps->leads) = (struct leadhit){w, i};
    }
}

#if QUOTES_SSE2
/*
 * The offsets i + k (k < 16, as bit k) where a mark, an ASCII quote or (leads) the first
 * character of a bare lead-in may start, from the bytes u[i..i + 18): a '"', a first byte E2
 * or E3 before a second byte 80 before a third byte of 8C..8F or 9C..9F (the marks, E2 80
 * 9C/9D and E3 80 8C..8F), and with leads the last two bytes of one of those characters
 * (古 正 俗 常 诗 子: E5 8F A4, E6 AD A3, E4 BF 97, E5 B8 B8, E8 AF 97, E5 AD 90;
 * test_quotes_fast2 holds every lead to it). A superset, near enough that few offsets are
 * visited for nothing (common characters such as 提 字 学 share a byte with a lead, and 而
 * two with a mark): each visit is a branch the scan cannot predict. visit tells each offset
 * from its bytes, and a mark or a lead never starts with a continuation byte, so offsets
 * inside a character are told apart there. Text of any kind (ASCII runs too) passes sixteen
 * bytes a step.
 */
static inline unsigned candidates(const unsigned char *u, size_t i, bool leads)
{
#define EQ(v, b) _mm_cmpeq_epi8((v), _mm_set1_epi8((char)(b)))
    __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
    __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1));
    __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 2));
    __m128i mark =
        _mm_and_si128(_mm_and_si128(EQ(_mm_or_si128(v0, _mm_set1_epi8(1)), 0xE3), EQ(v1, 0x80)),
                      EQ(_mm_or_si128(v2, _mm_set1_epi8(0x13)), 0x9F));
    __m128i m = _mm_or_si128(EQ(v0, '"'), mark);
    if (leads) {
        __m128i ad = EQ(v1, 0xAD);
        __m128i lead = _mm_or_si128(
            _mm_or_si128(_mm_and_si128(EQ(v1, 0x8F), EQ(v2, 0xA4)),                    /* 古 */
                         _mm_and_si128(ad, _mm_or_si128(EQ(v2, 0xA3), EQ(v2, 0x90)))), /* 正 子 */
            _mm_or_si128(_mm_and_si128(EQ(_mm_or_si128(v1, _mm_set1_epi8(0x10)), 0xBF),
                                       EQ(v2, 0x97)),                 /* 俗 诗 */
                         _mm_and_si128(EQ(v1, 0xB8), EQ(v2, 0xB8)))); /* 常 */
        m = _mm_or_si128(m, lead);
    }
#undef EQ
    return (unsigned)_mm_movemask_epi8(m);
}

/* The offsets i + k (k < 16, as bit k) where a clause mark for clause_mark may start: a first
   byte EF (the full-width forms, ，；：！？ among them; 。 is not needed, see scan_mid). The
   load is candidates' own, which the compiler shares. */
static inline unsigned clause_marks(const unsigned char *u, size_t i)
{
    __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xEF)));
}
#endif

/*
 * el_quote_pairs, and (leads not NULL) every occurrence of a bare lead-in and (cstarts not NULL
 * as well) the clause starts after ，；：！？ that open3 keeps (clause_mark), in one pass over
 * the bytes. With SSE2, sixteen offsets a step are filtered at once (candidates, clause_marks)
 * and the few left are visited; the last bytes, or all of them without SSE2, are walked: every byte
 * is looked at except the two continuation bytes of a well-formed three-byte character. Marks and
 * lead-ins are well-formed and never start with a continuation byte, so either way this finds
 * exactly what decoding character by character (or memmem) would, whatever the input. The clause
 * starts may differ between the two ways (the filter keeps any EF form, the walk fewer) but always
 * hold those after ，；：！？, and scan_mid checks the mark.
 */
static void pair_scan(const char *s, size_t n, el_qpair_vec *out, leadhit_vec *leads,
                      offset_vec *cstarts)
{
    const unsigned char *u = (const unsigned char *)s;
    struct pscan ps;
    ps.u = u;
    ps.n = n;
    for (int f = 0; f < 3; f++) {
        ps.st[f].v = ps.st[f].small;
        ps.st[f].n = 0;
        ps.st[f].cap = sizeof ps.st[f].small / sizeof ps.st[f].small[0];
    }
    ps.ascii_open = SIZE_MAX;
    ps.out = out;
    ps.leads = leads;
    ps.cstarts = leads ? cstarts : NULL;
    const uint64_t *look = look_marks;
    if (leads) {
        leads->n = 0;
        if (cstarts)
            cstarts->n = 0;
        look = look_leads;
    }
    out->n = 0;
    size_t i = 0;
#if QUOTES_SSE2
    /* The step reads u[i..i + 18): two bytes past the sixteen offsets it tests. */
    bool clauses = ps.cstarts != NULL;
    for (; n - i >= 18; i += 16) {
        unsigned cm = clauses ? clause_marks(u, i) : 0;
        for (unsigned m = candidates(u, i, leads != NULL); m; m &= m - 1)
            visit(&ps, i + (size_t)__builtin_ctz(m));
        for (; cm; cm &= cm - 1)
            clause_mark(&ps, i + (size_t)__builtin_ctz(cm));
    }
    if (n >= 18) {
        /* The rest: one more step over the last eighteen bytes, the offsets before i (tested
           already) masked off, and the last two, where only a '"' fits. */
        size_t b = n - 18;
        unsigned m = candidates(u, b, leads != NULL) >> (i - b) << (i - b);
        for (; m; m &= m - 1)
            visit(&ps, b + (size_t)__builtin_ctz(m));
        for (unsigned cm = clauses ? clause_marks(u, b) >> (i - b) << (i - b) : 0; cm; cm &= cm - 1)
            clause_mark(&ps, b + (size_t)__builtin_ctz(cm));
        visit(&ps, n - 2);
        visit(&ps, n - 1);
        i = n;
    }
    /* Short texts are walked; the walk may start anywhere: it steps over continuation bytes. */
#endif
    while (i < n) {
        /* Four characters a step while fourteen bytes can be read, then one. */
        while (n - i >= 14) {
            uint64_t w, x;
            memcpy(&w, u + i, sizeof w);
            memcpy(&x, u + i + 6, sizeof x);
            if ((w & wide6_mask.w) != wide6_bits.w || (x & wide6_mask.w) != wide6_bits.w ||
                marked(look, u + i))
                break;
            if (marked(look, u + i + 3)) {
                i += 3;
                break;
            }
            if (marked(look, u + i + 6)) {
                i += 6;
                break;
            }
            if (marked(look, u + i + 9)) {
                i += 9;
                break;
            }
            i += 12;
        }
        while (n - i >= 4) {
            /* A lead byte 1110xxxx and two continuation bytes 10xxxxxx, tested as one word. */
            uint32_t w;
            memcpy(&w, u + i, sizeof w);
            if ((w & wide3_mask.w) != wide3_bits.w || marked(look, u + i))
                break;
            i += 3;
        }
        if (i >= n)
            break;
        unsigned char b = u[i];
        if (b == '"') {
            visit(&ps, i);
            i++;
            continue;
        }
        if (b < 0x80) { /* the rest of a run of ASCII (digits, spaces) up to a '"' */
            do
                i++;
            while (i < n && u[i] < 0x80 && u[i] != '"');
            continue;
        }
        if ((b & 0xF0) != 0xE0 || n - i < 3 || (u[i + 1] & 0xC0) != 0x80 ||
            (u[i + 2] & 0xC0) != 0x80) {
            i++;
            continue;
        }
        visit(&ps, i);
        i += 3;
    }
    for (int f = 0; f < 3; f++)
        if (ps.st[f].v != ps.st[f].small)
            free(ps.st[f].v);
    /* Pairs close innermost-first; callers want document order (usually already there). */
    for (size_t k = 1; k < out->n; k++)
        if (out->v[k - 1].open > out->v[k].open) {
            qsort(out->v, out->n, sizeof *out->v, by_open);
            break;
        }
}

void el_quote_pairs(const char *s, size_t n, el_qpair_vec *out)
{
    pair_scan(s, n, out, NULL, NULL);
}

void el_quote_leads(const char *s, size_t n, el_span_vec *out)
{
    el_qpair_vec pairs = {0};
    leadhit_vec leads = {0};
    pair_scan(s, n, &pairs, &leads, NULL);
    out->n = 0;
    for (size_t i = 0; i < leads.n; i++)
        *EL_VEC_PUSH(*out) = (el_span){leads.v[i].at, bare_leads[leads.v[i].lead].n};
    free(pairs.v);
    free(leads.v);
}

/* ---- small UTF-8 helpers ------------------------------------------------------------- */

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

/* Whether s[i..n) starts with a well-formed character of U+4E00..U+9FFF (the common Han
 * ideographs, lead byte E4 B8.. to E9), told from its bytes without decoding. */
static inline bool han3(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    return n - i >= 3 && u[0] >= 0xE4 && u[0] <= 0xE9 && (u[0] > 0xE4 || u[1] >= 0xB8) &&
           (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80;
}

/* True if the code point is dropped by el_lex_normalize (punctuation or space). */
static inline bool is_dropped(const char *s, size_t n, size_t i, size_t *k)
{
    char tmp[4];
    uint32_t c = el_text_cp(s, n, i, k);
    /* The bulk of the text: ideographs and ASCII letters and digits are always kept, the
     * common Chinese marks (all Unicode punctuation, P*) always dropped. */
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c < 0x80 && ((c | 0x20) - 'a' < 26 || c - '0' < 10)))
        return false;
    switch (c) {
    case 0xFF0C: /* ， */
    case 0x3002: /* 。 */
    case 0x3001: /* 、 */
    case 0xFF1B: /* ； */
    case 0xFF1A: /* ： */
    case 0xFF1F: /* ？ */
    case 0xFF01: /* ！ */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
        return true;
    default:
        return el_lex_normalize(s + i, *k, tmp) == 0;
    }
}

/* ---- the classical index -------------------------------------------------------------- */

/* Whether the word x has more than lim bits set (lim small). */
static inline bool more_bits(uint64_t x, size_t lim)
{
    for (size_t k = 0; x; x &= x - 1)
        if (++k > lim)
            return true;
    return false;
}

/* Code points a classical line must have to be taken where it stands bare, with no lead-in,
   or at the start of a longer quote: a shorter one (实事求是) reads as the essay's own words;
   民以食为天 does not. */
#define BARE_MIN_CP 5
#define LINE_LEAD_MIN_CP 5
/* Bytes of reported policy speech at most (about 200 characters): a sentence, not a page. */
#define INDIRECT_MAX_BYTES 600
/* Code points a line must have for a near wording standing bare to be its misquote. */
#define BARE_FUZZY_MIN_CP 8

/* Entry index with this exact key, or -1. */
static long ci_find(const char *key, size_t len)
{
    for (size_t h = key_hash(key, len) & ci->mask;; h = (h + 1) & ci->mask) {
        uint32_t v = ci->slots[h];
        if (!v)
            return -1;
        const struct centry *e = &ci->e[v - 1];
        if (e->klen == len && memcmp(centry_key(e), key, len) == 0)
            return (long)v - 1;
    }
}

static bool title_has(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t h = key_hash(s, n) & ci->tmask;; h = (h + 1) & ci->tmask) {
        const struct ctitle *t = &ci->titles[h];
        if (!t->n)
            return false;
        if (t->n == n && memcmp(ctitle_text(t), s, n) == 0)
            return true;
    }
}

/* Byte length of a middle dot (· U+00B7, ・ U+30FB, ‧ U+2027, • U+2022) at s[0..n), or 0. */
static size_t middle_dot(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xB7)
        return 2;
    if (n >= 3 && ((u[0] == 0xE3 && u[1] == 0x83 && u[2] == 0xBB) ||
                   (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA7 || u[2] == 0xA2))))
        return 3;
    return 0;
}

/* The clause chains are hashed by a clause's key past its leading connective, which depends on
 * the key alone: a clause with this key is in the chain of key[connective..). The chain is
 * walked whole (no CHAIN_MAX): the answer must not depend on where the clause sits in it. */
bool el_quote_classical_clause(const char *key, size_t klen)
{
    if (klen == 0)
        return false;
    size_t ncp = el_text_ncp(key, klen), cn = connective(key, klen, ncp);
    for (uint32_t r = ci->clhead[key_hash(key + cn, klen - cn) & ci->clmask]; r;
         r = ci->cl[r - 1].next) {
        const struct lclause *c = &ci->cl[r - 1];
        if (c->ke - c->ks == klen && memcmp(el_lex_classical(c->line)->key + c->ks, key, klen) == 0)
            return true;
    }
    return false;
}

/* Decode up to max code points of s[0..n) into out; returns the count. */
static size_t decode_cps(const char *s, size_t n, uint32_t *out, size_t max)
{
    size_t m = 0, k;
    for (size_t i = 0; i < n && m < max; i += k)
        out[m++] = el_text_cp(s, n, i, &k);
    return m;
}

/*
 * Optimal-string-alignment distance (Levenshtein plus the swap of two neighbours, as in
 * 避趋/趋避) of the code points a[0..na) and those of bs[0..blen) (nb of them) when it is <= 2,
 * else 3. Only the diagonal band |i - j| <= 2 of the table is kept (a path that leaves it
 * costs three or more): row[1 + d] is cell (i, i + d - 2), with row[0] and row[6] standing
 * for the cells just outside the band; a swap comes from the same diagonal two rows up
 * (prow). b is decoded only as far as the band reaches: most candidates are ruled out within
 * a few rows.
 */
static int edit_le2(const uint32_t *a, size_t na, const char *bs, size_t blen, size_t nb)
{
    enum { BIG = 3 };
    if ((na > nb ? na - nb : nb - na) > 2)
        return BIG;
    uint32_t b[FUZZY_MAX_CP + 8];
    size_t have = 0, at = 0;
    /*
     * A cheap bound first: within two edits every kept character of a sits at most two places
     * from an equal character of b, so three of the first six with no such partner rule the
     * pair out (the usual case: lines that only share their first character).
     */
    size_t look = na < 6 ? na : 6, miss = 0;
    for (size_t k; have < look + 2 && have < nb && at < blen; at += k)
        b[have++] = el_text_cp(bs, blen, at, &k);
    for (size_t i = 0; i < look; i++) {
        size_t lo = i > 2 ? i - 2 : 0, hi = i + 3 < have ? i + 3 : have;
        bool pair = false;
        for (size_t j = lo; j < hi && !pair; j++)
            pair = a[i] == b[j];
        if (!pair && ++miss > 2)
            return BIG;
    }
    int prow[7], row[7], nrow[7];
    for (int d = 0; d < 5; d++) /* row 0: cell (0, j) costs j */
        row[1 + d] = d < 2 || (size_t)(d - 2) > nb ? BIG : d - 2;
    row[0] = row[6] = nrow[0] = nrow[6] = BIG;
    memcpy(prow, row, sizeof row);
    for (size_t i = 1; i <= na; i++) {
        size_t need = i + 2 < nb ? i + 2 : nb; /* b[0..need) */
        for (size_t k; have < need && at < blen; at += k)
            b[have++] = el_text_cp(bs, blen, at, &k);
        uint32_t ai = a[i - 1];
        int best = BIG;
/* Cell (i, j = i + D - 2): from (i-1, j-1), (i-1, j), (i, j-1) and, for a swap of a[i-2..i)
 * with b[j-2..j), (i-2, j-2); BIG outside the table. */
#define CELL(D)                                                                                    \
    do {                                                                                           \
        size_t j = i - 2 + (D); /* wraps past SIZE_MAX for j = -1: outside too */                  \
        int v = BIG;                                                                               \
        if (j <= nb) {                                                                             \
            v = j == 0 ? (int)i : row[1 + (D)] + (ai != b[j - 1]);                                 \
            if (row[2 + (D)] + 1 < v)                                                              \
                v = row[2 + (D)] + 1;                                                              \
            if (nrow[(D)] + 1 < v)                                                                 \
                v = nrow[(D)] + 1;                                                                 \
            if (i >= 2 && j >= 2 && j <= have && ai == b[j - 2] && a[i - 2] == b[j - 1] &&         \
                ai != b[j - 1] && prow[1 + (D)] + 1 < v)                                           \
                v = prow[1 + (D)] + 1;                                                             \
            if (v > BIG)                                                                           \
                v = BIG;                                                                           \
        }                                                                                          \
        nrow[1 + (D)] = v;                                                                         \
        if (v < best)                                                                              \
            best = v;                                                                              \
    } while (0)
        CELL(0);
        CELL(1);
        CELL(2);
        CELL(3);
        CELL(4);
#undef CELL
        if (best >= BIG)
            return BIG;
        memcpy(prow + 1, row + 1, 5 * sizeof *row);
        memcpy(row + 1, nrow + 1, 5 * sizeof *row);
    }
    return row[1 + nb + 2 - na];
}

/* Outcome of matching a quoted text against the lexicon. */
struct cmatch {
    int how;             /* 0 none, 1 exact, a clause run or kept clauses, 2 misquote */
    uint32_t line;       /* for el_lex_classical() */
    uint32_t toff, tlen; /* the canonical text: a slice of the line's display text */
    size_t off, len;     /* the matched part of the quoted text (bytes, relative) */
};

/* Clauses of a quote matched clause by clause; a quote with more is only matched whole. */
#define QUOTE_MAX_CLAUSES 16
/* Lexicon clauses looked at per quote clause, lines aligned per quote: bounds per quote. */
#define CHAIN_MAX 32
#define CAND_MAX 12

/* A clause of a quote: bytes of the quoted text, its key slice and matching start (past a
 * leading connective), and code points of the key before it, before ms and after it. */
struct qclause {
    size_t ts, te, ks, ke, ms;
    uint32_t cp0, mcp0, cp1;
};

static struct cmatch entry_match(const struct centry *e, int how, size_t off, size_t len)
{
    return (struct cmatch){how, e->line, e->toff, e->tlen, off, len};
}

/* The canonical text of clauses j0..j1 of a line: the whole text (final mark included) when
 * they are all of its clauses, else their slice. */
static struct cmatch clause_match(int how, uint32_t line, size_t j0, size_t j1, size_t n)
{
    const el_classical *l = el_lex_classical(line);
    const struct lclause *c = ci->cl + ci->cl0[line];
    size_t m = ci->cl0[line + 1] - ci->cl0[line];
    if (j0 == 0 && j1 + 1 == m && c[m - 1].ke == strlen(l->key))
        return (struct cmatch){how, line, 0, (uint32_t)strlen(l->text), 0, n};
    return (struct cmatch){how, line, c[j0].ts, c[j1].te - c[j0].ts, 0, n};
}

/*
 * The quote's clauses qc[0..nc), all exact (connectives aside), as clauses of one lexicon
 * line in order, others of the line dropped between them: 少年智则国智，少年强则国强. The
 * lines holding the first clause are tried in order (a bounded chain); the rest is matched
 * greedily, which finds an in-order match whenever there is one.
 */
static bool clause_subseq(const char *key, const struct qclause *qc, size_t nc, size_t n,
                          struct cmatch *m)
{
    const char *k0 = key + qc[0].ms;
    size_t n0 = qc[0].ke - qc[0].ms, walk = 0;
    for (uint32_t r = ci->clhead[key_hash(k0, n0) & ci->clmask]; r && walk < CHAIN_MAX;
         r = ci->cl[r - 1].next, walk++) {
        const struct lclause *c = &ci->cl[r - 1];
        const char *lk = el_lex_classical(c->line)->key;
        if (c->ke - c->ms != n0 || memcmp(lk + c->ms, k0, n0) != 0)
            continue;
        uint32_t first = ci->cl0[c->line], end = ci->cl0[c->line + 1], x = r - 1;
        size_t i = 1;
        for (; i < nc; i++) {
            size_t ni = qc[i].ke - qc[i].ms;
            while (++x < end && (ci->cl[x].ke - ci->cl[x].ms != ni ||
                                 memcmp(lk + ci->cl[x].ms, key + qc[i].ms, ni) != 0))
                ;
            if (x >= end)
                break;
        }
        if (i == nc) {
            *m = clause_match(1, c->line, r - 1 - first, x - first, n);
            return true;
        }
    }
    return false;
}

/* Cost of reading quote clause qc (code points q) as lexicon clause c of key lk: 0 when
 * equal, the edit distance when it is small for the clause (one edit under ten characters,
 * two from ten, none under four), else 3. */
static int clause_cost(const char *key, const struct qclause *qc, const uint32_t *q, const char *lk,
                       const struct lclause *c)
{
    size_t na = qc->cp1 - qc->mcp0, nb = c->mcp;
    size_t lim = na >= 10 ? 2 : na >= FUZZY_MIN_CP ? 1 : 0;
    if (na > nb + lim || nb > na + lim)
        return 3;
    size_t an = qc->ke - qc->ms, bn = c->ke - c->ms;
    if (an == bn && memcmp(key + qc->ms, lk + c->ms, an) == 0)
        return 0;
    if (lim == 0 || nb < FUZZY_MIN_CP)
        return 3;
    int d = edit_le2(q + qc->mcp0, na, lk + c->ms, bn, nb);
    return d <= (int)lim ? d : 3;
}

/* The best reading of the quote's clauses as clauses of one line, in order, others dropped. */
struct align {
    int cost;         /* total edits, <= 2 */
    uint32_t j0, j1;  /* first and last clause of the line read */
    uint32_t lcp;     /* code points of the line's clauses read */
    uint32_t skipped; /* clauses of the line dropped between j0 and j1 */
    uint32_t unread;  /* clauses of the line not read */
    uint32_t line;
};

/* Whether a is a better reading than b: fewer edits, then fewer dropped clauses, then more of
 * its line read, then the earlier line. */
static bool align_better(const struct align *a, const struct align *b)
{
    if (a->cost != b->cost)
        return a->cost < b->cost;
    if (a->skipped != b->skipped)
        return a->skipped < b->skipped;
    if (a->unread != b->unread)
        return a->unread < b->unread;
    return a->line < b->line;
}

/*
 * Align the quote's clauses with clauses of line (a dynamic programme over quote clause ×
 * line clause, both at most 16): quote clause i read as line clause j costs clause_cost, the
 * line clauses between two read ones are dropped. Totals above two edits are cut.
 */
static bool align_line(uint32_t line, const char *key, const struct qclause *qc, size_t nc,
                       const uint32_t *q, struct align *out)
{
    const struct lclause *c = ci->cl + ci->cl0[line];
    size_t m = ci->cl0[line + 1] - ci->cl0[line];
    if (m < nc)
        return false;
    const char *lk = el_lex_classical(line)->key;
    int cost[LINE_MAX_CLAUSES], ncost[LINE_MAX_CLAUSES];
    uint32_t st[LINE_MAX_CLAUSES], nst[LINE_MAX_CLAUSES], lcp[LINE_MAX_CLAUSES],
        nlcp[LINE_MAX_CLAUSES];
    for (size_t i = 0; i < nc; i++) {
        /* Best reading of clauses 0..i-1 ending before line clause j (a running minimum). */
        int run = i == 0 ? 0 : 3;
        uint32_t rst = 0, rcp = 0;
        bool any = false;
        for (size_t j = 0; j < m; j++) {
            if (i > 0 && j > 0 && cost[j - 1] < 3 &&
                (cost[j - 1] < run || (cost[j - 1] == run && st[j - 1] > rst))) {
                run = cost[j - 1];
                rst = st[j - 1];
                rcp = lcp[j - 1];
            }
            ncost[j] = 3;
            if (run >= 3)
                continue;
            int d = clause_cost(key, &qc[i], q, lk, &c[j]);
            if (run + d > 2)
                continue;
            ncost[j] = run + d;
            nst[j] = i == 0 ? (uint32_t)j : rst;
            nlcp[j] = rcp + c[j].cp1 - c[j].cp0;
            any = true;
        }
        if (!any)
            return false;
        memcpy(cost, ncost, m * sizeof *cost);
        memcpy(st, nst, m * sizeof *st);
        memcpy(lcp, nlcp, m * sizeof *lcp);
    }
    bool found = false;
    for (size_t j = 0; j < m; j++) {
        if (cost[j] >= 3)
            continue;
        struct align a = {
            cost[j], st[j], (uint32_t)j, lcp[j], (uint32_t)(j + 1 - st[j] - nc), (uint32_t)(m - nc),
            line};
        if (!found || align_better(&a, out)) {
            *out = a;
            found = true;
        }
    }
    return found;
}

/* Lines to align with a quote (no duplicates), and the nearest whole entry. */
struct fcand {
    uint32_t line[CAND_MAX];
    size_t n;
    int bestd;
    long beste;
};

static void cand_add(struct fcand *f, uint32_t line)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->line[i] == line)
            return;
    if (f->n < CAND_MAX)
        f->line[f->n++] = line;
}

/*
 * Try the entries of one chain that start (or end) with c and have nq ± 2 code points; skip
 * those whose other end is skip (the other chain has them). Each within one edit (two from
 * ten characters) of the quote's key (whose characters are the set qchars) adds its line; the
 * nearest (lowest distance, then lowest entry, so the order of the chain does not matter) is
 * kept in f. Entries that cannot be near enough (by length, by characters) are passed over
 * before edit_le2: a distance is never below the difference in length nor below the number of
 * characters of one key missing from the other.
 */
static void fuzzy_try(const struct cpchain *ch, uint32_t c, uint32_t skip, const uint32_t *q,
                      size_t nq, uint64_t qchars, struct fcand *f)
{
    /* Only keys of CLAUSE_MIN_CP or more are in the chains. */
    for (size_t len = nq > CLAUSE_MIN_CP + 2 ? nq - 2 : CLAUSE_MIN_CP; len <= nq + 2; len++) {
        /* Two edits only on keys of ten or more: 4 of 6 characters is another line. */
        size_t lim = len >= 10 ? 2 : 1;
        if ((nq > len ? nq - len : len - nq) > lim)
            continue;
        for (uint32_t r = ch->head[cp_slot(c, len, ci->cmask)]; r; r = ch->ref[r - 1].next) {
            const struct cpref *ref = &ch->ref[r - 1];
            if (ref->cp != c || ref->ncp != len || ref->ocp == skip ||
                more_bits(qchars & ~ref->chars, lim))
                continue;
            const struct centry *e = &ci->e[ref->ent];
            int d = edit_le2(q, nq, centry_key(e), e->klen, e->ncp);
            if (d > (int)lim)
                continue;
            cand_add(f, e->line);
            if (d < f->bestd || (d == f->bestd && (long)ref->ent < f->beste)) {
                f->bestd = d;
                f->beste = (long)ref->ent;
            }
        }
    }
}

/*
 * Match quoted text t[0..n) against the classical lexicon:
 * - its normalised key equals an entry (a line or a run of its clauses);
 * - or a run of the quote's own clauses equals a whole line (starting at its first clause
 *   when anchored: a bare line right after 古人云);
 * - or its clauses are clauses of one line, in order, some of the line's dropped, each exact
 *   up to a leading connective (少年智则国智，少年强则国强; 治国有常，而利民为本);
 * - or (misquote) its clauses read as clauses of one line that way with one or two edits in
 *   all, at most one in a clause under ten characters (不亦乐乎 for 不亦说乎), found among
 *   the lines sharing a clause with it and the entries within two edits of its key;
 * - or (misquote, its clauses split otherwise than the line's) its key is within one edit of
 *   an entry of 6–9 code points, or two of one of 10 or more.
 * Per quote: hash look-ups over its clauses, bounded chains, and banded edit distances of
 * its clauses against a bounded number of lines.
 */
static struct cmatch classical_match_text(const char *t, size_t n, bool fuzzy, bool anchored)
{
    struct cmatch m = {0, 0, 0, 0, 0, n};
    if (ci->ne == 0)
        return m;
    /*
     * Split into clauses (runs of kept characters): the key is the clauses back to back, and
     * the key of a run of clauses a..b is the contiguous slice qc[a].ks..qc[b].ke of it.
     */
    char key[CLASSICAL_MAX_BYTES];
    struct qclause qc[QUOTE_MAX_CLAUSES];
    size_t nc = 0, ntot = 0, klen = 0, ncp = 0, k;
    for (size_t p = 0; p < n;) {
        while (p < n && is_dropped(t, n, p, &k))
            p += k;
        if (p >= n)
            break;
        size_t a = p, c0 = ncp;
        for (; p < n; p += k) {
            if (han3(t, n, p)) /* kept, the usual case */
                k = 3;
            else if (is_dropped(t, n, p, &k))
                break;
            ncp += ((unsigned char)t[p] & 0xC0) != 0x80;
        }
        memcpy(key + klen, t + a, p - a);
        if (nc < QUOTE_MAX_CLAUSES) {
            size_t cn = connective(key + klen, p - a, ncp - c0);
            qc[nc++] = (struct qclause){a,
                                        p,
                                        klen,
                                        klen + p - a,
                                        klen + cn,
                                        (uint32_t)c0,
                                        (uint32_t)(c0 + cn / 3),
                                        (uint32_t)ncp};
        }
        ntot++;
        klen += p - a;
    }
    if (klen == 0)
        return m;
    long e = klen <= ci->maxklen ? ci_find(key, klen) : -1;
    if (e >= 0)
        return entry_match(&ci->e[e], 1, 0, n);
    /* A whole lexicon line quoted as a clause run inside a longer quote. */
    size_t nrun = nc < 8 ? nc : 8;
    for (size_t a = 0; a < (anchored ? 1 : nrun); a++)
        for (size_t b = a; b < nrun; b++) {
            size_t l = qc[b].ke - qc[a].ks;
            if ((a == 0 && qc[b].ke == klen) || l > ci->maxklen)
                continue;
            /* a line of five at the quote's start (民以食为天，食以安为先), else six */
            if (qc[b].cp1 - qc[a].cp0 < (a == 0 ? LINE_LEAD_MIN_CP : CLAUSE_MIN_CP))
                continue;
            long f = ci_find(key + qc[a].ks, l);
            if (f >= 0 && ci->e[f].full)
                return entry_match(&ci->e[f], 1, qc[a].ts, qc[b].te - qc[a].ts);
        }
    if (ntot > QUOTE_MAX_CLAUSES)
        return m;
    if (ncp >= CLAUSE_MIN_CP && clause_subseq(key, qc, nc, n, &m))
        return m;
    if (!fuzzy || ncp < FUZZY_MIN_CP || ncp > FUZZY_MAX_CP)
        return m;
    uint32_t q[FUZZY_MAX_CP];
    size_t nq = decode_cps(key, klen, q, FUZZY_MAX_CP);
    struct fcand f = {{0}, 0, 3, -1};
    /* Lines sharing a clause (of four characters or more) with the quote. */
    for (size_t i = 0; i < nc; i++) {
        if (qc[i].cp1 - qc[i].mcp0 < FUZZY_MIN_CP)
            continue;
        const char *ki = key + qc[i].ms;
        size_t ni = qc[i].ke - qc[i].ms, walk = 0;
        for (uint32_t r = ci->clhead[key_hash(ki, ni) & ci->clmask]; r && walk < CHAIN_MAX;
             r = ci->cl[r - 1].next, walk++) {
            const struct lclause *c = &ci->cl[r - 1];
            if (c->ke - c->ms == ni && memcmp(el_lex_classical(c->line)->key + c->ms, ki, ni) == 0)
                cand_add(&f, c->line);
        }
    }
    /* Lines with an entry near the whole key. */
    uint64_t qchars = 0;
    for (size_t i = 0; i < nq; i++)
        qchars |= char_bit(q[i]);
    fuzzy_try(&ci->byfirst, q[0], UINT32_MAX, q, nq, qchars, &f);
    fuzzy_try(&ci->bylast, q[nq - 1], q[0], q, nq, qchars, &f);
    struct align best = {0}, a = {0};
    bool found = false;
    for (size_t i = 0; i < f.n; i++)
        if (align_line(f.line[i], key, qc, nc, q, &a) && (!found || align_better(&a, &best))) {
            best = a;
            found = true;
        }
    if (found) {
        /* Exact clauses of under six characters are sayings (天下为公), not citations. */
        if (best.cost == 0)
            return ncp >= CLAUSE_MIN_CP ? clause_match(1, best.line, best.j0, best.j1, n) : m;
        if (best.cost <= (ncp >= 10 ? 2 : 1) && best.lcp >= CLAUSE_MIN_CP)
            return clause_match(2, best.line, best.j0, best.j1, n);
    }
    /* Clauses split otherwise than the line's (天下兴亡匹夫有则): only the whole key says. */
    if (f.beste >= 0 && f.bestd >= 1 && ci->e[f.beste].nclause != nc)
        return entry_match(&ci->e[f.beste], 2, 0, n);
    return m;
}

/*
 * Answers of classical_match_text for short texts, per thread. The drafts of one exam quote
 * the same terms and lines over and over (“一网通办”, “最后一公里”, 民惟邦本，本固邦宁), and
 * the answer depends on the text and the flags alone (its offsets are relative to the text).
 * Direct-mapped, one cache line a slot: a slot holds the text it answers for, and a colliding
 * text replaces it.
 */
#define MEMO_SLOTS 1024
#define MEMO_BYTES 51

struct memo_slot {
    uint32_t line;
    uint16_t toff, tlen;
    uint8_t n; /* bytes of text; 0 = empty */
    uint8_t flags, how, off, len;
    char t[MEMO_BYTES];
};

_Static_assert(sizeof(struct memo_slot) == 64, "a memo slot is one cache line");

static _Thread_local struct memo_slot memo[MEMO_SLOTS];

/* classical_match_text, answered from the memo when the text was matched before. */
static struct cmatch classical_match(const char *t, size_t n, bool fuzzy, bool anchored)
{
    if (n == 0 || n > CLASSICAL_MAX_BYTES)
        return (struct cmatch){0, 0, 0, 0, 0, n};
    /* Too few code points to match anything (ci_min_ncp): a code point has at most 4 bytes,
       and one starts at every byte but a continuation byte. */
    if (n < 4 * ci->minncp) {
        size_t cps = 0, i = 0;
        for (; n - i >= 8; i += 8) { /* eight bytes a step: the bytes that are no 10xxxxxx */
            uint64_t w;
            memcpy(&w, t + i, sizeof w);
            w = (~w >> 7 | w >> 6) & UINT64_C(0x0101010101010101);
            cps += (size_t)((w * UINT64_C(0x0101010101010101)) >> 56);
        }
        for (; i < n; i++)
            cps += ((unsigned char)t[i] & 0xC0) != 0x80;
        if (cps < ci->minncp)
            return (struct cmatch){0, 0, 0, 0, 0, n};
    }
    if (n > MEMO_BYTES)
        return classical_match_text(t, n, fuzzy, anchored);
    uint8_t flags = (uint8_t)(fuzzy << 1 | anchored);
    struct memo_slot *sl = &memo[(key_hash(t, n) ^ flags) & (MEMO_SLOTS - 1)];
    if (sl->n == n && sl->flags == flags && memcmp(sl->t, t, n) == 0)
        return (struct cmatch){sl->how, sl->line, sl->toff, sl->tlen, sl->off, sl->len};
    struct cmatch m = classical_match_text(t, n, fuzzy, anchored);
    if (m.toff <= UINT16_MAX && m.tlen <= UINT16_MAX) { /* off and len are at most n */
        *sl = (struct memo_slot){m.line, (uint16_t)m.toff, (uint16_t)m.tlen, (uint8_t)n,
                                 flags,  (uint8_t)m.how,   (uint8_t)m.off,   (uint8_t)m.len,
                                 {0}};
        memcpy(sl->t, t, n);
    }
    return m;
}

/* ---- lead-ins ---------------------------------------------------------------------- */

enum lead_type { LEAD_NONE, LEAD_POLICY, LEAD_CLASSICAL, LEAD_SAYING };

struct lead {
    enum lead_type type;
    bool colon;      /* a colon sits between the verb and the quote */
    el_span speaker; /* relative to the block; len 0 = none */
    el_span source;  /* 《…》 or a lexicon document, relative */
};

typedef EL_VEC(el_lex_hit) hit_vec;

/* The lexicon categories the lead-ins and speakers of quotes are made of. */
#define QUOTE_CATS                                                                                 \
    (EL_LEX_CAT_BIT(EL_LEX_SPEAKER) | EL_LEX_CAT_BIT(EL_LEX_DOCUMENT) |                            \
     EL_LEX_CAT_BIT(EL_LEX_QUOTEVERB))

/* Keep a hit (the walk passes only speakers, documents and quote verbs: QUOTE_CATS). */
static void collect_hit(void *ctx, const el_lex_hit *h)
{
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

#if QUOTES_SSE2
/*
 * Bit r (r < 14) of the sixteen bytes at p: whether han3 holds at p + r, from those bytes alone
 * (the two after r are the same load shifted, so nothing past p + 16 is read).
 */
static inline unsigned han3_bits(const unsigned char *p)
{
#define SET1(b) _mm_set1_epi8((char)(b))
    __m128i zero = _mm_setzero_si128();
    __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i a1 = _mm_srli_si128(a, 1), a2 = _mm_srli_si128(a, 2);
    /* E4 <= a <= E9, as unsigned bytes: saturating differences of zero */
    __m128i lead = _mm_and_si128(_mm_cmpeq_epi8(_mm_subs_epu8(SET1(0xE4), a), zero),
                                 _mm_cmpeq_epi8(_mm_subs_epu8(a, SET1(0xE9)), zero));
    /* E4 only before B8 or above (U+4E00 on) */
    __m128i low = _mm_andnot_si128(_mm_cmpeq_epi8(_mm_subs_epu8(SET1(0xB8), a1), zero),
                                   _mm_cmpeq_epi8(a, SET1(0xE4)));
    __m128i cont = _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(a1, SET1(0xC0)), SET1(0x80)),
                                 _mm_cmpeq_epi8(_mm_and_si128(a2, SET1(0xC0)), SET1(0x80)));
#undef SET1
    return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(low, _mm_and_si128(lead, cont))) & 0x3FFF;
}
#endif

/*
 * Bytes of the run of ideographs (han3) that ends at s[i], back to the window's start lo at
 * most: what a walk back testing one character at a time steps over. With SSE2, five are
 * tested at once while sixteen bytes of the window are left (han3_bits at the offsets the walk
 * would test, i - 3 down to i - 15): a run costs a few vector operations per five characters.
 */
__attribute__((always_inline)) static inline size_t han_back(const char *s, size_t i, size_t lo)
{
    size_t b = i;
#if QUOTES_SSE2
    while (b - lo >= 16) {
        /* bits 13, 10, 7, 4, 1: the characters at b - 3, b - 6, ..., b - 15 */
        unsigned miss = ~han3_bits((const unsigned char *)s + b - 16) & 0x2492;
        if (miss != 0) /* the run ends at the nearest miss */
            return i - b + 13 - (size_t)(31 - __builtin_clz(miss));
        b -= 15;
    }
#endif
    while (b - lo >= 3 && han3(s, b, b - 3))
        b -= 3;
    return i - b;
}

/* Start of the clause holding s[i]: just past the previous clause mark, within the window. */
static size_t clause_start(const char *s, size_t i, size_t lo)
{
    while (i > lo) {
        i -= han_back(s, i, lo); /* ideographs, never a mark: the usual case */
        if (i <= lo)
            break;
        size_t j;
        uint32_t c = el_text_prev_cp(s, i, &j);
        if (j < lo || is_clause_mark(c))
            break;
        i = j;
    }
    return i;
}

/*
 * Whether s[a..b) (a 《…》 title's content) names a Party or state document: it ends with a
 * document word (《…的意见》, 《…规划纲要》, 《…法》), before a bracketed span if any
 * (《…纲要（2021—2035年）》), or with a target year (《中国教育现代化2035》).
 */
static bool is_doc_title(const char *s, size_t a, size_t b)
{
    size_t j;
    if (b > a && el_text_prev_cp(s, b, &j) == 0xFF09 && j >= a) { /* ） */
        for (size_t i = j, t; i > a; i = t)
            if (el_text_prev_cp(s, i, &t) == 0xFF08 && t >= a) { /* （ */
                b = t;
                break;
            }
    } else if (b > a && s[b - 1] == ')') {
        const char *o = memchr(s + a, '(', b - a);
        if (o)
            b = (size_t)(o - s);
    }
    if (b - a >= 4 && s[b - 4] == '2' && s[b - 3] == '0' && (unsigned)(s[b - 2] - '0') < 10 &&
        (unsigned)(s[b - 1] - '0') < 10)
        return true;
    return ends_with_one(s + a, b - a, &wl_doc) > 0;
}

/* Whether s[a..b) (a 《…》 title's content) names a classical work: one the lexicon's sources
 * name (《论语》, 《淮南子·氾论训》, 《孟子·离娄上》 by its first part). */
static bool is_classical_title(const char *s, size_t a, size_t b)
{
    if (title_has(s + a, b - a))
        return true;
    for (size_t i = a, k; i < b; i += k) {
        if (middle_dot(s + i, b - i))
            return i > a && title_has(s + a, i - a);
        k = el_u8_len((unsigned char)s[i]);
    }
    return false;
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
    for (size_t t; (t = ends_with_one(s + a, b - a, &wl_tails)) > 0 && t < b - a;)
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

/* End of the words before the quote opening at s[open], past spaces and a colon (*colon) or a
 * comma (*comma) and spaces again. */
static size_t lead_end(const char *s, size_t open, bool *colon, bool *comma)
{
    size_t j = open, t;
    *colon = *comma = false;
    if (j >= 3 && han3(s, j, j - 3)) /* an ideograph right before it: the usual case */
        return j;
    while (j > 0 && is_hspace(el_text_prev_cp(s, j, &t)))
        j = t;
    if (j > 0) {
        uint32_t c = el_text_prev_cp(s, j, &t);
        if (c == 0xFF1A || c == ':') {
            *colon = true;
            j = t;
        } else if (c == 0xFF0C || c == ',') {
            *comma = true;
            j = t;
        }
    }
    while (j > 0 && is_hspace(el_text_prev_cp(s, j, &t)))
        j = t;
    return j;
}

/*
 * Where the lead of a quote whose words before it end at s[j] (clause from cl) really ends
 * when those words end with a modal word (modal_words) right after a quote verb, with or
 * without a comma between (党的二十大报告强调，要“…”, 总书记指出必须“…”): at the verb, *comma
 * set when a comma was stepped over. Otherwise j.
 */
static size_t skip_modal(const char *s, size_t j, size_t *cl, bool *comma, const hit_vec *hits)
{
    size_t w = ends_with_one(s + *cl, j - *cl, &wl_modal), v = j - w, t;
    if (w == 0)
        return j;
    if (v == *cl) { /* the modal opens its clause: a comma and the verb before it */
        if (v == 0 || el_text_prev_cp(s, v, &t) != 0xFF0C)
            return j;
        v = t;
        const el_lex_hit *verb = hit_ending(hits, v, EL_LEX_QUOTEVERB);
        if (!verb || v - verb->start >= LEAD_WINDOW)
            return j;
        *cl = clause_start(s, v, v > LEAD_WINDOW ? v - LEAD_WINDOW : 0);
        *comma = true;
        return v;
    }
    return hit_ending(hits, v, EL_LEX_QUOTEVERB) ? v : j;
}

/* What introduces a quote whose words before it end at s[j], with a colon or a comma between
 * (lead_end). */
static struct lead find_lead(const char *s, size_t j, bool colon, bool comma, const hit_vec *hits)
{
    struct lead L = {LEAD_NONE, colon, {0, 0}, {0, 0}};
    size_t lo = j > LEAD_WINDOW ? j - LEAD_WINDOW : 0;
    size_t cl = clause_start(s, j, lo);
    size_t w;
    if (!colon && !comma)
        j = skip_modal(s, j, &cl, &comma, hits);
    if ((w = ends_with_one(s + cl, j - cl, &wl_classical)) > 0) {
        L.type = LEAD_CLASSICAL;
        L.source = last_title(s, cl, j - w);
        return L;
    }
    if (ends_with_one(s + cl, j - cl, &wl_saying) > 0) {
        L.type = LEAD_SAYING;
        return L;
    }
    const el_lex_hit *verb = hit_ending(hits, j, EL_LEX_QUOTEVERB);
    size_t vstart;
    bool weak = false;
    if (verb && verb->start >= cl) {
        vstart = verb->start;
    } else if (L.colon && (w = ends_with_one(s + cl, j - cl, &wl_short)) > 0) {
        vstart = j - w;
    } else if ((w = ends_with_one(s + cl, j - cl, &wl_weak)) > 0) {
        /* 规定 / 称: a speaker or a document must come first (checked below); 称 closing a
           word (号称, 堪称) is no verb at all */
        vstart = j - w;
        weak = true;
        if (w == 3 && vstart > cl) {
            size_t pc;
            el_text_prev_cp(s, vstart, &pc);
            if (pc >= cl && el_text_is_one_of(s + pc, vstart - pc, cheng_words))
                return L;
        }
    } else {
        return L;
    }
    /* 云 曰 有云 有言 (the classical register) cover the verb: 有云 is one verb, not 有 + 云. */
    size_t aw = ends_with_one(s + cl, j - cl, &wl_archaic);
    bool archaic = aw > 0 && aw >= j - vstart;
    if (archaic)
        vstart = j - aw;
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
    size_t ta = title.off + 3, tb = title.off + title.len - 3;
    /* A classic cited by whoever (总书记引用《礼记》…) stays a classic; then documents. */
    bool classic = title.len && is_classical_title(s, ta, tb);
    bool doc_title = title.len && !classic && is_doc_title(s, ta, tb);
    /* A speaker inside the title is part of its name (《中共中央 国务院关于……的意见》提出) */
    if (sp && title.len && sp->start >= title.off && sp->end <= title.off + title.len)
        sp = NULL;
    if (!classic && (sp || doc || doc_title)) {
        L.type = LEAD_POLICY;
        if (sp) {
            /* issuers joined by 、 speak together (中共中央办公厅、国务院办公厅印发的…) */
            size_t a = sp->start;
            const el_lex_hit *o;
            for (int k = 0; k < 8 && a >= lo + 3 && memcmp(s + a - 3, "\xE3\x80\x81", 3) == 0 &&
                            (o = hit_ending(hits, a - 3, EL_LEX_SPEAKER)) != NULL && o->start >= lo;
                 k++)
                a = o->start;
            L.speaker = (el_span){a, sp->end - a};
        }
        if (doc_title)
            L.source = title;
        else if (doc)
            L.source = (el_span){doc->start, doc->end - doc->start};
        return L;
    }
    if (classic) {
        L.type = LEAD_CLASSICAL; /* 《论语》中说：“…” */
        L.source = title;
        return L;
    }
    if (title.len) {
        /* A paper, a book, a report of nobody in the lexicon (《人民日报》评论指出): its words
         * are an other quote with the title as source, never a classic; but a title cited in
         * the classical register (《菜根谭》有云) is a classic the lexicon lacks. */
        L.type = archaic ? LEAD_CLASSICAL : LEAD_SAYING;
        L.source = title;
        return L;
    }
    el_span who = trim_speaker(s, (el_span){cl, vstart - cl});
    if (weak && (!(L.colon || comma) || who.len == 0 ||
                 el_text_prefix(s + who.off, who.len, weak_not_speaker)))
        return L; /* 规定/称 with nobody named before them */
    /* 云/曰 after a plain speaker only before a colon or comma: 人云亦云“…” is an idiom. */
    bool ancient = who.len && el_text_is_one_of(s + who.off, who.len, ancient_speakers);
    if ((archaic && (L.colon || comma)) || ancient) {
        L.type = LEAD_CLASSICAL; /* 孔子曰 (孔子 the speaker), 古人有言, 正如古人所说 */
        if (!ancient)
            L.speaker = who;
        return L;
    }
    L.type = LEAD_SAYING;
    L.speaker = who;
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
        size_t e = el_text_han_run(t, n, i); /* word characters, no mark: the usual case */
        if (e > i) {
            nw += (e - i) / 3;
            k = e - i;
            continue;
        }
        uint32_t c = el_text_cp(t, n, i, &k);
        if (el_text_is_han(c) || (c < 0x80 && ((c | 0x20) - 'a' < 26 || c - '0' < 10)))
            nw++;
        if (el_text_is_sentence_end(c))
            *sentence = *punct = true;
        else if (c == 0xFF0C || c == 0xFF1B || c == 0x3001 || c == ',' || c == ';')
            *punct = true;
    }
    return nw;
}

/* A quotation of the configuration (lexicon.quotes), normalised once per document. */
struct cfgquote {
    const el_config_quote *q;
    char *key;
    size_t klen, ncp;
};

struct qstate {
    el_doc *doc;
    int misquote_rule;
    hit_vec hits;
    el_qpair_vec pairs;
    leadhit_vec leads;   /* bare lead-ins of the block, in order of offset */
    offset_vec cstarts;  /* clause starts of the block scan_mid looks at, in order */
    struct cfgquote *cq; /* the configuration's quotations */
    size_t ncq;
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
    q->speaker_lex = NULL;
    q->section = el_doc_section_at(doc, q->txt.off);
    return true;
}

/*
 * Append the quote txt, which matched lexicon line c: a classical quote with the line's
 * source (src: a 《…》 title written before it, or none), or, for a leader's saying, a policy
 * quote whose speaker is the one written before it (lead, when a policy lead) or else the
 * lexicon's. Returns false at the cap.
 */
static bool add_lex_quote(struct qstate *st, size_t base, el_span txt, el_span src,
                          const struct lead *lead, const el_classical *c)
{
    if (c->speaker == NULL) { /* who is named before it says it (孔子说：“己所不欲，…”) */
        el_span who = lead && lead->type != LEAD_POLICY ? lead->speaker : (el_span){0, 0};
        if (who.len && el_text_is_one_of(st->doc->plain.v + base + who.off, who.len, pronouns))
            who = (el_span){0, 0}; /* 我们常说：a classic is not ours */
        return add_quote(st, base, EL_QUOTE_CLASSICAL, txt, who, src, c->source);
    }
    bool led = lead && lead->type == LEAD_POLICY;
    el_span none = {0, 0};
    if (!add_quote(st, base, EL_QUOTE_POLICY, txt, led ? lead->speaker : none,
                   led ? lead->source : none, NULL))
        return false;
    el_quote *q = &st->doc->quotes.v[st->doc->quotes.n - 1];
    if (q->speaker.len == 0 && q->source.len == 0)
        q->speaker_lex = c->speaker;
    return true;
}

/* A near match (how 2) to a leader's saying is no match: sayings have several wordings in
   print, so only the classical lines raise quote/misquoted. */
static struct cmatch drop_near_saying(struct cmatch m)
{
    if (m.how == 2 && el_lex_classical(m.line)->speaker)
        m.how = 0;
    return m;
}

/* Raise quote/misquoted at the quote with the canonical text of the match. */
static void raise_misquote(struct qstate *st, size_t plain_off, const struct cmatch *m)
{
    if (st->misquote_rule < 0)
        return;
    const char *text = el_lex_classical(m->line)->text;
    char *canon = xstrndup(text + m->toff, m->tlen);
    el_doc *doc = st->doc;
    el_finding_add(doc, st->misquote_rule, el_doc_src(doc, plain_off),
                   el_doc_section_at(doc, plain_off), canon);
    free(canon);
}

/*
 * Match quoted text t[0..n) against the configuration's quotations, which classical_match
 * does not know: *canon gets the one matched; returns 1 exact (punctuation and spacing
 * aside), 2 a misquote (one edit from a line of 6–9 code points, two from a longer one),
 * 0 none. The configuration holds tens of lines at most: a linear pass is the index.
 */
static int config_match(const struct qstate *st, const char *t, size_t n,
                        const el_config_quote **canon)
{
    if (st->ncq == 0 || n > CLASSICAL_MAX_BYTES)
        return 0;
    char key[CLASSICAL_MAX_BYTES];
    size_t klen = el_lex_normalize(t, n, key);
    uint32_t cp[FUZZY_MAX_CP + 1];
    size_t ncp = decode_cps(key, klen, cp, FUZZY_MAX_CP + 1);
    for (size_t i = 0; i < st->ncq; i++)
        if (st->cq[i].klen == klen && memcmp(st->cq[i].key, key, klen) == 0) {
            *canon = st->cq[i].q;
            return 1;
        }
    if (ncp < 6 || ncp > FUZZY_MAX_CP)
        return 0;
    for (size_t i = 0; i < st->ncq; i++) {
        const struct cfgquote *c = &st->cq[i];
        if (c->ncp < 6 || c->ncp > FUZZY_MAX_CP)
            continue;
        int d = edit_le2(cp, ncp, c->key, c->klen, c->ncp);
        if (d <= (c->ncp < 10 ? 1 : 2)) {
            *canon = c->q;
            return 2;
        }
    }
    return 0;
}

/* Where a speaker named after the quote ending at s[end] would start: past spaces and a dash
 * (*dash) or 这是; SIZE_MAX if neither follows. */
static size_t trail_start(const char *s, size_t n, size_t end, bool *dash)
{
    size_t a = end;
    while (a < n && (s[a] == ' ' || s[a] == '\t'))
        a++;
    *dash = n - a >= 6 && memcmp(s + a, "——", 6) == 0;
    if (*dash || (n - a >= 6 && memcmp(s + a, "这是", 6) == 0))
        return a + 6;
    return SIZE_MAX;
}

/* Code points after a quote searched for its speaker named after it. */
#define EL_TRAIL_MAX 40

/*
 * A speaker named right after the quote (“……”——习近平; “……”这是总书记对城乡建设的殷切期望 /
 * 这是习近平总书记在……时强调的): a lexicon speaker after a dash, or after 这是 with a word of
 * saying before the sentence ends. The speaker's span in s, or an empty span.
 */
static el_span trail_speaker(const char *s, size_t n, size_t end, const hit_vec *hits)
{
    static const char *const said[] = {"强调的", "指出的", "说的", "讲的",     "提出的",
                                       "论述",   "期望",   "嘱托", "要求",     "指示",
                                       "号召",   "名言",   "寄语", "重要讲话", NULL};
    el_span none = {0, 0};
    bool dash;
    size_t a = trail_start(s, n, end, &dash), z = a, k;
    if (a == SIZE_MAX)
        return none;
    for (size_t cps = 0; z < n && cps < EL_TRAIL_MAX; z += k, cps++)
        if (el_text_is_sentence_end(el_text_cp(s, n, z, &k)) || s[z] == '\n')
            break;
    const el_lex_hit *sp = NULL;
    for (size_t i = hit_lower(hits, a + 1); i < hits->n && hits->v[i].end <= z; i++) {
        const el_lex_hit *h = &hits->v[i];
        if (h->cat == EL_LEX_SPEAKER && h->start >= a &&
            (!sp || h->start < sp->start || (h->start == sp->start && h->end > sp->end)))
            sp = h;
    }
    if (sp == NULL || (dash && sp->start != a))
        return none;
    if (!dash) {
        bool say = false;
        for (const char *const *w = said; *w && !say; w++)
            say = memmem(s + sp->end, z - sp->end, *w, strlen(*w)) != NULL;
        if (!say)
            return none;
    }
    return (el_span){sp->start, sp->end - sp->start};
}

/* Whether a dash or 这是 follows the quote ending at s[end] (trail_speaker looks further). */
static bool trail_follows(const char *s, size_t n, size_t end)
{
    bool dash;
    return trail_start(s, n, end, &dash) != SIZE_MAX;
}

/*
 * Whether quoted text t[0..n) is a question and nothing more: it ends with a question mark and
 * every sentence in it does (“村里有没有一个能取件的地方？”, “钱从哪里来？人往哪里去？”),
 * in the modern register: a particle of the classical one (乎 哉 耶 欤 兮) marks a line
 * quoted from a text (“天下事有难易乎？”), whether or not the lexicon has it.
 */
static bool bare_question(const char *t, size_t n)
{
    static const char *const particles[] = {"乎", "哉", "耶", "欤", "兮", NULL};
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
        n--;
    if (n == 0 || n > SHAPE_BYTES)
        return false;
    uint32_t c = 0;
    for (size_t i = 0, k; i < n; i += k) {
        c = el_text_cp(t, n, i, &k);
        if (el_text_is_sentence_end(c) && c != 0xFF1F && c != '?')
            return false;
        if (k == 3)
            for (const char *const *w = particles; *w; w++)
                if (memcmp(t + i, *w, 3) == 0)
                    return false;
    }
    return c == 0xFF1F || c == '?';
}

/* Code points after a question searched for the word that says someone asked it. */
#define ASKED_MAX 10

/*
 * Whether the question quoted from s[open] to s[end] is given as someone's: a dash right
 * before it (著名的“钱学森之问”——“…？”) or right after it (“…？”——钱学森), or 问 before the
 * clause after it ends (“…？”他问 / 一位村民这样问道；not 问题: “…？”这是村民最关心的问题).
 */
static bool asked_by(const char *s, size_t n, size_t open, size_t end)
{
    size_t a = open, k;
    while (a > 0 && (s[a - 1] == ' ' || s[a - 1] == '\t'))
        a--;
    if (a >= 3 && memcmp(s + a - 3, "\xE2\x80\x94", 3) == 0) /* — */
        return true;
    bool dash;
    if (trail_start(s, n, end, &dash) != SIZE_MAX && dash)
        return true;
    for (size_t z = end, cps = 0; z < n && cps < ASKED_MAX; z += k, cps++) {
        uint32_t c = el_text_cp(s, n, z, &k);
        if (is_clause_mark(c))
            break;
        /* 问 but not 问题, 问号, nor 疑问 (这是很多企业家的疑问: the essay's own question) */
        if (c == 0x95EE &&
            !(n - z >= 6 && (memcmp(s + z + 3, "题", 3) == 0 || memcmp(s + z + 3, "号", 3) == 0)) &&
            !(z >= 3 && memcmp(s + z - 3, "疑", 3) == 0))
            return true;
    }
    return false;
}

/* Quoted spans of one block (the title or a paragraph) at plain offset base. */
static void scan_pairs(struct qstate *st, const char *s, size_t n, size_t base)
{
    if (st->pairs.n == 0)
        return;
    size_t covered = 0; /* end of the last accepted quote: quotes inside it are not quotes */
    struct lead chain = {LEAD_NONE, false, {0, 0}, {0, 0}};
    size_t chain_end = SIZE_MAX;
    for (size_t i = 0; i < st->pairs.n; i++) {
        const el_qpair *p = &st->pairs.v[i];
        size_t len = p->close - p->inner;
        if (p->open < covered || len == 0)
            continue;
        const char *t = s + p->inner;
        bool sentence, punct;
        size_t ncp = text_shape(t, len, &sentence, &punct); /* word characters */
        struct cmatch m = drop_near_saying(classical_match(t, len, true, false));
        const el_config_quote *cq = NULL;
        int chow = m.how ? 0 : config_match(st, t, len, &cq);
        /*
         * A term of under four word characters with no punctuation (“蛋糕”, “加速度”), in no
         * lexicon, is a quote only after a policy lead with a colon: none when no colon comes
         * before it, no lead of an earlier quote may pass to it, and no speaker may be named
         * after it. Most quoted terms are such: their lead is not looked for.
         */
        bool colon, comma; /* what sits between the words before it and the quote */
        size_t j = lead_end(s, p->open, &colon, &comma);
        if (!m.how && !chow && ncp < 4 && !punct && chain_end == SIZE_MAX && !colon &&
            !trail_follows(s, n, p->end))
            continue;
        struct lead L = find_lead(s, j, colon, comma, &st->hits);
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
        if (L.type == LEAD_NONE) {
            el_span who = trail_speaker(s, n, p->end, &st->hits);
            if (who.len) { /* “……”——习近平 */
                L.type = LEAD_POLICY;
                L.colon = true;
                L.speaker = who;
            }
        }
        el_span none = {0, 0}, txt = {p->inner, len};
        bool ok = true;
        if (chow) {
            el_span src = L.type == LEAD_CLASSICAL ? L.source : none;
            ok = add_quote(st, base, EL_QUOTE_CLASSICAL, txt, none, src, cq->source);
            if (ok && chow == 2 && st->misquote_rule >= 0)
                el_finding_add(st->doc, st->misquote_rule, el_doc_src(st->doc, base + p->inner),
                               el_doc_section_at(st->doc, base + p->inner), cq->text);
        } else if (m.how) {
            /* (a title written before a saying, 《增广贤文》中说：, is reported where the
               lexicon names no work: 俗语) */
            el_span src = L.type == LEAD_CLASSICAL || L.type == LEAD_SAYING ? L.source : none;
            ok = add_lex_quote(st, base, txt, src, &L, el_lex_classical(m.line));
            if (ok && m.how == 2)
                raise_misquote(st, base + p->inner, &m);
        } else if (L.type == LEAD_POLICY &&
                   (L.colon || punct ||
                    (ncp >= 8 &&
                     (p->end >= n || !el_text_is_han(el_text_cp(s, n, p->end, &(size_t){0})))))) {
            ok = add_quote(st, base, EL_QUOTE_POLICY, txt, L.speaker, L.source, NULL);
        } else if (L.type == LEAD_CLASSICAL && ncp >= 4) {
            ok = add_quote(st, base, EL_QUOTE_CLASSICAL, txt, L.speaker, L.source, NULL);
        } else if (((sentence && ncp >= 4) ||
                    ((L.type == LEAD_SAYING || L.type == LEAD_POLICY) && ncp >= 8)) &&
                   /* a question in quotation marks with nothing that makes it anyone's words
                      (no lead, no colon, no dash, no 问) is a 设问 of the essay, not a quote:
                      “村里有没有一个能取件的地方？”这是村民最关心的问题 */
                   !(L.type == LEAD_NONE && !L.colon && bare_question(t, len) &&
                     !asked_by(s, n, p->open, p->end))) {
            el_span sp = L.type == LEAD_SAYING || L.type == LEAD_POLICY ? L.speaker : none;
            /* 《人民日报》评论指出：the paper is the source of an other quote. */
            el_span src = L.type == LEAD_SAYING ? L.source : none;
            ok = add_quote(st, base, EL_QUOTE_OTHER, txt, sp, src, NULL);
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

/* The prefix maxima of the ends of the block's pairs, for in_pairs: in small when they fit
   (64 of them), else in a new array the caller frees (when it is not small). */
static size_t *pair_maxend(const el_qpair_vec *pv, size_t *small)
{
    size_t *m = pv->n < 64 ? small : xmalloc((pv->n + 1) * sizeof *m);
    for (size_t i = 0; i < pv->n; i++)
        m[i] = i && m[i - 1] > pv->v[i].end ? m[i - 1] : pv->v[i].end;
    return m;
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
    if (st->leads.n == 0)
        return;
    /* Room for the longest key plus the marks and spaces a line may have between clauses. */
    size_t maxb = 2 * ci->maxklen + 64;
    if (maxb > CLASSICAL_MAX_BYTES)
        maxb = CLASSICAL_MAX_BYTES;
    size_t small[64];
    size_t *maxend = pair_maxend(&st->pairs, small);
    /* Lead by lead, each in order of offset (the order quotes were always added in). */
    for (size_t lw = 0; bare_leads[lw].s; lw++) {
        size_t wl = bare_leads[lw].n;
        /* Leads inside a line already examined are not looked at again: linear. */
        size_t seen = 0;
        for (size_t h = 0; h < st->leads.n; h++) {
            if (st->leads.v[h].lead != lw)
                continue;
            size_t at = st->leads.v[h].at;
            if (at < seen)
                continue;
            size_t a = at + wl, k;
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
                in_pairs(&st->pairs, maxend, at))
                continue; /* quoted: scan_pairs has it */
            /* Bounded by the longest lexicon line, so 古人云 ×200,000 stays linear. */
            size_t lim = n - a < maxb ? n - a : maxb;
            size_t e = a + el_text_sentence_end(s + a, lim);
            seen = e;
            struct cmatch m = drop_near_saying(classical_match(s + a, e - a, true, true));
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
            if (!add_lex_quote(st, base, (el_span){off, len}, (el_span){0, 0}, NULL,
                               el_lex_classical(m.line)))
                goto done;
            if (m.how == 2)
                raise_misquote(st, base + off, &m);
        }
    }
done:
    if (maxend != small)
        free(maxend);
}

/* Whether s[a..a+len) holds at least min Han characters. */
static bool han_at_least(const char *s, size_t a, size_t len, size_t min)
{
    size_t k, h = 0;
    for (size_t i = a; i < a + len && h < min; i += k)
        h += el_text_is_han(el_text_cp(s, a + len, i, &k));
    return h >= min;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/*
 * Reported policy speech, without quotation marks, after a lead that names a leader or a
 * document (习近平总书记强调，要把农村公路建好、管好、护好、运营好。 党的二十大报告提出：…): the
 * words to the end of the sentence are a policy quote, a leader's saying of the lexicon with
 * its line. Looked for only at the block's quote verbs followed by a comma or a colon; a verb
 * followed by a quotation mark is scan_pairs' (总书记指出，“…”), and a sentence inside quotation
 * marks or holding a quote found already is left as it is. Each sentence is looked at once.
 */
static void scan_indirect(struct qstate *st, const char *s, size_t n, size_t base, size_t q0)
{
    size_t done = 0, small[64], *maxend = NULL, *qoff = NULL, nq = 0;
    for (size_t i = 0; i < st->hits.n; i++) {
        const el_lex_hit *h = &st->hits.v[i];
        if (h->cat != EL_LEX_QUOTEVERB || h->end < done)
            continue;
        /* after 的 the verb is a noun (总书记关于“…”的论述，…) */
        if (h->start >= 3 && memcmp(s + h->start - 3, "\xE7\x9A\x84", 3) == 0)
            continue;
        size_t a = h->end, k;
        while (a < n && is_hspace(el_text_cp(s, n, a, &k)))
            a += k;
        if (a >= n)
            continue;
        uint32_t c = el_text_cp(s, n, a, &k);
        bool colon = c == 0xFF1A || c == ':', comma = c == 0xFF0C || c == ',';
        if (!colon && !comma)
            continue;
        for (a += k; a < n && is_hspace(el_text_cp(s, n, a, &k));)
            a += k;
        if (a >= n)
            continue;
        c = el_text_cp(s, n, a, &k);
        if (c == 0x201C || c == 0x300C || c == 0x300E || c == 0x2018 || c == '"')
            continue; /* quoted: scan_pairs has it */
        /* words that open with a speaker or a document are a lead of their own */
        bool led = false;
        for (size_t x = i + 1; x < st->hits.n && st->hits.v[x].start <= a + 64 && !led; x++)
            led = st->hits.v[x].start == a &&
                  (st->hits.v[x].cat == EL_LEX_SPEAKER || st->hits.v[x].cat == EL_LEX_DOCUMENT);
        if (led)
            continue;
        struct lead L = find_lead(s, h->end, colon, comma, &st->hits);
        if (L.type != LEAD_POLICY)
            continue;
        /* 按照总书记要求，… 根据《意见》提出，…: a reference, no one speaking */
        size_t cl = clause_start(s, h->start, h->start > LEAD_WINDOW ? h->start - LEAD_WINDOW : 0);
        if (el_text_prefix(s + cl, h->start - cl, weak_not_speaker))
            continue;
        /* Words reported so run to a sentence end not far on; longer runs are the essay's. */
        size_t lim = n - a < INDIRECT_MAX_BYTES ? n - a : INDIRECT_MAX_BYTES;
        size_t e = a + el_text_sentence_end(s + a, lim), len = e - a;
        done = e;
        if (e == a + lim && lim < n - a)
            continue;
        while (len > 0) { /* the final mark is not the words; a closing quotation mark is */
            size_t j = el_text_back(s, a + len);
            uint32_t d = el_text_cp(s, a + len, j, &k);
            if (j < a || !(el_text_is_sentence_end(d) || el_text_is_white(d)))
                break;
            len = j - a;
        }
        if (!han_at_least(s, a, len, 4))
            continue;
        if (!maxend) { /* once per block, at the first candidate: the spans to stay out of */
            maxend = pair_maxend(&st->pairs, small);
            nq = st->doc->quotes.n - q0;
            qoff = xmalloc((nq + 1) * sizeof *qoff);
            for (size_t q = 0; q < nq; q++)
                qoff[q] = st->doc->quotes.v[q0 + q].txt.off - base;
            qsort(qoff, nq, sizeof *qoff, cmp_size);
        }
        size_t lo = 0, hi = nq; /* the first quote of the block at or after a */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (qoff[mid] < a)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (in_pairs(&st->pairs, maxend, h->start) || (lo < nq && qoff[lo] < e))
            continue;
        struct cmatch m = classical_match(s + a, len, false, false);
        bool ok;
        if (m.how == 1 && m.off == 0 && m.len >= len && el_lex_classical(m.line)->speaker)
            ok = add_lex_quote(st, base, (el_span){a, len}, (el_span){0, 0}, &L,
                               el_lex_classical(m.line));
        else
            ok = add_quote(st, base, EL_QUOTE_POLICY, (el_span){a, len}, L.speaker, L.source, NULL);
        if (!ok)
            break;
    }
    if (maxend != small)
        free(maxend); /* NULL when no sentence was looked at */
    free(qoff);
}

/* Offset of the last sentence of s[0..z) (z: before the block's final marks): just past
   the last sentence end, with the closers after it; 0 if none; SIZE_MAX if the sentence
   holds more than lim bytes (no lexicon line could be it); in *before the start of the
   sentence before it, likewise (SIZE_MAX when unknown). The ends are found by
   el_text_sentence_end from lim bytes back, wherever that falls: their bytes are those
   characters wherever they stand (see text.c). */
static size_t last_sentence(const char *s, size_t z, size_t lim, size_t *before)
{
    size_t from = z > lim ? z - lim : 0, last = from ? SIZE_MAX : 0;
    *before = SIZE_MAX;
    for (size_t p = from, e; p < z && (e = p + el_text_sentence_end(s + p, z - p)) < z; p = e) {
        *before = last;
        last = e;
    }
    return last;
}

/*
 * The key's chars3 of the first (forward) or last three characters of s[a..z) that a key
 * keeps, the marks between them passed over as the key drops them (可乎 after 无， ends
 * 臆断其有无，可乎 as 无可乎 ends its key); 0 if those are not three three-byte Han
 * characters within the first or last eight characters.
 */
static uint64_t kept3(const char *s, size_t a, size_t z, bool forward)
{
    /* three ideographs in a row at that end, the usual case: those, nothing to pass over */
    size_t f = forward ? a : z - 9;
    if (z - a >= 9 && han3(s, z, f) && han3(s, z, f + 3) && han3(s, z, f + 6))
        return chars3((const unsigned char *)s + f);
    unsigned char b[9];
    size_t got = 0, k, j;
    for (int steps = 0; got < 3 && steps < 8 && a < z; steps++) {
        size_t at;
        uint32_t c;
        if (forward) {
            c = el_text_cp(s, z, a, &k);
            at = a;
            a += k;
        } else {
            c = el_text_prev_cp(s, z, &j);
            at = j;
            k = z - j;
            z = j;
        }
        if (el_text_is_han(c) && k == 3) {
            size_t slot = forward ? got : 2 - got;
            memcpy(b + 3 * slot, s + at, 3);
            got++;
        } else if (el_text_is_han(c) || (c < 0x80 && isalnum((int)c))) {
            return 0; /* a kept character chars3 cannot hold */
        }
    }
    return got == 3 ? chars3(b) : 0;
}

/*
 * Classical lines standing bare, with no lead-in and no quotation marks, as the first or the
 * last sentence of a block (老吾老以及人之老，幼吾幼以及人之幼。 opening a conclusion; 治大国若
 * 烹小鲜。): where essays set them. The first sentence is looked at only when its first three
 * characters open an entry such a line may be, the last only when its last three end one
 * (ci->starts, ci->ends: a look-up each per block, nearly always a miss); a sentence is taken
 * when it starts with a run of a line's clauses, exactly (without marks, a near wording is
 * the essay's own), of BARE_MIN_CP Han or more, of a line that is no leader's saying (those
 * need a speaker), and no quote holds it already. Bounded by the longest line.
 */
static void scan_bare_edges(struct qstate *st, const char *s, size_t n, size_t base, size_t q0)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t first = 0, z = n, j, k;
    /* (blocks come trimmed; Han, lead byte E4..E9, is neither blank nor a mark) */
    while (first < n && (u[first] < 0xE4 || u[first] > 0xE9) &&
           el_text_is_white(el_text_cp(s, n, first, &k)))
        first += k;
    while (z > first) { /* the final marks, closers and spaces */
        if (z >= 3 && u[z - 3] >= 0xE4 && u[z - 3] <= 0xE9)
            break;
        uint32_t c = el_text_prev_cp(s, z, &j);
        if (!el_text_is_sentence_end(c) && !el_text_is_closer(c) && !el_text_is_white(c))
            break;
        z = j;
    }
    if (z - first < 9)
        return;
    /* the first sentence; the last, and the one before it with the last (a line may hold a
       sentence end: 岂曰无衣？与子同袍。 政者，正也。子帅以正，孰敢不正？) */
    size_t at[3] = {keyset_has(&ci->starts, kept3(s, first, z, true)) ? first : SIZE_MAX, SIZE_MAX,
                    SIZE_MAX};
    if (keyset_has(&ci->ends, kept3(s, first, z, false))) {
        size_t before, last = last_sentence(s, z, 2 * ci->maxtlen + 16, &before);
        if (last != first)
            at[2] = last;
        if (before != first && last != SIZE_MAX)
            at[1] = before;
    }
    if (at[0] == SIZE_MAX && at[1] == SIZE_MAX && at[2] == SIZE_MAX)
        return;
    size_t maxb = 2 * ci->maxklen + 64;
    if (maxb > CLASSICAL_MAX_BYTES)
        maxb = CLASSICAL_MAX_BYTES;
    for (int w = 0; w < 3; w++) {
        size_t a = at[w];
        if (a >= z)
            continue;
        bool quoted = false; /* inside “…” (scan_pairs has it) or a quote found already */
        for (size_t i = 0; i < st->pairs.n && !quoted; i++)
            quoted = st->pairs.v[i].open <= a && a < st->pairs.v[i].end;
        for (size_t i = q0; i < st->doc->quotes.n && !quoted; i++) {
            el_span t = st->doc->quotes.v[i].txt;
            quoted = t.off <= base + a && base + a < t.off + t.len;
        }
        if (quoted)
            continue;
        size_t lim = n - a < maxb ? n - a : maxb;
        size_t e = a + el_text_sentence_end(s + a, lim);
        struct cmatch m = {0};
        /* A line may go on after a sentence end (问渠那得清如许？为有源头活水来): two sentences
           first, then the first alone; from the one before the last, only the two. */
        if (e < a + lim) {
            size_t e2 = e + el_text_sentence_end(s + e, a + lim - e);
            m = classical_match(s + a, e2 - a, false, true);
            if (m.how == 1 && m.off == 0 && m.len > e - a)
                e = e2;
            else
                m.how = 0;
        }
        if (!m.how && w == 1)
            continue;
        if (!m.how)
            m = classical_match(s + a, e - a, false, true);
        if (!m.how) {
            /* Clauses of a line, eight Han or more, near enough to be misquoted (千里之行，
               始于脚下 for 始于足下): a near wording of fewer is the essay's own. */
            struct cmatch f = drop_near_saying(classical_match(s + a, e - a, true, true));
            if (f.how == 2 && f.off == 0 &&
                han_at_least(el_lex_classical(f.line)->text, f.toff, f.tlen, BARE_FUZZY_MIN_CP))
                m = f;
        }
        if (!m.how || m.off != 0 || el_lex_classical(m.line)->speaker)
            continue;
        size_t len = m.len < e - a ? m.len : e - a;
        while (len > 0) { /* the final mark (and closers) are not the line's */
            j = el_text_back(s, a + len);
            if (j < a || !is_dropped(s, a + len, j, &k))
                break;
            len = j - a;
        }
        if (!len || !han_at_least(s, a, len, BARE_MIN_CP))
            continue;
        if (!add_lex_quote(st, base, (el_span){a, len}, (el_span){0, 0}, NULL,
                           el_lex_classical(m.line)))
            return;
        if (m.how == 2)
            raise_misquote(st, base + a, &m);
    }
}

/* Han characters a classical line must have where it stands bare amid a paragraph, in the
   whole clauses matched (千里之堤，溃于蚁穴; 天下大事，必作于细): fewer (防微杜渐, 上善若水,
   民以食为天) read as the essay's own words. */
#define MID_MIN_CP 8

/* Bytes of the clause mark at s[q..n) for scan_mid (，；：！？。、 or , ; : ! ? and a line break),
   0 if none there: told from the bytes. */
static inline size_t mid_mark(const char *s, size_t n, size_t q)
{
    const unsigned char *u = (const unsigned char *)s + q;
    if (q >= n)
        return 0;
    if (u[0] < 0x80)
        return u[0] == ',' || u[0] == ';' || u[0] == ':' || u[0] == '!' || u[0] == '?' ||
               u[0] == '\n';
    if (n - q < 3)
        return 0;
    if (u[0] == 0xE3 && u[1] == 0x80 && (u[2] == 0x81 || u[2] == 0x82))
        return 3;
    return u[0] == 0xEF && u[1] == 0xBC &&
                   (u[2] == 0x8C || u[2] == 0x9B || u[2] == 0x9A || u[2] == 0x81 || u[2] == 0x9F)
               ? 3
               : 0;
}

/*
 * The longest run of whole clauses of s[a..n) (each a run of Han characters that a clause mark
 * or the block's end closes) whose key is an entry of the index, of a line that is no leader's
 * saying, of MID_MIN_CP Han or more: its entry, and its end in *end; NULL if none. Exact: a
 * near wording amid a paragraph is the essay's own. Every run of a line's clauses of
 * CLAUSE_MIN_CP or more is an entry, so the first run that long which is none ends the walk
 * (the clauses written as the line's are): most walks end at their first or second clause.
 */
static const struct centry *mid_line(const char *s, size_t n, size_t a, size_t *end)
{
    char key[CLASSICAL_MAX_BYTES];
    size_t lim = ci->maxklen < sizeof key ? ci->maxklen : sizeof key, klen = 0, p = a, k = 0;
    const struct centry *best = NULL;
    for (size_t nc = 0, q; nc < LINE_MAX_CLAUSES; nc++, p = q + k) {
        q = el_text_han_run(s, n, p);
        if (q == p || klen + (q - p) > lim)
            break;
        memcpy(key + klen, s + p, q - p);
        klen += q - p;
        k = mid_mark(s, n, q);
        if (q < n && !k)
            break;
        long f = klen >= 3 * CLAUSE_MIN_CP ? ci_find(key, klen) : -1;
        if (f < 0 && klen >= 3 * CLAUSE_MIN_CP)
            break;
        if (f >= 0 && klen >= 3 * MID_MIN_CP && el_lex_classical(ci->e[f].line)->speaker == NULL) {
            best = &ci->e[f];
            *end = q;
        }
        if (q >= n)
            break;
    }
    return best;
}

/* Bytes of the mid_leads word s[a..n) starts with when Han follows it, else 0. */
static size_t mid_lead(const char *s, size_t n, size_t a)
{
    /* the words open with 古 先 俗 常 老 (E5 8F A4, E5 85 88, E4 BF 97, E5 B8 B8, E8 80 81) */
    const unsigned char *u = (const unsigned char *)s + a;
    if (n - a < 9)
        return 0;
    uint32_t c = (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
    if (c != 0xE58FA4 && c != 0xE58588 && c != 0xE4BF97 && c != 0xE5B8B8 && c != 0xE88081)
        return 0;
    for (const struct word *w = mid_leads; w->s; w++)
        if (w->n <= n - a && memcmp(s + a, w->s, w->n) == 0)
            return han3(s, n, a + w->n) ? w->n : 0;
    return 0;
}

/* The spans of the block's quotes found before scan_mid, in order of offset, with the prefix
   maxima of their ends: whether one overlaps a span is a binary search. */
struct qspans {
    el_span *v;
    size_t *maxend, n;
};

static int span_by_off(const void *a, const void *b)
{
    const el_span *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Whether s[a..e) overlaps one of the spans. */
static bool qspans_overlap(const struct qspans *q, size_t a, size_t e)
{
    size_t lo = 0, hi = q->n;
    while (lo < hi) { /* spans starting before e */
        size_t mid = lo + (hi - lo) / 2;
        if (q->v[mid].off < e)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && q->maxend[lo - 1] > a;
}

/* Whether s[p..) starts a clause: at the block's start or after a clause mark. */
static bool clause_opens(const char *s, size_t p)
{
    return p == 0 || mid_mark(s, p, p - 1) == 1 || (p >= 3 && mid_mark(s, p, p - 3) == 3);
}

/* The line scan_mid takes at the clause s[a..) (past a lead-in that opens it, mid_leads), or
   NULL: its start in *at and its end in *end. The clause's first three characters are tested
   against open3 first (mid_line finds exactly). */
static const struct centry *mid_at(const char *s, size_t n, size_t a, size_t *at, size_t *end)
{
    a += mid_lead(s, n, a);
    if (n - a < 9 || !open3_has((const unsigned char *)s + a))
        return NULL;
    *at = a;
    return mid_line(s, n, a, end);
}

/*
 * Classical lines standing bare amid a paragraph as whole clauses: after a clause mark (治理之道，
 * 千里之堤，溃于蚁穴，小问题…), at the block's or a sentence's start (…做起。千里之行，始于足下。),
 * or after a lead-in (古人讲天下难事，必作于易；天下大事，必作于细，基层…: the bare lead-ins
 * anywhere, mid_leads where a clause starts), followed by the essay's own words or not. Only the
 * clauses after ，；：！？ whose first three characters may open a clause of the index (open3) are
 * looked at, as pair_scan kept them; each is tried with the clause before it first, when that
 * one opens after a mark or the block's start (a line's first clause after 。 or at the block's
 * start is reached from its second, which keeps 。 out of pair_scan's filter: a line of one
 * clause would need MID_MIN_CP in it), then alone, each where its first three characters pass
 * open3 again. A line is taken when a run of its clauses is matched exactly (mid_line), no quote
 * or quotation marks hold it, and it is no leader's saying. Candidates are looked at in order
 * and never inside a line taken, each walk bounded by the longest key: linear.
 */
__attribute__((noinline)) static void scan_mid(struct qstate *st, const char *s, size_t n,
                                               size_t base, size_t q0)
{
    size_t nq0 = st->doc->quotes.n, ic = 0, il = 0, done = 0, small[64], *maxend = NULL;
    struct qspans qs = {NULL, NULL, 0};
    const offset_vec *cs = &st->cstarts;
    const leadhit_vec *ld = &st->leads;
    for (;;) {
        size_t la = il < ld->n ? ld->v[il].at + bare_leads[ld->v[il].lead].n : SIZE_MAX;
        size_t ca = ic < cs->n ? cs->v[ic] : SIZE_MAX, a, at = 0, e = 0;
        const struct centry *m = NULL;
        if (la == SIZE_MAX && ca == SIZE_MAX)
            break;
        if (!maxend) /* once per block: the quoted spans to stay out of */
            maxend = pair_maxend(&st->pairs, small);
        if (la < ca) { /* right after a bare lead-in */
            a = la;
            il++;
            if (a < done || n - a < 9 || !open3_has((const unsigned char *)s + a) ||
                in_pairs(&st->pairs, maxend, a))
                continue;
            at = a;
            m = mid_line(s, n, a, &e);
        } else {
            a = ca;
            ic++;
            /* after a clause mark (pair_scan kept any full-width form), not quoted */
            if (a < done + 3 || mid_mark(s, a, a - 3) != 3 || in_pairs(&st->pairs, maxend, a))
                continue;
            /* the clause before it first, whole (a line's first clause) */
            size_t lo = a - 3 > done + ci->maxklen ? a - 3 - ci->maxklen : done;
            size_t p = a - 3 - han_back(s, a - 3, lo);
            if (p < a - 3 && p >= done && clause_opens(s, p))
                m = mid_at(s, n, p, &at, &e);
            if (!m)
                m = mid_at(s, n, a, &at, &e);
        }
        if (!m)
            continue;
        if (!qs.v) { /* once per block, at the first line: the quotes it must stay out of */
            qs.n = nq0 - q0;
            qs.v = xmalloc((qs.n + 1) * sizeof *qs.v);
            qs.maxend = xmalloc((qs.n + 1) * sizeof *qs.maxend);
            for (size_t i = 0; i < qs.n; i++) {
                el_span t = st->doc->quotes.v[q0 + i].txt;
                qs.v[i] = (el_span){t.off - base, t.len};
            }
            qsort(qs.v, qs.n, sizeof *qs.v, span_by_off);
            for (size_t i = 0; i < qs.n; i++) {
                size_t end = qs.v[i].off + qs.v[i].len;
                qs.maxend[i] = i && qs.maxend[i - 1] > end ? qs.maxend[i - 1] : end;
            }
        }
        if (qspans_overlap(&qs, at, e))
            continue;
        if (!add_lex_quote(st, base, (el_span){at, e - at}, (el_span){0, 0}, NULL,
                           el_lex_classical(m->line)))
            break;
        done = e;
    }
    if (maxend && maxend != small)
        free(maxend);
    free(qs.v);
    free(qs.maxend);
}

static void scan_block(struct qstate *st, el_span blk)
{
    const char *s = st->doc->plain.v + blk.off;
    size_t n = blk.len;
    if (n == 0 || st->doc->quotes.n >= EL_QUOTES_MAX)
        return;
    pair_scan(s, n, &st->pairs, &st->leads, &st->cstarts);
    st->hits.n = 0; /* the speakers, documents and verbs of lead-ins */
    el_doc_lex_scan_cats(st->doc, blk.off, n, QUOTE_CATS, collect_hit, &st->hits);
    size_t q0 = st->doc->quotes.n;
    scan_pairs(st, s, n, blk.off);
    scan_bare(st, s, n, blk.off);
    scan_indirect(st, s, n, blk.off, q0);
    scan_bare_edges(st, s, n, blk.off, q0);
    if (st->cstarts.n || st->leads.n)
        scan_mid(st, s, n, blk.off, q0);
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

/* Whether v[0..n) is in order of offset. */
static bool sorted_spans(const el_span *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (v[i - 1].off > v[i].off)
            return false;
    return true;
}

void el_quote_blocks(const el_doc *doc, el_span_vec *out)
{
    out->n = 0;
    /* Room for every block at once: one allocation, not one per doubling. */
    out->v = xgrow(out->v, &out->cap, 1 + doc->sections.n + doc->paras.n, sizeof *out->v);
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
    size_t h = out->n; /* the title and the headings, then the paragraphs */
    for (size_t i = 0; i < doc->paras.n; i++)
        if (!doc->title.len || doc->paras.v[i].txt.off != doc->title.off)
            *EL_VEC_PUSH(*out) = doc->paras.v[i].txt;
    if (sorted_spans(out->v, out->n)) /* usually in order already */
        return;
    if (!sorted_spans(out->v, h) || !sorted_spans(out->v + h, out->n - h)) {
        qsort(out->v, out->n, sizeof *out->v, by_off);
        return;
    }
    /* Two runs in order (the headings fall between paragraphs): merge them, the first run
     * first on equal offsets, as a stable sort would. Writing never overtakes the second. */
    el_span *a = xmalloc(h * sizeof *a);
    memcpy(a, out->v, h * sizeof *a);
    size_t i = 0, j = h, k = 0;
    while (i < h)
        out->v[k++] = j < out->n && out->v[j].off < a[i].off ? out->v[j++] : a[i++];
    free(a);
}

static int by_txt(const void *a, const void *b)
{
    const el_quote *x = a, *y = b;
    return x->txt.off < y->txt.off ? -1 : x->txt.off > y->txt.off;
}

void el_extract_quotes(el_doc *doc)
{
    struct qstate st = {doc, EL_RULE_QUOTE_MISQUOTED, {0}, {0}, {0}, {0}, NULL, 0};
    const el_config_quote *cfgq;
    size_t ncfg = el_config_quotes(doc->cfg, &cfgq);
    if (ncfg) {
        st.cq = xcalloc(ncfg, sizeof *st.cq);
        for (size_t i = 0; i < ncfg; i++) {
            size_t tl = strlen(cfgq[i].text);
            struct cfgquote *c = &st.cq[st.ncq];
            c->q = &cfgq[i];
            c->key = xmalloc(tl + 1);
            c->klen = el_lex_normalize(cfgq[i].text, tl, c->key);
            c->ncp = el_text_ncp(c->key, c->klen);
            if (c->klen > 0 && c->klen <= CLASSICAL_MAX_BYTES)
                st.ncq++;
            else
                free(c->key);
        }
    }
    size_t n0 = doc->quotes.n;
    /* Room for a draft's marks and lead-in words per paragraph up front: one allocation each
       per document, not one per doubling. */
    st.pairs.v = xgrow(st.pairs.v, &st.pairs.cap, 32, sizeof *st.pairs.v);
    st.hits.v = xgrow(st.hits.v, &st.hits.cap, 64, sizeof *st.hits.v);
    el_span_vec blocks = {0};
    el_quote_blocks(doc, &blocks);
    for (size_t i = 0; i < blocks.n; i++)
        scan_block(&st, blocks.v[i]);
    free(blocks.v);
    /* Bare lines are found after the quoted ones of their block: restore document order. */
    for (size_t i = n0 + 1; i < doc->quotes.n; i++)
        if (doc->quotes.v[i - 1].txt.off > doc->quotes.v[i].txt.off) {
            qsort(doc->quotes.v + n0, doc->quotes.n - n0, sizeof *doc->quotes.v, by_txt);
            break;
        }
    free(st.hits.v);
    free(st.pairs.v);
    free(st.leads.v);
    free(st.cstarts.v);
    for (size_t i = 0; i < st.ncq; i++)
        free(st.cq[i].key);
    free(st.cq);
}
