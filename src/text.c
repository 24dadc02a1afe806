/* SPDX-License-Identifier: MIT */
/*
 * Shared text helpers: code points, sentence ends and grid counting, so that
 * counts, section titles and length rules agree on what a sentence is.
 */
#include "text.h"

#include <string.h>
#include <unistr.h>
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

size_t el_text_sentence_end(const char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n) {
        uint32_t c = el_text_cp(s, n, i, &k);
        i += k;
        if (c == '\n')
            return i;
        if (el_text_is_sentence_end(c)) {
            while (i < n) {
                uint32_t d = el_text_cp(s, n, i, &k);
                if (!el_text_is_sentence_end(d) && !is_closer(d))
                    break;
                i += k;
            }
            return i;
        }
    }
    return n;
}

void el_text_count(const char *s, size_t n, size_t *chars, size_t *hanzi)
{
    size_t c = 0, h = 0, k;
    for (size_t i = 0; i < n; i += k) {
        uint32_t cp = el_text_cp(s, n, i, &k);
        if (!el_text_is_space(cp))
            c++;
        if (el_text_is_han(cp))
            h++;
    }
    *chars += c;
    *hanzi += h;
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

size_t el_text_ncp(const char *s, size_t n)
{
    /* Every byte but the continuation bytes (10xxxxxx), eight at a time: positions count a
       few hundred bytes from their checkpoint, and labels and titles are measured all the time. */
    size_t conts = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        /* one bit per continuation byte, moved to bit 0 and summed by the multiply */
        uint64_t c = (x & ~(x << 1) & 0x8080808080808080ull) >> 7;
        conts += (size_t)((c * 0x0101010101010101ull) >> 56);
    }
    for (; i < n; i++)
        conts += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - conts;
}

size_t el_text_prefix(const char *s, size_t n, const char *const *words)
{
    size_t best = 0;
    if (n == 0)
        return 0;
    for (; *words; words++) {
        if ((*words)[0] != s[0]) /* most words fail on the first byte: skip their strlen */
            continue;
        size_t k = strlen(*words);
        if (k > best && k <= n && memcmp(s, *words, k) == 0)
            best = k;
    }
    return best;
}

bool el_text_is_one_of(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++)
        if (strlen(*words) == n && memcmp(s, *words, n) == 0)
            return true;
    return false;
}

size_t el_text_width(const char *s, size_t n)
{
    int w = u8_width((const uint8_t *)s, n, "UTF-8");
    return w > 0 ? (size_t)w : 0;
}
