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

/* 1 for the bytes a JSON string must escape: 0x00-0x1f, '"' and '\\'. */
/* clang-format off */
static const unsigned char must_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1,
};
/* clang-format on */

/* Integers below this print the same under "%1.15g" and as plain digits. */
#define EXACT_INT_LIMIT 1000000000000000ULL

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

void el_jw_obj(el_jw *w)
{
    sep(w);
    el_jw_byte(w, '{');
    w->comma = false;
}

void el_jw_obj_end(el_jw *w)
{
    el_jw_byte(w, '}');
    w->comma = true;
}

void el_jw_arr(el_jw *w)
{
    sep(w);
    el_jw_byte(w, '[');
    w->comma = false;
}

void el_jw_arr_end(el_jw *w)
{
    el_jw_byte(w, ']');
    w->comma = true;
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
 * for an any-test. Flipping bit 1 maps '"' (0x22) to 0x20 and the bytes below 0x20 among
 * themselves, so one test below 0x21 covers both. */
static inline uint64_t any_escape(uint64_t x)
{
    uint64_t q = x ^ (ONES * 0x02), b = x ^ (ONES * '\\');
    return (((q - ONES * 0x21) & ~q) | ((b - ONES) & ~b)) & HIGHS;
}

/* One byte of a string at o, escaped if it must be; returns the end. */
static inline char *put_byte(char *o, unsigned char c)
{
    if (must_escape[c])
        return escape_byte(o, c);
    *o = (char)c;
    return o + 1;
}

/* s[0..n) escaped at o, which has room for 6 * n bytes; returns the end. Sixteen bytes at a
 * time, then eight; a block with a byte to escape (rare) byte by byte. */
static char *escape_into(char *o, const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        uint64_t x, y;
        memcpy(&x, s + i, 8);
        memcpy(&y, s + i + 8, 8);
        if (any_escape(x) | any_escape(y)) {
            for (size_t j = i; j < i + 16; j++)
                o = put_byte(o, s[j]);
            continue;
        }
        memcpy(o, &x, 8);
        memcpy(o + 8, &y, 8);
        o += 16;
    }
    if (i + 8 <= n) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (!any_escape(x)) {
            memcpy(o, &x, 8);
            o += 8;
            i += 8;
        }
    }
    for (; i < n; i++)
        o = put_byte(o, s[i]);
    return o;
}

/* Strings up to this long are written with their quotes in one reservation. */
#define SHORT_STRING 4096

/* A string value: quotes and the body escaped. A long one goes in chunks so the worst case
 * (every byte a 6-byte \u00xx) is reserved for one chunk, not for a whole 30 MB paragraph. */
static void put_string(el_jw *w, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n <= SHORT_STRING) { /* nearly all: one room() for all of it */
        char *o = room(w, 6 * n + 2);
        *o++ = '"';
        o = escape_into(o, s, n);
        *o++ = '"';
        w->n = (size_t)(o - w->v);
        return;
    }
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

void el_jw_key(el_jw *w, const char *k)
{
    sep(w);
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
    sep(w);
    put_string(w, s, n);
    w->comma = true;
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

/* "00" to "99": two digits per division. */
static const char digit_pairs[201] = "00010203040506070809101112131415161718192021222324"
                                     "25262728293031323334353637383940414243444546474849"
                                     "50515253545556575859606162636465666768697071727374"
                                     "75767778798081828384858687888990919293949596979899";

/* Decimal digits of v (below EXACT_INT_LIMIT), with a '-' when neg, written in place. */
static void put_digits(el_jw *w, uint64_t v, bool neg)
{
    size_t nd = 1; /* digits */
    uint64_t t = v;
    for (; t >= 100; t /= 100)
        nd += 2;
    nd += t >= 10;
    char *o = room(w, nd + 1);
    if (neg)
        *o++ = '-';
    char *p = o + nd;
    while (v >= 100) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * v, 2);
    } else {
        *--p = (char)('0' + v);
    }
    w->n = (size_t)(o + nd - w->v);
}

/* cJSON's test that a printed number reads back as the double it came from. */
static bool same_double(double a, double b)
{
    double max = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= max * DBL_EPSILON;
}

void el_jw_num(el_jw *w, double d)
{
    if (isnan(d) || isinf(d)) {
        el_jw_null(w);
        return;
    }
    sep(w);
    w->comma = true;
    /* Integers print as their digits under "%1.15g" below 10^15; -0 prints "-0", so it
     * takes the general path. */
    double a = fabs(d);
    if (a < (double)EXACT_INT_LIMIT && a == floor(a) && !(d == 0 && signbit(d))) {
        put_digits(w, (uint64_t)a, d < 0);
        return;
    }
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%1.15g", d);
    double back = strtod(buf, NULL);
    if (!same_double(back, d))
        len = snprintf(buf, sizeof buf, "%1.17g", d);
    put(w, buf, (size_t)len);
}

void el_jw_uint(el_jw *w, uint64_t v)
{
    if (v >= EXACT_INT_LIMIT) {
        el_jw_num(w, (double)v);
        return;
    }
    sep(w);
    put_digits(w, v, false);
    w->comma = true;
}

void el_jw_int(el_jw *w, int64_t v)
{
    if (v <= -(int64_t)EXACT_INT_LIMIT || v >= (int64_t)EXACT_INT_LIMIT) {
        el_jw_num(w, (double)v);
        return;
    }
    sep(w);
    put_digits(w, v < 0 ? (uint64_t)-v : (uint64_t)v, v < 0);
    w->comma = true;
}
