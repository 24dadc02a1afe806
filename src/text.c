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

static bool is_closer(uint32_t c)
{
    return c == 0x201D || c == 0x2019 || c == 0xFF09 || c == ')' || c == 0x300B || c == 0x3011 ||
           c == '"' || c == 0x300D || c == 0x300F;
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

size_t el_text_sentence_end(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, k, lim = n > 2 ? n - 2 : 0; /* i < lim: three bytes left */
    for (;;) {
        /* Han and the other three-byte characters, nearly all of an essay. */
        while (i < lim && three_bytes(u + i)) {
            if (full_width_end(u + i)) {
                i += 3;
                goto closers;
            }
            i += 3;
        }
        if (i >= n)
            return n;
        unsigned char b = u[i++];
        if (b == '\n')
            return i;
        if (b == '!' || b == '?')
            break;
    }
closers:
    while (i < n) {
        uint32_t d = el_text_cp(s, n, i, &k);
        if (!el_text_is_sentence_end(d) && !is_closer(d))
            break;
        i += k;
    }
    return i;
}

/*
 * The characters U+4E00–U+9FFF from u[*i] on (*i <= n), as el_text_han_run: moves *i past
 * them and returns how many. Essays break a run every four or five characters with a mark,
 * so what it costs to find the end of a run matters as much as what a character in it costs:
 * sixteen bytes are classified at once, and the first byte that breaks the pattern (a lead
 * E4..E9 every third byte, not E4 before a byte below B8, continuation bytes between) ends
 * the run.
 */
static inline size_t han_span(const unsigned char *u, size_t n, size_t *i)
{
    size_t j = *i, r = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    while (n - j >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + j));
        /* as signed bytes: E4..E9 plus 0x9C are -128..-123, continuation bytes are below -64,
           and those below B8 below -72 */
        unsigned lead = (unsigned)_mm_movemask_epi8(
            _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)0x9C)), _mm_set1_epi8(-122)));
        unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
        unsigned low = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-72)));
        unsigned e4 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE4)));
        /* leads wanted in lanes 0, 3, 6, 9 and 12, continuation bytes in the others up to 14 */
        unsigned bad = ((lead ^ 0x1249u) | (cont ^ 0x6DB6u) | (e4 & low >> 1)) & 0x7FFFu;
        if (bad == 0) { /* five characters, the run goes on: no need to find where it ends */
            r += 5;
            j += 15;
            continue;
        }
        unsigned k = (unsigned)__builtin_ctz(bad) / 3; /* characters wholly before it */
        *i = j + 3 * k;
        return r + k;
    }
#endif
    size_t e = el_text_han_run((const char *)u, n, j);
    *i = e;
    return r + (e - j) / 3;
}

void el_text_count_sentences(const char *s, size_t n, size_t *chars, size_t *hanzi,
                             size_t *sentences)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t c = 0, h = 0, ns = 0, k;
    size_t seg = 0; /* c when the current sentence began: it has content when c grew since */
    for (size_t i = 0;;) {
        /* A run of U+4E00–U+9FFF, most characters: Han, never blank, never a sentence end. */
        size_t r = han_span(u, n, &i);
        c += r;
        h += r;
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
            if (b != '!' && b != '?')
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
            if (!el_text_is_sentence_end(d) && !is_closer(d))
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
       255, so every 254 turns and the tail at most the lanes are added up (psadbw). The tail,
       fewer than sixteen bytes, is the last sixteen with the lanes counted already masked off. */
    while (n - i >= 16) {
        size_t turns = (n - i) / 16 < 254 ? (n - i) / 16 : 254;
        __m128i tally = _mm_setzero_si128();
        for (; turns > 0; turns--, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            tally = _mm_sub_epi8(tally, _mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
        }
        if (n - i < 16 && i < n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
            __m128i keep = _mm_loadu_si128((const __m128i *)(const void *)(last_lanes + (n - i)));
            tally = _mm_sub_epi8(tally, _mm_and_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)), keep));
            i = n;
        }
        __m128i sums = _mm_sad_epu8(tally, _mm_setzero_si128());
        conts += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
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
    for (; *words; words++)
        /* w[n] is read only when w[0..n) are all there and equal s: within the word */
        if (common_prefix(s, n, *words) == n && (*words)[n] == '\0')
            return true;
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
