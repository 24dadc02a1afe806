/* SPDX-License-Identifier: MIT */
/*
 * Small text helpers over UTF-8 that several stages share: sentence ends,
 * grid counting, Han detection, prefix matching against word lists.
 * Internal header: any src/ file or test may include it.
 */
#ifndef EL_TEXT_H
#define EL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* el_text_cp() for the shapes it does not inline. */
uint32_t el_text_cp_slow(const char *s, size_t n, size_t i, size_t *len);
/* Decode the code point at s[i] (i < n); *len gets its byte length. Invalid bytes give U+FFFD. */
static inline uint32_t el_text_cp(const char *s, size_t n, size_t i, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s + i;
    /* Inline the two shapes that make up nearly all of an essay (ASCII and the 3-byte BMP,
       where all of CJK lives); libunistring decodes, and rejects, everything else. */
    uint32_t b0 = p[0];
    if (b0 < 0x80) {
        *len = 1;
        return b0;
    }
    if (b0 - 0xE0 < 0x10 && n - i >= 3) {
        /* continuation bytes 10xxxxxx are below 0x40 once their top bit is flipped */
        uint32_t b1 = p[1] ^ 0x80u, b2 = p[2] ^ 0x80u;
        uint32_t c = (b0 & 0x0F) << 12 | b1 << 6 | b2;
        /* not overlong, not a surrogate (c - 0xD800 wraps round below 0xD800) */
        if ((b1 | b2) < 0x40 && c >= 0x800 && c - 0xD800 >= 0x800) {
            *len = 3;
            return c;
        }
    }
    return el_text_cp_slow(s, n, i, len);
}
/* Offset of the code point that ends just before s[i] (i > 0). */
static inline size_t el_text_back(const char *s, size_t i)
{
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4)
        j--;
    return j;
}
/* Code point ending just before s[i] (i > 0); *start gets its offset. */
static inline uint32_t el_text_prev_cp(const char *s, size_t i, size_t *start)
{
    size_t j = el_text_back(s, i), k;
    *start = j;
    return el_text_cp(s, i, j, &k);
}
/* True for a Han ideograph. */
static inline bool el_text_is_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x3134F) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}
/* True for whitespace: ASCII, U+00A0, and the separators (Zs, Zl, Zp) other than the no-break
 * U+2007/U+202F, as libunistring's uc_is_space sees them (U+3000 included). Inline, because
 * counting asks it of every character: no library call for any code point. */
static inline bool el_text_is_white(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    if (c < 0x1680)
        return c == 0xA0;
    if (c >= 0x2000 && c <= 0x205F)
        return (c <= 0x200A && c != 0x2007) || c == 0x2028 || c == 0x2029 || c == 0x205F;
    return c == 0x1680 || c == 0x3000;
}
/* True for an invisible character: Unicode's Default_Ignorable_Code_Point set (zero-width
 * space and joiners U+200B..U+200D, word joiner U+2060, a stray BOM U+FEFF, soft hyphen,
 * bidi controls, variation selectors, ...). Pasted text carries them unseen; nobody writes
 * them in a grid cell, and they end no sentence and start none. */
static inline bool el_text_is_invisible(uint32_t c)
{
    if (c < 0xAD)
        return false;
    if (c < 0x2000)
        return c == 0xAD || c == 0x34F || c == 0x61C || c == 0x115F || c == 0x1160 || c == 0x17B4 ||
               c == 0x17B5 || (c >= 0x180B && c <= 0x180F);
    if (c <= 0x206F)
        return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || c >= 0x2060;
    if (c < 0xFE00)
        return c == 0x3164;
    if (c <= 0xFFFF)
        return c <= 0xFE0F || c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8);
    return (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A) ||
           (c >= 0xE0000 && c <= 0xE0FFF);
}
/* True for what takes no cell of an answer grid: whitespace or an invisible character. Every
 * caller means that: the grid counts (el_text_count, the length rules), blank lines, and a
 * clause break in front of a case (an invisible character hides whatever stands before it). */
static inline bool el_text_is_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    /* CJK punctuation, kana and Han, the common case: blank only the Hangul filler U+3164 */
    if (c - 0x3001u <= 0x9FFFu - 0x3001u)
        return c == 0x3164;
    if (c - 0xFF01u <= 0xFF9Fu - 0xFF01u) /* full-width forms (，：！？…), never blank */
        return false;
    return el_text_is_white(c) || el_text_is_invisible(c);
}
/*
 * Offset past the run of characters U+4E00–U+9FFF (E4 B8 80 to E9 BF BF, the bulk of an
 * essay) that starts at s[i], i <= n: i itself when s[i] starts none. Those are the code
 * points el_text_cp would decode there, three bytes each. Two at a time while eight bytes
 * can be read: one load, one test of the four continuation bytes, a range test per lead byte.
 */
static inline size_t el_text_han_run(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (n - i >= 8) {
        uint64_t x; /* bytes i..i+7, s[i] in the low byte */
        memcpy(&x, u + i, 8);
        if ((x & 0x0000C0C000C0C000ull) != 0x0000808000808000ull)
            break; /* bytes 1, 2, 4 and 5 are not all continuation bytes */
        unsigned b0 = (unsigned)x & 0xFF, b3 = (unsigned)(x >> 24) & 0xFF;
        if (b0 - 0xE4u > 0xE9u - 0xE4u || (b0 == 0xE4 && u[i + 1] < 0xB8))
            break;
        if (b3 - 0xE4u > 0xE9u - 0xE4u || (b3 == 0xE4 && u[i + 4] < 0xB8)) {
            i += 3;
            break;
        }
        i += 6;
    }
#endif
    while (n - i >= 3 && ((unsigned)u[i] << 8 | u[i + 1]) - 0xE4B8u <= 0xE9BFu - 0xE4B8u &&
           ((u[i + 1] ^ 0x80) | (u[i + 2] ^ 0x80)) < 0x40)
        i += 3;
    return i;
}
/* True for a sentence-final mark: 。！？!? (and ． / ；is not). */
static inline bool el_text_is_sentence_end(uint32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?';
}
/* True for a closing quote or bracket, which stays with a sentence after its final mark. */
static inline bool el_text_is_closer(uint32_t c)
{
    return c == 0x201D || c == 0x2019 || c == 0xFF09 || c == ')' || c == 0x300B || c == 0x3011 ||
           c == '"' || c == 0x300D || c == 0x300F;
}
/*
 * Whether the half-width . at s[i] of s[0..n) ends a sentence, as an English input method
 * writes 。: after Han (closers passed over: "毒瘤".) or a percentage, not in a run of dots,
 * not after a list number (一. （三）. 第一.), not before a Latin letter (spaces passed over).
 * So 技术是反诈的利器.浙江 ends there; 3.5, e.g., www.gov.cn, 1. and 一.加强 do not.
 * (el_text_dot_ends_slow: the same, without the quick test of the byte before.)
 */
bool el_text_dot_ends_slow(const char *s, size_t n, size_t i);
static inline bool el_text_dot_ends(const char *s, size_t n, size_t i)
{
    /* only after a character of two or more bytes, a " a ) or a %: a decimal point (3.5), a
       list number (1.), a URL or an abbreviation goes at once */
    unsigned char b = i > 0 ? (unsigned char)s[i - 1] : 0;
    return (b >= 0x80 || b == '"' || b == ')' || b == '%') && el_text_dot_ends_slow(s, n, i);
}
/* Whether s[0..i) ends in a list number of Chinese numerals, closers passed over: 一 or 十二
   after no Han, （三）, 第一 (before a . that is then no full stop). */
bool el_text_list_number(const char *s, size_t i);
/*
 * End of the sentence starting at s[0]: byte offset just past its final mark (。！？!? or a
 * . that el_text_dot_ends) and any closing quotes/brackets that follow it, or n when the
 * text ends first.
 */
size_t el_text_sentence_end(const char *s, size_t n);
/* el_text_sentence_end, and the code points of s[0..end) in *cps, in one pass. */
size_t el_text_sentence_end_ncp(const char *s, size_t n, size_t *cps);
/* Past the sentence-end marks and closers from s[i] on (those after a final mark); their
 * number in *count. */
size_t el_text_end_tail(const char *s, size_t n, size_t i, size_t *count);
/* Grid count (code points that are not el_text_is_space) and Han count of s[0..n), added to
 * *chars and *hanzi. */
void el_text_count(const char *s, size_t n, size_t *chars, size_t *hanzi);
/* el_text_count and, added to *sentences, el_text_sentences of s[0..n), in one pass. */
void el_text_count_sentences(const char *s, size_t n, size_t *chars, size_t *hanzi,
                             size_t *sentences);
/* Number of sentences in s[0..n) (a trailing fragment counts as one when it holds anything
 * but el_text_is_space characters). */
size_t el_text_sentences(const char *s, size_t n);
/* Code points in s[0..n). */
size_t el_text_ncp(const char *s, size_t n);
/* If s[0..n) starts with one of the NULL-terminated words, return its byte length, else 0
 * (the longest match wins). */
size_t el_text_prefix(const char *s, size_t n, const char *const *words);
/* True if s[0..n) equals one of the NULL-terminated words. */
bool el_text_is_one_of(const char *s, size_t n, const char *const *words);
/* True if s[0..n) contains one of the NULL-terminated words anywhere (as a memmem for each
 * would find it), in one pass over s for the whole list. */
bool el_text_contains_any(const char *s, size_t n, const char *const *words);
/* Display width in terminal columns (CJK wide), via libunistring. */
size_t el_text_width(const char *s, size_t n);

#endif
