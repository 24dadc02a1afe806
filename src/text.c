/* SPDX-License-Identifier: MIT */
/*
 * Shared text helpers: code points, sentence ends and grid counting, so that
 * counts, section titles and length rules agree on what a sentence is.
 */
#include "text.h"

#include <string.h>
#include <unistr.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <uniwidth.h>

uint32_t el_text_cp_slow(const char *s, size_t n, size_t i, size_t *len)
{
    ucs4_t uc;
    int k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
    *len = k > 0 ? (size_t)k : 1;
    return uc;
}

/*
 * Why the sentence scans below may skip bytes el_text_cp() would decode: a decoding step
 * consumes a lead byte and continuation bytes only (libunistring takes the maximal invalid
 * subpart), so every byte that is not a continuation byte starts a step, and a continuation
 * byte on its own is U+FFFD. The characters that end a sentence (\n ! ? and 。！？, E3 80 82,
 * EF BC 81, EF BC 9F) start with such a byte: looking for their bytes finds exactly the
 * characters the decoding would find. A three-byte step is taken whole when both of its
 * continuation bytes are there, whatever it decodes to, for no sentence end hides in it.
 */

/* Whether u[0..3) is the lead byte of a three-byte sequence and its two continuation bytes. */
static inline bool three_bytes(const unsigned char *u)
{
    return (u[0] & 0xF0) == 0xE0 && ((u[1] ^ 0x80) | (u[2] ^ 0x80)) < 0x40;
}

/* Whether the three bytes at u are 。！or？. */
static inline bool full_width_end(const unsigned char *u)
{
    return (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) ||
           (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x81 || u[2] == 0x9F));
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The places among the sixteen at u that hold \n ! ? . or the three bytes of 。！？ (u[0..18)
   must be readable): see above, those bytes are the characters wherever they stand. A . is
   only a candidate (el_text_dot_ends decides). */
static inline unsigned end_mask16(const unsigned char *u)
{
    __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)u);
    __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + 1));
    __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + 2));
    __m128i ascii = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('\n')),
                                              _mm_cmpeq_epi8(v0, _mm_set1_epi8('!'))),
                                 _mm_or_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('?')),
                                              _mm_cmpeq_epi8(v0, _mm_set1_epi8('.'))));
    __m128i stop = _mm_and_si128(/* 。 E3 80 82 */
                                 _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xE3)),
                                               _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x80))),
                                 _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x82)));
    __m128i full = _mm_and_si128(/* ！ EF BC 81, ？ EF BC 9F */
                                 _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xEF)),
                                               _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xBC))),
                                 _mm_or_si128(_mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x81)),
                                              _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x9F))));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(ascii, _mm_or_si128(stop, full)));
}

/* Sixteen 0xFF bytes, then sixteen zero bytes: loaded from byte 16 - k, a mask of the first k
   lanes. */
static const unsigned char first_lanes[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                              0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* The sum of the sixteen byte lanes of v. */
static inline size_t lanes_sum(__m128i v)
{
    __m128i sums = _mm_sad_epu8(v, _mm_setzero_si128());
    return (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
}
#endif

size_t el_text_end_tail(const char *s, size_t n, size_t i, size_t *count)
{
    size_t k, c = 0;
    while (i < n) {
        uint32_t d = el_text_cp(s, n, i, &k);
        if (!el_text_is_sentence_end(d) && !el_text_is_closer(d))
            break;
        i += k;
        c++;
    }
    *count = c;
    return i;
}

/* Whether c is a Chinese numeral a list number is written with (一. 十二.). */
static bool list_numeral(uint32_t c)
{
    return c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 || c == 0x516D ||
           c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341;
}

/* The code point before s[i] past up to four closers ("毒瘤". （一）.), 0 if none; *j gets
   its offset. */
static uint32_t before_closers(const char *s, size_t i, size_t *j)
{
    uint32_t p = 0;
    *j = i;
    for (int k = 0; *j > 0 && k < 4; k++) {
        p = el_text_prev_cp(s, *j, j);
        if (!el_text_is_closer(p))
            return p;
    }
    return 0;
}

bool el_text_list_number(const char *s, size_t i)
{
    size_t j;
    if (!list_numeral(before_closers(s, i, &j)))
        return false;
    uint32_t b = 0;
    for (int k = 0; j > 0 && k < 3 && list_numeral(b = el_text_prev_cp(s, j, &j)); k++)
        b = 0;
    return !el_text_is_han(b) || b == 0x7B2C; /* 第 */
}

bool el_text_dot_ends_slow(const char *s, size_t n, size_t i)
{
    if ((i > 0 && s[i - 1] == '.') || (i + 1 < n && s[i + 1] == '.'))
        return false; /* a run of dots: an ellipsis */
    /* before it: Han, or a percentage (增长21.1%.发展), but no list number */
    size_t j;
    uint32_t p = before_closers(s, i, &j);
    if ((!el_text_is_han(p) && p != '%' && p != 0xFF05) || el_text_list_number(s, i))
        return false;
    /* after it: the end, a line end or anything but a Latin letter (a URL, 中文.com) */
    size_t q = i + 1;
    while (q < n && (s[q] == ' ' || s[q] == '\t'))
        q++;
    unsigned char c = q < n ? (unsigned char)s[q] : 0;
    return (unsigned)((c | 0x20) - 'a') >= 26u;
}

/* el_text_sentence_end of the sentence that starts at s[i], s[0..i) before it. */
static size_t sentence_end_from(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t k, lim = n > 2 ? n - 2 : 0; /* i < lim: three bytes left */
#if defined(__SSE2__) && defined(__GNUC__)
    /* Sixteen places at a time, while eighteen bytes can be read: the first place that holds
       an end is the end, and no place before it holds one. */
    while (n - i >= 18) {
        unsigned m = end_mask16(u + i);
        while (m && u[i + (unsigned)__builtin_ctz(m)] == '.' &&
               !el_text_dot_ends(s, n, i + (unsigned)__builtin_ctz(m)))
            m &= m - 1; /* a . that ends nothing (3.5, e.g.) */
        if (m == 0) {
            i += 16;
            continue;
        }
        i += (unsigned)__builtin_ctz(m);
        if (u[i] == '\n')
            return i + 1;
        i += u[i] < 0x80 ? 1 : 3;
        return el_text_end_tail(s, n, i, &k);
    }
#endif
    for (;;) {
        /* Han and the other three-byte characters, nearly all of an essay. */
        while (i < lim && three_bytes(u + i)) {
            if (full_width_end(u + i))
                return el_text_end_tail(s, n, i + 3, &k);
            i += 3;
        }
        if (i >= n)
            return n;
        unsigned char b = u[i++];
        if (b == '\n')
            return i;
        if (b == '!' || b == '?' || (b == '.' && el_text_dot_ends(s, n, i - 1)))
            return el_text_end_tail(s, n, i, &k);
    }
}

size_t el_text_sentence_end(const char *s, size_t n)
{
    return sentence_end_from(s, n, 0);
}

size_t el_text_sentence_end_ncp(const char *s, size_t n, size_t *cps)
{
    size_t i = 0, c = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    /* Sixteen bytes a turn, up to the first end, the bytes that start a code point (all but
       continuation bytes) tallied lane by lane; a lane holds at most 255 turns. The last
       bytes (fewer than eighteen) go to the two functions this one stands for. */
    const unsigned char *u = (const unsigned char *)s;
    __m128i tally = _mm_setzero_si128();
    for (unsigned turns = 0; n - i >= 18; i += 16) {
        unsigned m = end_mask16(u + i);
        while (m && u[i + (unsigned)__builtin_ctz(m)] == '.' &&
               !el_text_dot_ends(s, n, i + (unsigned)__builtin_ctz(m)))
            m &= m - 1; /* a . that ends nothing */
        /* as signed bytes, continuation bytes are below -64: the others are -1 here */
        __m128i starts = _mm_cmpgt_epi8(_mm_loadu_si128((const __m128i *)(const void *)(u + i)),
                                        _mm_set1_epi8(-65));
        if (m) {
            unsigned at = (unsigned)__builtin_ctz(m);
            __m128i before =
                _mm_loadu_si128((const __m128i *)(const void *)(first_lanes + 16 - at));
            c += lanes_sum(_mm_sub_epi8(tally, _mm_and_si128(starts, before)));
            i += at;
            if (u[i] == '\n') {
                *cps = c + 1;
                return i + 1;
            }
            /* the final mark (one code point of one or three bytes), then the tail */
            size_t tail, e = el_text_end_tail(s, n, i + (u[i] < 0x80 ? 1 : 3), &tail);
            *cps = c + 1 + tail;
            return e;
        }
        tally = _mm_sub_epi8(tally, starts);
        if (++turns == 255) {
            c += lanes_sum(tally);
            tally = _mm_setzero_si128();
            turns = 0;
        }
    }
    c += lanes_sum(tally);
#endif
    size_t e = sentence_end_from(s, n, i);
    *cps = c + el_text_ncp(s + i, e - i);
    return e;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The lanes of v that hold the byte b. */
static inline __m128i bytes_eq(__m128i v, unsigned char b)
{
    return _mm_cmpeq_epi8(v, _mm_set1_epi8((char)b));
}

/* Number of set bits in m, a mask of the lanes 0, 3, 6, 9 and 12: the multiply adds them up in
   bits 12 to 14, where the sums from below (four at most) cannot carry. */
static inline unsigned lanes5(unsigned m)
{
    return (m * 0x1249u) >> 12 & 7u;
}
#endif

/*
 * The characters from u[*i] on (*i <= n) that are U+4E00–U+9FFF or a plain mark, and 。 where
 * a Han character follows it: moves *i past them, returns how many, and adds the Han among
 * them to *han. An essay is those but for a sentence end every twenty characters or so, a
 * mark every five. Fifteen bytes are looked at at once: they go on while the bytes of five
 * three-byte characters, continuation bytes in every place but every third, start with
 * U+4E00–U+9FFF (E4..E9, not E4 before a byte below B8, as el_text_han_run) or are a plain
 * mark: ，：；（）… (EF BC xx, U+FF00–U+FF3F but ！ U+FF01 and ？ U+FF1F), 、《》「」…
 * (E3 80 xx, U+3000–U+303F but the blank U+3000, 。 U+3002 and 〇 U+3007) or “”‘’—…
 * (E2 80 90..A7, U+2010–U+2027). All five are told at once, with no branch a character (a
 * branch on each mark mispredicts). A 。 with Han after it in the same fifteen bytes ends
 * its sentence there, closers none: it adds one to *ns and sets *seg, the count of cells
 * after it (c, the caller's count before the span, and those of the span so far).
 */
static inline size_t cjk_span(const unsigned char *u, size_t n, size_t *i, size_t *han, size_t c,
                              size_t *ns, size_t *seg)
{
    size_t j = *i, r = 0, marks = 0; /* the characters, and the marks among them */
    (void)c, (void)ns, (void)seg;    /* (without SSE2, sentence ends are the caller's) */
#if defined(__SSE2__) && defined(__GNUC__)
    while (n - j >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + j));
        /* the second and third byte of the character at each lane (lanes 0..12 are asked) */
        __m128i v1 = _mm_srli_si128(v, 1), v2 = _mm_srli_si128(v, 2);
        /* as signed bytes: continuation bytes are below -64, E4..E9 plus 0x9C are -128..-123,
           and those below B8 below -72 (E4 before one of those is U+4000–U+4DFF) */
        unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
        __m128i e4low = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE4)),
                                      _mm_cmplt_epi8(v1, _mm_set1_epi8(-72)));
        unsigned hz = (unsigned)_mm_movemask_epi8(
            _mm_andnot_si128(e4low, _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)0x9C)),
                                                   _mm_set1_epi8(-122))));
        /* the plain marks by their three bytes, and 。 */
        __m128i second80 = bytes_eq(v1, 0x80), third82 = bytes_eq(v2, 0x82);
        /* EF BC xx but ！ 81 and ？ 9F */
        __m128i fw = _mm_andnot_si128(_mm_or_si128(bytes_eq(v2, 0x81), bytes_eq(v2, 0x9F)),
                                      _mm_and_si128(bytes_eq(v, 0xEF), bytes_eq(v1, 0xBC)));
        /* E3 80 xx but the blank 80, 。 82 and 〇 87 */
        __m128i e380 = _mm_and_si128(bytes_eq(v, 0xE3), second80);
        __m128i cjk = _mm_andnot_si128(
            _mm_or_si128(_mm_or_si128(bytes_eq(v2, 0x80), third82), bytes_eq(v2, 0x87)), e380);
        /* E2 80 90..A7 (as signed bytes, -112..-89) */
        __m128i punct = _mm_and_si128(_mm_and_si128(bytes_eq(v, 0xE2), second80),
                                      _mm_and_si128(_mm_cmpgt_epi8(v2, _mm_set1_epi8(-113)),
                                                    _mm_cmplt_epi8(v2, _mm_set1_epi8(-88))));
        unsigned mark = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(fw, cjk), punct));
        unsigned period = (unsigned)_mm_movemask_epi8(_mm_and_si128(e380, third82));
        /* continuation bytes wanted in lanes 1, 2, 4, 5, ... 14, none in 0, 3, 6, 9 and 12 */
        unsigned bad = (cont ^ 0x6DB6u) & 0x7FFFu;
        /* the first lanes of the characters wholly before the first bad lane (the two lanes
           after one are below it); of those, the ones that are not Han, a mark or 。 before
           a Han character (whole, in this block) end the span */
        unsigned whole = 0x1249u & ((bad & -bad) - 1) >> 2;
        unsigned ends = period & (whole & hz) >> 3;
        unsigned end = (whole & ~(hz | mark | ends)) | bad;
        unsigned taken = whole & ((end & -end) - 1); /* the characters before the end */
        marks += lanes5(taken & ~hz);
        if (taken & ends) { /* sentences that end here, the caller's count after the last */
            *ns += lanes5(taken & ends);
            *seg = c + r + (31u - (unsigned)__builtin_clz(taken & ends)) / 3 + 1;
        }
        if (end) {
            unsigned p = (unsigned)__builtin_ctz(end) / 3; /* characters wholly before it */
            r += p;
            *i = j + 3 * p;
            *han += r - marks;
            return r;
        }
        r += 5;
        j += 15;
    }
#endif
    size_t e = el_text_han_run((const char *)u, n, j);
    r += (e - j) / 3;
    *i = e;
    *han += r - marks;
    return r;
}

void el_text_count_sentences(const char *s, size_t n, size_t *chars, size_t *hanzi,
                             size_t *sentences)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t c = 0, h = 0, ns = 0, k;
    size_t seg = 0; /* c when the current sentence began: it has content when c grew since */
    for (size_t i = 0;;) {
        /* A run of Han and plain marks, most characters: cells, none blank, no sentence end. */
        c += cjk_span(u, n, &i, &h, c, &ns, &seg);
        if (i >= n)
            break;
        /* Then one character of another kind, mostly a mark, a digit or a line end. */
        unsigned b = u[i];
        if (b < 0x80) {
            /* by byte: a cell above the space; below it the blanks \t..\r and the space, the
               line end among them, and control characters, which are cells */
            i++;
            if (b == '\n') { /* a line end closes a sentence: one if it holds anything */
                ns += c > seg;
                seg = c;
                continue;
            }
            c += b > ' ' || (b != ' ' && b - '\t' > '\r' - '\t');
            if (b != '!' && b != '?' && (b != '.' || !el_text_dot_ends(s, n, i - 1))) {
                /* and the ASCII cells after it (2023 GDP 3.5%), but ! ? and a . that may end
                   a sentence (after " ) or %: el_text_dot_ends), at once */
                while (i < n && u[i] - 0x22u <= 0x7Fu - 0x22u && u[i] != '?' &&
                       (u[i] != '.' || (u[i - 1] != '"' && u[i - 1] != ')' && u[i - 1] != '%'))) {
                    c++;
                    i++;
                }
                continue;
            }
        } else if (n - i >= 3 && (b << 8 | u[i + 1]) == 0xE380u && (u[i + 2] & 0xC0) == 0x80) {
            /* 、。《》「」, U+3000–U+303F, first by their bytes: 。 is what most often ends a
               span. U+3000 is blank, 〇 U+3007 is Han. */
            unsigned t = u[i + 2];
            i += 3;
            c += t != 0x80;
            h += t == 0x87;
            if (t != 0x82)
                continue;
        } else if (b - 0xE1u <= 0xEFu - 0xE1u && b != 0xED && n - i >= 3 &&
                   ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80)) < 0x40) {
            /* A three-byte character that cannot be overlong or a surrogate (E0, ED), as
               el_text_cp decodes it. The marks of an essay, 、。《》 ，：；！？ “”…—, are
               told apart by range; the rest asks el_text_is_space and el_text_is_han. */
            uint32_t cp = (b & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu);
            i += 3;
            if (cp - 0x3001u < 0x3400u - 0x3001u) { /* CJK marks and kana, before Han */
                c += cp != 0x3164;
                h += cp == 0x3007;
                if (cp != 0x3002)
                    continue;
            } else if (cp - 0xFF01u <= 0xFF9Fu - 0xFF01u) { /* full-width forms */
                c++;
                if (cp != 0xFF01 && cp != 0xFF1F)
                    continue;
            } else if (cp - 0x2010u < 0x2028u - 0x2010u) { /* dashes, quotes, … */
                c++;
                continue;
            } else { /* no sentence end here: those are all above */
                c += !el_text_is_space(cp);
                h += el_text_is_han(cp);
                continue;
            }
        } else {
            uint32_t cp = el_text_cp(s, n, i, &k);
            i += k;
            c += !el_text_is_space(cp);
            h += el_text_is_han(cp);
            if (!el_text_is_sentence_end(cp))
                continue;
        }
        /* A sentence end, as el_text_sentence_end: the marks and closing quotes after it are its
           own (all of them cells, none Han); the sentence holds its mark, so it counts. */
        while (i < n) {
            uint32_t d = el_text_cp(s, n, i, &k);
            if (!el_text_is_sentence_end(d) && !el_text_is_closer(d))
                break;
            c++;
            i += k;
        }
        ns++;
        seg = c;
    }
    *chars += c;
    *hanzi += h;
    *sentences += ns + (c > seg);
}

void el_text_count(const char *s, size_t n, size_t *chars, size_t *hanzi)
{
    size_t sentences = 0;
    el_text_count_sentences(s, n, chars, hanzi, &sentences);
}

size_t el_text_sentences(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        size_t e = i + el_text_sentence_end(s + i, n - i);
        /* A fragment of blanks only (a full-width space or a stray U+FEFF after the last
           mark) is no sentence. The scan stops at the first character that counts. */
        bool content = false;
        for (size_t j = i, k; j < e && !content; j += k)
            content = !el_text_is_space(el_text_cp(s, e, j, &k));
        count += content;
        i = e;
    }
    return count;
}

/* Continuation bytes (10xxxxxx) among the eight bytes of x. */
static inline size_t conts8(uint64_t x)
{
    /* one bit per continuation byte, moved to bit 0 of its byte; the multiply adds the eight
       bytes up in the top one */
    uint64_t c = (x & ~(x << 1) & 0x8080808080808080ull) >> 7;
    return (size_t)((c * 0x0101010101010101ull) >> 56);
}

#if defined(__SSE2__)
/* Sixteen zero bytes, then sixteen 0xFF: loaded from byte k, a mask of the last k lanes. */
static const unsigned char last_lanes[32] = {
    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
#endif

size_t el_text_ncp(const char *s, size_t n)
{
    /* Every byte but the continuation bytes: positions count a few hundred bytes from their
       checkpoint, and labels and titles are measured all the time. */
    size_t conts = 0, i = 0;
#if defined(__SSE2__)
    /* Sixteen bytes a turn: as signed bytes, continuation bytes are the ones below -64 (0xC0);
       the compare makes them -1, which the tally subtracts, lane by lane. A lane holds at most
       255, so the lanes are added up (psadbw) every 254 turns and at the end, after the last
       one to sixteen bytes: the last sixteen with the lanes counted already masked off. */
    if (n >= 16) {
        __m128i tally = _mm_setzero_si128();
        for (;;) {
            size_t turns = (n - i - 1) / 16; /* whole turns before the last one to sixteen */
            for (turns = turns < 254 ? turns : 254; turns > 0; turns--, i += 16) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
                tally = _mm_sub_epi8(tally, _mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
            }
            if (n - i <= 16)
                break;
            __m128i sums = _mm_sad_epu8(tally, _mm_setzero_si128());
            conts += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
            tally = _mm_setzero_si128();
        }
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
        __m128i keep = _mm_loadu_si128((const __m128i *)(const void *)(last_lanes + (n - i)));
        tally = _mm_sub_epi8(tally, _mm_and_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)), keep));
        __m128i sums = _mm_sad_epu8(tally, _mm_setzero_si128());
        conts += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
        return n - conts;
    }
#endif
    for (; n - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        conts += conts8(x);
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (i < n && n >= 8) {
        /* the last eight bytes, those counted already shifted out (s[n - 8] is the low byte) */
        uint64_t x;
        memcpy(&x, s + n - 8, 8);
        return n - conts - conts8(x >> 8 * (8 - (n - i)));
    }
#endif
    for (; i < n; i++)
        conts += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - conts;
}

/* Bytes that s[0..n) and the NUL-terminated word w have in common from the start, at most n.
 * Comparing in place needs no strlen of the word, and most words differ early (the words of
 * a list share their first character or two at most). */
static inline size_t common_prefix(const char *s, size_t n, const char *w)
{
    size_t j = 0;
    while (j < n && w[j] != '\0' && w[j] == s[j])
        j++;
    return j;
}

size_t el_text_prefix(const char *s, size_t n, const char *const *words)
{
    size_t best = 0;
    if (n == 0)
        return 0;
    for (; *words; words++) {
        if ((*words)[0] != s[0]) /* most words fail on the first byte */
            continue;
        size_t k = common_prefix(s, n, *words);
        if (k > best && (*words)[k] == '\0') /* the whole word, not one cut at n */
            best = k;
    }
    return best;
}

bool el_text_is_one_of(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++) {
        if (n > 0 && (*words)[0] != s[0]) /* a quick no for most words */
            continue;
        /* w[n] is read only when w[0..n) are all there and equal s: within the word */
        if (common_prefix(s, n, *words) == n && (*words)[n] == '\0')
            return true;
    }
    return false;
}

/* Bit of the 128-bit first-pair filter for a word starting with bytes a, b. */
static inline unsigned pair_bit(unsigned char a, unsigned char b)
{
    return (unsigned)(a * 7u + b) & 127u;
}

bool el_text_contains_any(const char *s, size_t n, const char *const *words)
{
    /* One pass for all the words (a list holds up to seventeen, and the text is a line of up to
       a few hundred bytes, where a memmem a word costs as much as its set-up): a filter of the
       words' first two bytes, tried where a character starts. A word that starts with a
       continuation byte, or is shorter than two bytes, would need every byte tried: memmem it. */
    const unsigned char *u = (const unsigned char *)s;
    uint64_t filter[2] = {0, 0};
    for (const char *const *w = words; *w; w++) {
        const unsigned char *x = (const unsigned char *)*w;
        if (x[0] == 0 || x[1] == 0 || (x[0] & 0xC0) == 0x80) {
            if (memmem(s, n, *w, strlen(*w)))
                return true;
            continue;
        }
        unsigned bit = pair_bit(x[0], x[1]);
        filter[bit >> 6] |= 1ull << (bit & 63);
    }
    for (size_t i = 0; i + 1 < n; i++) {
        if ((u[i] & 0xC0) == 0x80)
            continue; /* no word of the filter starts on a continuation byte */
        unsigned bit = pair_bit(u[i], u[i + 1]);
        if (!(filter[bit >> 6] >> (bit & 63) & 1))
            continue;
        for (const char *const *w = words; *w; w++) {
            const char *x = *w;
            size_t j = 0;
            while (i + j < n && x[j] != '\0' && x[j] == s[i + j])
                j++;
            if (x[j] == '\0' && j >= 2) /* the whole word (the short ones were memmem'd) */
                return true;
        }
    }
    return false;
}

size_t el_text_width(const char *s, size_t n)
{
    int w = u8_width((const uint8_t *)s, n, "UTF-8");
    return w > 0 ? (size_t)w : 0;
}
