/* SPDX-License-Identifier: MIT */
/*
 * The plain versions of text.c's scans, kept once for the differential tests that compare
 * the fast paths with them (test_text_scan*, test_section_fast*, test_lint_fast*, test_lint_audit): one
 * el_text_cp per character, straight from the contracts in text.h. Header-only: each test
 * file includes it once, after text.h.
 */
#ifndef EL_TESTREF_H
#define EL_TESTREF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text.h"

/* The closing marks a sentence end takes along. */
static inline bool ref_closer(uint32_t c)
{
    return c == 0x201D || c == 0x2019 || c == 0xFF09 || c == ')' || c == 0x300B || c == 0x3011 ||
           c == '"' || c == 0x300D || c == 0x300F;
}

/* End of the sentence at s[0]: past its mark (a . where el_text_dot_ends) and the marks and
   closers after it, past a line end, or n. */
static inline size_t ref_sentence_end(const char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n) {
        uint32_t c = el_text_cp(s, n, i, &k);
        i += k;
        if (c == '\n')
            return i;
        if (el_text_is_sentence_end(c) || (c == '.' && el_text_dot_ends(s, n, i - 1))) {
            while (i < n) {
                uint32_t d = el_text_cp(s, n, i, &k);
                if (!el_text_is_sentence_end(d) && !ref_closer(d))
                    break;
                i += k;
            }
            return i;
        }
    }
    return n;
}

/* The end of the sentence at s[0] of s[0..n) (a line end stops it too) and its grid count
   (cells: code points that are not blank) in *chars, one el_text_cp per character. */
static inline size_t ref_sentence(const char *s, size_t n, size_t *chars)
{
    size_t i = 0, c = 0, k;
    while (i < n) {
        uint32_t cp = el_text_cp(s, n, i, &k);
        i += k;
        if (cp == '\n')
            break;
        c += !el_text_is_space(cp);
        if (el_text_is_sentence_end(cp) || (cp == '.' && el_text_dot_ends(s, n, i - 1))) {
            while (i < n) {
                uint32_t d = el_text_cp(s, n, i, &k);
                if (!el_text_is_sentence_end(d) && !ref_closer(d))
                    break;
                c++;
                i += k;
            }
            break;
        }
    }
    *chars = c;
    return i;
}

/* Cells and Han of s[0..n), added to *chars and *hanzi. */
static inline void ref_count(const char *s, size_t n, size_t *chars, size_t *hanzi)
{
    size_t k;
    for (size_t i = 0; i < n; i += k) {
        uint32_t cp = el_text_cp(s, n, i, &k);
        *chars += !el_text_is_space(cp);
        *hanzi += el_text_is_han(cp);
    }
}

/* Cells, Han and sentences (those holding a cell) of s[0..n), added to the counts. */
static inline void ref_count_sentences(const char *s, size_t n, size_t *chars, size_t *hanzi,
                                       size_t *sentences)
{
    size_t k;
    ref_count(s, n, chars, hanzi);
    for (size_t i = 0; i < n;) {
        size_t e = i + ref_sentence_end(s + i, n - i);
        bool content = false;
        for (size_t j = i; j < e && !content; j += k)
            content = !el_text_is_space(el_text_cp(s, e, j, &k));
        *sentences += content;
        i = e;
    }
}

/* Code points: the bytes that are not continuation bytes. */
static inline size_t ref_ncp(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Whether s[0..n) is one of the words (a NULL-terminated list). */
static inline bool ref_is_one_of(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++)
        if (strlen(*words) == n && memcmp(s, *words, n) == 0)
            return true;
    return false;
}

#endif
