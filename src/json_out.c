/* SPDX-License-Identifier: MIT */
/*
 * The streaming JSON writer (see json_out.h). Output must stay byte-identical to
 * cJSON_PrintUnformatted, so the rules below are cJSON's (1.7.x print_string_ptr and
 * print_number), not JSON's freedoms: escape '"', '\\' and the bytes below 0x20 only (\b \f
 * \n \r \t by name, the rest as \u00xx in lower-case hex; DEL, invalid UTF-8 and U+2028 pass
 * through); print a number with "%1.15g" unless that does not read back as the same double
 * (then "%1.17g"), and NaN or infinity as null.
 */
#include "json_out.h"

#include "util.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* SSE2 for the string scan where the compiler has it (all of x86-64); the unit test also
 * builds this file with EL_JW_SSE2 0 to check the portable scan. */
#ifndef EL_JW_SSE2
#if defined(__SSE2__) && defined(__GNUC__)
#define EL_JW_SSE2 1
#else
#define EL_JW_SSE2 0
#endif
#endif
#if EL_JW_SSE2
#include <emmintrin.h>
#endif

/* 1 for the bytes a JSON string must escape: 0x00-0x1f, '"' and '\\'. */
/* clang-format off */
static const unsigned char must_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1,
};
/* clang-format on */

/* Integers below this print the same under "%1.15g" and as plain digits. */
#define EXACT_INT_LIMIT EL_JW_EXACT_INT

void el_jw_init(el_jw *w, size_t cap)
{
    w->cap = cap ? cap : 4096;
    w->v = xmalloc(w->cap);
    w->n = 0;
    w->comma = false;
}

void el_jw_free(el_jw *w)
{
    free(w->v);
    w->v = NULL;
    w->n = w->cap = 0;
}

/* Room for k more bytes. */
static inline char *room(el_jw *w, size_t k)
{
    if (w->cap - w->n < k)
        w->v = xgrow(w->v, &w->cap, w->n + k, 1);
    return w->v + w->n;
}

static inline void put(el_jw *w, const char *s, size_t n)
{
    memcpy(room(w, n), s, n);
    w->n += n;
}

/* The separator before a value or key, if one has just ended. */
static inline void sep(el_jw *w)
{
    if (w->comma) {
        *room(w, 1) = ',';
        w->n++;
    }
}

void el_jw_byte(el_jw *w, char c)
{
    *room(w, 1) = c;
    w->n++;
}

/* One byte that must be escaped, at o; returns the end of the escape. */
static char *escape_byte(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    *o++ = '\\';
    switch (c) {
    case '"':
    case '\\':
        *o++ = (char)c;
        break;
    case '\b':
        *o++ = 'b';
        break;
    case '\f':
        *o++ = 'f';
        break;
    case '\n':
        *o++ = 'n';
        break;
    case '\r':
        *o++ = 'r';
        break;
    case '\t':
        *o++ = 't';
        break;
    default:
        memcpy(o, "u00", 3);
        o[3] = hex[c >> 4];
        o[4] = hex[c & 15];
        o += 5;
        break;
    }
    return o;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Whether any of the 8 bytes in x must be escaped: a byte below 0x20, '"' or '\\'.
 * (v - ONES*k) & ~v & HIGHS is non-zero iff some byte of v is below k (bytes with the high
 * bit set never count); a borrow can only add false hits above a true one, which is fine
 * for an any-test. Flipping bit 1 maps '"' (0x22) to 0x20 and the bytes below 0x20
 * among themselves, so one test below 0x21 covers both. */
static inline uint64_t any_escape(uint64_t x)
{
    uint64_t q = x ^ (ONES * 0x02), b = x ^ (ONES * '\\');
    return (((q - ONES * 0x21) & ~q) | ((b - ONES) & ~b)) & HIGHS;
}

/*
 * Copying a string's bytes while looking for the ones to escape (none, nearly always). The
 * copies run ahead: a block is stored before it is tested, and what follows a byte to escape
 * is written over by its escape and the rest. So the target needs room for all n bytes,
 * which it has (an escaped string is never shorter).
 */

#if EL_JW_SSE2
/* 0xFF in each lane of x that holds a byte to escape. Flipping bit 1 maps '"' (0x22) to 0x20
 * and the bytes below 0x20 among themselves (as in any_escape), so one unsigned test,
 * min(q, 0x20) == q, finds both. */
static inline __m128i escapes(__m128i x)
{
    __m128i q = _mm_xor_si128(x, _mm_set1_epi8(0x02));
    __m128i ctl_quote = _mm_cmpeq_epi8(_mm_min_epu8(q, _mm_set1_epi8(0x20)), q);
    return _mm_or_si128(ctl_quote, _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
}

/* escapes of the 16 bytes at s, having copied them to o. */
static inline __m128i escapes16(char *o, const unsigned char *s)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    _mm_storeu_si128((__m128i *)(void *)o, x);
    return escapes(x);
}
#endif

/* Bytes from 16 on: copy the longest prefix of s[0..n) with no byte to escape to o and return
 * its length. With SSE2 (every x86-64 has it), sixty-four bytes a turn tested together (a
 * paragraph is a few hundred), then sixteen, where a turn that found a byte is tested again;
 * else eight. Then the last block once more, overlapping bytes known to be clean. */
static size_t copy_clean_long(char *o, const unsigned char *s, size_t n)
{
    size_t i = 0;
#if EL_JW_SSE2
    for (; i + 64 <= n; i += 64) {
        __m128i a = escapes16(o + i, s + i), b = escapes16(o + i + 16, s + i + 16);
        __m128i c = escapes16(o + i + 32, s + i + 32), d = escapes16(o + i + 48, s + i + 48);
        if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) != 0)
            break;
    }
    unsigned m;
    for (; i + 16 <= n; i += 16)
        if ((m = (unsigned)_mm_movemask_epi8(escapes16(o + i, s + i))) != 0)
            return i + (size_t)__builtin_ctz(m);
    if (i < n && (m = (unsigned)_mm_movemask_epi8(escapes16(o + n - 16, s + n - 16))) != 0)
        return n - 16 + (size_t)__builtin_ctz(m); /* past i: [n-16, i) is clean */
    return n;
#else
    uint64_t x;
    for (; i + 8 <= n; i += 8) {
        memcpy(&x, s + i, 8);
        if (any_escape(x))
            break;
        memcpy(o + i, &x, 8);
    }
    if (i + 8 > n) { /* the last word: [n-8, i) is clean already */
        memcpy(&x, s + n - 8, 8);
        if (!any_escape(x)) {
            memcpy(o + n - 8, &x, 8);
            return n;
        }
    }
    for (; i < n && !must_escape[s[i]]; i++)
        o[i] = (char)s[i];
    return i;
#endif
}

/* copy_clean_long for any n. Most strings are short (a rule id, a place name, a unit): under
 * 16 bytes, one or two overlapping words are tested and copied, no loop and no call; only a
 * string under four bytes, or one with a byte to escape, goes byte by byte. */
static inline size_t copy_clean(char *o, const unsigned char *s, size_t n)
{
    if (n >= 16)
        return copy_clean_long(o, s, n);
    if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
#if EL_JW_SSE2 /* both words in one register: fewer registers than the word test */
        if (_mm_movemask_epi8(escapes(_mm_set_epi64x((long long)b, (long long)a))) == 0) {
#else
        if (!(any_escape(a) | any_escape(b))) {
#endif
            memcpy(o, &a, 8);
            memcpy(o + n - 8, &b, 8);
            return n;
        }
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        if (!any_escape((uint64_t)a << 32 | b)) {
            memcpy(o, &a, 4);
            memcpy(o + n - 4, &b, 4);
            return n;
        }
    }
    size_t i = 0;
    for (; i < n && !must_escape[s[i]]; i++)
        o[i] = (char)s[i];
    return i;
}

/* s[0..n) escaped at o, which has room for 6 * n bytes; returns the end. */
static char *escape_slow(char *o, const unsigned char *s, size_t n);

/* escape_slow with the common case inline: no byte to escape. */
static inline char *escape_into(char *o, const unsigned char *s, size_t n)
{
    size_t k = copy_clean(o, s, n);
    return k == n ? o + n : escape_slow(o + k, s + k, n - k);
}

static char *escape_slow(char *o, const unsigned char *s, size_t n)
{
    while (n > 0) {
        do { /* escapes often come in runs (a CRLF, a control-byte blob) */
            o = escape_byte(o, *s++);
            n--;
        } while (n > 0 && must_escape[*s]);
        size_t k = copy_clean(o, s, n);
        o += k;
        s += k;
        n -= k;
    }
    return o;
}

/* Strings up to this long are written with their separator and quotes in one reservation. */
#define SHORT_STRING 4096

/* put_string for a string longer than SHORT_STRING: in chunks, so the worst case (every byte
 * a 6-byte \u00xx) is reserved for one chunk, not for a whole 30 MB paragraph. */
static void put_long_string(el_jw *w, const unsigned char *s, size_t n)
{
    sep(w);
    el_jw_byte(w, '"');
    while (n > 0) {
        size_t k = n < SHORT_STRING ? n : SHORT_STRING;
        char *o = escape_into(room(w, 6 * k), s, k);
        w->n = (size_t)(o - w->v);
        s += k;
        n -= k;
    }
    el_jw_byte(w, '"');
}

/* A string value (with its separator when one is due): quotes and the body escaped, then
 * comma set. Kept lean, the rarer cases out of line (a long string, a byte to escape, a full
 * buffer), as it runs for nearly every string of a report. */
static inline void put_string(el_jw *w, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n > SHORT_STRING) {
        put_long_string(w, s, n);
    } else { /* nearly all: one reservation for all of it */
        char *o = room(w, 6 * n + 3);
        if (w->comma)
            *o++ = ',';
        *o++ = '"';
        size_t k = copy_clean(o, s, n);
        o = k == n ? o + n : escape_slow(o + k, s + k, n - k);
        *o++ = '"';
        w->n = (size_t)(o - w->v);
    }
    w->comma = true;
}

void el_jw_key(el_jw *w, const char *k)
{
    put_string(w, k, strlen(k));
    el_jw_byte(w, ':');
    w->comma = false;
}

void el_jw_reserve(el_jw *w, size_t k)
{
    room(w, k);
}

void el_jw_strn(el_jw *w, const char *s, size_t n)
{
    put_string(w, s, n);
}

void el_jw_str(el_jw *w, const char *s)
{
    el_jw_strn(w, s, strlen(s));
}

void el_jw_null(el_jw *w)
{
    sep(w);
    put(w, "null", 4);
    w->comma = true;
}

void el_jw_bool(el_jw *w, bool b)
{
    sep(w);
    if (b)
        put(w, "true", 4);
    else
        put(w, "false", 5);
    w->comma = true;
}

void el_jw_raw(el_jw *w, const char *json, size_t n)
{
    sep(w);
    put(w, json, n);
    w->comma = true;
}

/* A whole number below EXACT_INT_LIMIT as a value (with a '-' when neg): the separator, the
 * sign and the digits in one reservation, as reports write a number for nearly every key. */
static void put_integer(el_jw *w, uint64_t v, bool neg)
{
    char *o = room(w, 2 + 20);
    if (w->comma)
        *o++ = ',';
    if (neg)
        *o++ = '-';
    o = el_jw_digits(o, v);
    w->n = (size_t)(o - w->v);
    w->comma = true;
}

/* cJSON's test that a printed number reads back as the double it came from. */
static bool same_double(double a, double b)
{
    double max = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= max * DBL_EPSILON;
}

/*
 * d as a short decimal, when that is exactly what "%1.15g" prints: a (below 1e9, not below
 * 1e-4, so printf's notation is fixed) is m / 10^k for a whole m and k from 1 to 6, that
 * division being correctly rounded; such a decimal has at most 15 significant digits, so the
 * double nearest to it prints back as it under "%1.15g" (DBL_DIG is 15), with no trailing
 * zero as k is the smallest. Statistics are values like 3.5 and 12.75: this spares them
 * printf and strtod. False, having written nothing, for any other value.
 */
static bool put_short_decimal(el_jw *w, double d)
{
    static const double pow10[] = {1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    double a = fabs(d);
    if (!(a >= 1e-4 && a < 1e9))
        return false;
    for (size_t k = 0; k < sizeof pow10 / sizeof *pow10; k++) {
        double m = nearbyint(a * pow10[k]);
        if (m / pow10[k] != a)
            continue;
        uint64_t v = (uint64_t)m, scale = (uint64_t)pow10[k];
        uint64_t ip = v / scale, frac = v % scale;
        if (frac % 10 == 0) /* not the smallest k after all: leave it to printf */
            return false;
        char *o = room(w, 2 + 20 + 1 + 6);
        if (w->comma)
            *o++ = ',';
        if (d < 0)
            *o++ = '-';
        o = el_jw_digits(o, ip);
        *o++ = '.';
        for (size_t i = k + 1; i-- > 0;) { /* k + 1 fraction digits, leading zeros kept */
            o[i] = (char)('0' + frac % 10);
            frac /= 10;
        }
        w->n = (size_t)(o + k + 1 - w->v);
        w->comma = true;
        return true;
    }
    return false;
}

void el_jw_num(el_jw *w, double d)
{
    /* The commonest, a small whole number (a count, a year), as el_jw_uint prints it; not -0,
     * which prints "-0" below. NaN fails the first test. */
    if (d >= 0 && d < 100000) {
        uint32_t u = (uint32_t)d;
        if ((double)u == d && (u > 0 || !signbit(d))) {
            el_jw_uint(w, u);
            return;
        }
    }
    if (isnan(d) || isinf(d)) {
        el_jw_null(w);
        return;
    }
    /* Integers print as their digits under "%1.15g" below 10^15; -0 prints "-0", so it
     * takes the general path. */
    double a = fabs(d);
    if (a < (double)EXACT_INT_LIMIT && a == floor(a) && !(d == 0 && signbit(d))) {
        put_integer(w, (uint64_t)a, d < 0);
        return;
    }
    if (put_short_decimal(w, d))
        return;
    sep(w);
    w->comma = true;
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%1.15g", d);
    double back = strtod(buf, NULL);
    if (!same_double(back, d))
        len = snprintf(buf, sizeof buf, "%1.17g", d);
    put(w, buf, (size_t)len);
}

void el_jw_uint_any(el_jw *w, uint64_t v)
{
    if (v >= EXACT_INT_LIMIT) {
        el_jw_num(w, (double)v);
        return;
    }
    put_integer(w, v, false);
}

void el_jw_int_any(el_jw *w, int64_t v)
{
    if (v <= -(int64_t)EXACT_INT_LIMIT || v >= (int64_t)EXACT_INT_LIMIT) {
        el_jw_num(w, (double)v);
        return;
    }
    put_integer(w, v < 0 ? (uint64_t)-v : (uint64_t)v, v < 0);
}
